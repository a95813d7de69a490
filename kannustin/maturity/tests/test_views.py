import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kannustin.accounts.roles import Role
from kannustin.core.models import AuditEvent
from kannustin.maturity import services

from .conftest import full_ratings, municipalities

pytestmark = pytest.mark.django_db

NO_EFFECT = "does not affect the size of the grant"


@pytest.fixture
def applicant(user_factory, helsinki):
    return user_factory(Role.APPLICANT, helsinki)


@pytest.fixture
def english(client):
    client.cookies["kannustin_language"] = "en"
    return client


def url(name, call, *args, code="091"):
    return reverse(f"maturity:{name}", args=[code, call.pk, *args])


def text(response) -> str:
    return response.content.decode()


def test_member_fills_in_the_whole_assessment(english, call, helsinki, applicant):
    client = english
    client.force_login(applicant)

    page = client.get(url("overview", call))
    assert page.status_code == 200
    body = text(page)
    assert "Not started" in body
    assert NO_EFFECT in body
    assert "<strong>service process being renewed</strong>" in body  # the model's intro, Markdown
    assert url("service_process", call) in body

    page = client.get(url("service_process", call))
    assert NO_EFFECT in text(page)
    assert 'name="version" value="0"' in text(page)
    response = client.post(url("service_process", call), {"version": "0", "service_process": "Ostolaskut"})
    assert response.status_code == 302
    assert response["Location"] == url("dimension", call, "data")

    page = client.get(url("dimension", call, "strategy"))
    body = text(page)
    assert NO_EFFECT in body
    assert "Strategy and leadership" in body
    assert "How strategy and leadership supports the process." in body
    assert "Strategy and leadership at level 3" in body  # the descriptor of each level, in English
    assert body.count('type="radio"') == 10
    assert 'id="id_current_0"' in body and 'id="id_target_4"' in body

    version = 1
    for key, following in (("data", "strategy"), ("strategy", "processes"), ("processes", None)):
        response = client.post(
            url("dimension", call, key), {"version": version, "current": "2", "target": "4"}
        )
        assert response.status_code == 302
        assert response["Location"] == (
            url("dimension", call, following) if following else url("result", call)
        )
        version += 1

    assessment = services.get_assessment(helsinki, call)
    assert assessment.ratings == full_ratings(2, 4)
    assert services.is_complete(assessment)
    assert assessment.updated_by == applicant

    # The saved answers are shown when the page is opened again.
    body = text(client.get(url("dimension", call, "data")))
    assert re.search(r'id="id_current_1"[^>]*value="2" checked', body)
    assert re.search(r'id="id_target_3"[^>]*value="4" checked', body)

    body = text(client.get(url("result", call)))
    assert NO_EFFECT in body
    assert 'role="img"' in body and "<title id=" in body and "<desc id=" in body
    assert "Data: now 2, target 4." in body
    assert 'id="profile-table"' in body
    assert "+2" in body
    assert "Not enough answers yet." in body

    body = text(client.get(url("overview", call)))
    assert "Complete" in body
    assert 'id="profile-table"' in body


def test_errors_keep_the_values(english, call, applicant):
    english.force_login(applicant)
    response = english.post(url("dimension", call, "data"), {"version": "0", "current": "3"})
    assert response.status_code == 200
    body = text(response)
    assert "govuk-error-summary" in body
    assert 'href="#id_target_0"' in body
    assert "Choose the target level after the project." in body
    assert "<title>Error: " in body
    assert re.search(r'id="id_current_2"[^>]*value="3" checked', body)
    assert services.get_assessment(applicant.memberships.get().organisation, call) is None

    response = english.post(url("service_process", call), {"version": "0", "service_process": ""})
    assert "Enter the service process the project renews." in text(response)
    assert 'href="#id_service_process"' in text(response)


def test_out_of_range_level_is_an_error(english, call, applicant):
    english.force_login(applicant)
    response = english.post(url("dimension", call, "data"), {"version": "0", "current": "6", "target": "2"})
    assert response.status_code == 200
    assert "Choose one of the levels shown." in text(response)


