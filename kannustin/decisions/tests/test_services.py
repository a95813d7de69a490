"""From reviews to sent decisions, and requests for rectification: the rules where they live."""

import io
from datetime import timedelta
from decimal import Decimal

import pypdf
import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from conftest import make_user
from kannustin.accounts.roles import Role
from kannustin.applications.models import Status
from kannustin.core import clock
from kannustin.core.models import Notification
from kannustin.core.permissions import can
from kannustin.maturity.models import SelfAssessment

from .. import services
from ..models import Decision, RectificationRequest, Scenario
from ..tasks import stored_pdf

pytestmark = pytest.mark.django_db


def decide_all(call, people, method=Scenario.Method.RANK):
    scenario = services.draw(
        call, by=people["official"], method=method, name="A", budget=services.default_budget(call)
    )
    services.choose(scenario, by=people["official"], reason="Paras kokonaisuus")
    drafts = services.prepare(call, by=people["official"])
    services.present(drafts, by=people["presenter"])
    services.sign(drafts, by=people["decision_maker"])
    services.send(call, by=people["official"])
    return scenario


def test_rank_order_and_the_chosen_scenario_become_sent_decisions(
    evaluated, people, django_capture_on_commit_callbacks
):
    call, applications = evaluated
    with django_capture_on_commit_callbacks(execute=True):
        decide_all(call, people)
    (helsinki, _s1), (espoo, _s2), (korsholm, _s3) = applications
    # Budget 20 000: Helsinki 8 500 and Espoo 8 000 fit, Korsholm's 7 000 does not.
    helsinki.refresh_from_db()
    espoo.refresh_from_db()
    korsholm.refresh_from_db()  # noqa: E702
    assert (helsinki.status, espoo.status, korsholm.status) == (
        Status.GRANTED,
        Status.GRANTED,
        Status.REJECTED,
    )
    granted = Decision.objects.get(application=helsinki)
    assert granted.amount == Decimal("8500.00") and granted.max_share == Decimal("0.850")
    assert granted.number.startswith("VM/P/") and granted.eligible_costs == Decimal("10000.00")
    assert granted.presenter == people["presenter"] and granted.decision_maker == people["decision_maker"]
    assert granted.pdf  # made and kept when sent
    assert any("VM/" in m.subject for m in mail.outbox)
    # A decided application is no longer withdrawn or edited.
    assert not can(_s1, "applications.withdraw_application", helsinki)
    assert helsinki.editing_refusal() == "decided"


def test_a_swedish_rejection_is_written_in_swedish_with_rectification_instructions(
    evaluated, people, django_capture_on_commit_callbacks
):
    call, applications = evaluated
    with django_capture_on_commit_callbacks(execute=True):
        decide_all(call, people)
    decision = Decision.objects.get(application=applications[2][0])
    assert decision.language == "sv" and decision.outcome == Decision.Outcome.REJECTED
    text = " ".join(
        " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(stored_pdf(decision))).pages).split()
    )
    assert "Korsholm" in text and "omprövning" in text and "30 dagar" in text
    assert "7 000,00 €" in text.replace("\u00a0", " ")


def test_the_presenter_cannot_sign_what_they_presented(evaluated, people):
    call, _applications = evaluated
    both = make_user(Role.PRESENTER, email="both@example.com")
    both.global_roles.create(role=Role.DECISION_MAKER)
    both = type(both).objects.get(pk=both.pk)
    scenario = services.draw(
        call, by=people["official"], method=Scenario.Method.RANK, name="A", budget=Decimal("20000")
    )
    services.choose(scenario, by=people["official"], reason="x")
    drafts = services.prepare(call, by=people["official"])
    services.present(drafts, by=both)
    with pytest.raises(PermissionDenied):
        services.sign(drafts, by=both)
    decision = Decision.objects.get(pk=drafts[0].pk)
    decision.decision_maker, decision.state = both, Decision.State.SIGNED
    with pytest.raises(IntegrityError), transaction.atomic():
        decision.save()  # the database refuses it too


