from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kannustin.demo.users import current_totp


class Command(BaseCommand):
    help = "Print the current second-factor code of the demo ministry accounts (DEBUG only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Only for the local demo (DEBUG on).")
        self.stdout.write(current_totp())
