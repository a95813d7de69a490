"""The applicant's pages: dashboard, task list, question sections (with autosave), check your answers,
submission, receipt, PDF copy, withdrawal, similar projects and notifications.

Every change goes through `actions`; every page answers 404 to people who are not members of the applying
organisation (the PDF copy is also open to the ministry's officials once submitted).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from kannustin.accounts.models import Membership
from kannustin.accounts.roles import Role
from kannustin.core import clock
from kannustin.core.formats import format_date, format_time
from kannustin.core.models import Notification
from kannustin.core.permissions import can
from kannustin.maturity import services as maturity
from kannustin.programmes.models import Call, Question
from kannustin.registry.models import Organisation, find_organisation

from .. import actions, completeness, permissions, similarity, tasks, validation
from ..forms import SectionForm, WithdrawForm
from ..models import Application, CompletionRequest, Participant, Status
from ..parts import PARTS, fetch_rows, part_for, saved_flags
from ..presentation import answer_display, application_context, next_section_url, section_title, section_url
from .common import get_application, refusal_message, render_conflict

# Task statuses of the task list; codes in the code, labels translated.
TASK_STATUS = {
    "completed": gettext_lazy("Completed"),
    "incomplete": gettext_lazy("Incomplete"),
    "not_started": gettext_lazy("Not started"),
    "optional": gettext_lazy("Optional"),
    "cannot_change": gettext_lazy("Cannot be changed"),
    "cannot_start": gettext_lazy("Cannot start yet"),
    "submitted": gettext_lazy("Submitted"),
}
# The questions whose answers are compared with other applications (the title and summary).
SIMILARITY_KEYS = {"project_name", "title", "summary"}


# Helpers ------------------------------------------------------------------------------------------------


def organisation_identifier(organisation) -> str:
    """Municipalities by their code, other organisations by their Business ID (as the maturity URLs)."""
    return organisation.code or organisation.business_id or ""


def part_url(application, key: str) -> str:
    """The page of a part of the form."""
    section_ = application.section(key)
    if section_ is None:
        return reverse("applications:overview", args=[application.pk])
    return section_url(application, section_)


def _with_urls(application, missing: list[dict]) -> list[dict]:
    for item in missing:
        url = part_url(application, item["section"])
        section_ = application.section(item["section"])
        field = item.get("field") or ""
        # Answers link straight to their field on the section page.
        if section_ is not None and section_.is_questions and field:
            url = f"{url}#id_{field}"
        item["url"] = url
    return missing


def _locked_reason(application, allowed) -> str:
    code = application.editing_refusal()
    if code is None and allowed is not None:
        return _("Only the parts named in the request for completion can be changed now.")
    return refusal_message(application, code or "not_editable")


def _changeable(request, application) -> set[str]:
    """The keys of the parts this person may change now."""
    if not can(request.user, "change", application):
        return set()
    allowed = application.changeable_parts()
    return {s.key for s in application.sections() if allowed is None or s.key in allowed}


def _version_of(request) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1


def countdown(closes_at, now=None) -> str:
    """ "N days left", or "Closes today at 16.15" on the last day, counted in Finnish calendar days."""
    now = now or clock.now()
    closes = clock.helsinki(closes_at)
    days = (closes.date() - clock.helsinki(now).date()).days
    if days <= 0:
        return _("Closes today at %(time)s") % {"time": format_time(closes)}
    return ngettext("%(count)d day left", "%(count)d days left", days) % {"count": days}


# Dashboard ----------------------------------------------------------------------------------------------


DASHBOARD_COLUMNS = (
    "pk", "status", "case_number", "submitted_at", "updated_at", "call_id", "organisation_id",
    *(f"call__{field}_{lang}" for field in ("title",) for lang in ("fi", "sv", "en")), "call__closes_at",
    *(f"organisation__name_{lang}" for lang in ("fi", "sv", "en")),
)  # fmt: skip


@login_required
def dashboard(request):
    """For each organisation of the user: open calls, drafts, submitted applications, completion requests;
    and the user's newest notifications. A fixed number of queries however many applications there are."""
    now = clock.now()
    memberships = list(
        Membership.objects.filter(user=request.user)
        .select_related("organisation")
        .order_by("organisation__name_fi", "organisation_id")
    )
    organisation_ids = [membership.organisation_id for membership in memberships]
    calls = []
    applications = []
    if memberships:
        calls = list(Call.objects.published().open_now(now).with_programme().order_by("closes_at", "pk"))
        applications = list(
            Application.objects.filter(
                pk__in=Participant.objects.filter(
                    organisation_id__in=organisation_ids, declined_at__isnull=True
                ).values("application_id")
            )
            # Only what the rows show: the answers (kilobytes each) and the call's texts stay in the database.
            .select_related("call", "organisation")
            .only(*DASHBOARD_COLUMNS)
            .annotate(list_title=Coalesce(KT("answers__project_name"), KT("answers__title")))
            .prefetch_related(
                Prefetch(
                    "completion_requests",
                    queryset=CompletionRequest.objects.filter(state=CompletionRequest.State.OPEN).order_by(
                        "due_at"
                    ),
                    to_attr="open_requests",
                )
            )
            .order_by("-updated_at", "-pk")
        )
        invitations = list(
            Participant.objects.filter(
                organisation_id__in=organisation_ids, role=Participant.Role.PARTNER,
                confirmed_at__isnull=True, declined_at__isnull=True,
            )
            .exclude(application__status=Status.WITHDRAWN)
            .select_related("application", "application__organisation", "application__call", "organisation")
        )  # fmt: skip
    else:
        invitations = []
    notifications = list(Notification.objects.filter(user=request.user).order_by("-created_at", "-id")[:10])

    partner_of = {}
    for participation in Participant.objects.filter(
        organisation_id__in=organisation_ids, role=Participant.Role.PARTNER, declined_at__isnull=True
    ).values_list("organisation_id", "application_id"):
        partner_of.setdefault(participation[0], set()).add(participation[1])
    groups = []
    for membership in memberships:
        organisation = membership.organisation
        own = [a for a in applications if a.organisation_id == organisation.pk]
        partnered = [
            a
            for a in applications
            if a.organisation_id != organisation.pk and a.pk in partner_of.get(organisation.pk, set())
        ]
        drafts = [a for a in own if a.status == Status.DRAFT]
        groups.append(
            {
                "organisation": organisation,
                "identifier": organisation_identifier(organisation),
                "role": membership.get_role_display(),
                "can_submit": membership.role == Role.SIGNATORY,
                "calls": [
                    {
                        "call": call,
                        "countdown": countdown(call.closes_at, now),
                        "last_day": clock.helsinki(call.closes_at).date() == clock.helsinki(now).date(),
                        "drafts": sum(1 for a in drafts if a.call_id == call.pk),
                    }
                    for call in calls
                ],
                "drafts": drafts,
                "submitted": [a for a in own if a.status != Status.DRAFT],
                "partnered": partnered,
                "invitations": [i for i in invitations if i.organisation_id == organisation.pk],
                "requests": [(a, r) for a in own for r in a.open_requests],
            }
        )
    return render(
        request,
        "applications/dashboard.html",
        {"groups": groups, "notifications": notifications, "now": now, "Status": Status},
    )