def test_the_optimiser_and_the_maturity_assessment(evaluated, people):
    call, applications = evaluated
    first = services.draw(
        call, by=people["official"], method=Scenario.Method.OPTIMISER, name="O", budget=Decimal("16000")
    )
    amounts = {line.application_id: line.amount for line in first.lines.all()}
    # 8 500 + 7 000 fit in 16 000 with a total score of 8 (5 + 3) rather than 8 500 alone (5) or 8 000 + 7 000 (3.333 + 3).
    assert sum(amounts.values()) <= Decimal("16000")
    SelfAssessment.objects.filter(call=call).update(ratings={})
    second = services.draw(
        call, by=people["official"], method=Scenario.Method.OPTIMISER, name="O2", budget=Decimal("16000")
    )
    assert {line.application_id: line.amount for line in second.lines.all()} == amounts


def test_an_override_needs_a_reason_and_stays_within_the_maximum(evaluated, people):
    call, _applications = evaluated
    scenario = services.draw(
        call, by=people["official"], method=Scenario.Method.MANUAL, name="M", budget=Decimal("20000")
    )
    line = scenario.lines.first()
    with pytest.raises(ValidationError):
        services.override(line, by=people["official"], amount=Decimal("100"), reason="")
    with pytest.raises(ValidationError):
        services.override(line, by=people["official"], amount=line.maximum + 1, reason="Liikaa")
    services.override(line, by=people["official"], amount=Decimal("5000"), reason="Osittain")
    assert services.figures(Scenario.objects.get(pk=scenario.pk))["used"] == Decimal("5000")


def test_rectification_within_30_days_of_notification_and_a_new_decision(
    evaluated, people, django_capture_on_commit_callbacks
):
    call, applications = evaluated
    with django_capture_on_commit_callbacks(execute=True):
        decide_all(call, people)
    korsholm, signatory = applications[2]
    decision = Decision.objects.get(application=korsholm)
    deadline = services.rectification_deadline(decision)
    sent_day = clock.helsinki(decision.sent_at).date()
    assert deadline >= sent_day + timedelta(days=33) and deadline.weekday() < 5
    late = clock.helsinki(decision.sent_at).replace(hour=12) + (deadline - sent_day) + timedelta(days=1)
    with pytest.raises(services.Refused) as refused:
        services.request_rectification(decision, by=signatory, text="Pyydämme oikaisua.", at=late)
    assert refused.value.code == "deadline_passed"
    request = services.request_rectification(decision, by=signatory, text="Pyydämme oikaisua.")
    new = services.handle_rectification(request, by=people["official"], outcome=Decision.Outcome.GRANTED,
                                        amount=Decimal("3000"), reasons="Uusi arvio.")  # fmt: skip
    services.present([new], by=people["presenter"])
    services.sign([new], by=people["decision_maker"])
    with django_capture_on_commit_callbacks(execute=True):
        services.send(call, by=people["official"])
    korsholm.refresh_from_db()
    request.refresh_from_db()
    assert korsholm.status == Status.GRANTED and request.state == RectificationRequest.State.HANDLED
    pages = pypdf.PdfReader(io.BytesIO(stored_pdf(Decision.objects.get(pk=new.pk)))).pages
    text = " ".join(" ".join(page.extract_text() for page in pages).split())
    assert "förvaltningsdomstol" in text.lower()
    with pytest.raises(services.Refused):  # a decision on rectification is appealed to court instead
        services.request_rectification(Decision.objects.get(pk=new.pk), by=signatory, text="Taas.")


def test_a_sent_decision_that_a_dead_worker_never_delivered_is_delivered_once_by_the_sweep(evaluated, people):
    from ..tasks import deliver_decision, deliver_missing

    call, applications = evaluated
    decide_all(call, people)  # the after-commit delivery never runs: the worker "died"
    decision = Decision.objects.get(application=applications[0][0])
    assert decision.delivered_at is None and not decision.pdf
    assert deliver_missing() == 0  # not yet: the worker may still be on it
    later = clock.now() + timedelta(minutes=11)
    assert deliver_missing(later) == 3  # the immediate backend runs the tasks here
    decision.refresh_from_db()
    assert decision.delivered_at is not None and decision.pdf
    told = Notification.objects.filter(url__endswith=f"/decisions/{decision.pk}/").count()
    assert told >= 1
    assert deliver_decision.call(decision.pk) == "already told"
    assert deliver_missing(later) == 0
    assert Notification.objects.filter(url__endswith=f"/decisions/{decision.pk}/").count() == told
