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
    assert ApiToken.authenticate(raw) == applicant
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
    assert ApiToken.authenticate(raw) == other
    assert not AuditEvent.objects.filter(action="api_token.revoked").exists()
