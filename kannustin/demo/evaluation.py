"""The demo's 2019 round reviewed and decided: reviews, allocation scenarios, decisions and a request for
rectification. Called by `manage.py seed_demo` after the applications of both tracks; idempotent.

The steps go through the real services (`kannustin.reviews.services`, `kannustin.decisions.services`) in the
order the ministry worked, so the assignments, scenarios, decisions and their audit events are exactly what
the pages would have left. Only the reviewers' declarations and reviews (some 420) are written in bulk, as
`declare` and `submit` leave them, and the applications' scores stored from the service's `compute`: through
the services they would take most of the seeding time (`review_call`). Two things make it history rather
than today's work:
- the clock: each step runs at its 2019 (or 2020) moment, `django.utils.timezone.now` standing in for the
  wall clock while the history is written (`history()`); decisions are signed with the service's `at`;
- quiet: the emails, PDFs and notifications the services leave to after the commit are dropped. The few
  active people of the applicants (the demo users of Hämeenlinna and Närpes) get the dashboard notification
  of their decisions without an email; the PDFs are made when first opened (`decisions.tasks.stored_pdf`).

Every choice is made with random generators seeded from 2019, so the demo is the same on every run.
"""

import random
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from unittest import mock

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from kannustin.applications.models import Application, Participant
from kannustin.core import audit, clock, notify
from kannustin.core.models import Notification
from kannustin.decisions import services as decisions
from kannustin.decisions.models import Decision, Scenario
from kannustin.registry.models import Organisation
from kannustin.reviews import services as reviews
from kannustin.reviews.models import ApplicationScore, Ground, Review, Tie

from . import evaluation_texts as texts
from .applications import track_1_call
from .track2 import joint_call

SEED = 2019
THRESHOLD = Decimal("3.5")  # the weighted mean score a funded application has at least
FUNDED = {"track_1": 41, "track_2": 11}  # 41 track-1 projects were funded on 21 November 2019
SMALLEST_GRANT = Decimal("11900.00")
LARGEST_GRANT = Decimal("2000000.00")

OFFICIAL = "official@kannustin.example"
PRESENTER = "presenter@kannustin.example"
DECISION_MAKER = "decision-maker@kannustin.example"
REVIEWERS = {
    # email: the reviewer's habit (added to every score before rounding): some are stricter than others.
    "reviewer@kannustin.example": 0.0,
    "reviewer.anna@kannustin.example": 0.15,
    "reviewer.pekka@kannustin.example": -0.25,
    "reviewer.sofia@kannustin.example": 0.1,
    "reviewer.tuula@kannustin.example": -0.1,
}
# A known tie: automatic assignment never gives Tuula an application in which Espoo takes part.
TIES = [("reviewer.tuula@kannustin.example", "049", Tie.Kind.HOME, "Kotikunta Espoo.")]
DISQUALIFIED_REVIEWER = "reviewer.anna@kannustin.example"
# Hämeenlinna's 2019 application just misses the funded ones; its demo signatory requests rectification.
RECTIFYING_MUNICIPALITY = "109"
RECTIFYING_USER = "signatory@kannustin.example"
GRANTED_MUNICIPALITIES = ("545",)  # Närpes: the Swedish demo signatory has a granted decision in Swedish


def _helsinki(*parts) -> datetime:
    return datetime(*parts, tzinfo=clock.HELSINKI)


@dataclass(frozen=True)
class Schedule:
    """When each step of a call's evaluation was taken (Finnish time)."""

    assigned: datetime
    declared: tuple[date, date]
    reviewed: tuple[date, date]
    drawn: datetime
    chosen: datetime
    prepared: datetime
    presented: datetime
    signed: datetime
    sent: datetime


