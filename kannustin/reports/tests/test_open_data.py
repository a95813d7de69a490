"""Open data: the 360Giving package valid against the local schema, its sums, the CSV, the summary counts, the
page, business secrets left out and a fixed number of queries."""

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from kannustin.applications.models import Application, Status
from kannustin.applications.tests.helpers import make_call
from kannustin.decisions.models import Decision
from kannustin.decisions.tests.test_views import _bulk_decided, sent_decisions
from kannustin.registry.models import Organisation

from .. import opendata

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).resolve().parent.parent / "schema" / "360giving"
GRANT_URLS = [
    "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json",
    "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.3/schema/360-giving-schema.json",
]
JSON_URL, CSV_URL, SUMMARY_URL = (
    "/api/v1/open/grants.json",
    "/api/v1/open/grants.csv",
    "/api/v1/open/summary.json",
)


def package_validator() -> Draft202012Validator:
    """The package schema with its reference to the grant schema resolved to the local copy (no network); the
    draft named explicitly (the files write `$schema` in a form some validators do not recognise)."""
    package = json.loads((SCHEMAS / "360-giving-package-schema.json").read_text())
    grant = Resource(json.loads((SCHEMAS / "360-giving-schema.json").read_text()), specification=DRAFT202012)
    registry = Registry().with_resources((url, grant) for url in GRANT_URLS)
    return Draft202012Validator(package, registry=registry, format_checker=FormatChecker())


def in_force_granted_total() -> Decimal:
    granted = []
    for application in Application.objects.filter(decisions__state=Decision.State.SENT).distinct():
        current = application.decisions.filter(state=Decision.State.SENT).order_by("-sent_at", "-pk").first()
        if current.outcome == Decision.Outcome.GRANTED:
            granted.append(current.amount)
    return sum(granted, Decimal("0.00"))


@pytest.fixture
def decided(evaluated, people, django_capture_on_commit_callbacks):
    call, applications = evaluated
    sent_decisions(call, people, django_capture_on_commit_callbacks)
    return call, [application for application, _signatory in applications]


