"""Applications through the API: the caller's own applications, drafts, saving with the version check,
attachments, submission, and a partner confirming its participation. The same actions and the same
permission check (`core.permissions.can`) as the pages: the API never writes rows itself."""

from datetime import datetime
from decimal import Decimal
from types import SimpleNamespace
from typing import Any, Literal

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, File, Query, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import field_validator

from kannustin.accounts.roles import Role
from kannustin.applications import actions, permissions, presentation, validation
from kannustin.applications.files import FileRefused
from kannustin.applications.models import Application, Participant
from kannustin.core.permissions import can
from kannustin.programmes.models import Call
from kannustin.registry.models import find_organisation

from ..auth import bearer
from ..errors import ApiError
from ..schemas import (
    APPLICATION_STATUSES,
    ApplicationStatus,
    ErrorOut,
    MinistryApplicationListOut,
    ValidationErrorOut,
)
from ..serialise import decimal_string, finnish_time, trilingual
from . import ministry

router = Router(tags=["applications"], auth=bearer)

Money = str  # euros as a decimal string, e.g. "12500.00"
MAX_ID = 2**63 - 1  # larger ids cannot exist and would overflow the database's integer


class ApplicationCreateIn(Schema):
    call: int = Field(description="Id of an open call.")
    organisation: str = Field(description="Municipality code (e.g. 091) or Business ID of the applicant.")


class BudgetLine(Schema):
    category: str = Field(description="A cost category key of the call.")
    year: int
    description: str = ""
    amount: Money = Field(description="Euros as a decimal string, VAT excluded.")


class Contact(Schema):
    name: str
    title: str = ""
    email: str
    phone: str = ""
    role: str = Field("", description="Role in the project.")


class IndicatorRow(Schema):
    name: str
    baseline: str = Field(description="The situation now.")
    target: str = Field(description="The target after the project.")
    follow_up: str = Field(description="How it is followed up.")


class ParticipantIn(Schema):
    organisation: str = Field(description="Municipality code or Business ID.")
    budget_share: Money | None = Field(None, description="The organisation's share of the eligible costs.")


class ParticipantOut(Schema):
    organisation: str = Field(description="Municipality code or Business ID.")
    name_fi: str
    name_sv: str
    name_en: str
    role: Literal["lead", "administrator", "partner"]
    state: Literal["confirmed", "waiting", "declined"] = Field(
        description="A partner's own signatory confirms or declines its participation."
    )
    confirmed_at: datetime | None
    budget_share: Money | None


class AttachmentOut(Schema):
    id: int
    name: str
    kind: str
    content_type: str
    size: int
    sha256: str
    confidential: bool


class ApplicationOut(Schema):
    id: int
    call: int
    organisation: str | None = Field(description="The lead organisation: municipality code or Business ID.")
    status: str = Field(description="draft, submitted, completion_requested or withdrawn.")
    version: int = Field(
        description="Send it back with PATCH. A change made on an older version merges with "
        "what others saved meanwhile; only one that would overwrite a newer change of the "
        "same answer or part is refused with 409 version_conflict."
    )
    language: str
    question_set_version: int
    sections: list[str] = Field(description="The parts of this application's form, in order.")
    answers: dict[str, Any] = Field(description="Answers by question key.")
    confidential_keys: list[str]
    budget: list[BudgetLine]
    eligible_costs: Money
    requested_amount: Money | None
    max_grant: Money = Field(description="The most the rules allow: the call's aid share of eligible costs.")
    participants: list[ParticipantOut] = Field(description="The lead first, then the partners.")
    participants_confirmed: bool
    contacts: list[Contact]
    indicators: list[IndicatorRow]
    attachments: list[AttachmentOut]
    case_number: str | None
    submitted_at: datetime | None
    updated_at: datetime


class ApplicationListItem(Schema):
    id: int
    call: int
    organisation: str | None
    role: Literal["lead", "administrator", "partner"] = Field(description="Your organisation's role in it.")
    status: str
    title: str
    version: int
    case_number: str | None
    requested_amount: Money | None
    updated_at: datetime


