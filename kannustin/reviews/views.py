"""The reviews' pages: a reviewer's own work (declarations and scoring), and the officials' assignment of
reviewers, the list of disqualification declarations and the reviews of one application.

Every page asks `can` (rules in `permissions.py`); the writes are `services`' functions. A reviewer sees an
application only through their own review of it: first the declaration page, then, once declared not
disqualified, the application in full with the scoring form. A disqualified person learns nothing more of the
application (404) on every page, whatever other role they hold. Lists run a fixed number of queries whatever
the number of applications.
"""

from collections import Counter
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.db.models.fields.json import KeyTextTransform
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from kannustin.applications.models import Application
from kannustin.applications.presentation import application_context
from kannustin.core.permissions import can
from kannustin.maturity import services as maturity
from kannustin.programmes.models import Call

from . import services
from .forms import DeclarationForm, ScoreForm, level_choices, weight_text
from .models import ApplicationScore, Ground, Review

PAGE_SIZE = 100
State = Review.State
CLEARED = (State.IN_PROGRESS, State.SUBMITTED)
# The order of a reviewer's work on their page: what waits for them first.
STATE_ORDER = {State.ASSIGNED: 0, State.IN_PROGRESS: 1, State.SUBMITTED: 2, State.DISQUALIFIED: 3}

REFUSALS = {
    "tie": gettext_lazy(
        "The reviewer has a known tie to an organisation taking part in the application (their home "
        "municipality, employer or a governing body), so they cannot review it."
    ),
    "already_assigned": gettext_lazy("The reviewer already has this application."),
    "disqualified": gettext_lazy(
        "The reviewer has declared themselves disqualified from this application. Choose someone else."
    ),
    "not_a_reviewer": gettext_lazy("The person does not have the reviewer role."),
    "not_in_evaluation": gettext_lazy(
        "The application is not in evaluation (it was withdrawn or has been decided)."
    ),
    "declared": gettext_lazy(
        "The reviewer has already made the declaration, so the application can no longer be taken back."
    ),
    "not_submitted": gettext_lazy("Only a submitted review can be returned to its reviewer."),
}


def _refusal(code: str) -> str:
    return str(REFUSALS.get(code, _("This cannot be done now.")))


def _add_errors(form, exc: ValidationError) -> None:
    """The services' errors on the form's fields (by the same names), the rest at the top."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            for error in errors:
                form.add_error(field if field in form.fields else None, error)
    else:
        for error in exc.messages:
            form.add_error(None, error)


def _ministry_reader_of(user, application) -> bool:
    """Officials and administrators who follow the reviews and are not disqualified from this application."""
    return can(user, "reviews.follow") and can(user, "reviews.view_reviews_application", application)


# The call's scale and criteria ----------------------------------------------------------------------------


class Scale:
    """A call's scored criteria and its scale, loaded once per page (two queries)."""

    def __init__(self, call):
        self.criteria = [c for c in call.criteria.all() if c.is_scored]
        self.choices = level_choices(call, list(call.scale_levels.all()))
        self.labels = {int(value): text for value, text in self.choices}
        for criterion in self.criteria:
            criterion.weight_text = weight_text(criterion)

    def rows(self, review) -> list[dict]:
        """One review's scores, criterion by criterion, as read."""
        return [
            {
                "criterion": criterion,
                "score": review.score_of(criterion.code),
                "label": self.labels.get(review.score_of(criterion.code), ""),
                "justification": review.justification_of(criterion.code),
            }
            for criterion in self.criteria
        ]

    def comparison(self, reviews, score) -> list[dict]:
        """Per criterion: each review's score, the mean from the complete reviews and whether the reviewers
        differ by 2 or more (from the application's stored score)."""
        means = score.means if score is not None else {}
        flagged = set(score.flagged if score is not None else [])
        return [
            {
                "criterion": criterion,
                "scores": [review.score_of(criterion.code) for review in reviews],
                "mean": Decimal(means[criterion.code]) if criterion.code in means else None,
                "flagged": criterion.code in flagged,
            }
            for criterion in self.criteria
        ]


def _stored_score(application) -> ApplicationScore | None:
    """The application's stored score, loaded with it (`select_related("score")`); None before any review."""
    return getattr(application, "score", None)


