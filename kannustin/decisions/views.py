"""The ministry's overview of evaluation and decisions, the decisions of a call from drafting to sending, one
decision (for the ministry and, once sent, for the applicant's people), requests for rectification, and the
public list of funded projects.

Views are thin: a form, a service of `services`, a message, a redirect. Who may do what is `can()`: pages
about one decision answer 404 to people who may not see it, list pages of the ministry 403 to signed-in
people without a ministry role. Allocation (ranking, scenarios) is in `views_allocation`.
"""

from collections import Counter, defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from kannustin.accounts.roles import Role
from kannustin.applications.models import DECIDED, Application, Participant, Status
from kannustin.applications.presentation import public_view
from kannustin.core.formats import format_date
from kannustin.core.permissions import can
from kannustin.programmes.models import Call, Question
from kannustin.registry.models import Region
from kannustin.reviews.models import Review
from kannustin.reviews.services import UNDER_EVALUATION

from . import documents, services, tasks
from .forms import (
    DecisionEditForm,
    DecisionFilterForm,
    FundedFilterForm,
    HandleRectificationForm,
    RectificationFilterForm,
    RectificationRequestForm,
    SendForm,
)
from .models import Decision, RectificationRequest, Scenario

PAGE_SIZE = 100

# Access -------------------------------------------------------------------------------------------------


def _require(user, action: str) -> None:
    if not can(user, action):
        raise PermissionDenied


def _not_disqualified(queryset, user, path="application"):
    """Leave out what concerns applications the person declared or was found disqualified on."""
    disqualified = Review.objects.filter(reviewer_id=user.pk, state=Review.State.DISQUALIFIED).values(
        "application_id"
    )
    return queryset.exclude(**{f"{path}__in": disqualified})


DECISION_RELATED = (
    "application", "application__call", "application__call__programme", "application__call__track",
    "application__organisation", "template", "presenter", "decision_maker", "rectification",
    "rectification__decision", "scenario",
)  # fmt: skip


def _decision(request, pk) -> Decision:
    """One decision for whoever may see it (the ministry; the applicant's people once it is sent); 404 for
    everyone else."""
    decision = get_object_or_404(Decision.objects.select_related(*DECISION_RELATED), pk=pk)
    if not can(request.user, "decisions.view_decision", decision):
        raise Http404
    return decision


def _decision_url(decision) -> str:
    return reverse("decisions:decision", args=[decision.pk])


def _refused(request, code: str) -> None:
    messages.error(request, _refusal_messages().get(code, _("That cannot be done now.")))


def _add_errors(form, error: ValidationError) -> None:
    for field, errors in error.message_dict.items():
        for message in errors:
            form.add_error(field if field in form.fields else None, message)


def _refusal_messages() -> dict:
    return {
        "no_chosen_scenario": _(
            "No allocation scenario has been chosen as the decision proposal of this call yet. Choose one on "
            "the ranking page first."
        ),
        "not_draft": _("The decision is no longer a draft: it has been presented. Return it to be changed."),
        "already_handled": _("The request for rectification has already been handled."),
    }


# The ministry's overview --------------------------------------------------------------------------------