def _member_organisation(request, org_code: str) -> Organisation:
    organisation = find_organisation(org_code)
    if organisation is None or not permissions.member_role(request.user, organisation.pk):
        raise Http404
    return organisation


@login_required
@require_POST
def start(request, call_id, org_code):
    organisation = _member_organisation(request, org_code)
    call = get_object_or_404(Call.objects.published().with_programme(), pk=call_id)
    if call.stage == Call.Stage.JOINT_APPLICATION:
        # A joint application grows from proposals: the proposals are chosen first.
        return redirect("jointprojects:start_joint", call_id=call.pk, org_code=organisation.identifier)
    if call.stage == Call.Stage.PROPOSAL and not organisation.is_municipality:
        messages.error(
            request,
            _(
                "Proposals are made by municipalities. Other organisations register their interest in proposals."
            ),
        )
        return redirect("applications:dashboard")
    try:
        application = actions.create_draft(call, organisation, by=request.user)
    except actions.CallClosed:
        closes = clock.helsinki(call.closes_at)
        if call.state == "upcoming":
            message = _(
                "The call “%(call)s” is not open yet: it opens on %(date)s at %(time)s Finnish time."
            ) % {
                "call": call.tr("title"),
                "date": format_date(call.opens_at),
                "time": format_time(call.opens_at),
            }
        else:
            message = _(
                "The call “%(call)s” closed on %(date)s at %(time)s Finnish time. New applications can no "
                "longer be started."
            ) % {
                "call": call.tr("title"),
                "date": format_date(closes),
                "time": format_time(closes),
            }
        messages.error(request, message)
        return redirect("applications:dashboard")
    except actions.TooManyDrafts as exc:
        messages.error(request, too_many_drafts_message(call, exc.args[0]))
        return redirect("applications:dashboard")
    return redirect("applications:overview", pk=application.pk)