# A reviewer's own work ------------------------------------------------------------------------------------


@login_required
def mine(request):
    user = request.user
    if not can(user, "reviews.review_work"):
        raise PermissionDenied
    reviews = (
        Review.objects.filter(reviewer=user)
        .select_related("application", "application__call", "application__organisation")
        .defer("scores", "comment", "application__answers", "application__confidential_keys")
        .annotate(project_title=KeyTextTransform("project_name", "application__answers"))
        .order_by("-application__call__opens_at", "application__call_id", "assigned_at", "pk")
    )
    groups: dict[int, dict] = {}
    declarations = []
    counts = Counter()
    for review in reviews:
        counts[review.state] += 1
        if review.is_disqualified:
            declarations.append(review)
            continue
        if can(user, "reviews.declare_review", review):
            review.link = reverse("reviews:declare", args=[review.pk])
        elif review.state in CLEARED:
            review.link = reverse("reviews:review", args=[review.pk])
        else:
            review.link = ""  # waiting for a declaration, but the application left evaluation
        group = groups.setdefault(
            review.application.call_id, {"call": review.application.call, "reviews": [], "counts": Counter()}
        )
        group["reviews"].append(review)
        group["counts"][review.state] += 1
    for group in groups.values():
        group["reviews"].sort(key=lambda r: STATE_ORDER[r.state])
        group["counts"] = _state_counts(group["counts"])
    return render(
        request,
        "reviews/mine.html",
        {"groups": list(groups.values()), "declarations": declarations, "counts": _state_counts(counts)},
    )


def _state_counts(counter: Counter) -> dict:
    return {
        "waiting": counter[State.ASSIGNED],
        "scoring": counter[State.IN_PROGRESS],
        "submitted": counter[State.SUBMITTED],
        "disqualified": counter[State.DISQUALIFIED],
    }


def _review_or_404(pk: int, *related) -> Review:
    return get_object_or_404(
        Review.objects.select_related(
            "application", "application__call", "application__organisation", *related
        ),
        pk=pk,
    )


