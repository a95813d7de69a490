"""A signatory completes a whole track-1 application by keyboard only, once in Swedish (Närpes) and once in
Finnish (Hämeenlinna), and receives the receipt email with the PDF copy. axe judges every page on the way,
the error states included: a too-long answer and an impossible date, an empty maturity answer, a refused
file, more than 85 % applied for (and, in Finnish, co-applicants left unconfirmed).
"""

import re
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from e2e.journey import (
    Journey,
    choose_file,
    choose_option,
    choose_radio,
    follow_error_summary,
    link,
    path_of,
    pdf_attachments,
    pdf_text,
    press_enter,
    set_checkbox,
    skip_to_main,
    small_pdf,
    tab_to,
    type_into,
    wait_for_email,
)
from kannustin.accounts.models import User
from kannustin.applications.models import Application, Status
from kannustin.applications.views.parts import amount_text
from kannustin.core import clock
from kannustin.core.formats import format_date
from kannustin.maturity import services as maturity
from kannustin.programmes.models import SERVICE_LANGUAGES, Call, Question
from kannustin.registry.models import Organisation

pytestmark = pytest.mark.django_db(transaction=True)

PDF = "application/pdf"
CASE_NUMBER = re.compile(r"^VM/\d+/\d{4}$")


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)  # uploads and receipt PDFs of the journey go away with it
    settings.DEBUG = True  # seed_demo refuses to run with DEBUG off
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.DEBUG = False


@dataclass(frozen=True)
class Case:
    language: str
    email: str
    organisation: str  # municipality code
    project_name: str
    summary: str
    note: str  # the start of every other written answer
    co_applicant: tuple[str, str] | None  # (search text, code) of a municipality applying with us
    contact: tuple[str, str]  # a second contact person: name, email
    secret: str  # the question whose answer is marked as a business secret


SWEDISH = Case(
    language="sv",
    email="signatory.narpes@kannustin.example",
    organisation="545",
    project_name="Automatiserad fakturahantering i Närpes",
    summary="Inköpsfakturorna behandlas automatiskt från mottagning till betalning och kostnadsredovisning.",
    note="Närpes svar",
    co_applicant=("Kristinestad", "287"),
    contact=("Johan Projektledare", "johan.projekt@narpes.example"),
    secret="other_funding",
)
FINNISH = Case(
    language="fi",
    email="signatory@kannustin.example",
    organisation="109",
    project_name="Ostolaskujen automaatio Hämeenlinnassa",
    summary="Ostolaskut käsitellään automaattisesti vastaanotosta maksuun ja kustannuslaskentaan.",
    note="Hämeenlinnan vastaus",
    co_applicant=None,
    contact=("Liisa Projektipäällikkö", "liisa.projekti@hameenlinna.example"),
    secret="c8_strategy",
)


def track_1_call() -> Call:
    return (
        Call.objects.published()
        .open_now(clock.now())
        .get(stage=Call.Stage.APPLICATION, track__kind="applications")
    )