TRACK_1 = Schedule(
    assigned=_helsinki(2019, 9, 23, 9, 30),
    declared=(date(2019, 9, 23), date(2019, 9, 27)),
    reviewed=(date(2019, 9, 30), date(2019, 10, 25)),
    drawn=_helsinki(2019, 10, 30, 10, 0),
    chosen=_helsinki(2019, 11, 5, 14, 0),
    prepared=_helsinki(2019, 11, 8, 9, 0),
    presented=_helsinki(2019, 11, 19, 10, 0),
    signed=_helsinki(2019, 11, 21, 10, 0),
    sent=_helsinki(2019, 11, 21, 13, 0),
)
TRACK_2 = Schedule(
    assigned=_helsinki(2020, 1, 7, 9, 30),
    declared=(date(2020, 1, 7), date(2020, 1, 10)),
    reviewed=(date(2020, 1, 13), date(2020, 2, 7)),
    drawn=_helsinki(2020, 2, 12, 10, 0),
    chosen=_helsinki(2020, 2, 18, 14, 0),
    prepared=_helsinki(2020, 2, 20, 9, 0),
    presented=_helsinki(2020, 3, 3, 10, 0),
    signed=_helsinki(2020, 3, 5, 10, 0),
    sent=_helsinki(2020, 3, 5, 13, 0),
)
# The request for rectification: filed within 30 days of the notification, decided in January 2020.
RECTIFICATION_FILED = _helsinki(2019, 12, 10, 11, 24)
RECTIFICATION_HANDLED = _helsinki(2020, 1, 14, 10, 0)
RECTIFICATION_PRESENTED = _helsinki(2020, 1, 16, 9, 0)
RECTIFICATION_SIGNED = _helsinki(2020, 1, 16, 11, 0)
RECTIFICATION_SENT = _helsinki(2020, 1, 16, 13, 0)


# --- writing history ----------------------------------------------------------------------------------------


class _Clock:
    """The moment the services see as now: set for each step, a few milliseconds on at every reading, so
    that what one step writes stays in order."""

    def __init__(self):
        self.moment = clock.now()

    def at(self, moment: datetime) -> None:
        self.moment = moment

    def now(self) -> datetime:
        self.moment += timedelta(milliseconds=5)
        return self.moment


