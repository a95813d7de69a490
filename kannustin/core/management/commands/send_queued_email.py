from django.core.management.base import BaseCommand

from kannustin.core.mail import send_due


class Command(BaseCommand):
    help = "Deliver every queued email whose time has come (the worker normally does this)."

    def handle(self, *args, **options):
        self.stdout.write(f"Tried {send_due()} emails.")
