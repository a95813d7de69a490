import pytest
from django.utils import translation
from ninja.testing import TestClient

from kannustin.accounts.models import ApiToken
from kannustin.accounts.roles import Role
from kannustin.api.endpoints.maturity import router
from kannustin.core.models import AuditEvent
from kannustin.maturity import services

from .conftest import full_ratings

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return TestClient(router)


def as_user(user) -> dict:
    """Request options for TestClient: the bearer token of `user` (the router's auth sets request.auth)."""
    _token, raw = ApiToken.issue(user, "test", scope=ApiToken.Scope.WRITE)
    return {"headers": {"Authorization": f"Bearer {raw}"}, "user": user}


def path(call, code="091"):
    return f"/organisations/{code}/maturity/{call.pk}/"


@pytest.fixture
def applicant(user_factory, helsinki):
    return user_factory(Role.APPLICANT, helsinki)


def test_put_then_get(api, call, helsinki, applicant):
    auth = as_user(applicant)
    response = api.get(path(call), **auth)
    assert response.status_code == 200
    assert response.json()["version"] == 0
    assert response.json()["missing_dimensions"] == ["data", "strategy", "processes"]

    body = {
        "ratings": {"data": {"current": 2, "target": 4}},
        "service_process": "Palkanlaskenta",
        "version": 0,
    }
    response = api.put(path(call), json=body, **auth)
    assert response.status_code == 200, response.json()
    data = response.json()
    assert data["ratings"] == {"data": {"current": 2, "target": 4}}
    assert data["version"] == 1
    assert data["complete"] is False
    assert data["frozen"] is False
    assert data["missing_dimensions"] == ["strategy", "processes"]
    assert data["organisation"] == "091" and data["call"] == call.pk

    response = api.put(path(call), json={"ratings": full_ratings(3, 5), "version": 1}, **auth)
    assert response.status_code == 200
    assert response.json()["complete"] is True
    assert response.json()["version"] == 2
    assert response.json()["service_process"] == "Palkanlaskenta"

    got = api.get(path(call), **auth).json()
    assert got["ratings"] == full_ratings(3, 5) and got["complete"] is True
    assert got["updated_at"].endswith(("+02:00", "+03:00"))
    event = AuditEvent.objects.filter(action="maturity.saved").order_by("-id").first()
    assert event.actor == applicant


def test_unknown_keys_and_levels_out_of_range_are_422(api, call, helsinki, applicant):
    auth = as_user(applicant)
    response = api.put(
        path(call),
        json={"ratings": {"nope": {"current": 1, "target": 1}, "data": {"current": 0, "target": 6}}},
        **auth,
    )
    assert response.status_code == 422
    data = response.json()
    assert data["code"] == "validation_error"
    fields = {error["field"]: error["type"] for error in data["errors"]}
    assert fields == {"ratings.nope": "unknown_dimension", "ratings.data": "invalid_level"}
    assert services.get_assessment(helsinki, call) is None


def test_messages_follow_accept_language(api, call, applicant):
    auth = as_user(applicant)
    auth["headers"]["Accept-Language"] = "en"
    response = api.put(path(call), json={"ratings": {"data": {"current": 9, "target": 1}}}, **auth)
    assert "Data: choose the current level (1–5)." in response.json()["errors"][0]["message"]


def test_stale_version_is_409(api, call, applicant):
    auth = as_user(applicant)
    api.put(path(call), json={"ratings": {"data": {"current": 1, "target": 2}}, "version": 0}, **auth)
    response = api.put(
        path(call), json={"ratings": {"data": {"current": 5, "target": 5}}, "version": 0}, **auth
    )
    assert response.status_code == 409
    assert response.json()["code"] == "version_conflict"
    assert response.json()["version"] == 1
    assert api.get(path(call), **auth).json()["ratings"]["data"] == {"current": 1, "target": 2}


def test_frozen_is_409(api, call, helsinki, applicant, complete_assessment):
    services.freeze(complete_assessment(helsinki, call), 7, by=applicant)
    auth = as_user(applicant)
    response = api.put(path(call), json={"ratings": {"data": {"current": 5, "target": 5}}}, **auth)
    assert response.status_code == 409
    assert response.json()["code"] == "frozen"
    got = api.get(path(call), **auth).json()
    assert got["frozen"] is True and got["frozen_at"] is not None
    assert got["ratings"] == full_ratings()


