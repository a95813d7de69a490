"""Sign-in, sign-out, password reset and the second factor speak the service's own Finnish and Swedish, not the
authentication library's ("epost-adress", "mail", "Vänligen …", "Kirjauduttiin sisään käyttäjänä …")."""

import gettext as gettext_module
import re
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation

from conftest import TEST_PASSWORD
from kannustin.accounts.allauth_texts import CONTEXT_TEXTS, PLURAL_TEXTS, TEXTS

pytestmark = pytest.mark.django_db

# allauth's own words that must never reach a Finnish or Swedish page or email.
FOREIGN = {
    "sv": re.compile(r"epost|\bmail(et|en)?\b|Vänligen|Felaktig inlogging|Token för|primära epost", re.I),
    "fi": re.compile(r"Kirjauduttiin|Terve palvelusta|tunnistinkoodi|Tunnistinsovellus|Ole hyvä ja", re.I),
}


def catalogue(language: str) -> dict:
    path = Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.mo"
    with path.open("rb") as stream:
        return gettext_module.GNUTranslations(stream)._catalog


def keys() -> list:
    """The catalogue keys of the marked texts: the msgid, "context\x04msgid", or (msgid, 0) for a plural."""
    return [
        *TEXTS,
        *(f"{context}\x04{text}" for context, text in CONTEXT_TEXTS),
        *((singular, 0) for singular, _plural in PLURAL_TEXTS),
    ]


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_allauth_text_we_show_has_our_own_translation(language):
    ours = catalogue(language)
    missing = []
    for key in keys():
        if not ours.get(key):
            missing.append(key)
    assert not missing, f"translate in locale/{language}: {missing}"
    # And ours is what Django uses (LOCALE_PATHS come before allauth's catalogues).
    with translation.override(language):
        assert (
            translation.gettext("Successfully signed in as %(name)s.")
            == ours["Successfully signed in as %(name)s."]
        )


def page_text(response) -> str:
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_sign_in_and_password_reset_pages_speak_the_services_language(
    client, user_factory, helsinki, language, django_capture_on_commit_callbacks
):
    user = user_factory("signatory", helsinki)
    client.cookies["kannustin_language"] = language
    pages = [
        client.get(reverse("account_login")),
        client.post(reverse("account_login"), {"login": user.email, "password": "wrong password"}),
        client.get(reverse("account_reset_password")),
    ]
    with django_capture_on_commit_callbacks(execute=True):  # the outbox delivers after commit
        pages.append(client.post(reverse("account_reset_password"), {"email": user.email}, follow=True))
    pages.append(client.get(reverse("account_reset_password_from_key", args=["x", "bad-key"]), follow=True))
    reset_email = mail.outbox[-1]
    client.cookies["kannustin_language"] = language
    signed_in = client.post(
        reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD}, follow=True
    )
    pages += [
        signed_in,
        client.get(reverse("account_change_password")),
        client.get(reverse("account_email")),
        client.get(reverse("account_logout")),
    ]
    for response in pages:
        assert response.status_code == 200, response.request["PATH_INFO"]
        text = page_text(response)
        assert f'lang="{language}"' in response.content.decode()
        found = FOREIGN[language].findall(text)
        assert not found, (response.request["PATH_INFO"], found)
    with translation.override(language):
        welcome = translation.gettext("Successfully signed in as %(name)s.") % {"name": user.name}
    assert welcome in page_text(signed_in)
    # The reset email: the service's greeting and signature, its own words.
    body = reset_email.body
    assert not FOREIGN[language].findall(body + reset_email.subject), body
    with translation.override(language):
        assert body.startswith(translation.gettext("Hello,"))
        assert translation.gettext("Ministry of Finance") in body
    assert "/accounts/password/reset/key/" in body


def test_the_email_pages_name_addresses_in_swedish(client, user_factory, helsinki):
    user = user_factory("signatory", helsinki)
    EmailAddress.objects.filter(user=user).update(primary=True)
    client.force_login(user)
    client.cookies["kannustin_language"] = "sv"
    text = page_text(client.get(reverse("account_email")))
    assert "E-postadresser" in text and "epost" not in text.lower()