@contextmanager
def history():
    """Run services as of an earlier moment (`with history() as past: past.at(moment); …`) and drop the work
    they leave to after the commit (emails, PDFs, notifications). Only inside a transaction."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        raise RuntimeError("history() needs a transaction: its after-commit work is dropped.")
    start = len(connection.run_on_commit)
    past = _Clock()
    try:
        with mock.patch.object(timezone, "now", past.now):
            yield past
    finally:
        del connection.run_on_commit[start:]


def _office_hours(rng, first: date, last: date) -> datetime:
    """A moment on a working day between `first` and `last`, in office hours."""
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    days = [day for day in days if day.weekday() < 5] or days
    day = rng.choice(days)
    minutes = rng.randint(8 * 60, 16 * 60 + 30)
    return datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=clock.HELSINKI)


# --- people -------------------------------------------------------------------------------------------------


@dataclass
class People:
    official: object
    presenter: object
    decision_maker: object
    reviewers: dict  # email: user
    rectifier: object


def demo_people() -> People | None:
    """The demo's ministry people (`kannustin.demo.users`), with the reviewers' known ties; None when the demo
    users have not been created."""
    emails = [OFFICIAL, PRESENTER, DECISION_MAKER, RECTIFYING_USER, *REVIEWERS]
    users = {u.email: u for u in get_user_model().objects.filter(email__in=emails, is_active=True)}
    if any(email not in users for email in emails):
        return None
    codes = {code for _email, code, _kind, _note in TIES}
    organisations = {o.code: o for o in Organisation.objects.filter(code__in=codes)}
    for email, code, kind, note in TIES:
        if code in organisations:
            Tie.objects.get_or_create(
                reviewer=users[email], organisation=organisations[code], defaults={"kind": kind, "note": note}
            )
    return People(
        official=users[OFFICIAL],
        presenter=users[PRESENTER],
        decision_maker=users[DECISION_MAKER],
        reviewers={email: users[email] for email in REVIEWERS},
        rectifier=users[RECTIFYING_USER],
    )


# --- scores -------------------------------------------------------------------------------------------------


def choose_funded(rng, rows, count: int, budget: Decimal, *, forced=(), excluded=()) -> set[int]:
    """The applications that will score at least THRESHOLD: `forced` ones, the rest drawn with a preference for
    larger projects (better prepared), each fundable within 11 900 – 2 000 000 €, all within the budget."""
    fundable = {r.application.pk: r for r in rows if SMALLEST_GRANT <= r.maximum <= LARGEST_GRANT}
    chosen = [pk for pk in forced if pk in fundable][:count]
    pool = [pk for pk in fundable if pk not in chosen and pk not in excluded]
    # Weighted sampling without replacement: the largest keys u^(1/w) win.
    keys = {pk: rng.random() ** (1 / float(fundable[pk].maximum) ** 0.5) for pk in pool}
    order = sorted(pool, key=lambda pk: (-keys[pk], pk))
    picked, rest = order[: count - len(chosen)], order[count - len(chosen) :]

    def total():
        return sum((fundable[pk].maximum for pk in chosen + picked), Decimal(0))

    rest.sort(key=lambda pk: (fundable[pk].maximum, pk))
    while total() > budget and rest:
        dearest = max(picked, key=lambda pk: (fundable[pk].maximum, pk))
        picked[picked.index(dearest)] = rest.pop(0)
    return set(chosen + picked)


def _as_reviews(plans: list[dict]) -> list[Review]:
    return [
        Review(state=Review.State.SUBMITTED, scores={c: {"score": s} for c, s in plan.items()})
        for plan in plans
    ]


def plan_scores(
    rng, criteria, reviewers: list[str], quality: float, *, funded: bool, floor=None
) -> list[dict]:
    """Each reviewer's score per criterion: the application's quality, the criterion's own strength in it and
    the reviewer's habit, with some noise; now and then two reviewers differ by two or more on a criterion.
    Then nudged one point at a time until the application's score (the service's `compute`) is on the right
    side of THRESHOLD: at least it when funded, below it (and at least `floor`) otherwise."""
    codes = [c.code for c in criteria if c.is_scored]
    strength = {code: rng.gauss(0, 0.45) for code in codes}
    plans = []
    for email in reviewers:
        habit = REVIEWERS.get(email, 0.0)
        plans.append(
            {
                code: min(5, max(0, round(quality + strength[code] + habit + rng.gauss(0, 0.4))))
                for code in codes
            }
        )
    if len(plans) >= 2 and rng.random() < 0.15:  # the reviewers see one criterion differently
        code = rng.choice(codes)
        first = plans[0][code]
        plans[1][code] = first - 2 if first >= 2 and (first > 3 or rng.random() < 0.5) else first + 2

    def score():
        return reviews.compute(criteria, _as_reviews(plans)).score

    def means():
        return {code: sum(p[code] for p in plans) / len(plans) for code in codes}

    while funded and score() < THRESHOLD:
        low = min(codes, key=lambda c: (means()[c], c))
        plan = min(plans, key=lambda p: p[low])
        if plan[low] >= 5:
            break
        plan[low] += 1
    while not funded and score() >= THRESHOLD:
        high = max(codes, key=lambda c: (means()[c], c))
        max(plans, key=lambda p: p[high])[high] -= 1
    while not funded and floor is not None and score() < floor:
        low = min(codes, key=lambda c: (means()[c], c))
        plan = min(plans, key=lambda p: p[low])
        plan[low] += 1
        if score() >= THRESHOLD:
            plan[low] -= 1
            break
    return plans


def _band(score: int) -> str:
    return "low" if score <= 1 else "mid" if score <= 3 else "high"


def written_review(rng, plan: dict, language: str) -> tuple[dict, str]:
    """The scores with a justification each, and the overall comment, in the application's language."""
    language = "sv" if language == "sv" else "fi"
    scores = {}
    for code, value in plan.items():
        sentences = texts.JUSTIFICATIONS[language].get(code, texts.JUSTIFICATIONS[language]["G1"])
        sentence = rng.choice(sentences[_band(value)])
        opener = rng.choice(texts.OPENERS[language][value])
        scores[code] = {"score": value, "justification": f"{opener} {sentence}"}
    mean = sum(plan.values()) / len(plan)
    band = "high" if mean >= 3.5 else "mid" if mean >= 2.3 else "low"
    return scores, rng.choice(texts.COMMENTS[language][band])


