"""The doors: the admin has no password-only sign-in of its own, lockouts hit the account under attack and not
its colleagues behind the same address, the client's address comes from the configured proxy header, and
anonymous forms are rate limited."""

import pytest
from django.urls import reverse
from django.utils import translation

from conftest import TEST_PASSWORD, totp_code
from kannustin.programmes.models import Feedback

pytestmark = pytest.mark.django_db
LOGIN = reverse("account_login")


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_the_admin_login_form_creates_no_session_and_sends_to_the_service_sign_in(client, user_factory):
    admin = user_factory("admin", email="admin@vm.example")

    page = client.get("/admin/login/?next=/admin/")
    posted = client.post("/admin/login/?next=/admin/", {"username": admin.email, "password": TEST_PASSWORD})

    for response in (page, posted):
        assert response.status_code == 302 and response.url.startswith(LOGIN)
    assert not signed_in(client)
    assert client.get("/admin/").status_code == 302


def test_the_admin_is_reached_only_through_password_and_second_factor(client, user_factory):
    admin = user_factory("admin", email="admin@vm.example")
    response = client.post(f"{LOGIN}?next=/admin/", {"login": admin.email, "password": TEST_PASSWORD})
    assert response.url == reverse("mfa_authenticate") and not signed_in(client)
    assert client.get("/admin/").status_code == 302

    response = client.post(reverse("mfa_authenticate"), {"code": totp_code()})

    assert signed_in(client) and response.url == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_signed_in_non_staff_user_gets_no_admin_login_form(client, user_factory, helsinki):
    client.force_login(user_factory("signatory", helsinki))
    assert client.get("/admin/login/").status_code == 403


def test_wrong_passwords_lock_the_account_for_everyone_and_the_right_password_then_fails(
    client, user_factory
):
    official = user_factory("official", email="target@vm.example")
    for _attempt in range(5):
        client.post(LOGIN, {"login": official.email, "password": "guess"})

    response = client.post(LOGIN, {"login": official.email, "password": TEST_PASSWORD})

    # Refused outright: not even the second-factor step is reached.
    assert response.status_code in {200, 429} and not signed_in(client)


def test_one_persons_wrong_passwords_do_not_lock_out_a_colleague_at_the_same_address(
    client, user_factory, helsinki
):
    careless = user_factory("applicant", helsinki, email="careless@hel.example")
    colleague = user_factory("signatory", helsinki, email="colleague@hel.example")
    for _attempt in range(6):
        client.post(LOGIN, {"login": careless.email, "password": "wrong"}, REMOTE_ADDR="198.51.100.7")

    response = client.post(
        LOGIN, {"login": colleague.email, "password": TEST_PASSWORD}, REMOTE_ADDR="198.51.100.7"
    )

    assert response.status_code == 302 and signed_in(client)


def test_the_client_address_comes_from_the_trusted_proxy_header(client, user_factory, helsinki, settings):
    """Behind a load balancer every request comes from its address; the limits must count the real clients."""
    from allauth.core.internal.httpkit import get_client_ip

    settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER = "X-Real-IP"
    from django.test import RequestFactory

    request = RequestFactory().post(LOGIN, REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="203.0.113.9")
    assert get_client_ip(request) == "203.0.113.9"

    settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER = None
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().post(
        LOGIN, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.10"
    )
    assert get_client_ip(request) == "203.0.113.10"


def test_anonymous_feedback_is_rate_limited_and_keeps_what_was_typed(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        url = reverse("programmes:feedback")
    for number in range(5):
        response = client.post(url, {"message": f"Kontrasti {number}"})
        assert response.status_code == 302

    response = client.post(url, {"message": "Vielä yksi viesti"})

    assert response.status_code == 429
    html = response.content.decode()
    assert "Wait a few minutes" in html and "Vielä yksi viesti" in html
    assert Feedback.objects.count() == 5
    # Another address is not affected.
    assert client.post(url, {"message": "Toinen"}, REMOTE_ADDR="192.0.2.44").status_code == 302
