import json

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from kannustin.accounts.models import ApiToken
from kannustin.accounts.roles import Role
from kannustin.applications.tests.helpers import make_call, rate_maturity

pytestmark = pytest.mark.django_db


class Api:
    def __init__(self, client, user):
        self.client = client
        _token, raw = ApiToken.issue(user, "test", scope=ApiToken.Scope.WRITE)
        self.headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    def post(self, path, data=None, **extra):
        return self.client.post(
            f"/api/v1{path}", json.dumps(data or {}), content_type="application/json", **self.headers, **extra
        )

    def patch(self, path, data):
        return self.client.patch(
            f"/api/v1{path}", json.dumps(data), content_type="application/json", **self.headers
        )

    def get(self, path):
        return self.client.get(f"/api/v1{path}", **self.headers)

    def upload(self, path, name, content):
        return self.client.post(f"/api/v1{path}", {"file": SimpleUploadedFile(name, content)}, **self.headers)


@pytest.fixture
def call(db):
    return make_call()


@pytest.fixture
def signatory(helsinki, user_factory):
    return user_factory(Role.SIGNATORY, helsinki)


def test_create_get_patch_submit(client, call, signatory, helsinki):
    api = Api(client, signatory)
    response = api.post("/applications/", {"call": call.pk, "organisation": "091"})
    assert response.status_code == 201, response.content
    draft = response.json()
    assert draft["status"] == "draft" and draft["version"] == 1
    path = f"/applications/{draft['id']}/"

    year = call.opens_at.year
    response = api.patch(path, {
        "version": 1,
        "answers": {"project_name": "Talous", "summary": "Raportointi", "start_date": f"{year + 1}-01-01",
                    "end_date": f"{year + 1}-12-31", "g1_impact": "Säästöä"},
        "budget": [{"category": "personnel", "year": year, "description": "Työ", "amount": "10000.00"}],
        "requested_amount": "8500.00",
        "participants": ["049"],
        "participants_confirmed": True,
        "contacts": [{"name": "Sanna", "email": "sanna@example.com"}],
        "indicators": [{"name": "Aika", "baseline": "10", "target": "2", "follow_up": "Raportti"}],
    })  # fmt: skip
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["version"] == 2 and body["requested_amount"] == "8500.00"
    assert [(p["organisation"], p["role"], p["state"]) for p in body["participants"]] == [
        ("091", "lead", "confirmed"), ("049", "partner", "waiting"),
    ]  # fmt: skip
    assert body["budget"][0]["amount"] == "10000.00" and body["max_grant"] == "8500.00"

    response = api.post(f"{path}submit/")
    assert response.status_code == 422
    assert [m["code"] for m in response.json()["missing"]] == ["maturity_assessment_missing"]

    response = client.put(
        f"/api/v1/organisations/091/maturity/{call.pk}/",
        json.dumps({"ratings": {"data": {"current": 2, "target": 4}}, "service_process": "Laskutus"}),
        content_type="application/json",
        **api.headers,
    )
    assert response.status_code == 200, response.content

    first = api.post(f"{path}submit/")
    assert first.status_code == 200, first.content
    again = api.post(f"{path}submit/")
    assert again.json()["case_number"] == first.json()["case_number"]
    assert first.json()["status"] == "submitted" and "+0" in first.json()["submitted_at"]

    response = api.patch(path, {"version": 99, "answers": {"summary": "x"}})
    assert response.status_code == 409  # stale and not editable: either refusal is a 409
    response = api.patch(path, {"version": api.get(path).json()["version"], "answers": {"summary": "x"}})
    assert response.status_code == 409 and response.json()["code"] == "not_editable"


def test_stale_version_and_invalid_values(client, call, signatory):
    api = Api(client, signatory)
    draft = api.post("/applications/", {"call": call.pk, "organisation": "091"}).json()
    path = f"/applications/{draft['id']}/"
    assert api.patch(path, {"version": 1, "answers": {"summary": "Eka"}}).status_code == 200
    stale = api.patch(path, {"version": 1, "answers": {"summary": "Toka"}})
    assert stale.status_code == 409 and stale.json()["code"] == "version_conflict"
    bad = api.patch(path, {"version": 2, "answers": {"unknown": "x", "summary": "y" * 1501},
                           "budget": [{"category": "personnel", "year": call.opens_at.year, "amount": "abc"}]})  # fmt: skip
    assert bad.status_code == 422
    fields = {e["field"] for e in bad.json()["errors"]}
    assert fields == {"unknown", "summary", "budget.0.amount"}
    assert api.get(path).json()["answers"] == {"summary": "Eka"}


def test_non_member_and_closed_call(client, call, espoo, user_factory, signatory):
    outsider = Api(client, user_factory(Role.SIGNATORY, espoo))
    response = outsider.post("/applications/", {"call": call.pk, "organisation": "091"})
    assert response.status_code == 403
    mine = Api(client, signatory).post("/applications/", {"call": call.pk, "organisation": "091"}).json()
    assert outsider.get(f"/applications/{mine['id']}/").status_code == 404
    assert outsider.patch(f"/applications/{mine['id']}/", {"version": 1}).status_code == 404
    with time_machine.travel(call.closes_at):
        response = Api(client, signatory).post("/applications/", {"call": call.pk, "organisation": "091"})
    assert response.status_code == 409 and response.json()["code"] == "call_closed"


def test_official_cannot_see_drafts(client, call, signatory, user_factory):
    draft = Api(client, signatory).post("/applications/", {"call": call.pk, "organisation": "091"}).json()
    official = Api(client, user_factory(Role.OFFICIAL))
    assert official.get(f"/applications/{draft['id']}/").status_code == 404


def test_attachments(client, call, signatory, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    api = Api(client, signatory)
    draft = api.post("/applications/", {"call": call.pk, "organisation": "091"}).json()
    path = f"/applications/{draft['id']}/attachments/"
    ok = api.upload(path, "liite.pdf", b"%PDF-1.4\n%%EOF\n")
    assert ok.status_code == 201 and ok.json()["kind"] == "pdf"
    refused = api.upload(path, "virus.pdf", b"MZ\x90\x00" + b"\x00" * 64)
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "file"


def test_submit_after_deadline(client, call, signatory, helsinki):
    api = Api(client, signatory)
    draft = api.post("/applications/", {"call": call.pk, "organisation": "091"}).json()
    rate_maturity(helsinki, call, signatory)
    with time_machine.travel(call.closes_at):
        response = api.post(f"/applications/{draft['id']}/submit/")
    assert response.status_code == 409 and response.json()["code"] == "call_closed"


def test_only_a_signatory_may_submit_even_an_application_already_submitted(
    client, call, signatory, helsinki, user_factory
):
    from kannustin.applications import actions
    from kannustin.applications.tests.helpers import complete_application

    application = complete_application(actions.create_draft(call, helsinki, by=signatory), signatory)
    actions.submit(application, by=signatory)
    drafter = Api(client, user_factory(Role.APPLICANT, helsinki))

    response = drafter.post(f"/applications/{application.pk}/submit/")

    assert response.status_code == 403 and response.json()["code"] == "permission_denied"
