"""Everything that changes an application: one transaction each, row locked, permission and time checked,
audited, with its side effects (emails, receipts) after commit.

Views and the API call these; they never write application rows themselves. Who may do what is asked of
`core.permissions.can` (rules in permissions.py); state changes go through `workflow.perform`.
"""

import functools
import hashlib
from datetime import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from kannustin.core import audit, clock
from kannustin.core.permissions import can
from kannustin.programmes.models import Call

from . import completeness, validation, workflow
from .files import ACCEPTED, FileRefused, check_upload, stored_name
from .models import (
    DECIDED,
    Application,
    ApplicationVersion,
    Attachment,
    CaseNumberCounter,
    CompletionRequest,
    Participant,
    Receipt,
    Status,
)
from .parts import PARTS, change_owners, forget_saved_flags, part_for, required_documents
from .workflow import CallClosed, NotEditable, Refused


class TooManyDrafts(Exception):
    """An organisation may keep only a few drafts open in one call (settings.MAX_OPEN_DRAFTS_PER_CALL)."""


class VersionConflict(Exception):
    def __init__(self, application):
        super().__init__(application.version)
        self.application = application


class Incomplete(Exception):
    def __init__(self, missing):
        super().__init__(missing)
        self.missing = missing


def _lock(application) -> Application:
    return _lock_query().get(pk=application.pk)


@functools.cache
def _lock_query():
    """The application under its row lock with its call, organisation and question set, built once per process.
    FOR UPDATE OF the application only: without OF, PostgreSQL also locks the joined call, organisation and
    question set rows, and every save of every application in the call would queue behind the call's lock."""
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("call", "organisation", "question_set")
        # The call's long texts (three languages of Markdown) are never needed to change an application.
        .defer(*(f"call__{field}_{lang}" for field in ("body", "eligibility") for lang in ("fi", "sv", "en")))
    )


def _require_change(user, application, action: str = "change", at=None) -> None:
    """PermissionDenied for people who may not see the application; NotEditable (with the reason as its
    code) for those who may see it but not change it now."""
    if can(user, action, application):
        return
    if not can(user, "view", application):
        raise PermissionDenied
    raise NotEditable(application.editing_refusal(at) or "not_editable")


def _require_part(application, section_key: str) -> None:
    """Under a completion request only the parts it names may change."""
    allowed = application.changeable_parts()
    if allowed is not None and section_key not in allowed:
        raise NotEditable


def snapshot(application: Application) -> dict:
    """The application's whole content as JSON: what a saved version keeps."""
    data = {
        "version": application.version,
        "status": application.status,
        "answers": application.answers,
    }
    for section in application.sections():
        part = part_for(section)
        if part is not None:
            data.update(part.snapshot(application))
    return data


def current_data(application) -> dict:
    """The application's content as its latest version keeps it (one query): every change of content makes a
    version, so this equals `snapshot` without reading every part again."""
    return _latest(application)[0]


def _latest(application) -> tuple[dict, dict | None]:
    """(content, the latest version row's pk, kept, saved_by_id, saved_at and folded) in one query."""
    row = (
        ApplicationVersion.objects.filter(application=application, version=application.version)
        .values("data", "pk", "kept", "saved_by_id", "saved_at", "folded")
        .first()
    )
    if row is None:
        return snapshot(application), None
    return row.pop("data"), row


def _foldable(application, latest: dict | None, by) -> bool:
    """May this autosave fold into the latest version? Only the author's own autosave of a draft that nobody
    else has seen (`mark_seen`), within VERSION_FOLD_SECONDS of it. Submitted states, states another person
    saw and every conflict's versions are therefore always kept; at most VERSION_FOLD_MAX autosaves make one
    version, so that a long spell of typing still leaves a version every minute or so."""
    return (
        latest is not None
        and not latest["kept"]
        and by is not None
        and latest["saved_by_id"] == by.pk
        and application.status == Status.DRAFT
        and latest["folded"] + 1 < settings.VERSION_FOLD_MAX
        and (clock.now() - latest["saved_at"]).total_seconds() < settings.VERSION_FOLD_SECONDS
    )


