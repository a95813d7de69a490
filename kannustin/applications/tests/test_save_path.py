"""The save path: an autosave reads the application once and writes the change, its version and its audit event
in a constant, small number of queries, whatever the size of the application or of the database."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kannustin.accounts.models import ApiToken
from kannustin.accounts.roles import Role
from kannustin.registry.models import Organisation

from .. import actions
from ..models import Application, ApplicationVersion
from .helpers import complete_application, make_call

pytestmark = pytest.mark.django_db

API_AUTOSAVE_BUDGET = 10
SECTION_AUTOSAVE_BUDGET = 12
PDF = b"%PDF-1.4\n%%EOF\n"


def fresh(application):
    return Application.objects.get(pk=application.pk)


@pytest.fixture
def world(reference_data, helsinki, user_factory):
    call = make_call()
    signatory = user_factory(Role.SIGNATORY, helsinki)
    draft = complete_application(actions.create_draft(call, helsinki, by=signatory), signatory)
    _token, raw = ApiToken.issue(signatory, "autosave", scope=ApiToken.Scope.WRITE)
    return call, signatory, draft, raw


def grow(call, draft, signatory, user_factory):
    """A much larger application (many cost lines, contacts, indicators, partners, attachments, versions) and
    more applications of other municipalities around it."""
    year = call.opens_at.year
    draft = fresh(draft)
    draft = actions.save(draft, by=signatory, version=draft.version, changes={
        "budget": [{"category": "personnel", "year": year, "description": f"Rivi {n}", "amount": "100.00"}
                   for n in range(40)],
        "requested_amount": "3400.00",
        "contacts": [{"name": f"Henkilö {n}", "email": f"h{n}@example.fi"} for n in range(8)],
        "indicators": [{"name": f"Mittari {n}", "baseline": "1", "target": "2", "follow_up": "x"} for n in range(8)],
        "participants": ["049", "092", "853"],
    })  # fmt: skip
    for n in range(6):
        actions.add_attachment(fresh(draft), SimpleUploadedFile(f"liite{n}.pdf", PDF), by=signatory)
    for n in range(20):
        draft = fresh(draft)
        draft = actions.save(draft, by=signatory, version=draft.version,
                             changes={"answers": {"summary": f"Tiivistelmä {n}"}})  # fmt: skip
    for code in (
        "farthest",
        *[o.code for o in Organisation.objects.municipalities().exclude(code="091")[:12]],
    ):
        if code == "farthest":
            continue
        organisation = Organisation.objects.get(code=code)
        member = user_factory(Role.SIGNATORY, organisation, email=f"s-{code}@example.fi")
        complete_application(actions.create_draft(call, organisation, by=member), member)
    return fresh(draft)


def api_autosave(client, raw, application, text) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.patch(
            f"/api/v1/applications/{application.pk}/",
            json.dumps({"version": application.version, "answers": {"project_name": text}}),
            content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {raw}",
        )  # fmt: skip
    assert response.status_code == 200, response.content
    assert response.json()["version"] == application.version + 1
    return [q["sql"] for q in captured.captured_queries]


def section_autosave(client, application, text) -> list[str]:
    url = reverse("applications:section", args=[application.pk, "basics"])
    with CaptureQueriesContext(connection) as captured:
        response = client.post(url, {"version": application.version, "project_name": text,
                                     "summary": application.answers.get("summary", "")},
                               HTTP_HX_REQUEST="true")  # fmt: skip
    assert response.status_code == 200, response.content
    assert fresh(application).answers["project_name"] == text
    return [q["sql"] for q in captured.captured_queries]


def test_api_autosave_runs_the_same_few_queries_however_large(client, world, user_factory):
    call, signatory, draft, raw = world
    api_autosave(client, raw, fresh(draft), "Lämmittely")  # a warm process: the form's definition is kept
    small = api_autosave(client, raw, fresh(draft), "Pieni")
    large_draft = grow(call, draft, signatory, user_factory)
    large = api_autosave(client, raw, large_draft, "Suuri")
    assert len(small) == len(large) <= API_AUTOSAVE_BUDGET, "\n".join(large)


def test_section_autosave_runs_the_same_few_queries_however_large(client, world, user_factory):
    call, signatory, draft, _raw = world
    client.force_login(signatory)
    section_autosave(client, fresh(draft), "Lämmittely")
    small = section_autosave(client, fresh(draft), "Pieni")
    large_draft = grow(call, draft, signatory, user_factory)
    large = section_autosave(client, large_draft, "Suuri")
    assert len(small) == len(large) <= SECTION_AUTOSAVE_BUDGET, "\n".join(large)


def test_the_latest_version_always_holds_the_whole_content(world, user_factory):
    """A save reads the content from the latest version instead of every part: that version must always
    equal what the parts hold, after any change of any part."""
    call, signatory, draft, _raw = world
    draft = grow(call, draft, signatory, user_factory)
    marked = draft.attachments.last()
    draft = actions.save(fresh(draft), by=signatory, version=draft.version,
                         changes={"confidential_keys": ["summary"], "participants": ["049"],
                                  "confidential_attachments": [marked.pk]})  # fmt: skip
    attachment = draft.attachments.first()
    actions.remove_attachment(attachment, by=signatory)
    draft = fresh(draft)
    latest = ApplicationVersion.objects.get(application=draft, version=draft.version).data
    assert latest == json.loads(json.dumps(actions.snapshot(draft)))
    assert actions.current_data(draft) == latest


def test_the_api_answer_to_a_save_is_what_a_read_shows(client, world):
    _call, _signatory, draft, raw = world
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    saved = client.patch(f"/api/v1/applications/{draft.pk}/", json.dumps({"version": draft.version,
                         "answers": {"summary": "Uusi"}}), content_type="application/json", **headers).json()  # fmt: skip
    read = client.get(f"/api/v1/applications/{draft.pk}/", **headers).json()
    assert saved == read


SUBMIT_BUDGET = 25


def test_submit_runs_a_few_queries_and_leaves_the_pdf_and_email_to_the_worker(
    client, world, user_factory, django_capture_on_commit_callbacks
):
    """Submission checks completeness and takes a case number in a constant number of queries; the receipt
    (PDF, email) is queued after commit, never made in the request."""
    from .helpers import rate_maturity

    call, signatory, draft, raw = world
    large = grow(call, draft, signatory, user_factory)
    rate_maturity(large.organisation, call, signatory)
    with (
        django_capture_on_commit_callbacks(execute=False) as callbacks,
        CaptureQueriesContext(connection) as captured,
    ):
        response = client.post(f"/api/v1/applications/{large.pk}/submit/", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200, response.content
    assert fresh(large).case_number
    # Savepoints (the test's own, a nested freeze, a new year's case-number series) are not queries of data.
    statements = [
        q["sql"] for q in captured.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))
    ]
    assert len(statements) <= SUBMIT_BUDGET, "\n".join(q[:120] for q in statements)
    assert callbacks  # the receipt is queued after commit


def test_a_save_locks_its_own_row_only(world):
    """Every application of a call joins the same call row: a save that locked it too would queue every other
    save of the call behind it (the closing-day surge measured that as seconds of waiting)."""
    call, signatory, draft, _raw = world
    with CaptureQueriesContext(connection) as queries:
        actions.save(
            draft, by=signatory, version=draft.version, changes={"answers": {"project_name": "Lukko"}}
        )
    locking = [q["sql"] for q in queries.captured_queries if "FOR UPDATE" in q["sql"]]
    if not connection.features.has_select_for_update:
        assert locking == []  # SQLite: the whole database is locked for the write instead
        return
    assert len(locking) == 1
    assert locking[0].endswith('FOR UPDATE OF "applications_application"')
