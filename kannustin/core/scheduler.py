"""Periodic jobs: a small registry and the runner behind `manage.py run_scheduler`.

A job is a function called without arguments every `every`. Core registers its own jobs here; an app
registers its jobs in its `schedule` module, which the scheduler imports from every installed app (so core
imports no app):

    from kannustin.core import scheduler
    scheduler.register("applications.deadline_reminders", timedelta(minutes=15), send_deadline_reminders)

Several app servers may run the scheduler at once. Each run of a job takes a lock in the shared cache
(`cache.add` is atomic in Redis and in the database cache) and the time of the job's last run is kept there
too, so across all servers a job runs at most once per interval. A job must therefore be safe to run again:
if the cache is emptied every job simply runs once more (sending due email and the deadline reminders are
both idempotent).
"""

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.cache import cache
from django.utils.module_loading import autodiscover_modules

from . import clock

logger = logging.getLogger(__name__)

LOCK_KEY = "kannustin:scheduler:lock:{name}"
LAST_RUN_KEY = "kannustin:scheduler:last:{name}"


@dataclass(frozen=True)
class Job:
    name: str
    every: timedelta
    func: Callable[[], object]
    # How long a crashed runner may hold the lock before another server takes over.
    lock_timeout: timedelta

    def __str__(self):
        return f"{self.name} (every {int(self.every.total_seconds())} s)"


_jobs: dict[str, Job] = {}
_discovered = False


def register(
    name: str, every: timedelta, func: Callable[[], object], *, lock_timeout: timedelta | None = None
):
    """Add (or replace) a periodic job. Returns the function, so it can also be used as a plain call."""
    if every <= timedelta(0):
        raise ValueError("A job needs a positive interval.")
    _jobs[name] = Job(name, every, func, lock_timeout or max(every * 10, timedelta(minutes=10)))
    return func


def unregister(name: str) -> None:
    _jobs.pop(name, None)


def autodiscover() -> None:
    """Import every installed app's `schedule` module once; that is where apps register their jobs."""
    global _discovered
    if not _discovered:
        autodiscover_modules("schedule")
        _discovered = True


def jobs() -> list[Job]:
    autodiscover()
    return sorted(_jobs.values(), key=lambda job: job.name)


def last_run(job: Job) -> datetime | None:
    stamp = cache.get(LAST_RUN_KEY.format(name=job.name))
    return datetime.fromtimestamp(stamp, tz=clock.HELSINKI) if stamp is not None else None


def is_due(job: Job, now: datetime | None = None) -> bool:
    now = now or clock.now()
    previous = cache.get(LAST_RUN_KEY.format(name=job.name))
    return previous is None or now.timestamp() - previous >= job.every.total_seconds()


def run_job(job: Job, now: datetime | None = None, *, force: bool = False) -> str:
    """Run the job if it is due and no other runner holds it. Returns 'ran', 'failed', 'not_due' or 'locked'."""
    now = now or clock.now()
    lock_key = LOCK_KEY.format(name=job.name)
    token = uuid.uuid4().hex
    if not cache.add(lock_key, token, timeout=int(job.lock_timeout.total_seconds())):
        return "locked"
    try:
        # Checked under the lock: another server may have run the job while this one waited.
        if not force and not is_due(job, now):
            return "not_due"
        # Stamped before running, so a job that fails waits for its next turn instead of repeating at once.
        cache.set(LAST_RUN_KEY.format(name=job.name), now.timestamp(), timeout=None)
        try:
            result = job.func()
        except Exception:
            logger.exception("Scheduled job %s failed", job.name)
            return "failed"
        logger.info("Scheduled job %s ran: %s", job.name, result)
        return "ran"
    finally:
        # Release only our own lock (one that timed out may since belong to another runner).
        if cache.get(lock_key) == token:
            cache.delete(lock_key)


def run_due(now: datetime | None = None) -> dict[str, str]:
    """Run every job that is due; one failing job does not stop the others."""
    now = now or clock.now()
    return {job.name: run_job(job, now) for job in jobs()}


def seconds_until_next(now: datetime | None = None) -> float:
    """How long until the next job is due (0 when one is due now); at most a minute."""
    now = now or clock.now()
    waits = [60.0]
    for job in jobs():
        previous = cache.get(LAST_RUN_KEY.format(name=job.name))
        if previous is None:
            return 0.0
        waits.append(max(0.0, previous + job.every.total_seconds() - now.timestamp()))
    return min(waits)


def serve(should_stop: Callable[[], bool], *, max_sleep: float = 15.0, report=None, sleep=None) -> None:
    """The loop of `manage.py run_scheduler`: run what is due, sleep, repeat until `should_stop()`.

    It lives for ever, so it must outlive the database: a lost connection, a restart or a failover makes a
    job (or the loop's own bookkeeping in the cache) raise; the loop logs it, drops the broken connections,
    waits a little longer each time (1 s doubling to a minute) and goes on."""
    from django.db import DatabaseError, close_old_connections, connections

    sleep = sleep or (lambda seconds: _sleep_unless(should_stop, seconds))
    failures = 0
    while not should_stop():
        try:
            close_old_connections()  # a process that lives for ever must not keep a broken connection
            results = run_due()
            if report:
                report(results)
            close_old_connections()
            wait = min(max_sleep, max(seconds_until_next(), 1.0))
            failures = 0
        except DatabaseError:
            failures += 1
            wait = min(2 ** (failures - 1), 60)
            logger.exception("The scheduler lost the database; trying again in %s s", wait)
            for connection in connections.all():
                connection.close()  # the next query opens a fresh one
        sleep(wait)


def _sleep_unless(should_stop: Callable[[], bool], seconds: float) -> None:
    """Sleep in short steps, so that a stop signal is obeyed within a second."""
    import time

    deadline = time.monotonic() + seconds
    while not should_stop() and time.monotonic() < deadline:
        time.sleep(min(1.0, max(deadline - time.monotonic(), 0.0)))


def _enqueue_due_email():
    from .mail import enqueue_due

    return enqueue_due()


def requeue_stuck_tasks(now: datetime | None = None) -> int:
    """Tasks still RUNNING long after they started belong to a worker that died (killed, out of memory, the
    machine restarted): put them back in the queue. Every task is idempotent, so one that was only slow and
    runs twice does no harm."""
    from django.conf import settings
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    now = now or clock.now()
    cutoff = now - timedelta(seconds=settings.TASK_RUNNING_TIMEOUT_SECONDS)
    stuck = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=cutoff)
    count = stuck.update(status=TaskResultStatus.READY)
    if count:
        logger.warning("Requeued %s tasks whose worker stopped while running them", count)
    return count


register("core.send_due_email", timedelta(minutes=1), _enqueue_due_email)
register("core.requeue_stuck_tasks", timedelta(minutes=1), requeue_stuck_tasks)
