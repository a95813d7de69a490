import pytest
from django.test import Client

from kannustin.api.errors import api_language

pytestmark = pytest.mark.django_db


def test_index_links_the_document_and_docs(client):
    body = client.get("/api/v1/").json()
    assert body["openapi"] == "http://testserver/api/v1/openapi.json"
    assert body["docs"] == "http://testserver/api/v1/docs"


@pytest.mark.parametrize(
    "path", ["/api/v1/nothing-here/", "/api/v1/calls/1/extra/", "/api/v1/municipalities/091/x"]
)
def test_unknown_address_is_json_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["code"] == "not_found"


def test_missing_trailing_slash_names_the_right_address(client):
    response = client.get("/api/v1/calls")
    assert response.status_code == 404
    assert "/api/v1/calls/" in response.json()["detail"]


def test_wrong_method_is_json_405(client):
    response = client.delete("/api/v1/municipalities/")
    assert response.status_code == 405
    assert response["Allow"] == "GET"
    assert response.json()["code"] == "method_not_allowed"


def test_post_to_unknown_address_is_not_a_csrf_page():
    response = Client(enforce_csrf_checks=True).post("/api/v1/anything/", {"a": 1})
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_unexpected_error_is_json_500_and_still_reported(client, monkeypatch, summer_call):
    from kannustin.api.endpoints import calls

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(calls, "call_data", broken)
    # The test client re-raises what Django's error reporting hears of …
    with pytest.raises(RuntimeError):
        client.get("/api/v1/calls/")
    # … while the caller gets JSON, not an HTML error page.
    response = Client(raise_request_exception=False).get("/api/v1/calls/")
    assert response.status_code == 500
    assert response.json()["code"] == "server_error"
    assert "boom" not in response.json()["detail"]


def test_detail_language_follows_accept_language(client, rf):
    assert api_language(rf.get("/", HTTP_ACCEPT_LANGUAGE="sv-FI,sv;q=0.9,en;q=0.5")) == "sv"
    assert api_language(rf.get("/", HTTP_ACCEPT_LANGUAGE="de,fi;q=0.5")) == "fi"
    assert api_language(rf.get("/", HTTP_ACCEPT_LANGUAGE="de")) == "en"
    assert api_language(rf.get("/")) == "en"
    # The Finnish default of the web pages does not apply to the API's error texts.
    response = client.get("/api/v1/nothing/")
    assert response["Content-Language"] == "en"
    assert "Accept-Language" in response["Vary"]
    assert client.get("/api/v1/nothing/", HTTP_ACCEPT_LANGUAGE="sv")["Content-Language"] == "sv"
