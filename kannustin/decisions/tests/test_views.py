"""The decision pages through the test client: from drafting to sending, the applicant's decision page and its
PDF, requests for rectification, who sees what, the public list of funded projects, and query counts."""

import io
from datetime import timedelta
from decimal import Decimal

import pypdf
import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from conftest import make_user
from kannustin.accounts.roles import Role
from kannustin.applications.models import Application, ContactPerson, Indicator, Participant, Status
from kannustin.applications.tests.helpers import make_call
from kannustin.core import clock
from kannustin.core.formats import format_date
from kannustin.registry.models import Organisation
from kannustin.reviews.models import Review

from .. import services
from ..models import Decision, DecisionTemplate, RectificationRequest, Scenario

pytestmark = pytest.mark.django_db


def choose_scenario(call, people):
    scenario = services.draw(
        call, by=people["official"], method=Scenario.Method.RANK, name="Rank order",
        budget=services.default_budget(call),
    )  # fmt: skip
    return services.choose(scenario, by=people["official"], reason="Paras kokonaisuus")


def sent_decisions(call, people, capture):
    """Every decision of the call drafted, presented, signed and sent through the services."""
    choose_scenario(call, people)
    drafts = services.prepare(call, by=people["official"])
    services.present(drafts, by=people["presenter"])
    services.sign(drafts, by=people["decision_maker"])
    with capture(execute=True):
        services.send(call, by=people["official"])


@pytest.fixture(autouse=True)
def in_english(client):
    """The pages in English, whatever the catalogues say in Finnish."""
    client.cookies["kannustin_language"] = "en"


def page(response) -> str:
    return " ".join(response.content.decode().replace("\xa0", " ").split())


def pdf_text(content: bytes) -> str:
    pages = pypdf.PdfReader(io.BytesIO(content)).pages
    return " ".join(" ".join(p.extract_text() for p in pages).replace("\xa0", " ").split())


# The whole flow -----------------------------------------------------------------------------------------


