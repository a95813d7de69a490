from datetime import date

import pytest

from kannustin.registry.models import Organisation

LIST = "/api/v1/municipalities/"


@pytest.fixture
def municipalities(client, reference_data):
    def get(**params):
        response = client.get(LIST, params)
        assert response.status_code == 200, response.content
        return response.json()

    return get


def codes(body):
    return [item["code"] for item in body["items"]]


def test_every_municipality_of_both_classifications(municipalities):
    body = municipalities()
    # 311 in 2019, 308 in 2026, and no new codes in between: every row is one of the 2019 ones.
    assert body["count"] == len(body["items"]) == 311
    assert codes(body) == sorted(codes(body))
    assert "© Statistics Finland, CC BY 4.0" in body["attribution"]
    assert body["license"] == "https://creativecommons.org/licenses/by/4.0/"


def test_classification_filter(municipalities):
    assert municipalities(classification="2019")["count"] == 311
    in_2026 = municipalities(classification="2026")
    assert in_2026["count"] == 308
    assert {"911", "099", "588"}.isdisjoint(codes(in_2026))
    assert all(item["in_2026"] for item in in_2026["items"])


def test_merged_municipality(municipalities):
    valtimo = next(item for item in municipalities()["items"] if item["code"] == "911")
    assert valtimo["merged_into"] == "541"
    assert valtimo["merged_on"] == "2020-01-01"
    assert valtimo["in_2019"] is True
    assert valtimo["in_2026"] is False


def test_item_shape(municipalities):
    helsinki = municipalities(q="091")["items"][0]
    assert helsinki["code"] == "091"
    assert (helsinki["name_fi"], helsinki["name_sv"]) == ("Helsinki", "Helsingfors")
    assert helsinki["region"]["code"] == "01"
    assert helsinki["region"]["name_fi"] == "Uusimaa"
    assert helsinki["language_status"] == {
        "code": 1,
        "key": "bilingual_finnish_majority",
        "label_fi": "Kaksikielinen kunta, jossa enemmistön kieli on suomi",
        "label_sv": "Tvåspråkig kommun med finska som flertalets språk",
        "label_en": "Bilingual municipality with Finnish-speaking majority",
    }
    assert isinstance(helsinki["population"], int) and helsinki["population"] > 600_000
    assert date.fromisoformat(helsinki["population_date"])
    assert helsinki["merged_into"] is None


def test_swedish_speaking_municipality(municipalities):
    # Åland's municipalities are Swedish-speaking (region 21).
    aland = municipalities(region="21")
    assert aland["count"] == 16
    assert {item["language_status"]["key"] for item in aland["items"]} == {"swedish"}


def test_region_filter(municipalities):
    uusimaa = municipalities(region="01", classification="2026")
    assert uusimaa["count"] > 20
    assert {item["region"]["code"] for item in uusimaa["items"]} == {"01"}
    assert "091" in codes(uusimaa)
    assert municipalities(region="99")["count"] == 0


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("valtimo", {"911"}),
        ("VALTIMO", {"911"}),
        ("helsingfors", {"091"}),  # Swedish name
        ("ähtäri", {"989"}),  # non-ASCII letters match case-insensitively on SQLite too
        ("ÄHTÄRI", {"989"}),
        ("049", {"049"}),  # code
    ],
)
def test_search(municipalities, q, expected):
    assert set(codes(municipalities(q=q))) == expected


def test_search_combines_with_filters(municipalities):
    assert codes(municipalities(q="valtimo", classification="2026")) == []
    assert codes(municipalities(q="valtimo", classification="2019")) == ["911"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"classification": "2020"}, "classification"),
        ({"region": "1"}, "region"),
        ({"region": "abc"}, "region"),
        ({"q": "x" * 101}, "q"),
    ],
)
def test_invalid_filters_are_422_per_field(client, reference_data, params, field):
    response = client.get(LIST, params)
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "validation_error"
    assert body["detail"]
    assert [error["field"] for error in body["errors"]] == [field]
    assert body["errors"][0]["location"] == "query"
    assert body["errors"][0]["message"]


def test_detail(client, reference_data):
    response = client.get("/api/v1/municipalities/541/")
    assert response.status_code == 200
    nurmes = response.json()
    assert nurmes["name_fi"] == "Nurmes"
    assert nurmes["merged_from"] == ["911"]
    assert "Statistics Finland" in nurmes["attribution"]
    valtimo = client.get("/api/v1/municipalities/911/").json()
    assert (valtimo["merged_into"], valtimo["merged_from"]) == ("541", [])


@pytest.mark.parametrize("code", ["000", "12", "1234", "abc", "%00%00%00"])
def test_unknown_municipality_is_404(client, reference_data, code):
    response = client.get(f"/api/v1/municipalities/{code}/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_other_organisations_are_not_municipalities(client, reference_data):
    Organisation.objects.create(kind=Organisation.Kind.COMPANY, business_id="0112038-9", name_fi="Yritys Oy")
    assert client.get(LIST).json()["count"] == 311


def test_constant_queries_at_two_sizes(client, reference_data, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert client.get(LIST, {"q": "Helsinki"}).json()["count"] == 1
    with django_assert_num_queries(1):
        assert client.get(LIST).json()["count"] == 311
    with django_assert_num_queries(1):
        assert client.get(LIST, {"classification": "2026", "region": "01", "q": "a"}).json()["count"] > 0
