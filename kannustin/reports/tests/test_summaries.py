"""A call's summary: its figures on a small world, publishing versions, the public page and its downloads
(business secrets left out), the maturity profiles (means only from the minimum group size on), who may
preview and publish, and the preview's query count."""

import io
from decimal import Decimal

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from conftest import make_user
from kannustin.accounts.roles import Role
from kannustin.applications import actions
from kannustin.applications.models import Application, Participant
from kannustin.applications.tests.helpers import complete_application
from kannustin.jointprojects.tests.helpers import demo_track2, write_proposal
from kannustin.maturity.models import SelfAssessment
from kannustin.maturity.services import MIN_GROUP_SIZE
from kannustin.programmes.models import MaturityDimension
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


# Helsinki, Espoo, Korsholm, Vantaa, Pori: (now, target) of the dimension "data".
RATINGS = {"091": (1, 3), "049": (2, 3), "499": (2, 4), "092": (3, 4), "609": (5, 5)}


def rate(call, code, current, target, **more):
    SelfAssessment.objects.filter(call=call, organisation__code=code).update(
        ratings={"data": {"current": current, "target": target}, **more}
    )


@pytest.fixture
def rated_world(world):
    """The world with five applications whose self-assessments carry RATINGS, a second dimension "skills"
    rated by one of them only, and two assessments that do not count: the withdrawn application's and one
    never submitted with an application."""
    for code in ("092", "609"):
        organisation = Organisation.objects.get(code=code)
        submitted_application(world, organisation, make_user(Role.SIGNATORY, organisation))
    MaturityDimension.objects.create(
        model=world.maturity_model, key="skills", order=5, name_fi="Osaaminen", name_sv="Kompetens",
        name_en="Skills",
    )  # fmt: skip
    for code, (current, target) in RATINGS.items():
        rate(world, code, current, target)
    rate(world, "049", 2, 3, skills={"current": 1, "target": 2})
    rate(world, "853", 1, 1)  # Turku withdrew
    tampere = Organisation.objects.get(code="837")
    SelfAssessment.objects.create(
        organisation=tampere, call=world, ratings={"data": {"current": 1, "target": 1}},
        created_at=world.opens_at, updated_at=world.opens_at,
    )  # fmt: skip
    return world


def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def address(name, call, language="en"):
    with translation.override(language):
        return reverse(name, args=[call.pk])


def test_the_maturity_profiles(rated_world):
    assert len(RATINGS) >= MIN_GROUP_SIZE
    data = figures(rated_world)["maturity"]
    assert data["count"] == 5
    assert [level["value"] for level in data["levels"]] == [1, 2, 3, 4, 5]
    assert data["levels"][0]["name"] == {"fi": "Taso 1", "sv": "Nivå 1", "en": "Level 1"}
    rows = {row["key"]: row for row in data["dimensions"]}
    assert list(rows) == ["data", "skills"]
    data_row = rows["data"]
    assert data_row["name"] == {"fi": "Tieto", "sv": "Data", "en": "Data"}
    assert data_row["count"] == 5
    assert (data_row["mean_current"], data_row["mean_target"]) == ("2.6", "3.8")
    assert data_row["current"] == [1, 2, 1, 0, 1]
    assert data_row["target"] == [0, 0, 2, 2, 1]
    # One rating of "skills": too few to show anything but the count.
    assert rows["skills"]["count"] == 1
    assert rows["skills"]["mean_current"] is rows["skills"]["current"] is None
    assert rows["skills"]["mean_target"] is rows["skills"]["target"] is None


def test_fewer_than_the_minimum_show_no_means(client, world):
    data = figures(world)["maturity"]
    assert data["count"] == 3 < MIN_GROUP_SIZE
    (row,) = data["dimensions"]
    assert row["count"] == 3
    assert row["mean_current"] is row["mean_target"] is row["current"] is row["target"] is None
    PublishedSummary.objects.create(call=world, version=1, published_at=world.opens_at, data=figures(world))
    english(client)
    text = client.get(address("reports:summary", world)).content.decode()
    assert "Maturity profiles" in text
    assert "Too few self-assessments to show means" in text
    assert "maturity-chart-title" not in text


