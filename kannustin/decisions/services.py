"""The ranking, allocation scenarios, decisions from drafting to sending, and requests for rectification.

Each write is one atomic function: it checks the permission (`core.permissions.can`), locks what it changes,
records an audit event and leaves emails and PDFs to tasks after the commit.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import DecimalField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from kannustin.accounts.roles import Role
from kannustin.applications import workflow
from kannustin.applications.models import DECIDED, Application, BudgetLine
from kannustin.core import audit, clock, notify
from kannustin.core.permissions import can
from kannustin.reviews.services import UNDER_EVALUATION

from . import allocation
from .models import Decision, DecisionTemplate, RectificationRequest, Scenario, ScenarioLine

ZERO = Decimal("0.00")
RECTIFICATION_DAYS = 30
# Administrative Procedure Act 434/2003 § 59: a decision sent electronically is taken to have been received on
# the third day after it was sent.
NOTIFICATION_DAYS = 3
REPORT_MONTHS_AFTER_PERIOD = 4


class Refused(Exception):
    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


# The ranking --------------------------------------------------------------------------------------------


@dataclass
class Row:
    application: Application
    rank: int | None
    score: Decimal | None
    flagged: list
    complete: int
    reviewers: int
    requested: Decimal
    eligible_costs: Decimal
    maximum: Decimal


def _eligible_costs():
    return Coalesce(
        Subquery(
            BudgetLine.objects.filter(application=OuterRef("pk"))
            .values("application")
            .annotate(total=Sum("amount"))
            .values("total")[:1]
        ),
        Value(ZERO),
        output_field=DecimalField(max_digits=14, decimal_places=2),
    )


def ranking(call) -> list[Row]:
    """The call's applications in evaluation, best score first, unscored last (two queries at any size)."""
    applications = list(
        Application.objects.filter(call=call, status__in=(*UNDER_EVALUATION, *DECIDED))
        .select_related("organisation", "organisation__region", "score")
        .annotate(eligible=_eligible_costs())
        .order_by("pk")
    )
    rows = []
    for application in applications:
        score = getattr(application, "score", None)
        requested = application.requested_amount or ZERO
        rows.append(
            Row(
                application=application,
                rank=None,
                score=score.score if score else None,
                flagged=list(score.flagged) if score else [],
                complete=score.complete if score else 0,
                reviewers=score.reviewers if score else 0,
                requested=requested,
                eligible_costs=application.eligible,
                maximum=allocation.grant_limit(
                    requested, application.eligible, call.max_aid_share, call.max_grant
                ),
            )
        )
    scored = [r for r in rows if r.score is not None]
    order = {
        c.application_id: i
        for i, c in enumerate(allocation.ranked(_candidate(r, call, Decimal("0.5")) for r in scored), start=1)
    }
    for row in scored:
        row.rank = order[row.application.pk]
    return sorted(rows, key=lambda r: (r.rank is None, r.rank or 0, r.application.pk))


def _candidate(row: Row, call, min_share: Decimal) -> allocation.Candidate:
    minimum = max((row.maximum * min_share).quantize(Decimal("0.01")), call.min_grant or ZERO)
    return allocation.Candidate(row.application.pk, row.score, row.maximum, min(minimum, row.maximum))


# Scenarios ----------------------------------------------------------------------------------------------


def default_budget(call) -> Decimal:
    return call.track.budget or call.programme.appropriation


def draw(call, *, by, method: str, name: str, budget: Decimal, allow_partial: bool = False,
         min_share: Decimal = Decimal("0.5")) -> Scenario:  # fmt: skip
    """Draw a scenario for the call: rank order, the optimiser, or manual (starting from nothing funded)."""
    if not can(by, "decisions.allocate"):
        raise PermissionDenied
    if budget <= 0:
        raise ValidationError({"budget": [_("Give a budget greater than zero.")]})
    rows = ranking(call)
    candidates = [_candidate(r, call, min_share) for r in rows if r.score is not None]
    if method == Scenario.Method.RANK:
        amounts = allocation.rank_order(candidates, budget)
    elif method == Scenario.Method.OPTIMISER:
        amounts = allocation.optimise(candidates, budget, partial=allow_partial)
    else:
        amounts = {}
    with transaction.atomic():
        scenario = Scenario.objects.create(
            call=call, name=name, method=method, budget=budget, allow_partial=allow_partial, min_share=min_share,
            created_by=by, objective=allocation.objective(candidates, amounts),
        )  # fmt: skip
        ScenarioLine.objects.bulk_create(
            ScenarioLine(
                scenario=scenario,
                application=r.application,
                rank=r.rank or len(rows),
                score=r.score,
                requested=r.requested,
                eligible_costs=r.eligible_costs,
                maximum=r.maximum,
                amount=amounts.get(r.application.pk, ZERO),
            )  # fmt: skip
            for r in rows
            if r.application.status in UNDER_EVALUATION
        )
        audit.record(
            by,
            "scenario.drawn",
            scenario,
            {"method": method, "budget": budget, "funded": sum(1 for a in amounts.values() if a > 0)},
        )
    return scenario


