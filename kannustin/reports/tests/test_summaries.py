"""A call's summary: its figures on a small world, publishing versions, the public page and its downloads
(business secrets left out), who may preview and publish, and the preview's query count."""

import io
from decimal import Decimal

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import make_user
from kannustin.accounts.roles import Role
from kannustin.applications import actions
from kannustin.applications.models import Application, Participant
from kannustin.applications.tests.helpers import complete_application
from kannustin.jointprojects.tests.helpers import demo_track2, write_proposal
from kannustin.registry.models import Organisation
from kannustin.reports.models import PublishedSummary
from kannustin.reports.summaries import figures
from kannustin.reviews.tests.helpers import evaluation_call, submitted_application

pytestmark = pytest.mark.django_db

SECRET = "Salainen hankenimi"


@pytest.fixture
def world(reference_data):
    """Helsinki (8 500 €), Espoo (60 000 €, with Vantaa as partner), Korsholm (7 000 €, its project name a
    business secret), a withdrawn application of Turku and a draft of Tampere."""
    call = evaluation_call()
    call.track.budget = Decimal("500000.00")
    call.track.save()
    signatories = {}

    def signatory(code):
        organisation = Organisation.objects.get(code=code)
        signatories[code] = signatories.get(code) or make_user(Role.SIGNATORY, organisation)
        return organisation, signatories[code]

    submitted_application(call, *signatory("091"), requested="8500.00")
    espoo, espoo_signatory = signatory("049")
    joint = actions.create_draft(call, espoo, by=espoo_signatory)
    joint = complete_application(joint, espoo_signatory, requested="60000.00", amount="100000.00")
    joint = actions.submit(joint, by=espoo_signatory)
    # The test call's form has no part for partners: Vantaa joins as the record of one.
    Participant.objects.create(application=joint, organisation=Organisation.objects.get(code="092"))
    korsholm = submitted_application(call, *signatory("499"), requested="7000.00")
    korsholm.answers = {**korsholm.answers, "project_name": SECRET}
    korsholm.confidential_keys = ["project_name"]
    korsholm.save(update_fields=["answers", "confidential_keys"])
    turku = submitted_application(call, *signatory("853"), requested="5000.00")
    actions.withdraw(turku, by=signatories["853"], reason="Ei resursseja")
    actions.create_draft(call, *signatory("837")[:1], by=signatory("837")[1])
    return call


def lead_of(code):
    return Organisation.objects.get(code=code)


def test_the_figures(world):
    data = figures(world)
    assert data["received"] == 3
    assert data["withdrawn"] == 1
    assert (data["joint"], data["single"]) == (1, 2)
    assert data["money"] == {"requested": "75500.00", "appropriation": data["money"]["appropriation"],
                             "budget": "500000.00"}  # fmt: skip
    bands = {row["key"]: row["count"] for row in data["bands"]}
    assert bands == {"under_50k": 2, "50k_100k": 1, "100k_300k": 0, "300k_1m": 0, "1m_plus": 0}
    leads = [lead_of(code) for code in ("091", "049", "499")]
    regions = {row["code"]: row["count"] for row in data["regions"] if row["count"]}
    expected = {}
    for lead in leads:
        expected[lead.region.code] = expected.get(lead.region.code, 0) + 1
    assert regions == expected
    sizes = {row["key"]: row["count"] for row in data["size_classes"] if row["count"]}
    expected = {}
    for lead in leads:
        expected[lead.size_class] = expected.get(lead.size_class, 0) + 1
    assert sizes == expected
    languages = {row["key"]: row["count"] for row in data["languages"] if row["count"]}
    expected = {}
    for lead in leads:
        expected[lead.language_status] = expected.get(lead.language_status, 0) + 1
    assert languages == expected
    assert data["topics"] is None  # the form of the call asks no topics
    by_municipality = {row["municipality"]["fi"]: row for row in data["applicants"]}
    assert by_municipality["Mustasaari"]["title"] == ""  # named only by the municipality
    assert by_municipality["Espoo"]["partners"][0]["fi"] == "Vantaa"
    assert by_municipality["Helsinki"]["title"]
    assert SECRET not in str(data)


def test_a_proposal_call_counts_topics_and_has_no_budget(reference_data):
    track = demo_track2()
    call = track["proposal_call"]
    for code, topics in (("091", ("eservices",)), ("049", ("eservices",))):
        organisation = Organisation.objects.get(code=code)
        write_proposal(call, organisation, make_user(Role.SIGNATORY, organisation), topics=topics)
    data = figures(call)
    assert data["received"] == 2
    assert set(data["money"]) == {"requested"}
    counts = {row["key"]: row["count"] for row in data["topics"]}
    assert counts["eservices"] == 2