def test_grants_json_is_a_valid_360giving_package_with_the_granted_total(client, decided):
    call, (helsinki, espoo, korsholm) = decided
    response = client.get(JSON_URL)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    data = response.json()
    errors = sorted(package_validator().iter_errors(data), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/" and data["version"] == "1.4"
    assert data["downloadURL"].endswith(JSON_URL) and data["accessURL"].endswith("/en/reports/open-data/")
    grants = data["grants"]
    assert len(grants) == 2  # Helsinki and Espoo; Korsholm rejected
    assert (
        sum(Decimal(str(g["amountAwarded"])) for g in grants) == in_force_granted_total() == Decimal("16500")
    )
    first = next(g for g in grants if g["recipientOrganization"][0]["name"] == "Helsinki")
    helsinki.refresh_from_db()
    decision = helsinki.decisions.get()
    assert first["id"] == opendata.PREFIX + helsinki.case_number.replace("/", "-")
    assert first["amountAppliedFor"] == 8500 and first["amountAwarded"] == 8500 and first["currency"] == "EUR"
    assert first["awardDate"] == opendata._date(decision.signed_at)
    assert first["plannedDates"] == [
        {"startDate": decision.period_starts.isoformat(), "endDate": decision.period_ends.isoformat()}
    ]
    business_id = Organisation.objects.get(code="091").business_id
    expected_org = f"FI-PRO-{business_id}" if business_id else "360G-vm-kannustin-kunta-091"
    assert first["recipientOrganization"][0]["id"] == expected_org
    assert first["fundingOrganization"] == [
        {"id": "FI-PRO-0245439-9", "name": "Valtiovarainministeriö / Ministry of Finance"}
    ]
    assert first["beneficiaryLocation"][0]["geoCode"] == "091"
    assert {"vocabulary": "kannustin-track", "code": str(call.track.number)}.items() <= first[
        "classifications"
    ][0].items()
    assert first["title"] == helsinki.title and first["description"] == helsinki.summary
    # No token needed, and no personal data.
    assert "@" not in response.content.decode()


def test_business_secrets_never_appear(client, decided):
    _call, (_helsinki, espoo, _korsholm) = decided
    Application.objects.filter(pk=espoo.pk).update(
        answers={**espoo.answers, "project_name": "Salainen hanke", "summary": "Salainen tiivistelmä"},
        confidential_keys=["project_name", "summary"],
    )
    body = client.get(JSON_URL).content.decode()
    text = client.get(CSV_URL).content.decode("utf-8-sig")
    for output in (body, text):
        assert "Salainen hanke" not in output and "Salainen tiivistelmä" not in output
    grant = next(g for g in json.loads(body)["grants"] if g["recipientOrganization"][0]["name"] == "Espoo")
    assert grant["title"] == "Project of Espoo" and grant["description"] == opendata.SECRET_DESCRIPTION
    assert not list(package_validator().iter_errors(json.loads(body)))


def test_the_csv_has_the_same_rows(client, decided):
    json_grants = client.get(JSON_URL).json()["grants"]
    response = client.get(CSV_URL)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")  # a byte order mark for Excel
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == len(json_grants) == 2
    assert list(rows[0]) == opendata.CSV_FIELDS
    assert {r["Identifier"] for r in rows} == {g["id"] for g in json_grants}
    assert sum(Decimal(r["Amount Awarded"]) for r in rows) == Decimal("16500")


def test_the_summary_counts_every_application_of_the_call(client, decided):
    call, _applications = decided
    data = client.get(SUMMARY_URL).json()
    (row,) = [r for r in data["calls"] if r["call"] == call.slug]
    requested = Application.objects.filter(call=call).aggregate(total=Sum("requested_amount"))["total"]
    assert (row["received"], row["granted"], row["rejected"]) == (3, 2, 1)
    assert Decimal(row["requested_total"]) == requested and Decimal(row["granted_total"]) == Decimal(
        "16500.00"
    )
    assert data["license"] == opendata.LICENSE


def test_the_open_data_page_is_public(client):
    response = client.get(reverse("reports:open_data"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "creativecommons.org/licenses/by/4.0/" in text
    assert JSON_URL in text and CSV_URL in text and SUMMARY_URL in text
    assert "amountAwarded" in text


def test_grants_json_keeps_its_queries_from_few_to_many(client, people):
    call = make_call(slug="avoin")
    official = people["official"]
    _bulk_decided(call, 2, official=official)
    client.get(JSON_URL)  # warm-up: caches
    with CaptureQueriesContext(connection) as few:
        assert client.get(JSON_URL).status_code == 200
    expected = len(few.captured_queries)
    _bulk_decided(call, 40, official=official, start=2)
    with CaptureQueriesContext(connection) as many:
        response = client.get(JSON_URL)
    assert len(many.captured_queries) == expected
    grants = response.json()["grants"]
    assert len(grants) == 42 and expected <= 10
    assert not list(package_validator().iter_errors(response.json()))
    assert Application.objects.filter(status=Status.GRANTED).count() == 42


def test_topics_are_classified_only_when_their_answer_is_public():
    from types import SimpleNamespace

    question = SimpleNamespace(
        key="topics", options=[{"key": "data", "label_fi": "Tieto", "label_en": "Data"}]
    )
    source = SimpleNamespace(answers={"topics": ["data", "other"]})
    public = SimpleNamespace(answers=[{"question": question, "display": "Data"}], source=source)
    assert opendata._topics(public) == [
        {"vocabulary": "kannustin-topics", "code": "data", "title": "Data"},
        {"vocabulary": "kannustin-topics", "code": "other", "title": "other"},
    ]
    assert opendata._topics(SimpleNamespace(answers=[], source=source)) == []
