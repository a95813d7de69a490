"""The ministry's side of the applications, for the case-management integration, and the decision on an
application:

    GET /applications/?call=&status=       officials, administrators, presenters and decision-makers: every
                                           submitted application with its score and decision (paginated); the
                                           route is the applications list (endpoints/applications.py), which
                                           answers municipal people with their own applications as before
    GET /applications/{id}/decision/       the decision on an application, for those allowed to see it

Who sees what is the pages' answer (`core.permissions.can`): a list row is an application the caller may see in
the ministry's view (`applications.view_ministry_application`: never a draft, never one the caller is
disqualified from); the decision is the one `decisions.view_decision` lets the caller read — for the ministry the
latest of any state, for the applicant's people the one in force once it is sent. Anything else is 404.
"""

from decimal import Decimal

from django.db.models import Exists, OuterRef, Prefetch, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router

from kannustin.applications.models import Application, Participant, Status
from kannustin.core.permissions import can
from kannustin.decisions.models import Decision
from kannustin.decisions.services import current_decision, rectification_deadline
from kannustin.reviews.models import Review

from ..auth import bearer
from ..errors import ApiError
from ..schemas import DecisionOut, ErrorOut
from ..serialise import decimal_string, finnish_time, trilingual

router = Router(tags=["decisions"], auth=bearer)

MAX_ID = 2**63 - 1  # larger ids cannot exist and would overflow the database's integer
MAX_LIMIT = 500
CENT = Decimal("0.01")
# What a row of the list reads (not the answers, which may be long).
LIST_FIELDS = (
    "call", "case_number", "status", "requested_amount", "submitted_at",
    "organisation__code", "organisation__business_id", "organisation__name_fi", "organisation__name_sv",
    "organisation__name_en", "call__track__number", "score__score",
)  # fmt: skip


def reads_ministry_list(user) -> bool:
    """Officials and administrators follow every submitted application; presenters and decision-makers read
    the ones they present and sign."""
    return can(user, "applications.list_ministry") or can(user, "decisions.follow")


def refused_ministry_list(user) -> bool:
    """Ministry people without a listing role (reviewers) who act for no organisation: 403, not an empty list."""
    return user.is_ministry and not reads_ministry_list(user) and not user.membership_roles


def not_for_reviewers() -> ApiError:
    return ApiError(
        403,
        "permission_denied",
        _(
            "The list of applications is for the ministry's officials, administrators, presenters and "
            "decision-makers. Reviewers find the applications assigned to them on their review pages."
        ),
    )


def _sent(field: str) -> Subquery:
    """A field of the decision in force (the latest sent), as in `decisions.services.current_decision`."""
    return Subquery(
        Decision.objects.filter(application=OuterRef("pk"), state=Decision.State.SENT)
        .order_by("-sent_at", "-pk")
        .values(field)[:1]
    )


def _organisation(organisation) -> dict:
    return {
        "identifier": organisation.identifier,
        "code": organisation.code or None,
        "business_id": organisation.business_id or None,
        **trilingual(organisation, "name"),
    }


