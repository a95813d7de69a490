import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Development server with the background worker and the scheduler beside it (used by `make run`)."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, addrport, **options):
        helpers = [
            subprocess.Popen(
                [sys.executable, "manage.py", "run_worker", "--queue-name", "*", "--interval", "1"]
            ),  # noqa: S603
            subprocess.Popen([sys.executable, "manage.py", "run_scheduler"]),  # noqa: S603
        ]
        self.stdout.write(
            f"Background worker and scheduler started (pids {', '.join(str(p.pid) for p in helpers)})."
        )
        try:
            call_command("runserver", addrport, use_reloader=False)
        finally:
            for process in helpers:
                process.terminate()
            for process in helpers:
                process.wait(timeout=10)