def test_a_call_without_a_maturity_model_and_old_data_have_no_profile(client, world):
    data = figures(world)
    old = {key: value for key, value in data.items() if key != "maturity"}
    PublishedSummary.objects.create(call=world, version=1, published_at=world.opens_at, data=old)
    english(client)
    for name in ("reports:summary", "reports:summary_pdf", "reports:summary_xlsx"):
        assert client.get(address(name, world)).status_code == 200
    assert "Maturity profiles" not in client.get(address("reports:summary", world)).content.decode()
    world.maturity_model = None
    world.save(update_fields=["maturity_model"])
    assert figures(world)["maturity"] is None


def test_the_page_pdf_and_workbook_show_the_maturity_profiles(client, rated_world):
    import pypdf
    from openpyxl import load_workbook

    PublishedSummary.objects.create(
        call=rated_world, version=1, published_at=rated_world.opens_at, data=figures(rated_world)
    )
    english(client)
    text = client.get(address("reports:summary", rated_world)).content.decode()
    section = text[text.index('id="maturity"') : text.index('id="applicants"')]
    assert "for context only" in section
    assert "maturity-chart-title" in section and "<circle" in section and "<polygon" in section
    assert "Data: mean now 2.6, mean target 3.8." in section
    assert "Skills: too few self-assessments." in section
    assert "2.6</td>" in section and "3.8</td>" in section
    assert "1 / 0</td>" in section  # level 1: one now, none as the target
    # Finnish: names and decimal commas in the reader's language.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
    finnish = client.get(address("reports:summary", rated_world, "fi")).content.decode()
    assert "Tieto" in finnish and "2,6</td>" in finnish
    english(client)

    pdf = client.get(address("reports:summary_pdf", rated_world))
    reader = pypdf.PdfReader(io.BytesIO(pdf.content))
    pdf_text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Maturity profiles" in pdf_text
    assert "Data 2.6 3.8 5" in pdf_text
    assert "Skills Too few to show 1" in pdf_text

    xlsx = client.get(address("reports:summary_xlsx", rated_world))
    sheet = load_workbook(io.BytesIO(xlsx.content))["Maturity"]
    rows = list(sheet.iter_rows(values_only=True))
    assert "for context only" in rows[0][0]
    assert rows[1][:4] == ("Dimension", "Mean now", "Mean target", "Self-assessments")
    assert rows[1][4] == "Now: 1 Level 1"
    assert rows[2] == ("Data", 2.6, 3.8, 5, 1, 2, 1, 0, 1, 0, 0, 2, 2, 1)
    assert rows[3][:4] == ("Skills", None, None, 1)


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
    assert data["maturity"] is None  # the proposal call has no maturity model


def test_secret_topics_summaries_and_declined_partners_stay_out(reference_data):
    """The summary applies public_view's rule to each answer it shows: a topics answer marked secret is not
    counted, a proposal whose summary is a secret is named only by its municipality, a partner who declined
    is not listed."""
    call = demo_track2()["proposal_call"]
    proposals = {}
    for code, topics in (("091", ("eservices",)), ("049", ("eservices",)), ("092", ("eservices",))):
        organisation = Organisation.objects.get(code=code)
        proposals[code] = write_proposal(
            call, organisation, make_user(Role.SIGNATORY, organisation), topics=topics,
            title=f"Hanke {code}", summary=f"Tiivistelmä {code}",
        )  # fmt: skip
    Application.objects.filter(pk=proposals["049"].pk).update(confidential_keys=["topics"])
    Application.objects.filter(pk=proposals["092"].pk).update(confidential_keys=["summary"])
    Participant.objects.create(application=proposals["091"], organisation=lead_of("179"))
    Participant.objects.create(
        application=proposals["091"], organisation=lead_of("297"), declined_at=proposals["091"].submitted_at
    )
    data = figures(call)
    assert {row["key"]: row["count"] for row in data["topics"]}["eservices"] == 2  # Espoo's is secret
    rows = {row["municipality"]["fi"]: row for row in data["applicants"]}
    assert (rows["Espoo"]["title"], rows["Espoo"]["summary"]) == ("Hanke 049", "Tiivistelmä 049")
    assert (rows["Vantaa"]["title"], rows["Vantaa"]["summary"]) == ("", "")
    assert "Tiivistelmä 092" not in str(data) and "Hanke 092" not in str(data)
    assert [partner["fi"] for partner in rows["Helsinki"]["partners"]] == [lead_of("179").name_fi]