# --- reviews ------------------------------------------------------------------------------------------------


def review_call(call, people: People, schedule: Schedule, past: _Clock, rng, *, funded: set, close=(),
                disqualify: bool) -> int:  # fmt: skip
    """Assign two reviewers to every application in evaluation (`auto_assign`), let one reviewer declare
    themselves disqualified on one application (`declare`, which gives it another reviewer), and write every
    other declaration and review. Returns the reviews submitted.

    The declarations and reviews are written in bulk, as `declare` and `submit` would leave them (declared,
    scores cleaned by `clean_scores`, version 2, saved and submitted), without an audit event each: through
    the services they would take most of the demo's seeding time. The applications' scores are then stored
    from the service's own `compute`, as `refresh_score` stores them."""
    past.at(schedule.assigned)
    reviews.auto_assign(call, by=people.official)
    if disqualify:
        candidates = list(
            Review.objects.filter(
                application__call=call, state=Review.State.ASSIGNED, reviewer__email=DISQUALIFIED_REVIEWER
            )
            .exclude(application__organisation__code__in=(RECTIFYING_MUNICIPALITY, *GRANTED_MUNICIPALITIES))
            .select_related("reviewer")
            .order_by("application__submitted_at", "pk")
        )
        if candidates:
            review = rng.choice(candidates)
            past.at(_office_hours(rng, *schedule.declared))
            reviews.declare(
                review, by=review.reviewer, disqualified=True, ground=Ground.BOARD,
                explanation=texts.DISQUALIFICATION,
            )  # fmt: skip

    criteria = list(call.criteria.all())
    assigned = list(
        Review.objects.filter(application__call=call, state=Review.State.ASSIGNED)
        .select_related("reviewer", "application")
        .order_by("application__submitted_at", "pk")
    )
    by_application: dict[int, list[Review]] = {}
    for review in assigned:
        by_application.setdefault(review.application_id, []).append(review)
    first, last = schedule.declared
    checked = False
    for items in by_application.values():
        application = items[0].application
        pk = application.pk
        is_funded = pk in funded
        if is_funded:
            quality = rng.uniform(3.7, 4.6)
        elif pk in close:
            quality = 3.3
        else:
            quality = min(rng.triangular(0.8, 3.45, 2.7), 3.35)
        plans = plan_scores(
            rng, criteria, [r.reviewer.email for r in items], quality, funded=is_funded,
            floor=Decimal("3.2") if pk in close else None,
        )  # fmt: skip
        for review, plan in zip(items, plans, strict=True):
            scores, comment = written_review(rng, plan, application.language)
            declared = max(_office_hours(rng, first, last), review.assigned_at + timedelta(minutes=30))
            submitted = max(_office_hours(rng, *schedule.reviewed), declared + timedelta(days=1))
            review.state = Review.State.SUBMITTED
            review.declared_at = declared
            review.ground, review.explanation = "", ""
            if not checked:  # the shape `clean_scores` gives, once per call (it asks the database each time)
                if reviews.clean_scores(call, scores) != scores:
                    raise ValueError(f"Demo review scores do not pass the call's rules: {scores}")
                checked = True
            review.scores = scores
            review.comment = comment.strip()
            review.version += 1
            review.saved_at = review.submitted_at = submitted
    # One UPDATE a row: much faster than bulk_update's CASE expressions for this many rows and fields.
    for review in assigned:
        Review.objects.filter(pk=review.pk).update(
            state=review.state, declared_at=review.declared_at, ground="", explanation="", scores=review.scores,
            comment=review.comment, version=review.version, saved_at=review.saved_at,
            submitted_at=review.submitted_at,
        )  # fmt: skip
    store_scores(call, criteria)
    return len(assigned)


