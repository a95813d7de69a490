"""Shareable addresses per language: every public page opens in the language its address names (/fi/, /sv/,
/en/), points to the other two with hreflang alternates, and the language navigation keeps the page."""

import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from kannustin.accounts.roles import Role
from kannustin.core.i18n import in_language
from kannustin.programmes.tests.factories import make_programme

pytestmark = pytest.mark.django_db

COOKIE = settings.LANGUAGE_COOKIE_NAME


@pytest.fixture
def public_pages(reference_data):
    programme, call = make_programme()
    with translation.override("fi"):
        return {
            "front page": reverse("programmes:home"),
            "programme": reverse("programmes:programme", args=[programme.slug]),
            "call": reverse("programmes:call", args=[programme.slug, call.slug]),
            "FAQ": reverse("programmes:faq"),
            "feedback": reverse("programmes:feedback"),
            "funded projects": reverse("funded_projects"),
            "open data": reverse("reports:open_data"),
        }


def alternates(html: str) -> dict:
    return dict(re.findall(r'<link rel="alternate" hreflang="(\w\w)" href="([^"]+)">', html))


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_each_public_page_opens_in_its_addresses_language_whatever_was_remembered(
    client, public_pages, language
):
    client.cookies[COOKIE] = "sv" if language != "sv" else "en"  # a different language remembered
    for name, finnish in public_pages.items():
        address = in_language(finnish, language)
        assert address.startswith(f"/{language}/"), name
        response = client.get(address)
        assert response.status_code == 200, name
        html = response.content.decode()
        assert f'<html lang="{language}"' in html, name
        assert alternates(html) == {
            code: f"http://testserver{in_language(finnish, code)}" for code in ("fi", "sv", "en")
        }, name
        client.cookies[COOKIE] = "sv" if language != "sv" else "en"


def test_opening_a_swedish_address_remembers_swedish_for_the_pages_after_it(client, public_pages):
    response = client.get(in_language(public_pages["call"], "sv"))
    assert response.cookies[COOKIE].value == "sv"
    login = client.get(reverse("account_login")).content.decode()
    assert '<html lang="sv"' in login
    assert not alternates(login)  # the service's own pages have one address, in the remembered language
    # Opening it again sets nothing new.
    assert COOKIE not in client.get(in_language(public_pages["call"], "sv")).cookies


def test_an_old_address_without_the_language_is_sent_on_in_the_remembered_language(client, public_pages):
    response = client.get("/faq/?q=haku")
    assert response.status_code == 302 and response["Location"] == "/fi/faq/?q=haku"
    client.cookies[COOKIE] = "sv"
    assert client.get("/").headers["Location"] == "/sv/"
    assert client.get("/funded-projects/")["Location"] == "/sv/funded-projects/"
    assert client.get("/faq").status_code in (301, 302)  # the missing slash, then the language
    assert client.get("/no-such-page/").status_code == 404
    assert client.get("/de/faq/").status_code == 404


def test_a_signed_in_users_own_language_picks_the_address_when_nothing_is_remembered(
    client, user_factory, helsinki, public_pages
):
    user = user_factory(Role.SIGNATORY, helsinki)
    user.language = "en"
    user.save(update_fields=["language"])
    client.force_login(user)
    assert client.get("/faq/")["Location"] == "/en/faq/"


def test_the_language_navigation_keeps_the_page_and_its_query(client, public_pages):
    page = client.get(in_language(public_pages["FAQ"], "sv")).content.decode()
    assert 'action="/language/en/"><input type="hidden" name="csrfmiddlewaretoken"' in page
    response = client.post(reverse("set_language", args=["en"]), {"next": "/sv/faq/?q=haku"})
    assert response["Location"] == "/en/faq/?q=haku"
    assert response.cookies[COOKIE].value == "en"
    # Any other page stays where it was; only the remembered language changes.
    response = client.post(reverse("set_language", args=["sv"]), {"next": "/applications/"})
    assert response["Location"] == "/applications/" and response.cookies[COOKIE].value == "sv"
    # An address of another site is still refused.
    response = client.post(reverse("set_language", args=["sv"]), {"next": "https://evil.example/fi/faq/"})
    assert response["Location"] == "/"


def test_links_on_a_page_follow_its_language(client, public_pages):
    html = client.get(in_language(public_pages["front page"], "sv")).content.decode()
    assert 'href="/sv/faq/"' in html and 'href="/fi/faq/"' not in html