@login_required
@require_http_methods(["GET", "POST"])
def declare(request, pk):
    user = request.user
    review = _review_or_404(pk)
    if not can(user, "reviews.declare_review", review):
        if review.reviewer_id == user.pk and review.state in CLEARED:
            return redirect("reviews:review", review.pk)  # declared already: the scoring page
        raise Http404
    application = review.application
    form = DeclarationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        disqualified = form.is_disqualified
        try:
            review = services.declare(
                review,
                by=user,
                disqualified=disqualified,
                ground=form.cleaned_data["ground"] if disqualified else "",
                explanation=form.cleaned_data["explanation"] if disqualified else "",
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        except PermissionDenied:
            messages.info(request, _("The declaration can no longer be made for this application."))
            return redirect("reviews:mine")
        else:
            if review.is_disqualified:
                if review.replaced_by_id:
                    text = _("Your declaration is kept. The application was given to another reviewer.")
                else:
                    text = _(
                        "Your declaration is kept. The officials will give the application to another reviewer."
                    )
                messages.success(request, text)
                return redirect("reviews:mine")
            messages.success(request, _("Thank you. You can now read the application and score it."))
            return redirect("reviews:review", review.pk)
    participants = [p for p in application.participant_rows() if p.state != "declined"]
    return render(
        request,
        "reviews/declare.html",
        {
            "review": review,
            "application": application,
            "call": application.call,
            "lead": next((p for p in participants if p.is_lead), None),
            "partners": [p for p in participants if not p.is_lead],
            "grounds": Ground.choices,
            "form": form,
        },
    )


def _scoring_context(application) -> dict:
    """The application in full for reading, as the ministry's detail page shows it, with its maturity
    self-assessment (context only)."""
    context = application_context(application)
    assessment = context["assessment"]
    structure = maturity.structure_for(application.call) if assessment else None
    context.update(
        {
            "maturity_rows": maturity.profile(assessment, structure) if assessment else [],
            "maturity_status": maturity.status(assessment, structure),
            "ministry": True,
        }
    )
    return context


@login_required
@require_http_methods(["GET", "POST"])
def review(request, pk):
    user = request.user
    item = _review_or_404(
        pk,
        "application__call__programme",
        "application__call__track",
        "application__question_set",
        "application__score",
    )
    # The reviewer's own page: officials read reviews through `application_reviews`. A disqualified reviewer
    # learns nothing more of the application.
    if item.reviewer_id != user.pk or item.is_disqualified:
        raise Http404
    if item.state == State.ASSIGNED:
        if can(user, "reviews.declare_review", item):
            return redirect("reviews:declare", item.pk)
        raise Http404
    application = item.application
    # The person's reviews of the application, for the rules (`permissions._reviews_of`): this one is the only
    # one (one review per application and reviewer), so the rules need not load it again.
    application.__dict__.setdefault("_reviews_by_user", {})[user.pk] = [item]
    if not can(user, "reviews.view_review", item) or not can(
        user, "applications.view_ministry_application", application
    ):
        raise Http404
    url = reverse("reviews:review", args=[item.pk])
    scale = Scale(application.call)
    may_score = can(user, "reviews.score_review", item)
    form, conflict, draft_kept = None, None, False
    if may_score and request.method == "POST":
        form = ScoreForm(request.POST, criteria=scale.criteria, choices=scale.choices)
        if form.is_valid():
            submitting = request.POST.get("action") == "submit"
            arguments = {
                "scores": form.scores(),
                "comment": form.cleaned_data["comment"],
                "version": form.cleaned_data["version"],
            }
            try:
                (services.submit if submitting else services.save)(item, by=user, **arguments)
            except services.Conflict as exc:
                # Saved elsewhere since this page was opened: keep what was typed, show what is saved, and let
                # the next save (on the saved version) be the reviewer's own choice.
                conflict = exc.current
                form.data = form.data.copy()
                form.data["version"] = conflict.version
            except ValidationError as exc:
                _add_errors(form, exc)
                if submitting:
                    draft_kept = _keep_draft(item, user, arguments, form)
            except PermissionDenied:
                messages.info(request, _("This review can no longer be changed."))
                return redirect(url)
            else:
                if submitting:
                    messages.success(
                        request,
                        _(
                            "Your review was submitted. You can now see the other reviewers' submitted reviews."
                        ),
                    )
                else:
                    messages.success(request, _("Your draft was saved. It is not submitted yet."))
                return redirect(url)
    elif may_score:
        form = ScoreForm(criteria=scale.criteria, choices=scale.choices, initial=ScoreForm.initial_from(item))
    elif request.method == "POST":
        messages.info(request, _("This review can no longer be changed."))
        return redirect(url)

    context = _scoring_context(application)
    others, score, comparison = [], None, []
    may_see_others = item.is_submitted and can(user, "reviews.view_reviews_application", application)
    if may_see_others:
        others = list(
            Review.objects.filter(application=application, state=State.SUBMITTED)
            .exclude(pk=item.pk)
            .order_by("submitted_at", "pk")
        )
        for number, other in enumerate(others, start=2):
            other.label = _("Reviewer %(number)s") % {"number": number}
            other.rows = scale.rows(other)
        score = _stored_score(application)
        comparison = scale.comparison([item, *others], score)
    context.update(
        {
            "review": item,
            "form": form,
            "criterion_fields": form.criterion_fields() if form is not None else [],
            "own_rows": scale.rows(item),
            "conflict": conflict,
            "conflict_rows": scale.rows(conflict) if conflict is not None else [],
            "draft_kept": draft_kept,
            "may_score": may_score,
            "may_see_others": may_see_others,
            "others": others,
            "score": score,
            "comparison": comparison,
            "headers": [_("You"), *[other.label for other in others]],
            "criteria": scale.criteria,
        }
    )
    return render(request, "reviews/review.html", context)


def _keep_draft(item, user, arguments, form) -> bool:
    """A submission that lacked something is not lost: what was typed is saved as the draft (when it is a
    valid draft), and the form moves on to the saved version."""
    try:
        saved = services.save(item, by=user, **arguments)
    except (ValidationError, services.Conflict, PermissionDenied):
        return False
    form.data = form.data.copy()
    form.data["version"] = saved.version
    return True


# The officials' pages -----------------------------------------------------------------------------------


def _disqualified_application_ids(user):
    return Review.objects.filter(reviewer_id=user.pk, state=State.DISQUALIFIED).values("application_id")


@login_required
def assignments(request, call_id):
    user = request.user
    if not can(user, "reviews.follow"):
        raise PermissionDenied
    may_assign = can(user, "reviews.assign")
    call = get_object_or_404(Call.objects.select_related("programme", "track"), pk=call_id)
    applications = (
        Application.objects.filter(call=call, status__in=services.UNDER_EVALUATION)
        # Someone disqualified from an application takes no part in handling it, its assignment included.
        .exclude(pk__in=_disqualified_application_ids(user))
        .select_related("organisation", "score")
        .defer("answers", "confidential_keys")
        .annotate(list_title=KeyTextTransform("project_name", "answers"))
        .prefetch_related(
            Prefetch(
                "reviews",
                queryset=Review.objects.select_related("reviewer")
                .defer("scores", "comment", "explanation")
                .order_by("assigned_at", "pk"),
            )
        )
        .order_by("submitted_at", "pk")
    )
    page = Paginator(applications, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    pool = list(services.reviewers().order_by("name", "email"))
    # Who may still be given each application, with their known ties marked (the forms are officials' only).
    organisations = services.participant_organisations([a.pk for a in rows]) if may_assign else {}
    ties = services.tied_organisations([r.pk for r in pool]) if may_assign else {}
    needed = call.reviewers_per_application
    for application in rows:
        reviews = list(application.reviews.all())
        taken = {r.reviewer_id for r in reviews}
        involved = organisations.get(application.pk, {application.organisation_id})
        application.review_list = reviews
        application.active = sum(1 for r in reviews if not r.is_disqualified)
        application.submitted = sum(1 for r in reviews if r.is_submitted)
        application.missing = max(needed - application.active, 0)
        application.stored_score = _stored_score(application)
        application.options = [
            {"pk": r.pk, "name": r.get_full_name(), "tie": bool(ties.get(r.pk, set()) & involved)}
            for r in pool
            if may_assign and r.pk not in taken
        ]
    return render(
        request,
        "reviews/assignments.html",
        {
            "call": call,
            "page_obj": page,
            "applications": rows,
            "needed": needed,
            "may_assign": may_assign,
            "load": _load(call, pool),
        },
    )


def _load(call, pool) -> list[dict]:
    """Each reviewer's work in the call: one query, whatever the number of applications."""
    # Every reviewer, those without work in the call too.
    rows = {r.pk: {"name": r.get_full_name(), "counts": Counter()} for r in pool}
    counts = (
        Review.objects.filter(application__call=call)
        .values("reviewer_id", "reviewer__name", "reviewer__email", "state")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for item in counts:
        row = rows.setdefault(
            item["reviewer_id"],
            {"name": item["reviewer__name"] or item["reviewer__email"], "counts": Counter()},
        )
        row["counts"][item["state"]] += item["n"]
    result = []
    for row in rows.values():
        counts = _state_counts(row["counts"])
        counts["active"] = counts["waiting"] + counts["scoring"] + counts["submitted"]
        result.append({"name": row["name"], **counts})
    return sorted(result, key=lambda row: (-row["active"], row["name"].lower()))


def _back_to_assignments(request, call_id: int, anchor: str = ""):
    url = reverse("reviews:assignments", args=[call_id])
    page = request.POST.get("page", "")
    if page.isdigit():
        url += f"?page={page}"
    if anchor:
        url += f"#{anchor}"
    return redirect(url)


def _require_assigning(user, application) -> None:
    """Acting on an application's reviewers: officials (not disqualified from it). Administrators, who may
    read the reviews, are refused; everyone else learns nothing."""
    if not _ministry_reader_of(user, application):
        raise Http404
    if not can(user, "reviews.assign"):
        raise PermissionDenied


@login_required
@require_POST
def auto_assign(request, call_id):
    user = request.user
    if not can(user, "reviews.assign"):
        raise PermissionDenied
    call = get_object_or_404(Call, pk=call_id)
    made = services.auto_assign(call, by=user)
    if made:
        text = ngettext("%(count)d assignment was made.", "%(count)d assignments were made.", made) % {
            "count": made
        }
        messages.success(request, text)
    else:
        messages.info(
            request,
            _(
                "No assignments were made: every application already has its reviewers, or no reviewer without "
                "a tie was left."
            ),
        )
    return _back_to_assignments(request, call.pk)


@login_required
@require_POST
def assign(request, pk):
    user = request.user
    application = get_object_or_404(Application.objects.submitted().select_related("call"), pk=pk)
    _require_assigning(user, application)
    value = request.POST.get("reviewer", "")
    reviewer = (
        get_user_model().objects.filter(pk=int(value), is_active=True).first() if value.isdigit() else None
    )
    anchor = f"application-{application.pk}"
    if reviewer is None:
        messages.error(request, _("Choose a reviewer."))
        return _back_to_assignments(request, application.call_id, anchor)
    try:
        services.assign(application, reviewer, by=user)
    except services.Refused as exc:
        messages.error(
            request,
            _("%(name)s was not given %(case)s: %(reason)s")
            % {
                "name": reviewer.get_full_name(),
                "case": application.case_number,
                "reason": _refusal(exc.code),
            },
        )
    else:
        messages.success(
            request,
            _("%(name)s was given the application %(case)s.")
            % {"name": reviewer.get_full_name(), "case": application.case_number},
        )
    return _back_to_assignments(request, application.call_id, anchor)


@login_required
@require_POST
def unassign(request, pk):
    user = request.user
    item = _review_or_404(pk, "reviewer")
    _require_assigning(user, item.application)
    name, case = item.reviewer.get_full_name(), item.application.case_number
    try:
        services.unassign(item, by=user)
    except services.Refused as exc:
        messages.error(request, _refusal(exc.code))
    else:
        messages.success(request, _("%(case)s was taken back from %(name)s.") % {"name": name, "case": case})
    return _back_to_assignments(request, item.application.call_id, f"application-{item.application_id}")


@login_required
@require_POST
def reopen(request, pk):
    user = request.user
    item = _review_or_404(pk, "reviewer")
    _require_assigning(user, item.application)
    try:
        services.reopen(item, by=user)
    except services.Refused as exc:
        messages.error(request, _refusal(exc.code))
    else:
        messages.success(
            request,
            _("The review of %(case)s was returned to %(name)s for changes.")
            % {"name": item.reviewer.get_full_name(), "case": item.application.case_number},
        )
    return _back_to_assignments(request, item.application.call_id, f"application-{item.application_id}")


@login_required
def declarations(request, call_id):
    user = request.user
    if not can(user, "reviews.follow"):
        raise PermissionDenied
    call = get_object_or_404(Call.objects.select_related("programme", "track"), pk=call_id)
    items = (
        Review.objects.filter(application__call=call, state=State.DISQUALIFIED)
        # A person disqualified from an application sees only their own declaration of it.
        .exclude(application_id__in=_disqualified_application_ids(user).exclude(reviewer_id=user.pk))
        .select_related("reviewer", "application", "application__organisation", "replaced_by__reviewer")
        .defer("scores", "comment", "application__answers", "application__confidential_keys")
        .annotate(project_title=KeyTextTransform("project_name", "application__answers"))
        .order_by("-declared_at", "-pk")
    )
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "reviews/declarations.html",
        {"call": call, "page_obj": page, "declarations": list(page.object_list)},
    )


@login_required
def application_reviews(request, pk):
    user = request.user
    application = get_object_or_404(
        Application.objects.submitted().select_related("call", "call__programme", "organisation", "score"),
        pk=pk,
    )
    if not _ministry_reader_of(user, application):
        raise Http404
    scale = Scale(application.call)
    reviews = list(
        Review.objects.filter(application=application)
        .select_related("reviewer", "replaced_by__reviewer")
        .order_by("assigned_at", "pk")
    )
    submitted = [r for r in reviews if r.is_submitted]
    for item in submitted:
        item.rows = scale.rows(item)
    score = _stored_score(application)
    return render(
        request,
        "reviews/application_reviews.html",
        {
            "application": application,
            "call": application.call,
            "reviews": reviews,
            "submitted": submitted,
            "score": score,
            "comparison": scale.comparison(submitted, score),
            "headers": [r.reviewer.get_full_name() for r in submitted],
            "criteria": scale.criteria,
            "needed": application.call.reviewers_per_application,
            "may_assign": can(user, "reviews.assign"),
        },
    )
