import re

import pytest
from django.conf import settings
from django.urls import reverse

from kannustin.accounts.models import Membership
from kannustin.accounts.roles import Role
from kannustin.core.models import AuditEvent

pytestmark = pytest.mark.django_db
PROFILE = reverse("accounts:profile")


def in_english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def test_profile_needs_sign_in(client):
    response = client.get(PROFILE)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_profile_shows_memberships_and_roles_by_their_labels(client, user_factory, helsinki, espoo):
    user = user_factory("signatory", helsinki, email="person@example.com")
    Membership.objects.create(user=user, organisation=espoo, role=Role.APPLICANT)
    client.force_login(user)
    in_english(client)

    response = client.get(PROFILE)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Helsinki" in html and "Espoo" in html
    assert ">Signatory<" in html and ">Applicant<" in html
    assert ">signatory<" not in html and ">applicant<" not in html
    assert reverse("account_change_password") in html
    assert reverse("account_email") in html
    assert reverse("mfa_index") in html


def test_ministry_roles_are_listed(client, user_factory):
    user = user_factory("decision_maker", email="ratkaisija@vm.example")
    client.force_login(user)
    in_english(client)

    html = client.get(PROFILE).content.decode()

    assert "Decision-maker" in html and "decision_maker" not in html


def test_profile_edit_saves_and_records_an_audit_event(client, user_factory, helsinki):
    user = user_factory("applicant", helsinki, email="person@example.com")
    client.force_login(user)

    response = client.post(
        PROFILE,
        {
            "name": "  Maija   Meikäläinen ",
            "title": "Tietohallintojohtaja",
            "phone": "+358 40 123 4567",
            "language": "sv",
        },
    )

    assert response.status_code == 302 and response.url == PROFILE
    user.refresh_from_db()
    assert (user.name, user.title, user.phone, user.language) == (
        "Maija Meikäläinen", "Tietohallintojohtaja", "+358 40 123 4567", "sv",
    )  # fmt: skip
    event = AuditEvent.objects.get(action="profile.updated")
    assert event.actor == user and event.object_id == str(user.pk)
    assert event.changes["language"] == {"before": "fi", "after": "sv"}
    assert "email" not in event.changes
    # The interface follows the newly chosen language at once.
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "sv"


def test_profile_edit_cannot_change_the_sign_in_email(client, user_factory, helsinki):
    user = user_factory("applicant", helsinki, email="person@example.com")
    client.force_login(user)

    client.post(PROFILE, {"name": "Maija", "email": "attacker@example.com", "language": "fi"})

    user.refresh_from_db()
    assert user.email == "person@example.com" and user.name == "Maija"


def test_saving_without_changes_writes_no_audit_event(client, user_factory, helsinki):
    user = user_factory("applicant", helsinki, email="person@example.com")
    client.force_login(user)
    client.post(PROFILE, {"name": user.name, "title": "", "phone": "", "language": "fi"})
    assert not AuditEvent.objects.filter(action="profile.updated").exists()


def test_invalid_profile_shows_errors_and_saves_nothing(client, user_factory, helsinki):
    user = user_factory("applicant", helsinki, email="person@example.com")
    client.force_login(user)
    in_english(client)

    response = client.post(PROFILE, {"name": "", "language": "de"})

    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"name", "language"}
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert "<title>Error:" in html
    user.refresh_from_db()
    assert user.name == "Applicant" and user.language == "fi"
    assert not AuditEvent.objects.filter(action="profile.updated").exists()


def test_profile_page_ids_are_unique(client, user_factory, helsinki):
    """Two forms share the page; duplicate ids would break labels and the error summary's links."""
    client.force_login(user_factory("applicant", helsinki, email="person@example.com"))
    html = client.post(reverse("accounts:token_create"), {"token-name": ""}).content.decode()
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert 'href="#id_token-name"' in html
