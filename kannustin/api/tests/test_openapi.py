import json
import re

import pytest

pytestmark = pytest.mark.django_db

PATHS = {
    "/api/v1/me/",
    "/api/v1/municipalities/",
    "/api/v1/municipalities/{code}/",
    "/api/v1/calls/",
    "/api/v1/calls/{call_id}/",
}


@pytest.fixture
def document(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return json.loads(response.content)


def refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


def test_document_is_openapi_3_with_every_path(document):
    assert re.match(r"^3\.[01]\.\d+$", document["openapi"])
    assert document["info"]["title"] == "Kannustin API"
    assert document["info"]["version"] == "1"
    assert set(document["paths"]) >= PATHS
    for path in PATHS:
        assert set(document["paths"][path]) == {"get"}, path
    operation_ids = []
    for path, item in document["paths"].items():
        for method, operation in item.items():
            assert any(status.startswith("2") for status in operation["responses"]), (method, path)
            assert operation["summary"], (method, path)
            operation_ids.append(operation["operationId"])
    assert len(operation_ids) == len(set(operation_ids))
    assert "list_municipalities" in operation_ids


def test_every_reference_resolves(document):
    schemas = document["components"]["schemas"]
    found = list(refs(document))
    assert found
    for ref in found:
        assert ref.startswith("#/components/schemas/")
        assert ref.removeprefix("#/components/schemas/") in schemas, ref


def test_bearer_scheme_is_documented_and_used_where_needed(document):
    schemes = document["components"]["securitySchemes"]
    assert schemes == {"BearerToken": {**schemes["BearerToken"], "type": "http", "scheme": "bearer"}}
    assert document["paths"]["/api/v1/me/"]["get"]["security"] == [{"BearerToken": []}]
    # Public data needs no token.
    assert "security" not in document["paths"]["/api/v1/municipalities/"]["get"]
    assert "security" not in document["paths"]["/api/v1/calls/{call_id}/"]["get"]


def test_errors_and_decimals_are_described(document):
    me = document["paths"]["/api/v1/me/"]["get"]["responses"]
    assert me["401"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorOut")
    listing = document["paths"]["/api/v1/municipalities/"]["get"]["responses"]
    assert listing["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ValidationErrorOut")
    share = document["components"]["schemas"]["CallOut"]["properties"]["max_aid_share"]
    assert share["type"] == "string"
    assert share["format"] == "decimal"


def test_docs_page_loads_nothing_from_the_internet(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assets = re.findall(r"""(?:src|href)="([^"]+)\"""", html)
    assert len(assets) == 4
    for url in assets:
        asset = client.get(url)
        assert asset.status_code == 200, url
        assert b"".join(asset.streaming_content)
    settings = json.loads(
        re.search(r'id="swagger-settings" type="application/json">(.*?)</script>', html).group(1)
    )
    assert settings["url"] == "/api/v1/openapi.json"
    assert settings["validatorUrl"] is None  # no badge from an online validator


def test_unknown_docs_asset_is_json_404(client):
    response = client.get("/api/v1/docs/assets/..%2Fsettings.py")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_track_2_operations_are_documented(document):
    listing = document["paths"]["/api/v1/proposals/"]["get"]
    assert listing["operationId"] == "list_proposals" and listing["security"] == [{"BearerToken": []}]
    assert {"200", "401", "403", "422"} <= set(listing["responses"])
    assert {p["name"] for p in listing["parameters"]} == {"call", "topic", "region", "q", "limit", "offset"}
    interest = document["paths"]["/api/v1/proposals/{proposal_id}/interest/"]["post"]
    assert {"200", "201", "401", "403", "404", "409", "422"} <= set(interest["responses"])
    kind = document["components"]["schemas"]["InterestIn"]["properties"]["kind"]
    assert kind["enum"] == ["partner", "observer"]
    confirm = document["paths"]["/api/v1/applications/{application_id}/participants/{code}/confirm/"]["post"]
    assert {"200", "403", "404", "409", "422"} <= set(confirm["responses"])
    assert "requestBody" in confirm