def test_publishing_keeps_versions_and_the_public_page_shows_the_latest(client, world):
    official = make_user(Role.OFFICIAL)
    summary = reverse("reports:summary", args=[world.pk])
    assert client.get(summary).status_code == 404
    assert client.get(reverse("reports:summary_pdf", args=[world.pk])).status_code == 404
    client.force_login(official)
    for _n in range(2):
        response = client.post(reverse("reports:summary_publish", args=[world.pk]))
        assert response.status_code == 302
    assert list(PublishedSummary.objects.filter(call=world).values_list("version", flat=True)) == [2, 1]
    assert PublishedSummary.objects.get(call=world, version=2).published_by == official
    preview = client.get(reverse("reports:summary_preview", args=[world.pk]))
    assert preview.status_code == 200
    assert [item.version for item in preview.context["versions"]] == [2, 1]
    client.logout()
    page = client.get(summary)
    assert page.status_code == 200
    assert page.context["published"].version == 2
    text = page.content.decode()
    assert "Mustasaari" in text and "Helsinki" in text
    assert SECRET not in text
    # Names in the reader's language.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "sv"
    swedish = client.get(summary)
    assert swedish.status_code == 200
    assert "Korsholm" in swedish.content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
    # The public call page links to it.
    call_page = client.get(reverse("programmes:call", args=[world.programme.slug, world.slug]))
    assert summary in call_page.content.decode()


def test_the_call_page_has_no_link_before_publishing(client, world):
    call_page = client.get(reverse("programmes:call", args=[world.programme.slug, world.slug]))
    assert reverse("reports:summary", args=[world.pk]) not in call_page.content.decode()


def test_the_published_figures_stay_as_they_were(client, world):
    client.force_login(make_user(Role.OFFICIAL))
    client.post(reverse("reports:summary_publish", args=[world.pk]))
    vantaa = Organisation.objects.get(code="092")
    submitted_application(world, vantaa, make_user(Role.SIGNATORY, vantaa))
    page = client.get(reverse("reports:summary", args=[world.pk]))
    assert page.context["summary"]["received"] == 3
    preview = client.get(reverse("reports:summary_preview", args=[world.pk]))
    assert preview.context["summary"]["received"] == 4


def test_pdf_and_workbook(client, world):
    from openpyxl import load_workbook

    PublishedSummary.objects.create(call=world, version=1, published_at=world.opens_at, data=figures(world))
    pdf = client.get(reverse("reports:summary_pdf", args=[world.pk]))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    xlsx = client.get(reverse("reports:summary_xlsx", args=[world.pk]))
    assert xlsx.status_code == 200
    workbook = load_workbook(io.BytesIO(xlsx.content))
    assert len(workbook.sheetnames) == 5
    cells = [str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row]
    assert "Mustasaari" in cells and "Helsinki" in cells
    assert SECRET not in " ".join(cells)
    totals = {row[0]: row[1] for row in workbook.worksheets[0].iter_rows(values_only=True) if len(row) > 1}
    assert 3 in totals.values() and 75500.0 in totals.values()


@pytest.mark.parametrize("role", [Role.OFFICIAL, Role.ADMIN])
def test_ministry_readers_preview_and_publish(client, world, role):
    client.force_login(make_user(role))
    assert client.get(reverse("reports:summary_preview", args=[world.pk])).status_code == 200
    assert client.post(reverse("reports:summary_publish", args=[world.pk])).status_code == 302


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.PRESENTER, Role.DECISION_MAKER])
def test_others_may_not(client, world, role):
    client.force_login(make_user(role))
    assert client.get(reverse("reports:summary_preview", args=[world.pk])).status_code == 403
    assert client.post(reverse("reports:summary_publish", args=[world.pk])).status_code == 403
    assert not PublishedSummary.objects.exists()


def test_applicants_may_not_and_anonymous_signs_in(client, world):
    signatory = make_user(Role.SIGNATORY, Organisation.objects.get(code="091"), email="other@example.com")
    client.force_login(signatory)
    assert client.get(reverse("reports:summary_preview", args=[world.pk])).status_code == 403
    client.logout()
    response = client.get(reverse("reports:summary_preview", args=[world.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    response = client.post(reverse("reports:summary_publish", args=[world.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_preview_runs_the_same_queries_at_two_sizes(client, world):
    client.force_login(make_user(Role.OFFICIAL))
    url = reverse("reports:summary_preview", args=[world.pk])
    client.post(reverse("reports:summary_publish", args=[world.pk]))
    client.get(url)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    small = count()
    for code in ("092", "179", "297"):
        organisation = Organisation.objects.get(code=code)
        application = submitted_application(world, organisation, make_user(Role.SIGNATORY, organisation))
        assert Application.objects.get(pk=application.pk).status == "submitted"
    client.post(reverse("reports:summary_publish", args=[world.pk]))
    assert count() == small
