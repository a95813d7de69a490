"""The demo's 2019 round reviewed and decided (`kannustin.demo.evaluation`): 41 track-1 grants from 11 900 € to
2 000 000 € within the track's share, the rest rejected with reasons, two different people presenting and
signing, a request for rectification decided, and the track-2 joint applications decided."""

import io
import re
import time
from collections import Counter
from datetime import date
from decimal import Decimal

import pypdf
import pytest
from allauth.mfa.models import Authenticator
from django.db import transaction
from django.test import override_settings

from kannustin.accounts.models import Membership, User
from kannustin.accounts.roles import Role
from kannustin.applications.models import DECIDED, Application, Status
from kannustin.core import clock
from kannustin.core.models import AuditEvent, Notification, OutboundEmail
from kannustin.decisions import documents
from kannustin.decisions import services as decision_services
from kannustin.decisions.models import Decision, DecisionTemplate, RectificationRequest, Scenario
from kannustin.decisions.tasks import stored_pdf
from kannustin.demo import applications as demo_data
from kannustin.demo import evaluation, track2
from kannustin.demo import evaluation_texts as texts
from kannustin.demo.users import create_demo_users
from kannustin.programmes.setup import create_demo_programme, create_programme_2019
from kannustin.reviews import services as review_services
from kannustin.reviews.models import ApplicationScore, Review, Tie

# One worker seeds the round once for the whole module (below); each test rolls back to it.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo_2019")]

NUMBER = re.compile(r"^VM/P/(\d+)/(\d{4})$")


