"""The whole evaluation of the current demo call, from assignment to the public list of funded projects.

Three applications are submitted in the demo round's open track-1 call: Hämeenlinna's and Tampere's in
Finnish, Närpes's in Swedish. Three reviewers hold the reviewer role. In browsers of their own, by keyboard
only, with axe judging every page:

1. the official (Finnish, second factor) opens Evaluation and decisions, the call's reviewers, and assigns
   them automatically, two per application;
2. a reviewer declares himself disqualified from one application (ground and explanation): it leaves his
   reviews, its pages answer him 404, the official's list of declarations shows it, and it went to the third
   reviewer;
3. he declares himself not disqualified from his other application and scores it; its second reviewer scores
   it after him and then sees his scores (the other reviews are written with the services);
4. the official draws an optimiser scenario on the ranking page with a budget for two grants, chooses it with a
   reason and drafts the decisions;
5. the presenter presents them all, the decision-maker (another person) signs them all, and the official sends
   them after confirming;
6. Närpes's signatory (Swedish) opens the decision from her dashboard and downloads its PDF: it names Närpes,
   gives the amount the Swedish way and the rectification instructions in Swedish;
7. anyone finds the Närpes project with its granted amount on the public list of funded projects.
"""

import time
from contextlib import ExitStack
from decimal import Decimal

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import translation

from e2e.conftest import assert_no_csp_violations, watch_csp
from e2e.journey import (
    Journey,
    choose_radio,
    link,
    path_of,
    pdf_text,
    press_enter,
    set_checkbox,
    type_into,
    wait_for_email,
)
from kannustin.accounts.models import Membership, User
from kannustin.accounts.roles import Role
from kannustin.applications import actions
from kannustin.applications.models import Application, Status
from kannustin.applications.tests.helpers import rate_maturity
from kannustin.applications.validation import budget_years
from kannustin.core import clock
from kannustin.decisions.models import Decision, Scenario
from kannustin.demo.users import DEMO_PASSWORD, create_demo_users
from kannustin.jointprojects.tests.helpers import answer_for
from kannustin.programmes import setup
from kannustin.programmes.models import Call
from kannustin.registry.models import Organisation
from kannustin.reviews import services as reviews
from kannustin.reviews.models import ApplicationScore, Ground, Review
from kannustin.reviews.tests.helpers import scores

pytestmark = pytest.mark.django_db(transaction=True)

OFFICIAL = "official@kannustin.example"
PRESENTER = "presenter@kannustin.example"
DECISION_MAKER = "decision-maker@kannustin.example"
# The panel: three reviewers (the demo's other two are taken out of the pool for this round).
RISTO = "reviewer@kannustin.example"
ANNA = "reviewer.anna@kannustin.example"
PEKKA = "reviewer.pekka@kannustin.example"
NOT_IN_THE_PANEL = ("reviewer.sofia@kannustin.example", "reviewer.tuula@kannustin.example")
NARPES_SIGNATORY = "signatory.narpes@kannustin.example"  # the demo's, in Swedish
TAMPERE_SIGNATORY = "signatory.tampere@kannustin.example"

REQUESTED = Decimal("8500.00")
ELIGIBLE = "10000.00"  # 85 % of it is the amount applied for: the largest possible grant
BUDGET = "17 000,00"  # enough for two of the three
NBSP = "\u00a0"

# (municipality code, signatory, language, project name, summary)
APPLICATIONS = [
    ("109", "signatory@kannustin.example", "fi", "Ostolaskujen automaatio Hämeenlinnassa",
     "Ostolaskut käsitellään automaattisesti vastaanotosta maksuun."),
    ("837", TAMPERE_SIGNATORY, "fi", "Tiedolla johtamisen alusta Tampereella",
     "Talouden ja palvelujen tiedot yhteen näkymään johtamisen tueksi."),
    ("545", NARPES_SIGNATORY, "sv", "Automatiserad fakturahantering i Närpes",
     "Inköpsfakturorna behandlas automatiskt från mottagning till betalning."),
]  # fmt: skip


