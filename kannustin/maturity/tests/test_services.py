from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from kannustin.accounts.roles import Role
from kannustin.core.models import AuditEvent
from kannustin.maturity import services
from kannustin.maturity.services import Frozen, StaleVersion

from .conftest import full_ratings, municipalities

pytestmark = pytest.mark.django_db


@pytest.fixture
def applicant(user_factory, helsinki):
    return user_factory(Role.APPLICANT, helsinki)


def test_partial_then_complete(call, helsinki, applicant):
    assert services.get_assessment(helsinki, call) is None
    assert services.status(None) == "not_started"

    first = services.save_ratings(
        helsinki,
        call,
        {"data": {"current": 1, "target": 3}},
        by=applicant,
        version=0,
        service_process=" Laskutus ",
    )
    assert first.version == 1
    assert first.service_process == "Laskutus"
    assert first.created_by == applicant
    assert not services.is_complete(first)
    assert services.missing_dimensions(first) == ["strategy", "processes"]
    assert services.status(first) == "in_progress"

    second = services.save_ratings(
        helsinki,
        call,
        {"strategy": {"current": 2, "target": 2}, "processes": {"current": 3, "target": 5}},
        by=applicant,
        version=1,
    )
    assert second.pk == first.pk
    assert second.version == 2
    # Dimensions not sent keep their ratings; the stored order follows the model.
    assert second.ratings == {
        "data": {"current": 1, "target": 3},
        "strategy": {"current": 2, "target": 2},
        "processes": {"current": 3, "target": 5},
    }
    assert services.missing_dimensions(second) == []
    assert services.is_complete(second)
    assert services.status(second) == "complete"
    assert services.get_assessment(helsinki, call) == second


def test_every_dimension_rated_but_no_service_process_is_incomplete(call, helsinki, applicant):
    assessment = services.save_ratings(helsinki, call, full_ratings(), by=applicant)
    assert services.missing_dimensions(assessment) == []
    assert not services.is_complete(assessment)


def test_each_save_is_audited_with_before_and_after(call, helsinki, applicant):
    services.save_ratings(helsinki, call, {"data": {"current": 1, "target": 3}}, by=applicant)
    assessment = services.save_ratings(helsinki, call, {"data": {"current": 2, "target": 3}}, by=applicant)
    events = list(AuditEvent.objects.filter(action="maturity.saved").order_by("id"))
    assert len(events) == 2
    assert events[0].changes["before"] == {}
    assert events[1].object_id == str(assessment.pk)
    assert events[1].actor == applicant
    assert events[1].changes["before"]["ratings"] == {"data": {"current": 1, "target": 3}}
    assert events[1].changes["after"]["ratings"] == {"data": {"current": 2, "target": 3}}
    assert events[1].changes["after"]["version"] == 2


@pytest.mark.parametrize(
    "ratings, key",
    [
        ({"unknown": {"current": 1, "target": 2}}, "unknown"),
        ({"data": {"current": 0, "target": 2}}, "data"),
        ({"data": {"current": 1, "target": 6}}, "data"),
        ({"data": {"current": "3", "target": 4}}, "data"),
        ({"data": {"current": True, "target": 4}}, "data"),
        ({"data": {"current": 3}}, "data"),
        ({"data": {"current": 3, "target": 4, "extra": 1}}, "data"),
        ({"data": 3}, "data"),
        ([1, 2], "ratings"),
    ],
)
def test_invalid_ratings_are_refused_per_dimension(call, helsinki, applicant, ratings, key):
    with pytest.raises(ValidationError) as caught:
        services.save_ratings(helsinki, call, ratings, by=applicant)
    assert key in caught.value.message_dict
    assert services.get_assessment(helsinki, call) is None
    assert not AuditEvent.objects.filter(action="maturity.saved").exists()


def test_validation_messages_name_the_dimension_and_the_levels(call, helsinki, applicant):
    with pytest.raises(ValidationError) as caught:
        services.save_ratings(helsinki, call, {"strategy": {"current": 9, "target": 2}}, by=applicant)
    (message,) = caught.value.message_dict["strategy"]
    assert "Strategia ja johtaminen" in message  # default language Finnish: the Finnish name
    assert "1–5" in message


