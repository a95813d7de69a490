"""Pages of the maturity self-assessment: overview, service process, one page per dimension, result.

Members of the organisation (applicant, signatory) fill it in; officials, reviewers and administrators read
it; everyone else gets 404. Every save carries the version the user read, so two people answering at once
cannot overwrite each other unnoticed.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kannustin.programmes.models import Call

from . import services
from .charts import profile_chart
from .forms import DimensionForm, ServiceProcessForm
from .models import SelfAssessment
from .services import Frozen, StaleVersion, Structure


@dataclass
class Page:
    organisation: object
    call: Call
    access: str  # "edit" or "view"
    structure: Structure
    assessment: SelfAssessment | None

    @property
    def code(self) -> str:
        return self.organisation.code or self.organisation.business_id

    @property
    def editable(self) -> bool:
        return self.access == "edit" and not (self.assessment and self.assessment.is_frozen)

    def url(self, name: str, *args) -> str:
        return reverse(f"maturity:{name}", args=[self.code, self.call.pk, *args])

    def step_urls(self) -> list[str]:
        return [self.url("service_process")] + [self.url("dimension", key) for key in self.structure.keys]

    def next_step_url(self) -> str:
        """Where 'continue' leads: the first unanswered step, else the result."""
        assessment = self.assessment
        if assessment is None or not assessment.service_process.strip():
            return self.url("service_process")
        missing = services.missing_dimensions(assessment, self.structure)
        return self.url("dimension", missing[0]) if missing else self.url("result")

    def context(self, **extra) -> dict:
        return {
            "organisation": self.organisation,
            "call": self.call,
            "model": self.call.maturity_model,
            "access": self.access,
            "editable": self.editable,
            "assessment": self.assessment,
            "status": services.status(self.assessment, self.structure),
            "structure": self.structure,
            "overview_url": self.url("overview"),
            "result_url": self.url("result"),
            **extra,
        }


def _page(request, org_code, call_id, *, descriptors=False) -> Page:
    organisation = services.find_organisation(org_code)
    if organisation is None:
        raise Http404
    level = services.access(request.user, organisation)
    if level is None:
        raise Http404
    calls = Call.objects.select_related("programme", "maturity_model").filter(maturity_model__isnull=False)
    if level == "edit":
        calls = calls.published()
    call = calls.filter(pk=call_id).first()
    if call is None:
        raise Http404
    assessment = services.get_assessment(organisation, call)
    if assessment is not None:
        assessment.organisation, assessment.call = organisation, call
    return Page(
        organisation=organisation,
        call=call,
        access=level,
        structure=services.structure_for(call, descriptors=descriptors),
        assessment=assessment,
    )


def _refuse_if_read_only(request, page: Page):
    """None if the user may save; otherwise the response that refuses it."""
    if page.access != "edit":
        raise PermissionDenied
    if page.assessment is not None and page.assessment.is_frozen:
        messages.error(request, frozen_message())
        return redirect(page.url("overview"))
    return None


def frozen_message() -> str:
    return _(
        "This self-assessment was submitted with the application and can no longer be changed. "
        "You can still read it."
    )


@login_required
def overview(request, org_code, call_id):
    page = _page(request, org_code, call_id)
    rows = services.profile(page.assessment, page.structure)
    return render(
        request,
        "maturity/overview.html",
        page.context(
            rows=rows,
            answered=len(page.structure.keys)
            - len(services.missing_dimensions(page.assessment, page.structure))
            if page.assessment
            else 0,
            continue_url=page.next_step_url(),
        ),
    )


@login_required
def service_process(request, org_code, call_id):
    page = _page(request, org_code, call_id)
    if not page.editable and request.method != "POST":
        return redirect(page.url("result"))
    saved_version = page.assessment.version if page.assessment else 0
    saved_text = page.assessment.service_process if page.assessment else ""
    conflict, status = None, 200
    if request.method == "POST":
        refusal = _refuse_if_read_only(request, page)
        if refusal:
            return refusal
        form = ServiceProcessForm(request.POST)
        if form.is_valid():
            try:
                services.save_ratings(
                    page.organisation,
                    page.call,
                    {},
                    by=request.user,
                    version=form.cleaned_data["version"],
                    service_process=form.cleaned_data["service_process"],
                )
            except Frozen:
                messages.error(request, frozen_message())
                return redirect(page.url("overview"))
            except StaleVersion as exc:
                latest = exc.assessment
                conflict = {"kind": "text", "yours": form.cleaned_data["service_process"]}
                form = ServiceProcessForm(
                    initial={
                        "version": latest.version if latest else 0,
                        "service_process": latest.service_process if latest else "",
                    }
                )
                status = 409
            except ValidationError as exc:
                for message in exc.message_dict.get("service_process", exc.messages):
                    form.add_error("service_process", message)
            else:
                keys = page.structure.keys
                return redirect(page.url("dimension", keys[0]) if keys else page.url("result"))
    else:
        form = ServiceProcessForm(initial={"version": saved_version, "service_process": saved_text})
    return render(
        request,
        "maturity/service_process.html",
        page.context(
            form=form,
            conflict=conflict,
            step=1,
            steps=len(page.structure.keys) + 1,
        ),
        status=status,
    )


def _options(page: Page, dimension) -> list[dict]:
    descriptors = {descriptor.level: descriptor for descriptor in dimension.descriptors.all()}
    return [
        {
            "value": str(level.value),
            "name": level.tr("name"),
            "descriptor": descriptors[level.value].tr("text") if level.value in descriptors else "",
        }
        for level in page.structure.levels
    ]


@login_required
def dimension(request, org_code, call_id, key):
    page = _page(request, org_code, call_id, descriptors=True)
    dimension = page.structure.dimension(key)
    if dimension is None:
        raise Http404
    if not page.editable and request.method != "POST":
        return redirect(page.url("result"))
    keys = page.structure.keys
    index = keys.index(key)
    saved = page.assessment.rating(key) if page.assessment else {}
    saved_version = page.assessment.version if page.assessment else 0
    levels = page.structure.levels
    conflict, status = None, 200
    if request.method == "POST":
        refusal = _refuse_if_read_only(request, page)
        if refusal:
            return refusal
        form = DimensionForm(request.POST, levels=levels)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.save_ratings(
                    page.organisation,
                    page.call,
                    {key: {"current": data["current"], "target": data["target"]}},
                    by=request.user,
                    version=data["version"],
                )
            except Frozen:
                messages.error(request, frozen_message())
                return redirect(page.url("overview"))
            except StaleVersion as exc:
                latest = exc.assessment
                stored = latest.rating(key) if latest else {}
                conflict = {
                    "kind": "levels",
                    "yours_current": page.structure.level(data["current"]),
                    "yours_target": page.structure.level(data["target"]),
                }
                form = DimensionForm(
                    initial={
                        "version": latest.version if latest else 0,
                        "current": stored.get("current"),
                        "target": stored.get("target"),
                    },
                    levels=levels,
                )
                status = 409
            except ValidationError as exc:
                for messages_ in exc.message_dict.values():
                    for message in messages_:
                        form.add_error(None, message)
            else:
                if index + 1 < len(keys):
                    return redirect(page.url("dimension", keys[index + 1]))
                return redirect(page.url("result"))
    else:
        form = DimensionForm(
            initial={
                "version": saved_version,
                "current": saved.get("current"),
                "target": saved.get("target"),
            },
            levels=levels,
        )
    steps = page.step_urls()
    return render(
        request,
        "maturity/dimension.html",
        page.context(
            form=form,
            dimension=dimension,
            options=_options(page, dimension),
            conflict=conflict,
            step=index + 2,
            steps=len(steps),
            back_url=steps[index],
        ),
        status=status,
    )


@login_required
def result(request, org_code, call_id):
    page = _page(request, org_code, call_id)
    if page.assessment is None:
        return redirect(page.url("overview"))
    rows = services.profile(page.assessment, page.structure)
    for row, url in zip(rows, page.step_urls()[1:], strict=True):
        row["change_url"] = url
    return render(
        request,
        "maturity/result.html",
        page.context(
            rows=rows,
            chart=profile_chart(rows, page.structure.levels),
            lower_targets=[row for row in rows if row["lower_target"]],
            missing=services.missing_dimensions(page.assessment, page.structure),
            comparison=services.comparison(page.assessment, page.structure),
            min_group_size=services.MIN_GROUP_SIZE,
            continue_url=page.next_step_url(),
            service_process_url=page.url("service_process"),
        ),
    )