def test_a_proposal_call_with_a_maturity_model_counts_its_leads_assessments(reference_data, world):
    call = demo_track2()["proposal_call"]
    for code in ("091", "049"):
        organisation = Organisation.objects.get(code=code)
        write_proposal(
            call, organisation, make_user(Role.SIGNATORY, organisation, email=f"p{code}@example.com")
        )
    call.maturity_model = world.maturity_model
    call.save(update_fields=["maturity_model"])
    # Nothing frozen with the proposals here: the lead's assessment in the call counts; another
    # organisation's does not, nor the lead's assessment in another call.
    for code in ("091", "049", "092"):
        SelfAssessment.objects.create(
            organisation=Organisation.objects.get(code=code), call=call,
            ratings={"data": {"current": 1, "target": 2}}, created_at=call.opens_at, updated_at=call.opens_at,
        )  # fmt: skip
    data = figures(call)["maturity"]
    assert data["count"] == 2
    assert data["dimensions"][0]["count"] == 2
    assert data["dimensions"][0]["mean_current"] is None  # fewer than the minimum


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
    swedish = client.get(address("reports:summary", world, "sv"))
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
    assert len(workbook.sheetnames) == 6  # totals, regions, size classes, amounts, applicants, maturity
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


def test_a_proposal_summary_shows_no_amounts(client, reference_data):
    """Proposals ask for no money: no total requested, amounts section or column on the page, in the PDF
    or in the workbook (whose totals count proposals)."""
    import pypdf
    from openpyxl import load_workbook

    call = demo_track2()["proposal_call"]
    organisation = Organisation.objects.get(code="091")
    write_proposal(call, organisation, make_user(Role.SIGNATORY, organisation), title="Yhteinen hanke")
    PublishedSummary.objects.create(call=call, version=1, published_at=call.opens_at, data=figures(call))
    english(client)
    page = client.get(address("reports:summary", call))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Proposals received" in text and "Yhteinen hanke" in text
    assert "Requested" not in text and 'id="amounts"' not in text and "bands-chart" not in text
    pdf = client.get(address("reports:summary_pdf", call))
    assert pdf.status_code == 200
    words = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Yhteinen hanke" in words and "Submitted" in words
    assert "Requested" not in words and "Amounts requested" not in words
    workbook = load_workbook(io.BytesIO(client.get(address("reports:summary_xlsx", call)).content))
    assert "Amounts" not in workbook.sheetnames
    totals = {row[0]: row[1] for row in workbook["Totals"].iter_rows(values_only=True) if len(row) > 1}
    assert totals["Proposals received"] == 1
    assert "Applications received" not in totals and "Requested in all (€)" not in totals
    assert [cell.value for cell in workbook["Applicants"][1]] == [
        "Municipality",
        "Partners",
        "Project",
        "Summary",
    ]


def test_the_pdf_of_a_version_is_made_once_per_language(
    client, world, monkeypatch, django_capture_on_commit_callbacks
):
    """Publishing queues the PDF of the new version in every language (made by the task, kept); readers get
    the kept one without it being made again."""
    from django.core.files.storage import default_storage

    from kannustin.reports import summary_documents

    client.force_login(make_user(Role.OFFICIAL))
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("reports:summary_publish", args=[world.pk])).status_code == 302
    for language in ("fi", "sv", "en"):
        assert default_storage.exists(f"summaries/{world.pk}/v1-{language}.pdf")
    client.logout()

    def fail(*args, **kwargs):
        raise AssertionError("made again")

    monkeypatch.setattr(summary_documents, "render_pdf", fail)
    english(client)
    pdf = client.get(address("reports:summary_pdf", world))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    with default_storage.open(f"summaries/{world.pk}/v1-en.pdf", "rb") as stored:
        assert pdf.content == stored.read()
