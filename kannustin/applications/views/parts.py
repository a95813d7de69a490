"""The pages of the structured parts of the application form: indicators, participants, contact people,
budget, attachments and business secrets (what each part is: `applications/parts.py`); and the page where a
partner confirms its participation.

Every page works without JavaScript: repeating rows come with empty rows and an "add another" button that
saves and shows one more; the municipality search is a GET form; budget totals come from the server after
saving. Scripts (repeating.js, budget.js) only make the same things quicker.

Each save goes through `common.save_changes` (so through `actions.save`): the version the page was read at
travels in a hidden `version` input, errors come back per field with everything typed kept, and a stale
save gets the conflict page.
"""

import unicodedata
from collections import defaultdict
from decimal import Decimal
from urllib.parse import quote, urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from kannustin.accounts.roles import Role
from kannustin.core.i18n import current_language
from kannustin.core.money import NBSP, format_euros
from kannustin.core.permissions import can
from kannustin.registry.models import Organisation, find_organisation

from .. import actions, permissions, presentation, validation
from ..files import ACCEPTED_LABEL, FileRefused
from ..forms_parts import (
    AttachmentForm,
    ContactForm,
    IndicatorForm,
    ParticipantsForm,
    RequestedAmountForm,
    budget_formset,
    row_formset,
)
from ..models import Attachment
from ..parts import required_documents
from . import common

# Empty rows shown under the saved ones, and the most a page asks for through ?extra=.
EMPTY_ROWS = 2
MAX_EXTRA = 10
SEARCH_LIMIT = 20


# The part being shown ------------------------------------------------------------------------------------


class Part:
    """One structured part of one application, as the signed-in user may see it."""

    def __init__(self, request, pk, key):
        self.request = request
        self.key = key
        # Saving needs participation; reading is for everyone who may see the application (404 for others).
        self.application = common.get_application(request, pk, edit=request.method == "POST")
        application = self.application
        self.record = application.section(key)
        if self.record is None:
            raise Http404  # this form has no such part
        self.allowed = application.changeable_parts()
        self.editable = can(request.user, "change", application) and (
            self.allowed is None or key in self.allowed
        )

    @property
    def read_only_reason(self) -> str:
        if self.editable:
            return ""
        if not permissions.is_participant_member(self.request.user, self.application):
            return "not_member"
        if self.application.editing_refusal() in {"call_closed", "completion_overdue"}:
            return self.application.editing_refusal()
        return "not_requested" if self.application.is_editable else "submitted"

    @property
    def pk(self):
        return self.application.pk

    @cached_property
    def sections(self) -> list[str]:
        return [section.key for section in self.application.sections()]

    def url(self, key=None) -> str:
        return section_url(self.application, key or self.key)

    def next_url(self) -> str:
        return presentation.next_section_url(self.application, self.key)

    def finish(self, action: str, *, query: dict | None = None):
        """Where a successful save leads: "continue" to the next part, "later" to the overview, anything
        else (add a row, add or remove an organisation, upload) back to this page."""
        if action == "continue":
            return redirect(self.next_url())
        if action == "later":
            messages.success(self.request, _("Your changes were saved. You can come back to them later."))
            return redirect("applications:overview", pk=self.pk)
        return redirect(self.url() + (f"?{urlencode(query)}" if query else ""))

    def refuse(self):
        """A save posted to a part that cannot be changed now (submitted, past its deadline, or outside a
        completion request)."""
        messages.error(
            self.request,
            common.refusal_message(self.application, self.application.editing_refusal() or "not_editable"),
        )
        return redirect(self.url())

    def render(self, template, context, *, status=200):
        application = self.application
        return render(
            self.request,
            f"applications/parts/{template}",
            {
                "application": application,
                "call": application.call,
                "application_title": application.title or _("Untitled application"),
                "part_key": self.key,
                "part_title": self.record.tr("title"),
                "part_intro": self.record.tr("intro"),
                "part_options": self.record.options or {},
                "editable": self.editable,
                "overview_url": reverse("applications:overview", args=[self.pk]),
                "read_only_reason": self.read_only_reason,
                "locked_message": common.refusal_message(application, self.read_only_reason)
                if self.read_only_reason in {"call_closed", "completion_overdue"}
                else "",
                "step": self.sections.index(self.key) + 1 if self.key in self.sections else None,
                "steps": len(self.sections),
                **context,
            },
            status=status,
        )


