"""An official asks for a completion of the budget and the applicant answers it, both by keyboard only.

The official (signed in with TOTP, in Finnish) finds the submitted application of Närpes in the ministry's
list, opens it, first sends an empty request (the error state), then asks for the budget to be completed.
The Närpes signatory (in Swedish, in a browser of her own) sees the request on her dashboard, adds a cost
line, applies for exactly 85 % and sends the application again. axe judges every page of both.
"""

from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from e2e.conftest import assert_no_csp_violations, watch_csp
from e2e.journey import (
    Journey,
    choose_option,
    follow_error_summary,
    link,
    path_of,
    pdf_attachments,
    press_enter,
    set_checkbox,
    type_into,
    wait_for_email,
)
from kannustin.accounts.models import User
from kannustin.applications import actions, validation
from kannustin.applications.models import Application, CompletionRequest, Status
from kannustin.applications.views.parts import amount_text
from kannustin.core import clock
from kannustin.core.models import Notification
from kannustin.maturity import services as maturity
from kannustin.programmes.models import Call

pytestmark = pytest.mark.django_db(transaction=True)

APPLICANT = "signatory.narpes@kannustin.example"
OFFICIAL = "official@kannustin.example"
MESSAGE = "Lisätkää talousarvioon hankkeen ostopalvelut vuodelle 2028."


@pytest.fixture
def submitted(settings, tmp_path):
    """The demo's Närpes draft (complete but for the self-assessment), assessed and submitted through the
    same actions the pages use."""
    settings.MEDIA_ROOT = str(tmp_path)  # the receipt PDFs go away with it
    settings.DEBUG = True  # seed_demo refuses to run with DEBUG off
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.DEBUG = False
    call = (
        Call.objects.published()
        .open_now(clock.now())
        .get(stage=Call.Stage.APPLICATION, track__kind="applications")
    )
    application = Application.objects.get(call=call, organisation__code="545", status=Status.DRAFT)
    signatory = User.objects.get(email=APPLICANT)
    structure = maturity.structure_for(call)
    maturity.save_ratings(
        application.organisation,
        call,
        {key: {"current": 2, "target": 4} for key in structure.keys},
        by=signatory,
        service_process="Inköpsfakturor från mottagning till betalning",
    )
    application = actions.submit(application, by=signatory)
    assert application.case_number
    mail.outbox.clear()
    return application


def test_official_asks_for_the_budget_and_the_applicant_completes_it(
    browser, live_server, page, check_a11y, submitted
):
    application = submitted
    pk = application.pk
    detail = reverse("applications:ministry_detail", args=[pk])

    # The official, in Finnish, with the second factor.
    official = Journey(page, check_a11y, "fi")
    official.sign_in(OFFICIAL, ministry=True)
    ministry_list = reverse("applications:ministry_list")
    if path_of(page) != ministry_list:
        press_enter(page, link(page, ministry_list, within="header"))
        official.arrived(ministry_list)
    # Find it by its case number with the list's search.
    type_into(page, page.locator("#id_q"), application.case_number)
    press_enter(page, page.locator(f"main form[action='{ministry_list}'] button[type=submit]"))
    official.arrived(ministry_list, query="q=")
    assert page.locator("main table tbody tr").count() == 1
    press_enter(page, link(page, detail))
    official.arrived(detail)
    assert application.case_number in page.locator("main").inner_text()

    request_url = reverse("applications:request_completion", args=[pk])
    press_enter(page, link(page, request_url))
    official.arrived(request_url)
    send = page.locator("main form button[type=submit]")
    # Error state: nothing written, no part chosen.
    press_enter(page, send)
    official.arrived(request_url, error=True)
    assert not CompletionRequest.objects.filter(application=application).exists()
    assert follow_error_summary(page, "#id_message") == "id_message"
    type_into(page, page.locator("#id_message"), MESSAGE)
    set_checkbox(page, page.locator("input[name=sections][value=budget]"))
    press_enter(page, send)
    official.arrived(detail)
    request = CompletionRequest.objects.get(application=application)
    assert request.state == CompletionRequest.State.OPEN and request.sections == ["budget"]
    assert request.message == MESSAGE
    application.refresh_from_db()
    assert application.status == Status.COMPLETION_REQUESTED
    asked = wait_for_email(lambda m: APPLICANT in m.to and application.case_number in m.subject)
    assert MESSAGE in asked.body

    # The applicant, in Swedish, in a browser of her own.
    context = browser.new_context(base_url=live_server.url, locale="sv-FI")
    context.set_default_timeout(15_000)
    try:
        applicant_page = context.new_page()
        violations = watch_csp(applicant_page)
        applicant = Journey(applicant_page, check_a11y, "sv")
        answer_the_request(applicant, application, request)
    finally:
        context.close()
    assert_no_csp_violations(violations)

    application.refresh_from_db()
    request.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert request.state == CompletionRequest.State.ANSWERED and request.answered_by.email == APPLICANT
    # The official who asked is told on the dashboard too.
    assert Notification.objects.filter(user__email=OFFICIAL, url=detail).count() == 2


def answer_the_request(journey: Journey, application, request):
    page = journey.page
    pk = application.pk
    call = application.call
    journey.sign_in(APPLICANT)
    dashboard = reverse("applications:dashboard")
    if path_of(page) != dashboard:
        press_enter(page, link(page, dashboard, within="header"))
        journey.arrived(dashboard)
    overview = reverse("applications:overview", args=[pk])
    # The request is on the dashboard, in a notification banner linking to the application.
    press_enter(page, page.locator(f"main .govuk-notification-banner a[href='{overview}']"))
    journey.arrived(overview)
    banner = page.locator(
        ".govuk-notification-banner:has(#completion-title) .govuk-notification-banner__content"
    )
    assert request.message in banner.inner_text()
    budget = reverse("applications:budget", args=[pk])
    press_enter(page, link(page, budget))
    journey.arrived(budget)

    # One more cost line in the first empty row, and exactly 85 % of the new total applied for.
    lines = list(application.budget_lines.all())
    added = Decimal("6000.00")
    index = len(lines)
    choose_option(page, page.locator(f"#id_budget-{index}-category"), "purchased_services")
    choose_option(page, page.locator(f"#id_budget-{index}-year"), "2028")
    type_into(page, page.locator(f"#id_budget-{index}-description"), "Köpta tjänster")
    type_into(page, page.locator(f"#id_budget-{index}-amount"), amount_text(added, "sv"))
    requested = validation.max_grant_for(call, sum((line.amount for line in lines), added))
    type_into(page, page.locator("#id_requested_amount"), amount_text(requested, "sv"))
    # Only the budget may change, so the next page is check your answers.
    journey.save_and_continue(reverse("applications:check", args=[pk]))
    press_enter(page, page.locator(f"main form[action='{reverse('applications:submit', args=[pk])}'] button"))
    journey.arrived(reverse("applications:receipt", args=[pk]))
    assert page.locator(".govuk-panel__body strong").inner_text() == application.case_number

    application.refresh_from_db()
    assert application.requested_amount == requested
    assert application.budget_lines.count() == index + 1
    receipt = wait_for_email(
        lambda m: application.case_number in m.subject and APPLICANT in m.to and pdf_attachments(m)
    )
    assert call.title_sv in receipt.body and call.title_fi not in receipt.body
