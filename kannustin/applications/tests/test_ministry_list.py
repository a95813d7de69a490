"""The officials' list of applications: filters, orders and columns from the evaluation and the decisions, its
query count at two sizes, and the list as an Excel file, directly or in the background."""

import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from conftest import make_user
from kannustin.accounts.roles import Role
from kannustin.applications.models import Application, ListExport, Status
from kannustin.core import clock
from kannustin.decisions import services as decisions
from kannustin.registry.models import Organisation
from kannustin.reviews import services as reviews
from kannustin.reviews.models import Review
from kannustin.reviews.tests.helpers import bulk_scored, evaluation_call, review, submitted_application

pytestmark = pytest.mark.django_db

LIST = "applications:ministry_list"
EXPORT = "applications:ministry_export"


def in_english(client):
    client.cookies["kannustin_language"] = "en"
    return client


def text(response) -> str:
    return response.content.decode().replace("\u00a0", " ")


@pytest.fixture
def people(reference_data):
    return {
        "official": make_user(Role.OFFICIAL),
        "admin": make_user(Role.ADMIN),
        "presenter": make_user(Role.PRESENTER),
        "decision_maker": make_user(Role.DECISION_MAKER),
        "reviewers": [make_user(Role.REVIEWER, email=f"r{n}@example.com", ) for n in range(3)],
    }  # fmt: skip


@pytest.fixture
def evaluated(people, django_capture_on_commit_callbacks):
    """Four applications of one call: Helsinki (5, granted), Espoo (3.67, reviewers differ, rejected),
    Korsholm (3, granted), Närpes (assigned to the third reviewer, not scored)."""
    call = evaluation_call()
    call.track.budget = Decimal("16000.00")
    call.track.save()
    made = {}
    for code, scores, requested in [
        ("091", [(5, 5), (5, 5)], "8500.00"),
        ("049", [(5, 3), (3, 3)], "8000.00"),
        ("499", [(3, 3), (3, 3)], "7000.00"),
        ("545", [], "6000.00"),
    ]:
        organisation = Organisation.objects.get(code=code)
        application = submitted_application(call, organisation, make_user(Role.SIGNATORY, organisation),
                                            requested=requested)  # fmt: skip
        for reviewer, (g1, c1) in zip(people["reviewers"], scores, strict=False):
            review(application, reviewer, people["official"], G1=g1, C1=c1)
        made[code] = application
    reviews.assign(made["545"], people["reviewers"][2], by=people["official"], notify_now=False)
    official = people["official"]
    # 16 000 €: the optimiser funds Helsinki (8 500) and Korsholm (7 000), total score 8 > 5 + 3.67.
    scenario = decisions.draw(call, by=official, method="optimiser", name="O", budget=Decimal("16000"))
    decisions.choose(scenario, by=official, reason="Paras")
    # Närpes is not scored: leave it out of the decisions (only decided ones get a granted amount).
    scenario.lines.filter(application=made["545"]).delete()
    drafts = decisions.prepare(call, by=official)
    decisions.present(drafts, by=people["presenter"])
    decisions.sign(drafts, by=people["decision_maker"])
    with django_capture_on_commit_callbacks(execute=True):
        decisions.send(call, by=official)
    for application in made.values():
        application.refresh_from_db()
    return call, made


@pytest.fixture
def official_client(client, people):
    client.force_login(people["official"])
    return in_english(client)


def cases(response) -> list[str]:
    return [application.case_number for application in response.context["applications"]]


def test_columns_score_progress_and_granted(official_client, evaluated):
    call, made = evaluated
    response = official_client.get(reverse(LIST))
    page = text(response)
    assert made["091"].status == Status.GRANTED and made["049"].status == Status.REJECTED
    assert "5.00" in page and "3.67" in page and "Reviewers differ" in page
    assert "2 / 2" in page and "0 / 1" in page  # Närpes: one reviewer assigned, nothing complete
    assert "€8,500.00" in page and "€7,000.00" in page  # granted
    rows = {a.case_number: a for a in response.context["applications"]}
    assert rows[made["091"].case_number].granted_amount == Decimal("8500.00")
    assert rows[made["049"].case_number].granted_amount is None  # rejected
    assert rows[made["545"].case_number].score_value is None
    assert 'govuk-tag--green">Granted' in page and 'govuk-tag--red">Rejected' in page