class ApplicationPatchIn(Schema):
    version: int
    answers: dict[str, Any] | None = Field(
        None, description="Answers by question key; others are left alone."
    )
    budget: list[BudgetLine] | None = Field(None, description="Replaces the budget.")
    requested_amount: Money | None = Field(None, description='Euros as a decimal string, e.g. "8500.00".')
    participants: list[ParticipantIn | str] | None = Field(
        None,
        description="Replaces the partners (the lead stays): municipality codes or Business IDs, or objects "
        "with a budget share. Only the lead organisation's people may change it.",
    )
    participants_confirmed: bool | None = Field(
        None, description="The lead confirms the list of participants, or that it applies alone."
    )
    contacts: list[Contact] | None = None
    indicators: list[IndicatorRow] | None = None
    confidential_keys: list[str] | None = None
    confidential_attachments: list[int] | None = Field(
        None, description="Ids of the attachments that hold business secrets; the others are public."
    )


class MissingOut(Schema):
    code: str
    field: str
    section: str
    message: str


class SubmitOut(Schema):
    status: str
    case_number: str
    submitted_at: datetime


class ParticipationIn(Schema):
    confirm: bool = Field(
        True, description="true: your organisation takes part; false: it declines. Either is final."
    )


class ParticipationOut(Schema):
    organisation: str = Field(description="Municipality code or Business ID.")
    name_fi: str
    name_sv: str
    name_en: str
    role: Literal["lead", "administrator", "partner"]
    state: Literal["confirmed", "waiting", "declined"]
    confirmed_at: datetime | None
    declined_at: datetime | None


def _money(value) -> str | None:
    return decimal_string(value) if value is not None else None


def _participants(application: Application, data: dict | None) -> list[dict]:
    """Who takes part, from the saved version when it holds the names (versions written before it did are
    read from the rows)."""
    saved = (data or {}).get("participants")
    if saved is not None and all("name_fi" in entry for entry in saved):
        return [
            {
                "organisation": entry["organisation"],
                "name_fi": entry["name_fi"],
                "name_sv": entry["name_sv"],
                "name_en": entry["name_en"],
                "role": entry["role"],
                "state": entry["state"],
                "confirmed_at": finnish_time(datetime.fromisoformat(entry["confirmed_at"]))
                if entry["confirmed_at"]
                else None,
                "budget_share": _money(Decimal(entry["budget_share"]) if entry["budget_share"] else None),
            }
            for entry in saved
        ]
    return [
        {
            "organisation": p.organisation.identifier,
            "name_fi": p.organisation.name_fi,
            "name_sv": p.organisation.name_sv,
            "name_en": p.organisation.name_en,
            "role": p.role,
            "state": p.state,
            "confirmed_at": finnish_time(p.confirmed_at) if p.confirmed_at else None,
            "budget_share": _money(p.budget_share),
        }
        for p in application.participant_rows()
    ]


def _serialise(application: Application, data: dict | None = None) -> dict:
    """The application as the API shows it. With `data` (the content a save has just written as its version)
    the parts are taken from it instead of being read again; either way the same document."""
    if data is None:
        lines = list(application.budget_lines.all())
        budget = [{"category": b.category, "year": b.year, "description": b.description,
                   "amount": decimal_string(b.amount)} for b in lines]  # fmt: skip
        contacts = list(application.contacts.values("name", "title", "email", "phone", "role"))
        indicators = list(application.indicators.values("name", "baseline", "target", "follow_up"))
        attachments = [
            {"id": a.pk, "name": a.original_name, "kind": a.kind, "content_type": a.content_type, "size": a.size,
             "sha256": a.sha256, "confidential": a.confidential}
            for a in application.attachments.all()
        ]  # fmt: skip
    else:
        lines = [SimpleNamespace(amount=Decimal(line["amount"])) for line in data.get("budget", [])]
        budget = [
            {**line, "amount": decimal_string(Decimal(line["amount"]))} for line in data.get("budget", [])
        ]
        contacts, indicators = data.get("contacts", []), data.get("indicators", [])
        attachments = data.get("attachments", [])
    summary = presentation.budget_summary(application, lines)
    return {
        "id": application.pk,
        "call": application.call_id,
        "organisation": application.organisation.identifier,
        "status": application.status,
        "version": application.version,
        "language": application.language,
        "question_set_version": application.question_set.version,
        "sections": [section.key for section in application.sections()],
        "answers": application.answers,
        "confidential_keys": application.confidential_keys,
        "budget": budget,
        "eligible_costs": decimal_string(summary["eligible_total"]),
        "requested_amount": _money(application.requested_amount),
        "max_grant": decimal_string(summary["max_grant"]),
        "participants": _participants(application, data),
        "participants_confirmed": application.participants_confirmed,
        "contacts": contacts,
        "indicators": indicators,
        "attachments": attachments,
        "case_number": application.case_number,
        "submitted_at": finnish_time(application.submitted_at) if application.submitted_at else None,
        "updated_at": finnish_time(application.updated_at),
    }


