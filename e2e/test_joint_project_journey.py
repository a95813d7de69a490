"""Track 2 from a proposal to a submitted joint application, by keyboard only, in the demo round.

Hämeenlinna's signatory (in Finnish) makes a proposal among twelve others in three topics and submits it.
Espoo's (in Swedish) and Tampere's (in English) signatories find it by its topic, look at its partner page
with the map, and register their interest as partners; Hämeenlinna accepts both. An official (in Finnish,
with the second factor) has the workshop's tables suggested from clusters of similar proposals, renames a
theme and saves them; the workshop's page shows Hämeenlinna's proposal at its table. Hämeenlinna starts a
joint application from the proposal: Espoo and Tampere are asked to confirm, and until they have, check your
answers and the submission say so. Both confirm from their dashboards, and Hämeenlinna submits.

Each person has a browser of their own. axe judges every page any of them arrives at (the map pages
included), and the emails of the way are checked: interest registered, partner accepted, the invitation to
confirm, participation confirmed.
"""

import re
from contextlib import ExitStack
from unittest import mock

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from e2e.conftest import assert_no_csp_violations, watch_csp
from e2e.journey import (
    Journey,
    choose_option,
    choose_radio,
    link,
    path_of,
    press_enter,
    set_checkbox,
    skip_to_main,
    type_into,
    wait_for_email,
)
from kannustin.accounts.models import Membership, User
from kannustin.accounts.roles import Role
from kannustin.applications.models import Application, Participant, Status
from kannustin.applications.presentation import section_url
from kannustin.core import notify
from kannustin.demo.users import DEMO_PASSWORD, create_demo_users
from kannustin.jointprojects.models import Interest, WorkshopTable
from kannustin.jointprojects.tests.helpers import complete_joint_application, demo_track2, write_proposal
from kannustin.registry.models import Organisation

pytestmark = pytest.mark.django_db(transaction=True)

CASE_NUMBER = re.compile(r"^VM/\d+/\d{4}$")
LEAD = "signatory@kannustin.example"  # the demo's signatory of Hämeenlinna (109)
OFFICIAL = "official@kannustin.example"
TOPIC = "eservices"


class Person:
    def __init__(self, email, code, language, locale, name):
        self.email, self.code, self.language, self.locale, self.name = email, code, language, locale, name


LEAD_PERSON = Person(LEAD, "109", "fi", "fi-FI", "Sanna Allekirjoittaja")
ESPOO = Person("signatory.espoo@kannustin.example", "049", "sv", "sv-FI", "Erik Undertecknare")
TAMPERE = Person("signatory.tampere@kannustin.example", "837", "en", "en-GB", "Tuula Allekirjoittaja")

PROPOSAL = {
    "title": "Yhteinen sähköinen asiointi",
    "summary": "Asukkaat hoitavat lupa- ja hakemusasiansa verkossa.",
    "texts": {
        "p1_ways_of_working": "Asiointi siirtyy verkkoon.",
        "p2_goals": "Sähköinen asiointi kaikissa kunnissa.",
        "p3_significance": "Muutkin kunnat voivat käyttää.",
        "p4_cost_savings": "Yhteinen hankinta säästää.",
        "p5_risks": "Käyttöönotto vaiheistetaan.",
    },
    "partners_wanted": "Asiointia kehittäviä kuntia.",
    "contact_role": "Vastuuhenkilö",
}

# Twelve proposals of other municipalities in three topics: similar texts within a topic, so that the
# clusters have something to find.
SEEDED = {
    "eservices": (
        ["091", "853", "564", "179"],
        "Sähköinen asiointi ja verkkopalvelut",
        "Asukkaat asioivat verkossa: sähköinen asiointipalvelu lupa- ja hakemusasioihin.",
        "Sähköinen asiointi yhtenäistää palveluprosessit ja asukkaat hoitavat asiansa verkossa.",
    ),
    "contract_management": (
        ["398", "297", "405", "905"],
        "Sopimushallinnan yhteinen järjestelmä",
        "Sopimusten hallinta, valvonta ja sopimuskauden seuranta yhdessä sopimushallintajärjestelmässä.",
        "Sopimushallinta keskitetään: sopimukset, hankintasopimukset ja niiden määräajat yhdestä paikasta.",
    ),
    "materials_logistics": (
        ["609", "286", "167", "698"],
        "Logistiikan ja kuljetusten optimointi",
        "Kuljetusten reititys ja materiaalilogistiikka optimoidaan: ruokakuljetukset ja varastot.",
        "Logistiikka ja kuljetukset suunnitellaan optimoinnilla, materiaalivirrat ja varastot seurataan.",
    ),
}