def test_filters(official_client, evaluated, people):
    call, made = evaluated
    url = reverse(LIST)

    def found(**params):
        return set(cases(official_client.get(url, params)))

    everyone = {a.case_number for a in made.values()}
    assert found() == everyone
    assert found(track=call.track_id) == everyone
    assert found(status="granted") == {made["091"].case_number, made["499"].case_number}
    assert found(status="rejected") == {made["049"].case_number}
    assert found(region="15") == {made["499"].case_number, made["545"].case_number}  # Ostrobothnia
    assert found(region="01") == {made["091"].case_number, made["049"].case_number}  # Uusimaa
    assert found(size="100000_plus") == {made["091"].case_number, made["049"].case_number}
    assert found(size="5000_19999") == {made["499"].case_number, made["545"].case_number}
    assert found(reviewer=people["reviewers"][2].pk) == {made["545"].case_number}
    assert found(reviewer=people["reviewers"][0].pk) == everyone - {made["545"].case_number}
    assert found(score="4") == {made["091"].case_number}
    assert found(score="3") == {made["049"].case_number, made["499"].case_number}
    assert found(score="2") == set() and found(score="1") == set()
    assert found(score="none") == {made["545"].case_number}
    assert found(flags="on") == {made["049"].case_number}
    assert found(q="Korsholm") == {made["499"].case_number}
    assert found(q="545") == {made["545"].case_number}
    # The download keeps the filters and the order, not the page.
    page = official_client.get(url, {"status": "granted", "sort": "-score", "page": "1"}).content.decode()
    assert reverse(EXPORT) + "?status=granted&amp;sort=-score" in page
    assert "Download as Excel (XLSX)" in page
    # A nonsense value is ignored; the other filters still apply.
    assert found(region="99", status="rejected", score="x", reviewer="abc") == {made["049"].case_number}


def test_orders(official_client, evaluated):
    call, made = evaluated
    url = reverse(LIST)
    by_score = cases(official_client.get(url, {"sort": "-score"}))
    assert by_score == [made[c].case_number for c in ("091", "049", "499", "545")]  # unscored last
    assert cases(official_client.get(url, {"sort": "score"}))[:3] == [
        made[c].case_number for c in ("499", "049", "091")
    ]
    assert cases(official_client.get(url, {"sort": "-requested"}))[0] == made["091"].case_number
    assert cases(official_client.get(url, {"sort": "requested"}))[0] == made["545"].case_number
    assert cases(official_client.get(url, {"sort": "case"})) == [
        made[c].case_number for c in ("091", "049", "499", "545")
    ]
    assert cases(official_client.get(url, {"sort": "-submitted"}))[0] == made["545"].case_number
    assert cases(official_client.get(url, {"sort": "submitted"}))[0] == made["091"].case_number
    Application.objects.filter(pk=made["499"].pk).update(answers={"project_name": "Aakkoset"})
    assert cases(official_client.get(url, {"sort": "name"}))[0] == made["499"].case_number


# Query count --------------------------------------------------------------------------------------------


def _bulk(call, user, reviewer, count, start=0):
    """Scored and reviewed applications in bulk (query-count data only)."""
    organisations = [
        *Organisation.objects.filter(code__in=["091", "049"]),  # Uusimaa, 100 000 or more: some rows match
        *Organisation.objects.municipalities().filter(in_2019=True).order_by("code")[:30],
    ]
    made = bulk_scored(call, user, count, organisations=organisations, start=start)
    Review.objects.bulk_create(Review(application=a, reviewer=reviewer, state="submitted") for a in made)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"sort": "-score", "score": "3", "flags": "on"},
        {"region": "01", "size": "100000_plus", "status": "submitted", "sort": "name", "page": "2"},
        {"reviewer": "REVIEWER", "track": "TRACK", "q": "Hanke", "sort": "case"},
    ],
)
def test_the_list_runs_the_same_queries_at_two_sizes(official_client, people, params):
    call = evaluation_call()
    reviewer = people["reviewers"][0]
    params = {
        key: {"REVIEWER": reviewer.pk, "TRACK": call.track_id}.get(value, value)
        for key, value in params.items()
    }
    url = reverse(LIST)
    _bulk(call, people["official"], reviewer, 10)
    official_client.get(url)  # warm up the session
    with CaptureQueriesContext(connection) as small:
        assert official_client.get(url, params).status_code == 200
    _bulk(call, people["official"], reviewer, 400, start=10)
    with CaptureQueriesContext(connection) as large:
        response = official_client.get(url, params)
    assert len(large.captured_queries) == len(small.captured_queries) <= 15
    assert response.context["page_obj"].paginator.count > 0


# Excel --------------------------------------------------------------------------------------------------


def _sheet(content: bytes):
    workbook = load_workbook(io.BytesIO(content))
    return list(workbook.active.iter_rows(values_only=True))


HEADERS = (
    "Case number", "Project name", "Call", "Track", "Lead municipality", "Region", "Size class", "Status",
    "Submitted", "Amount applied for (€)", "Eligible costs (€)", "Score", "Complete reviews",
    "Criteria where the reviewers differ", "Granted (€)",
)  # fmt: skip