def _visible(request, pk, *, with_parts: bool = True) -> Application:
    """The application if the caller may see it (404 otherwise); `with_parts` fetches the rows a read shows."""
    applications = Application.objects.select_related("call", "call__track", "organisation", "question_set")
    if with_parts:
        applications = applications.prefetch_related("budget_lines", "attachments")
    application = get_object_or_404(applications, pk=pk)
    if not can(request.user, "view", application):
        raise ApiError(404, "not_found", _("Nothing was found at this address."))
    actions.mark_seen(application, request.user)
    return application


def _invalid(errors: dict) -> ApiError:
    return ApiError(
        422,
        "validation_error",
        _("The request is not valid. See errors for each field."),
        errors=[
            {"field": field, "location": "body", "message": str(message), "type": "invalid"}
            for field, messages in errors.items()
            for message in messages
        ],
    )


def _call_closed(code: str = "call_closed"):
    if code == "completion_overdue":
        return ApiError(
            409, "completion_overdue", _("The due time of the request for completion has passed.")
        )
    return ApiError(
        409, "call_closed", _("The call is not open: applications are accepted only while it is open.")
    )


def _not_editable(code: str = "not_editable"):
    if code in {"completion_overdue", "call_closed"}:
        return _call_closed(code)
    return ApiError(409, "not_editable", _("The application cannot be changed now."))


class ListFilters(Schema):
    call: int | None = Field(None, ge=1, le=MAX_ID, description="Only applications of this call (its id).")
    status: ApplicationStatus | None = Field(
        None, description=f"Only applications in this state: {', '.join(APPLICATION_STATUSES)}."
    )
    limit: int = Field(
        100, ge=1, le=ministry.MAX_LIMIT,
        description=f"The ministry's list: at most this many items (1–{ministry.MAX_LIMIT}).",
    )  # fmt: skip
    offset: int = Field(0, ge=0, le=10**9, description="The ministry's list: skip this many items first.")

    @field_validator("status", mode="before")
    @classmethod
    def known_status(cls, value):
        if value == "":  # ?status= is no filter
            return None
        if value is not None and value not in APPLICATION_STATUSES:
            raise ValueError(
                _("There is no status %(value)s. Use one of: %(statuses)s.")
                % {"value": str(value)[:50], "statuses": ", ".join(APPLICATION_STATUSES)}
            )
        return value


@router.get("/applications/", response={200: list[ApplicationListItem] | MinistryApplicationListOut,
                                        403: ErrorOut, 422: ValidationErrorOut},
            summary="Applications: your organisations' own, or the ministry's list")  # fmt: skip
def list_applications(request, filters: Query[ListFilters]):
    """**People of an organisation** get the applications of the organisations they act for, in which they take
    part (as the lead or as a partner that has not declined), newest first, as a plain list (`limit` and
    `offset` do not apply).

    **The ministry's officials, administrators, presenters and decision-makers** get every submitted
    application (never a draft, never one they are disqualified from), oldest first, paginated
    (`{"count", "limit", "offset", "items"}`): case number, lead and co-applicants, track, status, requested
    amount, score, and the decision in force (granted amount and decision number) — what case management
    needs. Reviewers get 403: their applications are on their review pages. A constant number of queries per
    page."""
    if ministry.reads_ministry_list(request.user):
        return ministry.application_page(
            request, call=filters.call, status=filters.status, limit=filters.limit, offset=filters.offset
        )
    if ministry.refused_ministry_list(request.user):
        raise ministry.not_for_reviewers()
    organisation_ids = list(request.user.membership_roles)
    roles = dict(
        Participant.objects.filter(
            organisation_id__in=organisation_ids, declined_at__isnull=True
        ).values_list("application_id", "role")
    )
    applications = Application.objects.filter(pk__in=list(roles)).select_related("organisation")
    if filters.call is not None:
        applications = applications.filter(call_id=filters.call)
    if filters.status:
        applications = applications.filter(status=filters.status)
    return [
        {
            "id": a.pk,
            "call": a.call_id,
            "organisation": a.organisation.identifier,
            "role": roles[a.pk],
            "status": a.status,
            "title": a.title,
            "version": a.version,
            "case_number": a.case_number,
            "requested_amount": _money(a.requested_amount),
            "updated_at": finnish_time(a.updated_at),
        }  # fmt: skip
        for a in applications.order_by("-updated_at", "-pk")
    ]


