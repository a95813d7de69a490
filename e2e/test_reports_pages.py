"""The programme dashboard, a whole-call export, a summary and the open-data page in a real browser, on the
demo's decided 2019 round: an official (in Finnish, with the second factor) reads the dashboard of 2019, starts
the export of the track-1 call and follows it to its download, and publishes the call's summary; a visitor (in
Swedish) reads the summary, downloads its PDF and XLSX, and follows the open-data page's link to the 360Giving
file. axe judges every page."""

import io
import json

import openpyxl
import pypdf
import pytest
from django.core.management import call_command
from django.urls import reverse

from e2e.journey import Journey, choose_option, press_enter
from kannustin.applications.models import ListExport
from kannustin.programmes.models import Programme

pytestmark = pytest.mark.django_db(transaction=True)

OFFICIAL = "official@kannustin.example"


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.DEBUG = True  # seed_demo refuses to run with DEBUG off
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.DEBUG = False
    return Programme.objects.get(year=2019, is_demo=False)


def test_dashboard_export_and_open_data(browser, live_server, page, check_a11y, demo):
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

    # The summary of the 2019 track-1 applications: previewed and published.
    preview = reverse("reports:summary_preview", args=[call.pk])
    page.goto(preview)
    official.arrived(preview)
    press_enter(
        page, page.locator(f"main form[action='{reverse('reports:summary_publish', args=[call.pk])}'] button")
    )
    official.arrived()

    visitor_page = browser.new_page(base_url=live_server.url, locale="sv-FI")
    visitor = Journey(visitor_page, check_a11y, "sv")
    visitor_page.goto("/")
    visitor.arrived("/", language=None)
    press_enter(
        visitor_page, visitor_page.locator("header button.govuk-language-navigation__link[lang='sv']")
    )
    visitor.arrived("/")
    summary = reverse("reports:summary", args=[call.pk])
    visitor_page.goto(summary)
    visitor.arrived(summary)
    assert "185" in visitor_page.locator("main").inner_text()
    pdf = visitor_page.request.get(reverse("reports:summary_pdf", args=[call.pk]))
    assert pdf.ok and len(pypdf.PdfReader(io.BytesIO(pdf.body())).pages) > 0
    workbook = visitor_page.request.get(reverse("reports:summary_xlsx", args=[call.pk]))
    assert workbook.ok and openpyxl.load_workbook(io.BytesIO(workbook.body())).sheetnames
    visitor_page.goto(reverse("reports:open_data"))
    visitor.arrived(reverse("reports:open_data"))
    href = visitor_page.locator("main a[href$='/open/grants.json']").first.get_attribute("href")
    package = json.loads(visitor_page.request.get(href).text())
    grants = package["grants"]
    assert len([g for g in grants if g["grantProgramme"][0]["code"]]) == len(grants) >= 41
    visitor_page.close()