@pytest.fixture(scope="module")
def seeded_module(django_db_setup, django_db_blocker, tmp_path_factory):
    """The 2019 programme with both tracks, the current demo round and the demo users, then the evaluation;
    made once per module inside a transaction that is rolled back after the module's last test."""
    media = tmp_path_factory.mktemp("demo-evaluation-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        try:
            programme = create_programme_2019()
            demo = create_demo_programme(clock.helsinki(clock.now()).date())
            create_demo_users()
            demo_data.seed_applications_2019(programme)
            track2.seed_track2_2019(programme)
            demo_data.seed_demo_drafts(demo)
            started = time.perf_counter()
            counts = evaluation.seed_evaluation_2019(programme)
            print(f"seed_evaluation_2019: {counts} in {time.perf_counter() - started:.2f} s")
            yield {"programme": programme, "demo": demo, "counts": counts, "media": media}
        finally:
            transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _media(settings, seeded_module):
    settings.MEDIA_ROOT = seeded_module["media"]


@pytest.fixture
def track_1(seeded_module):
    return demo_data.track_1_call(seeded_module["programme"])


@pytest.fixture
def joint(seeded_module):
    return track2.joint_call(seeded_module["programme"])


def first_decisions(call):
    """The decisions of the call's round (not those on requests for rectification)."""
    return list(
        Decision.objects.filter(application__call=call, rectification__isnull=True)
        .select_related("application", "application__organisation", "presenter", "decision_maker", "template")
        .order_by("pk")
    )


def test_what_was_made(seeded_module):
    assert seeded_module["counts"] == {
        "track_1": {"reviews": 370, "decisions": 185, "granted": 41},
        "rectifications": 1,
        "track_2": {"reviews": 52, "decisions": 26, "granted": 11},
    }


def test_41_track_1_grants_from_11_900_to_2_000_000_within_the_track_budget(track_1):
    decisions = first_decisions(track_1)
    assert len(decisions) == 185 == Application.objects.filter(call=track_1).count()
    granted = [d for d in decisions if d.is_granted]
    assert len(granted) == 41
    amounts = [d.amount for d in granted]
    assert min(amounts) == Decimal("11900.00") and max(amounts) == Decimal("2000000.00")
    assert sum(amounts) <= track_1.track.budget == Decimal("15000000.00")
    for decision in granted:
        application = decision.application
        assert application.status == Status.GRANTED
        assert decision.amount <= application.requested_amount
        assert decision.max_share == track_1.max_aid_share
        assert decision.amount <= decision.eligible_costs * decision.max_share
        assert decision.period_ends == date(2021, 11, 30) and decision.report_due == date(2022, 3, 30)
        assert decision.template.kind == DecisionTemplate.Kind.GRANT
    # Sent on 21 November 2019, numbered from the decisions' own yearly series.
    numbers = sorted(int(NUMBER.match(d.number).group(1)) for d in decisions)
    assert numbers == list(range(1, 186))
    assert {NUMBER.match(d.number).group(2) for d in decisions} == {"2019"}
    assert {
        (d.state, clock.helsinki(d.signed_at).date(), clock.helsinki(d.sent_at).date()) for d in decisions
    } == {(Decision.State.SENT, date(2019, 11, 21), date(2019, 11, 21))}


def test_every_other_submitted_track_1_application_is_rejected_with_reasons(track_1):
    decisions = first_decisions(track_1)
    assert not Application.objects.filter(call=track_1).exclude(status__in=DECIDED).exists()
    assert Counter(d.application_id for d in decisions) == Counter(
        Application.objects.filter(call=track_1).values_list("pk", flat=True)
    )
    rejected = [d for d in decisions if not d.is_granted]
    assert len(rejected) == 185 - 41
    for decision in rejected:
        assert decision.amount is None and decision.template.kind == DecisionTemplate.Kind.REJECTION
        assert decision.language == decision.application.language
        marker = "Ansökans vägda medelpoäng" if decision.language == "sv" else "Hakemuksen painotettu"
        assert marker in decision.reasons, decision.reasons
        assert "3,5" in decision.reasons
        if decision.application.organisation.code != evaluation.RECTIFYING_MUNICIPALITY:
            assert decision.application.status == Status.REJECTED
    assert Counter(d.language for d in rejected)["sv"] >= 5


def test_the_funded_are_those_scoring_at_least_the_threshold(track_1, joint):
    for call, funded in ((track_1, 41), (joint, 11)):
        scores = dict(
            ApplicationScore.objects.filter(application__call=call).values_list("application", "score")
        )
        granted = {d.application_id for d in first_decisions(call) if d.is_granted}
        assert len(granted) == funded
        assert all(scores[pk] >= evaluation.THRESHOLD for pk in granted)
        assert all(score < evaluation.THRESHOLD for pk, score in scores.items() if pk not in granted)


def test_scenarios_rank_order_optimiser_and_the_chosen_proposal(track_1, joint):
    for call, funded in ((track_1, 41), (joint, 11)):
        scenarios = {s.method: s for s in Scenario.objects.filter(call=call)}
        assert set(scenarios) == {Scenario.Method.RANK, Scenario.Method.OPTIMISER, Scenario.Method.MANUAL}
        budget = call.track.budget
        for scenario in scenarios.values():
            figures = decision_services.figures(scenario)
            assert scenario.budget == budget and not figures["over_budget"]
        chosen = Scenario.objects.get(call=call, chosen_at__isnull=False)
        assert chosen.method == Scenario.Method.MANUAL and chosen.choice_reason
        assert f"kaikki {funded} hakemusta" in chosen.choice_reason
        lines = list(chosen.lines.all())
        assert sum(1 for line in lines if line.amount > 0) == funded
        assert all(line.override_reason and line.overridden_by for line in lines if line.amount > 0)
        # The optimiser's total score is at least rank order's.
        assert scenarios[Scenario.Method.OPTIMISER].objective >= scenarios[Scenario.Method.RANK].objective
        assert {d.scenario_id for d in first_decisions(call)} == {chosen.pk}


def test_presented_and_signed_by_two_different_people(track_1, joint):
    decisions = list(Decision.objects.filter(application__call__in=[track_1, joint]).select_related(
        "presenter", "decision_maker"
    ))  # fmt: skip
    assert len(decisions) == 185 + 26 + 1
    for decision in decisions:
        assert decision.presenter and decision.decision_maker
        assert decision.presenter_id != decision.decision_maker_id
        assert decision.presenter.has_role(Role.PRESENTER)
        assert decision.decision_maker.has_role(Role.DECISION_MAKER)
        assert decision.presented_at < decision.signed_at <= decision.sent_at
    assert {(d.presenter.email, d.decision_maker.email) for d in decisions} == {
        (evaluation.PRESENTER, evaluation.DECISION_MAKER)
    }


def test_two_reviewers_each_one_disqualified_and_replaced(track_1, joint):
    for call in (track_1, joint):
        active = Counter(
            Review.objects.active().filter(application__call=call).values_list("application", flat=True)
        )
        assert set(active.values()) == {2}
        assert (
            not Review.objects.active()
            .filter(application__call=call)
            .exclude(state=Review.State.SUBMITTED)
            .exists()
        )
    reviewers = set(
        Review.objects.filter(application__call=track_1).values_list("reviewer__email", flat=True)
    )
    assert reviewers == set(evaluation.REVIEWERS) and len(reviewers) >= 4
    disqualified = Review.objects.get(state=Review.State.DISQUALIFIED)
    assert disqualified.application.call == track_1
    assert disqualified.reviewer.email == evaluation.DISQUALIFIED_REVIEWER
    assert disqualified.ground and disqualified.explanation and disqualified.declared_at
    assert not disqualified.scores and disqualified.submitted_at is None
    replacement = disqualified.replaced_by
    assert replacement.reviewer != disqualified.reviewer and replacement.state == Review.State.SUBMITTED
    assert AuditEvent.objects.filter(action="review.declared", object_id=str(disqualified.pk)).exists()
    assert AuditEvent.objects.filter(action="review.replaced", object_id=str(replacement.pk)).exists()


def test_a_known_tie_keeps_the_reviewer_away(track_1):
    tie = Tie.objects.select_related("reviewer", "organisation").get()
    assert tie.organisation.code == "049"
    involved = Application.objects.filter(call=track_1, participants__organisation=tie.organisation)
    assert involved.exists()
    assert not Review.objects.filter(application__in=involved, reviewer=tie.reviewer).exists()
    assert Review.objects.filter(application__call=track_1, reviewer=tie.reviewer).count() > 50


def test_scores_justifications_and_flags(track_1, joint):
    sv = {s for c in texts.JUSTIFICATIONS["sv"].values() for band in c.values() for s in band}
    fi = {s for c in texts.JUSTIFICATIONS["fi"].values() for band in c.values() for s in band}
    justifications = set()
    for call in (track_1, joint):
        codes = {c.code for c in call.criteria.all() if c.is_scored}
        for review in Review.objects.filter(
            application__call=call, state=Review.State.SUBMITTED
        ).select_related("application"):
            assert set(review.scores) == codes
            assert review.comment and review.version == 2 and review.saved_at == review.submitted_at
            assert review.declared_at < review.submitted_at
            pool = sv if review.application.language == "sv" else fi
            for item in review.scores.values():
                assert 0 <= item["score"] <= 5
                assert any(item["justification"].endswith(f" {sentence}") for sentence in pool)
                justifications.add(item["justification"])
            assert review_services.missing(review) == {}
    assert len(justifications) > 150  # varied
    flagged = ApplicationScore.objects.filter(application__call=track_1, has_flags=True)
    assert 5 <= flagged.count() < 185
    for row in flagged:
        scores = [
            r.score_of(row.flagged[0]) for r in Review.objects.active().filter(application=row.application)
        ]
        assert max(scores) - min(scores) >= 2


def test_application_scores_are_what_compute_says(track_1, joint):
    for call in (track_1, joint):
        criteria = list(call.criteria.all())
        rows = {row.application_id: row for row in ApplicationScore.objects.filter(application__call=call)}
        assert len(rows) == Application.objects.filter(call=call).count()
        for application in Application.objects.filter(call=call).prefetch_related("reviews"):
            result = review_services.compute(criteria, list(application.reviews.all()))
            row = rows[application.pk]
            assert (row.score, row.reviewers, row.complete) == (result.score, 2, 2)
            assert row.means == {code: str(mean) for code, mean in result.means.items()}
            assert row.flagged == result.flagged and row.has_flags == bool(result.flagged)


def test_a_request_for_rectification_is_decided(track_1):
    request = RectificationRequest.objects.select_related(
        "decision__application__organisation", "filed_by"
    ).get()
    original = request.decision
    application = original.application
    assert application.call == track_1 and application.organisation.code == evaluation.RECTIFYING_MUNICIPALITY
    assert not original.is_granted
    assert Membership.objects.filter(user=request.filed_by, organisation=application.organisation).exists()
    # Filed within the 30 days, handled into a new decision that was presented, signed and sent.
    assert clock.helsinki(request.filed_at).date() <= decision_services.rectification_deadline(original)
    assert request.state == RectificationRequest.State.HANDLED and request.handled_at
    new = request.new_decision
    assert new.state == Decision.State.SENT and new.outcome == Decision.Outcome.REJECTED and new.reasons
    assert new.template.kind == DecisionTemplate.Kind.RECTIFICATION
    assert new.presenter_id != new.decision_maker_id
    assert NUMBER.match(new.number).group(2) == "2020"
    assert decision_services.current_decision(application) == new
    application.refresh_from_db()
    assert application.status == Status.REJECTED
    body = documents.body_html(new)
    assert "Valitusosoitus" in body and "hallinto-oikeu" in body and original.number in body
    assert decision_services.rectification_refusal(new) == "rectification_decision"


def test_track_2_joint_applications_are_decided(seeded_module, joint):
    decisions = first_decisions(joint)
    assert len(decisions) == 26 == Application.objects.filter(call=joint).count()
    granted = [d for d in decisions if d.is_granted]
    assert 0 < len(granted) < 26
    assert sum(d.amount for d in granted) <= joint.track.budget
    assert all(d.state == Decision.State.SENT and d.application.status in DECIDED for d in decisions)
    assert {NUMBER.match(d.number).group(2) for d in decisions} == {"2020"}
    assert all(d.reasons for d in decisions if not d.is_granted)
    # The proposals of stage 1 are not decided on.
    proposals = track2.proposal_call(seeded_module["programme"])
    assert not Review.objects.filter(application__call=proposals).exists()
    assert not Decision.objects.filter(application__call=proposals).exists()


def test_the_current_demo_call_stays_open_and_untouched(seeded_module):
    demo = seeded_module["demo"]
    call = demo_data.track_1_call(demo)
    assert call.is_open and Application.objects.filter(call=call).count() == 4
    assert not Review.objects.filter(application__call__programme=demo).exists()
    assert not Scenario.objects.filter(call__programme=demo).exists()
    assert not Decision.objects.filter(application__call__programme=demo).exists()


def test_demo_ministry_people_with_a_second_factor():
    reviewers = User.objects.filter(global_roles__role=Role.REVIEWER, email__endswith="@kannustin.example")
    assert reviewers.count() >= 4
    people = [*reviewers, *User.objects.filter(email__in=[evaluation.PRESENTER, evaluation.DECISION_MAKER])]
    for user in people:
        assert user.is_active and user.has_usable_password()
        assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def test_quietly_history_no_emails_and_notifications_only_for_active_people(track_1):
    assert not OutboundEmail.objects.exists()
    notifications = Notification.objects.filter(url__startswith="/")
    assert notifications.exists() and all(n.user.is_active for n in notifications)
    users = set(notifications.values_list("user__email", flat=True))
    assert users <= {"applicant@kannustin.example", "signatory@kannustin.example",
                     "signatory.narpes@kannustin.example"}  # fmt: skip
    # The Swedish demo signatory's Närpes application was granted.
    narpes = Decision.objects.get(application__call=track_1, application__organisation__code="545")
    assert narpes.is_granted and narpes.language == "sv"
    assert Notification.objects.filter(user__email="signatory.narpes@kannustin.example").exists()
    # Told already: the scheduler's delivery sweep has nothing to send for the demo.
    from kannustin.decisions.tasks import deliver_missing

    assert not Decision.objects.filter(state=Decision.State.SENT, delivered_at__isnull=True).exists()
    assert deliver_missing(clock.now()) == 0
    # Everything happened in 2019–2020.
    for review in Review.objects.filter(application__call=track_1):
        assert date(2019, 9, 23) <= clock.helsinki(review.assigned_at).date() <= date(2019, 10, 31)
    events = AuditEvent.objects.filter(
        action__in=["decision.signed", "decision.presented", "scenario.chosen"]
    )
    assert events.exists() and all(e.at.year in (2019, 2020) for e in events)


def test_the_pdf_is_made_when_first_opened(track_1):
    decision = Decision.objects.get(application__call=track_1, application__organisation__code="545")
    assert not decision.pdf
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(stored_pdf(decision))).pages)
    assert decision.number in " ".join(text.split())
    decision.refresh_from_db()
    assert decision.pdf


def test_seeding_again_changes_nothing(seeded_module):
    counts = (
        Review.objects.count(),
        Decision.objects.count(),
        Scenario.objects.count(),
        AuditEvent.objects.count(),
    )
    assert evaluation.seed_evaluation_2019(seeded_module["programme"]) == {}
    assert (Review.objects.count(), Decision.objects.count(), Scenario.objects.count(),
            AuditEvent.objects.count()) == counts  # fmt: skip