def test_non_member_unknown_org_and_unknown_call_are_404(
    api, call, helsinki, espoo, user_factory, complete_assessment
):
    complete_assessment(helsinki, call)
    auth = as_user(user_factory(Role.APPLICANT, espoo))
    for method in (api.get, api.put):
        kwargs = {"json": {"ratings": {}}} if method == api.put else {}
        response = method(path(call), **kwargs, **auth)
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"
    member = as_user(user_factory(Role.APPLICANT, helsinki, email="second@example.com"))
    assert api.get(path(call, code="999"), **member).status_code == 404
    assert api.get(f"/organisations/091/maturity/{call.pk + 50}/", **member).status_code == 404


def test_official_reads_but_cannot_write(api, call, helsinki, user_factory, complete_assessment):
    complete_assessment(helsinki, call)
    auth = as_user(user_factory(Role.OFFICIAL))
    assert api.get(path(call), **auth).json()["complete"] is True
    response = api.put(path(call), json={"ratings": {"data": {"current": 1, "target": 1}}}, **auth)
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert services.get_assessment(helsinki, call).ratings == full_ratings()


def test_a_token_is_required(api, call):
    assert api.get(path(call)).status_code == 401


def test_mounted_under_api_v1(client, call, applicant):
    """Through the real URL and the API's own error handlers: a wrongly typed level is a 422 in the API's
    error shape too."""
    _token, raw = ApiToken.issue(applicant, "test", scope=ApiToken.Scope.WRITE)
    headers = {"Authorization": f"Bearer {raw}"}
    url = f"/api/v1/organisations/091/maturity/{call.pk}/"
    response = client.put(
        url,
        data={"ratings": {"data": {"current": 2, "target": 3}}},
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 200
    assert response.json()["version"] == 1
    response = client.put(
        url,
        data={"ratings": {"data": {"current": "two", "target": 3}}},
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 422
    assert response.json()["code"] == "validation_error"
    # Type errors come from the API's schema validation (kannustin.api.errors), named by the body parameter.
    assert [error["field"] for error in response.json()["errors"]] == ["payload.ratings.data.current"]
    assert client.get(url).status_code == 401


@pytest.mark.parametrize("language", ["sv", "fi"])
def test_messages_in_swedish_and_finnish_have_no_english_in_them(client, call, applicant, language):
    """Through the whole API (its error handlers): schema errors and the service's own errors alike."""
    _token, raw = ApiToken.issue(applicant, "test", scope=ApiToken.Scope.WRITE)
    english = ("current", "target", "Field required", "Input should", "valid integer")
    for body in (
        {"ratings": {"data": {"current": 2}}},
        {"ratings": {"data": {"current": "two", "target": 3}}},
        {"ratings": {"data": {"current": 0, "target": 9}}},
        {"ratings": "all of them"},
    ):
        answers = {
            asked: client.put(
                f"/api/v1{path(call)}", body, content_type="application/json",
                HTTP_AUTHORIZATION=f"Bearer {raw}", HTTP_ACCEPT_LANGUAGE=asked,
            )
            for asked in (language, "en")
        }  # fmt: skip
        response = answers[language]
        assert response.status_code == 422, body
        assert response["Content-Language"] == language
        errors, in_english = response.json()["errors"], answers["en"].json()["errors"]
        assert errors and len(errors) == len(in_english), errors
        for error, same_in_english in zip(errors, in_english, strict=True):
            assert error["type"] == same_in_english["type"]
            assert error["message"] != same_in_english["message"], error
            assert not any(word in error["message"] for word in english), error
    # The service's own message about fields that cannot be given, in the language asked for.
    structure = services.structure_for(call)
    with translation.override(language):
        _cleaned, errors = services.validate_ratings(
            {"data": {"current": 2, "target": 3, "gap": 1}}, structure
        )
    (message,) = errors["data"]
    assert "gap" in message and not any(word in message for word in english), message