def make_signatory(person: Person) -> User:
    user = User.objects.create_user(email=person.email, password=DEMO_PASSWORD, name=person.name)
    user.language = person.language
    user.save(update_fields=["language"])
    EmailAddress.objects.create(user=user, email=person.email, verified=True, primary=True)
    organisation = Organisation.objects.get(code=person.code)
    Membership.objects.create(user=user, organisation=organisation, role=Role.SIGNATORY)
    return user


@pytest.fixture
def round_(settings, tmp_path, reference_data):
    """The demo round's track 2 (every stage open around today), the demo accounts, signatories for Espoo
    and Tampere, and twelve submitted proposals of other municipalities."""
    settings.MEDIA_ROOT = str(tmp_path)  # receipts and the agreement go away with the test
    track = demo_track2()
    create_demo_users()
    make_signatory(ESPOO)
    make_signatory(TAMPERE)
    call = track["proposal_call"]
    # Their receipts (PDF copies by email) are not what this test is about: they are not made.
    with mock.patch("kannustin.applications.tasks.enqueue_receipt"):
        seed_proposals(call)
    mail.outbox.clear()
    return track


def seed_proposals(call):
    for topic, (codes, title, summary, text) in SEEDED.items():
        for index, code in enumerate(codes):
            organisation = Organisation.objects.get(code=code)
            user = make_signatory(
                Person(f"signatory.{code}@kannustin.example", code, "fi", "fi-FI", f"Allekirjoittaja {code}")
            )
            texts = {
                "p1_ways_of_working": text,
                "p2_goals": f"{title}: yhteinen ratkaisu käytössä ({index + 1}).",
                "p3_significance": f"{title} hyödyttää muitakin kuntia.",
                "p4_cost_savings": f"{title}: säästöjä yhteisestä hankinnasta.",
                "p5_risks": f"{title}: aikataulu on tiukka.",
            }
            write_proposal(
                call, organisation, user, title=f"{title} – {organisation.name_fi}", summary=summary,
                topics=[topic], texts=texts,
            )  # fmt: skip


@pytest.fixture
def browsers(browser, live_server, check_a11y):
    """A browser context of each person's own: open_for(language, locale) gives their Journey. Content blocked
    under the Content-Security-Policy in any of them fails the test when they close."""
    opened = []
    with ExitStack() as stack:

        def open_for(language: str, locale: str) -> Journey:
            context = browser.new_context(base_url=live_server.url, locale=locale)
            stack.callback(context.close)
            context.set_default_timeout(15_000)
            page = context.new_page()
            opened.append((watch_csp(page), Journey(page, check_a11y, language)))
            return opened[-1][1]

        yield open_for, opened
    for violations, _journey in opened:
        assert_no_csp_violations(violations)


def email_subject(name: str, user: User, matter_language: str, **context) -> str:
    """The subject an email of `name` has for `user` (in their email language)."""
    with translation.override(notify.email_language(user.language, matter_language)):
        return " ".join(render_to_string(f"emails/{name}.subject.txt", context).split())