@pytest.mark.parametrize("case", [SWEDISH, FINNISH], ids=["sv-narpes", "fi-hameenlinna"])
def test_signatory_completes_an_application_by_keyboard(page, demo, check_a11y, case):
    journey = Journey(page, check_a11y, case.language)
    call = track_1_call()
    organisation = Organisation.objects.get(code=case.organisation)

    journey.sign_in(case.email)
    dashboard = reverse("applications:dashboard")

    # The programme's front page, through the service navigation: the decree under its own title.
    with translation.override(case.language):  # the public pages' addresses in the journey's language
        home = reverse("programmes:home")
        call_page = reverse("programmes:call", args=[call.programme.slug, call.slug])
    press_enter(page, link(page, home, within="header"))
    journey.arrived(home)
    assert DECREE[case.language] in normalised(page.locator("main").inner_text())
    # The call's page: it says how to apply, names the contact people, and has the start button.
    skip_to_main(page)
    press_enter(page, link(page, call_page))
    journey.arrived(call_page)
    check_help_box(journey, case, submitted=False)
    before = set(Application.objects.filter(organisation=organisation).values_list("pk", flat=True))
    start = reverse("applications:start", args=[call.pk, case.organisation])
    start_button = page.locator(f"main form[action='{start}'] button.govuk-button--start")
    assert getattr(organisation, f"name_{case.language}") in start_button.inner_text()
    press_enter(page, start_button)
    application = Application.objects.exclude(pk__in=before).get(organisation=organisation, call=call)
    overview = reverse("applications:overview", args=[application.pk])
    journey.arrived(overview)
    check_help_box(journey, case, submitted=False)
    # The draft's PDF, from the task list: marked as a draft, in the application's language.
    with page.expect_download() as download:
        press_enter(page, page.locator("main a[data-draft-pdf]"), navigates=False)
    with open(download.value.path(), "rb") as stored:
        draft_pdf = pdf_text(stored.read())
    with translation.override(case.language):
        assert gettext("Draft – not submitted") in draft_pdf
        assert gettext("Copy of the submitted application") not in draft_pdf

    complete_maturity(journey, call, case)
    if case.language == "sv":
        check_profile_chart(journey, call, case)
    # Back to the application: the service navigation, then the draft on the dashboard.
    press_enter(page, link(page, dashboard, within="header"))
    journey.arrived(dashboard)
    press_enter(page, link(page, overview))
    journey.arrived(overview)

    questions = list(application.question_set.questions.order_by("order", "id"))
    sections = list(dict.fromkeys(question.section for question in questions))
    press_enter(page, link(page, reverse("applications:section", args=[application.pk, sections[0]])))
    journey.arrived()
    for index, section in enumerate(sections):
        url = reverse("applications:section", args=[application.pk, section])
        following = sections[index + 1] if index + 1 < len(sections) else None
        next_url = (
            reverse("applications:section", args=[application.pk, following])
            if following
            else reverse("applications:indicators", args=[application.pk])
        )
        assert path_of(page) == url
        answer_section(journey, case, [q for q in questions if q.section == section], url)
        journey.save_and_continue(next_url)

    pk = application.pk
    fill_indicators(journey, case)
    journey.save_and_continue(reverse("applications:participants", args=[pk]))
    fill_participants(journey, case, pk)
    journey.save_and_continue(reverse("applications:contacts", args=[pk]))
    fill_contacts(journey, case)
    journey.save_and_continue(reverse("applications:budget", args=[pk]))
    fill_budget(journey, case, pk)
    journey.save_and_continue(reverse("applications:attachments", args=[pk]))
    upload_attachment(journey, pk)
    journey.save_and_continue(reverse("applications:confidentiality", args=[pk]))
    set_checkbox(page, page.locator(f"input[name=confidential_keys][value='{case.secret}']"))
    journey.save_and_continue(reverse("applications:check", args=[pk]))

    # Check your answers: nothing missing, the answers shown; then submit.
    main_text = page.locator("main").inner_text()
    assert case.project_name in main_text and case.summary in main_text
    assert case.contact[1] in main_text and "projektplan.pdf" in main_text
    check_municipality_names(main_text, case)
    press_enter(page, page.locator(f"main form[action='{reverse('applications:submit', args=[pk])}'] button"))
    journey.arrived(reverse("applications:receipt", args=[pk]))

    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert CASE_NUMBER.match(application.case_number), application.case_number
    assert (
        page.locator(".govuk-panel--confirmation .govuk-panel__body strong").inner_text()
        == application.case_number
    )
    assert application.language == case.language
    assert application.answers["project_name"] == case.project_name
    assert application.confidential_keys == [case.secret]
    assert application.requested_amount == Decimal("42500.00")
    if case.co_applicant:
        assert [p.organisation.code for p in application.partners()] == [case.co_applicant[1]]
    else:
        assert application.participants_confirmed and not application.partners()

    # The PDF copy from the receipt page, downloaded with Enter on its link.
    with page.expect_download() as download:
        press_enter(page, link(page, reverse("applications:pdf", args=[pk])), navigates=False)
    with open(download.value.path(), "rb") as stored:
        downloaded = pdf_text(stored.read())
    assert application.case_number in downloaded and case.project_name in downloaded
    check_municipality_names(downloaded, case)
    with translation.override(case.language):
        assert gettext("Draft – not submitted") not in downloaded
    # After submission the help box says when the decision is expected.
    check_help_box(journey, case, submitted=True)

    # The receipt email, with the PDF copy attached, to the submitter and the contact people.
    message = wait_for_email(lambda m: application.case_number in m.subject and pdf_attachments(m))
    assert case.email in message.to and case.contact[1] in message.to
    (pdf,) = pdf_attachments(message)
    text = pdf_text(pdf)
    assert application.case_number in text and case.project_name in text
    assert application.case_number in message.body and case.project_name in message.body
    # The email speaks the application's language: the call and the municipality are named in it as the
    # database holds them in that language, a marker that does not depend on the interface's translations.
    other = "fi" if case.language == "sv" else "sv"
    assert getattr(call, f"title_{case.language}") != getattr(call, f"title_{other}")
    assert getattr(call, f"title_{case.language}") in message.body
    assert getattr(call, f"title_{other}") not in message.body
    assert getattr(organisation, f"name_{case.language}") in message.body

    assert len(journey.visited) >= 30, journey.visited


