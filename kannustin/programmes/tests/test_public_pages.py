import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from kannustin.accounts.roles import Role
from kannustin.core.models import AuditEvent, OutboundEmail
from kannustin.programmes.models import Feedback, Question, QuestionSet, QuestionSetLocked, SitePage

from .factories import make_programme

pytestmark = pytest.mark.django_db


def set_language(client, code):
    client.post(reverse("set_language", args=[code]))


@pytest.mark.parametrize(
    ("language", "name"), [("fi", "Testiohjelma"), ("sv", "Testprogram"), ("en", "Test programme")]
)
def test_programme_page_in_three_languages(client, language, name):
    make_programme()
    set_language(client, language)
    response = client.get("/", follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert name in html
    assert "maija@vm.example" in html


def test_default_language_is_finnish_whatever_the_browser_says(client):
    make_programme()
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9", follow=True)
    assert '<html lang="fi"' in response.content.decode()


def test_language_choice_is_remembered_and_only_safe_redirects(client):
    response = client.post(reverse("set_language", args=["sv"]), {"next": "https://evil.example/"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.cookies["kannustin_language"].value == "sv"
    response = client.post(reverse("set_language", args=["en"]), {"next": "/faq/?q=1"})
    assert response["Location"] == "/faq/?q=1" and client.cookies["kannustin_language"].value == "en"


def test_the_language_switch_needs_a_post_with_its_csrf_token(client, user_factory, helsinki):
    """A GET (an old link, a crawler, a prefetch) changes nothing; a POST from another site is refused."""
    from django.test import Client

    response = client.get(reverse("set_language", args=["sv"]) + "?next=/faq/")
    assert response.status_code == 302 and response["Location"] == "/faq/"
    assert "kannustin_language" not in response.cookies
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("set_language", args=["sv"]), {"next": "/"})
    assert response.status_code == 403 and "kannustin_language" not in response.cookies
    # With the token the header's form carries, it works.
    page = strict.get("/", follow=True).content.decode()
    token = re.search(
        r'action="/language/sv/"><input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)"', page
    )
    response = strict.post(
        reverse("set_language", args=["sv"]), {"next": "/", "csrfmiddlewaretoken": token.group(1)}
    )
    assert response.status_code == 302 and response.cookies["kannustin_language"].value == "sv"


def test_the_language_switch_leaves_the_profile_language_alone(client, user_factory, helsinki):
    user = user_factory(Role.APPLICANT, helsinki)
    assert user.language == "fi"
    client.force_login(user)
    client.post(reverse("set_language", args=["sv"]), {"next": "/"})
    assert '<html lang="sv"' in client.get("/", follow=True).content.decode()
    user.refresh_from_db()
    assert user.language == "fi"


def test_timetable_status_follows_the_clock(client):
    programme, call = make_programme(opens_in_days=1, closes_in_days=5)
    page = client.get(reverse("programmes:call", args=[programme.slug, call.slug])).content.decode()
    assert "govuk-tag--blue" in page  # upcoming
    with time_machine.travel(call.opens_at):
        assert "govuk-tag--green" in client.get("/", follow=True).content.decode()
    with time_machine.travel(call.closes_at):
        page = client.get(reverse("programmes:call", args=[programme.slug, call.slug])).content.decode()
        assert "govuk-tag--grey" in page


def test_call_page_shows_criteria_costs_and_maturity(client):
    programme, call = make_programme()
    page = client.get(reverse("programmes:call", args=[programme.slug, call.slug])).content.decode()
    for text in ("Vaikuttavuus", "Henkilöstö", "Tieto", "Kuvaa vaikuttavuus", "85"):
        assert text in page


def test_unpublished_call_is_not_found(client):
    programme, call = make_programme()
    call.is_published = False
    call.save()
    assert client.get(reverse("programmes:call", args=[programme.slug, call.slug])).status_code == 404


def test_site_pages(client):
    SitePage.objects.create(key="privacy", title_fi="Tietosuojaseloste", body_fi="Rekisterinpitäjä on VM.")
    assert (
        "Rekisterinpitäjä" in client.get(reverse("programmes:site_page", args=["privacy"])).content.decode()
    )
    assert client.get(reverse("programmes:site_page", args=["accessibility"])).status_code == 200
    assert client.get(reverse("programmes:site_page", args=["nothing"])).status_code == 404


def test_feedback_reaches_officials(client, user_factory, django_capture_on_commit_callbacks):
    official = user_factory(Role.OFFICIAL)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("programmes:feedback"), {"message": "Kontrasti on liian heikko.", "page_url": "/faq/"}
        )
    assert response.status_code == 302
    item = Feedback.objects.get()
    assert item.message == "Kontrasti on liian heikko."
    assert OutboundEmail.objects.filter(to=[official.email]).exists()
    assert [m.to for m in mail.outbox] == [[official.email]]
    assert AuditEvent.objects.filter(action="feedback.received").exists()


def test_each_official_gets_the_feedback_list_at_the_address_in_their_language(
    client, user_factory, django_capture_on_commit_callbacks
):
    finnish = user_factory(Role.OFFICIAL)
    swedish = user_factory(Role.OFFICIAL, email="tjansteman@example.com")
    swedish.language = "sv"
    swedish.save(update_fields=["language"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("programmes:feedback"), {"message": "Kontrasti on liian heikko."})
    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert "/fi/ministry/feedback/" in bodies[finnish.email]
    assert "/sv/ministry/feedback/" in bodies[swedish.email]


def test_empty_feedback_keeps_what_was_typed_and_explains(client):
    response = client.post(reverse("programmes:feedback"), {"message": "", "email": "minä@example.com"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="minä@example.com"' in html
    assert Feedback.objects.count() == 0


def test_question_set_in_use_cannot_change_in_place():
    _programme, call = make_programme(opens_in_days=-1)
    question_set = call.current_question_set()
    assert question_set.is_locked
    question = question_set.questions.get()
    question.label_fi = "Muutettu"
    with pytest.raises(QuestionSetLocked):
        question.save()
    with pytest.raises(QuestionSetLocked):
        question.delete()
    copy = question_set.new_version(note="typo")
    assert copy.version == 2 and copy.questions.count() == 1
    assert call.current_question_set() == copy
    assert QuestionSet.objects.get(pk=question_set.pk).questions.get().label_fi == "Kuvaa vaikuttavuus"


def test_question_set_before_opening_can_be_edited():
    _programme, call = make_programme(opens_in_days=3)
    question = call.current_question_set().questions.get()
    question.label_fi = "Muutettu"
    question.save()
    assert Question.objects.get(pk=question.pk).label_fi == "Muutettu"