def too_many_drafts_message(call, count) -> str:
    return _(
        "Your organisation already has %(count)s unfinished applications in the call “%(call)s”. Continue "
        "one of them, or ask the programme's officials if you need more."
    ) % {"count": count, "call": call.tr("title")}


# Task list ----------------------------------------------------------------------------------------------


def _saved_parts(application, questions) -> dict:
    """Which parts hold anything saved: one query for all the structured parts of the form."""
    flags = saved_flags(application)
    saved = {}
    answers = application.answers or {}
    for question in questions:
        empty = question.answer_type.is_empty(answers.get(question.key))
        saved[question.section] = saved.get(question.section, False) or not empty
    for section_ in application.sections():
        part = part_for(section_)
        if part is not None:
            saved[section_.key] = part.is_saved(application, flags)
    return saved


def _maturity_state(application, assessment, missing) -> str:
    """The self-assessment's state without reading the model's structure again: when the form requires the
    assessment, `missing_for_submit` has already said whether it is complete."""
    if assessment is None:
        return "not_started"
    if assessment.is_frozen:
        return "frozen"
    section_ = application.section(PARTS["maturity"].kind)
    if section_ is not None and section_.required and application.is_editable:
        return "in_progress" if any(item["section"] == section_.key for item in missing) else "complete"
    return maturity.status(assessment)


def task_list(application, user) -> dict:
    questions = application.questions()
    open_for_changes = application.is_editable and application.editing_refusal() is None
    # Only an application that can still change has anything missing that matters.
    missing = (
        _with_urls(application, completeness.missing_for_submit(application)) if open_for_changes else []
    )
    missing_sections = {item["section"] for item in missing}
    allowed = application.changeable_parts()
    saved = _saved_parts(application, questions)
    maturity_kind = PARTS["maturity"].kind

    def status_of(section_):
        if not open_for_changes or (allowed is not None and section_.key not in allowed):
            return "cannot_change"
        if section_.kind == maturity_kind:
            state = _maturity_state(application, application.maturity_assessment(), missing)
            return {"not_started": "not_started", "in_progress": "incomplete", "complete": "completed",
                    "frozen": "cannot_change"}[state]  # fmt: skip
        if section_.key in missing_sections:
            return "incomplete" if saved.get(section_.key) else "not_started"
        if saved.get(section_.key) or section_.required:
            return "completed"
        return "optional"

    tasks_ = []
    for section_ in application.sections():
        status = status_of(section_)
        task = {
            "key": section_.key,
            "title": section_.tr("title"),
            "url": section_url(application, section_),
            "status": status,
            "status_label": TASK_STATUS[status],
            "required": section_.required,
        }
        if section_.kind == maturity_kind:
            task["hint"] = (
                _("Required before submitting. The level does not affect the grant.")
                if section_.required
                else ""
            )
        tasks_.append(task)
    if open_for_changes:
        check_status = "cannot_start" if missing else "not_started"
    else:
        check_status = "submitted" if application.status == Status.SUBMITTED else "cannot_change"
    return {
        "tasks": tasks_,
        "missing": missing,
        "allowed": allowed,
        "check_status": check_status,
        "check_status_label": TASK_STATUS[check_status],
        "locked_reason": ""
        if open_for_changes or not application.is_editable
        else _locked_reason(application, allowed),
        # Progress counts the required parts only: an optional part is not "done" by being optional.
        "done": sum(1 for task in tasks_ if task["required"] and task["status"] == "completed"),
        "total": sum(1 for task in tasks_ if task["required"]),
    }