def section_url(application, key) -> str:
    section = application.section(key)
    if section is None:
        return reverse("applications:overview", args=[application.pk])
    return presentation.section_url(application, section)


def _action(request) -> str:
    return request.POST.get("action", "")


def _extra(request, default=EMPTY_ROWS) -> int:
    try:
        return max(1, min(int(request.GET.get("extra", default)), MAX_EXTRA))
    except ValueError:
        return default


# Errors ----------------------------------------------------------------------------------------------------


def _summary_item(anchor, message, prefix=None) -> dict:
    return {"anchor": anchor, "message": f"{prefix}: {message}" if prefix else str(message)}


def _row_errors(errors: dict, key: str, row_forms: list) -> list[str]:
    """Put the save's errors `<key>.<i>.<field>` on the field of the form row i came from; what belongs to no
    field is returned for the top of the page."""
    general = []
    for name, messages_ in errors.items():
        parts = name.split(".")
        if len(parts) == 3 and parts[0] == key and parts[1].isdigit() and int(parts[1]) < len(row_forms):
            form = row_forms[int(parts[1])]
            if parts[2] in form.fields:
                for message in messages_:
                    form.add_error(parts[2], message)
                continue
        general.extend(messages_)
    return general


def _formset_summary(formset, general=(), anchor="") -> list[dict]:
    items = [_summary_item(anchor, message) for message in [*formset.non_form_errors(), *general]]
    for form in formset.forms:
        for field in form:
            for message in field.errors:
                items.append(_summary_item(field.error_anchor, message, form.row_title))
    return items


def _form_summary(form, general=()) -> list[dict]:
    items = [_summary_item("", message) for message in general]
    for field in form:
        for message in field.errors:
            items.append(_summary_item(field.error_anchor, message))
    return items


# Repeating rows: indicators and contact people ----------------------------------------------------------


ROW_PARTS = {
    "indicators": {
        "form": IndicatorForm,
        "fields": ("name", "baseline", "target", "follow_up"),
        "add": gettext_lazy("Add another indicator"),
        "template": "indicators.html",
    },
    "contacts": {
        "form": ContactForm,
        "fields": ("name", "title", "email", "phone", "role"),
        "add": gettext_lazy("Add another contact person"),
        "template": "contacts.html",
    },
}


def _rows_page(request, pk, key, *, prefill=None):
    spec = ROW_PARTS[key]
    part = Part(request, pk, key)
    related = getattr(part.application, key)
    summary, general = [], []
    if request.method == "POST":
        if not part.editable:
            return part.refuse()
        formset = row_formset(spec["form"], extra=0)(request.POST, prefix=key)
        if formset.is_valid():  # only the management form is checked here; the save checks the rows
            rows, row_forms = formset.rows()
            _saved, errors, conflict = common.save_changes(request, part.application, {key: rows})
            if conflict:
                return conflict
            if not errors:
                if _action(request) == "add":
                    return part.finish("add", query={"extra": min(formset.blank_count() + 1, MAX_EXTRA)})
                return part.finish(_action(request))
            general = _row_errors(errors, key, row_forms)
        summary = _formset_summary(formset, general, anchor=f"{key}-rows")
    else:
        saved = list(related.values(*spec["fields"]))
        extra = _extra(request)
        if not saved and prefill:
            saved, extra = [prefill], max(1, extra - 1)
        formset = row_formset(spec["form"], extra=extra if part.editable else 0)(initial=saved, prefix=key)
    return part.render(
        spec["template"],
        {"formset": formset, "error_list": summary, "general_errors": general, "add_label": spec["add"]},
    )


@login_required
@require_http_methods(["GET", "POST"])
def indicators(request, pk):
    return _rows_page(request, pk, "indicators")


@login_required
@require_http_methods(["GET", "POST"])
def contacts(request, pk):
    user = request.user
    prefill = {"name": user.name, "title": user.title, "email": user.email, "phone": user.phone, "role": ""}
    return _rows_page(request, pk, "contacts", prefill=prefill)