@router.post("/applications/", response={201: ApplicationOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
             summary="Start a draft application")  # fmt: skip
def create_application(request, payload: ApplicationCreateIn):
    call = get_object_or_404(Call.objects.published().select_related("track"), pk=payload.call)
    organisation = find_organisation(payload.organisation)
    if organisation is None or not permissions.member_role(request.user, organisation.pk):
        raise ApiError(403, "permission_denied", _("You do not act for this organisation."))
    try:
        application = actions.create_draft(call, organisation, by=request.user)
    except actions.CallClosed:
        raise _call_closed() from None
    except actions.TooManyDrafts as exc:
        raise ApiError(409, "too_many_drafts", _(
            "Your organisation already has %(count)s unfinished applications in this call. Continue one of "
            "them, or ask the programme's officials if you need more."
        ) % {"count": exc.args[0]}) from None  # fmt: skip
    return Status(201, _serialise(_visible(request, application.pk)))


@router.get("/applications/{int:application_id}/", response={200: ApplicationOut, 404: ErrorOut},
            summary="An application")  # fmt: skip
def get_application(request, application_id: int):
    return _serialise(_visible(request, application_id))


def _plain(value):
    """Typed request parts back to the plain values the actions take."""
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, Schema):
        return {key: _plain(item) for key, item in value.model_dump().items()}
    if isinstance(value, Decimal):
        return str(value)
    return value