def store_scores(call, criteria) -> None:
    """Every application's score from its reviews, by `reviews.compute`, stored as `refresh_score` does, at
    the time of its last review."""
    by_application: dict[int, list[Review]] = {}
    for review in Review.objects.filter(application__call=call):
        by_application.setdefault(review.application_id, []).append(review)
    rows = {row.application_id: row for row in ApplicationScore.objects.filter(application__call=call)}
    new, changed = [], []
    for application_id, items in by_application.items():
        result = reviews.compute(criteria, items)
        row = rows.get(application_id) or ApplicationScore(application_id=application_id)
        row.score = result.score
        row.reviewers = result.reviewers
        row.complete = result.complete
        row.means = {code: str(mean) for code, mean in result.means.items()}
        row.flagged = result.flagged
        row.has_flags = bool(result.flagged)
        row.updated_at = max(r.submitted_at or r.assigned_at for r in items)
        (changed if application_id in rows else new).append(row)
    ApplicationScore.objects.bulk_create(new)
    # update() sets `updated_at` as given (auto_now applies to save() only): the last review's time.
    fields = ["score", "reviewers", "complete", "means", "flagged", "has_flags", "updated_at"]
    for row in new + changed:
        ApplicationScore.objects.filter(pk=row.pk).update(**{name: getattr(row, name) for name in fields})


# --- allocation and decisions -------------------------------------------------------------------------------


def _comma(value: Decimal, places: int = 2) -> str:
    return f"{value:.{places}f}".replace(".", ",")


def _euros(value: Decimal) -> str:
    return f"{value:,.2f}".replace(",", "\u00a0").replace(".", ",") + "\u00a0€"


def _weakest(criteria: dict, means: dict, language: str) -> str:
    codes = sorted(means, key=lambda code: (Decimal(means[code]), code))[:2]
    names = [f"{code} ({criteria[code].tr('title', language)})" for code in codes]
    return f" {texts.AND[language]} ".join(names)


def allocate(call, people: People, schedule: Schedule, past: _Clock) -> Scenario:
    """Three scenarios against the track's share: rank order, the optimiser, and the decision proposal (manual:
    every application scoring at least THRESHOLD gets the amount it applied for), which is chosen."""
    official = people.official
    budget = decisions.default_budget(call)
    past.at(schedule.drawn)
    rank = decisions.draw(
        call, by=official, method=Scenario.Method.RANK, name=texts.SCENARIO_RANK, budget=budget
    )
    optimiser = decisions.draw(
        call, by=official, method=Scenario.Method.OPTIMISER, name=texts.SCENARIO_OPTIMISER, budget=budget
    )
    threshold = _comma(THRESHOLD, 1)
    proposal = decisions.draw(
        call, by=official, method=Scenario.Method.MANUAL,
        name=texts.SCENARIO_PROPOSAL.format(threshold=threshold), budget=budget,
    )  # fmt: skip
    past.at(schedule.drawn + timedelta(hours=2))
    for line in proposal.lines.filter(score__gte=THRESHOLD).order_by("rank"):
        reason = texts.OVERRIDE_REASON.format(score=_comma(line.score), threshold=threshold)
        decisions.override(line, by=official, amount=line.maximum, reason=reason)
    figures = decisions.figures(proposal)
    past.at(schedule.chosen)
    reason = texts.CHOICE_REASON.format(
        funded=figures["funded"], threshold=threshold, used=_euros(figures["used"]),
        rank_funded=rank.lines.filter(amount__gt=0).count(),
        optimiser_funded=optimiser.lines.filter(amount__gt=0).count(),
    )  # fmt: skip
    return decisions.choose(proposal, by=official, reason=reason)


