"""Track 2's pages: the proposals and who is interested in them, partner matching with its map, the officials'
dashboard, starting a joint application from proposals, and the workshop (registration, participant list,
tables from suggested clusters, presentations).

Every page asks `can` (rules in `permissions.py`); someone who may not see a proposal gets 404. Lists run a
fixed number of queries whatever the number of proposals.
"""

from collections import Counter, defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import CharField, Count, Q
from django.db.models.fields.json import KT, KeyTextTransform, KeyTransform
from django.db.models.functions import Cast
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from kannustin.accounts.models import Membership
from kannustin.applications import actions
from kannustin.applications.files import FileRefused
from kannustin.applications.models import Application, Status
from kannustin.applications.presentation import NAMING_KEYS, public_view
from kannustin.core.permissions import can
from kannustin.programmes.models import Call, Workshop
from kannustin.registry import maps
from kannustin.registry.models import Organisation, Region

from . import matching, services
from .forms import (
    InterestForm,
    PresentationForm,
    ProposalFilterForm,
    RegistrationForm,
    StartJointForm,
    TopicInterestForm,
    WorkshopForm,
    organisation_choices,
)
from .models import Interest, Presentation, Registration

PAGE_SIZE = 50
SIMILAR_COUNT = 8

REFUSALS = {
    "interest_closed": gettext_lazy(
        "Interest in proposals is no longer taken: the last call of the track has closed."
    ),
    "interest_not_open": gettext_lazy("Interest is taken once the call for proposals has opened."),
    "registration_closed": gettext_lazy("Registration for the workshop has closed."),
    "workshop_full": gettext_lazy(
        "The workshop is full at the venue. You can still register to take part online."
    ),
    "programme_missing": gettext_lazy("Write the programme before publishing it."),
    "presentations_missing": gettext_lazy("Upload at least one presentation before publishing."),
}


def _refusal_message(code: str) -> str:
    return str(REFUSALS.get(code, _("This cannot be done now.")))


# Access and shared lookups -----------------------------------------------------------------------------------


def _memberships(user) -> list:
    if not user.is_authenticated:
        return []
    return list(
        Membership.objects.filter(user=user).select_related("organisation").order_by("organisation__name_fi")
    )


def _proposal_calls():
    return list(
        Call.objects.published()
        .with_programme()
        .filter(stage=Call.Stage.PROPOSAL)
        .order_by("-opens_at", "pk")
    )


def _default_call(calls):
    """The open call of proposals, else the newest."""
    return next((call for call in calls if call.is_open), calls[0] if calls else None)


def _proposal(request, pk: int) -> Application:
    proposal = get_object_or_404(
        Application.objects.select_related(
            "call", "call__programme", "call__track", "organisation", "organisation__region", "question_set"
        ).filter(call__stage=Call.Stage.PROPOSAL),
        pk=pk,
    )
    if not can(request.user, "jointprojects.view_proposal", proposal):
        raise Http404
    return proposal


def _organisation_for(request, identifier: str, memberships) -> Organisation:
    """One of the user's organisations; another organisation's code answers 404, as everywhere."""
    for membership in memberships:
        if membership.organisation.identifier == identifier:
            return membership.organisation
    raise Http404


def _topic_labels(call) -> dict:
    return dict(services.topic_choices(call)) if call else {}


# The proposals -------------------------------------------------------------------------------------------------


