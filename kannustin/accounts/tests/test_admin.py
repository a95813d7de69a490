import pytest
from django.urls import reverse

from kannustin.accounts.models import ApiToken, GlobalRole, Membership, User
from kannustin.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, user_factory):
    client.force_login(user_factory("admin"))
    return client


def user_change_data(user, **overrides):
    data = {
        "email": user.email,
        "name": user.name,
        "title": user.title,
        "phone": user.phone,
        "language": user.language,
        "is_active": "on",
        "global_roles-TOTAL_FORMS": "0",
        "global_roles-INITIAL_FORMS": "0",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_user_list_searches_by_email_and_name(admin_client, user_factory, helsinki):
    user_factory("applicant", helsinki, email="maija@hel.example")
    user_factory("signatory", helsinki, email="pekka@hel.example")

    response = admin_client.get(reverse("admin:accounts_user_changelist"), {"q": "maija"})

    assert response.status_code == 200
    assert [user.email for user in response.context["cl"].result_list] == ["maija@hel.example"]
    response = admin_client.get(reverse("admin:accounts_user_changelist"), {"q": "Signatory"})
    assert [user.email for user in response.context["cl"].result_list] == ["pekka@hel.example"]


def test_adding_a_user_needs_no_username_and_is_audited(admin_client):
    response = admin_client.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "new@vm.example",
            "name": "Uusi Virkailija",
            "usable_password": "false",
            "global_roles-TOTAL_FORMS": "1",
            "global_roles-INITIAL_FORMS": "0",
            "global_roles-0-role": "official",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302
    user = User.objects.get(email="new@vm.example")
    assert not user.has_usable_password()
    assert list(user.global_roles.values_list("role", flat=True)) == ["official"]
    assert AuditEvent.objects.filter(action="globalrole.created").exists()
    assert AuditEvent.objects.filter(action="user.created", object_id=str(user.pk)).exists()


def test_roles_and_memberships_change_through_inlines_with_audit(admin_client, user_factory, helsinki):
    user = user_factory("applicant", helsinki, email="person@example.com")
    membership = user.memberships.get()
    data = user_change_data(
        user,
        name="Renamed",
        **{
            "global_roles-TOTAL_FORMS": "1",
            "global_roles-0-role": "reviewer",
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "1",
            "memberships-0-id": str(membership.pk),
            "memberships-0-user": str(user.pk),
            "memberships-0-organisation": str(helsinki.pk),
            "memberships-0-role": "signatory",
        },
    )

    response = admin_client.post(reverse("admin:accounts_user_change", args=[user.pk]), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    user.refresh_from_db()
    assert user.name == "Renamed"
    assert list(GlobalRole.objects.filter(user=user).values_list("role", flat=True)) == ["reviewer"]
    assert Membership.objects.get(pk=membership.pk).role == "signatory"
    changed = AuditEvent.objects.get(action="user.changed", object_id=str(user.pk))
    assert changed.changes["name"]["after"] == "Renamed"
    assert AuditEvent.objects.filter(action="globalrole.created").exists()
    event = AuditEvent.objects.get(action="membership.changed", object_id=str(membership.pk))
    assert event.changes["role"] == {"before": "applicant", "after": "signatory"}

    data["memberships-0-DELETE"] = "on"
    data["memberships-0-role"] = "signatory"
    data["global_roles-TOTAL_FORMS"] = "0"
    response = admin_client.post(reverse("admin:accounts_user_change", args=[user.pk]), data)
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert AuditEvent.objects.filter(action="membership.deleted", object_id=str(membership.pk)).exists()


def test_deleting_a_user_is_audited(admin_client, user_factory, helsinki):
    user = user_factory("applicant", helsinki, email="gone@example.com")
    response = admin_client.post(reverse("admin:accounts_user_delete", args=[user.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    assert AuditEvent.objects.filter(action="user.deleted", object_id=str(user.pk)).exists()


def test_password_change_in_admin_is_audited(admin_client, user_factory, helsinki):
    user = user_factory("applicant", helsinki, email="person@example.com")
    password = "a brand new admin set passphrase"
    response = admin_client.post(
        reverse("admin:auth_user_password_change", args=[user.pk]),
        {"password1": password, "password2": password, "usable_password": "true"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(password)
    assert AuditEvent.objects.filter(action="user.password_changed", object_id=str(user.pk)).exists()


def test_api_tokens_are_read_only_and_never_show_the_token(admin_client, user_factory, helsinki):
    owner = user_factory("applicant", helsinki, email="person@example.com")
    token, raw = ApiToken.issue(owner, "Integration")

    listing = admin_client.get(reverse("admin:accounts_apitoken_changelist"))
    detail = admin_client.get(reverse("admin:accounts_apitoken_change", args=[token.pk]))

    assert listing.status_code == 200 and detail.status_code == 200
    for response in (listing, detail):
        html = response.content.decode()
        assert "Integration" in html
        assert raw not in html and token.key_hash not in html
    assert admin_client.get(reverse("admin:accounts_apitoken_add")).status_code == 403
    assert (
        admin_client.post(
            reverse("admin:accounts_apitoken_change", args=[token.pk]), {"name": "x"}
        ).status_code
        == 403
    )
    token.refresh_from_db()
    assert token.name == "Integration"


def test_admin_can_revoke_a_leaked_token(admin_client, user_factory, helsinki):
    owner = user_factory("applicant", helsinki, email="person@example.com")
    token, raw = ApiToken.issue(owner, "Leaked")

    response = admin_client.post(
        reverse("admin:accounts_apitoken_changelist"), {"action": "revoke", "_selected_action": [token.pk]}
    )

    assert response.status_code == 302
    assert ApiToken.authenticate(raw) is None
    assert AuditEvent.objects.filter(action="api_token.revoked", object_id=str(token.pk)).exists()


def test_admin_without_second_factor_cannot_use_the_admin(client, user_factory):
    client.force_login(user_factory("admin", totp=False))
    response = client.get(reverse("admin:accounts_user_changelist"))
    assert response.status_code == 302 and response.url == reverse("mfa_activate_totp")


def test_removing_a_lost_authenticator_is_audited_and_never_shows_the_secret(admin_client, user_factory):
    from allauth.mfa.models import Authenticator

    from conftest import TEST_TOTP_SECRET

    official = user_factory("official", email="lost-phone@vm.example")
    authenticator = Authenticator.objects.get(user=official, type=Authenticator.Type.TOTP)

    detail = admin_client.get(reverse("admin:mfa_authenticator_change", args=[authenticator.pk]))
    assert detail.status_code == 200 and TEST_TOTP_SECRET not in detail.content.decode()

    response = admin_client.post(
        reverse("admin:mfa_authenticator_delete", args=[authenticator.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert not Authenticator.objects.filter(pk=authenticator.pk).exists()
    event = AuditEvent.objects.get(action="authenticator.deleted", object_id=str(authenticator.pk))
    assert TEST_TOTP_SECRET not in str(event.changes)
    # At the next sign-in the official is sent to set up a new authenticator.
    admin_client.force_login(official)
    assert admin_client.get(reverse("accounts:profile")).url == reverse("mfa_activate_totp")
