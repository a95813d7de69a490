"""The demo round's drafts: for the demo users' municipalities and for made-up members of others."""

import pytest

from kannustin.accounts.roles import Role
from kannustin.applications import completeness
from kannustin.applications.models import Application, Status
from kannustin.core import clock
from kannustin.demo import applications as demo_data
from kannustin.demo.users import create_demo_users
from kannustin.maturity import services as maturity
from kannustin.programmes.setup import create_demo_programme
from kannustin.registry.models import Organisation

pytestmark = pytest.mark.django_db


def test_demo_drafts(reference_data):
    demo = create_demo_programme(clock.helsinki(clock.now()).date())
    create_demo_users()
    assert demo_data.seed_demo_drafts(demo) == 4
    call = demo_data.track_1_call(demo)
    drafts = {
        a.organisation.code: a
        for a in Application.objects.filter(call=call).select_related(
            "organisation", "created_by", "call", "call__track"
        )
    }
    assert set(drafts) == {"109", "545", "837", "598"}
    assert {a.status for a in drafts.values()} == {Status.DRAFT}

    hameenlinna = drafts["109"]
    assert hameenlinna.created_by.email == "applicant@kannustin.example" and hameenlinna.language == "fi"
    missing = {m["code"] for m in completeness.missing_for_submit(hameenlinna)}
    assert {"answer_missing", "requested_amount_missing", "maturity_assessment_missing"} <= missing
    assert hameenlinna.answers["project_name"] and hameenlinna.budget_lines.count() >= 1
    assert maturity.status(maturity.get_assessment(hameenlinna.organisation, call)) == "in_progress"

    narpes = drafts["545"]
    assert narpes.created_by.email == "signatory.narpes@kannustin.example" and narpes.language == "sv"
    assert [m["code"] for m in completeness.missing_for_submit(narpes)] == ["maturity_assessment_missing"]
    # Saved several times by one person in a row: the autosaves fold, the latest state is a version.
    assert narpes.version > 2 and narpes.versions.filter(version=narpes.version).exists()

    for code in ("837", "598"):
        user = drafts[code].created_by
        assert not user.has_usable_password() and not user.is_active
        assert user.memberships.get(organisation=drafts[code].organisation).role == Role.APPLICANT
    assert drafts["598"].language == "sv"

    assert demo_data.seed_demo_drafts(demo) == 0
    assert Application.objects.filter(call=call).count() == 4


def test_drafts_need_the_demo_users(reference_data):
    demo = create_demo_programme(clock.helsinki(clock.now()).date())
    # Without the demo users only the made-up members' drafts are made; nobody else writes for 109 or 545.
    assert demo_data.seed_demo_drafts(demo) == 2
    assert not Application.objects.filter(organisation__code__in=["109", "545"]).exists()
    assert Organisation.objects.get(code="837").applications.count() == 1