# Participants ------------------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower case without accents, so that "narpes" finds Närpes and "ahtari" Ähtäri."""
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def search_organisations(query: str, limit: int = SEARCH_LIMIT, kinds=None) -> list[Organisation]:
    """Organisations of the registry whose Finnish or Swedish name contains the query, or whose municipality
    code or Business ID starts with it: municipalities of the 2026 classification first, then names that
    start with the query. One query; the matching is done here so it ignores case and accents in any
    database."""
    query = (query or "").strip()[:100]
    if not query:
        return []
    folded = fold(query)
    identifier = query.replace(" ", "")
    organisations = Organisation.objects.select_related("merged_into")
    if kinds:
        organisations = organisations.filter(kind__in=kinds)
    found = []
    for organisation in organisations:
        codes = [c for c in (organisation.code, organisation.business_id) if c]
        if identifier[:1].isdigit():
            if any(code == identifier.zfill(3) or code == identifier for code in codes):
                rank = 0
            elif any(code.startswith(identifier) for code in codes):
                rank = 1
            else:
                continue
        else:
            names = [fold(name) for name in (organisation.name_fi, organisation.name_sv) if name]
            if any(name.startswith(folded) for name in names):
                rank = 0
            elif any(folded in name for name in names):
                rank = 1
            else:
                continue
        current = organisation.in_2026 or not organisation.is_municipality
        found.append(((not current, rank, fold(organisation.tr("name"))), organisation))
    found.sort(key=lambda item: item[0])
    return [organisation for _key, organisation in found[:limit]]


def _results_context(query, lead_id=None, chosen=(), *, can_add=True, kinds=None) -> dict:
    results = search_organisations(query, kinds=kinds) if query else []
    return {
        "query": query,
        "results": [
            {
                "organisation": organisation,
                "is_lead": organisation.pk == lead_id,
                "is_chosen": organisation.pk in chosen,
            }
            for organisation in results
        ],
        "can_add": can_add,
    }


def _partner_entries(partners, *, add=None, remove=None) -> list:
    entries = [p.organisation.identifier for p in partners if p.organisation.identifier != remove]
    return [*entries, add] if add else entries


@login_required
@require_http_methods(["GET", "POST"])
def participants(request, pk):
    part = Part(request, pk, "participants")
    application = part.application
    options = part.record.options or {}
    kinds = options.get("kinds")
    joint = (options.get("min_municipalities") or 0) >= 2
    # Who takes part is changed by the lead's people only (partners may write the rest once confirmed).
    manageable = part.editable and can(request.user, "manage_participants", application)
    partners = application.partners()
    confirmed = application.participants_confirmed
    summary, general = [], []
    form = ParticipantsForm(
        joint=joint,
        initial={
            "applies": (ParticipantsForm.TOGETHER if partners else ParticipantsForm.ALONE)
            if confirmed
            else ""
        },
    )
    if request.method == "POST":
        if not manageable:
            return part.refuse()
        to_add, to_remove = request.POST.get("add", "").strip(), request.POST.get("remove", "").strip()
        if to_add and to_add == application.organisation.identifier:
            general = [_("The applicant itself is not a partner.")]
        elif to_add or to_remove:
            new = _partner_entries(partners, add=to_add, remove=to_remove)
            # A confirmed list stays confirmed while it still has partners; going from "alone" to a list, or
            # emptying the list, asks for the confirmation again.
            changes = {
                "participants": new,
                "participants_confirmed": confirmed and bool(partners) and bool(new),
            }
            _saved, errors, conflict = common.save_changes(request, application, changes)
            if conflict:
                return conflict
            if not errors:
                changed = find_organisation(to_add or to_remove)
                name = changed.tr("name") if changed else to_add or to_remove
                if to_add:
                    messages.success(
                        request,
                        _("%(name)s was added to the participants. Its people were asked to confirm it.")
                        % {"name": name},
                    )
                else:
                    messages.success(
                        request, _("%(name)s was removed from the participants.") % {"name": name}
                    )
                return part.finish(
                    "change", query={"q": request.POST["q"]} if request.POST.get("q") else None
                )
            general = [message for messages_ in errors.values() for message in messages_]
        elif _action(request) == "shares":
            entries = []
            for participant in application.participant_rows():
                raw = request.POST.get(f"share-{participant.organisation.identifier}", "").strip()
                entries.append(
                    {"organisation": participant.organisation.identifier, "budget_share": raw or None}
                )
            _saved, errors, conflict = common.save_changes(request, application, {"participants": entries})
            if conflict:
                return conflict
            if not errors:
                messages.success(request, _("The shares of the budget were saved."))
                return part.finish("change")
            general = [message for messages_ in errors.values() for message in messages_]
        else:
            form = ParticipantsForm(request.POST, joint=joint)
            form.is_valid()
            applies, action = form.raw("applies"), _action(request)
            if applies == ParticipantsForm.ALONE and partners:
                form.add_error(
                    "applies", _("Remove the partners from the list, or choose that they apply with you.")
                )
            elif applies == ParticipantsForm.ALONE and joint:
                form.add_error(
                    "applies", _("A joint project is carried out by several municipalities: add the others.")
                )
            elif applies == ParticipantsForm.TOGETHER and not partners:
                form.add_error(
                    "applies", _("Add at least one partner, or choose that the municipality applies alone.")
                )
            elif applies not in (ParticipantsForm.ALONE, ParticipantsForm.TOGETHER) and action != "later":
                form.add_error("applies", _("Choose whether the municipality applies alone or with others."))
            if not form.errors:
                if applies and confirmed != bool(applies):
                    _saved, errors, conflict = common.save_changes(
                        request, application, {"participants_confirmed": True}
                    )
                    if conflict:
                        return conflict
                    if errors:
                        general = [message for messages_ in errors.values() for message in messages_]
                if not general:
                    return part.finish(action)
        summary = _form_summary(form, general)
    query = request.GET.get("q", "").strip()[:100] if manageable else ""
    return part.render(
        "participants.html",
        {
            "form": form,
            "lead": next((p for p in application.participant_rows() if p.is_lead), None),
            "partners": partners,
            "manageable": manageable,
            "joint": joint,
            "error_list": summary,
            "general_errors": general,
            "search_url": reverse("applications:organisation_search"),
            **_results_context(
                query, application.organisation_id, {p.organisation_id for p in partners}, kinds=kinds
            ),
        },
    )


