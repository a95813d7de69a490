"""The background worker: django-tasks-db's `db_worker`, made to outlive the database.

`db_worker` ends with an unhandled OperationalError when the database restarts or a connection breaks; this
command runs the same worker and, on a database error, logs it, drops the broken connections, waits (1 s
doubling to a minute) and goes on. A task that was running when the database went away stays RUNNING; the
scheduler's `core.requeue_stuck_tasks` puts it back in the queue. `make serve` runs this command (one worker
for the default queue, one for email) under supervision, which restarts it if it dies anyway.
"""

import logging
import time

from django.db import DatabaseError, connections
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger("kannustin.worker")


class ResilientWorker(db_worker.Worker):
    max_backoff = 60.0

    def __init__(self, *args, sleep=time.sleep, **kwargs):
        super().__init__(*args, **kwargs)
        self._sleep = sleep
        self.database_errors = 0

    def run(self) -> None:
        failures = 0
        while self.running:
            try:
                super().run()
                return  # --batch or --max-tasks finished normally
            except DatabaseError:
                failures += 1
                self.database_errors += 1
                wait = min(2.0 ** (failures - 1), self.max_backoff)
                logger.exception("The worker lost the database; trying again in %s s", wait)
                for connection in connections.all():
                    connection.close()
                self._sleep(wait)


class Command(db_worker.Command):
    help = (
        "Run the background worker (django-tasks-db's db_worker) so that it survives database restarts. "
        "Takes the same options as db_worker, e.g. --queue-name email."
    )

    def handle(self, *, verbosity, queue_name, interval, batch, backend_name, startup_delay, reload,
               max_tasks, worker_id, exclude_queues, **options):  # fmt: skip
        self.configure_logging(verbosity)
        worker = ResilientWorker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=exclude_queues.split(",") if exclude_queues else [],
        )
        worker.configure_signals()
        worker.run()
