"""All applications of a call as an Excel workbook (issue 12, item 5): made in the background into the
applications' ListExport (kind "call"), its progress on the status page, downloaded by its requester and
officials only."""

import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from conftest import make_user
from kannustin.accounts.roles import Role
from kannustin.applications.models import Application, ListExport
from kannustin.decisions import services as decisions
from kannustin.decisions.models import Scenario
from kannustin.registry.models import Organisation
from kannustin.reports import exports
from kannustin.reviews import services as reviews
from kannustin.reviews.tests.helpers import evaluation_call, review, submitted_application

pytestmark = pytest.mark.django_db

EXPORT = "reports:export_call"
STATUS = "applications:ministry_export_status"
DOWNLOAD = "applications:ministry_export_download"


def reverse_en(*args, **kwargs):
    """The officials' report pages at their English addresses (the tests read English)."""
    with translation.override("en"):
        return reverse(*args, **kwargs)


def in_english(client):
    client.cookies["kannustin_language"] = "en"
    return client


def text(response) -> str:
    return response.content.decode().replace("\u00a0", " ")


def add_application(call, code, people, *, requested="8500.00", g1=4, c1=3):
    organisation = Organisation.objects.get(code=code)
    signatory = make_user(Role.SIGNATORY, organisation)
    application = submitted_application(call, organisation, signatory, requested=requested)
    for reviewer in people["reviewers"]:
        review(application, reviewer, people["official"], G1=g1, C1=c1)
    return application


@pytest.fixture
def evaluated(people, django_capture_on_commit_callbacks):
    """Helsinki (best, summary a business secret) and Espoo scored; a third reviewer declares themselves
    disqualified on Helsinki's; the call decided (budget 9 000: Helsinki granted, Espoo rejected)."""
    call = evaluation_call()
    call.track.budget = Decimal("9000.00")
    call.track.save()
    helsinki = add_application(call, "091", people, g1=5, c1=5)
    espoo = add_application(call, "049", people, requested="8000.00", g1=3, c1=3)
    Application.objects.filter(pk=helsinki.pk).update(confidential_keys=["summary"])
    third = make_user(Role.REVIEWER, email="r3@example.com")
    item = reviews.assign(helsinki, third, by=people["official"], notify_now=False)
    reviews.declare(item, by=third, disqualified=True, ground="employment", explanation="Työsuhde")
    with django_capture_on_commit_callbacks(execute=True):
        scenario = decisions.draw(
            call, by=people["official"], method=Scenario.Method.RANK, name="A",
            budget=decisions.default_budget(call),
        )  # fmt: skip
        decisions.choose(scenario, by=people["official"], reason="Paras")
        drafts = decisions.prepare(call, by=people["official"])
        decisions.present(drafts, by=people["presenter"])
        decisions.sign(drafts, by=people["decision_maker"])
        decisions.send(call, by=people["official"])
    helsinki.refresh_from_db()
    espoo.refresh_from_db()
    return call, helsinki, espoo


def rows_of(workbook, name):
    return [list(row) for row in workbook[name].iter_rows(values_only=True)]


