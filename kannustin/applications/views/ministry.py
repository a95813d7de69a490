"""The ministry's side of applications: the list of submitted applications, one application in full with its
history, requests for completion, attachment downloads and the email outbox.

Officials and administrators only. List pages answer 403 to everyone else; pages about one application answer
404 to municipal users (as everywhere, they do not learn what exists) and 403 to other ministry roles.
Drafts are not documents given to the authority: they are not listed and their pages answer 404.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from kannustin.accounts.roles import Role
from kannustin.core import audit, clock
from kannustin.core.formats import format_datetime
from kannustin.core.mail import retry_now
from kannustin.core.models import AuditEvent, OutboundEmail
from kannustin.core.permissions import can

from .. import actions, listing, tasks, validation
from ..forms_ministry import SORTS, CompletionRequestForm, OutboxFilterForm
from ..models import Application, Attachment, CompletionRequest, ListExport
from ..presentation import application_context, section_title

PAGE_SIZE = 50

ACTION_LABELS = {
    "application.created": gettext_lazy("Draft started"),
    "application.saved": gettext_lazy("Saved"),
    "application.submitted": gettext_lazy("Submitted"),
    "application.resubmitted": gettext_lazy("Completed application sent"),
    "application.completion_requested": gettext_lazy("Completion requested"),
    "application.withdrawn": gettext_lazy("Withdrawn"),
    "attachment.added": gettext_lazy("Attachment added"),
    "attachment.removed": gettext_lazy("Attachment removed"),
}
FIELD_LABELS = {
    "requested_amount": gettext_lazy("Amount applied for"),
    "participants_confirmed": gettext_lazy("Participants confirmed"),
    "confidential_keys": gettext_lazy("Business secrets"),
    "status": gettext_lazy("Status"),
    "case_number": gettext_lazy("Case number"),
    "reason": gettext_lazy("Reason"),
    "sections": gettext_lazy("Parts that may be changed"),
    "due_at": gettext_lazy("Due"),
    "name": gettext_lazy("File"),
}
# Bookkeeping keys of audit changes that say nothing to a reader.
HIDDEN_CHANGE_KEYS = {"version", "request", "application", "sha256", "call", "organisation"}


# Access -------------------------------------------------------------------------------------------------


def _require_ministry(user):
    if not can(user, "applications.list_ministry"):
        raise PermissionDenied


def _application_for_ministry(request, pk: int) -> Application:
    """A submitted application for the ministry's pages: officials and administrators, presenters and
    decision-makers, and a reviewer cleared to review it. Everyone else, a disqualified person included, learns
    nothing (404)."""
    user = request.user
    if not user.is_ministry:
        raise Http404
    application = get_object_or_404(
        Application.objects.submitted().select_related(
            "call", "call__programme", "call__track", "organisation", "question_set", "submitted_by"
        ),
        pk=pk,
    )
    if not can(user, "applications.view_ministry_application", application):
        raise Http404
    return application


# The list -----------------------------------------------------------------------------------------------


@login_required
def application_list(request):
    _require_ministry(request.user)
    form = listing.filter_form(request.GET)
    filters = form.filters()
    applications = listing.ministry_applications(filters)
    page = Paginator(applications, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "applications/ministry/list.html",
        {
            "form": form,
            "page_obj": page,
            "applications": page.object_list,
            "filtered": any(key in filters for key in form.FILTERS),
            "order": SORTS[filters.get("sort") or listing.DEFAULT_SORT],
        },
    )


# The list as an Excel file ------------------------------------------------------------------------------


def _xlsx_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=listing.XLSX_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def export_list(request):
    """The filtered list as an Excel file: at once when it is short; otherwise, after the official confirms
    (a POST, so that no link or prefetch starts work), made in the background."""
    _require_ministry(request.user)
    query = request.POST if request.method == "POST" else request.GET
    filters = listing.filter_form(query).filters()
    if request.method == "POST":
        export = ListExport.objects.create(
            requested_by=request.user,
            params={"filters": listing.export_params(query), "language": translation.get_language() or "fi"},
        )
        audit.record(request.user, "list_export.requested", export, {"filters": export.params})
        transaction.on_commit(lambda: tasks.enqueue_list_export(export.pk))
        return redirect("applications:ministry_export_status", pk=export.pk)
    applications = listing.ministry_applications(filters, export=True)
    count = applications.count()
    if count <= listing.direct_limit():
        content, _rows = listing.write_xlsx(applications)
        return _xlsx_response(content, listing.export_filename())
    params = [(key, value) for key, values in listing.export_params(query).items() for value in values]
    return render(
        request,
        "applications/ministry/export.html",
        {
            "count": count,
            "params": params,
            "back_url": reverse("applications:ministry_list") + (f"?{urlencode(params)}" if params else ""),
        },
    )


def _export_for(request, pk: int) -> ListExport:
    """An export, for the official who asked for it and for officials; nobody else learns it exists."""
    export = get_object_or_404(ListExport.objects.select_related("requested_by"), pk=pk)
    if export.requested_by_id != request.user.pk and not request.user.has_role(Role.OFFICIAL):
        raise Http404
    return export


@login_required
def export_status(request, pk):
    export = _export_for(request, pk)
    params = [
        (key, value) for key, values in (export.params.get("filters") or {}).items() for value in values
    ]
    if export.kind == ListExport.Kind.CALL:
        # A whole call's workbook, started from the reports app's page (named here, not imported: layers).
        back_url = reverse("reports:export_call", args=[export.params.get("call")])
    else:
        back_url = reverse("applications:ministry_list") + (f"?{urlencode(params)}" if params else "")
    return render(
        request,
        "applications/ministry/export_status.html",
        {
            "export": export,
            "waiting": export.state in {ListExport.State.QUEUED, ListExport.State.RUNNING},
            "list_url": back_url,
        },
    )


@login_required
def export_download(request, pk):
    export = _export_for(request, pk)
    if export.state != ListExport.State.DONE or not export.file:
        raise Http404
    try:
        content = export.file.read()
    except (FileNotFoundError, OSError):
        raise Http404 from None
    finally:
        export.file.close()
    return _xlsx_response(
        content, export.params.get("filename") or listing.export_filename(export.created_at)
    )


# One application ----------------------------------------------------------------------------------------


def _change_summary(changes: dict, labels: dict, application=None) -> list[str]:
    """What an audit event changed, as short phrases for a person: field names, and the values of the few
    events whose values are short (case number, reason, due date)."""
    if not isinstance(changes, dict):
        return []
    phrases = []
    for key, value in changes.items():
        if key in HIDDEN_CHANGE_KEYS:
            continue
        is_diff = isinstance(value, dict) and set(value) == {"before", "after"}
        if key == "answers" and is_diff:
            before, after = value["before"] or {}, value["after"] or {}
            for answer_key in sorted(set(before) | set(after)):
                if before.get(answer_key) != after.get(answer_key):
                    phrases.append(str(labels.get(answer_key, answer_key)))
            continue
        label = str(FIELD_LABELS.get(key) or labels.get(key) or _title(application, key))
        if is_diff:
            phrases.append(label)
        elif key == "sections" and isinstance(value, list):
            phrases.append(f"{label}: {', '.join(_title(application, s) for s in value)}")
        elif key == "due_at" and isinstance(value, str):
            from datetime import datetime

            try:
                phrases.append(f"{label}: {format_datetime(datetime.fromisoformat(value))}")
            except ValueError:
                phrases.append(f"{label}: {value}")
        else:
            phrases.append(f"{label}: {str(value)[:200]}")
    return phrases


def _title(application, key: str) -> str:
    return section_title(application, key) if application is not None else key.replace("_", " ").capitalize()


def _version_of(value):
    """Audit changes name the version either as a before/after pair (saves) or as a number (submission)."""
    return value.get("after") if isinstance(value, dict) else value


def _history(application: Application, question_labels: dict) -> list[dict]:
    events = (
        AuditEvent.objects.filter(
            Q(object_type="applications.application", object_id=str(application.pk))
            | Q(object_type="applications.attachment", changes__application=application.pk)
        )
        .select_related("actor")
        .order_by("-at", "-pk")
    )
    return [
        {
            "event": event,
            "action": ACTION_LABELS.get(event.action, event.action),
            "who": event.actor.get_full_name() if event.actor else event.actor_label,
            "changes": _change_summary(event.changes, question_labels, application),
            # Every save of the application makes a version (ApplicationVersion); the trail names it.
            "version": _version_of(event.changes.get("version")),
        }
        for event in events
    ]


@login_required
def application_detail(request, pk):
    from kannustin.maturity import services as maturity

    application = _application_for_ministry(request, pk)
    context = application_context(application)
    questions = application.questions()
    question_labels = {question.key: question.tr("label") for question in questions}
    assessment = context["assessment"]
    structure = maturity.structure_for(application.call) if assessment else None
    requests = list(
        application.completion_requests.select_related("requested_by", "answered_by").order_by("-created_at")
    )
    for item in requests:
        item.section_titles = [section_title(application, key) for key in item.sections]
    context.update(
        {
            "submitted_at": clock.helsinki(application.submitted_at) if application.submitted_at else None,
            "maturity_rows": maturity.profile(assessment, structure) if assessment else [],
            "maturity_status": maturity.status(assessment, structure),
            "completion_requests": requests,
            "open_request": next((r for r in requests if r.state == CompletionRequest.State.OPEN), None),
            "history": _history(application, question_labels),
            "can_request_completion": can(request.user, "request_completion", application),
        }
    )
    return render(request, "applications/ministry/detail.html", context)


@login_required
def attachment_download(request, pk, attachment_id):
    application = _application_for_ministry(request, pk)
    attachment = get_object_or_404(Attachment, pk=attachment_id, application=application)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=attachment.original_name, content_type=attachment.content_type
    )
    # The file came from outside: never let a browser render it as part of this site, nor keep a copy.
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


# Request for completion ---------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def request_completion(request, pk):
    application = _application_for_ministry(request, pk)
    if not request.user.has_role(Role.OFFICIAL):
        raise PermissionDenied
    detail_url = reverse("applications:ministry_detail", args=[application.pk])
    if not can(request.user, "request_completion", application):
        messages.info(
            request,
            _("A completion can be requested only for a submitted application without an open request."),
        )
        return redirect(detail_url)
    sections = [(section.key, section.tr("title")) for section in application.sections()]
    form = CompletionRequestForm(
        request.POST if request.method == "POST" else None, sections=sections, version=application.version
    )
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["version"] != application.version:
            # The applicant changed the application (withdrew it, say) after this page was opened. Keep what
            # the official typed and let them look again.
            form.data = form.data.copy()
            form.data["version"] = application.version
            form.add_error(
                None,
                _("The application changed after you opened this page. Check it and send the request again."),
            )
        else:
            try:
                actions.request_completion(
                    application,
                    by=request.user,
                    message=form.cleaned_data["message"],
                    sections=form.cleaned_data["sections"],
                    due_at=form.cleaned_data["due_at"],
                )
            except validation.ApplicationInvalid as exc:
                for field, errors in exc.errors.items():
                    field = {"due_at": "due_date"}.get(field, field)
                    for error in errors:
                        form.add_error(field if field in form.fields else None, error)
            except PermissionDenied:
                messages.info(request, _("The application can no longer be asked to be completed."))
                return redirect(detail_url)
            else:
                messages.success(
                    request,
                    _("The request for completion was sent. The applicant and you were notified by email."),
                )
                return redirect(detail_url)
    return render(
        request,
        "applications/ministry/request_completion.html",
        {"application": application, "form": form, "detail_url": detail_url},
    )


# The outbox ---------------------------------------------------------------------------------------------

RETRYABLE = {OutboundEmail.Status.FAILED, OutboundEmail.Status.GAVE_UP}


def _outbox_url(data) -> str:
    query = {key: data.get(key) for key in ("status", "page") if data.get(key)}
    return reverse("applications:outbox") + (f"?{urlencode(query)}" if query else "")


@login_required
@require_http_methods(["GET", "POST"])
def outbox(request):
    _require_ministry(request.user)
    if request.method == "POST":
        return _retry(request)
    form = OutboxFilterForm(request.GET or None)
    emails = OutboundEmail.objects.defer("body", "html_body", "attachments").order_by("-created_at", "-pk")
    if status := form.filters().get("status"):
        emails = emails.filter(status=status)
    page = Paginator(emails, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "applications/ministry/outbox.html",
        {"form": form, "page_obj": page, "emails": page.object_list, "retryable": RETRYABLE},
    )


def _retry(request):
    try:
        pk = int(request.POST.get("email", ""))
    except ValueError:
        raise Http404 from None
    email = get_object_or_404(OutboundEmail.objects.defer("body", "html_body", "attachments"), pk=pk)
    back = _outbox_url(request.POST)
    if email.status not in RETRYABLE:
        messages.info(request, _("That email is not waiting for a new attempt."))
        return redirect(back)
    audit.record(request.user, "email.retried", email, {"status": email.status})
    # Only queued: the page never waits for the mail server.
    retry_now(email)
    messages.success(
        request, _("The email is queued to be sent again. Its status changes here once it is sent.")
    )
    return redirect(back)