@router.patch("/applications/{int:application_id}/", response={200: ApplicationOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
              summary="Save changes to a draft")  # fmt: skip
def patch_application(request, application_id: int, payload: ApplicationPatchIn):
    """An autosave: the application is read once, under its row lock, and the answer is made from what was
    saved (a constant, small number of queries whatever the size of the application)."""
    changes = {key: _plain(getattr(payload, key)) for key in payload.model_fields_set}
    version = changes.pop("version")
    try:
        saved = actions.save(
            Application(pk=application_id), by=request.user, version=version, changes=changes
        )
    except (Application.DoesNotExist, PermissionDenied):
        _visible(request, application_id)  # 404 for what the caller may not see …
        raise ApiError(
            403, "forbidden", _("Only the lead organisation's people change who takes part.")
        ) from None
    except actions.VersionConflict as exc:
        raise ApiError(409, "version_conflict", _("The application was saved by someone else meanwhile."),
                       current_version=exc.application.version) from None  # fmt: skip
    except actions.NotEditable as exc:
        raise _not_editable(exc.code) from None
    except validation.ApplicationInvalid as exc:
        raise _invalid(exc.errors) from None
    return _serialise(saved, saved.saved_data)


@router.post("/applications/{int:application_id}/attachments/", response={201: AttachmentOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
             summary="Add an attachment")  # fmt: skip
def add_attachment(request, application_id: int, file: File[UploadedFile], confidential: bool = False,
                   version: int | None = None):  # fmt: skip
    """Upload a file. With `version` (the application's version your change is based on), a version that never
    existed is refused with 409 `version_conflict`; an older one is fine, as adding a file overwrites nothing."""
    application = _visible(request, application_id)
    try:
        attachment = actions.add_attachment(application, file, by=request.user, confidential=confidential,
                                            version=version)  # fmt: skip
    except actions.VersionConflict as exc:
        raise ApiError(
            409,
            "version_conflict",
            _("The application was saved by someone else meanwhile."),
            current_version=exc.application.version,
        ) from None
    except FileRefused as exc:
        raise _invalid({"file": [str(exc)]}) from None
    except actions.NotEditable as exc:
        raise _not_editable(exc.code) from None
    except validation.ApplicationInvalid as exc:
        raise _invalid(exc.errors) from None
    return Status(201, {"id": attachment.pk, "name": attachment.original_name, "kind": attachment.kind,
                 "content_type": attachment.content_type, "size": attachment.size, "sha256": attachment.sha256,
                 "confidential": attachment.confidential})  # fmt: skip


@router.post("/applications/{int:application_id}/submit/", response={200: SubmitOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
             summary="Submit the application")  # fmt: skip
def submit_application(request, application_id: int):
    try:
        submitted = actions.submit(Application(pk=application_id), by=request.user)
    except (Application.DoesNotExist, PermissionDenied):
        _visible(request, application_id, with_parts=False)  # 404 for what the caller may not see …
        raise ApiError(
            403, "permission_denied", _("Only a signatory of the lead organisation can submit.")
        ) from None
    except actions.Incomplete as exc:
        raise ApiError(
            422, "incomplete", _("The application is not complete."), missing=exc.missing
        ) from None
    except actions.CallClosed as exc:
        raise _call_closed(exc.code) from None
    except actions.NotEditable as exc:
        raise _not_editable(exc.code) from None
    return {"status": submitted.status, "case_number": submitted.case_number,
            "submitted_at": finnish_time(submitted.submitted_at)}  # fmt: skip


def _participation(participant: Participant) -> dict:
    organisation = participant.organisation
    return {
        "organisation": organisation.identifier,
        **trilingual(organisation, "name"),
        "role": participant.role,
        "state": participant.state,
        "confirmed_at": finnish_time(participant.confirmed_at) if participant.confirmed_at else None,
        "declined_at": finnish_time(participant.declined_at) if participant.declined_at else None,
    }


def _already_decided() -> ApiError:
    return ApiError(409, "already_decided", _("The participation has already been decided."))


@router.post("/applications/{int:application_id}/participants/{code}/confirm/",
             response={200: ParticipationOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
             summary="Confirm or decline your organisation's participation")  # fmt: skip
def confirm_participation(request, application_id: int, code: str, payload: ParticipationIn | None = None):
    """For a signatory of a partner organisation named in the application (`code`: its municipality code or
    Business ID): `{"confirm": true}` (or no body) confirms that it takes part, `{"confirm": false}` declines.
    The decision is final: deciding again answers 409 `already_decided`. A declined partner no longer sees the
    application; its signatory still gets 409 `already_decided` here rather than 404."""
    application = None
    if 0 < application_id <= MAX_ID:
        application = (
            Application.objects.select_related("call", "organisation").filter(pk=application_id).first()
        )
    identifier = application is not None and len(code) <= 20 and code.isprintable()
    organisation = find_organisation(code) if identifier else None
    participant = None
    if organisation is not None:
        participant = next(
            (p for p in application.participant_rows() if p.organisation_id == organisation.pk), None
        )
    role = permissions.member_role(request.user, participant.organisation_id) if participant else None
    # The people of a named organisation know of the application, also after declining (when they see it no more).
    if application is None or not (role or can(request.user, "view", application)):
        raise ApiError(404, "not_found", _("Nothing was found at this address."))
    if participant is None:
        raise ApiError(404, "not_found", _("Nothing was found at this address."))
    if role != Role.SIGNATORY:
        raise ApiError(403, "permission_denied", _("Only a signatory of that organisation can confirm it."))
    participant.application = application
    if not can(request.user, "confirm", participant):
        if participant.state != "waiting":  # confirmed or declined; the lead takes part by definition
            raise _already_decided()
        raise _not_editable()  # the application was withdrawn
    try:
        participant = actions.decide_participation(
            participant, by=request.user, confirm=payload.confirm if payload is not None else True
        )
    except actions.NotEditable:
        participant.refresh_from_db(fields=["confirmed_at", "declined_at"])
        raise (_already_decided() if participant.state != "waiting" else _not_editable()) from None
    except PermissionDenied:  # no longer visible: e.g. declined by someone else of the organisation meanwhile
        raise _already_decided() from None
    except Participant.DoesNotExist:  # the lead took the organisation off the application meanwhile
        raise ApiError(404, "not_found", _("Nothing was found at this address.")) from None
    return _participation(participant)
