"""Background work of decisions: the PDF of a sent decision and the email that tells its recipients."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django_tasks import task

from kannustin.applications.models import Participant
from kannustin.core import clock, notify

from .documents import decision_pdf, filename
from .models import Decision

logger = logging.getLogger(__name__)
DELIVERY_SWEEP_AFTER = timedelta(minutes=10)


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
    """Make and keep the PDF of a sent decision and tell the applicant's people. Safe to run again (a worker
    killed half-way, the scheduler's sweep): the notifications are written in the transaction that stamps
    `delivered_at`, so they are written once."""
    decision = Decision.objects.select_related(
        "application", "application__call", "application__call__programme", "application__organisation",
        "template", "presenter", "decision_maker", "rectification__decision",
    ).get(pk=pk)  # fmt: skip
    if decision.state != Decision.State.SENT or decision.delivered_at is not None:
        return "not sent" if decision.state != Decision.State.SENT else "already told"
    # Rendered before the transaction: a fraction of a second of work must not hold a lock.
    try:
        stored_pdf(decision)
    except Exception:
        logger.exception("Could not make the PDF of decision %s", pk)
    path = reverse("decisions:decision", args=[decision.pk])
    with transaction.atomic():
        locked = Decision.objects.select_for_update().get(pk=pk)
        if locked.delivered_at is not None:
            return "already told"
        notify.notify_users(
            _recipients(decision), "decision_sent",
            {"decision": decision, "application": decision.application, "url": settings.SITE_URL + path},
            url=path, matter_language=decision.language,
        )  # fmt: skip
        locked.delivered_at = clock.now()
        locked.save(update_fields=["delivered_at"])
    return decision.number or ""


def deliver_missing(now=None) -> int:
    """Queue every sent decision whose recipients should have been told by now."""
    now = now or clock.now()
    pending = Decision.objects.filter(
        state=Decision.State.SENT, delivered_at__isnull=True, sent_at__lte=now - DELIVERY_SWEEP_AFTER
    )
    count = 0
    for pk in pending.order_by("pk").values_list("pk", flat=True)[:500]:
        deliver_decision.enqueue(pk)
        count += 1
    return count
