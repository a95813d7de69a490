"""Walk the public pages in Finnish, Swedish and English and sign in as every demo role; axe judges each page."""

from urllib.parse import urlparse

import pytest
from django.core.management import call_command

from kannustin.demo.users import DEMO_PASSWORD, DEMO_USERS

from .journey import fresh_totp

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(settings):
    settings.DEBUG = True  # seed_demo refuses to run with DEBUG off
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.DEBUG = False


LANGUAGE_LINKS = {"fi": "Suomeksi", "sv": "På svenska", "en": "In English"}
HEADINGS = {
    "fi": "Kuntien digitalisaation kannustinjärjestelmä",
    "sv": "Incitamentsystemet för digitalisering i kommunerna",
    "en": "Incentive programme for digitalisation in municipalities",
}


def test_public_pages_in_each_language(page, demo, check_a11y):
    """One seeded demo for the three languages: seeding takes longer than walking the pages."""
    for language in ("fi", "sv", "en"):
        walk_public_pages(page, check_a11y, language)


def walk_public_pages(page, check_a11y, language):
    page.goto("/")
    with page.expect_navigation():  # each language is a button of a small POST form
        page.get_by_role("button", name=LANGUAGE_LINKS[language]).first.click()
    assert page.locator("html").get_attribute("lang") == language
    assert HEADINGS[language] in page.locator("h1").inner_text()
    check_a11y(page)

    # Every call page of the current programme, the FAQ, the statement, the privacy notice, the feedback form.
    call_links = page.locator("main a[href*='/calls/']")
    hrefs = sorted({call_links.nth(i).get_attribute("href") for i in range(call_links.count())})
    assert len(hrefs) >= 3
    for href in [*hrefs, "/faq/", "/pages/accessibility/", "/pages/privacy/", "/accessibility/feedback/",
                 "/programmes/kannustin-2019/", "/funded-projects/"]:  # fmt: skip
        page.goto(href)  # an old address without the language is sent on to the remembered one's
        assert urlparse(page.url).path.startswith(f"/{language}/"), (language, href, page.url)
        assert page.locator("html").get_attribute("lang") == language, (language, href)
        assert page.locator("h1").count() == 1, (language, href)
        check_a11y(page)

    # The feedback form: an empty send shows the error summary (accessible too), a real one thanks.
    page.goto("/accessibility/feedback/")
    with page.expect_navigation():
        page.get_by_role("button").filter(has_text=_send_label(language)).click()
    assert page.locator(".govuk-error-summary").is_visible(), language
    check_a11y(page)


def _send_label(language):
    return {"fi": "Lähetä", "sv": "Skicka", "en": "Send"}[language]


def login(page, email, *, ministry):
    page.goto("/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    if ministry:
        page.fill("input[name=code]", fresh_totp())
        with page.expect_navigation():
            page.locator("main form button[type=submit]").first.click()


def test_every_demo_role_can_sign_in(page, demo, check_a11y):
    """Each demo account in turn, in one seeded demo (signed out between them by clearing the cookies)."""
    for email, role, *_ in DEMO_USERS:
        page.context.clear_cookies()
        page.goto("/accounts/login/")
        check_a11y(page)
        ministry = role not in ("applicant", "signatory")
        login(page, email, ministry=ministry)
        page.goto("/profile/")
        assert email in page.content(), role
        check_a11y(page)
        if ministry:
            assert "/accounts/2fa/" not in page.url, role