# The parts of the journey -------------------------------------------------------------------------------

# The decree 893/2019 under its Finlex title in each language.
DECREE = {
    "fi": "valtioneuvoston asetus kuntien digitalisaation kannustinjärjestelmästä",
    "sv": "statsrådets förordning om incitamentsystemet för digitalisering i kommunerna",
}


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).casefold()


def check_help_box(journey: Journey, case: Case, *, submitted: bool):
    """The help box of the page: every contact person with email, phone and languages, those serving the
    page's language first; after submission, when the decision is expected. Its first email link is
    reached with the keyboard."""
    page = journey.page
    box = page.locator("main [data-help-box]")
    assert box.count() == 1, page.url
    call = track_1_call()
    contacts = list(call.programme.contacts.all())
    assert contacts
    text = box.inner_text()
    for person in contacts:
        assert person.name in text and person.email in text and person.phone in text, page.url
    with translation.override(case.language):
        assert str(SERVICE_LANGUAGES[case.language]) in text
    first = box.locator("a[href^='mailto:']").first
    first_email = first.get_attribute("href").removeprefix("mailto:")
    assert next(p for p in contacts if p.email == first_email).serves(case.language)
    tab_to(page, first)
    decision = box.locator("[data-decision-expected]")
    if submitted:
        assert decision.count() == 1
        assert format_date(call.decisions_expected_on, case.language) in decision.inner_text()
    else:
        assert decision.count() == 0


def check_profile_chart(journey: Journey, call, case: Case):
    """The maturity profile chart on the result page, in Swedish: every marker where its level puts it
    (never piled up at the left edge by a decimal comma), the same geometry as the English page."""
    page = journey.page
    result = reverse("maturity:result", args=[case.organisation, call.pk])
    assert path_of(page) == result
    structure = maturity.structure_for(call)
    levels = [level.value for level in structure.levels]
    low, high = levels[0], levels[-1]
    assessment = maturity.get_assessment(Organisation.objects.get(code=case.organisation), call)
    markers = page.evaluate(
        "() => Array.from(document.querySelectorAll('main figure svg > circle')).map(c => Number(c.getAttribute('cx')))"
    )
    expected = [
        290 + (assessment.rating(key)["current"] - low) * 400 / (high - low) for key in structure.keys
    ]
    assert markers == pytest.approx(expected), (markers, expected)
    # The same numbers as the page in English, drawn by the server for the same assessment.
    from django.test import Client

    client = Client()
    client.force_login(User.objects.get(email=case.email))
    client.cookies["kannustin_language"] = "en"
    english = re.search(r"<svg.*?</svg>", client.get(result).content.decode(), re.S).group(0)
    swedish = page.locator("main figure svg").evaluate("svg => svg.outerHTML")
    # The shapes (labels wrap to a different number of lines in each language, so their lines may move).
    shapes = re.compile(r"<(?:circle|line|polygon|polyline|rect)\b[^>]*>")
    numbers = re.compile(r'\s(x|y|x1|x2|y1|y2|cx|cy|r|points|width|height)="([^"]*)"')

    def geometry(svg):
        return [numbers.findall(shape) for shape in shapes.findall(svg)]

    assert geometry(swedish) == geometry(english)
    assert len(geometry(swedish)) > 20


def check_municipality_names(text: str, case: Case):
    """Municipalities are named in the application's language (here also the reader's)."""
    names = {"sv": ("Närpes", "Närpiö"), "fi": ("Hämeenlinna", "Tavastehus")}[case.language]
    if case.co_applicant:
        organisation = Organisation.objects.get(code=case.co_applicant[1])
        right, wrong = getattr(organisation, f"name_{case.language}"), organisation.name_fi
        assert right != wrong and right in text and wrong not in text, (right, wrong)
    assert names[1] not in text


