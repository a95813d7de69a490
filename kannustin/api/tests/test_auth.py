import pytest
from django.test import Client

from kannustin.accounts.models import ApiToken
from kannustin.accounts.roles import Role

pytestmark = pytest.mark.django_db

ME = "/api/v1/me/"


def bearer(raw):
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def assert_not_authenticated(response, invalid_token):
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["code"] == "not_authenticated"
    assert body["detail"]
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert ('error="invalid_token"' in response["WWW-Authenticate"]) is invalid_token


def test_no_token(client):
    assert_not_authenticated(client.get(ME), invalid_token=False)


@pytest.mark.parametrize(
    "header",
    [
        "Bearer kan_not-a-real-token",
        "Bearer ",
        "Basic dXNlcjpwYXNz",
        "Bearer two words",
        "Bearer " + "x" * 5000,
    ],
)
def test_bad_token(client, header):
    assert_not_authenticated(client.get(ME, HTTP_AUTHORIZATION=header), invalid_token=True)


def test_revoked_token(client, user_factory, helsinki):
    user = user_factory(Role.APPLICANT, helsinki)
    token, raw = ApiToken.issue(user, "integration")
    assert client.get(ME, **bearer(raw)).status_code == 200
    token.revoke()
    assert_not_authenticated(client.get(ME, **bearer(raw)), invalid_token=True)


def test_token_of_inactive_user(client, user_factory, helsinki):
    user = user_factory(Role.APPLICANT, helsinki)
    _token, raw = ApiToken.issue(user, "integration")
    user.is_active = False
    user.save()
    assert_not_authenticated(client.get(ME, **bearer(raw)), invalid_token=True)


def test_good_token_identifies_municipal_user(client, user_factory, helsinki):
    user = user_factory(Role.SIGNATORY, helsinki)
    _token, raw = ApiToken.issue(user, "integration")
    response = client.get(ME, HTTP_AUTHORIZATION=f"bearer {raw}")  # the scheme is case-insensitive
    assert response.status_code == 200
    assert response.json() == {
        "email": "signatory-091@example.com",
        "name": "Signatory",
        "language": "fi",
        "ministry_roles": [],
        "memberships": [
            {
                "organisation": {
                    "id": helsinki.pk,
                    "kind": "municipality",
                    "code": "091",
                    "business_id": None,
                    "name_fi": "Helsinki",
                    "name_sv": "Helsingfors",
                    "name_en": "Helsinki",
                },
                "role": "signatory",
            }
        ],
    }


def test_good_token_identifies_ministry_user(client, user_factory):
    user = user_factory(Role.OFFICIAL)
    _token, raw = ApiToken.issue(user, "integration")
    body = client.get(ME, **bearer(raw)).json()
    assert body["email"] == user.email
    assert body["ministry_roles"] == ["official"]
    assert body["memberships"] == []


def test_token_use_is_stamped(client, user_factory, helsinki):
    user = user_factory(Role.APPLICANT, helsinki)
    token, raw = ApiToken.issue(user, "integration")
    assert token.last_used_at is None
    client.get(ME, **bearer(raw))
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_request_user_is_the_token_user(user_factory, helsinki, rf):
    from kannustin.api.auth import bearer as auth

    user = user_factory(Role.APPLICANT, helsinki)
    _token, raw = ApiToken.issue(user, "integration")
    request = rf.get(ME, HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert auth(request) == user
    assert request.user == user


def test_bearer_requests_need_no_csrf_token(user_factory, helsinki):
    user = user_factory(Role.APPLICANT, helsinki)
    _token, raw = ApiToken.issue(user, "integration")
    client = Client(enforce_csrf_checks=True)
    # A POST is answered by the API (405 JSON), not refused by Django's CSRF check (403 HTML).
    response = client.post(ME, **bearer(raw))
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"


def test_me_query_count_does_not_grow_with_memberships(
    client, user_factory, helsinki, espoo, django_assert_num_queries
):
    from kannustin.accounts.models import Membership
    from kannustin.registry.models import Organisation

    user = user_factory(Role.APPLICANT, helsinki)
    _token, raw = ApiToken.issue(user, "integration")
    client.get(ME, **bearer(raw))  # stamps last_used_at, which is then skipped for a minute
    # token+user, ministry roles, memberships with organisations
    with django_assert_num_queries(3):
        assert len(client.get(ME, **bearer(raw)).json()["memberships"]) == 1
    for org in Organisation.objects.municipalities().exclude(pk=helsinki.pk)[:20]:
        Membership.objects.create(user=user, organisation=org, role="applicant")
    with django_assert_num_queries(3):
        assert len(client.get(ME, **bearer(raw)).json()["memberships"]) == 21
