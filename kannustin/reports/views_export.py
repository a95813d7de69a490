"""The officials' page that starts the Excel workbook of all applications of a call (`exports`), made in the
background into a ListExport row whose status page and download are the applications' (one machinery)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.views.decorators.http import require_http_methods

from kannustin.applications.models import Application, ListExport
from kannustin.core import audit
from kannustin.core.permissions import can
from kannustin.programmes.models import Call

from . import tasks


@login_required
@require_http_methods(["GET", "POST"])
def export_call(request, call_id):
    if not can(request.user, "reports.export_call"):
        raise PermissionDenied
    call = get_object_or_404(Call.objects.select_related("programme", "track"), pk=call_id)
    if request.method == "POST":
        export = ListExport.objects.create(
            requested_by=request.user,
            kind=ListExport.Kind.CALL,
            params={"call": call.pk, "language": translation.get_language() or "fi"},
        )
        audit.record(request.user, "call_export.requested", export, {"call": call.pk})
        transaction.on_commit(lambda: tasks.enqueue_call_export(export.pk))
        return redirect("applications:ministry_export_status", pk=export.pk)
    previous = ListExport.objects.filter(
        kind=ListExport.Kind.CALL, params__call=call.pk, requested_by=request.user
    ).first()
    return render(
        request,
        "reports/export_call.html",
        {
            "call": call,
            "count": Application.objects.submitted().filter(call=call).count(),
            "previous": previous,
        },
    )