@login_required
def index(request):
    """Per call with submitted applications: evaluation, reviews, scenarios, decisions and requests for
    rectification (officials and administrators); the decision steps only (presenters, decision-makers).
    Six queries at any size."""
    user = request.user
    _require(user, "decisions.follow")
    full = can(user, "reviews.follow")
    per_call = {
        row["call"]: row
        for row in Application.objects.submitted()
        .order_by()
        .values("call")
        .annotate(
            submitted=Count("pk"),
            evaluation=Count("pk", filter=Q(status__in=UNDER_EVALUATION)),
            decided=Count("pk", filter=Q(status__in=DECIDED)),
        )
    }
    call_ids = list(per_call)
    calls = list(
        Call.objects.filter(pk__in=call_ids).select_related("programme", "track").order_by("-opens_at", "pk")
    )
    decisions = defaultdict(Counter)
    for row in (
        Decision.objects.filter(application__call__in=call_ids)
        .order_by()
        .values("application__call", "state")
        .annotate(n=Count("pk"))
    ):
        decisions[row["application__call"]][row["state"]] = row["n"]
    reviews, scenarios, chosen, rectifications = {}, Counter(), {}, Counter()
    if full:
        reviews = {
            row["application__call"]: row
            for row in Review.objects.filter(application__call__in=call_ids)
            .order_by()
            .values("application__call")
            .annotate(
                assigned=Count("pk", filter=~Q(state=Review.State.DISQUALIFIED)),
                done=Count("pk", filter=Q(state=Review.State.SUBMITTED)),
                disqualified=Count("pk", filter=Q(state=Review.State.DISQUALIFIED)),
            )
        }
        for call_id, name, chosen_at in Scenario.objects.filter(call__in=call_ids).values_list(
            "call_id", "name", "chosen_at"
        ):
            scenarios[call_id] += 1
            if chosen_at:
                chosen[call_id] = name
        for row in (
            RectificationRequest.objects.filter(
                state=RectificationRequest.State.FILED, decision__application__call__in=call_ids
            )
            .order_by()
            .values("decision__application__call")
            .annotate(n=Count("pk"))
        ):
            rectifications[row["decision__application__call"]] = row["n"]
    rows = []
    for call in calls:
        counts = decisions[call.pk]
        review = reviews.get(call.pk, {})
        rows.append(
            {
                "call": call,
                "submitted": per_call[call.pk]["submitted"],
                "evaluation": per_call[call.pk]["evaluation"],
                "decided": per_call[call.pk]["decided"],
                "reviews_assigned": review.get("assigned", 0),
                "reviews_done": review.get("done", 0),
                "disqualified": review.get("disqualified", 0),
                "scenarios": scenarios[call.pk],
                "chosen": chosen.get(call.pk),
                "decisions": [(value, label, counts[value]) for value, label in Decision.State.choices],
                "decision_count": sum(counts.values()),
                "rectifications": rectifications[call.pk],
            }
        )
    return render(request, "decisions/index.html", {"rows": rows, "full": full})


# The decisions of a call --------------------------------------------------------------------------------


def _call(call_id) -> Call:
    return get_object_or_404(Call.objects.select_related("programme", "track"), pk=call_id)


def _call_decisions(call, user):
    return _not_disqualified(Decision.objects.filter(application__call=call), user)


@login_required
def call_decisions(request, call_id):
    user = request.user
    _require(user, "decisions.follow")
    call = _call(call_id)
    form = DecisionFilterForm(request.GET or None)
    state = form.filters().get("state")
    all_decisions = _call_decisions(call, user)
    counts = all_decisions.aggregate(
        total=Count("pk"),
        **{value: Count("pk", filter=Q(state=value)) for value in Decision.State.values},
        mine=Count("pk", filter=Q(state=Decision.State.PRESENTED, presenter=user)),
    )
    decisions = (
        all_decisions.select_related(
            "application", "application__organisation", "presenter", "decision_maker"
        )
        .only(
            "pk",
            "outcome",
            "state",
            "language",
            "number",
            "amount",
            "rectification_id",
            "application__id",
            "application__case_number",
            "application__organisation__id",
            "application__organisation__name_fi",
            "application__organisation__name_sv",
            "application__organisation__name_en",
            "presenter__id",
            "presenter__name",
            "presenter__email",
            "decision_maker__id",
            "decision_maker__name",
            "decision_maker__email",
        )
        .annotate(
            project_title=Coalesce(
                KeyTextTransform("project_name", "application__answers"),
                KeyTextTransform("title", "application__answers"),
            )
        )
        .order_by("application__case_number", "pk")
    )
    if state:
        decisions = decisions.filter(state=state)
    page = Paginator(decisions, PAGE_SIZE).get_page(request.GET.get("page"))
    chosen = Scenario.objects.filter(call=call, chosen_at__isnull=False).only("pk", "name", "call_id").first()
    is_presenter, is_decision_maker = user.has_role(Role.PRESENTER), user.has_role(Role.DECISION_MAKER)
    return render(
        request,
        "decisions/call_decisions.html",
        {
            "call": call,
            "form": form,
            "filtered": bool(state),
            "page_obj": page,
            "decisions": page.object_list,
            "counts": counts,
            "states": [(value, label, counts[value]) for value, label in Decision.State.choices],
            "chosen": chosen,
            "may_prepare": can(user, "decisions.allocate"),
            "may_send": can(user, "decisions.send"),
            "may_present": is_presenter and counts[Decision.State.DRAFT] > 0,
            "may_sign": is_decision_maker and counts[Decision.State.PRESENTED] > counts["mine"],
            "is_presenter": is_presenter,
            "is_decision_maker": is_decision_maker,
            "signable": counts[Decision.State.PRESENTED] - counts["mine"],
        },
    )


