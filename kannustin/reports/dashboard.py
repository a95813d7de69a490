"""The programme dashboard's figures: per call and over the chosen calls, from aggregates only, so the page
runs the same number of queries with ten applications or ten thousand.

- applications over time: submitted applications per day of the window (opening to closing day, Finnish
  time), cumulative; a submission outside the window counts on its nearest day, so the last day gives them all;
- the funnel: started (drafts included) → submitted → reviewed (as many complete reviews as the call asks
  for) → decided (granted or rejected) → funded (granted);
- money: the appropriation (programme), the tracks' budgets, requested (submitted applications), proposed
  (the chosen allocation scenario), granted (sent grant decisions, a decision on a request for rectification
  replacing the one it reconsiders) and paid (no payments are recorded in the service yet: 0);
- review progress per reviewer: assigned (waiting for the declaration), disqualified, being scored,
  submitted;
- regional coverage: per region, the municipalities that applied (as lead or partner of a submitted
  application) and that were funded (of a granted one).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from kannustin.applications.models import DECIDED, Application, Participant, Status
from kannustin.decisions.models import Decision, ScenarioLine
from kannustin.programmes.models import Call, Programme
from kannustin.registry.models import Organisation, Region
from kannustin.reviews.models import Review

ZERO = Decimal("0.00")
FUNNEL = ("started", "submitted", "reviewed", "decided", "funded")
REVIEW_STATES = (
    Review.State.ASSIGNED, Review.State.DISQUALIFIED, Review.State.IN_PROGRESS, Review.State.SUBMITTED
)  # fmt: skip


@dataclass
class CallFigures:
    call: Call | None  # None: all the chosen calls together
    funnel: dict = field(default_factory=lambda: dict.fromkeys(FUNNEL, 0))
    drafts: int = 0
    budget: Decimal = ZERO
    requested: Decimal = ZERO
    proposed: Decimal = ZERO
    granted: Decimal = ZERO
    paid: Decimal = ZERO

    def add(self, other: "CallFigures") -> None:
        for key in FUNNEL:
            self.funnel[key] += other.funnel[key]
        self.drafts += other.drafts
        for name in ("requested", "proposed", "granted", "paid"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Dashboard:
    programme: Programme
    calls: list  # the chosen calls
    per_call: list  # CallFigures per chosen call
    total: CallFigures
    budgets: Decimal  # the tracks' budgets (each track once)
    days: list  # (date, submitted that day, cumulative)
    reviewers: list  # dicts: name, email, one count per state, total
    regions: list  # dicts: region, code, applied, funded


def _local_day(moment) -> date:
    return timezone.localtime(moment).date()


def figures(programme: Programme, calls: list[Call]) -> Dashboard:
    """The dashboard of these calls of the programme (their tracks loaded): seven queries at any size."""
    ids = [call.pk for call in calls]
    applications = Application.objects.filter(call__in=ids).order_by()
    per_call = {call.pk: CallFigures(call=call, budget=call.track.budget or ZERO) for call in calls}
    # 1. The funnel and the amount requested, per call.
    submitted = ~Q(status=Status.DRAFT)
    rows = applications.values("call").annotate(
        started=Count("pk"),
        drafts=Count("pk", filter=Q(status=Status.DRAFT)),
        submitted=Count("pk", filter=submitted),
        reviewed=Count("pk", filter=submitted & Q(score__complete__gte=F("call__reviewers_per_application"))),
        decided=Count("pk", filter=Q(status__in=DECIDED)),
        funded=Count("pk", filter=Q(status=Status.GRANTED)),
        requested=Sum("requested_amount", filter=submitted),
    )
    for row in rows:
        item = per_call[row["call"]]
        item.funnel = {key: row[key] for key in FUNNEL}
        item.drafts = row["drafts"]
        item.requested = row["requested"] or ZERO
    # 2. Proposed: the lines of each call's chosen scenario.
    for row in (
        ScenarioLine.objects.filter(scenario__call__in=ids, scenario__chosen_at__isnull=False)
        .order_by()
        .values("scenario__call")
        .annotate(amount=Sum("amount"))
    ):
        per_call[row["scenario__call"]].proposed = row["amount"] or ZERO
    # 3. Granted: sent grant decisions that no sent decision on a request for rectification replaced.
    for row in (
        Decision.objects.filter(
            application__call__in=ids, state=Decision.State.SENT, outcome=Decision.Outcome.GRANTED
        )
        .exclude(rectification_requests__new_decision__state=Decision.State.SENT)
        .order_by()
        .values("application__call")
        .annotate(amount=Sum("amount"))
    ):
        per_call[row["application__call"]].granted = row["amount"] or ZERO
    total = CallFigures(call=None)
    for item in per_call.values():
        total.add(item)
    budgets = sum(
        ({call.track_id: call.track.budget or ZERO for call in calls}).values(), ZERO
    )  # each track once, though it may have several calls
    total.budget = budgets
    return Dashboard(
        programme=programme,
        calls=calls,
        per_call=[per_call[call.pk] for call in calls],
        total=total,
        budgets=budgets,
        days=_days(applications, calls),  # 4.
        reviewers=_reviewers(ids),  # 5.
        regions=_regions(ids),  # 6–7.
    )


def _days(applications, calls) -> list:
    if not calls:
        return []
    first = min(_local_day(call.opens_at) for call in calls)
    last = max(_local_day(call.closes_at) for call in calls)
    per_day: dict[date, int] = defaultdict(int)
    for row in (
        applications.filter(submitted_at__isnull=False)
        .exclude(status=Status.DRAFT)
        .annotate(day=TruncDate("submitted_at"))
        .values("day")
        .annotate(count=Count("pk"))
    ):
        per_day[min(max(row["day"], first), last)] += row["count"]
    days, cumulative, day = [], 0, first
    while day <= last:
        cumulative += per_day.get(day, 0)
        days.append((day, per_day.get(day, 0), cumulative))
        day += timedelta(days=1)
    return days


def _reviewers(ids) -> list:
    people: dict[int, dict] = {}
    for row in (
        Review.objects.filter(application__call__in=ids)
        .order_by()
        .values("reviewer", "reviewer__name", "reviewer__email", "state")
        .annotate(count=Count("pk"))
    ):
        person = people.setdefault(
            row["reviewer"],
            {"name": row["reviewer__name"] or row["reviewer__email"], "email": row["reviewer__email"],
             **dict.fromkeys(REVIEW_STATES, 0), "total": 0},
        )  # fmt: skip
        person[row["state"]] = person.get(row["state"], 0) + row["count"]
        person["total"] += row["count"]
    for person in people.values():
        person["counts"] = [person[state] for state in REVIEW_STATES]
    return sorted(people.values(), key=lambda person: (person["name"].casefold(), person["email"]))


def _regions(ids) -> list:
    """Per region (every region, those without applicants too): municipalities that applied, and funded."""
    municipal = Participant.objects.filter(
        application__call__in=ids, organisation__kind=Organisation.Kind.MUNICIPALITY
    ).exclude(application__status=Status.DRAFT)
    counts = {
        row["organisation__region"]: row
        for row in municipal.order_by()
        .values("organisation__region")
        .annotate(
            applied=Count("organisation", distinct=True),
            funded=Count("organisation", distinct=True, filter=Q(application__status=Status.GRANTED)),
        )
    }
    rows = []
    for region in Region.objects.order_by("code"):
        row = counts.pop(region.pk, {})
        rows.append(
            {
                "region": region,
                "code": region.code,
                "applied": row.get("applied", 0),
                "funded": row.get("funded", 0),
            }
        )
    for row in counts.values():  # municipalities without a region (none in the classification)
        rows.append({"region": None, "code": "", "applied": row["applied"], "funded": row["funded"]})
    return rows
