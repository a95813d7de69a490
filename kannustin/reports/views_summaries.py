"""A call's summary: the officials' preview with publishing, and the published summary for everyone (page,
PDF and Excel workbook), shown from the data stored when it was published."""

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
from kannustin.core.pdf import render_pdf
from kannustin.core.permissions import can
from kannustin.programmes.models import Call
from kannustin.registry import maps

from . import charts
from .models import PublishedSummary
from .summaries import figures, present


def _language(request) -> str:
    return getattr(request, "LANGUAGE_CODE", None) or get_language() or "fi"


def _context(data: dict, language: str) -> dict:
    summary = present(data, language)
    most = max((row["count"] for row in summary["regions"]), default=0)
    classes = {
        row["code"]: (0 if not row["count"] else 1 + min(3, (row["count"] * 4 - 1) // max(most, 1)))
        for row in summary["regions"] if row["code"]
    }  # fmt: skip
    return {
        "summary": summary,
        "map": maps.choropleth(
            classes,
            {row["code"]: row["name"] for row in summary["regions"] if row["code"]},
            regions=True,
            labels={1: _("Fewest applications"), 4: _("Most applications")},
        ),
        "bands_chart": charts.bar_chart(
            "bands-chart",
            _("Applications by amount requested"),
            _(
                "Number of applications in each band of amounts. The table beside the chart gives the numbers."
            ),
            [(row["label"], row["count"], str(row["count"])) for row in summary["bands"]],
        ),
    }


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
    context = _context(figures(call), _language(request))
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
    messages.success(
        request, _("Version %(version)s of the summary is published.") % {"version": published.version}
    )
    return redirect("reports:summary_preview", call_id=call.pk)


@require_GET
def summary(request, call_id: int):
    """The latest published version, for everyone."""
    published = _latest(call_id)
    context = _context(published.data, _language(request))
    context.update({"call": published.call, "published": published})
    return render(request, "reports/summary.html", context)


@require_GET
def summary_pdf(request, call_id: int):
    published = _latest(call_id)
    language = _language(request)
    context = {**_context(published.data, language), "call": published.call, "published": published}
    response = HttpResponse(
        render_pdf("reports/pdf/summary.html", context, language), content_type="application/pdf"
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
    totals.append([_("Applications received"), summary["received"]])
    totals.append([_("Withdrawn"), summary["withdrawn"]])
    totals.append([_("Joint applications (with partners)"), summary["joint"]])
    totals.append([_("Single applicants"), summary["single"]])
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
    bands = workbook.create_sheet(_("Amounts")[:31])
    bands.append([_("Amount requested"), _("Applications"), _("Requested in all (€)")])
    for row in summary["bands"]:
        bands.append([row["label"], row["count"], float(row["amount"])])
    applicants = workbook.create_sheet(_("Applicants")[:31])
    applicants.append([_("Municipality"), _("Partners"), _("Project"), _("Summary"), _("Requested (€)")])
    for row in summary["applicants"]:
        applicants.append(
            [row["municipality"], ", ".join(row["partners"]), row["title"], row["summary"],
             float(row["requested"]) if row["requested"] is not None else None]
        )  # fmt: skip
    output = io.BytesIO()
    workbook.save(output)
    response = HttpResponse(
        output.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="summary-{call_id}-v{published.version}.xlsx"'
    return response
