"""Email through an outbox.

Django's EMAIL_BACKEND is `OutboxBackend`: anything that sends mail (allauth, our notifications) only writes
an `OutboundEmail` row in the caller's transaction. The `deliver_email` task (queue "email") sends it through
OUTBOX_DELIVERY_BACKEND after commit; a failing mail server delays mail, never loses it, and never fails the
user's action.

Delivery claims the row in a short transaction and talks to the mail server outside any transaction, with
EMAIL_TIMEOUT on the connection: a mail server that never answers holds neither a database lock nor a worker
for long. A worker that dies while sending leaves the row SENDING with an expired lease; the scheduler's
sweep (`enqueue_due`) queues it again.

Messages that carry a personal secret (sign-in, password-reset and confirmation links: every message of the
authentication library) are marked `sensitive`: officials never see their text, and the text is removed from
the outbox once delivered or given up.
"""

import base64
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import Q
from django_tasks import default_task_backend, task

from . import clock
from .models import OutboundEmail

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 8
# A header that marks a message as carrying a personal secret; it is read by the outbox and never sent.
SENSITIVE_HEADER = "X-Kannustin-Sensitive"
REDACTED_BODY = "[Removed from the outbox after delivery: the message carried a personal sign-in link.]"
# The sweep leaves alone what the worker should be handling right now.
SWEEP_GRACE = timedelta(minutes=2)
SWEEP_LEASE = timedelta(minutes=5)


def backoff(attempts: int) -> timedelta:
    """1, 2, 4, 8 … minutes, capped at six hours."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))


def sending_lease() -> timedelta:
    """How long a delivery may take before the row counts as abandoned by a dead worker."""
    return timedelta(seconds=3 * (getattr(settings, "EMAIL_TIMEOUT", None) or 10) + 60)


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
            headers = dict(message.extra_headers or {})
            sensitive = bool(headers.pop(SENSITIVE_HEADER, None))
            row = OutboundEmail.objects.create(
                to=list(message.to),
                cc=list(message.cc),
                reply_to=list(message.reply_to),
                from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
                subject=message.subject,
                body=message.body,
                html_body=html,
                attachments=attachments,
                sensitive=sensitive,
            )
            transaction.on_commit(lambda pk=row.pk: enqueue_delivery(pk))
            count += 1
        return count


def enqueue_delivery(pk: int, run_after=None) -> bool:
    try:
        if run_after is not None and default_task_backend.supports_defer:
            deliver_email.using(run_after=run_after).enqueue(pk)
        elif run_after is None:
            deliver_email.enqueue(pk)
    except Exception:  # the row stays queued; the scheduler's sweep picks it up
        logger.exception("Could not enqueue delivery of email %s", pk)
        return False
    return True


@task(queue_name="email")
def deliver_email(pk: int) -> str:
    """Send one outbox row. Safe to run twice: a row that is sent, given up, or being sent by a live worker
    is skipped."""
    email = _claim(pk)
    if email is None:
        return "skipped"
    return _deliver(email)


def _claim(pk: int) -> OutboundEmail | None:
    now = clock.now()
    with transaction.atomic():
        email = OutboundEmail.objects.select_for_update().filter(pk=pk).first()
        if email is None or email.status in {OutboundEmail.Status.SENT, OutboundEmail.Status.GAVE_UP}:
            return None
        if email.status == OutboundEmail.Status.SENDING and email.next_attempt_at > now:
            return None  # another worker is on it
        email.status = OutboundEmail.Status.SENDING
        email.attempts += 1
        email.next_attempt_at = now + sending_lease()
        email.save(update_fields=["status", "attempts", "next_attempt_at"])
    return email


def _message(email: OutboundEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body,
        from_email=email.from_email,
        to=email.to,
        cc=email.cc,
        reply_to=email.reply_to,
        connection=get_connection(settings.OUTBOX_DELIVERY_BACKEND, timeout=settings.EMAIL_TIMEOUT),
    )
    if email.html_body:
        message.attach_alternative(email.html_body, "text/html")
    for attachment in email.attachments:
        message.attach(
            attachment["filename"], base64.b64decode(attachment["content"]), attachment["mimetype"]
        )
    return message


def _deliver(email: OutboundEmail) -> str:
    """Talk to the mail server (no transaction open), then record the outcome."""
    try:
        _message(email).send()
    except Exception as exc:  # any transport failure: keep the row and try again later
        email.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        if email.attempts >= MAX_ATTEMPTS:
            email.status = OutboundEmail.Status.GAVE_UP
            email.next_attempt_at = None
        else:
            email.status = OutboundEmail.Status.FAILED
            email.next_attempt_at = clock.now() + backoff(email.attempts)
        fields = ["status", "next_attempt_at", "last_error"]
        fields += _redact_if_done(email)
        email.save(update_fields=fields)
        if email.status == OutboundEmail.Status.FAILED:
            enqueue_delivery(email.pk, run_after=email.next_attempt_at)
        return email.status
    email.status = OutboundEmail.Status.SENT
    email.sent_at = clock.now()
    email.next_attempt_at = None
    email.last_error = ""
    fields = ["status", "next_attempt_at", "last_error", "sent_at"]
    fields += _redact_if_done(email)
    email.save(update_fields=fields)
    return email.status


def _redact_if_done(email: OutboundEmail) -> list[str]:
    """A personal link stays in the outbox only while it may still have to be delivered."""
    if not email.sensitive or email.status not in {OutboundEmail.Status.SENT, OutboundEmail.Status.GAVE_UP}:
        return []
    email.body = REDACTED_BODY
    email.html_body = ""
    return ["body", "html_body"]


def due(now=None):
    """Rows the worker should have delivered by now but has not: queued or failed and past their time, or
    abandoned mid-delivery by a worker that died."""
    now = now or clock.now()
    late = now - SWEEP_GRACE
    return OutboundEmail.objects.filter(
        Q(status=OutboundEmail.Status.QUEUED, next_attempt_at__isnull=True, created_at__lte=late)
        | Q(
            status__in=[
                OutboundEmail.Status.QUEUED,
                OutboundEmail.Status.FAILED,
                OutboundEmail.Status.SENDING,
            ],
            next_attempt_at__lte=late,
        )
    )


def enqueue_due(now=None) -> int:
    """The scheduler's safety net: put every overdue row back in the queue. It only enqueues (a silent mail
    server delays nothing here) and leases each row for a few minutes so that it is not queued twice."""
    now = now or clock.now()
    pks = list(due(now).values_list("pk", flat=True)[:1000])
    OutboundEmail.objects.filter(pk__in=pks, status=OutboundEmail.Status.SENDING).update(
        status=OutboundEmail.Status.FAILED, last_error="The worker stopped while sending; trying again."
    )
    OutboundEmail.objects.filter(pk__in=pks).update(next_attempt_at=now + SWEEP_LEASE)
    return sum(enqueue_delivery(pk) for pk in pks)


def retry_now(email: OutboundEmail) -> None:
    """An official's "Try again now": the row becomes due at once and is queued; the page does not wait for
    the mail server."""
    OutboundEmail.objects.filter(pk=email.pk).exclude(status=OutboundEmail.Status.SENT).update(
        status=OutboundEmail.Status.FAILED, next_attempt_at=clock.now()
    )
    transaction.on_commit(lambda: enqueue_delivery(email.pk))


def deliver_due_now(now=None) -> int:
    """Deliver every overdue row in this process (`manage.py send_queued_email`, for operators)."""
    now = now or clock.now()
    count = 0
    for pk in list(due(now + SWEEP_GRACE).values_list("pk", flat=True)):
        deliver_email.call(pk)
        count += 1
    return count
