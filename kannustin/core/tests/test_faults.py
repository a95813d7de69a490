"""Faults are normal: a mail server that never answers, a database that goes away under the scheduler and the
worker, a worker killed in the middle of a task. Each is simulated for real here (a socket, a closed
connection, a task row left RUNNING)."""

import socket
import threading
import time
from datetime import timedelta

import pytest
from django.core.mail import send_mail
from django.db import OperationalError, connection
from django.urls import reverse
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from kannustin.core import clock, scheduler
from kannustin.core.mail import deliver_email, enqueue_due
from kannustin.core.management.commands.run_worker import ResilientWorker
from kannustin.core.models import OutboundEmail

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}}


@pytest.fixture
def silent_smtp():
    """A mail server that accepts connections and never says a word."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    accepted = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _addr = server.accept()
                accepted.append(conn)
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join(timeout=2)
    for conn in accepted:
        conn.close()
    server.close()


@pytest.fixture
def smtp_to(settings):
    def configure(port):
        settings.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = port
        settings.EMAIL_TIMEOUT = 1

    return configure


@pytest.mark.django_db
def test_a_silent_mail_server_costs_one_timeout_and_the_message_waits_for_a_retry(silent_smtp, smtp_to):
    smtp_to(silent_smtp)
    row = OutboundEmail.objects.create(
        to=["a@example.com"], from_email="x@example.com", subject="s", body="b"
    )

    started = time.monotonic()
    outcome = deliver_email.call(row.pk)
    elapsed = time.monotonic() - started

    assert outcome == OutboundEmail.Status.FAILED
    assert elapsed < 5, f"delivery hung for {elapsed:.1f} s"
    row.refresh_from_db()
    assert row.attempts == 1 and "timed out" in row.last_error.lower()
    assert row.next_attempt_at > clock.now()


@pytest.mark.django_db
def test_the_scheduler_only_queues_overdue_email_so_a_silent_server_delays_nothing(
    silent_smtp, smtp_to, settings
):
    smtp_to(silent_smtp)
    settings.TASKS = DB_TASKS
    old = clock.now() - timedelta(minutes=10)
    rows = [
        OutboundEmail.objects.create(
            to=[f"{i}@example.com"], from_email="x@example.com", subject="s", body="b"
        )
        for i in range(5)
    ]
    OutboundEmail.objects.filter(pk__in=[r.pk for r in rows]).update(created_at=old)

    started = time.monotonic()
    queued = enqueue_due()
    elapsed = time.monotonic() - started

    assert queued == 5 and elapsed < 1
    assert DBTaskResult.objects.filter(queue_name="email", status=TaskResultStatus.READY).count() == 5
    # Leased: the next sweep a minute later does not queue them again.
    assert enqueue_due(clock.now() + timedelta(minutes=1)) == 0


@pytest.mark.django_db
def test_try_again_now_returns_at_once_and_only_queues(
    client, user_factory, silent_smtp, smtp_to, settings, django_capture_on_commit_callbacks
):
    smtp_to(silent_smtp)
    settings.TASKS = DB_TASKS
    row = OutboundEmail.objects.create(
        to=["a@example.com"], from_email="x@example.com", subject="s", body="b", status="failed", attempts=1
    )
    client.force_login(user_factory("official"))

    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("applications:outbox"), {"email": row.pk})
    elapsed = time.monotonic() - started

    assert response.status_code == 302 and elapsed < 1
    row.refresh_from_db()
    assert row.status == OutboundEmail.Status.FAILED and row.attempts == 1  # not tried in the request
    assert DBTaskResult.objects.filter(queue_name="email", status=TaskResultStatus.READY).count() == 1


@pytest.mark.django_db
def test_a_delivery_abandoned_by_a_dead_worker_is_taken_up_again(settings):
    from django.core import mail

    row = OutboundEmail.objects.create(
        to=["a@example.com"], from_email="x@example.com", subject="s", body="b"
    )
    # A worker claimed it: while its lease runs, a second delivery keeps off.
    OutboundEmail.objects.filter(pk=row.pk).update(
        status=OutboundEmail.Status.SENDING, attempts=1, next_attempt_at=clock.now() + timedelta(minutes=1)
    )
    assert deliver_email.call(row.pk) == "skipped" and mail.outbox == []
    # The worker died: the lease runs out and the sweep hands the message to another worker.
    OutboundEmail.objects.filter(pk=row.pk).update(next_attempt_at=clock.now() - timedelta(minutes=10))
    assert enqueue_due() == 1
    row.refresh_from_db()
    assert row.status == OutboundEmail.Status.SENT and len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_sign_in_link_never_shows_in_the_outbox(
    client, user_factory, helsinki, django_capture_on_commit_callbacks
):
    user = user_factory("applicant", helsinki)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(reverse("account_reset_password"), {"email": user.email})
    row = OutboundEmail.objects.get(to=[user.email])
    assert row.sensitive and "/accounts/password/reset/key/" in row.body

    admin = user_factory("admin")
    client.force_login(admin)
    page = client.get(reverse("admin:core_outboundemail_change", args=[row.pk])).content.decode()
    assert "/accounts/password/reset/key/" not in page

    for callback in callbacks:
        callback()
    row.refresh_from_db()
    assert row.status == OutboundEmail.Status.SENT
    assert "/accounts/password/reset/key/" not in row.body and "reset" not in row.html_body


@pytest.mark.django_db
def test_ordinary_mail_keeps_its_text(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("Kuitti", "Hakemus saapui.", None, ["a@example.com"])
    row = OutboundEmail.objects.get()
    assert row.status == OutboundEmail.Status.SENT and not row.sensitive and row.body == "Hakemus saapui."


class LoseTheDatabase:
    """A database that goes away for the next `times` queries: each raises OperationalError and closes the
    real connection under the caller, as a server restart does."""

    def __init__(self, times=1):
        self.times = times

    def __call__(self, execute, sql, params, many, context):
        if self.times > 0:
            self.times -= 1
            connection.close()
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)


@pytest.mark.django_db(transaction=True)
def test_the_scheduler_survives_a_database_restart(settings, caplog):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "kannustin_cache"}
    }
    from django.core.management import call_command

    call_command("createcachetable", verbosity=0)
    ran = []
    scheduler.register("test.probe", timedelta(seconds=1), lambda: ran.append(1))
    loops = iter(range(4))
    try:
        with connection.execute_wrapper(LoseTheDatabase(times=2)):
            scheduler.serve(lambda: next(loops, None) is None, max_sleep=0.01, sleep=lambda s: None)
    finally:
        scheduler.unregister("test.probe")
    lost = [r for r in caplog.records if "lost the database" in r.getMessage()]
    assert len(lost) == 2, "both failures were met and logged"
    assert ran, "the job ran once the database was back"


@pytest.mark.django_db(transaction=True)
def test_the_worker_survives_a_database_restart_and_runs_the_task(settings):
    from django.core import mail

    settings.TASKS = DB_TASKS
    row = OutboundEmail.objects.create(
        to=["a@example.com"], from_email="x@example.com", subject="s", body="b"
    )
    deliver_email.enqueue(row.pk)
    worker = ResilientWorker(
        queue_names=["*"], interval=0, batch=True, backend_name="default", startup_delay=False,
        max_tasks=None, worker_id="test", excluded_queue_names=[], sleep=lambda s: None,
    )  # fmt: skip

    with connection.execute_wrapper(LoseTheDatabase(times=1)):
        worker.run()

    assert worker.database_errors == 1
    row.refresh_from_db()
    assert row.status == OutboundEmail.Status.SENT and len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_task_left_running_by_a_killed_worker_is_requeued(settings):
    settings.TASKS = DB_TASKS
    result = deliver_email.enqueue(1)
    started = clock.now() - timedelta(seconds=settings.TASK_RUNNING_TIMEOUT_SECONDS + 60)
    DBTaskResult.objects.filter(pk=result.id).update(status=TaskResultStatus.RUNNING, started_at=started)
    fresh = deliver_email.enqueue(2)
    DBTaskResult.objects.filter(pk=fresh.id).update(status=TaskResultStatus.RUNNING, started_at=clock.now())

    assert scheduler.requeue_stuck_tasks() == 1

    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.READY
    assert DBTaskResult.objects.get(pk=fresh.id).status == TaskResultStatus.RUNNING