@login_required
def overview(request, pk):
    application = get_application(request, pk, edit=True)
    context = task_list(application, request.user)
    completion_request = application.open_completion_request()
    context.update(
        {
            "application": application,
            "call": application.call,
            "completion_request": completion_request,
            "open_titles": [section_title(application, key) for key in completion_request.sections]
            if completion_request
            else [],
            "can_submit": can(request.user, "submit", application),
            "partners": application.partners(),
            "Status": Status,
        }
    )
    return render(request, "applications/overview.html", context)


# Question sections --------------------------------------------------------------------------------------


def _unchanged(application, questions, answers: dict) -> bool:
    """True when the answers are what is stored already, so nothing needs saving."""
    by_key = {question.key: question for question in questions}
    try:
        cleaned = validation.clean_answers(by_key, answers)
    except validation.ApplicationInvalid:
        return False
    stored = application.answers or {}

    def empty(value):
        return value in (None, "", [])

    return all(
        (empty(value) and empty(stored.get(key))) or value == stored.get(key)
        for key, value in cleaned.items()
    )


def _save_answers(request, application, questions, form):
    """Save the section's answers on the version the page was opened with.
    Returns (application, saved, errors, conflict): `conflict` is the current application when someone saved
    it after the page was opened. Raises actions.NotEditable when it can no longer be changed."""
    answers = form.answers()
    if _unchanged(application, questions, answers):
        return application, False, {}, None
    try:
        saved = actions.save(
            application, by=request.user, version=_version_of(request), changes={"answers": answers}
        )
    except validation.ApplicationInvalid as exc:
        return application, False, exc.errors, None
    except actions.VersionConflict as exc:
        return application, False, {}, exc.application
    return saved, True, {}, None


def _saved_fragment(request, application, state: str, *, form=None, errors=None, saved=False, labels=()):
    response = render(
        request,
        "applications/_saved.html",
        {
            "application": application,
            "state": state,
            "form": form,
            "errors": errors or [],
            "labels": labels,
            "saved_at": application.updated_at,
        },
    )
    if saved:
        response["HX-Trigger"] = "applicationSaved"
    return response


def _form_errors(form) -> list[dict]:
    """The form's errors for the autosave status: field name, label and message."""
    result = []
    for name, messages_ in form.errors.items():
        field = form.fields.get(name)
        bound = form[name] if field is not None else None
        for message in messages_:
            result.append(
                {
                    "name": name if field is not None else "",
                    "label": field.label if field is not None else "",
                    "anchor": bound.error_anchor if bound is not None else "",
                    "message": message,
                }
            )
    return result