def by_heading(rows):
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_an_official_makes_the_calls_workbook_and_follows_its_progress(
    client, people, evaluated, django_capture_on_commit_callbacks
):
    call, helsinki, espoo = evaluated
    official = in_english(client)
    official.force_login(people["official"])
    url = reverse_en(EXPORT, args=[call.pk])
    page = text(official.get(url))
    assert (
        "All applications of" in page and "2 submitted applications" in page and "(business secret)" in page
    )
    assert not ListExport.objects.exists()  # a GET starts nothing
    assert url in text(official.get(reverse_en("decisions:index")))
    with django_capture_on_commit_callbacks(execute=True):
        response = official.post(url)
    export = ListExport.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse_en(STATUS, args=[export.pk])
    assert export.kind == ListExport.Kind.CALL and export.params["call"] == call.pk
    assert export.state == ListExport.State.DONE and export.row_count == 2 and export.rows_done == 2
    assert export.file.name.startswith("exports/")
    status = text(official.get(response["Location"]))
    assert "Excel file of all applications of the call" in status and "The file is ready." in status
    assert reverse_en(DOWNLOAD, args=[export.pk]) in status
    download = official.get(reverse_en(DOWNLOAD, args=[export.pk]))
    assert download.status_code == 200 and f"{call.slug}" in download["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(download.content), read_only=True)
    assert workbook.sheetnames == ["Applications", "Budget lines", "Reviews"]

    applications = rows_of(workbook, "Applications")
    assert applications[0][:3] == ["Case number", "Lead applicant", "Submitted"]
    # One column per question of the call's form, labelled as the form asks (the test form's labels).
    assert applications[0][3:8] == [
        "project_name",
        "summary",
        "start_date",
        "end_date",
        "Describe the impact",
    ]
    assert applications[0][-6:] == [
        "Participants", "Amount applied for (€)", "Eligible costs (€)", "Score", "Status", "Granted (€)",
    ]  # fmt: skip
    first, second = by_heading(applications)
    assert [first["Case number"], second["Case number"]] == sorted([helsinki.case_number, espoo.case_number])
    rows = {row["Case number"]: row for row in (first, second)}
    hki = rows[helsinki.case_number]
    assert hki["Amount applied for (€)"] == 8500 and hki["Eligible costs (€)"] == 10000
    assert hki["Score"] == 5 and hki["Status"] == "Granted" and hki["Granted (€)"] == 8500
    assert "Helsinki" in hki["Participants"] and "091" in hki["Lead applicant"]
    # Business secrets are in this internal file, marked; an answer not secret is as it is.
    secret = [
        value for value in hki.values() if isinstance(value, str) and value.startswith("(business secret)")
    ]
    assert secret == ["(business secret) Automatisoidaan talouden raportointi."]
    assert "Tiedolla johtamisen kehittäminen" in hki.values()
    assert rows[espoo.case_number]["Status"] == "Rejected" and rows[espoo.case_number]["Granted (€)"] is None
    assert "Automatisoidaan talouden raportointi." in rows[espoo.case_number].values()

    budget = rows_of(workbook, "Budget lines")
    assert budget[0] == ["Case number", "Cost category", "Year", "Description", "Amount (€)"]
    assert budget[1] == [helsinki.case_number, "Personnel", call.opens_at.year, "Projektipäällikkö", 10000]

    review_rows = by_heading(rows_of(workbook, "Reviews"))
    assert list(review_rows[0])[:5] == ["Case number", "Reviewer", "State", "G1 score", "G1 justification"]
    submitted = [row for row in review_rows if row["State"] == "Submitted"]
    assert len(submitted) == 4
    assert {row["G1 score"] for row in submitted if row["Case number"] == helsinki.case_number} == {5}
    assert submitted[0]["G1 justification"] == "Perustelu G1" and submitted[0]["Disqualified"] == "No"
    (declared,) = [row for row in review_rows if row["Disqualified"] == "Yes"]
    assert declared["Case number"] == helsinki.case_number and declared["Explanation"] == "Työsuhde"
    assert declared["Ground of disqualification"].startswith("I am employed by a party")
    assert declared["G1 score"] is None and declared["Submitted"] is None


def test_the_status_page_shows_progress_while_the_file_is_made(client, people, evaluated):
    call, _helsinki, _espoo = evaluated
    export = ListExport.objects.create(
        requested_by=people["official"], kind=ListExport.Kind.CALL, state=ListExport.State.RUNNING,
        params={"call": call.pk}, row_count=250, rows_done=100,
    )  # fmt: skip
    official = in_english(client)
    official.force_login(people["official"])
    page = text(official.get(reverse_en(STATUS, args=[export.pk])))
    assert "100 of 250 applications" in page and "Refresh the page" in page
    assert reverse_en(EXPORT, args=[call.pk]) in page  # back to where it was started
    assert official.get(reverse_en(DOWNLOAD, args=[export.pk])).status_code == 404


def test_progress_is_reported_per_chunk(people, evaluated, monkeypatch):
    call, _helsinki, _espoo = evaluated
    monkeypatch.setattr(exports, "CHUNK", 1)
    calls = []
    _content, count = exports.write_call_workbook(call, lambda done, total: calls.append((done, total)))
    assert count == 2 and calls == [(0, 2), (1, 2), (2, 2)]


def test_only_the_requester_and_officials_download_it(
    client, people, evaluated, django_capture_on_commit_callbacks
):
    call, helsinki, _espoo = evaluated
    # An administrator may make one (as the list's export) and download their own.
    client.force_login(people["admin"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse_en(EXPORT, args=[call.pk]))
    export = ListExport.objects.get()
    download = reverse_en(DOWNLOAD, args=[export.pk])
    assert client.get(download).status_code == 200
    client.force_login(make_user(Role.OFFICIAL, email="toinen@example.com"))
    assert client.get(download).status_code == 200
    other_admin = make_user(Role.ADMIN, email="admin2@example.com")
    for user in (other_admin, people["presenter"], people["reviewers"][0], helsinki.submitted_by):
        client.force_login(user)
        assert client.get(download).status_code == 404
        assert client.get(response["Location"]).status_code == 404
    # Starting one is for officials and administrators.
    for user in (people["presenter"], people["reviewers"][0], helsinki.submitted_by):
        client.force_login(user)
        assert client.get(reverse_en(EXPORT, args=[call.pk])).status_code == 403
        assert client.post(reverse_en(EXPORT, args=[call.pk])).status_code == 403
    client.logout()
    assert "/accounts/login/" in client.get(reverse_en(EXPORT, args=[call.pk]))["Location"]
    assert ListExport.objects.count() == 1


def test_building_takes_the_same_queries_at_two_sizes(people, evaluated):
    call, _helsinki, _espoo = evaluated
    with CaptureQueriesContext(connection) as small:
        exports.write_call_workbook(call)
    for code in ("499", "092", "837"):
        add_application(call, code, people, requested="5000.00")
    with CaptureQueriesContext(connection) as large:
        _content, count = exports.write_call_workbook(call)
    assert count == 5
    assert len(large.captured_queries) == len(small.captured_queries)
