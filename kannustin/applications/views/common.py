"""Shared pieces of the application pages: finding an application the user may see, saving with the
version check, why something cannot change, and the conflict page. How an application is shown lives in
`presentation.py`."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from kannustin.core import clock
from kannustin.core.permissions import can

from .. import actions, permissions, validation
from ..models import Application
from ..parts import change_owners
from ..presentation import answer_display


def get_application(request, pk: int, *, edit: bool = False) -> Application:
    """The application if the user may see it; 404 otherwise, so that other organisations cannot even learn
    that it exists. With edit=True only for the people of the organisations taking part (the ministry reads
    through its own pages)."""
    application = get_object_or_404(
        Application.objects.select_related(
            "call", "call__programme", "call__track", "organisation", "question_set"
        ),
        pk=pk,
    )
    if not can(request.user, "view", application):
        raise Http404
    actions.mark_seen(application, request.user)
    if edit and not permissions.is_participant_member(request.user, application):
        raise Http404
    return application


def save_changes(request, application, changes: dict, *, conflict_fields=None):
    """Save through actions.save. Returns (application, errors, conflict_response).

    - errors: {field: [messages]} when a value is invalid (nothing was saved; the form shows what was typed);
    - conflict_response: a rendered conflict page when the form was based on an older version.
    """
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = -1
    try:
        saved = actions.save(application, by=request.user, version=version, changes=changes)
        return saved, {}, None
    except validation.ApplicationInvalid as exc:
        return application, exc.errors, None
    except actions.VersionConflict as exc:
        return application, {}, render_conflict(request, exc.application, changes, conflict_fields)
    except actions.NotEditable as exc:
        message = refusal_message(application, exc.code)
        messages.error(request, message)
        return application, {"__all__": [message]}, None


def refusal_message(application, code: str) -> str:
    """Why the application cannot be changed now, for people (codes from `Application.editing_refusal`)."""
    from kannustin.core.formats import format_date, format_time

    if code == "call_closed":
        closes = clock.helsinki(application.call.closes_at)
        return _(
            "The call closed on %(date)s at %(time)s Finnish time: the draft can no longer be changed. You can "
            "still read it and download it as PDF."
        ) % {"date": format_date(closes), "time": format_time(closes)}
    if code == "completion_overdue":
        return _(
            "The time to complete the application has passed: it can no longer be changed. The ministry has "
            "what was saved before the due time."
        )
    if code == "withdrawn":
        return _("The application has been withdrawn. It can no longer be changed.")
    if code == "submitted":
        return _("The application has been submitted. It can no longer be changed.")
    if code == "decided":
        return _("The application has been decided. It can no longer be changed or withdrawn.")
    return _("This part of the application cannot be changed now.")


def render_conflict(request, current: Application, mine: dict, fields=None):
    """Someone saved the application after this form was opened. Show both versions; nothing is overwritten.
    The person can take the saved version, or save theirs again on top of it knowingly."""
    theirs = actions.snapshot(current)
    labels = fields or {}
    questions = {q.key: q for q in current.questions()}
    rows = []
    for key, value in (mine.get("answers") or {}).items():
        question = questions.get(key)
        row = {"key": key, "label": labels.get(key) or (question.tr("label") if question else key),
               "mine": value, "theirs": theirs["answers"].get(key, "")}  # fmt: skip
        if question is not None:
            row["mine_display"] = answer_display(question, value)
            row["theirs_display"] = answer_display(question, row["theirs"])
        rows.append(row)
    for key, section in change_owners(current.sections()).items():
        if key in mine:
            rows.append({"key": key, "label": labels.get(key) or section.tr("title"), "mine": mine[key],
                         "theirs": theirs.get(key)})  # fmt: skip
    return render(
        request,
        "applications/conflict.html",
        {
            "application": current,
            "rows": rows,
            "current_version": current.version,
            "retry_url": request.path,
            "post": request.POST,
        },  # fmt: skip
        status=409,
    )