def submit_demo_application(call, code, email, language, title, summary) -> Application:
    """A complete application of the municipality in the demo call (its real form), submitted by its
    signatory through the same actions as the pages use."""
    organisation = Organisation.objects.get(code=code)
    signatory = User.objects.get(email=email)
    application = actions.create_draft(call, organisation, by=signatory)
    answers = {}
    for question in application.questions():
        if question.required:
            value = answer_for(question, call)
            if value is not None:
                answers[question.key] = value
    answers.update({"project_name": title, "summary": summary})
    year = budget_years(call)[0]
    application = actions.save(
        application, by=signatory, version=application.version,
        changes={
            "answers": answers,
            "budget": [{"category": "personnel", "year": year, "description": "Projektipäällikkö", "amount": ELIGIBLE}],
            "requested_amount": str(REQUESTED),
            "contacts": [{"name": signatory.name, "email": email}],
            "indicators": [{"name": "Käsittelyaika", "baseline": "10 pv", "target": "2 pv", "follow_up": "Kuukausittain"}],
            "participants_confirmed": True,
        },
    )  # fmt: skip
    rate_maturity(organisation, call, signatory)
    application = actions.submit(application, by=signatory)
    assert application.status == Status.SUBMITTED and application.language == language
    return application


@pytest.fixture
def round_(reference_data, settings, tmp_path):
    """The current demo call with three submitted applications, the demo's ministry people, and a reviewer
    panel of three."""
    settings.MEDIA_ROOT = str(tmp_path)  # the receipts and decision PDFs go away with the test
    programme = setup.create_demo_programme(clock.helsinki(clock.now()).date())
    call = programme.calls.get(stage=Call.Stage.APPLICATION, track__kind="applications")
    create_demo_users()
    User.objects.filter(email__in=NOT_IN_THE_PANEL).update(is_active=False)
    tampere = User.objects.create_user(email=TAMPERE_SIGNATORY, password=DEMO_PASSWORD, name="Tuula Tampere")
    EmailAddress.objects.create(user=tampere, email=TAMPERE_SIGNATORY, verified=True, primary=True)
    Membership.objects.create(
        user=tampere, organisation=Organisation.objects.get(code="837"), role=Role.SIGNATORY
    )
    applications = [submit_demo_application(call, *spec) for spec in APPLICATIONS]
    assert call.reviewers_per_application == 2
    assert list(reviews.reviewers().values_list("email", flat=True).order_by("email")) == sorted(
        [RISTO, ANNA, PEKKA]
    )
    assert User.objects.get(email=NARPES_SIGNATORY).language == "sv"
    mail.outbox.clear()
    return {"call": call, "applications": applications}


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


