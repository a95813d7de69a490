"""Everything that changes an application: one transaction each, row locked, audited.

Views and the API call these; they never write application rows themselves.
"""

import hashlib
from datetime import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from kannustin.core import audit, clock
from kannustin.programmes.models import Call

from . import permissions, validation
from .files import ACCEPTED, FileRefused, check_upload, stored_name
from .models import (
    Application,
    ApplicationVersion,
    Attachment,
    BudgetLine,
    CaseNumberCounter,
    CompletionRequest,
    ContactPerson,
    Indicator,
    Receipt,
    Status,
    eligible_total,
)


class CallClosed(Exception):
    pass


class TooManyDrafts(Exception):
    """An organisation may keep only a few drafts open in one call (settings.MAX_OPEN_DRAFTS_PER_CALL)."""


class VersionConflict(Exception):
    def __init__(self, application):
        super().__init__(application.version)
        self.application = application


class NotEditable(Exception):
    pass


class Incomplete(Exception):
    def __init__(self, missing):
        super().__init__(missing)
        self.missing = missing


# What part of the form each structured field belongs to (completion requests open parts by these keys).
FIELD_SECTIONS = {
    "budget": "budget",
    "requested_amount": "budget",
    "co_applicants": "co_applicants",
    "co_applicants_confirmed": "co_applicants",
    "contacts": "contacts",
    "indicators": "indicators",
    "confidential_keys": "confidentiality",
    "confidential_attachments": "confidentiality",
}


def _lock(application) -> Application:
    return (
        Application.objects.select_for_update()
        .select_related("call", "call__track", "organisation")
        .get(pk=application.pk)
    )


def _require_editable(user, application):
    """NotEditable for people who may see the application but not change it now; PermissionDenied for others."""
    if not permissions.can_edit(user, application):
        raise NotEditable if permissions.can_view(user, application) else PermissionDenied


def snapshot(application: Application) -> dict:
    return {
        "version": application.version,
        "status": application.status,
        "answers": application.answers,
        "confidential_keys": application.confidential_keys,
        "requested_amount": str(application.requested_amount)
        if application.requested_amount is not None
        else None,
        "co_applicants": sorted(application.co_applicants.values_list("code", flat=True)),
        "co_applicants_confirmed": application.co_applicants_confirmed,
        "budget": [
            {"category": b.category, "year": b.year, "description": b.description, "amount": str(b.amount)}
            for b in application.budget_lines.all()
        ],
        "contacts": list(application.contacts.values("name", "title", "email", "phone", "role")),
        "indicators": list(application.indicators.values("name", "baseline", "target", "follow_up")),
        "attachments": [
            {"id": a.pk, "name": a.original_name, "sha256": a.sha256, "confidential": a.confidential}
            for a in application.attachments.all()
        ],
    }


def _new_version(application, by):
    application.version += 1
    application.updated_by = by
    application.save()
    ApplicationVersion.objects.create(application=application, version=application.version, saved_by=by,
                                      data=snapshot(application))  # fmt: skip


def create_draft(call: Call, organisation, *, by, at: datetime | None = None) -> Application:
    if not permissions.member_role(by, organisation.pk):
        raise PermissionDenied
    if not clock.is_open(call.opens_at, call.closes_at, at):
        raise CallClosed
    question_set = call.current_question_set()
    with transaction.atomic():
        # Under the organisation's row lock, so that parallel starts cannot pass the cap together.
        type(organisation).objects.select_for_update().filter(pk=organisation.pk).first()
        drafts = Application.objects.filter(call=call, organisation=organisation, status=Status.DRAFT).count()
        if drafts >= settings.MAX_OPEN_DRAFTS_PER_CALL:
            raise TooManyDrafts(drafts)
        application = Application.objects.create(
            call=call,
            question_set=question_set,
            organisation=organisation,
            created_by=by,
            updated_by=by,
            language=organisation.official_language,
        )
        if question_set.locked_at is None:
            type(question_set).objects.filter(pk=question_set.pk).update(locked_at=clock.now())
        ApplicationVersion.objects.create(
            application=application, version=1, saved_by=by, data=snapshot(application)
        )
        audit.record(
            by, "application.created", application, {"call": call.pk, "organisation": organisation.code}
        )
    return application


def editable_sections(application) -> set[str] | None:
    """None means every part; during a completion request only the parts it names."""
    if application.status == Status.DRAFT:
        return None
    request = application.completion_requests.filter(state=CompletionRequest.State.OPEN).first()
    return set(request.sections) if request else set()


