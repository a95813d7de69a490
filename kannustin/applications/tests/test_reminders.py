"""Deadline reminders to draft owners (7 days and 1 day before the close, once each) and the scheduler that
runs them and the email delivery periodically, once per interval even when several servers run it."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext

from kannustin.accounts.roles import Role
from kannustin.applications.models import Reminder
from kannustin.applications.tasks import reminder_kind, send_deadline_reminders
from kannustin.core import clock, scheduler
from kannustin.core.formats import format_date, format_time
from kannustin.core.models import Notification, OutboundEmail

from .test_ministry import complete_call, submitted_application

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Attachments and PDF copies of these tests go to a temporary folder, not to media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def call(db):
    return complete_call(closes_in_days=20)


def reminder_subjects(call, language="fi") -> dict:
    """The subjects of the "7d" and "1d" reminders as the catalogue words them in the recipient's language
    (users are Finnish-speaking unless told otherwise)."""
    closes = clock.helsinki(call.closes_at)
    with translation.override(language):
        return {
            "7d": gettext("The call closes on %(date)s: your application is not yet submitted")
            % {"date": format_date(closes, language)},
            "1d": gettext("The call closes tomorrow at %(time)s: your application is not yet submitted")
            % {"time": format_time(closes, language)},
        }


def reminder_emails(call):
    subjects = reminder_subjects(call).values()
    return list(OutboundEmail.objects.filter(subject__in=subjects).order_by("pk"))


def test_reminders_7_days_and_1_day_before_once_each(call, helsinki):
    draft = submitted_application(call, helsinki, submit=False)
    closes = call.closes_at
    with time_machine.travel(closes - timedelta(days=8), tick=False):
        assert send_deadline_reminders() == 0
    with time_machine.travel(closes - timedelta(days=7) + timedelta(minutes=5), tick=False):
        assert send_deadline_reminders() == 1
        assert send_deadline_reminders() == 0  # again: nothing
    with time_machine.travel(closes - timedelta(days=3), tick=False):
        assert send_deadline_reminders() == 0
    with time_machine.travel(closes - timedelta(days=1) + timedelta(minutes=5), tick=False):
        assert send_deadline_reminders() == 1
        assert send_deadline_reminders() == 0
    with time_machine.travel(closes + timedelta(minutes=1), tick=False):
        assert send_deadline_reminders() == 0  # closed: no point any more
    assert sorted(Reminder.objects.filter(application=draft).values_list("kind", flat=True)) == ["1d", "7d"]

    first, second = reminder_emails(call)
    assert first.to == [draft.created_by.email] and second.to == [draft.created_by.email]
    subjects = reminder_subjects(call)
    assert first.subject == subjects["7d"] and second.subject == subjects["1d"]  # "… tomorrow at …"
    assert f"/applications/{draft.pk}/" in first.body
    assert Notification.objects.filter(user=draft.created_by).count() == 2


def test_reminder_lists_what_is_missing(call, helsinki, user_factory):
    from kannustin.applications import actions

    owner = user_factory(Role.APPLICANT, helsinki)
    draft = actions.create_draft(call, helsinki, by=owner)
    with time_machine.travel(call.closes_at - timedelta(days=6), tick=False):
        assert send_deadline_reminders() == 1
    [email] = reminder_emails(call)
    assert email.to == [owner.email]
    with translation.override(owner.language):  # the list is written in the recipient's language
        for missing in (
            gettext("Fill in the budget."),
            gettext("Add at least one contact person."),
            gettext("Complete the maturity self-assessment."),
        ):
            assert f"- {missing}" in email.body, missing
    # Finnish for a Finnish-speaking owner, not the English source text.
    assert "Fill in the budget." not in email.body
    assert Reminder.objects.get(application=draft).kind == "7d"


def test_only_drafts_of_active_owners_get_reminders(call, helsinki, reference_data):
    from kannustin.registry.models import Organisation

    submitted_application(call, helsinki)  # submitted: nothing to remind of
    draft = submitted_application(call, Organisation.objects.get(code="092"), submit=False)
    draft.created_by.is_active = False
    draft.created_by.save()
    with time_machine.travel(call.closes_at - timedelta(hours=12), tick=False):
        assert send_deadline_reminders() == 0
    assert not Reminder.objects.exists()


def test_a_late_draft_gets_one_reminder_at_a_time(call, helsinki):
    # Started two days before the close: the "7 days" reminder now, the "1 day" one later; never two at once.
    with time_machine.travel(call.closes_at - timedelta(days=2), tick=False):
        submitted_application(call, helsinki, submit=False)
        assert send_deadline_reminders() == 1
    with time_machine.travel(call.closes_at - timedelta(hours=3), tick=False):
        assert send_deadline_reminders() == 1
    assert [email.subject for email in reminder_emails(call)] == [
        reminder_subjects(call)["7d"],
        reminder_subjects(call)["1d"],
    ]


def test_reminder_kind_boundaries(call):
    closes = call.closes_at
    assert reminder_kind(closes, closes - timedelta(days=7, seconds=1)) is None
    assert reminder_kind(closes, closes - timedelta(days=7)) == "7d"
    assert reminder_kind(closes, closes - timedelta(days=1, seconds=1)) == "7d"
    assert reminder_kind(closes, closes - timedelta(days=1)) == "1d"
    assert reminder_kind(closes, closes) is None


# The scheduler ------------------------------------------------------------------------------------------


def test_jobs_are_registered():
    jobs = {job.name: job for job in scheduler.jobs()}
    assert jobs["core.send_due_email"].every == timedelta(minutes=1)
    assert jobs["applications.deadline_reminders"].every == timedelta(minutes=15)
    assert jobs["applications.make_missing_receipts"].every == timedelta(minutes=10)
    assert jobs["applications.expire_overdue_completions"].every == timedelta(minutes=1)


def test_each_job_runs_once_per_interval(monkeypatch):
    calls = []
    monkeypatch.setattr(scheduler, "_jobs", {})
    scheduler.register("a.minute", timedelta(minutes=1), lambda: calls.append("minute"))
    scheduler.register("a.quarter", timedelta(minutes=15), lambda: calls.append("quarter"))
    with time_machine.travel("2026-03-02 10:00:00 +0200", tick=False) as traveller:
        assert scheduler.run_due() == {"a.minute": "ran", "a.quarter": "ran"}
        assert scheduler.run_due() == {"a.minute": "not_due", "a.quarter": "not_due"}
        traveller.shift(timedelta(seconds=61))
        assert scheduler.run_due() == {"a.minute": "ran", "a.quarter": "not_due"}
        traveller.shift(timedelta(minutes=15))
        assert scheduler.run_due() == {"a.minute": "ran", "a.quarter": "ran"}
    assert calls == ["minute", "quarter", "minute", "minute", "quarter"]


def test_a_job_held_by_another_server_is_skipped(monkeypatch):
    calls = []
    monkeypatch.setattr(scheduler, "_jobs", {})
    scheduler.register("a.job", timedelta(minutes=1), lambda: calls.append(1))
    # Another server holds the job's lock right now.
    assert cache.add(scheduler.LOCK_KEY.format(name="a.job"), "other-server", 60)
    assert scheduler.run_due() == {"a.job": "locked"}
    assert calls == []
    # Our own run never releases a lock it does not own.
    assert cache.get(scheduler.LOCK_KEY.format(name="a.job")) == "other-server"
    cache.delete(scheduler.LOCK_KEY.format(name="a.job"))
    assert scheduler.run_due() == {"a.job": "ran"} and calls == [1]
    assert cache.get(scheduler.LOCK_KEY.format(name="a.job")) is None


def test_a_failing_job_does_not_stop_the_others(monkeypatch):
    calls = []
    monkeypatch.setattr(scheduler, "_jobs", {})

    def broken():
        raise RuntimeError("boom")

    scheduler.register("a.broken", timedelta(minutes=1), broken)
    scheduler.register("b.fine", timedelta(minutes=1), lambda: calls.append(1))
    assert scheduler.run_due() == {"a.broken": "failed", "b.fine": "ran"}
    # A failed job waits for its next turn instead of repeating at once.
    assert scheduler.run_due() == {"a.broken": "not_due", "b.fine": "not_due"}
    assert calls == [1]


def test_run_scheduler_once_delivers_due_email_and_sends_reminders(call, helsinki):
    draft = submitted_application(call, helsinki, submit=False)
    queued = OutboundEmail.objects.create(
        to=["a@example.com"], from_email="k@vm.fi", subject="Jonossa", body="b"
    )
    mail.outbox.clear()
    out = StringIO()
    with time_machine.travel(call.closes_at - timedelta(days=6), tick=False):
        call_command("run_scheduler", "--once", stdout=out)
    assert "core.send_due_email: ran" in out.getvalue()
    assert "applications.deadline_reminders: ran" in out.getvalue()
    queued.refresh_from_db()
    assert queued.status == OutboundEmail.Status.SENT and "Jonossa" in [m.subject for m in mail.outbox]
    assert Reminder.objects.filter(application=draft, kind="7d").exists()

    out = StringIO()
    call_command("run_scheduler", "--once", stdout=out)
    assert "not_due" in out.getvalue()
    out = StringIO()
    call_command("run_scheduler", "--once", "--job", "core.send_due_email", stdout=out)
    assert out.getvalue().strip() == "core.send_due_email: ran"
    out = StringIO()
    call_command("run_scheduler", "--list", stdout=out)
    assert "applications.deadline_reminders (every 900 s)" in out.getvalue()