def test_one_bad_dimension_stores_nothing(call, helsinki, applicant):
    ratings = {**full_ratings(), "processes": {"current": 7, "target": 1}}
    with pytest.raises(ValidationError) as caught:
        services.save_ratings(helsinki, call, ratings, by=applicant)
    assert list(caught.value.message_dict) == ["processes"]
    assert services.get_assessment(helsinki, call) is None


def test_too_long_service_process_is_refused(call, helsinki, applicant):
    with pytest.raises(ValidationError) as caught:
        services.save_ratings(helsinki, call, {}, by=applicant, service_process="x" * 1001)
    assert "service_process" in caught.value.message_dict


def test_lower_target_is_allowed_and_flagged(call, helsinki, applicant):
    assessment = services.save_ratings(helsinki, call, {"data": {"current": 4, "target": 2}}, by=applicant)
    rows = {row["key"]: row for row in services.profile(assessment, services.structure_for(call))}
    assert rows["data"]["lower_target"] is True
    assert rows["data"]["gap"] == -2
    assert rows["strategy"]["current"] is None
    assert rows["strategy"]["lower_target"] is False


def test_stale_version_is_refused(call, helsinki, applicant, user_factory):
    colleague = user_factory(Role.SIGNATORY, helsinki, email="colleague@example.com")
    services.save_ratings(helsinki, call, {"data": {"current": 1, "target": 2}}, by=applicant, version=0)
    services.save_ratings(helsinki, call, {"data": {"current": 2, "target": 3}}, by=colleague, version=1)
    with pytest.raises(StaleVersion) as caught:
        services.save_ratings(helsinki, call, {"data": {"current": 5, "target": 5}}, by=applicant, version=1)
    assert caught.value.assessment.version == 2
    stored = services.get_assessment(helsinki, call)
    assert stored.ratings["data"] == {"current": 2, "target": 3}
    assert stored.version == 2
    # Without a version the save is not checked (last writer wins).
    assert (
        services.save_ratings(helsinki, call, {"data": {"current": 5, "target": 5}}, by=applicant).version
        == 3
    )


def test_version_given_for_a_new_assessment_must_be_zero(call, helsinki, applicant):
    with pytest.raises(StaleVersion) as caught:
        services.save_ratings(helsinki, call, full_ratings(), by=applicant, version=3)
    assert caught.value.assessment is None
    assert services.get_assessment(helsinki, call) is None


def test_freeze_then_every_edit_is_refused(call, helsinki, applicant, complete_assessment):
    assessment = complete_assessment(helsinki, call, applicant)
    frozen = services.freeze(assessment, 4711, by=applicant)
    assert frozen.frozen_with == 4711 and frozen.frozen_at is not None
    assert assessment.is_frozen  # the caller's object is updated too
    assert services.status(assessment) == "frozen"
    assert AuditEvent.objects.filter(action="maturity.frozen", object_id=str(assessment.pk)).count() == 1

    with pytest.raises(Frozen):
        services.save_ratings(helsinki, call, {"data": {"current": 1, "target": 1}}, by=applicant)
    with pytest.raises(Frozen):  # frozen wins over a stale version and over invalid data
        services.save_ratings(helsinki, call, {"nope": 1}, by=applicant, version=0)
    assert services.get_assessment(helsinki, call).ratings == full_ratings()

    # Freezing again with the same application is harmless; with another one it is refused.
    assert services.freeze(assessment, 4711, by=applicant).frozen_at == frozen.frozen_at
    with pytest.raises(Frozen):
        services.freeze(assessment, 4712, by=applicant)
    assert AuditEvent.objects.filter(action="maturity.frozen").count() == 1