def test_stale_save_shows_the_conflict_and_the_saved_values(english, call, helsinki, applicant, user_factory):
    colleague = user_factory(Role.SIGNATORY, helsinki, email="colleague@example.com")
    services.save_ratings(helsinki, call, {"data": {"current": 1, "target": 2}}, by=colleague)  # version 1
    services.save_ratings(helsinki, call, {"data": {"current": 3, "target": 5}}, by=colleague)  # version 2

    english.force_login(applicant)
    response = english.post(url("dimension", call, "data"), {"version": "1", "current": "4", "target": "4"})
    assert response.status_code == 409
    body = text(response)
    assert "someone else saved this self-assessment while you were answering" in body
    assert "Your answer, which was not saved: now 4 Level 4, target 4 Level 4." in body
    # The form now shows what is stored, and the stored version.
    assert re.search(r'id="id_current_2"[^>]*value="3" checked', body)
    assert re.search(r'id="id_target_4"[^>]*value="5" checked', body)
    assert 'name="version" value="2"' in body
    assert services.get_assessment(helsinki, call).ratings["data"] == {"current": 3, "target": 5}

    response = english.post(url("service_process", call), {"version": "1", "service_process": "Minun"})
    assert response.status_code == 409
    assert "Minun" in text(response)
    assert services.get_assessment(helsinki, call).service_process == ""


def test_another_municipality_gets_404(client, call, espoo, helsinki, user_factory, complete_assessment):
    complete_assessment(helsinki, call)
    client.force_login(user_factory(Role.APPLICANT, espoo))
    for page in (
        url("overview", call),
        url("service_process", call),
        url("dimension", call, "data"),
        url("result", call),
    ):
        assert client.get(page).status_code == 404
    assert (
        client.post(url("dimension", call, "data"), {"version": 1, "current": 1, "target": 1}).status_code
        == 404
    )
    assert services.get_assessment(helsinki, call).ratings == full_ratings()


@pytest.mark.parametrize("role", [Role.PRESENTER, Role.DECISION_MAKER])
def test_other_ministry_roles_get_404(client, call, user_factory, role):
    client.force_login(user_factory(role))
    assert client.get(url("overview", call)).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, call):
    response = client.get(url("overview", call))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_unknown_organisation_call_or_dimension_is_404(client, call, applicant):
    client.force_login(applicant)
    assert client.get(url("overview", call, code="999")).status_code == 404
    assert client.get(reverse("maturity:overview", args=["091", call.pk + 100])).status_code == 404
    assert client.get(url("dimension", call, "nothing")).status_code == 404


def test_unpublished_call_is_hidden_from_applicants(client, call, applicant):
    call.is_published = False
    call.save()
    client.force_login(applicant)
    assert client.get(url("overview", call)).status_code == 404


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.PRESENTER, Role.DECISION_MAKER])
def test_other_ministry_roles_read_no_self_assessment(
    english, call, helsinki, user_factory, complete_assessment, role
):
    complete_assessment(helsinki, call)
    english.force_login(user_factory(role))
    for page in (url("overview", call), url("result", call), url("dimension", call, "data")):
        assert english.get(page).status_code == 404, page
    assert (
        english.post(
            url("dimension", call, "data"), {"version": "1", "current": "5", "target": "5"}
        ).status_code
        == 404
    )
    assert services.get_assessment(helsinki, call).ratings == full_ratings()


@pytest.mark.parametrize("role", [Role.OFFICIAL, Role.ADMIN])
def test_ministry_reads_but_cannot_change(english, call, helsinki, user_factory, complete_assessment, role):
    complete_assessment(helsinki, call)
    english.force_login(user_factory(role))
    body = text(english.get(url("overview", call)))
    assert "ministry staff" in body
    assert "Start the self-assessment" not in body and "Change your answers" not in body
    result = english.get(url("result", call))
    assert result.status_code == 200
    assert "Change<span" not in text(result)
    # Question pages lead to the read-only result; saving is forbidden.
    assert english.get(url("dimension", call, "data"))["Location"] == url("result", call)
    response = english.post(url("dimension", call, "data"), {"version": "1", "current": "5", "target": "5"})
    assert response.status_code == 403
    assert services.get_assessment(helsinki, call).ratings == full_ratings()


