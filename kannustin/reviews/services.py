"""Assigning reviewers, their declarations and their scores, and the application's score.

Every write is one atomic function that checks the permission, locks what it changes, records an audit event
and leaves the notifications to after the commit.
"""

from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from kannustin.accounts.roles import Role
from kannustin.applications.models import Application, Participant, Status
from kannustin.core import audit, clock, notify
from kannustin.core.permissions import can

from .models import ApplicationScore, Review, Tie

# Applications that are in evaluation: submitted ones (also while a completion is asked for).
UNDER_EVALUATION = (Status.SUBMITTED, Status.COMPLETION_REQUESTED)
THOUSANDTH = Decimal("0.001")
DIFFERENCE_FLAG = 2


class Conflict(Exception):
    """The review was saved by another request since this form was opened."""

    def __init__(self, current: Review):
        super().__init__("conflict")
        self.current = current


class Refused(Exception):
    """The change is not possible: `code` says why, for pages and the API."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


# The score ---------------------------------------------------------------------------------------------


@dataclass
class Result:
    score: Decimal | None
    reviewers: int
    complete: int
    means: dict = field(default_factory=dict)  # {code: Decimal}
    flagged: list = field(default_factory=list)  # [code]


def compute(criteria, reviews) -> Result:
    """The application's score from its reviews (a pure function: the rule lives here).

    Only complete reviews count: submitted ones that score every scored criterion. Per criterion, the mean of
    those reviewers' scores; the score is the mean of those means weighted by the criteria's weights. A criterion
    is flagged when the reviewers' scores for it differ by `DIFFERENCE_FLAG` or more."""
    scored = [c for c in criteria if c.is_scored]
    active = [r for r in reviews if r.state != Review.State.DISQUALIFIED]
    complete = [
        r
        for r in active
        if r.state == Review.State.SUBMITTED and all(r.score_of(c.code) is not None for c in scored)
    ]
    result = Result(score=None, reviewers=len(active), complete=len(complete))
    if not complete or not scored:
        return result
    weighted = Decimal(0)
    weights = Decimal(0)
    for criterion in scored:
        values = [Decimal(r.score_of(criterion.code)) for r in complete]
        mean = sum(values) / len(values)
        result.means[criterion.code] = mean.quantize(THOUSANDTH, ROUND_HALF_UP)
        if max(values) - min(values) >= DIFFERENCE_FLAG:
            result.flagged.append(criterion.code)
        weighted += criterion.weight * mean
        weights += criterion.weight
    result.score = (weighted / weights).quantize(THOUSANDTH, ROUND_HALF_UP) if weights else None
    return result


def refresh_score(application) -> ApplicationScore:
    """Recompute and store the application's score (inside the transaction that changed a review)."""
    criteria = list(application.call.criteria.all())
    result = compute(criteria, list(Review.objects.filter(application=application)))
    row, _created = ApplicationScore.objects.update_or_create(
        application=application,
        defaults={
            "score": result.score,
            "reviewers": result.reviewers,
            "complete": result.complete,
            "means": {code: str(mean) for code, mean in result.means.items()},
            "flagged": result.flagged,
            "has_flags": bool(result.flagged),
        },
    )
    return row


# Assignment --------------------------------------------------------------------------------------------


def reviewers():
    """Everyone who holds the reviewer role."""
    return get_user_model().objects.filter(global_roles__role=Role.REVIEWER, is_active=True).distinct()


def participant_organisations(application_ids) -> dict[int, set[int]]:
    """{application id: the organisations taking part (lead and partners that have not declined)}."""
    result: dict[int, set[int]] = {}
    rows = Participant.objects.filter(
        application_id__in=application_ids, declined_at__isnull=True
    ).values_list("application_id", "organisation_id")
    for application_id, organisation_id in rows:
        result.setdefault(application_id, set()).add(organisation_id)
    return result


