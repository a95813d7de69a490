"""A call's summary: the officials' preview with publishing, and the published summary for everyone (page,
PDF and Excel workbook), shown from the data stored when it was published. The PDF of a version is made once
per language (by a task queued when it is published, or by the first reader) and kept."""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kannustin.core import clock
from kannustin.core.permissions import can
from kannustin.programmes.models import Call

from . import summary_documents, tasks
from .models import PublishedSummary
from .summaries import figures, present


def _language(request) -> str:
    return getattr(request, "LANGUAGE_CODE", None) or get_language() or "fi"


def _latest(call_id: int) -> PublishedSummary:
    published = (
        PublishedSummary.objects.filter(
            call_id=call_id, call__is_published=True, call__programme__is_published=True
        )
        .select_related("call", "call__programme")
        .order_by("-version")
        .first()
    )
    if published is None:
        raise Http404
    return published


@login_required
@require_GET
def summary_preview(request, call_id: int):
    """The summary as it would be published now, and the versions published so far."""
    call = get_object_or_404(Call.objects.select_related("programme", "track"), pk=call_id)
    if not can(request.user, "reports.preview_summary", call):
        raise PermissionDenied
    context = summary_documents.page_context(figures(call), _language(request))
    context.update(
        {
            "call": call,
            "versions": list(
                PublishedSummary.objects.filter(call=call).select_related("published_by").order_by("-version")
            ),
        }
    )
    return render(request, "reports/summary_preview.html", context)


@login_required
@require_POST
def summary_publish(request, call_id: int):
    """Store the figures as they are now as the call's next published version."""
    with transaction.atomic():
        call = get_object_or_404(Call.objects.select_for_update(), pk=call_id)
        if not can(request.user, "reports.publish_summary", call):
            raise PermissionDenied
        latest = PublishedSummary.objects.filter(call=call).aggregate(latest=Max("version"))["latest"] or 0
        published = PublishedSummary.objects.create(
            call=call,
            version=latest + 1,
            published_at=clock.now(),
            published_by=request.user,
            data=figures(call),
        )
    transaction.on_commit(lambda: tasks.enqueue_summary_pdfs(published.pk))
    messages.success(
        request, _("Version %(version)s of the summary is published.") % {"version": published.version}
    )
    return redirect("reports:summary_preview", call_id=call.pk)


@require_GET
def summary(request, call_id: int):
    """The latest published version, for everyone."""
    published = _latest(call_id)
    context = summary_documents.page_context(published.data, _language(request))
    context.update({"call": published.call, "published": published})
    return render(request, "reports/summary.html", context)


@require_GET
def summary_pdf(request, call_id: int):
    published = _latest(call_id)
    response = HttpResponse(
        summary_documents.pdf_content(published, _language(request)), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="summary-{call_id}-v{published.version}.pdf"'
    return response


@require_GET
def summary_xlsx(request, call_id: int):
    from openpyxl import Workbook

    published = _latest(call_id)
    language = _language(request)
    summary = present(published.data, language)
    workbook = Workbook()
    totals = workbook.active
    totals.title = _("Totals")[:31]
    totals.append([summary["title"]])
    totals.append([_("Version"), published.version])
    received = _("Proposals received") if summary["proposals"] else _("Applications received")
    totals.append([received, summary["received"]])
    totals.append([_("Withdrawn"), summary["withdrawn"]])
    totals.append([_("Joint applications (with partners)"), summary["joint"]])
    totals.append([_("Single applicants"), summary["single"]])
    if not summary["proposals"]:  # proposals ask for no money
        totals.append([_("Requested in all (€)"), float(summary["money"]["requested"])])
    if summary["track_1"]:
        for key, label in (
            ("budget", _("Budget of the track (€)")),
            ("appropriation", _("Appropriation (€)")),
        ):
            amount = summary["money"].get(key)
            totals.append([label, float(amount) if amount is not None else None])
    regions = workbook.create_sheet(_("By region")[:31])
    regions.append([_("Region"), _("Code"), _("Applications")])
    for row in summary["regions"]:
        regions.append([row["name"], row["code"], row["count"]])
    sizes = workbook.create_sheet(_("By size class")[:31])
    sizes.append([_("Size class"), _("Applications")])
    for row in summary["size_classes"]:
        sizes.append([row["label"], row["count"]])
    if not summary["proposals"]:
        bands = workbook.create_sheet(_("Amounts")[:31])
        bands.append([_("Amount requested"), _("Applications"), _("Requested in all (€)")])
        for row in summary["bands"]:
            bands.append([row["label"], row["count"], float(row["amount"])])
    applicants = workbook.create_sheet(_("Applicants")[:31])
    headings = [_("Municipality"), _("Partners"), _("Project"), _("Summary")]
    applicants.append(headings if summary["proposals"] else [*headings, _("Requested (€)")])
    for row in summary["applicants"]:
        cells = [row["municipality"], ", ".join(row["partners"]), row["title"], row["summary"]]
        if not summary["proposals"]:
            cells.append(float(row["requested"]) if row["requested"] is not None else None)
        applicants.append(cells)
    if summary["maturity"] is not None:
        _maturity_sheet(workbook, summary["maturity"])
    output = io.BytesIO()
    workbook.save(output)
    response = HttpResponse(
        output.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="summary-{call_id}-v{published.version}.xlsx"'
    return response


def _maturity_sheet(workbook, maturity: dict) -> None:
    sheet = workbook.create_sheet(_("Maturity")[:31])
    sheet.append([_("Maturity profiles: self-assessed by the applicants, for context only")])
    sheet.append(
        [_("Dimension"), _("Mean now"), _("Mean target"), _("Self-assessments")]
        + [_("Now: %(level)s") % {"level": _level(level)} for level in maturity["levels"]]
        + [_("Target: %(level)s") % {"level": _level(level)} for level in maturity["levels"]]
    )
    for row in maturity["dimensions"]:
        if not row["enough"]:
            sheet.append([row["name"], None, None, row["count"]])
            continue
        sheet.append(
            [row["name"], float(row["mean_current"]), float(row["mean_target"]), row["count"]]
            + [cell["now"] for cell in row["distribution"] or []]
            + [cell["target"] for cell in row["distribution"] or []]
        )
    sheet.append([])
    sheet.append(
        [
            _("Means are shown only for dimensions that at least %(count)s organisations rated.")
            % {"count": maturity["min_group_size"]}
        ]
    )


def _level(level: dict) -> str:
    return f"{level['value']} {level['label']}".strip()