def save(application: Application, *, by, version: int, changes: dict) -> Application:
    """Apply `changes` (any of answers, budget, requested_amount, co_applicants, co_applicants_confirmed,
    contacts, indicators, confidential_keys, confidential_attachments — ids of the attachments that hold
    business secrets) if `version` is still the current one. Drafts may be
    incomplete; every value given must be valid."""
    with transaction.atomic():
        app = _lock(application)
        _require_editable(by, app)
        if int(version) != app.version:
            raise VersionConflict(app)
        allowed = editable_sections(app)
        questions = {q.key: q for q in app.questions()}
        before = snapshot(app)
        errors = {}
        if allowed is not None:
            touched = {FIELD_SECTIONS[key] for key in changes if key in FIELD_SECTIONS}
            touched |= {questions[k].section for k in changes.get("answers", {}) if k in questions}
            if touched - allowed:
                raise NotEditable

        def attempt(fn):
            try:
                return fn()
            except validation.ApplicationInvalid as exc:
                errors.update(exc.errors)

        answers = (
            attempt(lambda: validation.clean_answers(questions, changes["answers"]))
            if "answers" in changes
            else None
        )
        budget = (
            attempt(lambda: validation.clean_budget(app.call, changes["budget"]))
            if "budget" in changes
            else None
        )
        requested = (
            attempt(lambda: validation.clean_requested_amount(changes["requested_amount"]))
            if "requested_amount" in changes
            else app.requested_amount
        )
        co_applicants = (
            attempt(lambda: validation.clean_co_applicants(changes["co_applicants"], app.organisation))
            if "co_applicants" in changes
            else None
        )
        contacts = (
            attempt(lambda: validation.clean_contacts(changes["contacts"])) if "contacts" in changes else None
        )
        indicators = (
            attempt(lambda: validation.clean_indicators(changes["indicators"]))
            if "indicators" in changes
            else None
        )
        confidential = changes.get("confidential_keys")
        if confidential is not None and (
            not isinstance(confidential, list) or any(key not in questions for key in confidential)
        ):
            errors["confidential_keys"] = [_("Mark only answers of this form as business secrets.")]
        secret_files = changes.get("confidential_attachments")
        if secret_files is not None:
            try:
                secret_files = {int(pk) for pk in secret_files}
            except (TypeError, ValueError):
                secret_files = None
            if secret_files is None or not secret_files <= set(app.attachments.values_list("pk", flat=True)):
                errors["confidential_attachments"] = [_("Mark only attachments of this application.")]
        if errors:
            raise validation.ApplicationInvalid(errors)

        if secret_files is not None:
            app.attachments.filter(pk__in=secret_files).update(confidential=True)
            app.attachments.exclude(pk__in=secret_files).update(confidential=False)
        if answers is not None:
            app.answers = {**app.answers, **answers}
        if "requested_amount" in changes:
            app.requested_amount = requested
        if confidential is not None:
            app.confidential_keys = [key for key in questions if key in confidential]
        if "co_applicants_confirmed" in changes:
            app.co_applicants_confirmed = bool(changes["co_applicants_confirmed"])
        if budget is not None:
            app.budget_lines.all().delete()
            BudgetLine.objects.bulk_create(
                BudgetLine(application=app, order=i, **line) for i, line in enumerate(budget)
            )
        if co_applicants is not None:
            app.co_applicants.set(co_applicants)
        if contacts is not None:
            app.contacts.all().delete()
            ContactPerson.objects.bulk_create(
                ContactPerson(application=app, order=i, **c) for i, c in enumerate(contacts)
            )
        if indicators is not None:
            app.indicators.all().delete()
            Indicator.objects.bulk_create(
                Indicator(application=app, order=i, **row) for i, row in enumerate(indicators)
            )
        _new_version(app, by)
        after = snapshot(app)
        audit.record(by, "application.saved", app, audit.diff(before, after))
    return app