def test_proposal_grows_into_a_submitted_joint_application(round_, browsers):
    open_for, opened = browsers
    proposal_call, joint_call, workshop = round_["proposal_call"], round_["joint_call"], round_["workshop"]
    lead = open_for(LEAD_PERSON.language, LEAD_PERSON.locale)
    espoo = open_for(ESPOO.language, ESPOO.locale)
    tampere = open_for(TAMPERE.language, TAMPERE.locale)
    official = open_for("fi", "fi-FI")

    # 1. Hämeenlinna makes a proposal and submits it.
    proposal = make_proposal(lead, proposal_call)
    assert proposal.status == Status.SUBMITTED and CASE_NUMBER.match(proposal.case_number)
    assert proposal.answers["title"] == PROPOSAL["title"]
    assert proposal.answers["topics"] == [TOPIC, "knowledge_management"]
    assert proposal.answers["national_goals"] == ["customer_oriented", "shared_solutions"]
    assert proposal.answers["p5_risks"] == PROPOSAL["texts"]["p5_risks"]
    assert [c.email for c in proposal.contacts.all()] == [LEAD]

    # 2. Espoo and Tampere find it by its topic, look at its partners' map and register interest.
    for journey, person, note, before in (
        (espoo, ESPOO, "Esbo deltar gärna.", []),
        (tampere, TAMPERE, "Our e-services platform.", [ESPOO]),
    ):
        register_interest(journey, person, proposal, note, interested_before=before)
        interest = Interest.objects.get(proposal=proposal, organisation__code=person.code)
        assert interest.kind == Interest.Kind.PARTNER and interest.note == note
        assert interest.accepted_at is None
    lead_user = User.objects.get(email=LEAD)
    for person in (ESPOO, TAMPERE):
        interest = Interest.objects.select_related("organisation").get(
            proposal=proposal, organisation__code=person.code
        )
        subject = email_subject("interest_registered", lead_user, proposal.language, interest=interest,
                                proposal=proposal)  # fmt: skip
        wait_for_email(lambda m, s=subject: LEAD in m.to and m.subject == s)

    # 3. Hämeenlinna accepts both as partners.
    accept_partners(lead, proposal)
    for person in (ESPOO, TAMPERE):
        interest = Interest.objects.select_related("organisation").get(
            proposal=proposal, organisation__code=person.code
        )
        assert interest.accepted_at is not None and interest.accepted_by == lead_user
        subject = email_subject("partner_accepted", User.objects.get(email=person.email), proposal.language,
                                interest=interest, proposal=proposal)  # fmt: skip
        wait_for_email(lambda m, p=person, s=subject: p.email in m.to and m.subject == s)

    # 4. The official seats the proposals at the workshop's tables.
    seat_the_tables(official, workshop, proposal)

    # 5. Hämeenlinna starts the joint application; the partners have not confirmed, so it cannot be sent.
    application = start_joint_application(lead, joint_call, proposal)
    application = complete_joint_application(application, lead_user)
    refused_until_confirmed(lead, application)
    for person in (ESPOO, TAMPERE):
        participant = application.participants.select_related("organisation").get(
            organisation__code=person.code
        )
        subject = email_subject("participation_invited", User.objects.get(email=person.email),
                                application.language, application=application, participant=participant)  # fmt: skip
        wait_for_email(lambda m, p=person, s=subject: p.email in m.to and m.subject == s)

    # 6. Espoo and Tampere confirm from their dashboards.
    for journey, person in ((espoo, ESPOO), (tampere, TAMPERE)):
        confirm_participation(journey, person, application)
        participant = application.participants.select_related("organisation").get(
            organisation__code=person.code
        )
        assert participant.state == "confirmed"
        assert participant.confirmed_by == User.objects.get(email=person.email)
        subject = email_subject("participation_decided", lead_user, application.language,
                                application=application, participant=participant, confirmed=True)  # fmt: skip
        wait_for_email(lambda m, s=subject: LEAD in m.to and m.subject == s)

    # 7. Hämeenlinna submits.
    submit_joint_application(lead, application)
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert CASE_NUMBER.match(application.case_number), application.case_number
    assert application.case_number != proposal.case_number
    assert list(application.proposals.all()) == [proposal]
    rows = {p.organisation.code: (p.role, p.state) for p in application.participant_rows()}
    assert rows["109"][0] == Participant.Role.ADMINISTRATOR
    assert rows["049"] == rows["837"] == (Participant.Role.PARTNER, "confirmed")

    # axe judged every page that anyone arrived at: the map pages among them.
    visited = [path for _violations, journey in opened for path in map(url_path, journey.visited)]
    for expected in (
        reverse("jointprojects:matching", args=[proposal.pk]),
        reverse("jointprojects:dashboard"),
        reverse("jointprojects:tables", args=[workshop.pk]),
        reverse("jointprojects:workshop", args=[workshop.pk]),
        reverse("applications:participation", args=[application.pk, "049"]),
        reverse("applications:participation", args=[application.pk, "837"]),
        reverse("applications:receipt", args=[application.pk]),
    ):
        assert expected in visited, (expected, visited)
    assert len(visited) >= 50, visited


def submit_button(page, pk: int):
    return page.locator(f"main form[action='{reverse('applications:submit', args=[pk])}'] button")


def url_path(url: str) -> str:
    from urllib.parse import urlparse

    return urlparse(url).path


# The steps ----------------------------------------------------------------------------------------------