def mark_seen(application, user) -> None:
    """Someone other than the last saver is looking at the application: its latest version is kept as its own
    state (no longer folded into its author's next autosave)."""
    if application.status == Status.DRAFT and user.is_authenticated and application.updated_by_id != user.pk:
        _keep_latest(application)


def _keep_latest(application) -> None:
    """Keep the latest version as a state of its own; no write when there is nothing to keep."""
    ApplicationVersion.objects.filter(
        application_id=application.pk, version=application.version, kept=False
    ).update(kept=True)


def _keeping_conflicts(action):
    """The version a conflict was against stays a state of its own: the person told of the conflict may save
    over it next, and folding must not take it away (every conflict stays recoverable). Kept after the
    action's transaction has been rolled back."""

    @functools.wraps(action)
    def wrapper(*args, **kwargs):
        try:
            return action(*args, **kwargs)
        except VersionConflict as exc:
            _keep_latest(exc.application)
            raise

    return wrapper


def _new_version(
    application,
    by,
    *,
    before: dict | None = None,
    touched=(),
    autosave: bool = False,
    fold_into: dict | None = None,
) -> dict:
    """Count the version up, save, and keep the whole content as the new version. With `before` (the content
    as it was) only the `touched` sections are read again: a save costs the same whatever the size of the
    application. With `fold_into` (the latest row, see `_foldable`) that row becomes the new version instead
    of a new row being added, and the new version may itself be folded into its author's next autosave."""
    application.version += 1
    application.updated_by = by
    if autosave:  # only what a save can change: the answers and the columns of the parts it touched
        fields = {"version", "updated_by", "updated_at", "answers"}
        application.save(update_fields=fields.union(*(part_for(s).row_fields for s in touched)))
    else:
        application.save()
    if before is None:
        data = snapshot(application)
    else:
        data = {**before, "version": application.version, "status": application.status,
                "answers": application.answers}  # fmt: skip
        for section in touched:
            data.update(part_for(section).snapshot(application))
    if fold_into is not None:
        ApplicationVersion.objects.filter(pk=fold_into["pk"]).update(
            version=application.version, data=data, saved_at=clock.now(), folded=fold_into["folded"] + 1
        )
    else:
        ApplicationVersion.objects.create(application=application, version=application.version, saved_by=by,
                                          data=data, kept=not autosave)  # fmt: skip
    return data


def create_draft(call: Call, organisation, *, by, at: datetime | None = None) -> Application:
    """A new draft of `organisation` in `call`, with the organisation as its lead participant."""
    if not can(by, "accounts.act_for_organisation", organisation):
        raise PermissionDenied
    if not clock.is_open(call.opens_at, call.closes_at, at):
        raise CallClosed
    question_set = call.current_question_set()
    participants = question_set.sections.filter(kind=PARTS["participants"].kind).first()
    lead_role = ((participants.options or {}) if participants else {}).get("lead_role", Participant.Role.LEAD)
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
        Participant.objects.create(
            application=application, organisation=organisation, role=lead_role, order=0, added_by=by,
            confirmed_at=application.created_at, confirmed_by=by,
        )  # fmt: skip
        if question_set.locked_at is None:
            type(question_set).objects.filter(pk=question_set.pk).update(locked_at=clock.now())
        ApplicationVersion.objects.create(
            application=application, version=1, saved_by=by, data=snapshot(application)
        )
        audit.record(
            by, "application.created", application, {"call": call.pk, "organisation": organisation.identifier}
        )
    return application


