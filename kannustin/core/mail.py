"""Email through an outbox.

Django's EMAIL_BACKEND is `OutboxBackend`: anything that sends mail (allauth, our notifications) only writes
an `OutboundEmail` row in the caller's transaction. The `deliver_email` task sends it through
OUTBOX_DELIVERY_BACKEND after commit; a failing mail server delays mail, never loses it, and never fails the
user's action.
"""

import base64
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django_tasks import default_task_backend, task

from . import clock
from .models import OutboundEmail

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 8


def backoff(attempts: int) -> timedelta:
    """1, 2, 4, 8 … minutes, capped at six hours."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        count = 0
        for message in email_messages:
            html = ""
            for content, mimetype in getattr(message, "alternatives", []) or []:
                if mimetype == "text/html":
                    html = content
            attachments = []
            for attachment in message.attachments:
                if isinstance(attachment, tuple):
                    filename, content, mimetype = attachment
                    if isinstance(content, str):
                        content = content.encode()
                    attachments.append(
                        {
                            "filename": filename,
                            "mimetype": mimetype or "application/octet-stream",
                            "content": base64.b64encode(content).decode(),
                        }
                    )
            row = OutboundEmail.objects.create(
                to=list(message.to),
                cc=list(message.cc),
                reply_to=list(message.reply_to),
                from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
                subject=message.subject,
                body=message.body,
                html_body=html,
                attachments=attachments,
            )
            transaction.on_commit(lambda pk=row.pk: enqueue_delivery(pk))
            count += 1
        return count


def enqueue_delivery(pk: int, run_after=None):
    try:
        if run_after is not None and default_task_backend.supports_defer:
            deliver_email.using(run_after=run_after).enqueue(pk)
        elif run_after is None:
            deliver_email.enqueue(pk)
    except Exception:  # the row stays queued; `send_queued_email` picks it up
        logger.exception("Could not enqueue delivery of email %s", pk)


@task()
def deliver_email(pk: int) -> str:
    with transaction.atomic():
        email = OutboundEmail.objects.select_for_update().filter(pk=pk).first()
        if email is None or email.status in {OutboundEmail.Status.SENT, OutboundEmail.Status.GAVE_UP}:
            return "skipped"
        return _deliver(email)


def _deliver(email: OutboundEmail) -> str:
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body,
        from_email=email.from_email,
        to=email.to,
        cc=email.cc,
        reply_to=email.reply_to,
        connection=get_connection(settings.OUTBOX_DELIVERY_BACKEND),
    )
    if email.html_body:
        message.attach_alternative(email.html_body, "text/html")
    for attachment in email.attachments:
        message.attach(
            attachment["filename"], base64.b64decode(attachment["content"]), attachment["mimetype"]
        )
    email.attempts += 1
    try:
        message.send()
    except Exception as exc:  # any transport failure: keep the row and try again later
        email.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        if email.attempts >= MAX_ATTEMPTS:
            email.status = OutboundEmail.Status.GAVE_UP
            email.next_attempt_at = None
        else:
            email.status = OutboundEmail.Status.FAILED
            email.next_attempt_at = clock.now() + backoff(email.attempts)
            next_at = email.next_attempt_at
            transaction.on_commit(lambda: enqueue_delivery(email.pk, run_after=next_at))
        email.save(update_fields=["attempts", "status", "next_attempt_at", "last_error"])
        return email.status
    email.status = OutboundEmail.Status.SENT
    email.sent_at = clock.now()
    email.next_attempt_at = None
    email.last_error = ""
    email.save(update_fields=["attempts", "status", "next_attempt_at", "last_error", "sent_at"])
    return email.status


def send_due(now=None) -> int:
    """Deliver every queued or failed email whose time has come (also used by the `send_queued_email`
    command and after an outage of the worker)."""
    now = now or clock.now()
    due = OutboundEmail.objects.filter(
        status__in=[OutboundEmail.Status.QUEUED, OutboundEmail.Status.FAILED]
    ).exclude(next_attempt_at__gt=now)
    count = 0
    for pk in due.values_list("pk", flat=True):
        deliver_email.call(pk)
        count += 1
    return count
