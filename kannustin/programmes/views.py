"""Public pages of the programme: programme and call pages, FAQ, accessibility statement, privacy notice,
accessibility feedback; and the officials' list of that feedback."""

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kannustin.accounts.models import Membership
from kannustin.accounts.roles import Role
from kannustin.core import audit, clock
from kannustin.core.i18n import current_language

from .forms import FeedbackForm
from .models import Call, Feedback, Programme, SitePage
from .notifications import notify_officials_of_feedback


def current_programme():
    """The programme shown at the front page: the newest published one."""
    return Programme.objects.filter(is_published=True).order_by("-year", "-id").first()


def _programme_context(programme):
    calls = list(
        programme.calls.published()
        .select_related("track", "previous_stage")
        .prefetch_related("criteria")
        .order_by("track__number", "opens_at")
    )
    tracks = list(programme.tracks.prefetch_related("workshops").order_by("number"))
    timetable = []
    for call in calls:
        timetable.append(
            {
                "kind": "call",
                "starts": call.opens_at,
                "ends": call.closes_at,
                "call": call,
                "state": call.state,
            }
        )
    for track in tracks:
        for workshop in track.workshops.all():
            timetable.append(
                {
                    "kind": "workshop",
                    "starts": workshop.starts_at,
                    "ends": workshop.ends_at,
                    "workshop": workshop,
                    "track": track,
                    "state": workshop.state,
                }
            )
    timetable.sort(key=lambda row: (row["starts"], row["ends"]))
    for track in tracks:
        track.call_list = [call for call in calls if call.track_id == track.pk]
    return {
        "programme": programme,
        "tracks": tracks,
        "calls": calls,
        "timetable": timetable,
        "contacts": programme.contacts_for(current_language()),
        "other_programmes": list(
            Programme.objects.filter(is_published=True).exclude(pk=programme.pk).order_by("-year")
        ),
        "now": clock.now(),
    }


def home(request):
    programme = current_programme()
    if programme is None:
        return render(request, "programmes/empty.html")
    return render(request, "programmes/programme.html", _programme_context(programme))


def programme_detail(request, slug):
    programme = get_object_or_404(Programme, slug=slug, is_published=True)
    return render(request, "programmes/programme.html", _programme_context(programme))


def call_detail(request, slug, call_slug):
    call = get_object_or_404(
        Call.objects.published()
        .select_related("programme", "track", "previous_stage", "maturity_model")
        .prefetch_related("criteria", "cost_categories", "scale_levels"),
        programme__slug=slug,
        slug=call_slug,
    )
    question_set = call.current_question_set()
    questions = list(question_set.questions.select_related("criterion")) if question_set else []
    maturity_dimensions = []
    if call.maturity_model_id:
        maturity_dimensions = list(call.maturity_model.dimensions.all())
    # Signed-in members of organisations start their application here, one button per organisation.
    start_for = []
    user = request.user
    if call.state == "open" and user.is_authenticated and not user.is_ministry:
        start_for = [
            {"organisation": m.organisation, "identifier": m.organisation.code or m.organisation.business_id}
            for m in Membership.objects.filter(user=user).select_related("organisation")
            # Proposals are made by municipalities; other actors register interest in them.
            if call.stage != Call.Stage.PROPOSAL or m.organisation.is_municipality
        ]
        start_for.sort(key=lambda item: item["organisation"].tr("name").casefold())
    return render(
        request,
        "programmes/call.html",
        {
            "call": call,
            "programme": call.programme,
            "questions": questions,
            "question_set": question_set,
            "maturity_dimensions": maturity_dimensions,
            "criteria": list(call.criteria.all()),
            "scored_criteria": [c for c in call.criteria.all() if c.is_scored],
            "start_for": start_for,
        },
    )


def faq(request):
    programme = current_programme()
    entries = list(programme.faq.all()) if programme else []
    return render(request, "programmes/faq.html", {"programme": programme, "entries": entries})


def site_page(request, key):
    if key not in SitePage.Key.values:
        raise Http404
    page = SitePage.objects.filter(key=key).first()
    return render(request, "programmes/site_page.html", {"page": page, "key": key})


def feedback(request):
    initial = {"page_url": request.GET.get("page", "")[:500]}
    if request.user.is_authenticated:
        initial.update(name=request.user.name, email=request.user.email)
    form = FeedbackForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        # Anyone may write, so one address may not flood the officials' inbox (the limit is in settings).
        if not ratelimit.consume(request, action="feedback"):
            form.add_error(
                None,
                _("You have sent several messages in a short time. Wait a few minutes, then send again."),
            )
            return render(request, "programmes/feedback.html", {"form": form}, status=429)
        item = form.save(commit=False)
        item.language = request.LANGUAGE_CODE
        item.save()
        audit.record(request.user, "feedback.received", item)
        notify_officials_of_feedback(item)
        return redirect("programmes:feedback_thanks")
    return render(request, "programmes/feedback.html", {"form": form})


def feedback_thanks(request):
    return render(request, "programmes/feedback_thanks.html")


def _require_official(user):
    if not (user.has_role(Role.OFFICIAL) or user.has_role(Role.ADMIN)):
        raise PermissionDenied


@login_required
def feedback_list(request):
    _require_official(request.user)
    items = Feedback.objects.select_related("handled_by").order_by("handled_at", "-created_at")
    return render(
        request,
        "programmes/feedback_list.html",
        {
            "open_items": [i for i in items if not i.handled_at],
            "handled_items": [i for i in items if i.handled_at],
        },
    )


@login_required
@require_POST
def feedback_handled(request, pk):
    _require_official(request.user)
    item = get_object_or_404(Feedback, pk=pk)
    if item.handled_at is None:
        item.handled_at = clock.now()
        item.handled_by = request.user
        item.save(update_fields=["handled_at", "handled_by"])
        audit.record(request.user, "feedback.handled", item)
        messages.success(request, _("The feedback is marked as handled."))
    return redirect("programmes:feedback_list")