def tied_organisations(reviewer_ids) -> dict[int, set[int]]:
    result: dict[int, set[int]] = {}
    for reviewer_id, organisation_id in Tie.objects.filter(reviewer_id__in=reviewer_ids).values_list(
        "reviewer_id", "organisation_id"
    ):
        result.setdefault(reviewer_id, set()).add(organisation_id)
    return result


def known_tie(reviewer, application) -> Tie | None:
    organisations = participant_organisations([application.pk]).get(
        application.pk, {application.organisation_id}
    )
    return Tie.objects.filter(reviewer=reviewer, organisation_id__in=organisations).first()


def _notify_assigned(reviewer_id: int, application_ids: list[int]) -> None:
    reviewer = get_user_model().objects.get(pk=reviewer_id)
    path = reverse("reviews:mine")
    applications = list(Application.objects.filter(pk__in=application_ids).select_related("call"))
    notify.notify_users(
        [reviewer], "reviews_assigned",
        {"applications": applications, "count": len(applications), "url": settings.SITE_URL + path}, url=path,
    )  # fmt: skip


def assign(application, reviewer, *, by, automatic: bool = False, notify_now: bool = True) -> Review:
    """Give the application to a reviewer. Refused for someone without the reviewer role, with a known tie to
    a participant, who already declared themselves disqualified, or who already has it."""
    if not can(by, "reviews.assign"):
        raise PermissionDenied
    with transaction.atomic():
        app = Application.objects.select_for_update().get(pk=application.pk)
        if app.status not in UNDER_EVALUATION:
            raise Refused("not_in_evaluation")
        if not reviewer.has_role(Role.REVIEWER):
            raise Refused("not_a_reviewer")
        existing = Review.objects.filter(application=app, reviewer=reviewer).first()
        if existing is not None:
            raise Refused("disqualified" if existing.is_disqualified else "already_assigned")
        if known_tie(reviewer, app) is not None:
            raise Refused("tie")
        review = Review.objects.create(
            application=app, reviewer=reviewer, assigned_by=by, automatic=automatic
        )
        audit.record(by, "review.assigned", review, {"reviewer": reviewer.email, "automatic": automatic})
        refresh_score(app)
    if notify_now:
        transaction.on_commit(lambda: _notify_assigned(reviewer.pk, [app.pk]))
    return review


def unassign(review: Review, *, by) -> None:
    """Take an application back from a reviewer who has not declared yet."""
    if not can(by, "reviews.assign"):
        raise PermissionDenied
    with transaction.atomic():
        review = Review.objects.select_for_update().get(pk=review.pk)
        if review.state != Review.State.ASSIGNED:
            raise Refused("declared")
        audit.record(by, "review.unassigned", review, {"reviewer": review.reviewer.email})
        application = review.application
        review.delete()
        refresh_score(application)