@login_required
def proposals(request):
    """Submitted proposals of a call to browse and filter, with the user's own proposals and interests."""
    if not can(request.user, "jointprojects.browse_proposals"):
        raise PermissionDenied
    calls = _proposal_calls()
    memberships = _memberships(request.user)
    regions = list(Region.objects.exclude(code="21").order_by("code"))
    # The chosen call first: the topics offered are that call's.
    chosen = request.GET.get("call", "")
    call = next((c for c in calls if str(c.pk) == chosen), None) or _default_call(calls)
    topics = _topic_labels(call)
    form = ProposalFilterForm(request.GET or None, calls=calls, topics=list(topics.items()), regions=regions)
    filters = form.filters()
    form.initial["call"] = call.pk if call else None
    page = None
    if call is not None:
        listed = (
            matching.proposals_of(call)
            .exclude(pk__in=_secret_named(call))
            .select_related("organisation", "organisation__region")
            .only(
                "pk", "call_id", "case_number", "submitted_at", "status", "organisation__name_fi",
                "organisation__name_sv", "organisation__name_en", "organisation__code",
                "organisation__business_id", "organisation__kind", "organisation__region__code",
                "organisation__region__name_fi", "organisation__region__name_sv", "organisation__region__name_en",
            )
            .annotate(
                list_title=KT("answers__title"),
                list_summary=KT("answers__summary"),
                list_topics=KeyTransform("topics", "answers"),
                topics_text=Cast(KeyTransform("topics", "answers"), CharField()),
                interest_count=Count("interests", distinct=True),
            )
            .order_by("-submitted_at", "-pk")
        )  # fmt: skip
        if filters.get("topic"):
            listed = listed.filter(topics_text__contains=f'"{filters["topic"]}"')
        if filters.get("region"):
            listed = listed.filter(organisation__region__code=filters["region"])
        if filters.get("q"):
            q = filters["q"]
            listed = listed.filter(
                Q(list_title__icontains=q) | Q(list_summary__icontains=q) | Q(organisation__name_fi__icontains=q)
                | Q(organisation__name_sv__icontains=q) | Q(case_number__icontains=q)
            )  # fmt: skip
        page = Paginator(listed, PAGE_SIZE).get_page(request.GET.get("page"))
        for proposal in page.object_list:
            proposal.topic_labels = [topics.get(key, key) for key in proposal.list_topics or []]
    organisation_ids = [m.organisation_id for m in memberships]
    own = []
    if organisation_ids:
        own = list(
            Application.objects.filter(call__stage=Call.Stage.PROPOSAL, organisation_id__in=organisation_ids)
            .exclude(status=Status.WITHDRAWN)
            .select_related("call", "organisation")
            .only("pk", "status", "case_number", "call__title_fi", "call__title_sv", "call__title_en",
                  "organisation__name_fi", "organisation__name_sv", "organisation__name_en", "updated_at")
            .annotate(list_title=KT("answers__title"),
                      waiting=Count("interests", filter=Q(interests__kind=Interest.Kind.PARTNER,
                                                          interests__accepted_at__isnull=True)),
                      interest_count=Count("interests"))
            .order_by("-updated_at")
        )  # fmt: skip
    mine = list(
        Interest.objects.filter(organisation_id__in=organisation_ids)
        .select_related("organisation", "proposal", "proposal__organisation", "call")
        .annotate(proposal_title=KeyTextTransform("title", "proposal__answers"))
        .order_by("-created_at")
    )
    labels_by_call = {}  # one lookup of the topic list per call, not per interest
    for interest in mine:
        if interest.topic:
            if interest.call_id not in labels_by_call:
                labels_by_call[interest.call_id] = _topic_labels(interest.call)
            interest.topic_label = labels_by_call[interest.call_id].get(interest.topic, interest.topic)
    can_propose = [m for m in memberships if m.organisation.kind == Organisation.Kind.MUNICIPALITY]
    return render(
        request,
        "jointprojects/proposals.html",
        {
            "form": form, "call": call, "page_obj": page, "proposals": page.object_list if page else [],
            "filtered": bool(set(filters) - {"call"}), "own": own, "mine": mine,
            "proposing": can_propose if call and call.is_open else [],
            "interest_open": call is not None and services.interest_refusal(call) is None,
            "joint_calls": services.joint_calls(call) if call else [],
        },
    )  # fmt: skip


def _secret_named(call):
    """Proposals whose name or summary is a business secret (`presentation.NAMING_KEYS`): never listed."""
    marked = Q()
    for key in NAMING_KEYS:
        marked |= Q(secret_text__contains=f'"{key}"')
    return (
        matching.proposals_of(call)
        .annotate(secret_text=Cast("confidential_keys", CharField()))
        .filter(marked)
        .values("pk")
    )


@login_required
def proposal(request, pk):
    """A proposal's public parts, who is interested, and for others the form to register interest."""
    return _render_proposal(request, _proposal(request, pk))