def _refresh_objective(scenario: Scenario) -> None:
    lines = list(scenario.lines.all())
    scenario.objective = sum((line.score or 0 for line in lines if line.amount > 0), Decimal(0))
    scenario.save(update_fields=["objective"])


def override(line: ScenarioLine, *, by, amount: Decimal, reason: str) -> ScenarioLine:
    """Change one amount of a scenario, with a reason; refused once decisions have been drafted from it."""
    if not can(by, "decisions.allocate"):
        raise PermissionDenied
    errors = {}
    if not reason.strip():
        errors["reason"] = [_("Give a reason for the change.")]
    if amount is None or amount < 0:
        errors["amount"] = [_("Give an amount of zero or more.")]
    elif amount > line.maximum:
        errors["amount"] = [
            _("The amount is more than the largest possible grant (%(maximum)s).")
            % {"maximum": f"{line.maximum:.2f}"}
        ]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        line = ScenarioLine.objects.select_for_update().select_related("scenario").get(pk=line.pk)
        if line.scenario.decisions.exists():
            raise Refused("decisions_drafted")
        before = line.amount
        line.amount = amount
        line.override_reason = reason.strip()
        line.overridden_at = clock.now()
        line.overridden_by = by
        line.save()
        _refresh_objective(line.scenario)
        audit.record(by, "scenario.amount_changed", line.scenario,
                     {"application": line.application_id, "amount": {"before": before, "after": amount},
                      "reason": line.override_reason})  # fmt: skip
    return line


def figures(scenario: Scenario, lines=None) -> dict:
    """What a scenario does: how many funded, the money used and left, by region and by size class."""
    lines = list(
        lines if lines is not None else scenario.lines.select_related("application__organisation__region")
    )
    funded = [line for line in lines if line.amount > 0]
    used = sum((line.amount for line in funded), ZERO)
    regions: dict = defaultdict(lambda: [0, ZERO])
    sizes: dict = defaultdict(lambda: [0, ZERO])
    for line in funded:
        organisation = line.application.organisation
        region = organisation.region.tr("name") if organisation.region else "–"
        regions[region][0] += 1
        regions[region][1] += line.amount
        sizes[organisation.size_class or "–"][0] += 1
        sizes[organisation.size_class or "–"][1] += line.amount
    return {
        "count": len(lines),
        "funded": len(funded),
        "used": used,
        "left": scenario.budget - used,
        "over_budget": used > scenario.budget,
        "objective": sum((line.score or 0 for line in funded), Decimal(0)),
        "regions": dict(sorted(regions.items())),
        "sizes": dict(sizes),
    }


def choose(scenario: Scenario, *, by, reason: str) -> Scenario:
    """Make the scenario the decision proposal of its call (the earlier choice, if any, gives way)."""
    if not can(by, "decisions.allocate"):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError({"reason": [_("Give the reason for choosing this scenario.")]})
    with transaction.atomic():
        scenario = Scenario.objects.select_for_update().get(pk=scenario.pk)
        if figures(scenario)["over_budget"]:
            raise Refused("over_budget")
        previous = (
            Scenario.objects.select_for_update()
            .filter(call=scenario.call, chosen_at__isnull=False)
            .exclude(pk=scenario.pk)
            .first()
        )
        if previous is not None:
            if previous.decisions.exists():
                raise Refused("decisions_drafted")
            previous.chosen_at, previous.chosen_by = None, None
            previous.save(update_fields=["chosen_at", "chosen_by"])
        scenario.chosen_at = clock.now()
        scenario.chosen_by = by
        scenario.choice_reason = reason.strip()
        scenario.save(update_fields=["chosen_at", "chosen_by", "choice_reason"])
        audit.record(
            by,
            "scenario.chosen",
            scenario,
            {"reason": scenario.choice_reason, "replaces": previous.pk if previous else None},
        )
    return scenario