def _back_to_call(call) -> HttpResponse:
    return redirect("decisions:call_decisions", call_id=call.pk)


@login_required
@require_POST
def prepare(request, call_id):
    _require(request.user, "decisions.allocate")
    call = _call(call_id)
    try:
        made = services.prepare(call, by=request.user)
    except services.Refused as refused:
        _refused(request, refused.code)
        return _back_to_call(call)
    if made:
        messages.success(
            request,
            ngettext(
                "%(count)s decision was drafted from the chosen scenario.",
                "%(count)s decisions were drafted from the chosen scenario.",
                len(made),
            )
            % {"count": len(made)},
        )
    else:
        messages.info(request, _("Every application of the chosen scenario already has a decision."))
    return _back_to_call(call)


@login_required
@require_POST
def present_all(request, call_id):
    user = request.user
    if not (can(user, "decisions.follow") and user.has_role(Role.PRESENTER)):
        raise PermissionDenied
    call = _call(call_id)
    drafts = list(_call_decisions(call, user).filter(state=Decision.State.DRAFT).only("pk"))
    if not drafts:
        messages.info(request, _("There are no drafted decisions to present."))
        return _back_to_call(call)
    try:
        count = services.present(drafts, by=user)
    except PermissionDenied:
        messages.error(
            request, _("The decisions changed while you were presenting them. Look at them again.")
        )
        return _back_to_call(call)
    messages.success(
        request,
        ngettext(
            "%(count)s decision was presented to the decision-maker.",
            "%(count)s decisions were presented to the decision-maker.",
            count,
        )
        % {"count": count},
    )
    return _back_to_call(call)


@login_required
@require_POST
def sign_all(request, call_id):
    user = request.user
    if not (can(user, "decisions.follow") and user.has_role(Role.DECISION_MAKER)):
        raise PermissionDenied
    call = _call(call_id)
    presented = list(
        _call_decisions(call, user).filter(state=Decision.State.PRESENTED).only("pk", "presenter_id")
    )
    own = [d for d in presented if d.presenter_id == user.pk]
    others = [d for d in presented if d.presenter_id != user.pk]
    if own:
        messages.info(
            request,
            ngettext(
                "%(count)s decision was left unsigned because you presented it yourself: another "
                "decision-maker signs it, as the presenter and the decision-maker must be different people.",
                "%(count)s decisions were left unsigned because you presented them yourself: another "
                "decision-maker signs them, as the presenter and the decision-maker must be different people.",
                len(own),
            )
            % {"count": len(own)},
        )
    if not others:
        if not own:
            messages.info(request, _("There are no presented decisions to sign."))
        return _back_to_call(call)
    try:
        count = services.sign(others, by=user)
    except PermissionDenied:
        messages.error(request, _("The decisions changed while you were signing them. Look at them again."))
        return _back_to_call(call)
    messages.success(
        request,
        ngettext("%(count)s decision was signed.", "%(count)s decisions were signed.", count)
        % {"count": count},
    )
    return _back_to_call(call)


@login_required
@require_http_methods(["GET", "POST"])
def send(request, call_id):
    """Sending is one batch per call; the official confirms it on this page."""
    _require(request.user, "decisions.send")
    call = _call(call_id)
    signed = Decision.objects.filter(application__call=call, state=Decision.State.SIGNED)
    counts = signed.aggregate(
        total=Count("pk"),
        granted=Count("pk", filter=Q(outcome=Decision.Outcome.GRANTED)),
        rectifications=Count("pk", filter=Q(rectification__isnull=False)),
    )
    form = SendForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        count = services.send(call, by=request.user)
        if count:
            messages.success(
                request,
                ngettext(
                    "%(count)s decision was sent. The applicants get an email with a link to it.",
                    "%(count)s decisions were sent. The applicants get an email with a link to them.",
                    count,
                )
                % {"count": count},
            )
        else:
            messages.info(request, _("There were no signed decisions to send."))
        return _back_to_call(call)
    return render(request, "decisions/send.html", {"call": call, "form": form, "counts": counts})