@login_required
@require_GET
def organisation_search(request):
    """The search results as an HTML fragment for the participants page (fetched as the person types).
    With `application=<id>` the results say which organisations are already on that application."""
    query = request.GET.get("q", "").strip()[:100]
    lead, chosen, kinds = None, set(), None
    if request.GET.get("application", "").isdigit():
        application = common.get_application(request, int(request.GET["application"]))
        lead = application.organisation_id
        chosen = {p.organisation_id for p in application.partners()}
        section = application.section("participants")
        kinds = (section.options or {}).get("kinds") if section else None
    return render(
        request,
        "applications/parts/_organisation_results.html",
        _results_context(query, lead, chosen, kinds=kinds),
    )


# A partner confirms ------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def participation(request, pk, org_code):
    """A partner's own page about an application that names it: what the application is, who takes part,
    and for the partner's signatory the buttons to confirm or decline its participation."""
    application = common.get_application(request, pk)
    organisation = find_organisation(org_code)
    participant = (
        application.participants.select_related("organisation").filter(organisation=organisation).first()
        if organisation is not None
        else None
    )
    if participant is None or not permissions.member_role(request.user, participant.organisation_id):
        raise Http404
    participant.application = application
    may_decide = can(request.user, "confirm", participant)
    if request.method == "POST":
        decision = request.POST.get("decision")
        if decision not in {"confirm", "decline"}:
            messages.error(request, _("Choose whether your organisation takes part."))
            return redirect(request.path)
        try:
            actions.decide_participation(participant, by=request.user, confirm=decision == "confirm")
        except actions.NotEditable:
            messages.error(
                request,
                _("The participation has already been decided, or the application can no longer change."),
            )
            return redirect(request.path)
        if decision == "confirm":
            messages.success(
                request,
                _("You confirmed that %(name)s takes part. The applicant has been told.")
                % {"name": participant.organisation.tr("name")},
            )
        else:
            messages.success(
                request,
                _("You declined on behalf of %(name)s. The applicant has been told.")
                % {"name": participant.organisation.tr("name")},
            )
        return redirect("applications:dashboard")
    return render(
        request,
        "applications/participation.html",
        {
            "application": application,
            "call": application.call,
            "participant": participant,
            "participants": application.participant_rows(),
            "may_decide": may_decide,
            "is_signatory": permissions.member_role(request.user, participant.organisation_id)
            == Role.SIGNATORY,
        },
    )


# Budget --------------------------------------------------------------------------------------------------


def amount_text(amount, language: str) -> str:
    """An amount as it goes back into a text input: "12 500,50" (fi, sv) or "12500.50" (en). Both are read
    back by money.to_money."""
    if amount is None:
        return ""
    if language == "en":
        return f"{Decimal(amount):.2f}"
    return format_euros(amount, language).removesuffix(f"{NBSP}€").replace(NBSP, " ")