def decide(call, scenario: Scenario, people: People, schedule: Schedule, past: _Clock) -> list[Decision]:
    """Draft the decisions of the chosen scenario (a rejection gets its reasons in the applicant's language),
    present, sign and send them."""
    official = people.official
    past.at(schedule.prepared)
    decisions.prepare(call, by=official)
    drafts = list(
        Decision.objects.filter(
            application__call=call, state=Decision.State.DRAFT, rectification__isnull=True
        )
        .select_related("application")
        .order_by("pk")
    )
    lines = {line.application_id: line for line in scenario.lines.all()}
    means = dict(
        ApplicationScore.objects.filter(application__call=call).values_list("application_id", "means")
    )
    criteria = {c.code: c for c in call.criteria.all()}
    count = sum(1 for line in lines.values() if line.score is not None)
    threshold = _comma(THRESHOLD, 1)
    for decision in drafts:
        if decision.is_granted:
            continue
        line = lines[decision.application_id]
        reasons = texts.REJECTION_REASONS[decision.language].format(
            threshold=threshold, score=_comma(line.score), rank=line.rank, count=count,
            weakest=_weakest(criteria, means.get(decision.application_id) or {}, decision.language),
        )  # fmt: skip
        decisions.update_draft(
            decision,
            by=official,
            outcome=Decision.Outcome.REJECTED,
            amount=None,
            reasons=reasons,
            conditions="",
        )
    past.at(schedule.presented)
    decisions.present(drafts, by=people.presenter)
    past.at(schedule.signed)
    decisions.sign(drafts, by=people.decision_maker, at=schedule.signed)
    past.at(schedule.sent)
    decisions.send(call, by=official)
    sent = list(Decision.objects.filter(pk__in=[d.pk for d in drafts]).select_related("application"))
    tell_quietly(sent)
    return sent


def tell_quietly(sent: list[Decision]) -> int:
    """The dashboard notification of each sent decision to the active people of its participants (in the demo
    only the demo users), as `decisions.tasks.deliver_decision` writes it, but without an email."""
    from kannustin.accounts.models import Membership

    by_application = {d.application_id: d for d in sent}
    organisations: dict[int, set[int]] = {}
    for application_id, organisation_id in Participant.objects.filter(
        application_id__in=by_application, declined_at__isnull=True
    ).values_list("application_id", "organisation_id"):
        organisations.setdefault(organisation_id, set()).add(application_id)
    recipients: dict[int, dict] = {}
    for membership in Membership.objects.filter(
        organisation_id__in=organisations, user__is_active=True
    ).select_related("user"):
        for application_id in organisations[membership.organisation_id]:
            recipients.setdefault(application_id, {})[membership.user_id] = membership.user
    count = 0
    for application_id, users in sorted(recipients.items()):
        decision = by_application[application_id]
        path = reverse("decisions:decision", args=[decision.pk])
        for _pk, user in sorted(users.items()):
            language = notify.email_language(user.language, decision.language)
            subject, body = notify.render(
                "decision_sent",
                {"decision": decision, "application": decision.application, "url": settings.SITE_URL + path,
                 "recipient": user},
                language,
            )  # fmt: skip
            Notification.objects.create(user=user, subject=subject, body=body, url=path)
            count += 1
    return count