# One decision -------------------------------------------------------------------------------------------


def refusal_text(code: str | None, deadline) -> str:
    """Why a request for rectification cannot be filed, for the applicant."""
    if code is None:
        return ""
    texts = {
        "deadline_passed": _("The 30 days for a request for rectification ended on %(date)s.")
        % {"date": format_date(deadline)},
        "already_filed": _(
            "A request for rectification of this decision has already been filed. The ministry handles it "
            "and gives a new decision."
        ),
        "rectification_decision": _(
            "This decision was made on a request for rectification: it can be appealed to the administrative "
            "court, as its instructions say."
        ),
        "already_decided": _(
            "A request for rectification of this decision has already been decided: the new decision replaces "
            "this one and can be appealed to the administrative court, as its instructions say."
        ),
        "not_sent": _("The decision has not been sent yet."),
    }
    return texts.get(code, _("A request for rectification cannot be filed now."))


def _cost_rows(decision) -> list[tuple]:
    names = {c.key: c.tr("name") for c in decision.application.call.cost_categories.all()}
    return [(names.get(key, key), amount) for key, amount in (decision.costs_by_category or {}).items()]


@login_required
def decision(request, pk):
    decision = _decision(request, pk)
    user = request.user
    application = decision.application
    requests = list(
        decision.rectification_requests.select_related("new_decision").order_by("-filed_at", "-pk")
    )
    context = {"decision": decision, "application": application, "requests": requests}
    if can(user, "decisions.follow"):
        context.update(
            {
                "ministry": True,
                "body": documents.body_html(decision),
                "costs": _cost_rows(decision),
                "may_present": can(user, "decisions.present_decision", decision),
                "may_sign": can(user, "decisions.sign_decision", decision),
                "may_return": can(user, "decisions.return_decision", decision),
                "may_edit": decision.state == Decision.State.DRAFT and can(user, "decisions.allocate"),
                "may_open_requests": can(user, "applications.list_ministry"),
                "presented_by_you": decision.state == Decision.State.PRESENTED
                and decision.presenter_id == user.pk
                and user.has_role(Role.DECISION_MAKER),
                "others": list(
                    application.decisions.exclude(pk=decision.pk).only("pk", "number", "state", "outcome")
                ),
            }
        )
        return render(request, "decisions/decision.html", context)
    deadline = services.rectification_deadline(decision)
    refusal = services.rectification_refusal(decision)
    current = services.current_decision(application)
    context.update(
        {
            "ministry": False,
            "body": documents.body_html(decision),
            "costs": _cost_rows(decision),
            "deadline": deadline,
            "may_request": refusal is None
            and can(user, "decisions.request_rectification_decision", decision),
            "refusal": refusal_text(refusal, deadline),
            "current": current if current is not None and current.pk != decision.pk else None,
        }
    )
    return render(request, "decisions/decision.html", context)


@login_required
def pdf(request, pk):
    decision = _decision(request, pk)
    content = tasks.stored_pdf(decision)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{documents.filename(decision)}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    decision = _decision(request, pk)
    if not can(request.user, "decisions.allocate"):
        raise PermissionDenied
    if decision.state != Decision.State.DRAFT:
        _refused(request, "not_draft")
        return redirect(_decision_url(decision))
    initial = {
        "outcome": decision.outcome,
        "amount": decision.amount,
        "reasons": decision.reasons,
        "conditions": decision.conditions,
    }
    form = DecisionEditForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_draft(
                decision, by=request.user, outcome=data["outcome"], amount=data["amount"],
                reasons=data["reasons"], conditions=data["conditions"],
            )  # fmt: skip
        except ValidationError as error:
            _add_errors(form, error)
        except services.Refused as refused:
            _refused(request, refused.code)
            return redirect(_decision_url(decision))
        else:
            messages.success(request, _("The draft decision was saved."))
            return redirect(_decision_url(decision))
    return render(request, "decisions/edit.html", {"decision": decision, "form": form})


