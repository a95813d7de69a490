"""Create or update a person's account and give them a role (`manage.py create_user --help`)."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse

from kannustin.accounts.models import GlobalRole, Membership, User
from kannustin.accounts.roles import MINISTRY_ROLES, ORGANISATION_ROLES, Role
from kannustin.core import audit
from kannustin.registry.models import Organisation, normalise_business_id

ROLE_CODES = [role.value for role in Role]


def find_organisation(identifier: str) -> Organisation:
    """A municipality by its three-digit code, any organisation by its Business ID."""
    identifier = identifier.strip()
    organisation = None
    if identifier.isdigit() and len(identifier) <= 3:
        organisation = Organisation.objects.filter(code=identifier.zfill(3)).first()
    else:
        organisation = Organisation.objects.filter(business_id=normalise_business_id(identifier)).first()
    if organisation is None:
        raise CommandError(
            f"No organisation with the municipality code or Business ID {identifier!r}. "
            "Load the reference data (`manage.py load_reference_data`) or add the organisation in the admin."
        )
    return organisation


class Command(BaseCommand):
    help = (
        "Create a user, or update an existing one, and give them a role. Municipal roles (applicant, "
        "signatory) need --organisation; ministry roles (official, reviewer, presenter, decision_maker, "
        "admin) do not. The email address is marked verified. Running it again with another role adds it."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="The person's email address; they sign in with it.")
        parser.add_argument("--role", required=True, help=f"One of: {', '.join(ROLE_CODES)}.")
        parser.add_argument(
            "--organisation",
            help="For applicant and signatory: a municipality code (e.g. 091) or a Business ID (1234567-8).",
        )
        parser.add_argument(
            "--password", help="Without it, the person sets a password through password reset."
        )
        parser.add_argument("--name", help="The person's name.")
        parser.add_argument("--language", choices=[code for code, _label in User.Language.choices])

    def handle(self, *args, **options):
        email = options["email"].strip().lower()
        role = options["role"].strip()
        try:
            validate_email(email)
        except ValidationError as exc:
            raise CommandError(f"{email!r} is not a valid email address.") from exc
        if role not in ROLE_CODES:
            raise CommandError(f"Unknown role {role!r}. Choose one of: {', '.join(ROLE_CODES)}.")
        organisation = None
        if role in ORGANISATION_ROLES:
            if not options["organisation"]:
                raise CommandError(
                    f"The role {role} needs --organisation (a municipality code or Business ID)."
                )
            organisation = find_organisation(options["organisation"])
        elif options["organisation"]:
            raise CommandError(f"The role {role} is a ministry role: leave out --organisation.")

        with transaction.atomic():
            user = User.objects.filter(email__iexact=email).first()
            created = user is None
            if created:
                user = User(email=email)
            before = {} if created else audit.snapshot(user)
            if options["name"] is not None:
                user.name = options["name"].strip()
            if options["language"]:
                user.language = options["language"]
            if role == Role.ADMIN:
                user.is_staff = user.is_superuser = True
            password = options["password"]
            if password:
                try:
                    validate_password(password, user)
                except ValidationError as exc:
                    raise CommandError("The password is not accepted: " + " ".join(exc.messages)) from exc
                user.set_password(password)
            elif created:
                user.set_unusable_password()
            user.save()
            changes = audit.diff(before, audit.snapshot(user))
            if password:
                changes["password"] = "set"

            role_note = self._grant(user, role, organisation, changes)
            self._verify_email(user)
            audit.record(None, "user.created" if created else "user.updated", user, changes)

        self.stdout.write(f"{'Created' if created else 'Updated'} user {user.email}: {role_note}.")
        if not password and not user.has_usable_password():
            reset_url = settings.SITE_URL + reverse("account_reset_password")
            self.stdout.write(
                f"No password was set. Ask {user.email} to choose one through password reset: {reset_url}"
            )
        if role in MINISTRY_ROLES:
            self.stdout.write("A ministry role: the user sets up an authenticator app at the first sign-in.")

    def _grant(self, user, role, organisation, changes) -> str:
        if organisation is None:
            _global_role, added = GlobalRole.objects.get_or_create(user=user, role=role)
            if added:
                changes["global_role"] = {"before": None, "after": role}
                return f"added the ministry role {role}"
            return f"already had the ministry role {role}"
        membership = Membership.objects.filter(user=user, organisation=organisation).first()
        where = f"{organisation.name_fi} ({organisation.code or organisation.business_id})"
        if membership is None:
            Membership.objects.create(user=user, organisation=organisation, role=role)
            changes["membership"] = {"before": None, "after": {"organisation": organisation.pk, "role": role}}
            return f"added the role {role} in {where}"
        if membership.role != role:
            # One membership per organisation: the new role replaces the old one.
            changes["membership"] = {
                "before": {"organisation": organisation.pk, "role": membership.role},
                "after": {"organisation": organisation.pk, "role": role},
            }
            old_role = membership.role
            membership.role = role
            membership.save(update_fields=["role"])
            return f"changed the role in {where} from {old_role} to {role}"
        return f"already had the role {role} in {where}"

    def _verify_email(self, user):
        address, _created = EmailAddress.objects.get_or_create(
            user=user, email__iexact=user.email, defaults={"email": user.email}
        )
        EmailAddress.objects.filter(user=user, primary=True).exclude(pk=address.pk).update(primary=False)
        if not (address.verified and address.primary):
            address.verified = True
            address.primary = True
            address.save(update_fields=["verified", "primary"])