def test_evaluation_from_assignment_to_the_public_list(round_, browsers):
    started = time.monotonic()
    open_for, opened = browsers
    call = round_["call"]
    narpes = round_["applications"][-1]
    codes = [criterion.code for criterion in call.criteria.all() if criterion.is_scored]
    assert len(codes) == 10  # G1–G2 (weight 2) and C1–C8

    # 1. The official assigns the reviewers automatically, two per application.
    official = open_for("fi", "fi-FI")
    official.sign_in(OFFICIAL, ministry=True)
    assign_automatically(official, call, round_["applications"])
    panel = {
        application.pk: set(Review.objects.filter(application=application).values_list("reviewer__email", flat=True))
        for application in round_["applications"]
    }  # fmt: skip
    assert all(len(people) == 2 for people in panel.values())
    # Risto has two of the three applications (the work is spread evenly). He is disqualified from one that is
    # not Närpes's and reviews the other.
    his = [a for a in round_["applications"] if RISTO in panel[a.pk]]
    assert len(his) == 2
    left, kept = his if his[0] != narpes else (his[1], his[0])
    (third,) = {RISTO, ANNA, PEKKA} - panel[left.pk]
    (second,) = panel[kept.pk] - {RISTO}

    # 2. Risto declares himself disqualified from `left`: it went to the third reviewer.
    risto = open_for("fi", "fi-FI")
    risto.sign_in(RISTO, ministry=True)
    declare_disqualified(risto, left)
    declaration = Review.objects.get(application=left, reviewer__email=RISTO)
    assert declaration.replaced_by == Review.objects.get(application=left, reviewer__email=third)
    told = wait_for_email(lambda m: OFFICIAL in m.to and left.case_number in m.subject)
    assert User.objects.get(email=third).name in told.body
    # The official's list of declarations shows it.
    declarations = reverse("reviews:declarations", args=[call.pk])
    press_enter(official.page, link(official.page, declarations))
    official.arrived(declarations)
    rows = official.page.locator("main table tbody tr")
    assert rows.count() == 1
    row = rows.inner_text()
    assert left.case_number in row and declaration.explanation in row
    assert User.objects.get(email=RISTO).name in row and User.objects.get(email=third).name in row

    # 3. Two reviews of `kept` in the browser: Risto's first, then the other reviewer's, who sees his scores.
    risto_scores = dict.fromkeys(codes, 3)
    review_in_browser(risto, RISTO, kept, risto_scores)
    other = open_for("fi", "fi-FI")
    other.sign_in(second, ministry=True)
    review_in_browser(other, second, kept, dict.fromkeys(codes, 4), earlier=risto_scores)
    # The other reviews with the services: Närpes's the best, the application Risto left the weakest.
    for application, value in ((narpes, 5), (left, 2)):
        for review in Review.objects.filter(application=application).exclude(state=Review.State.DISQUALIFIED):
            reviewer = review.reviewer
            review = reviews.declare(review, by=reviewer, disqualified=False)
            reviews.submit(
                review, by=reviewer, scores=scores(**dict.fromkeys(codes, value)), comment="",
                version=review.version,
            )  # fmt: skip
    for application, expected in ((narpes, "5.000"), (kept, "3.500"), (left, "2.000")):
        score = ApplicationScore.objects.get(application=application)
        assert (score.score, score.complete) == (Decimal(expected), 2)

    # 4. The official ranks, draws an optimiser scenario for two grants, chooses it and drafts the decisions.
    scenario = allocate(official, call, [narpes, kept, left])
    amounts = dict(scenario.lines.values_list("application_id", "amount"))
    assert amounts == {narpes.pk: REQUESTED, kept.pk: REQUESTED, left.pk: Decimal("0.00")}
    drafts = Decision.objects.filter(application__call=call, state=Decision.State.DRAFT)
    assert sorted(drafts.values_list("outcome", flat=True)) == ["granted", "granted", "rejected"]

    # 5. The presenter presents them all, the decision-maker signs them all, the official sends them.
    presenter = open_for("fi", "fi-FI")
    presenter.sign_in(PRESENTER, ministry=True)
    decision_step(presenter, call, "present_all", Decision.State.PRESENTED)
    decision_maker = open_for("fi", "fi-FI")
    decision_maker.sign_in(DECISION_MAKER, ministry=True)
    decision_step(decision_maker, call, "sign_all", Decision.State.SIGNED)
    send_decisions(official, call)
    decisions = list(
        Decision.objects.filter(application__call=call).select_related("presenter", "decision_maker")
    )
    assert len(decisions) == 3
    for decision in decisions:
        assert decision.state == Decision.State.SENT and decision.number
        assert (decision.presenter.email, decision.decision_maker.email) == (PRESENTER, DECISION_MAKER)
        assert decision.presenter_id != decision.decision_maker_id
    statuses = dict(Application.objects.filter(call=call).values_list("pk", "status"))
    assert statuses == {narpes.pk: Status.GRANTED, kept.pk: Status.GRANTED, left.pk: Status.REJECTED}
    decision = Decision.objects.get(application=narpes)
    assert (decision.language, decision.outcome, decision.amount) == ("sv", "granted", REQUESTED)
    wait_for_email(lambda m: NARPES_SIGNATORY in m.to and narpes.case_number in m.subject)

    # 6. Närpes's signatory reads the decision and its PDF, in Swedish.
    applicant = open_for("sv", "sv-FI")
    applicant.sign_in(NARPES_SIGNATORY)
    text = read_the_decision(applicant, decision)
    organisation = narpes.organisation
    assert f"{organisation.name_sv} ({organisation.identifier})" in text  # the recipient
    assert "högst 8 500,00 €" in text  # the amount written the Swedish (and Finnish) way
    assert decision.number in text
    assert "omprövning" in text and "30 dagar" in text  # the rectification instructions in Swedish

    # 7. Anyone finds the project on the public list of funded projects.
    anyone = open_for("sv", "sv-FI")
    public_list(anyone, narpes)

    pages = sum(len(journey.visited) for _violations, journey in opened)
    print(f"\nThe evaluation journey: {pages} pages checked by axe in {time.monotonic() - started:.0f} s")


def plain(text: str) -> str:
    """Text with its no-break spaces as spaces, whitespace collapsed."""
    return " ".join(text.replace(NBSP, " ").replace("\u202f", " ").split())


def go_by_header(journey: Journey, url: str):
    """To one of the service navigation's pages, by its link in the header (unless already there)."""
    page = journey.page
    if path_of(page) != url:
        press_enter(page, link(page, url, within="header"))
        journey.arrived(url)


def submit_button(page, action: str):
    return page.locator(f"main form[action='{action}'] button[type=submit]")


