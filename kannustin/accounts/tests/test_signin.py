"""Signing in: password, email verification, the second factor, rate limits, password reset."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core import mail
from django.urls import reverse

from conftest import TEST_PASSWORD, totp_code
from kannustin.core.models import OutboundEmail

pytestmark = pytest.mark.django_db
LOGIN = reverse("account_login")
PROFILE = reverse("accounts:profile")
OFFICIAL_HOME = reverse("applications:ministry_list")
MUNICIPAL_HOME = reverse("applications:dashboard")
ACTIVATE_TOTP = reverse("mfa_activate_totp")
MFA_AUTHENTICATE = reverse("mfa_authenticate")


def sign_in(client, email, password=TEST_PASSWORD):
    return client.post(LOGIN, {"login": email, "password": password})


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("role", ["official", "reviewer", "presenter", "decision_maker", "admin"])
def test_ministry_user_without_totp_is_sent_to_totp_set_up_from_every_page(client, user_factory, role):
    user = user_factory(role, totp=False)
    client.force_login(user)

    for path in [
        reverse("programmes:home"),
        PROFILE,
        reverse("account_email"),
        reverse("programmes:faq"),
        "/admin/",
    ]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.url == ACTIVATE_TOTP, path
    assert client.get(reverse("account_logout")).status_code == 200
    # Without a recent sign-in allauth first asks for the password again; that page must stay reachable.
    response = client.get(ACTIVATE_TOTP)
    assert response.status_code == 302 and response.url.startswith(reverse("account_reauthenticate"))
    assert client.get(response.url).status_code == 200
    response = client.post(response.url, {"password": TEST_PASSWORD})
    assert response.status_code == 302 and response.url == ACTIVATE_TOTP
    assert client.get(ACTIVATE_TOTP).status_code == 200


def test_setting_up_totp_opens_the_service(client, user_factory):
    user = user_factory("official", totp=False)
    response = sign_in(client, user.email)
    assert response.status_code == 302 and response.url == OFFICIAL_HOME
    assert client.get(PROFILE).url == ACTIVATE_TOTP
    # allauth asks for the password again before a second factor is added.
    confirm = client.get(ACTIVATE_TOTP)
    assert confirm.url.startswith(reverse("account_reauthenticate"))
    assert client.post(confirm.url, {"password": TEST_PASSWORD}).url == ACTIVATE_TOTP

    page = client.get(ACTIVATE_TOTP)
    secret = page.context["form"].secret
    assert secret in page.content.decode()
    wrong = client.post(ACTIVATE_TOTP, {"code": "000000" if totp_code(secret) != "000000" else "111111"})
    assert wrong.status_code == 200 and not Authenticator.objects.filter(user=user).exists()

    response = client.post(ACTIVATE_TOTP, {"code": totp_code(secret)})

    assert response.status_code == 302
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert client.get(PROFILE).status_code == 200


def test_ministry_user_with_totp_must_enter_the_code(client, user_factory):
    user = user_factory("official")

    response = sign_in(client, user.email)

    assert response.status_code == 302 and response.url == MFA_AUTHENTICATE
    assert not signed_in(client)
    # The password alone gets nowhere: every page still asks to sign in.
    profile = client.get(PROFILE)
    assert profile.status_code == 302 and profile.url.startswith(LOGIN)
    code_step = client.get(MFA_AUTHENTICATE)
    assert code_step.status_code == 200

    wrong = client.post(MFA_AUTHENTICATE, {"code": "12345"})
    assert wrong.status_code == 200 and not signed_in(client)

    response = client.post(MFA_AUTHENTICATE, {"code": totp_code()})

    assert response.status_code == 302 and response.url == OFFICIAL_HOME
    assert signed_in(client) and int(client.session["_auth_user_id"]) == user.pk
    assert client.get(PROFILE).status_code == 200


def test_municipal_user_signs_in_with_password_alone(client, user_factory, helsinki):
    user = user_factory("applicant", helsinki)

    response = sign_in(client, user.email.upper())

    assert response.status_code == 302 and response.url == MUNICIPAL_HOME
    assert signed_in(client)
    assert client.get(PROFILE).status_code == 200


def test_wrong_password_is_refused_with_an_error_summary(client, user_factory, helsinki):
    user = user_factory("applicant", helsinki)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = sign_in(client, user.email, "wrong password entirely")

    assert response.status_code == 200 and not signed_in(client)
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert "<title>Error:" in html


def test_unverified_email_cannot_sign_in_and_gets_a_verification_email(
    client, user_factory, helsinki, django_capture_on_commit_callbacks
):
    user = user_factory("applicant", helsinki)
    EmailAddress.objects.filter(user=user).update(verified=False)

    with django_capture_on_commit_callbacks(execute=True):
        response = sign_in(client, user.email)

    assert response.status_code == 302 and response.url == reverse("account_email_verification_sent")
    assert not signed_in(client)
    assert client.get(PROFILE).status_code == 302
    queued = OutboundEmail.objects.get(to=[user.email])
    assert queued.sensitive and "/accounts/confirm-email/" not in queued.body  # removed once delivered
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [user.email]
    assert "/accounts/confirm-email/" in mail.outbox[0].body
    assert client.get(response.url).status_code == 200


def test_repeated_failures_are_rate_limited(client, user_factory, helsinki):
    user = user_factory("applicant", helsinki)

    for _attempt in range(5):
        response = sign_in(client, user.email, "not the password")
        assert response.status_code == 200 and not signed_in(client)

    # Even the right password is refused now.
    response = sign_in(client, user.email)

    assert not signed_in(client)
    assert response.status_code in {200, 429}
    if response.status_code == 200:
        codes = [error.code for error in response.context["form"].errors.as_data()["__all__"]]
        assert codes == ["too_many_login_attempts"]


def test_password_reset_email_reaches_the_outbox_and_resets(
    client, user_factory, helsinki, django_capture_on_commit_callbacks
):
    user = user_factory("applicant", helsinki)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(reverse("account_reset_password"), {"email": user.email})

    assert response.status_code == 302 and response.url == reverse("account_reset_password_done")
    queued = OutboundEmail.objects.get(to=[user.email])
    assert queued.subject.startswith(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX)
    assert callbacks, "delivery waits for the transaction to commit"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email] and message.subject == queued.subject
    queued.refresh_from_db()
    assert queued.status == OutboundEmail.Status.SENT

    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    new_password = "an entirely new passphrase 2019"
    done = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"password1": new_password, "password2": new_password},
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new_password)


def test_password_reset_for_an_unknown_address_sends_no_reset_link(
    client, db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": "nobody@example.com"})
    assert response.status_code == 302
    assert all("/accounts/password/reset/key/" not in email.body for email in OutboundEmail.objects.all())


def test_there_is_no_open_sign_up(client, db):
    response = client.get(reverse("account_signup"))
    assert response.status_code == 200
    assert "form" not in response.context or response.context.get("form") is None
    response = client.post(
        reverse("account_signup"),
        {"email": "new@example.com", "password1": TEST_PASSWORD, "password2": TEST_PASSWORD},
    )
    assert not EmailAddress.objects.filter(email="new@example.com").exists()


def reauthenticate(client, password=TEST_PASSWORD):
    confirm = client.get(reverse("mfa_deactivate_totp"))
    if confirm.status_code == 302:
        client.post(confirm.url, {"password": password})


def test_ministry_user_cannot_turn_the_second_factor_off(client, user_factory, settings):
    settings.MFA_ADAPTER = "kannustin.accounts.adapters.MFAAdapter"
    user = user_factory("official")
    client.force_login(user)
    reauthenticate(client)

    response = client.post(reverse("mfa_deactivate_totp"))

    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def test_municipal_user_may_turn_an_optional_second_factor_off(client, user_factory, helsinki, settings):
    from allauth.mfa.totp.internal.auth import TOTP

    from conftest import TEST_TOTP_SECRET

    settings.MFA_ADAPTER = "kannustin.accounts.adapters.MFAAdapter"
    user = user_factory("applicant", helsinki)
    TOTP.activate(user, TEST_TOTP_SECRET)
    client.force_login(user)
    reauthenticate(client)

    response = client.post(reverse("mfa_deactivate_totp"))

    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def test_the_signed_in_message_speaks_the_users_language(client, user_factory, reference_data):
    from kannustin.registry.models import Organisation

    user = user_factory("signatory", Organisation.objects.get(code="545"), email="stina@example.com")
    user.language = "sv"
    user.save()
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD}, follow=True
    )
    html = response.content.decode()
    assert '<html lang="sv"' in html
    assert "Kirjauduttiin" not in html