def rectify(call, people: People, past: _Clock) -> Decision | None:
    """Hämeenlinna's signatory requests rectification of the rejection within the 30 days; the ministry
    rejects the request in a new decision (with appeal instructions to the administrative court), presented,
    signed and sent like any other."""
    application = Application.objects.filter(call=call, organisation__code=RECTIFYING_MUNICIPALITY).first()
    decision = decisions.current_decision(application) if application else None
    if decision is None or decision.is_granted:
        return None
    past.at(RECTIFICATION_FILED)
    request = decisions.request_rectification(
        decision, by=people.rectifier, text=texts.RECTIFICATION_REQUEST, at=RECTIFICATION_FILED
    )
    past.at(RECTIFICATION_HANDLED)
    score = ApplicationScore.objects.get(application=application).score
    new = decisions.handle_rectification(
        request, by=people.official, outcome=Decision.Outcome.REJECTED, amount=None,
        reasons=texts.RECTIFICATION_REASONS.format(score=_comma(score), threshold=_comma(THRESHOLD, 1)),
    )  # fmt: skip
    past.at(RECTIFICATION_PRESENTED)
    decisions.present([new], by=people.presenter)
    past.at(RECTIFICATION_SIGNED)
    decisions.sign([new], by=people.decision_maker, at=RECTIFICATION_SIGNED)
    past.at(RECTIFICATION_SENT)
    decisions.send(call, by=people.official)
    new = Decision.objects.select_related("application").get(pk=new.pk)
    tell_quietly([new])
    return new


# --- the round ----------------------------------------------------------------------------------------------


def _untouched(call) -> bool:
    return (
        call is not None
        and Application.objects.filter(call=call, status__in=reviews.UNDER_EVALUATION).exists()
        and not Review.objects.filter(application__call=call).exists()
        and not Decision.objects.filter(application__call=call).exists()
    )


def evaluate_call(call, people, schedule, past, rng, *, funded_count, forced=(), close=(), disqualify=False):
    rows = decisions.ranking(call)
    ids = {r.application.pk for r in rows}
    by_code = {r.application.organisation.code: r.application.pk for r in rows}
    forced_ids = [by_code[code] for code in forced if code in by_code] if forced else []
    close_ids = {by_code[code] for code in close if code in by_code}
    # The extremes of 2019: the smallest and the largest possible grant are among the funded.
    fundable = [r for r in rows if SMALLEST_GRANT <= r.maximum <= LARGEST_GRANT]
    extremes = [r.application.pk for r in fundable if r.maximum in (SMALLEST_GRANT, LARGEST_GRANT)]
    funded = choose_funded(
        rng, rows, funded_count, decisions.default_budget(call), forced=[*extremes, *forced_ids],
        excluded=close_ids,
    )  # fmt: skip
    submitted = review_call(
        call, people, schedule, past, rng, funded=funded & ids, close=close_ids, disqualify=disqualify
    )
    scenario = allocate(call, people, schedule, past)
    sent = decide(call, scenario, people, schedule, past)
    return {
        "reviews": submitted,
        "decisions": len(sent),
        "granted": sum(1 for d in sent if d.is_granted),
    }


@transaction.atomic
def seed_evaluation_2019(programme) -> dict:
    """Review and decide the 2019 round: track 1 (41 funded, the rest rejected), a request for rectification
    handled, and track 2's joint applications. A call that already has reviews or decisions is left alone;
    nothing is done without the demo users. Returns what was made."""
    people = demo_people()
    if people is None:
        return {}
    result = {}
    first, joint = track_1_call(programme), joint_call(programme)
    with history() as past:
        if _untouched(first):
            result["track_1"] = evaluate_call(
                first, people, TRACK_1, past, random.Random(f"{SEED}-evaluation-track-1"),
                funded_count=FUNDED["track_1"], forced=GRANTED_MUNICIPALITIES, close=(RECTIFYING_MUNICIPALITY,),
                disqualify=True,
            )  # fmt: skip
            if rectify(first, people, past) is not None:
                result["rectifications"] = 1
        if _untouched(joint):
            result["track_2"] = evaluate_call(
                joint, people, TRACK_2, past, random.Random(f"{SEED}-evaluation-track-2"),
                funded_count=FUNDED["track_2"],
            )  # fmt: skip
    if result:
        # The demo's people were told above, without email: nothing is left for the delivery sweep.
        Decision.objects.filter(
            application__call__programme=programme, state=Decision.State.SENT, delivered_at__isnull=True
        ).update(delivered_at=F("sent_at"))
        audit.record(None, "demo.evaluation_seeded", programme, result)
    return result
