"""Track 2 on pages of other apps without their code importing this app: the panel on the applicant's
dashboard and the track's figures on the public programme page."""

from django import template
from django.db.models import Count, Q

from kannustin.applications.models import Application, Status
from kannustin.programmes.models import Call

from ..models import Interest

register = template.Library()

SUBMITTED = [Status.SUBMITTED, Status.COMPLETION_REQUESTED]


@register.inclusion_tag("jointprojects/_panel.html", takes_context=True)
def joint_projects_panel(context):
    """The user's organisations in track 2: expressions of interest waiting for an answer in their proposals,
    their own interests and acceptances. Two queries."""
    user = context["request"].user
    organisation_ids = list(user.membership_roles) if user.is_authenticated else []
    if not organisation_ids:
        return {"show": False}
    waiting = Interest.objects.filter(
        proposal__organisation_id__in=organisation_ids, kind=Interest.Kind.PARTNER, accepted_at__isnull=True
    ).count()
    own = Interest.objects.filter(organisation_id__in=organisation_ids).aggregate(
        total=Count("pk"), accepted=Count("pk", filter=Q(accepted_at__isnull=False))
    )
    return {"show": True, "waiting": waiting, "own": own["total"], "accepted": own["accepted"]}


@register.inclusion_tag("jointprojects/_figures.html")
def track_two_figures(track):
    """The track's figures from the data: proposals submitted, expressions of interest, the workshop and the
    joint applications of stage 2."""
    calls = list(Call.objects.filter(track=track).values("pk", "stage"))
    proposal_calls = [c["pk"] for c in calls if c["stage"] == Call.Stage.PROPOSAL]
    joint_calls = [c["pk"] for c in calls if c["stage"] == Call.Stage.JOINT_APPLICATION]
    counts = Application.objects.filter(
        call__in=proposal_calls + joint_calls, status__in=SUBMITTED
    ).aggregate(
        proposals=Count("pk", filter=Q(call__in=proposal_calls)),
        joint=Count("pk", filter=Q(call__in=joint_calls)),
    )
    interests = Interest.objects.filter(call__in=proposal_calls).aggregate(
        total=Count("pk"), organisations=Count("organisation", distinct=True)
    )
    workshop = (
        track.workshops.annotate(
            table_count=Count("tables", distinct=True),
            registration_count=Count("registrations", distinct=True),
        )
        .order_by("-starts_at")
        .first()
    )
    return {
        "proposals": counts["proposals"], "joint": counts["joint"], "interests": interests["total"],
        "interested": interests["organisations"], "workshop": workshop,
    }  # fmt: skip