def assign_automatically(journey: Journey, call, applications):
    page = journey.page
    go_by_header(journey, reverse("decisions:index"))
    assignments = reverse("reviews:assignments", args=[call.pk])
    press_enter(page, link(page, assignments))
    journey.arrived(assignments)
    assert page.locator("main table tbody tr[id^=application-]").count() == len(applications)
    press_enter(page, submit_button(page, reverse("reviews:auto_assign", args=[call.pk])))
    journey.arrived(assignments)
    assert Review.objects.filter(application__call=call).count() == 2 * len(applications)
    for application in applications:
        assert page.locator(f"#application-{application.pk} li").count() == 2


def declare_disqualified(journey: Journey, application):
    page = journey.page
    mine = reverse("reviews:mine")
    go_by_header(journey, mine)
    review = Review.objects.get(application=application, reviewer__email=RISTO)
    declare = reverse("reviews:declare", args=[review.pk])
    press_enter(page, link(page, declare))
    journey.arrived(declare)
    choose_radio(page, "disqualified", "yes")
    choose_radio(page, "ground", Ground.EMPLOYMENT)
    type_into(
        page, page.locator("#id_explanation"), "Olin hakijan palveluksessa, kun hanketta valmisteltiin."
    )
    press_enter(page, page.locator("main form button[type=submit]"))
    journey.arrived(mine)
    review.refresh_from_db()
    assert review.state == Review.State.DISQUALIFIED and review.ground == Ground.EMPLOYMENT
    # Only the declaration is left on his page: no link to the application any more.
    assert page.locator(f"main a[href='{declare}']").count() == 0
    assert application.case_number in page.locator("#declarations ~ table").inner_text()
    # Its pages, typed in the address bar, answer him 404.
    for url in (
        reverse("reviews:review", args=[review.pk]),
        declare,
        reverse("applications:ministry_detail", args=[application.pk]),
    ):
        response = page.goto(url)
        assert response.status == 404, url
        journey.arrived(url)
    go_by_header(journey, mine)


def review_in_browser(
    journey: Journey, email: str, application, values: dict, *, earlier: dict | None = None
):
    """From My reviews: the declaration (not disqualified), then every criterion scored and justified, the
    overall comment, and the review submitted. Only then do the other reviewers' submitted reviews show."""
    page = journey.page
    mine = reverse("reviews:mine")
    go_by_header(journey, mine)
    review = Review.objects.get(application=application, reviewer__email=email)
    declare = reverse("reviews:declare", args=[review.pk])
    url = reverse("reviews:review", args=[review.pk])
    press_enter(page, link(page, declare))
    journey.arrived(declare)
    choose_radio(page, "disqualified", "no")
    press_enter(page, page.locator("main form button[type=submit]"))
    journey.arrived(url)
    assert page.locator("#others").count() == 0  # nothing of the others' reviews before one's own
    if earlier is not None:
        assert justification(*next(iter(earlier.items()))) not in page.locator("main").inner_text()
    for code, value in values.items():
        choose_radio(page, f"score_{code}", str(value))
        type_into(page, page.locator(f"#id_justification_{code}"), justification(code, value))
    type_into(page, page.locator("#id_comment"), "Selkeä ja toteuttamiskelpoinen hanke.")
    press_enter(page, page.locator("main form button[name=action][value=submit]"))
    journey.arrived(url)
    review.refresh_from_db()
    assert review.state == Review.State.SUBMITTED
    assert {code: item["score"] for code, item in review.scores.items()} == values
    assert page.locator("#others").count() == 1
    others = page.locator("#others ~ .govuk-summary-card")
    if earlier is None:
        assert others.count() == 0
        return
    assert others.count() == 1
    text = others.inner_text()
    assert all(justification(code, value) in text for code, value in earlier.items())
    # The scores side by side: one's own, the other reviewer's and the mean, per criterion.
    rows = page.locator("#others ~ table tbody tr")
    for index, code in enumerate(values):
        own, theirs = values[code], earlier[code]
        mean = f"{(own + theirs) / 2:.2f}".replace(".", ",")
        cells = rows.nth(index).locator("td").all_inner_texts()
        assert cells[1:4] == [str(own), str(theirs), mean], (code, cells)


def justification(code: str, value: int) -> str:
    return f"Kriteeri {code} täyttyy tasolla {value}."