# Decisions ----------------------------------------------------------------------------------------------


def ensure_templates() -> None:
    """The first version of each decision template, from the files shipped with the service (content is data)."""
    from .content import default_templates

    for (kind, language), body in default_templates().items():
        if not DecisionTemplate.objects.filter(kind=kind, language=language).exists():
            DecisionTemplate.objects.create(
                kind=kind, language=language, version=1, body=body, note="default"
            )


def decision_language(application) -> str:
    """Decisions are written in the applicant's language: Finnish or Swedish."""
    return (
        application.language
        if application.language in {"fi", "sv"}
        else application.organisation.official_language
    )


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def _costs_by_category(application) -> tuple[Decimal, dict]:
    by_category: dict = defaultdict(lambda: ZERO)
    for line in application.budget_lines.all():
        by_category[line.category] += line.amount
    total = sum(by_category.values(), ZERO)
    return total, {key: str(value) for key, value in by_category.items()}


def _rejection_reasons(application, rank, count, language) -> str:
    with translation.override(language):
        if rank is None:
            return _("The application did not receive a complete review and could not be ranked.")
        return _(
            "The appropriation was not enough for all applications. Ranked by the published criteria, the "
            "application came %(rank)s of %(count)s and did not reach the funded applications."
        ) % {"rank": rank, "count": count}


def prepare(call, *, by) -> list[Decision]:
    """A draft decision for every application of the chosen scenario that has none yet."""
    if not can(by, "decisions.allocate"):
        raise PermissionDenied
    scenario = Scenario.objects.filter(call=call, chosen_at__isnull=False).first()
    if scenario is None:
        raise Refused("no_chosen_scenario")
    ensure_templates()
    made = []
    with transaction.atomic():
        lines = list(
            scenario.lines.select_related("application", "application__organisation", "application__call")
            .prefetch_related("application__budget_lines")
            .order_by("rank")
        )
        decided = set(
            Decision.objects.filter(application__call=call, rectification__isnull=True).values_list(
                "application_id", flat=True
            )
        )
        count = sum(1 for line in lines if line.score is not None)
        for line in lines:
            application = line.application
            if application.pk in decided or application.status not in UNDER_EVALUATION:
                continue
            language = decision_language(application)
            granted = line.amount > 0
            total, categories = _costs_by_category(application)
            decision = Decision(
                application=application, scenario=scenario, language=language, created_by=by,
                outcome=Decision.Outcome.GRANTED if granted else Decision.Outcome.REJECTED,
                template=DecisionTemplate.current(DecisionTemplate.Kind.GRANT if granted else DecisionTemplate.Kind.REJECTION, language),
            )  # fmt: skip
            if granted:
                _grant_terms(decision, call, line.amount, total, categories)
            else:
                decision.reasons = _rejection_reasons(
                    application, line.rank if line.score is not None else None, count, language
                )
            made.append(decision)
        Decision.objects.bulk_create(made)
        audit.record(by, "decisions.prepared", call, {"scenario": scenario.pk, "decisions": len(made)})
    return made


def _grant_terms(decision, call, amount, total, categories) -> None:
    decision.amount = amount
    decision.max_share = call.max_aid_share
    decision.eligible_costs = total
    decision.costs_by_category = categories
    decision.period_starts = call.project_starts_from
    decision.period_ends = call.project_ends_by
    decision.report_due = (
        _add_months(call.project_ends_by, REPORT_MONTHS_AFTER_PERIOD) if call.project_ends_by else None
    )


