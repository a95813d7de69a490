"""Every allauth page renders in Kannustin's layout with GOV.UK markup."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from conftest import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def assert_kannustin_page(response):
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="main-content"' in html and "govuk-template" in html, "not in the base layout"
    assert re.search(r'<h1 class="govuk-(heading|panel)', html), "no GOV.UK heading"
    for tag in re.findall(r"<(?:input|textarea|select|button)\b[^>]*>", html):
        if 'type="hidden"' in tag:
            continue
        assert "govuk-" in tag, f"unstyled form control: {tag}"
    assert "<p>" not in html, "a paragraph without GOV.UK typography"
    return html


@pytest.mark.parametrize(
    "url",
    [
        reverse("account_login"),
        reverse("account_reset_password"),
        reverse("account_reset_password_done"),
        reverse("account_signup"),
        reverse("account_email_verification_sent"),
        reverse("account_reset_password_from_key", kwargs={"uidb36": "1", "key": "bad-key"}),
        reverse("account_confirm_email", args=["bad-key"]),
    ],
)
def test_entrance_pages(client, url):
    assert_kannustin_page(client.get(url, follow=True))


def test_login_page_offers_password_reset_but_no_sign_up(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = assert_kannustin_page(client.get(reverse("account_login")))
    assert reverse("account_reset_password") in html
    assert reverse("account_signup") not in html
    assert "The ministry creates accounts" in html
    assert 'class="govuk-input' in html and 'class="govuk-button' in html


@pytest.mark.parametrize(
    "url_name",
    ["account_logout", "account_email", "account_change_password", "mfa_index", "mfa_activate_totp"],
)
def test_manage_pages_for_a_municipal_user(client, user_factory, helsinki, url_name):
    client.force_login(user_factory("applicant", helsinki))
    html = assert_kannustin_page(client.get(reverse(url_name), follow=True))
    assert reverse("accounts:profile") in html


@pytest.mark.parametrize("url_name", ["mfa_index", "mfa_deactivate_totp", "mfa_generate_recovery_codes"])
def test_two_factor_pages_for_a_ministry_user(client, user_factory, url_name):
    user = user_factory("official")
    client.force_login(user)
    assert_kannustin_page(client.get(reverse(url_name), follow=True))


def test_pages_after_reauthentication(client, user_factory):
    """Behind the password confirmation: TOTP deactivation and recovery codes."""
    user = user_factory("official")
    client.force_login(user)
    reauthenticate = client.get(reverse("mfa_generate_recovery_codes")).url
    client.post(reauthenticate, {"password": TEST_PASSWORD})
    assert client.post(reverse("mfa_reauthenticate")).status_code in {200, 302}
    for url_name in ["mfa_generate_recovery_codes", "mfa_deactivate_totp"]:
        assert_kannustin_page(client.get(reverse(url_name)))
    client.post(reverse("mfa_generate_recovery_codes"))
    html = assert_kannustin_page(client.get(reverse("mfa_view_recovery_codes")))
    assert 'class="govuk-textarea' in html


def test_the_code_step_at_sign_in(client, user_factory):
    user = user_factory("official")
    client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD})
    html = assert_kannustin_page(client.get(reverse("mfa_authenticate")))
    assert 'autocomplete="one-time-code"' in html
    wrong = assert_kannustin_page(client.post(reverse("mfa_authenticate"), {"code": "000"}))
    assert "govuk-error-summary" in wrong and "govuk-input--error" in wrong


def test_activation_page_explains_why_a_ministry_user_must_set_up_totp(client, user_factory):
    user = user_factory("reviewer", totp=False)
    client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD})
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    confirm = client.get(reverse("mfa_activate_totp"))
    assert_kannustin_page(client.get(confirm.url))
    client.post(confirm.url, {"password": TEST_PASSWORD})
    html = assert_kannustin_page(client.get(reverse("mfa_activate_totp")))
    assert "Your role in the ministry requires a second factor" in html
    assert "data:image/svg+xml;base64," in html