def complete_maturity(journey: Journey, call, case: Case):
    """The self-assessment from the application's task list: the service process (first left empty), every
    dimension now and as a target, then the result."""
    page = journey.page
    code = case.organisation
    maturity_overview = reverse("maturity:overview", args=[code, call.pk])
    service_process = reverse("maturity:service_process", args=[code, call.pk])
    result = reverse("maturity:result", args=[code, call.pk])
    press_enter(page, link(page, maturity_overview))
    journey.arrived(maturity_overview)
    if page.locator(f"main a[href='{service_process}']").count():
        press_enter(page, link(page, service_process))
    else:  # begun before (the demo's Hämeenlinna draft): change it all, from the result page
        press_enter(page, link(page, result))
        journey.arrived(result)
        press_enter(page, link(page, service_process))
    journey.arrived(service_process)

    # Error state: the service process left empty.
    text = page.locator("#id_service_process")
    type_into(page, text, "")
    press_enter(page, page.locator("main form button[type=submit]"))
    journey.arrived(service_process, error=True)
    assert follow_error_summary(page, "#id_service_process") == "id_service_process"
    type_into(page, text, f"{case.note}: inköpsfakturor från mottagning till betalning")
    press_enter(page, page.locator("main form button[type=submit]"))

    structure = maturity.structure_for(call)
    assert len(structure.keys) == 7
    levels = [str(level.value) for level in structure.levels]
    for index, key in enumerate(structure.keys):
        journey.arrived(reverse("maturity:dimension", args=[code, call.pk, key]))
        current = levels[index % 3]
        choose_radio(page, "current", current)
        choose_radio(page, "target", levels[levels.index(current) + 2])
        press_enter(page, page.locator("main form button[type=submit]"))
    journey.arrived(result)
    assert page.locator("#incomplete").count() == 0  # no "not complete" warning
    assessment = maturity.get_assessment(Organisation.objects.get(code=code), call)
    assert maturity.is_complete(assessment)
    assert assessment.rating(structure.keys[0]) == {"current": 1, "target": 3}


def written_answer(case: Case, question: Question) -> str:
    if question.key == "project_name":
        return case.project_name
    if question.key == "summary":
        return case.summary
    return f"{case.note}: {question.key.replace('_', ' ')}."


def answer_section(journey: Journey, case: Case, questions: list[Question], url: str):
    """Answer every question of a section by its type. The basics section first gets a too-long name and an
    impossible date, so that its error state is seen, kept and corrected through the error summary."""
    page = journey.page
    basics = any(question.key == "project_name" for question in questions)
    too_long = case.project_name + " – " + " ".join(["pitkä nimi"] * 20)
    for question in questions:
        target = page.locator(f"#id_{question.key}")
        if question.type == Question.Type.TEXT:
            text = too_long if question.key == "project_name" else written_answer(case, question)
            assert question.max_length is None or len(text) <= question.max_length or text == too_long
            type_into(page, target, text)
        elif question.type == Question.Type.DATE:
            day, month, year = ("31", "2", "2027") if question.key == "start_date" else ("30", "6", "2028")
            type_into(page, page.locator(f"#id_{question.key}_0"), day)
            type_into(page, page.locator(f"#id_{question.key}_1"), month)
            type_into(page, page.locator(f"#id_{question.key}_2"), year)
        elif question.type == Question.Type.CHOICE:
            options = [option.key for option in question.translated_options()]
            choose_radio(page, question.key, "yes" if "yes" in options else options[0])
        elif question.type == Question.Type.FILE:
            continue  # optional: the file is uploaded on the attachments page
        else:
            raise AssertionError(f"no keyboard answer for {question.type} ({question.key})")
    if not basics:
        return

    journey.save_and_continue(url, error=True)
    # Nothing typed is lost.
    assert page.locator("#id_project_name").input_value() == too_long
    assert page.locator("#id_summary").input_value() == case.summary
    assert page.locator("#id_start_date_0").input_value() == "31"
    # The error summary has the focus; its links take the focus to the fields.
    assert follow_error_summary(page, "#id_project_name") == "id_project_name"
    type_into(page, page.locator("#id_project_name"), case.project_name)
    assert follow_error_summary(page, "#id_start_date_0", backwards=True) == "id_start_date_0"
    type_into(page, page.locator("#id_start_date_0"), "1")
    assert page.locator("#id_start_date_1").input_value() == "2"


def fill_indicators(journey: Journey, case: Case):
    page = journey.page
    for name, value in (
        ("name", f"{case.note}: automaattisesti käsitellyt laskut"),
        ("baseline", "10 %"),
        ("target", "80 %"),
        ("follow_up", "Taloushallinnon raportti neljännesvuosittain"),
    ):
        type_into(page, page.locator(f"#id_indicators-0-{name}"), value)