def test_access(call, helsinki, espoo, user_factory):
    assert services.access(user_factory(Role.APPLICANT, helsinki), helsinki) == "edit"
    assert services.access(user_factory(Role.SIGNATORY, helsinki), helsinki) == "edit"
    assert services.access(user_factory(Role.APPLICANT, espoo), helsinki) is None
    for role in (Role.OFFICIAL, Role.ADMIN):
        assert services.access(user_factory(role), helsinki) == "view"
    # Reviewers, presenters and decision makers read no self-assessment until an object grant says so.
    for role in (Role.REVIEWER, Role.PRESENTER, Role.DECISION_MAKER):
        assert services.access(user_factory(role), helsinki) is None


# Comparison ---------------------------------------------------------------------------------------------


def _group(result, kind):
    return next(group for group in result if group["kind"] == kind)


def test_comparison_region_threshold(call, complete_assessment):
    # Hyvinkää (Uusimaa, 20 000–49 999) and four Uusimaa municipalities of 5 000–19 999 inhabitants.
    own_org = municipalities(code="106")[0]
    others = [org for org in municipalities(region__code="01") if org.size_class == "5000_19999"][:4]
    assert len(others) == 4
    own = complete_assessment(own_org, call, current=1, target=5)
    for org in others[:3]:
        complete_assessment(org, call, current=2, target=3)

    result = services.comparison(own)
    region = _group(result, "region")
    assert region["enough"] is False and region["count"] is None and region["dimensions"] == []

    complete_assessment(others[3], call, current=2, target=3)
    region = _group(services.comparison(own), "region")
    assert region["enough"] is True
    assert region["count"] == 5
    data = region["dimensions"][0]
    assert data["key"] == "data"
    assert data["own_current"] == 1 and data["own_target"] == 5
    assert data["average_current"] == Decimal("1.8")  # (1 + 4 × 2) / 5
    assert data["average_target"] == Decimal("3.4")  # (5 + 4 × 3) / 5
    # The same five are of two size classes: that group has only Hyvinkää.
    assert _group(services.comparison(own), "size_class")["enough"] is False


def test_comparison_size_class_group_crosses_regions(call, complete_assessment):
    own_org = municipalities(code="106")[0]  # Hyvinkää, 20 000–49 999
    same_size_elsewhere = [
        org for org in municipalities() if org.size_class == "20000_49999" and org.region.code != "01"
    ][:4]
    own = complete_assessment(own_org, call, current=3, target=4)
    for org in same_size_elsewhere:
        complete_assessment(org, call, current=1, target=2)
    result = services.comparison(own)
    size = _group(result, "size_class")
    assert size["enough"] is True and size["count"] == 5
    assert "49" in size["label"]
    assert size["dimensions"][0]["average_current"] == Decimal("1.4")
    assert _group(result, "region")["enough"] is False


def test_incomplete_assessments_are_not_counted(call, complete_assessment, applicant):
    own_org = municipalities(code="106")[0]
    others = [org for org in municipalities(region__code="01") if org != own_org][:4]
    own = complete_assessment(own_org, call)
    for org in others[:3]:
        complete_assessment(org, call)
    services.save_ratings(
        others[3], call, {"data": {"current": 1, "target": 2}}, by=None, service_process="x"
    )
    assert _group(services.comparison(own), "region")["enough"] is False


def test_assessments_of_other_calls_are_not_counted(call, complete_assessment):
    from kannustin.programmes.tests.factories import make_programme

    _programme, other_call = make_programme(slug="toinen")
    own_org = municipalities(code="106")[0]
    others = [org for org in municipalities(region__code="01") if org != own_org][:4]
    own = complete_assessment(own_org, call)
    for org in others:
        services.save_ratings(
            org, other_call, {"data": {"current": 1, "target": 2}}, by=None, service_process="x"
        )
    assert _group(services.comparison(own), "region")["enough"] is False


def test_comparison_takes_one_query(call, complete_assessment, django_assert_num_queries):
    own_org = municipalities(code="106")[0]
    own = complete_assessment(own_org, call)
    for org in municipalities(region__code="01")[:10]:
        complete_assessment(org, call)
    structure = services.structure_for(call)
    own = services.get_assessment(own_org, call)
    own.organisation = type(own_org).objects.select_related("region").get(pk=own_org.pk)
    with django_assert_num_queries(1):
        result = services.comparison(own, structure)
    assert _group(result, "region")["enough"] is True