@login_required
def section(request, pk, section):
    application = get_application(request, pk, edit=True)
    all_questions = application.questions()
    questions = [question for question in all_questions if question.section == section]
    record = application.section(section)
    if record is None:
        raise Http404
    if not record.is_questions:
        return redirect(part_url(application, section))
    keys = [s.key for s in application.sections()]
    allowed = application.changeable_parts()
    editable = section in _changeable(request, application)
    attachments = (
        list(application.attachments.all()) if any(q.type == Question.Type.FILE for q in questions) else []
    )
    htmx = bool(getattr(request, "htmx", False))
    form = None

    if request.method == "POST":
        if not editable:
            if htmx:
                return _saved_fragment(request, application, "not_editable")
            messages.error(request, _locked_reason(application, allowed))
            return redirect(request.path)
        form = SectionForm(questions, application=application, attachments=attachments, data=request.POST)
        if form.is_valid():
            try:
                application, saved, errors, current = _save_answers(request, application, questions, form)
            except actions.NotEditable as exc:
                # Submitted, withdrawn, past its deadline or closed for this part since the page was opened.
                if htmx:
                    return _saved_fragment(request, application, "not_editable")
                messages.error(request, refusal_message(application, exc.code))
                return redirect(request.path)
            if current is not None:
                if htmx:
                    return _saved_fragment(request, current, "conflict")
                return render_conflict(request, current, {"answers": form.answers()}, form.labels())
            if errors:
                form.add_save_errors(errors)
            else:
                if htmx:
                    # Answers of this page that someone else changed meanwhile: what this form shows of them
                    # is older, so the form keeps its version and stops saving until the page is reloaded.
                    stale = getattr(application, "changed_by_others", set()) & {q.key for q in questions}
                    if stale:
                        labels = [q.tr("label") for q in questions if q.key in stale]
                        return _saved_fragment(request, application, "merged", labels=labels, saved=saved)
                    return _saved_fragment(request, application, "saved", saved=saved)
                if request.POST.get("action") == "continue":
                    return redirect(next_section_url(application, section))
                messages.success(request, _("Your answers were saved. You can come back to them later."))
                return redirect("applications:overview", pk=application.pk)
        if htmx:
            return _saved_fragment(request, application, "invalid", form=form, errors=_form_errors(form))
    elif editable:
        form = SectionForm(questions, application=application, attachments=attachments)

    show_similar = any(question.key in SIMILARITY_KEYS for question in questions)
    index = keys.index(section)
    context = {
        "application": application,
        "call": application.call,
        "section": section,
        "record": record,
        "title": record.tr("title"),
        "form": form,
        "editable": editable,
        "locked_reason": "" if editable else _locked_reason(application, allowed),
        "rows": []
        if editable
        else [
            (q.tr("label"), answer_display(q, (application.answers or {}).get(q.key)) or _("Not answered"))
            for q in questions
        ],
        "step": index + 1,
        "steps": len(keys),
        "next_url": next_section_url(application, section),
        "show_similar": show_similar,
        "similar": similarity.similar_applications(application) if show_similar else [],
        "Status": Status,
    }
    return render(request, "applications/section.html", context)


@login_required
def similar(request, pk):
    """The "Similar projects" panel, refreshed by htmx after the title or summary is saved."""
    application = get_application(request, pk, edit=True)
    if not getattr(request, "htmx", False):
        question = next((q for q in application.questions() if q.key in SIMILARITY_KEYS), None)
        if question is None:
            return redirect("applications:overview", pk=application.pk)
        return redirect(part_url(application, question.section))
    return render(
        request,
        "applications/_similar.html",
        {"application": application, "similar": similarity.similar_applications(application)},
    )


# Check your answers and submit --------------------------------------------------------------------------


def check_context(request, application) -> dict:
    # Both application_context and missing_for_submit read the parts' rows; fetched once.
    fetch_rows(application)
    context = application_context(application)
    open_for_changes = application.is_editable and application.editing_refusal() is None
    missing = (
        _with_urls(application, completeness.missing_for_submit(application)) if open_for_changes else []
    )
    may_submit = can(request.user, "submit", application)
    changeable = _changeable(request, application)
    for section_ in context["sections"]:
        section_["changeable"] = section_["key"] in changeable
    maturity_section = application.section(PARTS["maturity"].kind)
    context.update(
        {
            "missing": missing,
            "open_for_changes": open_for_changes,
            "locked_reason": ""
            if open_for_changes or not application.is_editable
            else _locked_reason(application, None),
            "can_submit": may_submit,
            "changeable": changeable,
            "signatories": []
            if may_submit
            else [
                membership.user
                for membership in Membership.objects.filter(
                    organisation=application.organisation, role=Role.SIGNATORY, user__is_active=True
                ).select_related("user")
            ],
            "maturity_status": _maturity_state(application, context["assessment"], missing)
            if maturity_section is not None
            else "",
            "completion_request": application.open_completion_request(),
            "resubmission": application.status == Status.COMPLETION_REQUESTED,
        }
    )
    return context


@login_required
def check_answers(request, pk):
    application = get_application(request, pk, edit=True)
    return render(request, "applications/check.html", check_context(request, application))