def into_main(page):
    """What a keyboard user does first on a page: the skip link to the main content, unless the page put the
    focus there already (a success banner, an error summary). Links of the header and the back link are
    then reached backwards from it, the page's own controls forwards."""
    in_main = "() => !!(document.activeElement && document.activeElement.closest('main'))"
    if page.evaluate(in_main):
        return
    # A page reached by a redirect after a form sent from .../#main-content keeps the fragment, and the
    # first Tab starts from <main>; on any other page it reaches the skip link.
    page.keyboard.press("Tab")
    if not page.evaluate(in_main):
        skip_to_main(page)


def arrive(journey: Journey, path: str | None = None, *, main: bool = True, **options):
    """The journey's checks of the page (axe among them), then into its main content. `main=False` leaves
    the focus at the top of the page, for a button at the end of a long page reached backwards."""
    journey.arrived(path, **options)
    if main:
        into_main(journey.page)


def save_and_continue(journey: Journey, path: str, *, main: bool = True):
    journey.save_and_continue(path)
    if main:
        into_main(journey.page)


def go_to_joint_projects(journey: Journey, ministry: bool = False):
    page = journey.page
    url = reverse("jointprojects:dashboard" if ministry else "jointprojects:proposals")
    press_enter(page, link(page, url, within="header"), backwards=True)
    arrive(journey, url)


def make_proposal(journey: Journey, call) -> Application:
    """From "Joint projects": make a proposal, answer every page of its form by keyboard and submit it."""
    page = journey.page
    journey.sign_in(LEAD)
    into_main(page)
    go_to_joint_projects(journey)
    start = reverse("applications:start", args=[call.pk, LEAD_PERSON.code])
    press_enter(page, page.locator(f"main form[action='{start}'] button[type=submit]"))
    proposal = Application.objects.get(call=call, organisation__code=LEAD_PERSON.code)
    pk = proposal.pk
    arrive(journey, reverse("applications:overview", args=[pk]))
    sections = {section.key: section_url(proposal, section) for section in proposal.sections()}
    assert list(sections) == [
        "proposal",
        "description",
        "partners",
        "contacts",
        "attachments",
        "confidentiality",
    ]

    press_enter(page, link(page, sections["proposal"]))
    arrive(journey, sections["proposal"])
    type_into(page, page.locator("#id_title"), PROPOSAL["title"])
    type_into(page, page.locator("#id_summary"), PROPOSAL["summary"])
    for value in (TOPIC, "knowledge_management"):
        set_checkbox(page, page.locator(f"input[type=checkbox][name=topics][value={value}]"))
    for value in ("customer_oriented", "shared_solutions"):
        set_checkbox(page, page.locator(f"input[type=checkbox][name=national_goals][value={value}]"))
    save_and_continue(journey, sections["description"])
    for key, text in PROPOSAL["texts"].items():
        type_into(page, page.locator(f"#id_{key}"), text)
    save_and_continue(journey, sections["partners"])
    type_into(page, page.locator("#id_partners_wanted"), PROPOSAL["partners_wanted"])
    save_and_continue(journey, sections["contacts"])
    # The contact person is filled in from the signed-in user's profile.
    assert page.locator("#id_contacts-0-email").input_value() == LEAD
    type_into(page, page.locator("#id_contacts-0-role"), PROPOSAL["contact_role"])
    save_and_continue(journey, sections["attachments"])
    save_and_continue(journey, sections["confidentiality"])
    check = reverse("applications:check", args=[pk])
    save_and_continue(journey, check, main=False)

    main = page.locator("main").inner_text()
    assert PROPOSAL["title"] in main and PROPOSAL["summary"] in main and PROPOSAL["partners_wanted"] in main
    press_enter(page, submit_button(page, pk), backwards=True)  # the last button of a long page
    arrive(journey, reverse("applications:receipt", args=[pk]))
    proposal.refresh_from_db()
    assert page.locator(".govuk-panel__body strong").inner_text() == proposal.case_number
    return proposal