def _render_proposal(request, proposal, form=None):
    user = request.user
    memberships = _memberships(user)
    is_lead = any(m.organisation_id == proposal.organisation_id for m in memberships)
    interests = list(
        proposal.interests.select_related("organisation", "organisation__region", "created_by").order_by(
            "accepted_at", "organisation__name_fi"
        )
    )
    outsiders = [m for m in memberships if m.organisation_id != proposal.organisation_id]
    outsider_ids = {m.organisation_id for m in outsiders}
    own_interests = [i for i in interests if i.organisation_id in outsider_ids]
    refusal = services.interest_refusal(proposal.call)
    if (
        form is None
        and outsiders
        and can(user, "jointprojects.register_interest", proposal)
        and refusal is None
    ):
        existing = own_interests[0] if own_interests else None
        form = InterestForm(
            organisations=organisation_choices(outsiders),
            initial={
                "kind": existing.kind,
                "note": existing.note,
                "organisation": existing.organisation.identifier,
            }
            if existing
            else None,
        )
    joint = [
        application
        for application in proposal.joint_applications.select_related("call", "organisation").annotate(
            list_title=KT("answers__project_name")
        )
        if can(user, "view", application)
    ]
    return render(
        request,
        "jointprojects/proposal.html",
        {
            "proposal": proposal, "view": public_view(proposal), "is_lead": is_lead, "interests": interests,
            "form": form, "own_interests": own_interests, "interest_refusal": refusal and _refusal_message(refusal),
            "topics": [_topic_labels(proposal.call).get(k, k) for k in proposal.answers.get("topics") or []],
            "joint_calls": services.joint_calls(proposal.call) if is_lead else [],
            "joint_applications": joint, "may_see_contacts": is_lead or user.is_ministry,
        },
    )  # fmt: skip


@login_required
@require_POST
def register_interest(request, pk):
    proposal = _proposal(request, pk)
    memberships = [m for m in _memberships(request.user) if m.organisation_id != proposal.organisation_id]
    if not memberships:
        raise PermissionDenied
    form = InterestForm(request.POST, organisations=organisation_choices(memberships))
    if form.is_valid():
        organisation = _organisation_for(request, form.cleaned_data["organisation"], memberships)
        existed = Interest.objects.filter(proposal=proposal, organisation=organisation).exists()
        try:
            services.register_interest(
                proposal, organisation, by=request.user, kind=form.cleaned_data["kind"],
                note=form.cleaned_data["note"],
            )  # fmt: skip
        except services.Refused as exc:
            messages.error(request, _refusal_message(exc.code))
        else:
            # The proposer is told of a new interest only, not of every change of it.
            messages.success(request, _("Your interest was changed.") if existed
                             else _("Your interest was registered. The proposer has been told."))  # fmt: skip
            return redirect("jointprojects:proposal", pk=proposal.pk)
    # What was typed stays: the proposal page is shown again with the errors.
    return _render_proposal(request, proposal, form)


@login_required
@require_POST
def accept_interest(request, pk):
    interest = get_object_or_404(Interest.objects.select_related("proposal", "organisation"), pk=pk)
    if interest.proposal is None or not can(request.user, "jointprojects.view_proposal", interest.proposal):
        raise Http404
    try:
        services.accept_interest(interest, by=request.user)
    except PermissionDenied:
        messages.error(request, _("Only the proposer accepts partners, and only once."))
    else:
        messages.success(
            request,
            _("%(name)s was accepted as a partner. It has been told.")
            % {"name": interest.organisation.tr("name")},
        )
    return redirect("jointprojects:proposal", pk=interest.proposal_id)


@login_required
@require_POST
def withdraw_interest(request, pk):
    interest = get_object_or_404(Interest.objects.select_related("proposal", "organisation"), pk=pk)
    if not can(request.user, "jointprojects.withdraw_interest", interest):
        raise Http404
    services.withdraw_interest(interest, by=request.user)
    messages.success(
        request, _("The interest of %(name)s was withdrawn.") % {"name": interest.organisation.tr("name")}
    )
    if interest.proposal_id:
        return redirect("jointprojects:proposal", pk=interest.proposal_id)
    return redirect("jointprojects:topic_interest")


@login_required
@require_http_methods(["GET", "POST"])
def topic_interest(request):
    """Interest in the topics of the open call of proposals, not in one proposal."""
    memberships = _memberships(request.user)
    if not memberships:
        raise PermissionDenied
    calls = _proposal_calls()
    call = _default_call(calls)
    if call is None:
        raise Http404
    topics = services.topic_choices(call)
    form = TopicInterestForm(
        request.POST if request.method == "POST" else None,
        organisations=organisation_choices(memberships),
        topics=topics,
    )
    refusal = services.interest_refusal(call)
    if request.method == "POST" and refusal is None and form.is_valid():
        organisation = _organisation_for(request, form.cleaned_data["organisation"], memberships)
        try:
            for topic in form.cleaned_data["topics"]:
                services.register_topic_interest(
                    call, topic, organisation, by=request.user, kind=form.cleaned_data["kind"],
                    note=form.cleaned_data["note"],
                )  # fmt: skip
        except services.Refused as exc:
            messages.error(request, _refusal_message(exc.code))
        else:
            messages.success(request, _("Your interest in these topics was registered."))
            return redirect("jointprojects:topic_interest")
    labels = dict(topics)
    mine = list(
        Interest.objects.filter(
            call=call, proposal__isnull=True, organisation__in=[m.organisation for m in memberships]
        )
        .select_related("organisation")
        .order_by("topic")
    )
    for interest in mine:
        interest.topic_label = labels.get(interest.topic, interest.topic)
    return render(
        request, "jointprojects/topic_interest.html",
        {"form": form, "call": call, "mine": mine, "refusal": refusal and _refusal_message(refusal)},
    )  # fmt: skip