def test_from_drafting_to_a_new_decision_on_a_request_for_rectification(
    client, evaluated, people, django_capture_on_commit_callbacks
):
    call, applications = evaluated
    (helsinki, helsinki_signatory), _espoo, _korsholm = applications
    decisions_url = reverse("decisions:call_decisions", args=[call.pk])

    # Nothing to draft from before a scenario is chosen.
    client.force_login(people["official"])
    response = client.post(reverse("decisions:prepare", args=[call.pk]), follow=True)
    assert "No allocation scenario has been chosen" in page(response)
    assert not Decision.objects.exists()

    choose_scenario(call, people)
    text = page(client.get(decisions_url))
    assert "Draft the decisions from the chosen scenario" in text and "Rank order" in text
    response = client.post(reverse("decisions:prepare", args=[call.pk]), follow=True)
    assert "3 decisions were drafted" in page(response)
    assert page(response).count("Tiedolla johtamisen kehittäminen") == 3  # the projects' names in the table
    assert Decision.objects.filter(state=Decision.State.DRAFT).count() == 3

    # An official corrects a draft; an error keeps what was typed.
    draft = Decision.objects.get(application=helsinki)
    edit_url = reverse("decisions:edit", args=[draft.pk])
    response = client.post(
        edit_url, {"outcome": "granted", "amount": "", "reasons": "", "conditions": "Ehto"}
    )
    assert response.status_code == 200 and "A grant needs an amount greater than zero." in page(response)
    assert "Ehto" in page(response)
    response = client.post(edit_url, {"outcome": "granted", "amount": "8 400,00", "conditions": "Ehto"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.amount == Decimal("8400.00") and draft.conditions == "Ehto"

    # The presenter presents them all.
    client.force_login(people["presenter"])
    assert "Present all drafted decisions" in page(client.get(decisions_url))
    response = client.post(reverse("decisions:present_all", args=[call.pk]), follow=True)
    assert "3 decisions were presented" in page(response)
    assert Decision.objects.filter(state=Decision.State.PRESENTED, presenter=people["presenter"]).count() == 3

    # The decision-maker signs them.
    client.force_login(people["decision_maker"])
    response = client.post(reverse("decisions:sign_all", args=[call.pk]), follow=True)
    assert "3 decisions were signed" in page(response)
    assert all(d.number.startswith("VM/P/") for d in Decision.objects.all())

    # The official confirms the sending.
    client.force_login(people["official"])
    send_url = reverse("decisions:send", args=[call.pk])
    assert "Send the signed decisions" in page(client.get(send_url))
    response = client.post(send_url, {})
    assert response.status_code == 200 and "Confirm that the decisions may be sent." in page(response)
    assert not Decision.objects.filter(state=Decision.State.SENT).exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(send_url, {"confirm": "on"}, follow=True)
    assert "3 decisions were sent" in page(response)
    helsinki.refresh_from_db()
    assert helsinki.status == Status.GRANTED

    # The applicant sees the decision, its deadline and downloads the PDF.
    decision = Decision.objects.get(application=helsinki)
    client.force_login(helsinki_signatory)
    decision_url = reverse("decisions:decision", args=[decision.pk])
    text = page(client.get(decision_url))
    deadline = services.rectification_deadline(decision)
    assert "€8,400.00" in text and format_date(deadline, "en") in text and "Request rectification" in text
    response = client.get(reverse("decisions:pdf", args=[decision.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    assert "VM-P-" in response["Content-Disposition"]
    document = pdf_text(response.content)
    assert "Helsinki" in document and "8 400,00 €" in document and decision.number in document

    # … and the decision on the dashboard and the application's overview.
    for url in (reverse("applications:dashboard"), reverse("applications:overview", args=[helsinki.pk])):
        text = page(client.get(url))
        assert "Decision: granted €8,400.00" in text and decision_url in text, url

    # The applicant files a request for rectification.
    request_url = reverse("decisions:request_rectification", args=[decision.pk])
    assert format_date(deadline, "en") in page(client.get(request_url))
    response = client.post(request_url, {"text": ""})
    assert "Say what in the decision should change, and why." in page(response)
    response = client.post(request_url, {"text": "Pyydämme koko haettua summaa."}, follow=True)
    assert "Your request for rectification was filed" in page(response)
    request = RectificationRequest.objects.get()
    assert request.decision == decision and request.filed_by == helsinki_signatory
    assert "already been filed" in page(client.get(decision_url))

    # The official handles it to a new decision.
    client.force_login(people["official"])
    assert "Pyydämme koko" in page(client.get(reverse("decisions:rectifications")))
    handle_url = reverse("decisions:rectification", args=[request.pk])
    response = client.post(handle_url, {"outcome": "granted", "amount": "8500", "reasons": ""})
    assert response.status_code == 200 and "Give the reasons for the decision on the request." in page(
        response
    )
    response = client.post(handle_url, {"outcome": "granted", "amount": "8500", "reasons": "Uusi arvio."})
    new = Decision.objects.get(rectification=request)
    assert response.status_code == 302 and response["Location"] == reverse(
        "decisions:decision", args=[new.pk]
    )
    assert new.amount == Decimal("8500.00") and new.state == Decision.State.DRAFT

    # … presented, signed one by one and sent with the call.
    client.force_login(people["presenter"])
    client.post(reverse("decisions:present", args=[new.pk]))
    client.force_login(people["decision_maker"])
    client.post(reverse("decisions:sign", args=[new.pk]))
    client.force_login(people["official"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(send_url, {"confirm": "on"})
    new.refresh_from_db()
    request.refresh_from_db()
    assert new.state == Decision.State.SENT and request.state == RectificationRequest.State.HANDLED

    # The applicant sees the new decision in force; it is appealed to the court, not rectified again.
    client.force_login(helsinki_signatory)
    text = page(client.get(decision_url))
    assert "A newer decision replaces this one." in text and "has already been decided" in text
    text = page(client.get(reverse("decisions:decision", args=[new.pk])))
    assert "appealed to the administrative court" in text and "Request rectification</a>" not in text
    assert "hallinto-oikeu" in pdf_text(client.get(reverse("decisions:pdf", args=[new.pk])).content).lower()
    assert "Decision: granted €8,500.00" in page(client.get(reverse("applications:dashboard")))


def test_a_presenter_who_is_also_a_decision_maker_cannot_sign_what_they_presented(client, evaluated, people):
    call, _applications = evaluated
    both = make_user(Role.PRESENTER, email="both@example.com")
    both.global_roles.create(role=Role.DECISION_MAKER)
    choose_scenario(call, people)
    services.prepare(call, by=people["official"])
    client.force_login(both)
    client.post(reverse("decisions:present_all", args=[call.pk]))
    assert Decision.objects.filter(state=Decision.State.PRESENTED, presenter=both).count() == 3
    text = page(client.get(reverse("decisions:call_decisions", args=[call.pk])))
    assert "Sign all presented decisions" not in text and "another decision-maker signs them" in text
    response = client.post(reverse("decisions:sign_all", args=[call.pk]), follow=True)
    assert "3 decisions were left unsigned because you presented them yourself" in page(response)
    one = Decision.objects.first()
    response = client.post(reverse("decisions:sign", args=[one.pk]), follow=True)
    assert "You presented this decision yourself" in page(response)
    assert not Decision.objects.filter(state=Decision.State.SIGNED).exists()
    # Another decision-maker signs; the page offers the buttons the rules allow.
    client.force_login(people["decision_maker"])
    text = page(client.get(reverse("decisions:decision", args=[one.pk])))
    assert "Sign the decision" in text and "Return to the officials as a draft" in text
    assert "Present to the decision-maker" not in text and "Edit the draft" not in text
    client.post(reverse("decisions:return", args=[one.pk]))
    one.refresh_from_db()
    assert one.state == Decision.State.DRAFT and one.presenter is None


def test_the_deadline_for_a_request_for_rectification(
    client, evaluated, people, django_capture_on_commit_callbacks
):
    call, applications = evaluated
    sent_decisions(call, people, django_capture_on_commit_callbacks)
    korsholm, signatory = applications[2]
    decision = Decision.objects.get(application=korsholm)
    deadline = services.rectification_deadline(decision)
    url = reverse("decisions:request_rectification", args=[decision.pk])
    last_day = clock.helsinki(decision.sent_at).replace(hour=12) + (
        deadline - clock.helsinki(decision.sent_at).date()
    )
    with time_machine.travel(last_day, tick=False):
        client.force_login(signatory)  # a session of that day
        assert "File the request" in page(client.get(url))
    with time_machine.travel(last_day + timedelta(days=1), tick=False):
        client.force_login(signatory)
        ended = f"The 30 days for a request for rectification ended on {format_date(deadline, 'en')}."
        text = page(client.get(reverse("decisions:decision", args=[decision.pk])))
        assert ended in text and "Request rectification</a>" not in text
        response = client.post(url, {"text": "Hakemuksemme arvioitiin väärin."})
        assert response.status_code == 200
        text = page(response)
        assert ended in text and "Hakemuksemme arvioitiin väärin." in text  # nothing typed is lost
    assert not RectificationRequest.objects.exists()


def test_before_sending_a_decision_is_the_ministrys_only(
    client, evaluated, people, django_capture_on_commit_callbacks
):
    call, applications = evaluated
    (helsinki, signatory), (espoo, espoo_signatory), _korsholm = applications
    choose_scenario(call, people)
    services.prepare(call, by=people["official"])
    decision = Decision.objects.get(application=helsinki)
    urls = [reverse("decisions:decision", args=[decision.pk]), reverse("decisions:pdf", args=[decision.pk])]
    for user in (signatory, espoo_signatory, people["reviewers"][0]):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 404, (user, url)
        assert (
            client.post(
                reverse("decisions:request_rectification", args=[decision.pk]), {"text": "x"}
            ).status_code
            == 404
        )
    # The ministry reads the draft; its PDF says it is a draft.
    client.force_login(people["presenter"])
    assert client.get(urls[0]).status_code == 200
    assert "Luonnos" in pdf_text(client.get(urls[1]).content)  # the document is in the application's language
    # Once sent: the applicant's people see it, others still do not.
    services.present([decision], by=people["presenter"])
    services.sign([decision], by=people["decision_maker"])
    with django_capture_on_commit_callbacks(execute=True):
        services.send(call, by=people["official"])
    client.force_login(signatory)
    assert client.get(urls[0]).status_code == 200 and client.get(urls[1]).status_code == 200
    client.force_login(espoo_signatory)
    assert client.get(urls[0]).status_code == 404 and client.get(urls[1]).status_code == 404
    # The ministry's list pages are not for municipal users.
    for name, args in [("decisions:index", []), ("decisions:call_decisions", [call.pk]),
                       ("decisions:rectifications", [])]:  # fmt: skip
        assert client.get(reverse(name, args=args)).status_code == 403


def test_the_overview_for_officials_and_for_presenters(client, evaluated, people):
    call, _applications = evaluated
    choose_scenario(call, people)
    services.prepare(call, by=people["official"])
    client.force_login(people["official"])
    text = page(client.get(reverse("decisions:index")))
    assert "6 of 6 assigned reviews submitted" in text and "Decision proposal: Rank order" in text
    assert "Drafted: 3" in text and reverse("reviews:assignments", args=[call.pk]) in text
    client.force_login(people["presenter"])
    text = page(client.get(reverse("decisions:index")))
    assert "Drafted: 3" in text and "assigned reviews" not in text
    client.force_login(people["reviewers"][0])
    assert client.get(reverse("decisions:index")).status_code == 403


# The public list ----------------------------------------------------------------------------------------


def test_the_funded_projects_leave_out_business_secrets(
    client, evaluated, people, django_capture_on_commit_callbacks
):
    call, applications = evaluated
    sent_decisions(call, people, django_capture_on_commit_callbacks)
    (helsinki, _s), (espoo, _s2), (korsholm, _s3) = applications
    Application.objects.filter(pk=espoo.pk).update(
        answers={**espoo.answers, "project_name": "Salainen hanke", "summary": "Salainen tiivistelmä"},
        confidential_keys=["project_name", "summary"],
    )
    ContactPerson.objects.filter(application=helsinki).update(title="Projektipäällikkö")
    with translation.override("en"):
        url = reverse("funded_projects")
    text = page(client.get(url))
    assert "2 funded projects, €16,500.00 granted in total" in text
    assert "Tiedolla johtamisen kehittäminen" in text  # Helsinki's name
    assert "Salainen hanke" not in text and "Salainen tiivistelmä" not in text
    assert "Name not public" in text and "Summary not public" in text
    assert "Käsittelyaika: from 10 pv to 2 pv" in text
    assert "Sanna, Projektipäällikkö" in text and "sanna@example.com" not in text
    assert "Mustasaari" not in text  # rejected
    # Filters by region and in Swedish.
    uusimaa, ostrobothnia = Organisation.objects.get(code="091").region, korsholm.organisation.region
    assert "2 funded projects" in page(client.get(url, {"region": uusimaa.pk, "call": call.pk}))
    assert "0 funded projects" in page(client.get(url, {"region": ostrobothnia.pk}))
    swedish = client.post(reverse("set_language", args=["sv"]), {"next": url})["Location"]
    assert swedish == url.replace("/en/", "/sv/", 1)  # the same page at its Swedish address
    assert "Helsingfors" in page(client.get(swedish))


# Query counts -------------------------------------------------------------------------------------------


def _bulk_decided(call, count, *, official, start=0):
    """Query-count data only: granted applications with participants, indicators, contacts, reviews and sent
    decisions, written in bulk."""
    services.ensure_templates()
    template = DecisionTemplate.current("grant", "fi")
    organisations = list(Organisation.objects.filter(code__in=["091", "049", "092", "853"]).order_by("code"))
    now = clock.now()
    applications = Application.objects.bulk_create(
        Application(
            call=call, question_set=call.current_question_set(), organisation=organisations[i % 4],
            status=Status.GRANTED, answers={"project_name": f"Hanke {i}", "summary": f"Tiivistelmä {i}"},
            requested_amount=Decimal("1000.00") + i, case_number=f"VM/{i}/2099", submitted_at=now,
            created_by=official,
        )
        for i in range(start, start + count)
    )  # fmt: skip
    Participant.objects.bulk_create(
        p
        for i, a in enumerate(applications)
        for p in (
            Participant(application=a, organisation=a.organisation, role=Participant.Role.LEAD),
            Participant(application=a, organisation=organisations[(i + 1) % 4], role=Participant.Role.PARTNER,
                        confirmed_at=now, order=1),
        )
    )  # fmt: skip
    Indicator.objects.bulk_create(
        Indicator(application=a, name="Aika", baseline="10", target="2", follow_up="x") for a in applications
    )
    ContactPerson.objects.bulk_create(
        ContactPerson(application=a, name="Sanna", title="PP", email="s@example.com") for a in applications
    )
    reviewer = make_user(Role.REVIEWER, email=f"bulk{start}@example.com")
    Review.objects.bulk_create(
        Review(application=a, reviewer=reviewer, state=Review.State.SUBMITTED) for a in applications
    )
    Decision.objects.bulk_create(
        Decision(
            application=a, outcome=Decision.Outcome.GRANTED, state=Decision.State.SENT, amount=a.requested_amount,
            template=template, created_by=official, sent_at=now, number=f"VM/P/{a.pk}/2099",
        )
        for a in applications
    )  # fmt: skip
    return applications


@pytest.mark.parametrize(
    "name", ["decisions:index", "decisions:call_decisions", "funded_projects", "applications:dashboard"]
)
def test_pages_keep_their_queries_from_few_to_many_decisions(client, people, name, django_assert_num_queries):
    call = make_call(slug="maara")
    official = people["official"]
    Scenario.objects.create(call=call, name="A", method="rank", budget=1, created_by=official)
    _bulk_decided(call, 2, official=official)
    with translation.override("en"):  # the funded projects' public page in English
        url = reverse(name, args=[call.pk] if name == "decisions:call_decisions" else [])
    if name == "applications:dashboard":  # the applicant's decisions, through the template tag
        client.force_login(make_user(Role.SIGNATORY, Organisation.objects.get(code="091")))
    else:
        client.force_login(official)
    client.get(url)  # warm-up: session, caches, the locked question set
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    expected = len(few.captured_queries)  # now: the next request empties the log
    _bulk_decided(call, 40, official=official, start=2)
    other = make_call(slug="toinen")
    _bulk_decided(other, 5, official=official, start=100)
    if name != "decisions:call_decisions":
        client.get(url)  # the other call's question set
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200
    if name == "funded_projects":
        assert "47 funded projects" in page(response)
    if name == "applications:dashboard":
        assert page(response).count("Decision: granted") == 25  # Helsinki leads or takes part in 25 of 47
    assert expected <= 15
