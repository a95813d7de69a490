"""What the scheduler runs for applications (`manage.py run_scheduler` imports this module of every app)."""

from datetime import timedelta

from kannustin.core import scheduler

from .actions import expire_overdue_completions
from .tasks import make_missing_receipts, send_deadline_reminders

scheduler.register("applications.deadline_reminders", timedelta(minutes=15), send_deadline_reminders)
scheduler.register("applications.make_missing_receipts", timedelta(minutes=10), make_missing_receipts)
# A completion request closes at its due time; the applicant and the official are told within a minute.
scheduler.register(
    "applications.expire_overdue_completions", timedelta(minutes=1), expire_overdue_completions
)
