"""The allocation pages of a call: the ranking, drawing a scenario, one scenario with its figures, changing an
amount, choosing the decision proposal, and scenarios side by side.

Officials act (`decisions.allocate`); administrators, presenters and decision-makers read
(`decisions.follow`). Other ministry people are refused (403); municipal users learn nothing (404). The views
are thin: form → service → message → redirect; the rules and the audit trail are in `services`.
"""

from collections import defaultdict
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, DecimalField, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from kannustin.core.permissions import can
from kannustin.maturity.services import SIZE_CLASS_LABELS
from kannustin.programmes.models import Call
from kannustin.registry.models import SIZE_CLASSES
from kannustin.reviews.models import Review

from . import services
from .forms_allocation import ChooseForm, CompareForm, DrawForm, OverrideForm, money_text
from .models import Scenario, ScenarioLine

ZERO = Decimal("0.00")
REFUSALS = {
    "decisions_drafted": gettext_lazy(
        "Decisions have already been drafted from this call's chosen scenario, so the allocation can no longer "
        "be changed here. Correct the drafted decisions instead."
    ),
    "over_budget": gettext_lazy(
        "The scenario uses more money than its budget. Lower some amounts before choosing it."
    ),
}
SIZE_ORDER = {key: index for index, (_limit, key) in enumerate(SIZE_CLASSES)}


def _require(user, action: str) -> None:
    """Ministry people without the right are refused; everyone else learns nothing."""
    if not can(user, action):
        if user.is_ministry:
            raise PermissionDenied
        raise Http404


def _call(call_id: int) -> Call:
    return get_object_or_404(Call.objects.select_related("programme", "track"), pk=call_id)


def _scenario(pk: int) -> Scenario:
    return get_object_or_404(
        Scenario.objects.select_related("call", "call__programme", "call__track", "created_by", "chosen_by"),
        pk=pk,
    )


def _withheld(user, call) -> set[int]:
    """The applications of the call the person declared themselves disqualified from: their rows are not
    shown to them (the figures still count them) and their amounts are not theirs to change."""
    return set(
        Review.objects.filter(
            reviewer_id=user.pk, application__call=call, state=Review.State.DISQUALIFIED
        ).values_list("application_id", flat=True)
    )


def _refusal(code: str) -> str:
    return str(REFUSALS.get(code, _("The change is not possible now.")))


def _size_label(key: str) -> str:
    return str(SIZE_CLASS_LABELS.get(key, key)) if key and key != "–" else _("Size not known")


def _lines(scenarios):
    return (
        ScenarioLine.objects.filter(scenario__in=scenarios)
        .select_related("application", "application__organisation", "application__organisation__region",
                        "overridden_by")
        .order_by("rank", "application_id")
    )  # fmt: skip


def _figures(scenario: Scenario, lines) -> dict:
    figures = services.figures(scenario, lines)
    figures["over"] = max(figures["used"] - scenario.budget, ZERO)
    figures["sizes"] = {
        _size_label(key): value
        for key, value in sorted(figures["sizes"].items(), key=lambda item: SIZE_ORDER.get(item[0], 99))
    }
    return figures


# The ranking --------------------------------------------------------------------------------------------


def _draw_form(call, data=None) -> DrawForm:
    return DrawForm(data, initial={"budget": money_text(services.default_budget(call))})


