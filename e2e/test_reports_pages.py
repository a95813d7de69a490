"""The programme dashboard, a whole-call export, the summaries and the open-data page in a real browser, on the
demo's decided 2019 round: an official (in Finnish, with the second factor) reads the dashboard of 2019, starts
the export of the track-1 call and follows it to its download, and publishes the summaries of the track-1
applications (185) and of the track-2 proposals (133); a visitor reads both summaries in Finnish and in
Swedish, downloads their PDF and XLSX in both languages and reads them back against the database, and follows
the open-data page's link to the 360Giving file. axe judges every page."""

import io
import json
import re
from decimal import Decimal

import openpyxl
import pypdf
import pytest
from django.core.management import call_command
from django.db.models import Count, Sum
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from e2e.conftest import assert_no_csp_violations, watch_csp
from e2e.journey import Journey, choose_option, press_enter
from kannustin.applications.models import Application, ListExport, Status
from kannustin.demo.track2 import PROPOSAL_SLUG
from kannustin.programmes.models import Programme

pytestmark = pytest.mark.django_db(transaction=True)

OFFICIAL = "official@kannustin.example"
# Headings as the translators wrote them (locale/*/LC_MESSAGES/django.po): the page must really be translated.
HEADINGS = {
    "fi": {
        "application": "Saapuneet hakemukset",
        "proposal": "Saapuneet ehdotukset",
        "regions": "Maakunnittain",
    },
    "sv": {"application": "Inkomna ansökningar", "proposal": "Inkomna förslag", "regions": "Per landskap"},
}


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.DEBUG = True  # seed_demo refuses to run with DEBUG off
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.DEBUG = False
    return Programme.objects.get(year=2019, is_demo=False)


def squeeze(text: str) -> str:
    """Whitespace collapsed (non-breaking spaces too): pages, PDFs and workbooks space numbers differently."""
    return " ".join((text or "").split())


