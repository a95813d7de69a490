from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail

from kannustin.core import audit, clock
from kannustin.core.mail import MAX_ATTEMPTS, backoff, deliver_due_now, deliver_email
from kannustin.core.models import AuditEvent, OutboundEmail

pytestmark = pytest.mark.django_db


def test_audit_event_is_append_only(user_factory):
    event = audit.record(None, "thing.done", changes={"a": 1}, object_type="x")
    event.action = "tampered"
    with pytest.raises(PermissionDenied):
        event.save()
    with pytest.raises(PermissionDenied):
        event.delete()
    assert AuditEvent.objects.get(pk=event.pk).action == "thing.done"


def test_audit_diff_lists_only_changed_fields():
    assert audit.diff({"a": 1, "b": 2}, {"a": 1, "b": 3, "c": 4}) == {
        "b": {"before": 2, "after": 3},
        "c": {"before": None, "after": 4},
    }


def test_email_is_stored_before_it_is_sent(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send_mail("Hei", "Viesti", None, ["a@example.com"])
    row = OutboundEmail.objects.get()
    assert row.status == OutboundEmail.Status.QUEUED and mail.outbox == []
    for callback in callbacks:
        callback()
    row.refresh_from_db()
    assert row.status == OutboundEmail.Status.SENT and row.attempts == 1
    assert [m.subject for m in mail.outbox] == ["Hei"]


def test_failing_mail_server_delays_but_loses_nothing(settings, django_capture_on_commit_callbacks):
    settings.OUTBOX_DELIVERY_BACKEND = "kannustin.core.tests.failing_backend.FailingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("Kuitti", "Viesti", None, ["a@example.com"])
    row = OutboundEmail.objects.get()
    assert row.status == OutboundEmail.Status.FAILED
    assert row.attempts == 1 and "refused" in row.last_error
    assert row.next_attempt_at > clock.now()

    # Not yet due: nothing is tried.
    assert deliver_due_now() == 0
    settings.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(clock.now() + timedelta(minutes=5)):
        assert deliver_due_now() == 1
    row.refresh_from_db()
    assert row.status == OutboundEmail.Status.SENT and row.attempts == 2
    assert len(mail.outbox) == 1


def test_gives_up_after_max_attempts(settings):
    settings.OUTBOX_DELIVERY_BACKEND = "kannustin.core.tests.failing_backend.FailingBackend"
    row = OutboundEmail.objects.create(
        to=["a@example.com"], from_email="x@example.com", subject="s", body="b"
    )
    for _ in range(MAX_ATTEMPTS):
        deliver_email.call(row.pk)
    row.refresh_from_db()
    assert row.status == OutboundEmail.Status.GAVE_UP and row.attempts == MAX_ATTEMPTS
    assert deliver_email.call(row.pk) == "skipped"


def test_backoff_grows_and_is_capped():
    assert [backoff(n).total_seconds() / 60 for n in (1, 2, 3, 4)] == [1, 2, 4, 8]
    assert backoff(30) == timedelta(hours=6)
