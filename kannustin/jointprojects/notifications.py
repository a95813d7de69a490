"""Track 2's notices, each in its recipient's language (`core.notify`): interest registered in a proposal, a
partner accepted, the workshop's programme or presentations published. Invitations to confirm participation
and confirmations are the applications' own (`applications.notifications`)."""

from django.conf import settings
from django.urls import reverse
from django_tasks import task

from kannustin.accounts.models import User
from kannustin.applications.models import Status
from kannustin.core import notify
from kannustin.programmes.models import Workshop

from .models import Interest, Registration


def _members(organisation_ids) -> list:
    return list(
        User.objects.filter(memberships__organisation_id__in=organisation_ids, is_active=True)
        .distinct()
        .order_by("email")
    )


def _interest(interest_id: int) -> Interest:
    return Interest.objects.select_related(
        "proposal", "proposal__organisation", "proposal__call", "organisation"
    ).get(pk=interest_id)


def interest_registered(interest_id: int) -> None:
    """The proposal's people are told who wants to join."""
    interest = _interest(interest_id)
    proposal = interest.proposal
    path = reverse("jointprojects:proposal", args=[proposal.pk])
    notify.notify_users(_members([proposal.organisation_id]), "interest_registered",
                        {"proposal": proposal, "interest": interest, "url": settings.SITE_URL + path},
                        url=path, matter_language=proposal.language)  # fmt: skip


def partner_accepted(interest_id: int) -> None:
    """The interested organisation's people are told that the proposer accepted it as a partner."""
    interest = _interest(interest_id)
    proposal = interest.proposal
    path = reverse("jointprojects:proposal", args=[proposal.pk])
    notify.notify_users(_members([interest.organisation_id]), "partner_accepted",
                        {"proposal": proposal, "interest": interest, "url": settings.SITE_URL + path},
                        url=path, matter_language=proposal.language)  # fmt: skip


def workshop_audience(workshop: Workshop) -> list:
    """Everyone the workshop is for: those registered for it, and the people of every organisation that made a
    proposal in the track or registered interest."""
    from kannustin.applications.models import Application

    organisation_ids = set(
        Application.objects.filter(call__track=workshop.track_id, call__stage="proposal")
        .exclude(status__in=[Status.DRAFT, Status.WITHDRAWN])
        .values_list("organisation_id", flat=True)
    ) | set(Interest.objects.filter(call__track=workshop.track_id).values_list("organisation_id", flat=True))
    users = {user.pk: user for user in _members(organisation_ids)}
    for registration in Registration.objects.filter(workshop=workshop).select_related("user"):
        users.setdefault(registration.user_id, registration.user)
    return sorted(users.values(), key=lambda user: user.email)


@task()
def workshop_published_task(workshop_id: int, what: str, first_time: bool) -> int:
    workshop = Workshop.objects.select_related("track").get(pk=workshop_id)
    path = reverse("jointprojects:workshop", args=[workshop.pk])
    users = workshop_audience(workshop)
    notify.notify_users(users, f"workshop_{what}_published",
                        {"workshop": workshop, "first_time": first_time, "url": settings.SITE_URL + path},
                        url=path)  # fmt: skip
    return len(users)


def workshop_published(workshop_id: int, what: str, first_time: bool) -> None:
    workshop_published_task.enqueue(workshop_id, what, first_time)
