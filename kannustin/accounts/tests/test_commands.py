from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command

from conftest import TEST_PASSWORD
from kannustin.accounts.models import ApiToken, GlobalRole, Membership, User
from kannustin.accounts.roles import MINISTRY_ROLES, Role
from kannustin.core.models import AuditEvent
from kannustin.registry.models import Organisation, business_id_check_digit

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_applicant_for_a_municipality_is_created_verified_and_told_to_reset_the_password(helsinki):
    output = run(
        "create_user", "Maija.Meikalainen@hel.example", "--role", "applicant", "--organisation", "091"
    )

    user = User.objects.get(email="maija.meikalainen@hel.example")
    assert not user.has_usable_password()
    assert not user.is_staff and not user.is_superuser
    membership = Membership.objects.get(user=user)
    assert (membership.organisation, membership.role) == (helsinki, Role.APPLICANT)
    assert not user.global_roles.exists()
    address = EmailAddress.objects.get(user=user)
    assert address.verified and address.primary and address.email == user.email
    assert "Created user maija.meikalainen@hel.example" in output
    assert "password reset" in output and "/accounts/password/reset/" in output
    event = AuditEvent.objects.get(action="user.created")
    assert event.object_id == str(user.pk)
    assert event.changes["membership"]["after"] == {"organisation": helsinki.pk, "role": "applicant"}


def test_signatory_for_another_organisation_by_business_id(reference_data):
    check = business_id_check_digit("2345678")
    business_id = f"2345678-{check}"
    company = Organisation.objects.create(
        kind=Organisation.Kind.COMPANY, business_id=business_id, name_fi="Yhtiö Oy"
    )

    run(
        "create_user",
        "jaana@yhtio.example",
        "--role",
        "signatory",
        "--organisation",
        business_id.replace("-", ""),
    )

    membership = Membership.objects.get(user__email="jaana@yhtio.example")
    assert (membership.organisation, membership.role) == (company, Role.SIGNATORY)
    assert membership.can_submit


@pytest.mark.parametrize("role", MINISTRY_ROLES)
def test_each_ministry_role(db, role):
    output = run(
        "create_user", "virkailija@vm.example", "--role", role, "--password", TEST_PASSWORD,
        "--name", "Ville Virkailija", "--language", "sv",
    )  # fmt: skip

    user = User.objects.get(email="virkailija@vm.example")
    assert user.check_password(TEST_PASSWORD)
    assert (user.name, user.language) == ("Ville Virkailija", "sv")
    assert list(user.global_roles.values_list("role", flat=True)) == [role]
    assert user.needs_second_factor
    assert (user.is_staff, user.is_superuser) == ((True, True) if role == Role.ADMIN else (False, False))
    assert "password reset" not in output
    assert "authenticator app" in output
    assert EmailAddress.objects.get(user=user).verified


def test_running_again_is_idempotent_and_adds_roles(helsinki, espoo):
    run("create_user", "pekka@example.com", "--role", "applicant", "--organisation", "091")
    again = run("create_user", "pekka@example.com", "--role", "applicant", "--organisation", "091")
    assert "Updated user" in again and "already had the role applicant" in again
    assert User.objects.filter(email="pekka@example.com").count() == 1
    assert Membership.objects.filter(user__email="pekka@example.com").count() == 1
    assert EmailAddress.objects.filter(email="pekka@example.com").count() == 1

    run("create_user", "PEKKA@example.com", "--role", "signatory", "--organisation", "091")
    run("create_user", "pekka@example.com", "--role", "applicant", "--organisation", "049")
    run("create_user", "pekka@example.com", "--role", "reviewer")
    run("create_user", "pekka@example.com", "--role", "reviewer")

    user = User.objects.get(email="pekka@example.com")
    assert dict(user.memberships.values_list("organisation__code", "role")) == {
        "091": "signatory",
        "049": "applicant",
    }
    assert list(user.global_roles.values_list("role", flat=True)) == ["reviewer"]
    assert AuditEvent.objects.filter(action="user.created").count() == 1
    assert AuditEvent.objects.filter(action="user.updated", object_id=str(user.pk)).count() == 5


def test_updating_keeps_an_existing_password_and_name(helsinki):
    run(
        "create_user",
        "anna@example.com",
        "--role",
        "applicant",
        "--organisation",
        "091",
        "--password",
        TEST_PASSWORD,
        "--name",
        "Anna",
    )
    output = run("create_user", "anna@example.com", "--role", "signatory", "--organisation", "091")
    user = User.objects.get(email="anna@example.com")
    assert user.check_password(TEST_PASSWORD) and user.name == "Anna"
    assert "password reset" not in output
    assert "changed the role" in output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["x@example.com", "--role", "superhero"], "Unknown role"),
        (["x@example.com", "--role", "applicant"], "needs --organisation"),
        (["x@example.com", "--role", "signatory", "--organisation", "999"], "No organisation"),
        (["x@example.com", "--role", "applicant", "--organisation", "1234567-1"], "No organisation"),
        (["x@example.com", "--role", "official", "--organisation", "091"], "leave out --organisation"),
        (["not-an-email", "--role", "official"], "not a valid email"),
        (["x@example.com", "--role", "official", "--password", "short"], "password is not accepted"),
    ],
)
def test_clear_errors(reference_data, args, message):
    with pytest.raises(CommandError, match=message):
        run("create_user", *args)
    assert not User.objects.exists()


def test_create_api_token_prints_only_the_token(user_factory, helsinki):
    user = user_factory("applicant", helsinki, email="api@example.com")

    output = run("create_api_token", "API@example.com", "--name", "Integration")

    raw = output.strip()
    assert output.count("\n") == 1 and " " not in raw
    token = ApiToken.objects.get(user=user)
    assert token.name == "Integration" and raw.startswith(token.prefix)
    assert ApiToken.authenticate(raw).user == user
    assert AuditEvent.objects.filter(action="api_token.created", object_id=str(token.pk)).exists()


def test_create_api_token_for_unknown_user(db):
    with pytest.raises(CommandError, match="No user"):
        run("create_api_token", "nobody@example.com")
    assert not ApiToken.objects.exists()


def test_global_role_rows_unique_after_repeated_admin_role(db):
    run("create_user", "admin@vm.example", "--role", "admin")
    run("create_user", "admin@vm.example", "--role", "admin")
    assert GlobalRole.objects.filter(user__email="admin@vm.example").count() == 1