def _step(request, decision, *, roles: tuple, rule: str, perform, done: str, refused: str):
    """Present, sign or return one decision: those who may see it but lack the role are refused (403); a
    decision in another state, or one the person may not take this step on, gets a message."""
    user = request.user
    if not any(user.has_role(role) for role in roles):
        raise PermissionDenied
    if can(user, rule, decision):
        try:
            perform(decision, user)
        except PermissionDenied:
            messages.error(request, refused)
        else:
            messages.success(request, done)
    else:
        messages.error(request, refused)
    return redirect(_decision_url(decision))


@login_required
@require_POST
def present(request, pk):
    return _step(
        request, _decision(request, pk), roles=(Role.PRESENTER,), rule="decisions.present_decision",
        perform=lambda d, user: services.present([d], by=user),
        done=_("The decision was presented to the decision-maker."),
        refused=_("This decision cannot be presented: only a drafted decision is presented."),
    )  # fmt: skip


@login_required
@require_POST
def sign(request, pk):
    decision = _decision(request, pk)
    if decision.presenter_id == request.user.pk and request.user.has_role(Role.DECISION_MAKER):
        messages.error(
            request,
            _("You presented this decision yourself: another decision-maker signs it."),
        )
        return redirect(_decision_url(decision))
    return _step(
        request, decision, roles=(Role.DECISION_MAKER,), rule="decisions.sign_decision",
        perform=lambda d, user: services.sign([d], by=user),
        done=_("The decision was signed. It is sent with the call's other signed decisions."),
        refused=_("This decision cannot be signed: only a presented decision is signed."),
    )  # fmt: skip


@login_required
@require_POST
def return_to_draft(request, pk):
    return _step(
        request, _decision(request, pk), roles=(Role.PRESENTER, Role.DECISION_MAKER),
        rule="decisions.return_decision",
        perform=lambda d, user: services.return_to_draft(d, by=user),
        done=_("The decision was returned to the officials as a draft."),
        refused=_("This decision cannot be returned: only a presented decision that is not signed is."),
    )  # fmt: skip


# Requests for rectification -----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def request_rectification(request, pk):
    decision = _decision(request, pk)
    user = request.user
    if not can(user, "decisions.request_rectification_decision", decision):
        raise PermissionDenied
    deadline = services.rectification_deadline(decision)
    refusal = services.rectification_refusal(decision)
    form = RectificationRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and refusal is not None:
        # What was typed stays on the page: nothing is lost, even when the answer is no.
        form.is_valid()
        form.add_error(None, refusal_text(refusal, deadline))
    elif request.method == "POST" and form.is_valid():
        try:
            services.request_rectification(decision, by=user, text=form.cleaned_data["text"])
        except services.Refused as refused:  # the deadline passed, or a request came in, meanwhile
            refusal = refused.code
            form.add_error(None, refusal_text(refusal, deadline))
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Your request for rectification was filed. The ministry handles it and gives a new "
                    "decision; you will be told by email."
                ),
            )
            return redirect(_decision_url(decision))
    return render(
        request,
        "decisions/request_rectification.html",
        {
            "decision": decision,
            "application": decision.application,
            "form": form,
            "deadline": deadline,
            "refusal": refusal,
            "refusal_text": refusal_text(refusal, deadline),
        },
    )


