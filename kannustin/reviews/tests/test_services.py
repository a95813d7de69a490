"""The rules of reviewing: assignment, disqualification, scoring arithmetic and who sees what."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from conftest import make_user
from kannustin.accounts.roles import Role
from kannustin.core.permissions import can
from kannustin.registry.models import Organisation

from .. import services
from ..models import ApplicationScore, Ground, Review, Tie
from .helpers import evaluation_call, review, scores, submitted_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(reference_data):
    return evaluation_call()


@pytest.fixture
def official():
    return make_user(Role.OFFICIAL)


@pytest.fixture
def signatory(helsinki):
    return make_user(Role.SIGNATORY, helsinki)


@pytest.fixture
def application(call, helsinki, signatory):
    return submitted_application(call, helsinki, signatory)


def reviewer(n):
    return make_user(Role.REVIEWER, email=f"arvioija{n}@example.com")


class FakeReview:
    def __init__(self, state, **values):
        self.state = state
        self.scores = scores(**values)

    def score_of(self, code):
        return (self.scores.get(code) or {}).get("score")


class FakeCriterion:
    def __init__(self, code, weight, is_scored=True):
        self.code, self.weight, self.is_scored = code, Decimal(weight), is_scored


def test_score_is_the_weighted_mean_of_the_reviewers_means_from_complete_reviews_only():
    criteria = [FakeCriterion("G1", "2"), FakeCriterion("C1", "1"), FakeCriterion("X", "5", is_scored=False)]
    reviews = [
        FakeReview(Review.State.SUBMITTED, G1=4, C1=2),
        FakeReview(Review.State.SUBMITTED, G1=5, C1=5),
        FakeReview(Review.State.IN_PROGRESS, G1=0, C1=0),  # a draft never counts
        FakeReview(Review.State.DISQUALIFIED),
    ]
    result = services.compute(criteria, reviews)
    # G1 mean 4.5 (weight 2), C1 mean 3.5 (weight 1): (9 + 3.5) / 3
    assert result.score == Decimal("4.167")
    assert result.means == {"G1": Decimal("4.500"), "C1": Decimal("3.500")}
    assert result.complete == 2 and result.reviewers == 3
    assert result.flagged == ["C1"]  # 2 and 5 differ by 3; G1's 4 and 5 by 1


def test_a_submitted_review_missing_a_criterion_is_not_complete():
    criteria = [FakeCriterion("G1", "2"), FakeCriterion("C1", "1")]
    result = services.compute(criteria, [FakeReview(Review.State.SUBMITTED, G1=4)])
    assert result.score is None and result.complete == 0


def test_two_reviews_give_the_application_its_stored_score(application, official):
    review(application, reviewer(1), official, G1=4, C1=2)
    review(application, reviewer(2), official, G1=4, C1=4)
    row = ApplicationScore.objects.get(application=application)
    assert row.score == Decimal("3.667")  # (G1 4 × 2 + C1 3 × 1) / 3
    assert row.complete == 2 and row.flagged == ["C1"] and row.has_flags


def test_automatic_assignment_balances_the_load_and_avoids_ties(call, official, reference_data):
    organisations = list(Organisation.objects.filter(code__in=["091", "049", "092", "853"]).order_by("code"))
    applications = [
        submitted_application(call, organisation, make_user(Role.SIGNATORY, organisation))
        for organisation in organisations
    ]
    pool = [reviewer(n) for n in range(3)]
    Tie.objects.create(reviewer=pool[0], organisation=organisations[0], kind=Tie.Kind.HOME)
    made = services.auto_assign(call, by=official)
    assert made == 8
    loads = sorted(Review.objects.filter(reviewer=r).count() for r in pool)
    assert loads[-1] - loads[0] <= 1
    tied = next(a for a in applications if a.organisation_id == organisations[0].pk)
    assert not Review.objects.filter(application=tied, reviewer=pool[0]).exists()
    assert services.auto_assign(call, by=official) == 0  # everyone has two already


def test_manual_assignment_refuses_a_tie_and_a_second_assignment(application, official, helsinki):
    tied, free = reviewer(1), reviewer(2)
    Tie.objects.create(reviewer=tied, organisation=helsinki, kind=Tie.Kind.EMPLOYER)
    with pytest.raises(services.Refused) as refused:
        services.assign(application, tied, by=official)
    assert refused.value.code == "tie"
    services.assign(application, free, by=official)
    with pytest.raises(services.Refused):
        services.assign(application, free, by=official)


def test_only_officials_assign(application):
    with pytest.raises(PermissionDenied):
        services.assign(application, reviewer(1), by=reviewer(2))


def test_a_disqualified_reviewer_is_replaced_and_sees_nothing_more(application, official):
    first, second = reviewer(1), reviewer(2)
    item = services.assign(application, first, by=official)
    assert can(first, "reviews.declare_review", item)
    assert not can(first, "applications.view_ministry_application", application)  # not before declaring
    with pytest.raises(ValidationError):
        services.declare(item, by=first, disqualified=True)  # a ground and an explanation are needed
    item = services.declare(
        item, by=first, disqualified=True, ground=Ground.EMPLOYMENT, explanation="Työskentelen hakijalla."
    )
    assert item.state == Review.State.DISQUALIFIED and item.declared_at
    assert item.replaced_by.reviewer == second
    assert not can(first, "applications.view_ministry_application", application)
    assert not can(first, "reviews.declare_review", item)
    assert not can(first, "reviews.view_review", item)


def test_a_disqualified_official_no_longer_sees_the_application(application, official):
    assert can(official, "applications.view_ministry_application", application)
    official.global_roles.create(role=Role.REVIEWER)
    official = type(official).objects.get(pk=official.pk)
    item = services.assign(application, official, by=official)
    services.declare(
        item, by=official, disqualified=True, ground=Ground.BOARD, explanation="Hallituksen jäsen."
    )
    application.__dict__.pop("_reviews_by_user", None)
    assert not can(official, "applications.view_ministry_application", application)
    assert not can(official, "applications.view_application", application)


def test_scoring_keeps_drafts_refuses_stale_forms_and_requires_justifications(application, official):
    person = reviewer(1)
    item = services.declare(services.assign(application, person, by=official), by=person, disqualified=False)
    item = services.save(
        item,
        by=person,
        scores={"G1": {"score": "4", "justification": ""}},
        comment="Kesken",
        version=item.version,
    )
    assert item.score_of("G1") == 4 and item.state == Review.State.IN_PROGRESS
    with pytest.raises(services.Conflict):
        services.save(item, by=person, scores={}, comment="", version=item.version - 1)
    with pytest.raises(ValidationError) as missing:
        services.submit(
            item,
            by=person,
            scores={"G1": {"score": 4, "justification": ""}},
            comment="",
            version=item.version,
        )
    assert {"justification_G1", "score_C1"} <= set(missing.value.message_dict)
    with pytest.raises(ValidationError):
        services.save(item, by=person, scores={"G1": {"score": 9}}, comment="", version=item.version)


def test_others_reviews_are_visible_only_after_submitting_ones_own(application, official):
    first, second = reviewer(1), reviewer(2)
    review(application, first, official, G1=3, C1=3)
    item = services.declare(services.assign(application, second, by=official), by=second, disqualified=False)
    assert not can(second, "reviews.view_reviews_application", application)
    services.submit(item, by=second, scores=scores(G1=4, C1=4), comment="", version=item.version)
    application.__dict__.pop("_reviews_by_user", None)
    assert can(second, "reviews.view_reviews_application", application)