def test_a_short_list_downloads_at_once(official_client, evaluated):
    call, made = evaluated
    response = official_client.get(reverse(EXPORT), {"status": "granted", "sort": "-score"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert "attachment" in response["Content-Disposition"] and ".xlsx" in response["Content-Disposition"]
    rows = _sheet(response.content)
    assert rows[0] == HEADERS
    assert [row[0] for row in rows[1:]] == [made["091"].case_number, made["499"].case_number]
    helsinki = dict(zip(HEADERS, rows[1], strict=True))
    assert helsinki["Project name"] == "Tiedolla johtamisen kehittäminen"
    assert helsinki["Call"] == call.title_en or helsinki["Call"] == call.title_fi
    assert helsinki["Lead municipality"] == "091 Helsinki"
    assert helsinki["Region"] == "Uusimaa"
    assert helsinki["Size class"] == "100,000 inhabitants or more"
    assert helsinki["Status"] == "Granted"
    assert helsinki["Amount applied for (€)"] == 8500 and helsinki["Eligible costs (€)"] == 10000
    assert helsinki["Score"] == 5 and helsinki["Complete reviews"] == 2 and helsinki["Granted (€)"] == 8500
    assert helsinki["Submitted"].date() == clock.helsinki(made["091"].submitted_at).date()
    espoo = dict(
        zip(HEADERS, _sheet(official_client.get(reverse(EXPORT), {"flags": "on"}).content)[1], strict=True)
    )
    assert espoo["Criteria where the reviewers differ"] == "G1" and espoo["Granted (€)"] is None
    assert espoo["Status"] == "Rejected"
    assert not ListExport.objects.exists()


def test_a_long_list_is_made_in_the_background(
    client, official_client, evaluated, people, settings, django_capture_on_commit_callbacks
):
    settings.LIST_EXPORT_DIRECT_LIMIT = 2
    call, made = evaluated
    confirm = official_client.get(reverse(EXPORT), {"track": call.track_id, "sort": "case", "page": "3"})
    page = text(confirm)
    assert confirm.status_code == 200 and "Download as Excel (XLSX)" in page and "4 applications" in page
    assert f'name="track" value="{call.track_id}"' in page and 'name="page"' not in page
    assert not ListExport.objects.exists()  # a GET starts nothing
    # Two rows fit the limit: Ostrobothnia's list still downloads at once.
    assert official_client.get(reverse(EXPORT), {"region": "15"})["Content-Type"].startswith(
        "application/vnd"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = official_client.post(reverse(EXPORT), {"status": "granted", "sort": "-score"})
    export = ListExport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("applications:ministry_export_status", args=[export.pk])
    assert export.state == ListExport.State.DONE and export.row_count == 2
    assert export.requested_by == people["official"] and export.file.name.startswith("exports/")
    assert export.params["filters"] == {"status": ["granted"], "sort": ["-score"]}
    status = text(official_client.get(response["Location"]))
    download_url = reverse("applications:ministry_export_download", args=[export.pk])
    assert "The file is ready." in status and download_url in status
    download = official_client.get(download_url)
    rows = _sheet(download.content)
    assert rows[0] == HEADERS and [row[0] for row in rows[1:]] == [
        made["091"].case_number,
        made["499"].case_number,
    ]
    # Only its requester and officials download it; other people learn nothing.
    other_official = make_user(Role.OFFICIAL, email="toinen@example.com")
    client.force_login(other_official)
    assert client.get(download_url).status_code == 200
    for user in (people["admin"], people["presenter"], people["reviewers"][0], made["091"].submitted_by):
        client.force_login(user)
        assert client.get(download_url).status_code == 404
        assert client.get(response["Location"]).status_code == 404


def test_while_the_file_is_being_made_the_page_says_so(official_client, people, settings, evaluated):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}
    }
    settings.LIST_EXPORT_DIRECT_LIMIT = 1
    response = official_client.post(reverse(EXPORT), {"status": "granted"})
    export = ListExport.objects.get()
    page = text(official_client.get(response["Location"]))
    assert export.state == ListExport.State.QUEUED
    assert "The file is being made." in page and "Refresh the page" in page
    assert 'http-equiv="refresh"' not in page  # no refresh behind the reader's back (WCAG 2.2.1)
    assert (
        official_client.get(reverse("applications:ministry_export_download", args=[export.pk])).status_code
        == 404
    )


def test_exports_are_for_officials_and_admins(client, evaluated, people):
    url = reverse(EXPORT)
    assert "/accounts/login/" in client.get(url)["Location"]
    for user, expected, posted in [
        (people["admin"], 200, 302),
        (people["presenter"], 403, 403),
        (people["reviewers"][0], 403, 403),
        (evaluated[1]["091"].submitted_by, 403, 403),
    ]:
        client.force_login(user)
        assert client.get(url).status_code == expected
        assert client.post(url).status_code == posted
    assert ListExport.objects.filter(requested_by=people["admin"]).count() == 1