@_keeping_conflicts
def save(
    application: Application, *, by, version: int, changes: dict, at: datetime | None = None
) -> Application:
    """Apply `changes` made on `version`: `answers` (by question key) and the changes of the form's
    structured parts (see `parts.py`: budget, requested_amount, participants, participants_confirmed,
    contacts, indicators, confidential_keys, confidential_attachments). A draft may be incomplete; every value
    given must be valid; a change of a part the form does not have is an error.

    When someone else saved after `version`, the two saves merge as long as they changed different answers
    and parts; only a save that would overwrite another person's newer change raises VersionConflict. The
    saved application's `changed_by_others` names the answers others changed since `version`."""
    with transaction.atomic():
        app = _lock(application)
        owners = change_owners(app.sections())
        _require_change(by, app, at=at)
        if "participants" in changes and not can(by, "manage_participants", app):
            raise PermissionDenied
        questions = {q.key: q for q in app.questions()}
        unknown = [key for key in changes if key != "answers" and key not in owners]
        if unknown:
            raise validation.ApplicationInvalid(
                {key: [_("This form has no part for this information.")] for key in unknown}
            )
        touched = {owners[key].key for key in changes if key in owners}
        touched |= {questions[k].section for k in changes.get("answers", {}) if k in questions}
        for key in touched:
            _require_part(app, key)
        before, latest = _latest(app)
        sections = {owners[key].key: owners[key] for key in changes if key in owners}
        base = before if int(version) == app.version else _merge_base(app, int(version))
        errors, cleaned = {}, {}
        if "answers" in changes:
            try:
                cleaned["answers"] = validation.clean_answers(questions, changes["answers"])
            except validation.ApplicationInvalid as exc:
                errors.update(exc.errors)
        app.changed_by_others = set()
        if base is not before:
            # Saved by someone else since `version`: merge unless this save would overwrite their change.
            app.changed_by_others = _three_way(
                app, base, before, cleaned.setdefault("answers", {}), sections.values()
            )
            if "answers" not in changes:
                cleaned.pop("answers")
            if not cleaned.get("answers") and not sections and not errors:
                app.saved_data = before  # everything sent was as it was: nothing to save
                return app
        for section in sections.values():
            try:
                cleaned[section.key] = part_for(section).clean(app, changes, section)
            except validation.ApplicationInvalid as exc:
                errors.update(exc.errors)
        if errors:
            raise validation.ApplicationInvalid(errors)
        partners_before = {p.organisation_id for p in app.partners()} if "participants" in changes else set()
        if "answers" in cleaned:
            app.answers = {**app.answers, **cleaned["answers"]}
        for key, section in sections.items():
            part_for(section).apply(app, cleaned[key], by)
        forget_saved_flags(app)
        fold = latest if base is before and _foldable(app, latest, by) else None
        app.saved_data = _new_version(
            app, by, before=before, touched=sections.values(), autosave=True, fold_into=fold
        )
        audit.record(by, "application.saved", app, audit.diff(before, app.saved_data))
        if "participants" in changes:
            _invite_new_partners(app, partners_before)
    return app


def _merge_base(app, version: int) -> dict:
    """The content as it was at `version` (what the person saving had in front of them)."""
    data = None
    if 0 < version < app.version:
        data = (
            ApplicationVersion.objects.filter(application=app, version=version).values_list("data", flat=True)
        ).first()
    if data is None:
        raise VersionConflict(app)
    return data


def _same(a, b) -> bool:
    return a == b or (a in (None, "", [], {}) and b in (None, "", [], {}))


def _three_way(app, base: dict, current: dict, answers: dict, sections) -> set:
    """Merge a save made on the older `base` into `current`. An answer this save leaves as it was in `base` is
    dropped (the other person's value stays); an answer or part both changed differently is a conflict.
    Returns the keys of the answers others changed since `base`."""
    theirs, was = current.get("answers") or {}, base.get("answers") or {}
    changed_by_others = {
        key for key in theirs.keys() | was.keys() if not _same(theirs.get(key), was.get(key))
    }
    for key, value in list(answers.items()):
        if _same(value, was.get(key)):
            del answers[key]
        elif key in changed_by_others and not _same(theirs.get(key), value):
            raise VersionConflict(app)
    for section in sections:
        if any(base.get(key) != current.get(key) for key in part_for(section).state_keys):
            raise VersionConflict(app)
    return changed_by_others


def _invite_new_partners(application, before: set) -> None:
    """Every organisation newly named as a partner is asked (after commit) to confirm its participation."""
    from .notifications import participation_invited

    for participant in application.participants.filter(role=Participant.Role.PARTNER).exclude(
        organisation_id__in=before
    ):
        transaction.on_commit(lambda pk=participant.pk: participation_invited(pk))


