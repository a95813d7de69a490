"""Building evaluations for tests: a call with two weighted criteria and a scale, submitted applications, and
reviewers."""

from datetime import timedelta
from decimal import Decimal

from kannustin.applications import actions
from kannustin.applications.models import Application, BudgetLine, Status
from kannustin.applications.tests.helpers import complete_application, make_call
from kannustin.core import clock
from kannustin.programmes.models import Criterion, ScaleLevel
from kannustin.registry.models import Organisation

from .. import services
from ..models import ApplicationScore


def evaluation_call(slug="arvio"):
    """The test call (criterion G1, weight 2) with C1 (weight 1) and a labelled scale 0–5."""
    call = make_call(slug=slug)
    Criterion.objects.create(
        call=call, code="C1", order=2, title_fi="C1", title_sv="C1", title_en="C1", weight=Decimal("1")
    )
    for value in range(0, 6):
        ScaleLevel.objects.get_or_create(
            call=call,
            value=value,
            defaults={"label_fi": f"{value}", "label_sv": f"{value}", "label_en": f"{value}"},
        )
    return call


def submitted_application(
    call, organisation: Organisation, signatory, *, requested="8500.00", amount="10000.00", at=None
):
    application = actions.create_draft(call, organisation, by=signatory)
    application = complete_application(application, signatory, requested=requested, amount=amount)
    return actions.submit(application, by=signatory, at=at)


def scores(**values):
    """scores(G1=4, C1=3) → the form's shape, each with a justification."""
    return {code: {"score": value, "justification": f"Perustelu {code}"} for code, value in values.items()}


def review(application, reviewer, official, **values):
    """Assign, declare not disqualified and submit a review with these scores."""
    item = services.assign(application, reviewer, by=official, notify_now=False)
    item = services.declare(item, by=reviewer, disqualified=False)
    return services.submit(item, by=reviewer, scores=scores(**values), comment="", version=item.version)


def bulk_scored(call, user, count, *, organisations, start=0) -> list:
    """Submitted, scored applications written in bulk, spread over `organisations` (query-count data only)."""
    now = clock.now()
    made = Application.objects.bulk_create(
        Application(
            call=call, question_set=call.current_question_set(), organisation=organisations[i % len(organisations)],
            status=Status.SUBMITTED, answers={"project_name": f"Hanke {i}"}, requested_amount=Decimal("5000.00") + i,
            case_number=f"VM/{i}/2099", submitted_at=now - timedelta(minutes=i), created_by=user,
        )
        for i in range(start, start + count)
    )  # fmt: skip
    BudgetLine.objects.bulk_create(
        BudgetLine(application=a, category="personnel", year=2099, amount=Decimal("9000.00")) for a in made
    )
    ApplicationScore.objects.bulk_create(
        ApplicationScore(application=a, score=Decimal(i % 5) + Decimal("0.5"), reviewers=2, complete=2,
                         flagged=["G1"] if i % 3 == 0 else [], has_flags=i % 3 == 0)
        for i, a in enumerate(made)
    )  # fmt: skip
    return made
