"""Background work of decisions: the PDF of a sent decision and the email that tells its recipients."""

import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django_tasks import task

from kannustin.applications.models import Participant
from kannustin.core import notify

from .documents import decision_pdf, filename
from .models import Decision

logger = logging.getLogger(__name__)


def enqueue_delivery(pk: int) -> None:
    deliver_decision.enqueue(pk)


def stored_pdf(decision: Decision) -> bytes:
    """The decision's PDF: made once when it is sent and kept; made again only if the file is missing."""
    if decision.pdf:
        try:
            with decision.pdf.open("rb") as handle:
                return handle.read()
        except (FileNotFoundError, OSError):
            pass
    content = decision_pdf(decision)
    if decision.state == Decision.State.SENT:
        decision.pdf.save(filename(decision), ContentFile(content), save=False)
        Decision.objects.filter(pk=decision.pk).update(pdf=decision.pdf.name)
    return content


def _recipients(decision: Decision):
    """The people of every participating organisation (lead and partners that have not declined)."""
    from django.contrib.auth import get_user_model

    organisations = Participant.objects.filter(
        application=decision.application, declined_at__isnull=True
    ).values("organisation_id")
    return (
        get_user_model()
        .objects.filter(memberships__organisation_id__in=organisations, is_active=True)
        .distinct()
    )


@task()
def deliver_decision(pk: int) -> str:
    """Make and keep the PDF of a sent decision and tell the applicant's people. Safe to run again: the
    notification is written once (`notified` in the audit of the decision is not needed: the PDF's presence
    and the notification's url mark it)."""
    from kannustin.core.models import Notification

    decision = Decision.objects.select_related(
        "application", "application__call", "application__call__programme", "application__organisation",
        "template", "presenter", "decision_maker", "rectification__decision",
    ).get(pk=pk)  # fmt: skip
    if decision.state != Decision.State.SENT:
        return "not sent"
    try:
        stored_pdf(decision)
    except Exception:
        logger.exception("Could not make the PDF of decision %s", pk)
    path = reverse("decisions:decision", args=[decision.pk])
    with transaction.atomic():
        if Notification.objects.filter(url=path).exists():
            return "already told"
        notify.notify_users(
            _recipients(decision), "decision_sent",
            {"decision": decision, "application": decision.application, "url": settings.SITE_URL + path},
            url=path, matter_language=decision.language,
        )  # fmt: skip
    return decision.number or ""