def fill_participants(journey: Journey, case: Case, pk: int):
    page = journey.page
    url = reverse("applications:participants", args=[pk])
    if case.co_applicant is None:
        # Error state: neither "alone" nor "with others" chosen.
        journey.save_and_continue(url, error=True)
        assert follow_error_summary(page, "#id_applies_0") == "id_applies_0"
        choose_radio(page, "applies", "alone")
        return
    query, code = case.co_applicant
    type_into(page, page.locator("#municipality-q"), query)
    press_enter(page, page.locator("main form[role=search] button[type=submit]"))
    journey.arrived(url, query="q=")
    press_enter(page, page.locator(f"#organisation-results button[name=add][value='{code}']"))
    journey.arrived(url)
    assert page.locator(f"main form button[name=remove][value='{code}']").count() == 1
    choose_radio(page, "applies", "together")


def fill_contacts(journey: Journey, case: Case):
    page = journey.page
    # The first contact person is filled in from the signed-in user's profile.
    assert page.locator("#id_contacts-0-email").input_value() == case.email
    type_into(page, page.locator("#id_contacts-0-role"), "Projektets ansvarsperson")
    name, email = case.contact
    type_into(page, page.locator("#id_contacts-1-name"), name)
    type_into(page, page.locator("#id_contacts-1-email"), email)
    type_into(page, page.locator("#id_contacts-1-role"), "Projektledare")


def fill_budget(journey: Journey, case: Case, pk: int):
    """Two cost lines of 50 000 € in all; first 42 500,01 € applied for (more than 85 %), then exactly 85 %."""
    page = journey.page
    lines = (
        ("personnel", "2027", "Projektpersonal", Decimal("40000")),
        ("purchased_services", "2028", "Integration", Decimal("10000")),
    )
    for index, (category, year, description, amount) in enumerate(lines):
        choose_option(page, page.locator(f"#id_budget-{index}-category"), category)
        choose_option(page, page.locator(f"#id_budget-{index}-year"), year)
        type_into(page, page.locator(f"#id_budget-{index}-description"), description)
        type_into(page, page.locator(f"#id_budget-{index}-amount"), amount_text(amount, case.language))
    # Live totals while typing: more than the eligible costs leaves no own financing to show (never a
    # negative share), and the warning does not claim the budget is saved before it is.
    type_into(page, page.locator("#id_requested_amount"), amount_text(Decimal("60000"), case.language))
    page.wait_for_function("() => !document.querySelector('[data-limit-warning]').hidden")
    assert page.locator("[data-total='own']").inner_text().strip() == "–"
    assert page.locator("[data-total='own_share']").inner_text().strip() == ""
    assert not page.locator("[data-saved-note]").is_visible()
    assert page.locator("[data-live-note]").is_visible()
    too_much = amount_text(Decimal("42500.01"), case.language)
    type_into(page, page.locator("#id_requested_amount"), too_much)
    url = reverse("applications:budget", args=[pk])
    journey.save_and_continue(url, error=True, query="check=1")
    assert page.locator("#id_requested_amount").input_value() == too_much
    assert page.locator("#id_budget-1-description").input_value() == "Integration"
    assert follow_error_summary(page, "#id_requested_amount") == "id_requested_amount"
    type_into(page, page.locator("#id_requested_amount"), amount_text(Decimal("42500.00"), case.language))


def upload_attachment(journey: Journey, pk: int):
    """A file that is no PDF whatever its name is refused; then a real PDF is uploaded."""
    page = journey.page
    url = reverse("applications:attachments", args=[pk])
    not_a_pdf = b"MZ\x90\x00 an executable renamed"
    choose_file(page, page.locator("#id_file"), name="kustannusarvio.pdf", content=not_a_pdf, mime_type=PDF)
    type_into(page, page.locator("#id_description"), "Kustannusarvio")
    press_enter(page, page.locator("main button[name=action][value=upload]"))
    journey.arrived(url, error=True)
    assert page.locator("#id_description").input_value() == "Kustannusarvio"
    assert follow_error_summary(page, "#id_file") == "id_file"
    plan = small_pdf("Projektplan")
    choose_file(page, page.locator("#id_file"), name="projektplan.pdf", content=plan, mime_type=PDF)
    type_into(page, page.locator("#id_description"), "Projektplan")
    press_enter(page, page.locator("main button[name=action][value=upload]"))
    journey.arrived(url)
    attachment = Application.objects.get(pk=pk).attachments.get()
    assert attachment.original_name == "projektplan.pdf" and attachment.kind == "pdf"
    tab_to(page, link(page, reverse("applications:attachment", args=[pk, attachment.pk])))