def budget_tables(lines, categories, years) -> dict:
    """Eligible costs by category and year: rows per category, a total per year and in all."""
    cells = defaultdict(lambda: Decimal("0.00"))
    for line in lines:
        cells[(line.category, line.year)] += line.amount
    names = {category.key: category.tr("name") for category in categories}
    keys = [category.key for category in categories]
    keys += sorted({line.category for line in lines} - set(keys))  # a category since removed from the call
    rows = [
        {
            "key": key,
            "name": names.get(key, key),
            "cells": [{"year": year, "amount": cells[(key, year)]} for year in years],
            "total": sum((cells[(key, year)] for year in years), Decimal("0.00")),
        }
        for key in keys
    ]
    return {
        "rows": rows,
        "years": [{"year": y, "total": sum((cells[(k, y)] for k in keys), Decimal("0.00"))} for y in years],
        "total": sum((line.amount for line in lines), Decimal("0.00")),
    }


@login_required
@require_http_methods(["GET", "POST"])
def budget(request, pk):
    part = Part(request, pk, "budget")
    application, call = part.application, part.application.call
    language = current_language()
    categories = list(call.cost_categories.all())
    years = list(validation.budget_years(call))
    options = {"categories": [(c.key, c.tr("name")) for c in categories], "years": years}
    percent = call.max_aid_percent
    summary, general = [], []
    if request.method == "POST":
        if not part.editable:
            return part.refuse()
        formset = budget_formset(extra=0)(request.POST, prefix="budget", **options)
        amount_form = RequestedAmountForm(request.POST, max_percent=percent)
        if formset.is_valid():
            amount_form.is_valid()
            rows, row_forms = formset.rows()
            changes = {"budget": rows, "requested_amount": amount_form.raw("requested_amount")}
            saved, errors, conflict = common.save_changes(request, application, changes)
            if conflict:
                return conflict
            if not errors:
                action = _action(request)
                if action == "add":
                    return part.finish("add", query={"extra": min(formset.blank_count() + 1, MAX_EXTRA)})
                if action == "continue" and not presentation.budget_summary(saved)["within_limit"]:
                    # Saved as a draft, but the person is told now, not only at submission.
                    return part.finish("check", query={"check": 1})
                return part.finish(action)
            for message in errors.pop("requested_amount", []):
                amount_form.add_error("requested_amount", message)
            general = _row_errors(errors, "budget", row_forms)
        summary = _formset_summary(formset, general, anchor="budget-rows")
        summary += _form_summary(amount_form)
        lines = list(application.budget_lines.all())
    else:
        lines = list(application.budget_lines.all())
        saved = [
            {
                "category": line.category,
                "year": str(line.year),
                "description": line.description,
                "amount": amount_text(line.amount, language),
            }
            for line in lines
        ]
        extra = _extra(request) if part.editable else 0
        formset = budget_formset(extra=extra)(initial=saved, prefix="budget", **options)
        amount_form = RequestedAmountForm(
            initial={"requested_amount": amount_text(application.requested_amount, language)},
            max_percent=percent,
        )
    totals = presentation.budget_summary(application, lines)
    limit_messages = validation.check_aid_share(call, totals["eligible_total"], application.requested_amount)
    if request.method == "GET" and request.GET.get("check") and limit_messages:
        amount_form.is_valid()
        for message in limit_messages:
            amount_form.add_error("requested_amount", message)
        summary = _form_summary(amount_form)
    return part.render(
        "budget.html",
        {
            "formset": formset,
            "amount_form": amount_form,
            "error_list": summary,
            "general_errors": general,
            "totals": totals,
            "tables": budget_tables(lines, categories, years),
            "limit_messages": limit_messages,
            "categories": categories,
            "max_percent": percent,
            "share_permille": int(call.max_aid_share * 1000),
        },
    )