@login_required
def ranking(request, call_id):
    _require(request.user, "decisions.follow")
    call = _call(call_id)
    rows = services.ranking(call)
    scored = [row for row in rows if row.score is not None]
    withheld = _withheld(request.user, call)
    for row in rows:
        row.size_label = _size_label(row.application.organisation.size_class)
    scenarios = list(
        call.scenarios.select_related("chosen_by").annotate(
            funded=Count("lines", filter=Q(lines__amount__gt=0)),
            used=Coalesce(
                Sum("lines__amount"), Value(ZERO), output_field=DecimalField(max_digits=14, decimal_places=2)
            ),
        )
    )
    may_allocate = can(request.user, "decisions.allocate")
    return render(
        request,
        "decisions/allocation/ranking.html",
        {
            "call": call,
            "rows": [row for row in rows if row.application.pk not in withheld],
            "withheld": len(withheld),
            "budget": services.default_budget(call),
            "totals": {
                "count": len(rows),
                "scored": len(scored),
                "flagged": sum(1 for row in rows if row.flagged),
                "requested": sum((row.requested for row in rows), ZERO),
                "eligible_costs": sum((row.eligible_costs for row in rows), ZERO),
                "maximum": sum((row.maximum for row in scored), ZERO),
            },
            "scenarios": scenarios,
            "may_allocate": may_allocate,
            "may_read_reviews": can(request.user, "reviews.follow"),
            "form": _draw_form(call) if may_allocate else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def draw(request, call_id):
    _require(request.user, "decisions.allocate")
    call = _call(call_id)
    form = _draw_form(call, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            scenario = services.draw(
                call, by=request.user, method=data["method"], name=data["name"].strip(), budget=data["budget"],
                allow_partial=data["allow_partial"], min_share=data["min_share"],
            )  # fmt: skip
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The scenario “%(name)s” was drawn.") % {"name": scenario.name})
            return redirect("decisions:scenario", pk=scenario.pk)
    return render(request, "decisions/allocation/draw.html", {"call": call, "form": form})


def _add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            for error in errors:
                form.add_error(field if field in form.fields else None, error)
    else:
        for error in exc.messages:
            form.add_error(None, error)


# One scenario -------------------------------------------------------------------------------------------


@login_required
def scenario(request, pk):
    _require(request.user, "decisions.follow")
    item = _scenario(pk)
    lines = list(_lines([item]))
    withheld = _withheld(request.user, item.call)
    may_allocate = can(request.user, "decisions.allocate")
    drafted = item.decisions.exists()
    return render(
        request,
        "decisions/allocation/scenario.html",
        {
            "scenario": item,
            "call": item.call,
            "lines": [line for line in lines if line.application_id not in withheld],
            "withheld": len(withheld),
            "figures": _figures(item, lines),
            "drafted": drafted,
            "min_percent": item.min_share * 100,
            "may_allocate": may_allocate,
            "may_change": may_allocate and not drafted,
            "form": ChooseForm() if may_allocate and item.chosen_at is None else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def override(request, pk, line_id):
    _require(request.user, "decisions.allocate")
    line = get_object_or_404(
        ScenarioLine.objects.select_related(
            "scenario", "scenario__call", "application", "application__organisation", "overridden_by"
        ),
        pk=line_id,
        scenario_id=pk,
    )
    if line.application_id in _withheld(request.user, line.scenario.call):
        raise Http404
    scenario_url = reverse("decisions:scenario", args=[line.scenario_id]) + f"#line-{line.pk}"
    if request.method == "POST":
        form = OverrideForm(request.POST)
        if form.is_valid():
            try:
                services.override(
                    line,
                    by=request.user,
                    amount=form.cleaned_data["amount"],
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as exc:
                _add_errors(form, exc)
            except services.Refused as exc:
                messages.error(request, _refusal(exc.code))
                return redirect(scenario_url)
            else:
                messages.success(
                    request,
                    _("The amount of %(case)s was changed.") % {"case": line.application.case_number or ""},
                )
                return redirect(scenario_url)
    else:
        form = OverrideForm(initial={"amount": money_text(line.amount)})
    return render(
        request,
        "decisions/allocation/override.html",
        {
            "line": line,
            "scenario": line.scenario,
            "call": line.scenario.call,
            "form": form,
            "scenario_url": scenario_url,
            "drafted": line.scenario.decisions.exists(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def choose(request, pk):
    _require(request.user, "decisions.allocate")
    item = _scenario(pk)
    scenario_url = reverse("decisions:scenario", args=[item.pk])
    if item.chosen_at is not None:
        messages.info(request, _("This scenario is already the decision proposal of the call."))
        return redirect(scenario_url)
    form = ChooseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.choose(item, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            _add_errors(form, exc)
        except services.Refused as exc:
            form.add_error(None, _refusal(exc.code))
        else:
            messages.success(
                request,
                _("“%(name)s” is now the decision proposal of the call.") % {"name": item.name},
            )
            return redirect(scenario_url)
    lines = list(_lines([item]))
    return render(
        request,
        "decisions/allocation/choose.html",
        {
            "scenario": item,
            "call": item.call,
            "figures": _figures(item, lines),
            "form": form,
            "scenario_url": scenario_url,
            "current": Scenario.objects.filter(call=item.call, chosen_at__isnull=False)
            .exclude(pk=item.pk)
            .first(),
        },
    )


# Side by side -------------------------------------------------------------------------------------------


def _side_by_side(figures: list) -> list[dict]:
    """The comparison by region and by size class: for each, the count and euros in each scenario."""
    tables = []
    for key, caption, label in (
        ("regions", _("Funded by region"), _("Region")),
        ("sizes", _("Funded by size class"), _("Size class")),
    ):
        names = []
        for item in figures:
            names.extend(name for name in item[key] if name not in names)
        if key == "regions":
            names.sort()
        else:
            order = {_size_label(size): index for size, index in SIZE_ORDER.items()}
            names.sort(key=lambda name: order.get(name, len(order)))
        rows = [
            {"name": name, "cells": [item[key].get(name, [0, ZERO]) for item in figures]} for name in names
        ]
        tables.append({"caption": caption, "label": label, "rows": rows})
    return tables


@login_required
def compare(request, call_id):
    _require(request.user, "decisions.follow")
    call = _call(call_id)
    scenarios = list(call.scenarios.select_related("chosen_by"))
    form = CompareForm(request.GET if "s" in request.GET else None, scenarios=scenarios)
    context = {"call": call, "form": form, "scenarios": scenarios}
    if form.is_bound and form.is_valid():
        by_id = {item.pk: item for item in scenarios}
        chosen = [by_id[pk] for pk in form.cleaned_data["s"]]
        lines_of = defaultdict(list)
        for line in _lines(chosen):
            lines_of[line.scenario_id].append(line)
        figures = [_figures(item, lines_of[item.pk]) for item in chosen]
        applications = {}
        for index, item in enumerate(chosen):
            for line in lines_of[item.pk]:
                row = applications.setdefault(
                    line.application_id,
                    {"application": line.application, "rank": line.rank, "score": line.score,
                     "maximum": line.maximum, "amounts": [None] * len(chosen)},
                )  # fmt: skip
                row["rank"] = min(row["rank"], line.rank)
                row["amounts"][index] = line.amount
        withheld = _withheld(request.user, call)
        rows = sorted(
            (row for row in applications.values() if row["application"].pk not in withheld),
            key=lambda row: (row["rank"], row["application"].pk),
        )
        for row in rows:
            row["differs"] = len(set(row["amounts"])) > 1
        context.update(
            {
                "chosen": chosen,
                "columns": list(zip(chosen, figures, strict=True)),
                "tables": _side_by_side(figures),
                "rows": rows,
                "withheld": len(withheld),
            }
        )
    return render(request, "decisions/allocation/compare.html", context)