def bare(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def euros_text(amount: Decimal) -> str:
    """1 234 567,00 € as Finnish and Swedish write it (written here, not with the product's formatter)."""
    return f"{amount:,.2f}".replace(",", " ").replace(".", ",") + " €"


def expected(call) -> dict:
    """What the summary must say, counted straight from the applications."""
    received = Application.objects.filter(call=call).exclude(status__in=[Status.DRAFT, Status.WITHDRAWN])
    per_region = list(
        received.values(
            "organisation__region__code", "organisation__region__name_fi", "organisation__region__name_sv"
        )
        .annotate(count=Count("pk"))
        .order_by("-count", "organisation__region__code")
    )
    return {
        "received": received.count(),
        "requested": received.aggregate(total=Sum("requested_amount"))["total"] or Decimal("0.00"),
        # The region with the most applications and the one with the fewest (but some).
        "regions": [per_region[0], per_region[-1]],
    }


def tables(page) -> dict:
    """The tables of <main> by caption: each a list of rows of cell texts (whitespace collapsed)."""
    found = page.evaluate(
        """() => Array.from(document.querySelectorAll('main table')).map(t => [
             t.caption ? t.caption.innerText : '',
             Array.from(t.tBodies).flatMap(b => Array.from(b.rows)).map(r => Array.from(r.cells).map(c => c.innerText))
           ])"""
    )
    return {squeeze(caption): [[squeeze(cell) for cell in row] for row in rows] for caption, rows in found}


def check_page(page, stage: str, want: dict, language: str):
    """The summary page shows the received count, the total requested and the regions, in `language`."""
    main = page.locator("main")
    assert squeeze(main.locator("h2#received").inner_text()) == HEADINGS[language][stage]
    assert squeeze(main.locator("h2#regions").inner_text()) == HEADINGS[language]["regions"]
    found = tables(page)
    with translation.override(language):
        received = dict(row for row in found[gettext("Received in all")] if len(row) == 2)
        regions = dict(found[gettext("Applications by region of the lead applicant")])
        applicants = found[gettext("Applicants and their projects")]
        assert received[gettext("Submitted")] == str(want["received"])
        if stage == "application":
            assert received[gettext("Requested in all")] == euros_text(want["requested"])
        else:  # proposals ask for no money yet: no amounts at all
            assert gettext("Requested in all") not in received
    for region in want["regions"]:
        assert regions[region[f"organisation__region__name_{language}"]] == str(region["count"])
    assert len(applicants) == want["received"]


def check_pdf(response, stage: str, want: dict, language: str):
    assert response.ok, response.status
    assert response.headers["content-type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.body()))
    assert len(reader.pages) > 0
    text = bare(" ".join(page.extract_text() or "" for page in reader.pages))

    def says(label: str, value) -> bool:  # the label with its value next to it (and not a longer number)
        return re.search(re.escape(bare(label) + bare(str(value))) + r"(?!\d)", text) is not None

    with translation.override(language):
        assert says(gettext("Submitted"), want["received"])
        if stage == "application":
            assert says(gettext("Requested in all"), euros_text(want["requested"]))
        else:
            assert bare(gettext("Requested in all")) not in text
    assert bare(HEADINGS[language]["regions"]) in text
    for region in want["regions"]:
        assert says(region[f"organisation__region__name_{language}"], region["count"])


def check_workbook(response, stage: str, want: dict, language: str):
    assert response.ok, response.status
    workbook = openpyxl.load_workbook(io.BytesIO(response.body()))
    with translation.override(language):
        totals = {
            row[0]: row[1] for row in workbook[gettext("Totals")[:31]].iter_rows(values_only=True) if row[0]
        }
        if stage == "application":
            assert totals[gettext("Applications received")] == want["received"]
            assert Decimal(str(totals[gettext("Requested in all (€)")])) == want["requested"]
        else:
            assert totals[gettext("Proposals received")] == want["received"]
            assert gettext("Requested in all (€)") not in totals
        regions = {
            row[1]: row[2]
            for row in workbook[gettext("By region")[:31]].iter_rows(min_row=2, values_only=True)
        }
        applicants = workbook[gettext("Applicants")[:31]]
    for region in want["regions"]:
        assert regions[region["organisation__region__code"]] == region["count"]
    assert applicants.max_row - 1 == want["received"]  # one row a received application under the headings


def read_summary(visitor, call, stage: str, want: dict, language: str):
    """On the call's summary page in `language`: the page, its PDF and its workbook."""
    page = visitor.page
    with translation.override(language):
        summary = reverse("reports:summary", args=[call.pk])
        pdf_url = reverse("reports:summary_pdf", args=[call.pk])
        xlsx_url = reverse("reports:summary_xlsx", args=[call.pk])
    visitor.arrived(summary)
    check_page(page, stage, want, language)
    # The page's own download links, fetched with the visitor's cookies (so in the visitor's language).
    assert page.locator(f"main a[href='{pdf_url}']").count() == 1
    assert page.locator(f"main a[href='{xlsx_url}']").count() == 1
    check_pdf(page.request.get(pdf_url), stage, want, language)
    check_workbook(page.request.get(xlsx_url), stage, want, language)
    # The page's addresses in the other languages, for search engines and for sharing.
    for other in ("fi", "sv", "en"):
        with translation.override(other):
            address = live(page, reverse("reports:summary", args=[call.pk]))
        assert page.locator(f"head link[rel=alternate][hreflang='{other}'][href='{address}']").count() == 1


def live(page, path: str) -> str:
    """The absolute address of `path` on the server the page is on."""
    return page.url.split("/", 3)[0] + "//" + page.url.split("/", 3)[2] + path


def test_dashboard_export_summaries_and_open_data(browser, live_server, page, check_a11y, demo):
    official = Journey(page, check_a11y, "fi")
    official.sign_in(OFFICIAL, ministry=True)
    page.goto(reverse("reports:dashboard"))
    official.arrived(reverse("reports:dashboard"))
    choose_option(page, page.locator("#dashboard-programme"), str(demo.pk))
    press_enter(page, page.locator("main form button[type=submit]").first)
    official.arrived(reverse("reports:dashboard"))
    main = page.locator("main").inner_text()
    assert "41" in main and "185" in main  # 2019: 185 track-1 applications, 41 funded
    assert page.locator("main svg[role=img]").count() >= 3

    call = demo.calls.get(slug="kohde-1")
    export_url = reverse("reports:export_call", args=[call.pk])
    page.goto(export_url)
    official.arrived(export_url)
    press_enter(page, page.locator("main form button[type=submit]"))
    official.arrived()
    export = ListExport.objects.get(kind="call")
    assert export.row_count == 185
    download = page.locator(
        f"main a[href='{reverse('applications:ministry_export_download', args=[export.pk])}']"
    )
    assert download.count() == 1

    # The summaries of the 2019 track-1 applications and track-2 proposals: previewed and published.
    proposals = demo.calls.get(slug=PROPOSAL_SLUG)
    summaries = [(call, "application", expected(call)), (proposals, "proposal", expected(proposals))]
    assert [want["received"] for _call, _stage, want in summaries] == [185, 133]
    assert summaries[0][2]["requested"] > 0  # track 1 asks for money; the proposals of track 2 do not
    for each, _stage, _want in summaries:
        preview = reverse("reports:summary_preview", args=[each.pk])
        page.goto(preview)
        official.arrived(preview)
        publish = reverse("reports:summary_publish", args=[each.pk])
        press_enter(page, page.locator(f"main form[action='{publish}'] button"))
        official.arrived(preview)

    # A visitor opens each by its address in one language (as shared), switches to the other with the
    # header's language navigation (which comes back to the same page) and reads it again.
    context = browser.new_context(base_url=live_server.url, locale="sv-FI")
    context.set_default_timeout(15_000)
    visitor_page = context.new_page()
    blocked = watch_csp(visitor_page)
    visitor = Journey(visitor_page, check_a11y, "fi")
    languages = ["fi", "sv"]
    for each, stage, want in summaries:
        with translation.override(languages[0]):
            visitor_page.goto(reverse("reports:summary", args=[each.pk]))
        visitor.language = languages[0]
        read_summary(visitor, each, stage, want, languages[0])
        switch = f"header button.govuk-language-navigation__link[lang='{languages[1]}']"
        press_enter(visitor_page, visitor_page.locator(switch))
        visitor.language = languages[1]
        read_summary(visitor, each, stage, want, languages[1])
        languages.reverse()  # the next summary starts in the language this one ended in

    with translation.override(visitor.language):
        open_data = reverse("reports:open_data")
    visitor_page.goto(open_data)
    visitor.arrived(open_data)
    href = visitor_page.locator("main a[href$='/open/grants.json']").first.get_attribute("href")
    package = json.loads(visitor_page.request.get(href).text())
    grants = package["grants"]
    assert len([g for g in grants if g["grantProgramme"][0]["code"]]) == len(grants) >= 41
    context.close()
    assert_no_csp_violations(blocked)
