"""Demo accounts, one for every role. Documented in README.md; never created in production unless forced."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value

DEMO_PASSWORD = "Kannustin-demo-2026"
# The same published secret for every demo ministry account, so testers can add it to an authenticator app
# (or read the current code with `manage.py demo_totp`).
DEMO_TOTP_SECRET = "KANNUSTINDEMOKANNUSTINDEMO234567"

# email, role, organisation code (for municipal roles), name, language
DEMO_USERS = [
    ("admin@kannustin.example", "admin", None, "Aino Admin", "fi"),
    ("official@kannustin.example", "official", None, "Outi Valmistelija", "fi"),
    ("reviewer@kannustin.example", "reviewer", None, "Risto Arvioija", "fi"),
    # More reviewers, so that the 2019 round has a realistic panel (kannustin.demo.evaluation): Tuula's home
    # municipality is Espoo (a known tie), Anna declares herself disqualified on one application.
    ("reviewer.anna@kannustin.example", "reviewer", None, "Anna Asiantuntija", "fi"),
    ("reviewer.pekka@kannustin.example", "reviewer", None, "Pekka Pisteyttäjä", "fi"),
    ("reviewer.sofia@kannustin.example", "reviewer", None, "Sofia Bedömare", "sv"),
    ("reviewer.tuula@kannustin.example", "reviewer", None, "Tuula Tarkastaja", "fi"),
    ("presenter@kannustin.example", "presenter", None, "Eeva Esittelijä", "fi"),
    ("decision-maker@kannustin.example", "decision_maker", None, "Ritva Ratkaisija", "fi"),
    ("applicant@kannustin.example", "applicant", "109", "Heikki Hakija", "fi"),
    ("signatory@kannustin.example", "signatory", "109", "Sanna Allekirjoittaja", "fi"),
    ("signatory.narpes@kannustin.example", "signatory", "545", "Stina Undertecknare", "sv"),
]


def current_totp(secret: str = DEMO_TOTP_SECRET, at: float | None = None) -> str:
    import time

    return format_hotp_value(hotp_value(secret, int(at if at is not None else time.time()) // 30))


def create_demo_users():
    from kannustin.accounts.models import GlobalRole, Membership, User
    from kannustin.accounts.roles import MINISTRY_ROLES, Role
    from kannustin.registry.models import Organisation

    users = []
    for email, role, org_code, name, language in DEMO_USERS:
        user, created = User.objects.get_or_create(email=email, defaults={"name": name, "language": language})
        if created:
            user.set_password(DEMO_PASSWORD)
        user.name, user.language, user.is_active = name, language, True
        if role == Role.ADMIN:
            user.is_staff = user.is_superuser = True
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        if role in MINISTRY_ROLES:
            GlobalRole.objects.get_or_create(user=user, role=role)
            if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
                TOTP.activate(user, DEMO_TOTP_SECRET)
        else:
            organisation = Organisation.objects.get(code=org_code)
            Membership.objects.update_or_create(user=user, organisation=organisation, defaults={"role": role})
        users.append(user)
    return users
