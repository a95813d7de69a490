"""Shared test fixtures: reference data, users of every role, TOTP codes for ministry users."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.utils import translation

from kannustin.accounts.models import GlobalRole, Membership, User
from kannustin.accounts.roles import MINISTRY_ROLES, Role
from kannustin.registry.models import Organisation
from kannustin.registry.reference_data import load_reference_data

TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
TEST_PASSWORD = "correct horse battery staple 42"


def totp_code(secret: str = TEST_TOTP_SECRET, at: float | None = None) -> str:
    import time

    return format_hotp_value(hotp_value(secret, int(at if at is not None else time.time()) // 30))


@pytest.fixture(autouse=True)
def _mail_through_outbox(settings):
    """Django's test set-up swaps EMAIL_BACKEND for locmem; put the outbox back in front of it, so tests see
    what production does: a row in OutboundEmail, then delivery (to mail.outbox) after commit."""
    settings.EMAIL_BACKEND = "kannustin.core.mail.OutboxBackend"
    settings.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits, used TOTP codes and scheduler stamps live in the cache: each test starts with none."""
    from django.core.cache import cache

    from kannustin.jointprojects import matching
    from kannustin.programmes.models import forget_form_definitions

    def forget():
        cache.clear()
        forget_form_definitions()  # a rolled-back test may leave a question set's id to the next one
        matching._in_process.clear()  # … and a call's id with another test's matching model

    forget()
    yield
    forget()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts and ends in the default language, whatever another test activated (the language
    middleware gives back the language active before a request, so a leak would otherwise outlive its test)."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _files_in_a_temporary_folder(settings, tmp_path):
    """Attachments and PDF copies written by a test go to its own folder, not to the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The reference data (regions, municipalities, mergers) is loaded once into each test database; every
    test runs in a transaction on top of it and rolls back."""
    with django_db_blocker.unblock():
        load_reference_data()


@pytest.fixture
def reference_data(db):
    """The municipalities of 2019 and 2026 and their regions. Loaded once per session (`django_db_setup`); a
    transactional test (browser journeys, worker faults) empties every table when it ends, so the data is
    loaded again only after one of those."""
    if not Organisation.objects.filter(code="091").exists():
        load_reference_data()


def make_user(
    role: str, organisation: Organisation | None = None, email: str | None = None, totp=True
) -> User:
    """A verified user with the role; ministry users get the TOTP second factor with TEST_TOTP_SECRET."""
    from allauth.account.models import EmailAddress

    email = email or f"{role}-{organisation.code if organisation else 'vm'}@example.com"
    user = User.objects.create_user(email=email, password=TEST_PASSWORD, name=role.replace("_", " ").title())
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    if role in MINISTRY_ROLES:
        GlobalRole.objects.create(user=user, role=role)
        if role == Role.ADMIN:
            user.is_staff = user.is_superuser = True
            user.save()
        if totp:
            TOTP.activate(user, TEST_TOTP_SECRET)
    else:
        Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


@pytest.fixture
def user_factory(db):
    return make_user


@pytest.fixture
def helsinki(reference_data):
    return Organisation.objects.get(code="091")


@pytest.fixture
def espoo(reference_data):
    return Organisation.objects.get(code="049")
