from django.core.management.base import BaseCommand

from kannustin.core.mail import deliver_due_now


class Command(BaseCommand):
    help = "Deliver every queued email whose time has come (the worker normally does this)."

    def handle(self, *args, **options):
        self.stdout.write(f"Tried {deliver_due_now()} emails.")