@login_required
def rectifications(request):
    user = request.user
    _require(user, "applications.list_ministry")
    form = RectificationFilterForm(request.GET or None)
    items = _not_disqualified(
        RectificationRequest.objects.select_related(
            "decision", "decision__application", "decision__application__organisation", "new_decision"
        )
        .annotate(
            project_title=Coalesce(
                KeyTextTransform("project_name", "decision__application__answers"),
                KeyTextTransform("title", "decision__application__answers"),
            )
        )
        .defer("decision__application__answers", "decision__costs_by_category")
        .order_by("-filed_at", "-pk"),
        user,
        path="decision__application",
    )
    if state := form.filters().get("state"):
        items = items.filter(state=state)
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    for item in page.object_list:
        item.deadline = services.rectification_deadline(item.decision)
    return render(
        request,
        "decisions/rectifications.html",
        {"form": form, "page_obj": page, "items": page.object_list, "filtered": bool(state)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def rectification(request, pk):
    user = request.user
    item = get_object_or_404(
        RectificationRequest.objects.select_related(
            "filed_by", *(f"decision__{name}" for name in DECISION_RELATED)
        ),
        pk=pk,
    )
    original = item.decision
    if not (can(user, "applications.list_ministry") and can(user, "decisions.view_decision", original)):
        raise Http404
    may_handle = (
        can(user, "decisions.handle_rectification") and item.state == RectificationRequest.State.FILED
    )
    new = Decision.objects.filter(rectification=item).first()
    form = None
    if may_handle and new is None:
        initial = {"outcome": original.outcome, "amount": original.amount}
        form = HandleRectificationForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST":
        if not can(user, "decisions.handle_rectification"):
            raise PermissionDenied
        if form is None:
            _refused(request, "already_handled")
            return redirect("decisions:rectification", pk=item.pk)
        if form.is_valid():
            data = form.cleaned_data
            try:
                new = services.handle_rectification(
                    item, by=user, outcome=data["outcome"], amount=data["amount"], reasons=data["reasons"]
                )
            except ValidationError as error:
                _add_errors(form, error)
            except services.Refused as refused:
                _refused(request, refused.code)
                return redirect("decisions:rectification", pk=item.pk)
            else:
                messages.success(
                    request,
                    _(
                        "The new decision was drafted. It is presented, signed and sent like the call's other "
                        "decisions."
                    ),
                )
                return redirect(_decision_url(new))
    return render(
        request,
        "decisions/rectification.html",
        {
            "item": item,
            "original": original,
            "application": original.application,
            "deadline": services.rectification_deadline(original),
            "new": new,
            "form": form,
        },
    )


# The public list of funded projects ---------------------------------------------------------------------


def _funded():
    """Granted applications of published calls whose decision in force (the latest sent) grants money."""
    latest = Decision.objects.filter(application=OuterRef("pk"), state=Decision.State.SENT).order_by(
        "-sent_at", "-pk"
    )
    return (
        Application.objects.filter(
            status=Status.GRANTED, call__is_published=True, call__programme__is_published=True
        )
        .annotate(
            granted_amount=Subquery(latest.values("amount")[:1]),
            granted_outcome=Subquery(latest.values("outcome")[:1]),
        )
        .filter(granted_outcome=Decision.Outcome.GRANTED)
    )


def funded_projects(request):
    """Public: the funded projects by programme and call, with what of each is public (`public_view`: business
    secrets left out). A fixed number of queries at any size."""
    funded = _funded()
    calls = list(
        Call.objects.filter(pk__in=funded.values("call_id"))
        .select_related("programme")
        .order_by("programme_id", "-opens_at", "pk")
    )
    regions = list(Region.objects.order_by("code"))
    form = FundedFilterForm(request.GET or None, calls=calls, regions=regions)
    filters = form.filters()
    if "call" in filters:
        funded = funded.filter(call_id=filters["call"])
    if "region" in filters:
        region = filters["region"]
        funded = funded.filter(
            Q(organisation__region_id=region)
            | Q(
                pk__in=Participant.objects.filter(
                    organisation__region_id=region, declined_at__isnull=True
                ).values("application_id")
            )
        )
    applications = list(
        funded.select_related("call", "call__programme", "organisation")
        .prefetch_related(
            # `participant_rows` keeps its list in `_participants`: filled here for the whole page at once.
            Prefetch(
                "participants",
                queryset=Participant.objects.select_related("organisation").order_by("order", "pk"),
                to_attr="_participants",
            ),
            "attachments",
            "indicators",
            "contacts",
        )
        .order_by("call__programme_id", "-call__opens_at", "call_id", "organisation__name_fi", "pk")
    )
    # The questions of every question set on the page in one query (`form_definition` would ask per application).
    questions = defaultdict(list)
    for question in Question.objects.filter(
        question_set__in={a.question_set_id for a in applications}
    ).select_related("criterion"):
        questions[question.question_set_id].append(question)
    groups: dict = {}
    total = 0
    for application in applications:
        group = groups.setdefault(application.call_id, {"call": application.call, "projects": [], "total": 0})
        view = public_view(application, questions[application.question_set_id])
        group["projects"].append({"view": view, "amount": application.granted_amount})
        group["total"] += application.granted_amount
        total += application.granted_amount
    return render(
        request,
        "decisions/funded_projects.html",
        {
            "form": form,
            "filtered": bool(filters),
            "groups": list(groups.values()),
            "count": len(applications),
            "total": total,
        },
    )