def auto_assign(call, *, by, per: int | None = None) -> int:
    """Give every application of the call in evaluation `per` reviewers (the call's setting), least loaded
    first, never one with a tie to a participant or one who declared themselves disqualified. Returns how
    many assignments were made. Run again after a disqualification to fill the gap."""
    if not can(by, "reviews.assign"):
        raise PermissionDenied
    per = per or call.reviewers_per_application
    made: dict[int, list[int]] = {}
    with transaction.atomic():
        pool = list(reviewers().order_by("pk"))
        if not pool:
            return 0
        applications = list(
            Application.objects.select_for_update()
            .filter(call=call, status__in=UNDER_EVALUATION)
            .order_by("submitted_at", "pk")
        )
        ids = [a.pk for a in applications]
        existing = list(
            Review.objects.filter(application_id__in=ids).values_list(
                "application_id", "reviewer_id", "state"
            )
        )
        taken: dict[int, set[int]] = {}
        active: Counter = Counter()
        for application_id, reviewer_id, state in existing:
            taken.setdefault(application_id, set()).add(reviewer_id)
            if state != Review.State.DISQUALIFIED:
                active[application_id] += 1
        # The load: active reviews in this call, so the work spreads evenly within the round.
        load = Counter(
            Review.objects.active().filter(application__call=call).values_list("reviewer_id", flat=True)
        )
        organisations = participant_organisations(ids)
        ties = tied_organisations([r.pk for r in pool])
        new = []
        for application in applications:
            needed = per - active[application.pk]
            if needed <= 0:
                continue
            involved = organisations.get(application.pk, {application.organisation_id})
            candidates = [
                r for r in pool
                if r.pk not in taken.get(application.pk, set()) and not (ties.get(r.pk, set()) & involved)
            ]  # fmt: skip
            candidates.sort(key=lambda r: (load[r.pk], r.pk))
            for reviewer in candidates[:needed]:
                new.append(Review(application=application, reviewer=reviewer, assigned_by=by, automatic=True))
                load[reviewer.pk] += 1
                taken.setdefault(application.pk, set()).add(reviewer.pk)
                made.setdefault(reviewer.pk, []).append(application.pk)
        Review.objects.bulk_create(new)
        for application in {review.application for review in new}:
            refresh_score(application)
        if new:
            audit.record(by, "reviews.auto_assigned", call, {"assignments": len(new), "per_application": per})
    for reviewer_id, application_ids in made.items():
        transaction.on_commit(lambda r=reviewer_id, a=application_ids: _notify_assigned(r, a))
    return sum(len(v) for v in made.values())


# Declaration -------------------------------------------------------------------------------------------


def _officials():
    return get_user_model().objects.filter(global_roles__role=Role.OFFICIAL, is_active=True).distinct()


def _notify_disqualified(review_id: int) -> None:
    review = Review.objects.select_related(
        "application", "application__call", "reviewer", "replaced_by__reviewer"
    ).get(pk=review_id)
    path = reverse("reviews:declarations", args=[review.application.call_id])
    notify.notify_users(
        _officials(), "review_disqualified",
        {"review": review, "application": review.application, "url": settings.SITE_URL + path}, url=path,
        matter_language=review.application.language,
    )  # fmt: skip