# Attachments ---------------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def attachments(request, pk):
    part = Part(request, pk, "attachments")
    application, call = part.application, part.application.call
    files = list(application.attachments.all())
    limits = {"max_mb": call.max_attachment_mb, "max_count": call.max_attachments, "count": len(files)}
    documents = required_documents(application.section("attachments"))
    form = AttachmentForm(documents=documents, **limits)
    summary = []
    if request.method == "POST":
        if not part.editable:
            return part.refuse()
        form = AttachmentForm(request.POST, request.FILES, documents=documents, **limits)
        form.is_valid()
        uploaded, action = request.FILES.get("file"), _action(request)
        if uploaded is not None:
            try:
                attachment = actions.add_attachment(
                    application,
                    uploaded,
                    by=request.user,
                    version=_posted_version(request),
                    description=form.raw("description"),
                    confidential=bool(form["confidential"].value()),
                    document=form.raw("document") if documents else "",
                )
            except FileRefused as exc:
                form.add_error("file", str(exc))
            except actions.VersionConflict as exc:
                # The list below shows the other person's change; the file is chosen again, as after any error.
                form.add_error("file", _("Someone else changed the application meanwhile. Check the list of "
                                         "attachments below, then choose the file again."))  # fmt: skip
                files = list(exc.application.attachments.all())
            except actions.NotEditable:
                return part.refuse()
            else:
                messages.success(request, _("%(name)s was uploaded.") % {"name": attachment.original_name})
                return part.finish(action)
        elif action in ("continue", "later"):
            return part.finish(action)
        else:
            form.add_error("file", _("Choose a file to upload."))
        summary = _form_summary(form)
    return part.render(
        "attachments.html",
        {
            "form": form,
            "attachments": files,
            "error_list": summary,
            "accepted": ACCEPTED_LABEL,
            "documents": documents,
            "attached_documents": {a.document for a in files},
            **limits,
        },
    )


def _posted_version(request) -> int | None:
    """The version the page was based on; a form without one (an old page) is not checked."""
    raw = request.POST.get("version", "")
    return int(raw) if raw.isdigit() else None


def _attachment(application, attachment_id) -> Attachment:
    return get_object_or_404(
        Attachment.objects.select_related("uploaded_by"), pk=attachment_id, application=application
    )


@login_required
@require_GET
def attachment_download(request, pk, attachment_id):
    """The file, for anyone who may see the application, served so that a browser never runs or shows it
    as a page: always a download, the type checked at upload, no sniffing, a sandbox, no caching."""
    application = common.get_application(request, pk)
    attachment = _attachment(application, attachment_id)
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(handle, content_type=attachment.content_type)
    response["Content-Disposition"] = (
        f"attachment; filename*=UTF-8''{quote(attachment.original_name, safe='')}"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def attachment_delete(request, pk, attachment_id):
    """GET asks for confirmation, POST removes."""
    part = Part(request, pk, "attachments")
    attachment = _attachment(part.application, attachment_id)
    if not part.editable:
        return part.refuse()
    if request.method == "POST":
        try:
            actions.remove_attachment(attachment, by=request.user, version=_posted_version(request))
        except actions.NotEditable:
            return part.refuse()
        except actions.VersionConflict:
            messages.error(request, _("Someone else changed the application meanwhile. Check the attachments, "
                                      "then remove the file again if it should go."))  # fmt: skip
            return redirect(part.url())
        messages.success(request, _("%(name)s was removed.") % {"name": attachment.original_name})
        return redirect(part.url())
    return part.render("attachment_delete.html", {"attachment": attachment, "error_list": []})


# Business secrets ----------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def confidentiality(request, pk):
    part = Part(request, pk, "confidentiality")
    application = part.application
    marked = set(application.confidential_keys)
    questions = [
        question
        for question in application.questions()
        if application.answers.get(question.key) not in (None, "", []) or question.key in marked
    ]
    general, summary = [], []
    if request.method == "POST":
        if not part.editable:
            return part.refuse()
        chosen = set(request.POST.getlist("confidential_keys"))
        keys = [question.key for question in questions if question.key in chosen]
        secret_files = request.POST.getlist("confidential_attachments")
        saved, errors, conflict = common.save_changes(
            request, application, {"confidential_keys": keys, "confidential_attachments": secret_files}
        )
        if conflict:
            return conflict
        if not errors:
            return part.finish(_action(request))
        general = [message for messages_ in errors.values() for message in messages_]
        summary = [_summary_item("confidential-keys", message) for message in general]
        marked = set(keys)
    attachments = list(application.attachments.all())
    if request.method == "POST":
        secret_ids = set(request.POST.getlist("confidential_attachments"))
        for attachment in attachments:  # show what was chosen, also when it could not be saved
            attachment.confidential = str(attachment.pk) in secret_ids
    rows = [
        {
            "question": question,
            "section": presentation.section_title(application, question.section),
            "answer": presentation.answer_display(question, application.answers.get(question.key)),
            "checked": question.key in marked,
        }
        for question in questions
    ]
    return part.render(
        "confidentiality.html",
        {
            "rows": rows,
            "attachments": attachments,
            "error_list": summary,
            "general_errors": general,
        },
    )