@login_required
@require_POST
def submit(request, pk):
    application = get_application(request, pk, edit=True)
    if not can(request.user, "submit", application):
        raise PermissionDenied
    # A double click or a retried request: the first one submitted it already.
    if application.status == Status.SUBMITTED and application.case_number:
        return redirect("applications:receipt", pk=application.pk)
    if _version_of(request) != application.version:
        messages.error(
            request,
            _(
                "The application was changed after you opened this page. Check the answers again before you submit."
            ),
        )
        return redirect("applications:check", pk=application.pk)
    try:
        application = actions.submit(application, by=request.user)
    except actions.Incomplete as exc:
        return render(
            request,
            "applications/submit_errors.html",
            {"application": application, "missing": _with_urls(application, exc.missing), "closed": False},
            status=422,
        )
    except actions.CallClosed:
        completion_request = application.open_completion_request()
        return render(
            request,
            "applications/submit_errors.html",
            {
                "application": application,
                "closed": True,
                "completion_request": completion_request,
                "closed_at": clock.helsinki(
                    completion_request.due_at if completion_request else application.call.closes_at
                ),
            },
            status=409,
        )
    except actions.NotEditable:
        messages.error(request, _locked_reason(application, None))
        return redirect("applications:overview", pk=application.pk)
    return redirect("applications:receipt", pk=application.pk)


@login_required
def receipt(request, pk):
    application = get_application(request, pk, edit=True)
    if not application.case_number:
        return redirect("applications:overview", pk=application.pk)
    contacts = list(application.contacts.all())
    return render(
        request,
        "applications/receipt.html",
        {
            "application": application,
            "call": application.call,
            "contacts": contacts,
            "resubmitted": application.completion_requests.filter(
                state=CompletionRequest.State.ANSWERED
            ).exists(),
            "can_withdraw": can(request.user, "withdraw", application),
            "Status": Status,
        },
    )


@login_required
def pdf(request, pk):
    """The PDF copy: the one stored at submission, or made now (for a draft, or if it is not stored yet)."""
    application = get_application(request, pk)
    content = None
    if application.receipt_pdf:
        try:
            with application.receipt_pdf.open("rb") as stored:
                content = stored.read()
        except (FileNotFoundError, OSError):
            content = None
    if content is None:
        content = tasks.cached_pdf(application)
    name = (application.case_number or f"application-{application.pk}").replace("/", "-")
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


# Withdrawal ---------------------------------------------------------------------------------------------


@login_required
def withdraw(request, pk):
    application = get_application(request, pk, edit=True)
    is_signatory = can(request.user, "submit", application)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST":
        if not is_signatory:
            raise PermissionDenied
        if application.status == Status.WITHDRAWN:
            return redirect("applications:overview", pk=application.pk)
        if not can(request.user, "withdraw", application):
            messages.error(request, _("The application cannot be withdrawn now."))
            return redirect("applications:overview", pk=application.pk)
        if form.is_valid():
            try:
                actions.withdraw(application, by=request.user, reason=form.cleaned_data["reason"])
            except validation.ApplicationInvalid as exc:
                for message in exc.errors.get("reason", []):
                    form.add_error("reason", message)
            except actions.NotEditable:
                messages.error(request, _("The application cannot be withdrawn now."))
                return redirect("applications:overview", pk=application.pk)
            else:
                messages.success(request, _("The application was withdrawn. The ministry has been told."))
                return redirect("applications:overview", pk=application.pk)
    return render(
        request,
        "applications/withdraw.html",
        {
            "application": application,
            "form": form,
            "is_signatory": is_signatory,
            "can_withdraw": can(request.user, "withdraw", application),
            "Status": Status,
        },
    )


# Notifications ------------------------------------------------------------------------------------------


@login_required
def notification(request, pk):
    """Open a notification: mark it read and go where it points (or show it, if it points nowhere)."""
    item = get_object_or_404(Notification, pk=pk, user=request.user)
    if item.read_at is None:
        item.read_at = clock.now()
        Notification.objects.filter(pk=item.pk, read_at__isnull=True).update(read_at=item.read_at)
    if item.url and url_has_allowed_host_and_scheme(
        item.url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(item.url)
    return render(request, "applications/notification.html", {"notification": item})