def allocate(journey: Journey, call, ranked) -> Scenario:
    page = journey.page
    go_by_header(journey, reverse("decisions:index"))
    ranking = reverse("decisions:ranking", args=[call.pk])
    press_enter(page, link(page, ranking))
    journey.arrived(ranking)
    rows = page.locator("main table").first.locator("tbody tr")
    assert [rows.nth(i).locator("td").nth(1).inner_text().split("\n")[0] for i in range(3)] == [
        application.case_number for application in ranked
    ]
    # A new scenario from the form on the ranking page.
    type_into(page, page.locator("#id_name"), "Optimoija, kaksi avustusta")
    choose_radio(page, "method", Scenario.Method.OPTIMISER)
    type_into(page, page.locator("#id_budget"), BUDGET)
    press_enter(page, submit_button(page, reverse("decisions:draw", args=[call.pk])))
    scenario = Scenario.objects.get(call=call)
    assert scenario.method == Scenario.Method.OPTIMISER and scenario.budget == Decimal("17000.00")
    url = reverse("decisions:scenario", args=[scenario.pk])
    journey.arrived(url)
    # Chosen as the decision proposal, with a reason.
    type_into(page, page.locator("#id_reason"), "Suurin yhteispistemäärä talousarvion rajoissa.")
    press_enter(page, submit_button(page, reverse("decisions:choose", args=[scenario.pk])))
    journey.arrived(url)
    scenario.refresh_from_db()
    assert scenario.chosen_at and scenario.choice_reason.startswith("Suurin")
    # The decisions of the call, drafted from it.
    decisions = reverse("decisions:call_decisions", args=[call.pk])
    press_enter(page, link(page, decisions))
    journey.arrived(decisions)
    press_enter(page, submit_button(page, reverse("decisions:prepare", args=[call.pk])))
    journey.arrived(decisions)
    assert page.locator("main table tbody tr").count() == 3
    return scenario


def decision_step(journey: Journey, call, action: str, state: str):
    """The presenter's or the decision-maker's step on all the call's decisions at once."""
    page = journey.page
    go_by_header(journey, reverse("decisions:index"))
    decisions = reverse("decisions:call_decisions", args=[call.pk])
    press_enter(page, link(page, decisions))
    journey.arrived(decisions)
    press_enter(page, submit_button(page, reverse(f"decisions:{action}", args=[call.pk])))
    journey.arrived(decisions)
    assert Decision.objects.filter(application__call=call, state=state).count() == 3


def send_decisions(journey: Journey, call):
    page = journey.page
    go_by_header(journey, reverse("decisions:index"))
    decisions = reverse("decisions:call_decisions", args=[call.pk])
    press_enter(page, link(page, decisions))
    journey.arrived(decisions)
    send = reverse("decisions:send", args=[call.pk])
    press_enter(page, link(page, send))
    journey.arrived(send)
    # Not without the confirmation.
    button = page.locator("main form button[type=submit]")
    press_enter(page, button)
    journey.arrived(send, error=True)
    assert Decision.objects.filter(application__call=call, state=Decision.State.SIGNED).count() == 3
    set_checkbox(page, page.locator("input[name=confirm]"))
    press_enter(page, button)
    journey.arrived(decisions)


def read_the_decision(journey: Journey, decision) -> str:
    """From the dashboard to the decision and its PDF, downloaded with Enter on its link; the PDF's text."""
    page = journey.page
    go_by_header(journey, reverse("applications:dashboard"))
    url = reverse("decisions:decision", args=[decision.pk])
    press_enter(page, link(page, url))
    journey.arrived(url)
    assert "8 500,00 €" in plain(page.locator("main").inner_text())
    with page.expect_download() as download:
        press_enter(page, link(page, reverse("decisions:pdf", args=[decision.pk])), navigates=False)
    with open(download.value.path(), "rb") as stored:
        return plain(pdf_text(stored.read()))


def public_list(journey: Journey, application):
    page = journey.page
    page.goto("/")  # the one address typed in the address bar: on to the front page's Finnish address
    journey.arrived("/fi/", language="fi")
    press_enter(
        page, page.locator(f"header button.govuk-language-navigation__link[lang='{journey.language}']")
    )
    journey.arrived(f"/{journey.language}/")
    with translation.override(journey.language):
        go_by_header(journey, reverse("funded_projects"))
    cards = page.locator("main .govuk-summary-card")
    assert cards.count() == 2
    card = page.locator("main .govuk-summary-card", has_text=application.title)
    assert card.count() == 1
    text = plain(card.inner_text())
    assert "Närpes" in text and "8 500,00 €" in text
