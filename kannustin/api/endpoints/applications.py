"""Applications through the API: the same actions, rules and permissions as the pages.

Another organisation's application, or a draft seen by the ministry, answers 404 (its existence is not told).
"""

from datetime import datetime
from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, File, Router, Schema, Status
from ninja.files import UploadedFile

from kannustin.applications import actions, permissions, validation
from kannustin.applications.files import FileRefused
from kannustin.applications.models import Application
from kannustin.programmes.models import Call
from kannustin.registry.models import Organisation

from ..auth import bearer
from ..errors import ApiError
from ..schemas import ErrorOut
from ..serialise import decimal_string, finnish_time

router = Router(tags=["applications"], auth=bearer)


class ApplicationCreateIn(Schema):
    call: int = Field(description="Id of an open call.")
    organisation: str = Field(description="Municipality code of the applicant, e.g. 091.")


class BudgetLineOut(Schema):
    category: str
    year: int
    description: str
    amount: str = Field(description="Euros as a decimal string, VAT excluded.")


class ContactOut(Schema):
    name: str
    title: str
    email: str
    phone: str
    role: str


class IndicatorOut(Schema):
    name: str
    baseline: str
    target: str
    follow_up: str


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
    organisation: str | None
    status: str = Field(description="draft, submitted, completion_requested or withdrawn.")
    version: int = Field(description="Send it back with PATCH; a stale version is refused with 409.")
    language: str
    question_set_version: int
    answers: dict[str, Any] = Field(description="Answers by question key.")
    confidential_keys: list[str]
    budget: list[BudgetLineOut]
    eligible_costs: str
    requested_amount: str | None
    max_grant: str = Field(description="The most the rules allow: the call's aid share of eligible costs.")
    co_applicants: list[str] = Field(description="Municipality codes.")
    co_applicants_confirmed: bool
    contacts: list[ContactOut]
    indicators: list[IndicatorOut]
    attachments: list[AttachmentOut]
    case_number: str | None
    submitted_at: datetime | None
    updated_at: datetime


class ApplicationPatchIn(Schema):
    version: int
    answers: dict[str, Any] | None = None
    budget: list[dict[str, Any]] | None = Field(
        None, description='Replaces the budget: [{"category", "year", "description", "amount": "12500.00"}].'
    )
    requested_amount: Any = Field(None, description='Euros as a decimal string, e.g. "8500.00".')
    co_applicants: list[str] | None = None
    co_applicants_confirmed: bool | None = None
    contacts: list[dict[str, Any]] | None = None
    indicators: list[dict[str, Any]] | None = None
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


def _serialise(application: Application) -> dict:
    summary = actions.budget_summary(application)
    return {
        "id": application.pk,
        "call": application.call_id,
        "organisation": application.organisation.code,
        "status": application.status,
        "version": application.version,
        "language": application.language,
        "question_set_version": application.question_set.version,
        "answers": application.answers,
        "confidential_keys": application.confidential_keys,
        "budget": [
            {
                "category": b.category,
                "year": b.year,
                "description": b.description,
                "amount": decimal_string(b.amount),
            }
            for b in application.budget_lines.all()
        ],
        "eligible_costs": decimal_string(summary["eligible_total"]),
        "requested_amount": decimal_string(application.requested_amount),
        "max_grant": decimal_string(summary["max_grant"]),
        "co_applicants": sorted(o.code for o in application.co_applicants.all()),
        "co_applicants_confirmed": application.co_applicants_confirmed,
        "contacts": list(application.contacts.values("name", "title", "email", "phone", "role")),
        "indicators": list(application.indicators.values("name", "baseline", "target", "follow_up")),
        "attachments": [
            {
                "id": a.pk,
                "name": a.original_name,
                "kind": a.kind,
                "content_type": a.content_type,
                "size": a.size,
                "sha256": a.sha256,
                "confidential": a.confidential,
            }  # fmt: skip
            for a in application.attachments.all()
        ],
        "case_number": application.case_number,
        "submitted_at": finnish_time(application.submitted_at) if application.submitted_at else None,
        "updated_at": finnish_time(application.updated_at),
    }


def _visible(request, pk) -> Application:
    application = get_object_or_404(
        Application.objects.select_related(
            "call", "call__track", "organisation", "question_set"
        ).prefetch_related("budget_lines", "co_applicants", "attachments"),
        pk=pk,
    )
    if not permissions.can_view(request.user, application):
        raise ApiError(404, "not_found", _("Nothing was found at this address."))
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


def _call_closed():
    return ApiError(
        409, "call_closed", _("The call is not open: applications are accepted only while it is open.")
    )


def _not_editable():
    return ApiError(409, "not_editable", _("The application cannot be changed now."))


@router.post("/applications/", response={201: ApplicationOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
             summary="Start a draft application")  # fmt: skip
def create_application(request, payload: ApplicationCreateIn):
    call = get_object_or_404(Call.objects.published().select_related("track"), pk=payload.call)
    organisation = Organisation.objects.filter(code=payload.organisation).first()
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


@router.patch("/applications/{int:application_id}/", response={200: ApplicationOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
              summary="Save changes to a draft")  # fmt: skip
def patch_application(request, application_id: int, payload: ApplicationPatchIn):
    application = _visible(request, application_id)
    changes = payload.model_dump(exclude_unset=True)
    version = changes.pop("version")
    try:
        actions.save(application, by=request.user, version=version, changes=changes)
    except actions.VersionConflict as exc:
        raise ApiError(409, "version_conflict", _("The application was saved by someone else meanwhile."),
                       current_version=exc.application.version) from None  # fmt: skip
    except actions.NotEditable:
        raise _not_editable() from None
    except validation.ApplicationInvalid as exc:
        raise _invalid(exc.errors) from None
    return _serialise(_visible(request, application_id))


@router.post("/applications/{int:application_id}/attachments/", response={201: AttachmentOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
             summary="Add an attachment")  # fmt: skip
def add_attachment(request, application_id: int, file: File[UploadedFile], confidential: bool = False):
    application = _visible(request, application_id)
    try:
        attachment = actions.add_attachment(application, file, by=request.user, confidential=confidential)
    except FileRefused as exc:
        raise _invalid({"file": [str(exc)]}) from None
    except actions.NotEditable:
        raise _not_editable() from None
    return Status(201, {"id": attachment.pk, "name": attachment.original_name, "kind": attachment.kind,
                 "content_type": attachment.content_type, "size": attachment.size, "sha256": attachment.sha256,
                 "confidential": attachment.confidential})  # fmt: skip


@router.post("/applications/{int:application_id}/submit/", response={200: SubmitOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
             summary="Submit the application")  # fmt: skip
def submit_application(request, application_id: int):
    application = _visible(request, application_id)
    try:
        submitted = actions.submit(application, by=request.user)
    except actions.Incomplete as exc:
        raise ApiError(
            422, "incomplete", _("The application is not complete."), missing=exc.missing
        ) from None
    except actions.CallClosed:
        raise _call_closed() from None
    except actions.NotEditable:
        raise _not_editable() from None
    return {"status": submitted.status, "case_number": submitted.case_number,
            "submitted_at": finnish_time(submitted.submitted_at)}  # fmt: skip