# Participants --------------------------------------------------------------------------------------------


def decide_participation(participant: Participant, *, by, confirm: bool) -> Participant:
    """A partner's own signatory confirms, or declines, that the organisation takes part."""
    from .notifications import participation_decided

    with transaction.atomic():
        app = _lock(participant.application)
        participant = (
            Participant.objects.select_for_update(of=("self",))
            .select_related("organisation")
            .get(pk=participant.pk)
        )
        participant.application = app
        if not can(by, "confirm", participant):
            if not can(by, "view", app):
                raise PermissionDenied
            raise NotEditable
        now = clock.now()
        if confirm:
            participant.confirmed_at, participant.confirmed_by = now, by
            participant.save(update_fields=["confirmed_at", "confirmed_by"])
        else:
            participant.declined_at, participant.declined_by = now, by
            participant.save(update_fields=["declined_at", "declined_by"])
        _new_version(app, by)
        audit.record(by, "participant.confirmed" if confirm else "participant.declined", app,
                     {"organisation": participant.organisation.identifier})  # fmt: skip
        transaction.on_commit(lambda: participation_decided(participant.pk))
    return participant


# Attachments ---------------------------------------------------------------------------------------------


def add_attachment(
    application, uploaded, *, by, version: int | None = None, description="", confidential=False, document=""
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
        _require_change(by, app)
        if version is not None and int(version) != app.version:
            _merge_base(app, int(version))  # a file added never overwrites anyone's change: any real version
        if app.section(PARTS["attachments"].kind) is None:
            raise validation.ApplicationInvalid({"file": [_("This form has no part for this information.")]})
        _require_part(app, PARTS["attachments"].kind)
        _check_storage(app, uploaded.size)
        if document and document not in required_documents(app.section(PARTS["attachments"].kind)):
            raise validation.ApplicationInvalid({"document": [_("Choose one of the documents listed.")]})
        attachment = Attachment(
            application=app,
            original_name=stored_name(uploaded.name, kind),
            content_type=ACCEPTED[kind],
            kind=kind,
            size=uploaded.size,
            sha256=digest.hexdigest(),
            description=description[:300],
            confidential=bool(confidential),
            document=document or "",
            uploaded_by=by,
        )
        attachment.file.save("upload", uploaded, save=False)
        attachment.save()
        forget_saved_flags(app)
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


@_keeping_conflicts
def remove_attachment(attachment, *, by, version: int | None = None):
    with transaction.atomic():
        app = _lock(attachment.application)
        _require_change(by, app)
        if version is not None and int(version) != app.version:
            # Removing a file the person saw, unchanged since: someone else's other changes stay.
            seen = {entry["id"]: entry for entry in _merge_base(app, int(version)).get("attachments", [])}
            now = {entry["id"]: entry for entry in current_data(app).get("attachments", [])}
            if attachment.pk not in seen or seen[attachment.pk] != now.get(attachment.pk):
                raise VersionConflict(app)
        _require_part(app, PARTS["attachments"].kind)
        audit.record(
            by, "attachment.removed", attachment, {"application": app.pk, "name": attachment.original_name}
        )
        attachment.file.delete(save=False)
        attachment.delete()
        _new_version(app, by)


# Transitions ---------------------------------------------------------------------------------------------


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
        if not can(by, "view", app) or not can(by, "submit", app):
            raise PermissionDenied
        if app.status == Status.SUBMITTED:
            return app
        if app.status == Status.WITHDRAWN:
            raise NotEditable("withdrawn")
        if app.status in DECIDED:
            raise NotEditable("decided")
        request = app.open_completion_request()
        first_time = app.case_number is None
        transition = "resubmit" if app.status == Status.COMPLETION_REQUESTED else "submit"
        # The guards first (the deadline), then completeness: a late application is late, complete or not.
        code = workflow.refusal(transition, app, by, at)
        if code is not None:
            raise CallClosed(code)
        missing = completeness.missing_for_submit(app)
        if missing:
            raise Incomplete(missing)
        workflow.perform(transition, app, by, at)
        if first_time:
            app.case_number = next_case_number(app.call.case_number_prefix, clock.helsinki(at).year)
            app.submitted_at = at
            app.submitted_by = by
        if request is not None:
            request.state = CompletionRequest.State.ANSWERED
            request.answered_at, request.answered_by = at, by
            request.save(update_fields=["state", "answered_at", "answered_by"])
        if app.call.maturity_model_id:
            assessment = app.maturity_assessment()
            if assessment is not None and assessment.frozen_at is None:
                maturity.freeze(assessment, app.pk, by=by)
        # The content did not change: the new version is the latest one with the new status.
        _new_version(app, by, before=current_data(app))
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
        if not can(by, "request_completion", app):
            raise PermissionDenied
        if due_at <= clock.now():
            raise validation.ApplicationInvalid({"due_at": [_("The due date must be in the future.")]})
        valid_sections = [section.key for section in app.sections()]
        if not sections or any(s not in valid_sections for s in sections):
            raise validation.ApplicationInvalid(
                {"sections": [_("Choose the parts the applicant may complete.")]}
            )
        if not message.strip():
            raise validation.ApplicationInvalid({"message": [_("Write what the applicant should add.")]})
        workflow.perform("request_completion", app, by)
        request = CompletionRequest.objects.create(
            application=app, requested_by=by, message=message.strip(), sections=sections, due_at=due_at
        )
        _new_version(app, by)
        audit.record(by, "application.completion_requested", app,
                     {"request": request.pk, "sections": sections, "due_at": due_at})  # fmt: skip
        transaction.on_commit(lambda: completion_requested(request.pk))
    return request


def expire_overdue_completions(now: datetime | None = None) -> int:
    """Close the completion requests whose due time has passed unanswered (the scheduler runs this). The
    application returns to "submitted" with what was saved before the due time; nothing saved after it could
    be (the time guard refuses it). Both sides are told."""
    from .notifications import completion_expired

    now = now or clock.now()
    overdue = CompletionRequest.objects.filter(state=CompletionRequest.State.OPEN, due_at__lte=now)
    count = 0
    for request_id in overdue.order_by("due_at").values_list("pk", flat=True):
        with transaction.atomic():
            request = (
                CompletionRequest.objects.select_for_update()
                .filter(pk=request_id, state=CompletionRequest.State.OPEN)
                .first()
            )
            if request is None:
                continue  # answered or closed meanwhile
            app = _lock(request.application)
            request.state = CompletionRequest.State.EXPIRED
            request.save(update_fields=["state"])
            if app.status == Status.COMPLETION_REQUESTED:
                app._open_request = None
                workflow.perform("expire_completion", app, None, now)
                _new_version(app, None)
            audit.record(None, "application.completion_expired", app, {"request": request.pk})
            transaction.on_commit(lambda pk=request.pk: completion_expired(pk))
        count += 1
    return count


def withdraw(application, *, by, reason: str) -> Application:
    from .notifications import withdrawn

    with transaction.atomic():
        app = _lock(application)
        if not can(by, "view", app) or not can(by, "submit", app):
            raise PermissionDenied
        if app.status == Status.WITHDRAWN:
            return app
        if not reason.strip():
            raise validation.ApplicationInvalid(
                {"reason": [_("Tell the ministry why the application is withdrawn.")]}
            )
        try:
            workflow.perform("withdraw", app, by)
        except Refused:
            raise NotEditable from None
        app.withdrawn_at = clock.now()
        app.withdrawal_reason = reason.strip()
        app.completion_requests.filter(state=CompletionRequest.State.OPEN).update(
            state=CompletionRequest.State.CANCELLED
        )
        _new_version(app, by)
        audit.record(by, "application.withdrawn", app, {"reason": app.withdrawal_reason})
        transaction.on_commit(lambda: withdrawn(app.pk))
    return app


__all__ = [
    "FileRefused", "CallClosed", "TooManyDrafts", "VersionConflict", "NotEditable", "Incomplete", "Refused",
]  # fmt: skip
