"""The programme dashboard for officials and administrators: one programme, all its calls or one of them."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from kannustin.core.formats import format_date, format_euros
from kannustin.core.permissions import can
from kannustin.programmes.models import Call, Programme
from kannustin.registry import maps
from kannustin.reviews.models import Review

from . import charts
from .dashboard import REVIEW_STATES, figures


def _number(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _money_of(item, key):
    return item.budget if key == "budgets" else getattr(item, key)


@login_required
@require_GET
def dashboard(request):
    """The chosen programme (default: the latest) and call (default: all of its calls)."""
    if not can(request.user, "reports.view_dashboard"):
        raise PermissionDenied
    programmes = list(Programme.objects.order_by("-year", "slug"))
    chosen = _number(request.GET.get("programme"))
    programme = next((p for p in programmes if p.pk == chosen), programmes[0] if programmes else None)
    context = {"programmes": programmes, "programme": programme}
    if programme is None:
        return render(request, "reports/dashboard.html", context)
    all_calls = list(
        Call.objects.filter(programme=programme).select_related("track").order_by("opens_at", "track__number")
    )
    call_id = _number(request.GET.get("call"))
    call = next((c for c in all_calls if c.pk == call_id), None)
    board = figures(programme, [call] if call else all_calls)
    total = board.total
    funnel_labels = [
        ("started", _("Started")), ("submitted", _("Submitted")), ("reviewed", _("Reviewed")),
        ("decided", _("Decided")), ("funded", _("Funded")),
    ]  # fmt: skip
    funnel_rows = [(label, total.funnel[key], str(total.funnel[key])) for key, label in funnel_labels]
    money_rows = [
        ("appropriation", _("Appropriation of the programme"), programme.appropriation),
        ("budgets", _("Budgets of the tracks"), board.budgets),
        ("requested", _("Requested in submitted applications"), total.requested),
        ("proposed", _("Proposed (the chosen allocation scenario)"), total.proposed),
        ("granted", _("Granted (sent decisions)"), total.granted),
        ("paid", _("Paid"), total.paid),
    ]
    language = request.LANGUAGE_CODE
    # The tables: a column per call when several are shown, and the total.
    columns = board.per_call if len(board.per_call) > 1 else []
    funnel_table = [
        (label, [item.funnel[key] for item in columns], total.funnel[key]) for key, label in funnel_labels
    ]
    money_table = [
        (label, [None if key == "appropriation" else _money_of(item, key) for item in columns], amount)
        for key, label, amount in money_rows
    ]
    most = max((row["applied"] for row in board.regions), default=0)
    classes = {
        row["code"]: (0 if not row["applied"] else 1 + min(3, (row["applied"] * 4 - 1) // max(most, 1)))
        for row in board.regions if row["code"]
    }  # fmt: skip
    context.update(
        {
            "calls": all_calls,
            "call": call,
            "board": board,
            "funnel_labels": funnel_labels,
            "columns": columns,
            "funnel_table": funnel_table,
            "money_table": money_table,
            "review_states": [Review.State(state).label for state in REVIEW_STATES],
            "days_chart": charts.line_chart(
                "days-chart",
                _("Submitted applications over the application window"),
                _(
                    "Cumulative number of submitted applications per day; %(count)s in all. The table below gives "
                    "the numbers."
                )
                % {"count": board.days[-1][2] if board.days else 0},
                [(format_date(day), cumulative) for day, _count, cumulative in board.days],
            ),  # fmt: skip
            "funnel_chart": charts.bar_chart(
                "funnel-chart",
                _("Applications from start to funding"),
                _("Number of applications at each stage. The table beside the chart gives the numbers."),
                funnel_rows,
            ),
            "money_chart": charts.bar_chart(
                "money-chart",
                _("Money of the programme"),
                _("Amounts in euros. The table beside the chart gives the amounts."),
                [
                    (label, float(amount or 0), format_euros(amount or 0, language))
                    for _k, label, amount in money_rows
                ],
            ),
            "map": maps.choropleth(
                classes,
                {row["code"]: row["region"].tr("name") for row in board.regions if row["region"]},
                regions=True,
                labels={1: _("Fewest applying municipalities"), 4: _("Most applying municipalities")},
            ),
        }
    )
    return render(request, "reports/dashboard.html", context)