def application_page(request, *, call: int | None, status: str | None, limit: int, offset: int) -> dict:
    """The ministry's list, oldest first: the count, then one page in three queries (the applications with
    their lead, track, score and decision in force; the co-applicants; the caller's own reviews of them)."""
    user = request.user
    disqualified = Review.objects.filter(
        application=OuterRef("pk"), reviewer_id=user.pk, state=Review.State.DISQUALIFIED
    )
    applications = Application.objects.exclude(status=Status.DRAFT).exclude(Exists(disqualified))
    if call is not None:
        applications = applications.filter(call_id=call)
    if status:
        applications = applications.filter(status=status)
    count = applications.count()
    partners = (
        Participant.objects.filter(role=Participant.Role.PARTNER, declined_at__isnull=True)
        .select_related("organisation")
        .only("application", "order", "organisation__code", "organisation__business_id")
        .order_by("order", "pk")
    )
    page = list(
        applications.select_related("organisation", "call__track", "score")
        .only(*LIST_FIELDS)
        .annotate(granted=_sent("amount"), outcome=_sent("outcome"), decision_number=_sent("number"))
        .prefetch_related(Prefetch("participants", queryset=partners, to_attr="co_applicants"))
        .order_by("pk")[offset : offset + limit]
    )
    # The permission rules read the caller's reviews of each application (a disqualification, a review):
    # fetched here for the whole page at once.
    reviews: dict[int, list] = {application.pk: [] for application in page}
    for review in Review.objects.filter(reviewer_id=user.pk, application_id__in=list(reviews)):
        reviews[review.application_id].append(review)
    for application in page:
        application.__dict__.setdefault("_reviews_by_user", {})[user.pk] = reviews[application.pk]
    items = []
    for application in page:
        if not can(user, "applications.view_ministry_application", application):
            continue
        score = getattr(application, "score", None)
        granted = application.outcome == Decision.Outcome.GRANTED
        items.append(
            {
                "id": application.pk,
                "call": application.call_id,
                "case_number": application.case_number,
                "lead": _organisation(application.organisation),
                "co_applicants": [p.organisation.identifier for p in application.co_applicants],
                "track": application.call.track.number,
                "status": application.status,
                "requested_amount": decimal_string(application.requested_amount),
                "score": decimal_string(score.score) if score is not None else None,
                # SQLite gives a subquery's decimal without its scale: cents put back.
                "granted_amount": decimal_string(application.granted.quantize(CENT)) if granted else None,
                "decision_number": application.decision_number,
                "submitted_at": finnish_time(application.submitted_at),
            }
        )
    return {"count": count, "limit": limit, "offset": offset, "items": items}


def _not_found() -> ApiError:
    return ApiError(404, "not_found", _("Nothing was found at this address."))


def _visible_decision(user, application_id: int) -> Decision:
    application = None
    if 0 < application_id <= MAX_ID:
        application = (
            Application.objects.select_related("organisation", "call").filter(pk=application_id).first()
        )
    if application is None or not (
        can(user, "applications.view_application", application)
        or can(user, "applications.view_ministry_application", application)
    ):
        raise _not_found()
    if can(user, "decisions.follow"):
        # The ministry follows a decision from its draft on; the latest made is the one being worked on.
        decision = application.decisions.order_by("-created_at", "-pk").first()
    else:
        decision = current_decision(application)
    if decision is None:
        raise _not_found()
    decision.application = application
    if not can(user, "decisions.view_decision", decision):
        raise _not_found()
    return decision


@router.get(
    "/applications/{int:application_id}/decision/",
    response={200: DecisionOut, 404: ErrorOut},
    summary="The decision on an application",
)
def get_decision(request, application_id: int):
    """The decision on the application, for those allowed to see it: the applicant's people (every participating
    organisation's) once it is sent — the decision in force, the latest sent — and the ministry's officials,
    administrators, presenters and decision-makers from its draft on (the latest made, whatever its state).
    404 when there is no such application, none you may see, or no decision you may see on it."""
    decision = _visible_decision(request.user, application_id)
    return {
        "id": decision.pk,
        "application": decision.application_id,
        "status": decision.state,
        "outcome": decision.outcome,
        "amount": decimal_string(decision.amount),
        "max_share": decimal_string(decision.max_share),
        "language": decision.language,
        "number": decision.number,
        "signed_at": finnish_time(decision.signed_at),
        "sent_at": finnish_time(decision.sent_at),
        "period_starts": decision.period_starts,
        "period_ends": decision.period_ends,
        "pdf_url": request.build_absolute_uri(reverse("decisions:pdf", args=[decision.pk])),
        "rectification_decision": decision.rectification_id is not None,
        "rectification_deadline": None if decision.rectification_id else rectification_deadline(decision),
    }