def update_draft(decision: Decision, *, by, outcome: str, amount, reasons: str, conditions: str) -> Decision:
    """An official corrects a drafted decision (before it is presented)."""
    if not can(by, "decisions.allocate"):
        raise PermissionDenied
    errors = {}
    if outcome == Decision.Outcome.GRANTED and (amount is None or amount <= 0):
        errors["amount"] = [_("A grant needs an amount greater than zero.")]
    if outcome == Decision.Outcome.REJECTED and not reasons.strip():
        errors["reasons"] = [_("A rejection needs its reasons.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        current = Decision.objects.select_for_update().select_related("application__call").get(pk=decision.pk)
        if current.state != Decision.State.DRAFT:
            raise Refused("not_draft")
        before = audit.snapshot(current)
        application = current.application
        kind = (
            DecisionTemplate.Kind.RECTIFICATION if current.rectification_id
            else DecisionTemplate.Kind.GRANT if outcome == Decision.Outcome.GRANTED
            else DecisionTemplate.Kind.REJECTION
        )  # fmt: skip
        current.outcome = outcome
        current.template = DecisionTemplate.current(kind, current.language)
        current.reasons = reasons.strip()
        current.conditions = conditions.strip()
        if outcome == Decision.Outcome.GRANTED:
            total, categories = _costs_by_category(application)
            _grant_terms(current, application.call, amount, total, categories)
        else:
            current.amount = None
        current.save()
        audit.record(by, "decision.changed", current, audit.diff(before, audit.snapshot(current)))
    return current


def present(decisions, *, by) -> int:
    """The presenter (esittelijä) presents drafted decisions to the decision-maker."""
    count = 0
    with transaction.atomic():
        for decision in Decision.objects.select_for_update().filter(pk__in=[d.pk for d in decisions]):
            if not can(by, "decisions.present_decision", decision):
                raise PermissionDenied
            decision.state = Decision.State.PRESENTED
            decision.presenter = by
            decision.presented_at = clock.now()
            decision.save(update_fields=["state", "presenter", "presented_at"])
            audit.record(by, "decision.presented", decision, {})
            count += 1
    return count


def return_to_draft(decision: Decision, *, by) -> Decision:
    """The presenter or the decision-maker sends a decision back to the officials before it is signed."""
    with transaction.atomic():
        current = Decision.objects.select_for_update().get(pk=decision.pk)
        if not can(by, "decisions.return_decision", current):
            raise PermissionDenied
        current.state = Decision.State.DRAFT
        current.presenter, current.presented_at = None, None
        current.save(update_fields=["state", "presenter", "presented_at"])
        audit.record(by, "decision.returned", current, {})
    return current


def sign(decisions, *, by, at: datetime | None = None) -> int:
    """The decision-maker (ratkaisija) signs presented decisions; never one they presented themselves. Each
    signed decision gets its number from the yearly counter."""
    from kannustin.applications.actions import next_case_number

    at = at or clock.now()
    count = 0
    with transaction.atomic():
        for decision in (
            Decision.objects.select_for_update()
            .select_related("application__call")
            .filter(pk__in=[d.pk for d in decisions])
            .order_by("pk")
        ):
            if not can(by, "decisions.sign_decision", decision):
                raise PermissionDenied
            day = clock.helsinki(at).date()
            decision.state = Decision.State.SIGNED
            decision.decision_maker = by
            decision.signed_at = at
            decision.number = next_case_number(f"{decision.application.call.case_number_prefix}/P", day.year)
            if decision.is_granted and decision.period_starts is None:
                decision.period_starts = day
            decision.save(update_fields=["state", "decision_maker", "signed_at", "number", "period_starts"])
            audit.record(by, "decision.signed", decision, {"number": decision.number})
            count += 1
    return count


def send(call, *, by) -> int:
    """Send every signed decision of the call in one batch: the application is decided, the PDF is made and the
    participants get an email with a link (tasks, after the commit)."""
    from .tasks import enqueue_delivery

    if not can(by, "decisions.send"):
        raise PermissionDenied
    sent = []
    with transaction.atomic():
        decisions = list(
            # Only the decisions' rows: PostgreSQL locks nothing on the nullable side of an outer join
            # (rectification); the applications are locked one by one below.
            Decision.objects.select_for_update(of=("self",))
            .filter(application__call=call, state=Decision.State.SIGNED)
            .select_related("application", "rectification")
        )
        now = clock.now()
        for decision in decisions:
            application = Application.objects.select_for_update().get(pk=decision.application_id)
            if decision.rectification_id:
                name = "rectify_grant" if decision.is_granted else "rectify_reject"
                decision.rectification.state = RectificationRequest.State.HANDLED
                decision.rectification.handled_at = now
                decision.rectification.save(update_fields=["state", "handled_at"])
            else:
                name = "grant" if decision.is_granted else "reject"
            workflow.perform(name, application)
            application.save(update_fields=["status", "updated_at"])
            decision.state = Decision.State.SENT
            decision.sent_at = now
            decision.save(update_fields=["state", "sent_at"])
            audit.record(
                by, "decision.sent", decision, {"outcome": decision.outcome, "amount": decision.amount}
            )
            sent.append(decision.pk)
        if sent:
            audit.record(by, "decisions.sent", call, {"decisions": len(sent)})
    for pk in sent:
        transaction.on_commit(lambda pk=pk: enqueue_delivery(pk))
    return len(sent)


def current_decision(application) -> Decision | None:
    """The decision in force: the latest one sent."""
    return application.decisions.filter(state=Decision.State.SENT).order_by("-sent_at", "-pk").first()


# Rectification ------------------------------------------------------------------------------------------


def _next_working_day(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def rectification_deadline(decision: Decision) -> date | None:
    """The last day for a request for rectification: 30 days from the notification (taken to be the third day
    after sending), moved to the next working day when it falls on a weekend."""
    if decision.sent_at is None:
        return None
    notified = clock.helsinki(decision.sent_at).date() + timedelta(days=NOTIFICATION_DAYS)
    return _next_working_day(notified + timedelta(days=RECTIFICATION_DAYS))


def rectification_refusal(decision: Decision, at: datetime | None = None) -> str | None:
    if decision.state != Decision.State.SENT:
        return "not_sent"
    if decision.rectification_id:
        return "rectification_decision"  # appealed to the administrative court instead
    states = set(decision.rectification_requests.values_list("state", flat=True))
    if RectificationRequest.State.FILED in states:
        return "already_filed"
    if RectificationRequest.State.HANDLED in states:
        return "already_decided"  # the decision on the request replaces this one; it is appealed instead
    at = at or clock.now()
    if clock.helsinki(at).date() > rectification_deadline(decision):
        return "deadline_passed"
    return None


def _notify_rectification(request_id: int) -> None:
    request = RectificationRequest.objects.select_related("decision__application__call").get(pk=request_id)
    path = reverse("decisions:rectification", args=[request.pk])
    officials = get_user_model().objects.filter(global_roles__role=Role.OFFICIAL, is_active=True).distinct()
    notify.notify_users(
        officials, "rectification_filed",
        {"request": request, "decision": request.decision, "application": request.decision.application,
         "url": settings.SITE_URL + path}, url=path, matter_language=request.decision.language,
    )  # fmt: skip


def request_rectification(
    decision: Decision, *, by, text: str, at: datetime | None = None
) -> RectificationRequest:
    if not can(by, "decisions.request_rectification_decision", decision):
        raise PermissionDenied
    if not text.strip():
        raise ValidationError({"text": [_("Say what in the decision should change, and why.")]})
    with transaction.atomic():
        decision = Decision.objects.select_for_update().get(pk=decision.pk)
        code = rectification_refusal(decision, at)
        if code:
            raise Refused(code)
        request = RectificationRequest.objects.create(decision=decision, text=text.strip(), filed_by=by)
        audit.record(by, "rectification.filed", request, {"decision": decision.number})
    transaction.on_commit(lambda: _notify_rectification(request.pk))
    return request


def handle_rectification(
    request: RectificationRequest, *, by, outcome: str, amount, reasons: str
) -> Decision:
    """Draft the new decision on the request; it goes through presenting, signing and sending like any other,
    and carries appeal instructions to the administrative court."""
    if not can(by, "decisions.allocate"):
        raise PermissionDenied
    ensure_templates()
    errors = {}
    if not reasons.strip():
        errors["reasons"] = [_("Give the reasons for the decision on the request.")]
    if outcome == Decision.Outcome.GRANTED and (amount is None or amount <= 0):
        errors["amount"] = [_("A grant needs an amount greater than zero.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        request = (
            RectificationRequest.objects.select_for_update()
            .select_related("decision__application__call")
            .get(pk=request.pk)
        )
        if request.state != RectificationRequest.State.FILED or hasattr(request, "new_decision"):
            raise Refused("already_handled")
        old = request.decision
        application = old.application
        decision = Decision(
            application=application, language=old.language, created_by=by, outcome=outcome, rectification=request,
            reasons=reasons.strip(), template=DecisionTemplate.current(DecisionTemplate.Kind.RECTIFICATION, old.language),
        )  # fmt: skip
        if outcome == Decision.Outcome.GRANTED:
            total, categories = _costs_by_category(application)
            _grant_terms(decision, application.call, amount, total, categories)
        decision.save()
        audit.record(by, "rectification.handled", request, {"decision": decision.pk, "outcome": outcome})
    return decision