# Partner matching ----------------------------------------------------------------------------------------------


@login_required
def matching_page(request, pk):
    """Similar proposals, and where the organisations interested in this proposal or its topics are: a map and
    the same facts as a table."""
    proposal = _proposal(request, pk)
    call = proposal.call
    labels = _topic_labels(call)
    topics = list(proposal.answers.get("topics") or [])
    ranked = matching.similar_proposals(proposal, limit=SIMILAR_COUNT)
    found = (  # still submitted: the model may be older than a withdrawal
        matching.proposals_of(call)
        .select_related("organisation", "organisation__region")
        .annotate(list_title=KT("answers__title"), list_summary=KT("answers__summary"),
                  list_topics=KeyTransform("topics", "answers"))
        .in_bulk([pk for pk, _score in ranked])
    )  # fmt: skip
    secret = set(_secret_named(call).values_list("pk", flat=True))
    similar = []
    for other_pk, score in ranked:
        other = found.get(other_pk)
        if other is None or other_pk in secret:
            continue
        other.topic_labels = [labels.get(k, k) for k in other.list_topics or []]
        similar.append({"proposal": other, "percent": round(score * 100)})

    # Who is interested: in this proposal, in its topics in general, or in other proposals of its topics.
    rows: dict[int, dict] = {}

    def row_for(organisation):
        return rows.setdefault(
            organisation.pk,
            {"organisation": organisation, "this": None, "topics": set(), "others": 0},
        )

    for interest in proposal.interests.select_related("organisation", "organisation__region"):
        row_for(interest.organisation)["this"] = interest
    if topics:
        topic_filter = Q()
        for topic in topics:
            topic_filter |= Q(topic=topic)
        for interest in Interest.objects.filter(
            topic_filter, call=call, proposal__isnull=True
        ).select_related("organisation", "organisation__region"):
            row_for(interest.organisation)["topics"].add(labels.get(interest.topic, interest.topic))
        others = (
            Interest.objects.filter(call=call, proposal__isnull=False)
            .exclude(proposal=proposal)
            .annotate(topics_text=Cast(KeyTransform("topics", "proposal__answers"), CharField()))
            .select_related("organisation", "organisation__region")
        )
        text_filter = Q()
        for topic in topics:
            text_filter |= Q(topics_text__contains=f'"{topic}"')
        for interest in others.filter(text_filter):
            row_for(interest.organisation)["others"] += 1
    rows.pop(proposal.organisation_id, None)
    table = sorted(
        rows.values(),
        key=lambda row: (row["this"] is None, not row["topics"], -row["others"], row["organisation"].name_fi),
    )
    classes, names = {}, {}
    for row in table:
        organisation = row["organisation"]
        if organisation.kind != Organisation.Kind.MUNICIPALITY:
            continue
        level = 3 if row["this"] else 2 if row["topics"] else 1
        classes[organisation.code] = max(classes.get(organisation.code, 0), level)
        names[organisation.code] = organisation.tr("name")
    if proposal.organisation.kind == Organisation.Kind.MUNICIPALITY:
        classes[proposal.organisation.code] = 4
        names[proposal.organisation.code] = proposal.organisation.tr("name")
    legend = {
        4: _("The proposer"),
        3: _("Interested in this proposal"),
        2: _("Interested in its topics"),
        1: _("Interested in other proposals of its topics"),
    }
    municipal_names = {
        o.code: o.tr("name") for o in Organisation.objects.municipalities().in_classification(2026).only(
            "code", "name_fi", "name_sv", "name_en")
    }  # fmt: skip
    municipal_names.update(names)
    return render(
        request,
        "jointprojects/matching.html",
        {
            "proposal": proposal, "similar": similar, "table": table,
            "topics": [labels.get(k, k) for k in topics],
            "map": maps.choropleth(classes, municipal_names, labels=legend),
            "municipalities": sum(1 for row in table if row["organisation"].kind == Organisation.Kind.MUNICIPALITY),
        },
    )  # fmt: skip


