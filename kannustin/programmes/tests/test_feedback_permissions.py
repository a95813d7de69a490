import pytest
from django.urls import reverse

from kannustin.accounts.roles import Role
from kannustin.programmes.models import Feedback

pytestmark = pytest.mark.django_db


def login(client, user):
    client.force_login(user)


def test_officials_handle_feedback(client, user_factory):
    official = user_factory(Role.OFFICIAL)
    item = Feedback.objects.create(message="Linkki ei toimi")
    login(client, official)
    assert "Linkki ei toimi" in client.get(reverse("programmes:feedback_list")).content.decode()
    client.post(reverse("programmes:feedback_handled", args=[item.pk]))
    item.refresh_from_db()
    assert item.handled_by == official


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.APPLICANT, Role.SIGNATORY])
def test_others_cannot_see_feedback(client, user_factory, helsinki, role):
    user = user_factory(role, helsinki if role in (Role.APPLICANT, Role.SIGNATORY) else None)
    login(client, user)
    assert client.get(reverse("programmes:feedback_list")).status_code == 403


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.PRESENTER, Role.SIGNATORY])
def test_others_cannot_mark_feedback_handled(client, user_factory, helsinki, role):
    item = Feedback.objects.create(message="Linkki ei toimi")
    user = user_factory(role, helsinki if role == Role.SIGNATORY else None)
    login(client, user)
    assert client.post(reverse("programmes:feedback_handled", args=[item.pk])).status_code == 403
    item.refresh_from_db()
    assert item.handled_at is None
