"""Issue a personal API token for a user and print it, alone on one line, for scripts to capture."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from kannustin.accounts.middleware import has_totp
from kannustin.accounts.models import ApiToken, User
from kannustin.core import audit


class Command(BaseCommand):
    help = "Create an API token for the user with EMAIL and print the token (only the token, on one line)."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--name", default="Command line", help="What the token is for.")
        parser.add_argument(
            "--scope", choices=ApiToken.Scope.values, default=ApiToken.Scope.READ,
            help="read (the default) or write: whether the token may change things.",
        )  # fmt: skip
        parser.add_argument(
            "--days",
            type=int,
            default=ApiToken.DEFAULT_DAYS,
            help="How many days the token is valid (1–365).",
        )

    def handle(self, *args, **options):
        email = options["email"].strip()
        name = " ".join(options["name"].split())
        if not name:
            raise CommandError("Give the token a name with --name.")
        max_length = ApiToken._meta.get_field("name").max_length
        if len(name) > max_length:
            raise CommandError(f"The name can be at most {max_length} characters long.")
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(f"No user with the email address {email!r}.")
        if not user.is_active:
            raise CommandError(f"The user {user.email} is not active.")
        if not 1 <= options["days"] <= 365:
            raise CommandError("--days must be from 1 to 365.")
        if user.needs_second_factor and not has_totp(user):
            raise CommandError(
                f"{user.email} has a ministry role but no second factor: their token would be refused. "
                "They must sign in and set up the authenticator app first."
            )
        with transaction.atomic():
            token, raw = ApiToken.issue(user, name, scope=options["scope"], days=options["days"])
            audit.record(None, "api_token.created", token,
                         {"name": token.name, "prefix": token.prefix, "scope": token.scope})  # fmt: skip
        self.stdout.write(raw)