def add_attachment(
    application, uploaded, *, by, version: int | None = None, description="", confidential=False
):
    """Check the file (type from content, size, count and storage quotas) and store it; refused files are
    never written anywhere. The file is read and judged before any transaction or row lock is taken."""
    kind = check_upload(uploaded, max_bytes=application.call.max_attachment_mb * 1024 * 1024)
    digest = hashlib.sha256()
    for chunk in uploaded.chunks():
        digest.update(chunk)
    uploaded.seek(0)
    with transaction.atomic():
        app = _lock(application)
        _require_editable(by, app)
        if version is not None and int(version) != app.version:
            raise VersionConflict(app)
        allowed = editable_sections(app)
        if allowed is not None and "attachments" not in allowed:
            raise NotEditable
        _check_storage(app, uploaded.size)
        attachment = Attachment(
            application=app,
            original_name=stored_name(uploaded.name, kind),
            content_type=ACCEPTED[kind],
            kind=kind,
            size=uploaded.size,
            sha256=digest.hexdigest(),
            description=description[:300],
            confidential=bool(confidential),
            uploaded_by=by,
        )
        attachment.file.save("upload", uploaded, save=False)
        attachment.save()
        _new_version(app, by)
        audit.record(by, "attachment.added", attachment, {"application": app.pk, "name": attachment.original_name,
                                                         "sha256": attachment.sha256})  # fmt: skip
    return attachment


def _check_storage(app, size: int) -> None:
    """The call's limit on the number of files, and the service's storage quotas per application and per
    organisation (settings), checked under the application's row lock."""
    mb = 1024 * 1024
    count, used = _files_of(Attachment.objects.filter(application=app))
    if count >= app.call.max_attachments:
        raise FileRefused(
            _("You can add at most %(count)s attachments.") % {"count": app.call.max_attachments}
        )
    quota = settings.ATTACHMENT_QUOTA_PER_APPLICATION_MB * mb
    if used + size > quota:
        raise FileRefused(
            _("The attachments of one application can take at most %(quota)s MB; %(used)s MB are in use. Remove a file or make the file smaller.")
            % {"quota": settings.ATTACHMENT_QUOTA_PER_APPLICATION_MB, "used": round(used / mb, 1)}
        )  # fmt: skip
    _count, organisation_used = _files_of(
        Attachment.objects.filter(application__organisation_id=app.organisation_id)
    )
    quota = settings.ATTACHMENT_QUOTA_PER_ORGANISATION_MB * mb
    if organisation_used + size > quota:
        raise FileRefused(
            _("Your organisation's applications can hold at most %(quota)s MB of attachments, and that space is used. Remove files you no longer need, or ask the ministry for more room.")
            % {"quota": settings.ATTACHMENT_QUOTA_PER_ORGANISATION_MB}
        )  # fmt: skip


def _files_of(attachments) -> tuple[int, int]:
    totals = attachments.aggregate(count=Count("pk"), used=Sum("size"))
    return totals["count"], totals["used"] or 0


def remove_attachment(attachment, *, by):
    with transaction.atomic():
        app = _lock(attachment.application)
        _require_editable(by, app)
        allowed = editable_sections(app)
        if allowed is not None and "attachments" not in allowed:
            raise NotEditable
        audit.record(
            by, "attachment.removed", attachment, {"application": app.pk, "name": attachment.original_name}
        )
        attachment.file.delete(save=False)
        attachment.delete()
        _new_version(app, by)