# Stage 2: a joint application from proposals --------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def start_joint(request, call_id, org_code):
    """Choose the proposals a joint application grows from: the organisation's own proposals and those it was
    accepted in as a partner. The organisation becomes the project administrator."""
    memberships = _memberships(request.user)
    organisation = _organisation_for(request, org_code, memberships)
    call = get_object_or_404(
        Call.objects.published().with_programme().filter(stage=Call.Stage.JOINT_APPLICATION), pk=call_id
    )
    if call.previous_stage is None:
        raise Http404
    candidates = list(
        matching.proposals_of(call.previous_stage)
        .filter(Q(organisation=organisation) | Q(interests__organisation=organisation, interests__accepted_at__isnull=False))
        .select_related("organisation")
        .annotate(list_title=KT("answers__title"))
        .distinct()
        .order_by("-submitted_at")
    )  # fmt: skip
    choices = [
        (p.pk, f"{p.list_title or _('Untitled proposal')} – {p.organisation.tr('name')} ({p.case_number})")
        for p in candidates
    ]
    preselected = [int(v) for v in request.GET.getlist("proposal") if v.isdigit()]
    form = StartJointForm(
        request.POST if request.method == "POST" else None,
        proposals=choices,
        initial={"proposals": preselected},
    )
    if request.method == "POST" and form.is_valid():
        chosen = [p for p in candidates if p.pk in form.cleaned_data["proposals"]]
        try:
            application = services.start_joint_application(call, chosen, organisation, by=request.user)
        except actions.CallClosed:
            messages.error(request, _("The call “%(call)s” is not open.") % {"call": call.tr("title")})
        except actions.TooManyDrafts:
            messages.error(
                request, _("Your organisation already has as many drafts in this call as it may have.")
            )
        except (PermissionDenied, ValidationError):
            form.add_error("proposals", _("Choose among the proposals listed."))
        else:
            messages.success(
                request,
                _(
                    "The joint application was started. The partners have been asked to confirm their participation."
                ),
            )
            return redirect("applications:overview", pk=application.pk)
    return render(
        request,
        "jointprojects/start_joint.html",
        {"form": form, "call": call, "organisation": organisation, "candidates": candidates,
         "eligible": organisation.kind in (Organisation.Kind.MUNICIPALITY, Organisation.Kind.JOINT_AUTHORITY)},
    )  # fmt: skip


# The officials' dashboard ------------------------------------------------------------------------------------


