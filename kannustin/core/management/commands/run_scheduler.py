import signal

from django.core.management.base import BaseCommand, CommandError

from kannustin.core import scheduler


class Command(BaseCommand):
    help = (
        "Run the periodic jobs (deliver due email, deadline reminders …) for ever, beside the background "
        "worker. Several servers may run it at once: each job runs once per interval across all of them. "
        "--once runs the jobs that are due and exits (for cron and tests)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run the due jobs once and exit.")
        parser.add_argument("--list", action="store_true", dest="list_jobs", help="List the jobs and exit.")
        parser.add_argument(
            "--job",
            action="append",
            default=[],
            help="With --once: run this job now, due or not (repeatable).",
        )
        parser.add_argument(
            "--max-sleep", type=float, default=15.0, help="Look for due jobs at least this often (seconds)."
        )

    def handle(self, *args, once, list_jobs, job, max_sleep, **options):
        self.stopping = False
        if list_jobs:
            for item in scheduler.jobs():
                last = scheduler.last_run(item)
                self.stdout.write(
                    f"{item}  last run: {last:%Y-%m-%d %H:%M:%S}" if last else f"{item}  never run"
                )
            return
        if job:
            if not once:
                raise CommandError("--job goes with --once.")
            known = {item.name: item for item in scheduler.jobs()}
            unknown = [name for name in job if name not in known]
            if unknown:
                raise CommandError(f"Unknown job: {', '.join(unknown)}")
            for name in job:
                self.report({name: scheduler.run_job(known[name], force=True)})
            return
        if once:
            self.report(scheduler.run_due())
            return

        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        self.stdout.write(f"Scheduler started: {', '.join(str(item) for item in scheduler.jobs())}.")
        scheduler.serve(
            lambda: self.stopping,
            max_sleep=max_sleep,
            report=lambda results: self.report(results, quiet=True),
        )
        self.stdout.write("Scheduler stopped.")

    def stop(self, signum, frame):
        self.stopping = True

    def report(self, results: dict, quiet: bool = False):
        for name, outcome in results.items():
            if quiet and outcome in {"not_due", "locked"}:
                continue
            line = f"{name}: {outcome}"
            self.stdout.write(self.style.ERROR(line) if outcome == "failed" else line)