def next_case_number(prefix: str, year: int) -> str:
    counter, _created = CaseNumberCounter.objects.select_for_update().get_or_create(prefix=prefix, year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"{prefix}/{counter.last}/{year}"


def submit(application: Application, *, by, at: datetime | None = None) -> Application:
    """Submit (or resubmit after a completion request). Atomic and idempotent: a second call for an already
    submitted application returns it unchanged, with the same case number."""
    from kannustin.maturity import services as maturity

    from .notifications import resubmitted
    from .tasks import enqueue_receipt

    at = at or clock.now()
    with transaction.atomic():
        app = _lock(application)
        if not permissions.can_view(by, app) or not permissions.can_submit(by, app):
            raise PermissionDenied
        if app.status == Status.SUBMITTED:
            return app
        if app.status == Status.WITHDRAWN:
            raise NotEditable
        request = None
        if app.status == Status.COMPLETION_REQUESTED:
            request = app.completion_requests.filter(state=CompletionRequest.State.OPEN).first()
            if request is None or at >= request.due_at:
                raise CallClosed
        elif not clock.is_open(app.call.opens_at, app.call.closes_at, at):
            raise CallClosed
        missing = validation.missing_for_submit(app)
        if missing:
            raise Incomplete(missing)
        first_time = app.case_number is None
        if first_time:
            app.case_number = next_case_number(app.call.case_number_prefix, clock.helsinki(at).year)
            app.submitted_at = at
            app.submitted_by = by
        if request is not None:
            request.state = CompletionRequest.State.ANSWERED
            request.answered_at, request.answered_by = at, by
            request.save(update_fields=["state", "answered_at", "answered_by"])
        app.status = Status.SUBMITTED
        if app.call.maturity_model_id:
            assessment = app.maturity_assessment()
            if assessment is not None and assessment.frozen_at is None:
                maturity.freeze(assessment, app.pk, by=by)
        _new_version(app, by)
        audit.record(by, "application.submitted" if first_time else "application.resubmitted", app,
                     {"case_number": app.case_number, "version": app.version})  # fmt: skip
        receipt = Receipt.objects.create(application=app, version=app.version, first_time=first_time)
        transaction.on_commit(lambda: enqueue_receipt(receipt.pk))
        if not first_time:
            transaction.on_commit(lambda: resubmitted(app))
    return app


def request_completion(
    application, *, by, message: str, sections: list[str], due_at: datetime
) -> CompletionRequest:
    from .notifications import completion_requested

    with transaction.atomic():
        app = _lock(application)
        if not permissions.can_request_completion(by, app):
            raise PermissionDenied
        if due_at <= clock.now():
            raise validation.ApplicationInvalid({"due_at": [_("The due date must be in the future.")]})
        valid_sections = section_keys(app)
        if not sections or any(s not in valid_sections for s in sections):
            raise validation.ApplicationInvalid(
                {"sections": [_("Choose the parts the applicant may complete.")]}
            )
        if not message.strip():
            raise validation.ApplicationInvalid({"message": [_("Write what the applicant should add.")]})
        request = CompletionRequest.objects.create(
            application=app, requested_by=by, message=message.strip(), sections=sections, due_at=due_at
        )
        app.status = Status.COMPLETION_REQUESTED
        _new_version(app, by)
        audit.record(by, "application.completion_requested", app,
                     {"request": request.pk, "sections": sections, "due_at": due_at})  # fmt: skip
        transaction.on_commit(lambda: completion_requested(request.pk))
    return request


def withdraw(application, *, by, reason: str) -> Application:
    from .notifications import withdrawn

    with transaction.atomic():
        app = _lock(application)
        if not permissions.can_view(by, app):
            raise PermissionDenied
        if app.status == Status.WITHDRAWN:
            return app
        if not permissions.can_submit(by, app):
            raise PermissionDenied
        if not app.can_withdraw:
            raise NotEditable
        if not reason.strip():
            raise validation.ApplicationInvalid(
                {"reason": [_("Tell the ministry why the application is withdrawn.")]}
            )
        app.status = Status.WITHDRAWN
        app.withdrawn_at = clock.now()
        app.withdrawal_reason = reason.strip()
        app.completion_requests.filter(state=CompletionRequest.State.OPEN).update(
            state=CompletionRequest.State.CANCELLED
        )
        _new_version(app, by)
        audit.record(by, "application.withdrawn", app, {"reason": app.withdrawal_reason})
        transaction.on_commit(lambda: withdrawn(app.pk))
    return app


def section_keys(application) -> list[str]:
    """Every part of the form, in order: the question sections of its question set, then the structured ones."""
    sections = []
    for question in application.questions():
        if question.section not in sections:
            sections.append(question.section)
    return sections + ["indicators", "co_applicants", "contacts", "budget", "attachments", "confidentiality"]


def budget_summary(application, lines=None) -> dict:
    lines = list(application.budget_lines.all()) if lines is None else lines
    total = eligible_total(lines)
    requested = application.requested_amount
    limit = validation.max_grant_for(application.call, total)
    # Own financing is what the municipality pays itself: shown only when it is one (0 to 100 % of the eligible
    # costs). When more than the costs is applied for, there is none to show; the limit warning explains.
    own = (total - requested) if requested is not None and 0 <= requested <= total else None
    return {
        "eligible_total": total,
        "requested": requested,
        "own_financing": own,
        "own_share": (own / total * 100).quantize(validation.CENT) if own is not None and total else None,
        "max_grant": limit,
        "within_limit": requested is None or requested <= limit,
        "share": (requested / total * 100).quantize(validation.CENT) if requested and total else None,
    }


__all__ = ["FileRefused", "CallClosed", "TooManyDrafts", "VersionConflict", "NotEditable", "Incomplete"]