def register_interest(journey: Journey, person: Person, proposal, note: str, interested_before: list):
    """Sign in, find the proposal among those of its topic, see its partner page with the map (and beside it
    who is interested already), and register interest as a partner with a note."""
    page = journey.page
    journey.sign_in(person.email)
    into_main(page)
    go_to_joint_projects(journey)
    proposals = reverse("jointprojects:proposals")
    choose_option(page, page.locator("#id_topic"), TOPIC)
    press_enter(page, page.locator(f"main form[action='{proposals}'] button[type=submit]"))
    arrive(journey, proposals, query=f"topic={TOPIC}")
    listed = page.locator("main ul.govuk-list h3 a")
    hrefs = listed.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    detail = reverse("jointprojects:proposal", args=[proposal.pk])
    assert detail in hrefs and len(hrefs) == 5, hrefs  # Hämeenlinna's and the four others of the topic

    press_enter(page, link(page, detail))
    arrive(journey, detail)
    matching = reverse("jointprojects:matching", args=[proposal.pk])
    press_enter(page, link(page, matching))
    arrive(journey, matching)
    # The map, and the same facts beside it as a table: the proposer and those already interested.
    assert page.locator("main figure svg[role=img] path").count() > 250
    interested = page.locator("main .govuk-grid-column-two-thirds table")
    names = interested.inner_text() if interested.count() else ""
    for other in interested_before:
        organisation = Organisation.objects.get(code=other.code)
        assert getattr(organisation, f"name_{journey.language}") in names, names
    similar = (
        page.locator("main table")
        .first.locator("a")
        .evaluate_all("links => links.map(a => a.getAttribute('href'))")
    )
    seeded = set(
        Application.objects.filter(call=proposal.call, organisation__code__in=SEEDED[TOPIC][0]).values_list(
            "pk", flat=True
        )
    )
    assert similar and {int(href.strip("/").split("/")[-1]) for href in similar[:4]} <= seeded, similar
    press_enter(page, page.locator("a.govuk-back-link"), backwards=True)
    arrive(journey, detail)

    choose_radio(page, "kind", Interest.Kind.PARTNER)
    type_into(page, page.locator("#id_note"), note)
    press_enter(
        page,
        page.locator(f"main form[action='{reverse('jointprojects:interest', args=[proposal.pk])}'] button"),
    )
    arrive(journey, detail)
    assert note in page.locator("#interested ~ table").inner_text()


def accept_partners(journey: Journey, proposal):
    """The proposer sees both interests on the proposal's page and accepts them."""
    page = journey.page
    go_to_joint_projects(journey)
    detail = reverse("jointprojects:proposal", args=[proposal.pk])
    press_enter(page, link(page, detail))
    arrive(journey, detail)
    table = page.locator("#interested ~ table").inner_text()
    assert "Espoo" in table and "Tampere" in table
    for code in (ESPOO.code, TAMPERE.code):
        interest = Interest.objects.get(proposal=proposal, organisation__code=code)
        accept = reverse("jointprojects:accept_interest", args=[interest.pk])
        press_enter(page, page.locator(f"main form[action='{accept}'] button"))
        arrive(journey, detail)
        assert page.locator(f"main form[action='{accept}']").count() == 0
    assert page.locator("#interested ~ table .govuk-tag--green").count() == 2


def seat_the_tables(journey: Journey, workshop, proposal):
    """The official's dashboard, the workshop, its tables suggested from clusters of similar proposals
    (three tables, one a topic), a theme renamed, the tables saved and shown on the workshop's page."""
    page = journey.page
    journey.sign_in(OFFICIAL, ministry=True)
    into_main(page)
    go_to_joint_projects(journey, ministry=True)
    assert page.locator("main figure svg[role=img]").count() == 1  # the regions' map
    manage = reverse("jointprojects:manage_workshop", args=[workshop.pk])
    press_enter(page, link(page, manage))
    arrive(journey, manage)
    tables = reverse("jointprojects:tables", args=[workshop.pk])
    press_enter(page, link(page, tables))
    arrive(journey, tables)
    type_into(page, page.locator("#id_count"), "3")
    press_enter(page, page.locator("main form:has(input[name=suggest]) button[type=submit]"))
    arrive(journey, tables, query="suggest=1")
    assert page.locator("main fieldset[id^=table-]").count() == 3

    # Each suggested table holds the proposals of one topic; Hämeenlinna's sits with the e-services ones.
    def seated(number):
        return {
            int(select.get_attribute("name").removeprefix("proposal-"))
            for select in page.locator(f"#table-{number} select").all()
        }

    by_topic = {
        topic: set(
            Application.objects.filter(call=proposal.call, organisation__code__in=codes).values_list(
                "pk", flat=True
            )
        )
        for topic, (codes, *_texts) in SEEDED.items()
    }
    by_topic[TOPIC].add(proposal.pk)
    suggested = [seated(number) for number in (1, 2, 3)]
    assert sorted(map(sorted, suggested)) == sorted(map(sorted, by_topic.values())), suggested
    number = next(n for n, pks in enumerate(suggested, start=1) if proposal.pk in pks)
    theme = "Asiointi yhdessä"
    type_into(page, page.locator(f"#table-{number}-title_fi"), theme)
    press_enter(page, page.locator("main button[name=action][value=save]"), backwards=True)
    arrive(journey, tables)

    table = WorkshopTable.objects.get(workshop=workshop, proposals=proposal)
    assert table.number == number and table.title_fi == theme and table.title_sv
    assert set(table.proposals.values_list("pk", flat=True)) == by_topic[TOPIC]
    assert WorkshopTable.objects.filter(workshop=workshop).count() == 3

    public = reverse("jointprojects:workshop", args=[workshop.pk])
    press_enter(page, link(page, public))
    arrive(journey, public)
    heading = page.locator("main h3", has_text=theme)
    assert heading.count() == 1
    at_table = heading.locator("xpath=following-sibling::ul[1]")
    assert at_table.locator(f"a[href='{reverse('jointprojects:proposal', args=[proposal.pk])}']").count() == 1