@login_required
def dashboard(request):
    """All proposals and interests of a call by topic and by region, with counts; a fixed number of queries."""
    if not can(request.user, "jointprojects.view_dashboard"):
        raise PermissionDenied
    calls = _proposal_calls()
    call = _default_call(calls)
    chosen = request.GET.get("call", "")
    if chosen.isdigit():
        call = next((c for c in calls if c.pk == int(chosen)), call)
    context = {"calls": calls, "call": call}
    if call is None:
        return render(request, "jointprojects/dashboard.html", context)
    labels = _topic_labels(call)
    submitted = list(
        matching.proposals_of(call)
        .annotate(list_topics=KeyTransform("topics", "answers"))
        .values_list("pk", "list_topics", "organisation__region__code")
    )
    interests = list(
        Interest.objects.filter(call=call).values_list(
            "proposal_id",
            "topic",
            "kind",
            "accepted_at",
            "organisation__region__code",
            "organisation_id",
        )
    )
    regions = {r.code: r for r in Region.objects.all()}
    topic_of = {pk: list(topics or []) for pk, topics, _region in submitted}
    by_topic = {key: {"key": key, "label": label, "proposals": 0, "interests": 0, "topic_interests": 0}
                for key, label in labels.items()}  # fmt: skip
    by_region = defaultdict(lambda: {"proposals": 0, "interests": 0, "organisations": set()})
    for _pk, topics, region in submitted:
        for topic in topics or []:
            if topic in by_topic:
                by_topic[topic]["proposals"] += 1
        by_region[region or ""]["proposals"] += 1
    kinds = Counter()
    accepted = 0
    for proposal_id, topic, kind, accepted_at, region, organisation_id in interests:
        kinds[kind] += 1
        accepted += accepted_at is not None
        if proposal_id is None:
            if topic in by_topic:
                by_topic[topic]["topic_interests"] += 1
        else:
            for key in topic_of.get(proposal_id, []):
                if key in by_topic:
                    by_topic[key]["interests"] += 1
        by_region[region or ""]["interests"] += 1
        by_region[region or ""]["organisations"].add(organisation_id)
    region_rows = sorted(
        (
            {"region": regions.get(code), "code": code, "proposals": row["proposals"], "interests": row["interests"],
             "organisations": len(row["organisations"])}
            for code, row in by_region.items()
        ),
        key=lambda row: (row["region"] is None, row["code"]),
    )  # fmt: skip
    most = max((row["proposals"] for row in region_rows), default=0)
    classes = {
        row["code"]: (0 if not row["proposals"] else 1 + min(3, (row["proposals"] * 4 - 1) // max(most, 1)))
        for row in region_rows if row["code"]
    }  # fmt: skip
    joint = Application.objects.filter(call__previous_stage=call).aggregate(
        started=Count("pk"), submitted=Count("pk", filter=~Q(status__in=[Status.DRAFT, Status.WITHDRAWN]))
    )
    workshop = Workshop.objects.filter(track=call.track_id).order_by("-starts_at").first()
    context.update(
        {
            "proposal_count": len(submitted),
            "drafts": Application.objects.filter(call=call, status=Status.DRAFT).count(),
            "interest_count": len(interests), "partner_count": kinds[Interest.Kind.PARTNER],
            "observer_count": kinds[Interest.Kind.OBSERVER], "accepted_count": accepted,
            "organisation_count": len({row[5] for row in interests}),
            "topic_rows": list(by_topic.values()), "region_rows": region_rows,
            "map": maps.choropleth(classes, {code: r.tr("name") for code, r in regions.items()}, regions=True,
                                   labels={1: _("Fewest proposals"), 4: _("Most proposals")}),
            "joint": joint, "workshop": workshop,
        }
    )  # fmt: skip
    return render(request, "jointprojects/dashboard.html", context)


# The workshop -----------------------------------------------------------------------------------------------


def _workshop(pk) -> Workshop:
    return get_object_or_404(Workshop.objects.select_related("track", "track__programme"), pk=pk)


def _track_proposal_call(workshop):
    return (
        Call.objects.filter(track=workshop.track_id, stage=Call.Stage.PROPOSAL).order_by("-opens_at").first()
    )


@require_http_methods(["GET", "POST"])
def workshop(request, pk):
    """The workshop for everyone: when and where, the programme once published, the tables, the presentations
    once published; registration for the signed-in people of organisations."""
    workshop = _workshop(pk)
    user = request.user
    memberships = _memberships(user)
    registration = (
        Registration.objects.filter(workshop=workshop, user=user).select_related("organisation").first()
        if user.is_authenticated
        else None
    )
    form = None
    if memberships and not user.is_ministry:
        initial = (
            {"organisation": registration.organisation.identifier, "name": registration.name,
             "email": registration.email, "remote": "online" if registration.remote else "venue",
             "dietary": registration.dietary, "accessibility": registration.accessibility,
             "listed": registration.listed}
            if registration else {"name": user.get_full_name() or "", "email": user.email}
        )  # fmt: skip
        form = RegistrationForm(
            request.POST if request.method == "POST" else None,
            organisations=organisation_choices(memberships), initial=initial,
        )  # fmt: skip
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            organisation = _organisation_for(request, form.cleaned_data["organisation"], memberships)
            try:
                services.register_for_workshop(workshop, organisation, by=user, data=form.cleaned_data)
            except services.Refused as exc:
                messages.error(request, _refusal_message(exc.code))
            else:
                messages.success(
                    request,
                    _("Your registration was saved.")
                    if registration
                    else _("You are registered for the workshop."),
                )
                return redirect("jointprojects:workshop", pk=workshop.pk)
    on_site = workshop.registrations.filter(remote=False).count()
    tables = list(workshop.tables.prefetch_related("proposals", "proposals__organisation"))
    show_proposals = user.is_authenticated and (bool(memberships) or user.is_ministry)
    for table in tables:
        table.rows = (
            [{"proposal": p, "title": p.answers.get("title") or ""} for p in table.proposals.all()
             if p.status in (Status.SUBMITTED, Status.COMPLETION_REQUESTED)
             and not set(NAMING_KEYS) & set(p.confidential_keys or [])]
            if show_proposals else []
        )  # fmt: skip
    published = workshop.presentations_published_at is not None
    return render(
        request,
        "jointprojects/workshop.html",
        {
            "workshop": workshop, "form": form, "registration": registration, "tables": tables,
            "presentations": list(workshop.presentations.all()) if published or can(user, "jointprojects.manage_workshop", workshop) else [],
            "presentations_published": published,
            "places_left": None if workshop.capacity is None else max(0, workshop.capacity - on_site),
            "registration_refusal": workshop.registration_refusal(),
            "may_manage": can(user, "jointprojects.manage_workshop", workshop),
            "show_proposals": show_proposals,
            "proposal_call": _track_proposal_call(workshop),
        },
    )  # fmt: skip


@login_required
@require_POST
def cancel_registration(request, pk):
    workshop = _workshop(pk)
    registration = Registration.objects.filter(workshop=workshop, user=request.user).first()
    if registration is None:
        raise Http404
    services.cancel_registration(registration, by=request.user)
    messages.success(request, _("Your registration was cancelled."))
    return redirect("jointprojects:workshop", pk=workshop.pk)


@login_required
def participants(request, pk):
    """The participant list: for those registered, the people who agreed to be listed; for officials everyone
    with their dietary and accessibility needs."""
    workshop = _workshop(pk)
    if not can(request.user, "jointprojects.view_workshop_participants", workshop):
        raise Http404
    official = request.user.is_ministry
    registrations = workshop.registrations.select_related("organisation")
    if not official:
        registrations = registrations.filter(listed=True)
    registrations = list(registrations.order_by("organisation__name_fi", "name"))
    return render(
        request,
        "jointprojects/participants.html",
        {
            "workshop": workshop, "registrations": registrations, "official": official,
            "needs": [r for r in registrations if r.dietary or r.accessibility] if official else [],
            "remote_count": sum(1 for r in registrations if r.remote),
        },
    )  # fmt: skip


def _require_manager(request, workshop):
    if not can(request.user, "jointprojects.manage_workshop", workshop):
        if request.user.is_authenticated and request.user.is_ministry:
            raise PermissionDenied
        raise Http404


@login_required
@require_http_methods(["GET", "POST"])
def manage_workshop(request, pk):
    workshop = _workshop(pk)
    _require_manager(request, workshop)
    form = WorkshopForm(request.POST if request.POST.get("action") == "save" else None, workshop=workshop)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "save" and form.is_valid():
                services.update_workshop(workshop, by=request.user, values=form.values())
                messages.success(request, _("The workshop was saved."))
                return redirect("jointprojects:manage_workshop", pk=workshop.pk)
            if action == "publish_programme":
                services.publish_programme(workshop, by=request.user)
                messages.success(
                    request, _("The programme was published. Everyone the workshop is for is told.")
                )
                return redirect("jointprojects:manage_workshop", pk=workshop.pk)
        except services.Refused as exc:
            messages.error(request, _refusal_message(exc.code))
    counts = workshop.registrations.aggregate(
        total=Count("pk"),
        remote=Count("pk", filter=Q(remote=True)),
        listed=Count("pk", filter=Q(listed=True)),
    )
    return render(
        request, "jointprojects/manage_workshop.html",
        {"workshop": workshop, "form": form, "counts": counts, "table_count": workshop.tables.count(),
         "presentation_count": workshop.presentations.count()},
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def tables(request, pk):
    """The workshop's tables: suggested from clusters of similar proposals, then edited and saved by officials
    (move proposals between tables, name the themes in three languages, add or drop tables)."""
    workshop = _workshop(pk)
    _require_manager(request, workshop)
    call = _track_proposal_call(workshop)
    if call is None:
        raise Http404
    labels_by_language = {}
    for language in ("fi", "sv", "en"):
        with translation.override(language):
            labels_by_language[language] = dict(services.topic_choices(call))
    topic_keys = [key for key in labels_by_language["fi"] if key != "other"]
    listed = {
        p.pk: p
        for p in matching.proposals_of(call)
        .select_related("organisation")
        .annotate(list_title=KT("answers__title"), list_topics=KeyTransform("topics", "answers"))
        .order_by("pk")
    }
    labels = _topic_labels(call)
    for p in listed.values():
        p.topic_labels = [labels.get(k, k) for k in p.list_topics or []]
    error = ""
    if request.method == "POST" and request.POST.get("action") == "save":
        count = _int(request.POST.get("table_count"), 0, 0, 60)
        rows = []
        for number in range(1, count + 1):
            rows.append({
                **{f"title_{lang}": request.POST.get(f"table-{number}-title_{lang}", "").strip() for lang in ("fi", "sv", "en")},
                "proposals": [],
            })  # fmt: skip
        for pk_, _p in listed.items():
            number = _int(request.POST.get(f"proposal-{pk_}"), 0, 0, count)
            if number:
                rows[number - 1]["proposals"].append(pk_)
        untitled = [n for n, row in enumerate(rows, start=1) if not row["title_fi"] or not row["title_sv"]]
        if untitled:
            error = _("Name every table in Finnish and Swedish (tables %(numbers)s).") % {
                "numbers": ", ".join(str(n) for n in untitled)
            }
            suggestion = rows
        else:
            services.save_tables(workshop, rows, by=request.user)
            messages.success(request, _("The tables were saved."))
            return redirect("jointprojects:tables", pk=workshop.pk)
    elif "suggest" in request.GET:
        count = _int(request.GET.get("count"), len(topic_keys), 1, 40)
        suggestion = [
            {
                **{f"title_{lang}": labels_by_language[lang].get(cluster["topic"], "") for lang in ("fi", "sv", "en")},
                "proposals": cluster["proposals"],
            }
            for cluster in matching.suggest_clusters(call, topic_keys, count)
        ]  # fmt: skip
        messages.info(request, _("These tables are a suggestion from similar proposals. Edit them and save."))
    elif request.method == "POST" and request.POST.get("action") == "add":
        suggestion = None
    else:
        suggestion = [
            {**{f"title_{lang}": getattr(t, f"title_{lang}") for lang in ("fi", "sv", "en")},
             "proposals": [p.pk for p in t.proposals.all()]}
            for t in workshop.tables.prefetch_related("proposals")
        ]  # fmt: skip
    if request.method == "POST" and request.POST.get("action") == "add":
        count = _int(request.POST.get("table_count"), 0, 0, 59)
        suggestion = [
            {
                **{f"title_{lang}": request.POST.get(f"table-{n}-title_{lang}", "") for lang in ("fi", "sv", "en")},
                "proposals": [pk_ for pk_ in listed if _int(request.POST.get(f"proposal-{pk_}"), 0, 0, count) == n],
            }
            for n in range(1, count + 1)
        ] + [{"title_fi": "", "title_sv": "", "title_en": "", "proposals": []}]  # fmt: skip
    seat = {}
    for number, row in enumerate(suggestion, start=1):
        row["number"] = number
        row["items"] = [listed[pk_] for pk_ in row["proposals"] if pk_ in listed]
        for pk_ in row["proposals"]:
            seat[pk_] = number
    for pk_, p in listed.items():
        p.table_number = seat.get(pk_, 0)
    unseated = [p for pk_, p in listed.items() if pk_ not in seat]
    return render(
        request, "jointprojects/tables.html",
        {"workshop": workshop, "tables": suggestion, "unseated": unseated, "error": error,
         "numbers": range(1, len(suggestion) + 1), "seat": seat, "call": call,
         "suggested_count": len(topic_keys)},
    )  # fmt: skip


def _int(raw, default: int, low: int, high: int) -> int:
    try:
        value = int(raw)
    except (TypeError, ValueError):
        return default
    return value if low <= value <= high else default


@login_required
@require_http_methods(["GET", "POST"])
def presentations(request, pk):
    workshop = _workshop(pk)
    _require_manager(request, workshop)
    form = PresentationForm()
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "upload":
            form = PresentationForm(request.POST, request.FILES)
            if form.is_valid():
                try:
                    services.add_presentation(
                        workshop, form.cleaned_data["file"], by=request.user,
                        titles={lang: form.cleaned_data[f"title_{lang}"] for lang in ("fi", "sv", "en")},
                    )  # fmt: skip
                except FileRefused as exc:
                    form.add_error("file", str(exc))
                else:
                    messages.success(request, _("The presentation was uploaded."))
                    return redirect("jointprojects:presentations", pk=workshop.pk)
        elif action == "remove":
            presentation = get_object_or_404(
                Presentation, pk=_int(request.POST.get("presentation"), 0, 1, 2**31), workshop=workshop
            )
            services.remove_presentation(presentation, by=request.user)
            messages.success(request, _("The presentation was removed."))
            return redirect("jointprojects:presentations", pk=workshop.pk)
        elif action == "publish":
            try:
                services.publish_presentations(workshop, by=request.user)
            except services.Refused as exc:
                messages.error(request, _refusal_message(exc.code))
            else:
                messages.success(
                    request, _("The presentations were published. Everyone the workshop is for is told.")
                )
                return redirect("jointprojects:presentations", pk=workshop.pk)
    return render(
        request, "jointprojects/presentations.html",
        {"workshop": workshop, "form": form, "presentations": list(workshop.presentations.all())},
    )  # fmt: skip


def presentation_download(request, pk, presentation_id):
    """A presentation: public once published; officials see it before."""
    workshop = _workshop(pk)
    presentation = get_object_or_404(Presentation, pk=presentation_id, workshop=workshop)
    if workshop.presentations_published_at is None and not can(
        request.user, "jointprojects.manage_workshop", workshop
    ):
        raise Http404
    try:
        handle = presentation.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    name = f"{presentation.tr('title')[:80]}.pdf".replace('"', "")
    response = FileResponse(handle, content_type="application/pdf", as_attachment=True, filename=name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
