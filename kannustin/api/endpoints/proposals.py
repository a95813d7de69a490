"""Track 2, stage 1: the submitted proposals' public parts, and registering an organisation's interest in one.

    GET  /proposals/                  submitted proposals (public parts), filtered and paginated
    POST /proposals/{id}/interest/    your organisation's interest in a proposal, as a partner or an observer

For signed-in members of an organisation and ministry readers (`jointprojects.browse_proposals`), the same
people the proposals page is for. What of a proposal is public is decided as on the pages: a proposal whose
name or summary is a business secret is not listed at all (`presentation.listable`), and an answer marked as
a secret is left out. Interest goes through `jointprojects.services.register_interest`, the same action as
the page; its refusals (`interest_closed`, `interest_not_open`) are the codes of the answer.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import CharField, Prefetch, Q
from django.db.models.fields.json import KT, KeyTransform
from django.db.models.functions import Cast
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, Query, Router, Schema, Status

from kannustin.accounts.permissions import member_role
from kannustin.applications.models import Application
from kannustin.applications.models import Status as ApplicationStatus
from kannustin.applications.presentation import NAMING_KEYS
from kannustin.core.i18n import translated
from kannustin.core.permissions import can
from kannustin.jointprojects import services
from kannustin.jointprojects.models import Interest
from kannustin.programmes.models import Call, Question, TranslatedOption
from kannustin.registry.models import find_organisation

from ..auth import bearer
from ..errors import ApiError
from ..schemas import ErrorOut, InterestIn, InterestOut, ProposalListOut, ValidationErrorOut
from ..serialise import finnish_time, trilingual

router = Router(tags=["proposals"], auth=bearer)

MAX_ID = 2**63 - 1  # larger ids cannot exist and would overflow the database's integer
MAX_LIMIT = 500
LISTED = (ApplicationStatus.SUBMITTED, ApplicationStatus.COMPLETION_REQUESTED)

# The same words as the proposal page (jointprojects.views.REFUSALS).
REFUSALS = {
    "interest_closed": gettext_lazy(
        "Interest in proposals is no longer taken: the last call of the track has closed."
    ),
    "interest_not_open": gettext_lazy("Interest is taken once the call for proposals has opened."),
}


class ProposalFilters(Schema):
    call: int | None = Field(None, ge=1, le=MAX_ID, description="Only proposals of this call (its id).")
    topic: str | None = Field(
        None, pattern=r"^[-a-zA-Z0-9_]{1,60}$", description="Only proposals with this topic (its key)."
    )
    region: str | None = Field(
        None,
        pattern=r"^[0-9]{2}$",
        description="Only proposals whose lead is in this region (code, e.g. 01).",
    )
    q: str | None = Field(
        None,
        max_length=100,
        pattern=r"^[^\x00]*$",
        description="Part of the title or the summary (case-insensitive).",
    )
    limit: int = Field(100, ge=1, le=MAX_LIMIT, description=f"At most this many items (1–{MAX_LIMIT}).")
    offset: int = Field(0, ge=0, le=10**9, description="Skip this many items first.")


def _secret(key: str) -> Q:
    # confidential_keys is a JSON list of keys; as text each key stands in double quotes (SQLite and PostgreSQL).
    return Q(secret_keys__contains=f'"{key}"')


def listed_proposals():
    """The submitted proposals of published calls that may be named to others: never drafts or withdrawn
    ones, never one whose name or summary is a business secret (`presentation.listable`)."""
    not_listable = Q()
    for key in NAMING_KEYS:
        not_listable |= _secret(key)
    return (
        Application.objects.filter(
            call__stage=Call.Stage.PROPOSAL,
            call__is_published=True,
            call__programme__is_published=True,
            status__in=LISTED,
        )
        .annotate(secret_keys=Cast("confidential_keys", CharField()))
        .exclude(not_listable)
    )


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _keys(value) -> list[str]:
    return [str(item) for item in value] if isinstance(value, list) else []


def _topic_options(question_set_ids) -> dict[int, dict[str, TranslatedOption]]:
    """Question set id → {topic key: option}: the `topics` question of every form on the page, in one query."""
    options = {}
    rows = Question.objects.filter(question_set_id__in=question_set_ids, key="topics").order_by()
    for question_set_id, data in rows.values_list("question_set_id", "options"):
        options[question_set_id] = {
            option.key: option
            for option in (TranslatedOption(item) for item in data or [] if isinstance(item, dict))
        }
    return options


def _topic(key: str, option: TranslatedOption | None, language: str) -> dict:
    if option is None:  # a key the form no longer offers: named by its key
        return {"key": key, "label": key, "label_fi": key, "label_sv": key, "label_en": key}
    return {"key": key, "label": translated(option, "label", language) or key, **trilingual(option, "label")}


def _organisation_names(organisation) -> dict:
    return trilingual(organisation, "name")


def proposal_data(proposal: Application, topic_options: dict, language: str) -> dict:
    secret = set(proposal.confidential_keys or [])
    options = topic_options.get(proposal.question_set_id, {})
    topics = [] if "topics" in secret else _keys(proposal.list_topics)
    lead = proposal.organisation
    return {
        "id": proposal.pk,
        "call": proposal.call_id,
        "case_number": proposal.case_number,
        "title": _text(proposal.list_project_name) or _text(proposal.list_title),
        "summary": _text(proposal.list_summary),
        "topics": [_topic(key, options.get(key), language) for key in topics],
        "national_goals": [] if "national_goals" in secret else _keys(proposal.list_goals),
        "lead": {
            "identifier": lead.identifier,
            "kind": lead.kind,
            **_organisation_names(lead),
            "region": lead.region.code if lead.region_id else None,
        },
        "submitted_at": finnish_time(proposal.submitted_at),
        "interested": [
            {
                "organisation": interest.organisation.identifier,
                **_organisation_names(interest.organisation),
                "kind": interest.kind,
                "accepted": interest.accepted_at is not None,
            }
            for interest in proposal.interests.all()
        ],
    }


@router.get(
    "/proposals/",
    response={200: ProposalListOut, 403: ErrorOut, 422: ValidationErrorOut},
    summary="Submitted proposals (track 2)",
)
def list_proposals(request, filters: Query[ProposalFilters], response: HttpResponse):
    """The public parts of the submitted proposals of every published call for proposals, newest first:
    title, summary, topics, national goals, the lead and the organisations interested in each. For members
    of an organisation and ministry officials; others get 403. A constant number of queries per page."""
    if not can(request.user, "jointprojects.browse_proposals"):
        raise ApiError(
            403,
            "permission_denied",
            _("Proposals are shown to people who act for an organisation, and to the ministry's officials."),
        )
    proposals = listed_proposals()
    if filters.call is not None:
        proposals = proposals.filter(call_id=filters.call)
    if filters.topic:
        # A proposal whose topics are a business secret is not found by them either.
        proposals = (
            proposals.annotate(topics_text=Cast(KeyTransform("topics", "answers"), CharField()))
            .filter(topics_text__contains=f'"{filters.topic}"')
            .exclude(_secret("topics"))
        )
    if filters.region:
        proposals = proposals.filter(organisation__region__code=filters.region)
    proposals = proposals.annotate(
        list_project_name=KT("answers__project_name"),
        list_title=KT("answers__title"),
        list_summary=KT("answers__summary"),
        list_topics=KeyTransform("topics", "answers"),
        list_goals=KeyTransform("national_goals", "answers"),
    )
    needle = (filters.q or "").strip()
    if needle:
        proposals = proposals.filter(
            Q(list_project_name__icontains=needle)
            | Q(list_title__icontains=needle)
            | Q(list_summary__icontains=needle)
        )
    count = proposals.count()
    page = list(
        proposals.select_related("organisation", "organisation__region")
        .only(
            "pk", "call", "question_set", "case_number", "status", "submitted_at", "confidential_keys",
            "organisation__kind", "organisation__code", "organisation__business_id", "organisation__name_fi",
            "organisation__name_sv", "organisation__name_en", "organisation__region__code",
        )
        .prefetch_related(
            Prefetch(
                "interests",
                queryset=Interest.objects.select_related("organisation").order_by("created_at", "pk"),
            )
        )
        .order_by("-submitted_at", "-pk")[filters.offset : filters.offset + filters.limit]
    )  # fmt: skip
    options = _topic_options({proposal.question_set_id for proposal in page}) if page else {}
    language = (translation.get_language() or "en")[:2]  # the API language of the request (api.py)
    # The topics' `label` follows Accept-Language: caches must keep one answer per language.
    patch_vary_headers(response, ["Accept-Language"])
    return {
        "count": count,
        "limit": filters.limit,
        "offset": filters.offset,
        "items": [proposal_data(proposal, options, language) for proposal in page],
    }


def interest_data(interest: Interest) -> dict:
    return {
        "id": interest.pk,
        "proposal": interest.proposal_id,
        "organisation": interest.organisation.identifier,
        **_organisation_names(interest.organisation),
        "kind": interest.kind,
        "note": interest.note,
        "accepted": interest.accepted_at is not None,
        "created_at": finnish_time(interest.created_at),
    }


def _visible_proposal(request, proposal_id: int) -> Application:
    """The proposal if the caller may see it; 404 for anything else (no such id, not a proposal, a draft of
    someone else's …), so that existence is not revealed."""
    proposal = None
    if 0 < proposal_id <= MAX_ID:
        proposal = (
            Application.objects.select_related("call", "organisation")
            .filter(pk=proposal_id, call__stage=Call.Stage.PROPOSAL)
            .first()
        )
    if proposal is None or not can(request.user, "jointprojects.view_proposal", proposal):
        raise ApiError(404, "not_found", _("Nothing was found at this address."))
    return proposal


@router.post(
    "/proposals/{int:proposal_id}/interest/",
    response={200: InterestOut, 201: InterestOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Register your organisation's interest in a proposal",
)
def register_interest(request, proposal_id: int, payload: InterestIn):
    """One of your organisations (not the proposal's lead) wants to take part in the proposal's joint project
    as a partner, or to follow it as an observer. 201 when registered, 200 when an earlier registration of
    the same organisation was updated (kind and note; an accepted partner stays accepted). Taken from the
    opening of the call for proposals until the last call of its track closes: otherwise 409
    `interest_not_open` or `interest_closed`."""
    proposal = _visible_proposal(request, proposal_id)
    organisation = find_organisation(payload.organisation)
    if organisation is None or member_role(request.user, organisation.pk) is None:
        raise ApiError(403, "permission_denied", _("You do not act for this organisation."))
    if organisation.pk == proposal.organisation_id:
        raise ApiError(
            403,
            "own_proposal",
            _("The proposal is your organisation's own: register interest for another organisation."),
        )
    if proposal.status not in LISTED:  # the proposal's own people see their draft or withdrawn proposal
        raise ApiError(409, "not_submitted", _("Interest can be registered only in a submitted proposal."))
    existed = Interest.objects.filter(proposal=proposal, organisation=organisation).exists()
    try:
        interest = services.register_interest(
            proposal, organisation, by=request.user, kind=payload.kind, note=payload.note
        )
    except PermissionDenied:
        raise ApiError(403, "permission_denied", _("You do not have permission to do this.")) from None
    except services.Refused as exc:
        raise ApiError(409, exc.code, str(REFUSALS.get(exc.code, _("This cannot be done now.")))) from None
    interest.organisation = organisation
    return Status(200 if existed else 201, interest_data(interest))