def start_joint_application(journey: Journey, call, proposal) -> Application:
    """From the proposal's page (where the proposer still is): start a joint application from it; its
    partners wait to confirm."""
    page = journey.page
    assert path_of(page) == reverse("jointprojects:proposal", args=[proposal.pk])
    start = reverse("jointprojects:start_joint", args=[call.pk, LEAD_PERSON.code])
    press_enter(page, page.locator(f"main a[href='{start}?proposal={proposal.pk}']"))
    arrive(journey, start, query=f"proposal={proposal.pk}")
    set_checkbox(page, page.locator(f"input[type=checkbox][name=proposals][value='{proposal.pk}']"))
    press_enter(page, page.locator("main form[method=post] button[type=submit]"))
    application = Application.objects.get(call=call, organisation__code=LEAD_PERSON.code)
    arrive(journey, reverse("applications:overview", args=[application.pk]))
    assert application.answers.get("project_name") == PROPOSAL["title"]
    states = {p.organisation.code: (p.role, p.state) for p in application.participant_rows()}
    assert states["049"] == (Participant.Role.PARTNER, "waiting")
    assert states["837"] == (Participant.Role.PARTNER, "waiting")
    assert states["109"][0] == Participant.Role.ADMINISTRATOR
    return application


def refused_until_confirmed(journey: Journey, application):
    """Everything else is written (through the same actions as the pages); check your answers lists the two
    partners that have not confirmed, and the submission is refused."""
    page = journey.page
    pk = application.pk
    check = reverse("applications:check", args=[pk])
    press_enter(page, link(page, check))
    arrive(journey, check, error=True)
    missing = page.locator(".govuk-error-summary__list li").all_inner_texts()
    assert len(missing) == 2, missing
    assert any("Espoo" in item for item in missing) and any("Tampere" in item for item in missing), missing
    press_enter(page, submit_button(page, pk), backwards=True)  # the last button of a long page
    arrive(journey, reverse("applications:submit", args=[pk]), error=True)
    missing = page.locator(".govuk-error-summary__list li").all_inner_texts()
    assert len(missing) == 2 and "Espoo" in " ".join(missing) and "Tampere" in " ".join(missing), missing
    application.refresh_from_db()
    assert application.status == Status.DRAFT and not application.case_number


def confirm_participation(journey: Journey, person: Person, application):
    """The partner's dashboard asks to confirm; its signatory confirms on the participation page."""
    page = journey.page
    dashboard = reverse("applications:dashboard")
    press_enter(page, link(page, dashboard, within="header"), backwards=True)
    arrive(journey, dashboard)
    participation = reverse("applications:participation", args=[application.pk, person.code])
    press_enter(page, page.locator(f"main .govuk-notification-banner a[href='{participation}']"))
    arrive(journey, participation)
    press_enter(page, page.locator("main form button[name=decision][value=confirm]"))
    arrive(journey, dashboard)
    assert page.locator(f"main .govuk-notification-banner a[href='{participation}']").count() == 0


def submit_joint_application(journey: Journey, application):
    """From the page that refused the submission, back to check your answers, now with nothing missing."""
    page = journey.page
    pk = application.pk
    assert path_of(page) == reverse("applications:submit", args=[pk])
    check = reverse("applications:check", args=[pk])
    press_enter(page, link(page, check))
    arrive(journey, check, main=False)
    press_enter(page, submit_button(page, pk), backwards=True)  # the last button of a long page
    arrive(journey, reverse("applications:receipt", args=[pk]))
    application.refresh_from_db()
    assert page.locator(".govuk-panel__body strong").inner_text() == application.case_number
