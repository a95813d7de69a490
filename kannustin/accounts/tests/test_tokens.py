from datetime import timedelta

import pytest
from django.urls import reverse

from kannustin.accounts.models import ApiToken
from kannustin.accounts.views import NEW_TOKEN_SESSION_KEY
from kannustin.core.models import AuditEvent

pytestmark = pytest.mark.django_db
PROFILE = reverse("accounts:profile")


@pytest.fixture
def applicant(client, user_factory, helsinki):
    user = user_factory("applicant", helsinki, email="person@example.com")
    client.force_login(user)
    return user


def test_a_new_token_is_shown_exactly_once(client, applicant):
    response = client.post(reverse("accounts:token_create"), {"token-name": "Case management"})
    assert response.status_code == 302 and response.url == reverse("accounts:token_created")

    token = ApiToken.objects.get(user=applicant)
    assert token.name == "Case management"
    shown = client.get(response.url)
    assert shown.status_code == 200
    raw = shown.context["raw_token"]
    assert raw in shown.content.decode()
    assert ApiToken.authenticate(raw).user == applicant
    assert "no-store" in shown.headers["Cache-Control"]
    assert NEW_TOKEN_SESSION_KEY not in client.session

    again = client.get(reverse("accounts:token_created"))
    assert again.status_code == 302 and again.url == PROFILE
    profile = client.get(PROFILE).content.decode()
    assert raw not in profile
    assert "Case management" in profile and token.prefix in profile

    event = AuditEvent.objects.get(action="api_token.created")
    assert event.actor == applicant and event.object_id == str(token.pk)
    assert raw not in str(event.changes)


def test_token_needs_a_name(client, applicant):
    response = client.post(reverse("accounts:token_create"), {"token-name": "   "})
    assert response.status_code == 200
    assert "name" in response.context["token_form"].errors
    assert not ApiToken.objects.exists()


def test_tokens_are_created_only_by_post(client, applicant):
    assert client.get(reverse("accounts:token_create")).status_code == 405


def test_revoke_asks_for_confirmation_then_revokes(client, applicant):
    token, raw = ApiToken.issue(applicant, "Old script")
    url = reverse("accounts:token_revoke", args=[token.pk])

    confirm = client.get(url)
    assert confirm.status_code == 200
    token.refresh_from_db()
    assert token.revoked_at is None

    response = client.post(url)
    assert response.status_code == 302 and response.url == PROFILE
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert ApiToken.authenticate(raw) is None
    assert AuditEvent.objects.filter(
        action="api_token.revoked", object_id=str(token.pk), actor=applicant
    ).exists()
    profile = client.get(PROFILE)
    assert list(profile.context["tokens"]) == []
    assert url not in profile.content.decode()
    assert client.post(url).status_code == 404


def test_another_users_token_cannot_be_seen_or_revoked(client, applicant, user_factory, espoo):
    other = user_factory("applicant", espoo, email="other@example.com")
    token, raw = ApiToken.issue(other, "Not yours")
    url = reverse("accounts:token_revoke", args=[token.pk])

    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert "Not yours" not in client.get(PROFILE).content.decode()
    token.refresh_from_db()
    assert token.revoked_at is None
    assert ApiToken.authenticate(raw).user == other
    assert not AuditEvent.objects.filter(action="api_token.revoked").exists()


def test_a_token_is_read_only_unless_given_the_write_scope(client, applicant, reference_data):
    read, raw_read = ApiToken.issue(applicant, "Reporting")
    _write, raw_write = ApiToken.issue(applicant, "Integration", scope=ApiToken.Scope.WRITE)
    assert read.scope == "read"
    body = {"call": 1, "organisation": "091"}

    refused = client.post("/api/v1/applications/", body, content_type="application/json",
                          HTTP_AUTHORIZATION=f"Bearer {raw_read}")  # fmt: skip
    allowed_to_try = client.post("/api/v1/applications/", body, content_type="application/json",
                                 HTTP_AUTHORIZATION=f"Bearer {raw_write}")  # fmt: skip

    assert refused.status_code == 403 and refused.json()["code"] == "insufficient_scope"
    assert allowed_to_try.status_code != 403 or allowed_to_try.json()["code"] != "insufficient_scope"
    assert client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer {raw_read}").status_code == 200


def test_a_token_expires(client, applicant):
    import time_machine

    from kannustin.core import clock

    token, raw = ApiToken.issue(applicant, "Short", days=30)
    assert (token.expires_at - clock.now()).days in {29, 30}
    with time_machine.travel(token.expires_at + timedelta(seconds=1)):
        assert ApiToken.authenticate(raw) is None
        assert client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401
        assert list(ApiToken.objects.active()) == []


def test_the_token_form_asks_for_scope_and_lifetime(client, applicant):
    response = client.post(
        reverse("accounts:token_create"),
        {"token-name": "Integration", "token-scope": "write", "token-days": "365"},
    )
    assert response.status_code == 302
    token = ApiToken.objects.get(user=applicant)
    assert (
        token.scope == "write" and round((token.expires_at - token.created_at).total_seconds() / 86400) == 365
    )
    bad = client.post(
        reverse("accounts:token_create"), {"token-name": "X", "token-scope": "admin", "token-days": "9999"}
    )
    assert bad.status_code == 200 and set(bad.context["token_form"].errors) == {"scope", "days"}


def test_a_ministry_users_token_needs_their_second_factor(client, user_factory):
    from allauth.mfa.models import Authenticator

    official = user_factory("official")
    _token, raw = ApiToken.issue(official, "Case management")
    assert client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200

    Authenticator.objects.filter(user=official).delete()  # e.g. an administrator reset it

    assert ApiToken.authenticate(raw) is None
    assert client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401