def test_frozen_is_read_only(english, call, helsinki, applicant, complete_assessment):
    services.freeze(complete_assessment(helsinki, call), 99, by=applicant)
    english.force_login(applicant)
    body = text(english.get(url("overview", call)))
    assert "Submitted with the application" in body
    assert "submitted with the application on" in body
    assert english.get(url("dimension", call, "data"))["Location"] == url("result", call)
    assert "Change<span" not in text(english.get(url("result", call)))

    response = english.post(
        url("dimension", call, "data"), {"version": "1", "current": "5", "target": "5"}, follow=True
    )
    assert "can no longer be changed" in text(response)
    response = english.post(
        url("service_process", call), {"version": "1", "service_process": "Uusi"}, follow=True
    )
    assert "can no longer be changed" in text(response)
    assessment = services.get_assessment(helsinki, call)
    assert assessment.ratings == full_ratings() and assessment.service_process == "Ostolaskujen käsittely"
    assert AuditEvent.objects.filter(action="maturity.saved").count() == 1


def test_lower_target_is_flagged_on_the_result(english, call, helsinki, applicant, complete_assessment):
    complete_assessment(helsinki, call)
    services.save_ratings(helsinki, call, {"strategy": {"current": 4, "target": 3}}, by=applicant)
    english.force_login(applicant)
    body = text(english.get(url("result", call)))
    assert 'id="lower-target-warning"' in body
    assert "Lower than now" in body
    assert "−1" in body or "-1" in body


@pytest.mark.parametrize(
    "language, phrase", [("fi", "Strategia ja johtaminen taso 2"), ("sv", "Strategi och ledning nivå 2")]
)
def test_descriptors_in_the_users_language(client, call, applicant, language, phrase):
    client.cookies["kannustin_language"] = language
    client.force_login(applicant)
    assert phrase in text(client.get(url("dimension", call, "strategy")))


def test_comparison_shown_on_the_result_page(english, call, helsinki, applicant, complete_assessment):
    complete_assessment(helsinki, call)
    for org in municipalities(region__code="01")[:5]:
        if org != helsinki:
            complete_assessment(org, call, current=3, target=3)
    english.force_login(applicant)
    body = text(english.get(url("result", call)))
    assert 'id="comparison-region"' in body
    assert "Same region: Uusimaa" in body
    assert '<table class="govuk-table" id="comparison-region"' in body


def _result_queries(client, call):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url("result", call))
    assert response.status_code == 200
    return len(queries)


def test_result_page_query_count_is_constant(client, call, helsinki, applicant, complete_assessment):
    complete_assessment(helsinki, call)
    region = [org for org in municipalities(region__code="01") if org != helsinki]
    others = region + [
        org for org in municipalities() if org.size_class == "100000_plus" and org.region.code != "01"
    ]
    for org in others[:4]:
        complete_assessment(org, call)
    client.force_login(applicant)
    at_five = _result_queries(client, call)
    for org in others[4:29]:
        complete_assessment(org, call)
    assert len(others) >= 29
    at_thirty = _result_queries(client, call)
    assert at_five == at_thirty
    assert at_thirty <= 15


# The profile chart -----------------------------------------------------------------------------------------

SVG_NUMBERS = re.compile(
    r'\s(x|y|x1|x2|y1|y2|cx|cy|r|width|height|points|viewBox|stroke-width|font-size|stroke-dasharray)="([^"]*)"'
)


def chart_geometry(body: str) -> list[tuple[str, str]]:
    """Every geometric attribute of the profile chart, in document order."""
    svg = re.search(r"<svg.*?</svg>", body, re.S).group(0)
    return SVG_NUMBERS.findall(svg)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_profile_chart_has_the_same_geometry_in_every_language(
    client, call, helsinki, applicant, complete_assessment, language
):
    """Numbers in SVG are never localised: a decimal comma (x1="290,0") piles the chart up at the left."""
    client.force_login(applicant)
    complete_assessment(helsinki, call, applicant, current=2, target=4)
    services.save_ratings(helsinki, call, {"processes": {"current": 1, "target": 5}}, by=applicant)
    client.cookies["kannustin_language"] = "en"
    english = chart_geometry(text(client.get(url("result", call))))
    client.cookies["kannustin_language"] = language
    body = text(client.get(url("result", call)))
    assert f'<html lang="{language}"' in body
    geometry = chart_geometry(body)
    assert geometry == english
    assert len(geometry) > 50
    for name, value in geometry:
        # Points are "x,y x,y …"; every other attribute holds numbers with decimal points only.
        pattern = r"(-?\d+(\.\d+)?,-?\d+(\.\d+)? ?)+" if name == "points" else r"[-0-9. ]+%?"
        assert re.fullmatch(pattern, value), (name, value)