def declare(review: Review, *, by, disqualified: bool, ground: str = "", explanation: str = "") -> Review:
    """The reviewer's declaration before seeing the application. A disqualified reviewer's review is kept as the
    declaration and the application is given to the least loaded reviewer without a tie, if there is one."""
    errors = {}
    if disqualified and not ground:
        errors["ground"] = [_("Choose the ground for the disqualification.")]
    if disqualified and not explanation.strip():
        errors["explanation"] = [_("Explain briefly how you are connected to the application.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        review = (
            Review.objects.select_for_update()
            .select_related("application", "application__call")
            .get(pk=review.pk)
        )
        if not can(by, "reviews.declare_review", review):
            raise PermissionDenied
        review.declared_at = clock.now()
        if disqualified:
            review.state = Review.State.DISQUALIFIED
            review.ground = ground
            review.explanation = explanation.strip()
        else:
            review.state = Review.State.IN_PROGRESS
            review.ground, review.explanation = "", ""
        review.save()
        audit.record(by, "review.declared", review, {"disqualified": disqualified, "ground": review.ground})
        if disqualified:
            review.replaced_by = _replace(review, by=by)
            if review.replaced_by:
                review.save(update_fields=["replaced_by"])
            refresh_score(review.application)
            transaction.on_commit(lambda: _notify_disqualified(review.pk))
    return review


def _replace(review: Review, *, by) -> Review | None:
    application = review.application
    taken = set(Review.objects.filter(application=application).values_list("reviewer_id", flat=True))
    involved = participant_organisations([application.pk]).get(application.pk, {application.organisation_id})
    pool = [r for r in reviewers().order_by("pk") if r.pk not in taken]
    ties = tied_organisations([r.pk for r in pool])
    pool = [r for r in pool if not (ties.get(r.pk, set()) & involved)]
    if not pool:
        return None
    load = Counter(
        Review.objects.active()
        .filter(application__call=application.call)
        .values_list("reviewer_id", flat=True)
    )
    reviewer = min(pool, key=lambda r: (load[r.pk], r.pk))
    replacement = Review.objects.create(
        application=application, reviewer=reviewer, assigned_by=None, automatic=True
    )
    audit.record(by, "review.replaced", replacement, {"reviewer": reviewer.email, "replaces": review.pk})
    transaction.on_commit(lambda: _notify_assigned(reviewer.pk, [application.pk]))
    return replacement


# Scoring -----------------------------------------------------------------------------------------------


def clean_scores(call, data: dict) -> dict:
    """Scores as the form or the API sends them, checked against the call's criteria and scale: {code: {score,
    justification}}. A draft may leave scores empty."""
    levels = set(call.scale_levels.values_list("value", flat=True)) or set(
        range(call.score_min, call.score_max + 1)
    )
    codes = {c.code for c in call.criteria.all() if c.is_scored}
    errors = {}
    result = {}
    for code, item in data.items():
        if code not in codes:
            continue
        score = item.get("score")
        justification = (item.get("justification") or "").strip()
        if score in ("", None):
            score = None
        else:
            try:
                score = int(score)
            except (TypeError, ValueError):
                score = -1
            if score not in levels:
                errors[f"score_{code}"] = [_("Choose a score on the call's scale.")]
                continue
        result[code] = {"score": score, "justification": justification[:5000]}
    if errors:
        raise ValidationError(errors)
    return result


def save(review: Review, *, by, scores: dict, comment: str, version: int) -> Review:
    """Save the reviewer's draft. A stale form (another save since it was opened) is refused with `Conflict`."""
    with transaction.atomic():
        current = Review.objects.select_for_update().select_related("application__call").get(pk=review.pk)
        if not can(by, "reviews.score_review", current):
            raise PermissionDenied
        if current.version != version:
            raise Conflict(current)
        current.scores = clean_scores(current.application.call, scores)
        current.comment = comment.strip()[:10000]
        current.version += 1
        current.saved_at = clock.now()
        current.save(update_fields=["scores", "comment", "version", "saved_at"])
        audit.record(by, "review.saved", current, {"version": current.version})
    return current


def missing(review: Review) -> dict:
    """What a submission still lacks: {field: message}."""
    errors = {}
    for criterion in review.application.call.criteria.all():
        if not criterion.is_scored:
            continue
        if review.score_of(criterion.code) is None:
            errors[f"score_{criterion.code}"] = _("Give a score for %(code)s.") % {"code": criterion.code}
        elif not review.justification_of(criterion.code):
            errors[f"justification_{criterion.code}"] = _("Justify the score for %(code)s.") % {
                "code": criterion.code
            }
    return errors


def submit(review: Review, *, by, scores: dict, comment: str, version: int) -> Review:
    """Save and submit: every scored criterion needs a score and a justification. Then the application's score
    is recomputed and the reviewer sees the others' reviews."""
    with transaction.atomic():
        current = save(review, by=by, scores=scores, comment=comment, version=version)
        errors = missing(current)
        if errors:
            raise ValidationError({key: [message] for key, message in errors.items()})
        current.state = Review.State.SUBMITTED
        current.submitted_at = clock.now()
        current.save(update_fields=["state", "submitted_at"])
        audit.record(
            by, "review.submitted", current, {"scores": {k: v["score"] for k, v in current.scores.items()}}
        )
        refresh_score(current.application)
    return current


def reopen(review: Review, *, by) -> Review:
    """An official returns a submitted review to its reviewer (e.g. a justification is missing its point)."""
    if not can(by, "reviews.assign"):
        raise PermissionDenied
    with transaction.atomic():
        current = Review.objects.select_for_update().get(pk=review.pk)
        if current.state != Review.State.SUBMITTED:
            raise Refused("not_submitted")
        current.state = Review.State.IN_PROGRESS
        current.submitted_at = None
        current.version += 1
        current.save(update_fields=["state", "submitted_at", "version"])
        audit.record(by, "review.reopened", current, {})
        refresh_score(current.application)
    return current
