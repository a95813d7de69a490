"""Shared pieces of the application pages: finding an application the user may see, saving with the
version check, the conflict page, and the full content of an application for check-your-answers, the
ministry's view and the PDF copy."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kannustin.core import clock

from .. import actions, permissions, validation
from ..models import Application, Status

SECTION_TITLES = {
    # Question sections of the shipped question sets; a call may add its own (shown by their key).
    "basics": gettext_lazy("Project basics"),
    "criteria": gettext_lazy("The project against the criteria"),
    "goals": gettext_lazy("Goals"),
    "sharing": gettext_lazy("Sharing the results"),
    "other": gettext_lazy("Other information"),
    "proposal": gettext_lazy("The proposal"),
    "description": gettext_lazy("Description of the proposal"),
    "partners": gettext_lazy("Partners"),
    "joint": gettext_lazy("The joint project"),
    # Structured parts
    "indicators": gettext_lazy("Indicators"),
    "co_applicants": gettext_lazy("Co-applicants"),
    "contacts": gettext_lazy("Contact people"),
    "budget": gettext_lazy("Budget"),
    "attachments": gettext_lazy("Attachments"),
    "confidentiality": gettext_lazy("Business secrets"),
    "maturity": gettext_lazy("Maturity self-assessment"),
}


def section_title(key: str) -> str:
    title = SECTION_TITLES.get(key)
    return str(title) if title else key.replace("_", " ").capitalize()


def get_application(request, pk: int, *, edit: bool = False) -> Application:
    """The application if the user may see it (and, with edit=True, edit it); 404 otherwise, so that other
    organisations cannot even learn that it exists."""
    application = get_object_or_404(
        Application.objects.select_related(
            "call", "call__programme", "call__track", "organisation", "question_set"
        ),
        pk=pk,
    )
    if not permissions.can_view(request.user, application):
        raise Http404
    if edit and not permissions.member_role(request.user, application.organisation_id):
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
    except actions.NotEditable:
        messages.error(request, _("This part of the application cannot be changed now."))
        return application, {"__all__": [_("This part of the application cannot be changed now.")]}, None


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
    for key in ("budget", "requested_amount", "co_applicants", "contacts", "indicators", "confidential_keys"):
        if key in mine:
            rows.append({"key": key, "label": labels.get(key) or section_title(key), "mine": mine[key],
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


def answer_display(question, value) -> str:
    """An answer as a person reads it, in the current language: the reader's on a page, the application's in
    its documents (tasks.pdf_context builds them in that language)."""
    from kannustin.programmes.models import Question
    from kannustin.registry.models import Organisation

    if value in (None, "", []):
        return ""
    if question.type == Question.Type.CHOICE:
        return question.option_label(value)
    if question.type == Question.Type.MULTIPLE_CHOICE:
        return ", ".join(question.option_label(v) for v in value)
    if question.type == Question.Type.MUNICIPALITIES:
        names = {org.code: org.tr("name") for org in Organisation.objects.filter(code__in=value)}
        return ", ".join(f"{names.get(code, code)} ({code})" for code in value)
    if question.type == Question.Type.MONEY:
        from kannustin.core.i18n import current_language
        from kannustin.core.money import format_euros

        return format_euros(value, current_language())
    if question.type == Question.Type.DATE:
        from kannustin.core.formats import format_date, parse_date

        return format_date(parse_date(value)) or str(value)
    return str(value)


def application_context(application: Application, *, public: bool = False) -> dict:
    """Everything in an application, grouped by section, for check-your-answers, the ministry's view and the PDF.
    public=True leaves out answers and attachments marked as business secrets."""

    questions = application.questions()
    confidential = set(application.confidential_keys)
    sections = []
    for question in questions:
        if not sections or sections[-1]["key"] != question.section:
            sections.append({"key": question.section, "title": section_title(question.section), "rows": []})
        value = application.answers.get(question.key)
        hidden = public and question.key in confidential
        sections[-1]["rows"].append(
            {
                "question": question,
                "value": None if hidden else value,
                "display": _("Business secret – not public") if hidden else answer_display(question, value),
                "confidential": question.key in confidential,
            }
        )
    lines = list(application.budget_lines.all())
    categories = {c.key: c for c in application.call.cost_categories.all()}
    assessment = application.maturity_assessment()
    attachments = [a for a in application.attachments.all() if not (public and a.confidential)]
    return {
        "application": application,
        "call": application.call,
        "sections": sections,
        "budget_lines": [{"line": line, "category": categories.get(line.category)} for line in lines],
        "budget": actions.budget_summary(application, lines),
        "indicators": list(application.indicators.all()),
        "contacts": list(application.contacts.all()),
        "co_applicants": sorted(application.co_applicants.all(), key=lambda org: org.tr("name").casefold()),
        "attachments": attachments,
        "assessment": assessment,
        "public": public,
        "now": clock.now(),
        "Status": Status,
    }
