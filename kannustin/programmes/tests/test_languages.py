"""Equal service in Finnish and Swedish on the public pages: the decree's own title in each language, no
Finnish left on Swedish pages, no doubled markers, one demo notice."""

import re

import pytest
from django.urls import reverse

from kannustin.core.i18n import in_language
from kannustin.programmes import setup
from kannustin.programmes.models import Programme, SitePage

pytestmark = pytest.mark.django_db

# The decree 893/2019 as Finlex titles it in each language, and the wrong Swedish form used before.
DECREE = {
    "fi": "kuntien digitalisaation kannustinjärjestelmästä (893/2019)",
    "sv": "förordning om incitamentsystemet för digitalisering i kommunerna (893/2019)",
    "en": "Decree on the incentive system for digitalisation in municipalities (893/2019)",
}
WRONG_SWEDISH = "för kommunernas digitalisering"


def page(client, language, path) -> str:
    client.cookies["kannustin_language"] = language
    response = client.get(in_language(path, language), follow=True)
    assert response.status_code == 200, path
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    return html


def main(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def programme_2019():
    programme = setup.create_programme_2019()
    setup.create_faq(programme)
    setup.create_site_pages()
    return programme


@pytest.fixture
def demo(programme_2019):
    from kannustin.core import clock

    return setup.create_demo_programme(clock.helsinki(clock.now()).date())


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_decree_has_its_own_title_in_each_language(client, programme_2019, demo, language):
    pages = {
        "front page": reverse("programmes:home"),
        "2019 programme": reverse("programmes:programme", args=[programme_2019.slug]),
        "privacy notice": reverse("programmes:site_page", args=["privacy"]),
    }
    for name, path in pages.items():
        body = text_of(main(page(client, language, path)))
        assert DECREE[language].casefold() in body.casefold(), name
        assert WRONG_SWEDISH not in body, name


def test_the_programmes_swedish_name_follows_the_decree(programme_2019, demo):
    for programme in Programme.objects.all():
        assert programme.name_sv.startswith("Incitamentsystemet för digitalisering i kommunerna"), programme
        assert WRONG_SWEDISH not in programme.name_sv


def test_swedish_accessibility_statement_has_no_finnish_addresses_or_raw_paths(client, programme_2019):
    statement = SitePage.objects.get(key="accessibility")
    html = main(page(client, "sv", reverse("programmes:site_page", args=["accessibility"])))
    # The supervisory authority's site in Swedish, not only the Finnish one.
    assert "https://www.tillganglighetskrav.fi" in html
    assert "saavutettavuusvaatimukset.fi</a>" not in html
    # Links read as words, not as a path.
    assert not re.search(r">\s*/[a-z/-]*\s*</a>", html), re.findall(r">\s*/[a-z/-]*\s*</a>", html)
    # No Finnish words in the addresses to write to.
    for address in re.findall(r"[\w.+-]+@[\w.-]+", statement.body_sv):
        assert not re.search(r"saavutettavuus|tietosuoja|palaute", address), address
    privacy = text_of(main(page(client, "sv", reverse("programmes:site_page", args=["privacy"]))))
    for address in re.findall(r"[\w.+-]+@[\w.-]+", privacy):
        assert not re.search(r"saavutettavuus|tietosuoja|palaute", address), address
    english = main(page(client, "en", reverse("programmes:site_page", args=["accessibility"])))
    assert "https://www.accessibilityrequirements.fi" in english


@pytest.mark.parametrize(
    ("language", "place"), [("fi", "Helsinki"), ("sv", "Helsingfors"), ("en", "Helsinki")]
)
def test_the_workshops_place_is_named_in_the_pages_language(client, programme_2019, language, place):
    body = text_of(main(page(client, language, reverse("programmes:programme", args=[programme_2019.slug]))))
    assert f", {place}" in body
    assert "Helsinki / Helsingfors" not in body


@pytest.mark.parametrize(("language", "optional"), [("fi", "(vapaaehtoinen)"), ("sv", "(frivilligt)")])
def test_optional_fields_of_the_feedback_form_are_marked_once(client, language, optional):
    html = page(client, language, reverse("programmes:feedback"))
    assert f"{optional} {optional}" not in text_of(html)
    assert text_of(main(html)).count(optional) == 3  # page, name, email


def test_the_demo_notice_is_shown_once_on_the_front_page(client, demo):
    for language in ("fi", "sv", "en"):
        body = text_of(main(page(client, language, "/")))
        assert body.count("demo") >= 1
        notices = re.findall(r"(?:Tämä on demokierros|Detta är en demoomgång|This is a demo round)", body)
        assert len(notices) == 1, (language, notices)


# The journey of a once-a-year applicant: the call page and the help box ---------------------------------

START_ICON = "govuk-button--start"


def call_url(call) -> str:
    return reverse("programmes:call", args=[call.programme.slug, call.slug])


def test_an_open_calls_page_has_a_start_button(client, user_factory, reference_data):
    from kannustin.accounts.roles import Role
    from kannustin.registry.models import Organisation

    from .factories import make_programme

    _programme, call = make_programme()
    narpes = Organisation.objects.get(code="545")
    # Signed out: the start button leads to sign-in, and back to the call.
    html = main(page(client, "sv", call_url(call)))
    assert START_ICON in html
    assert f'href="/accounts/login/?next={in_language(call_url(call), "sv")}"' in html
    # A member of a municipality starts the application here.
    client.force_login(user_factory(Role.SIGNATORY, narpes))
    html = main(page(client, "sv", call_url(call)))
    start = reverse("applications:start", args=[call.pk, "545"])
    assert f'<form method="post" action="{start}"' in html and START_ICON in html
    assert "Närpes" in html
    response = client.post(start)
    assert response.status_code == 302 and "/applications/" in response["Location"]


def test_a_closed_or_upcoming_call_has_no_start_button(client, user_factory, reference_data):
    from .factories import make_programme

    _programme, call = make_programme(opens_in_days=3, closes_in_days=10)
    assert START_ICON not in main(page(client, "fi", call_url(call)))


def test_the_call_for_proposals_is_taken_part_in_here(client, programme_2019, demo, user_factory):
    """Proposals are made in the service by municipalities; other organisations register interest."""
    from kannustin.programmes.models import Call

    proposals = demo.calls.get(stage=Call.Stage.PROPOSAL)
    assert proposals.state == "open"
    from kannustin.registry.models import Organisation

    client.force_login(user_factory("signatory", Organisation.objects.get(code="545")))
    for language in ("fi", "sv", "en"):
        html = main(page(client, language, call_url(proposals)))
        start = reverse("applications:start", args=[proposals.pk, "545"])
        assert f'<form method="post" action="{start}"' in html and START_ICON in html
        assert reverse("jointprojects:proposals") in html
        programme_html = main(page(client, language, "/"))
        row = programme_html[programme_html.index(in_language(call_url(proposals), language)) :][:600]
        assert "govuk-tag--green" in row


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_help_box_names_the_contact_people_with_their_languages(client, programme_2019, demo, language):
    html = main(page(client, language, call_url(demo.calls.get(slug="kohde-1"))))
    box = html[html.index("data-help-box") :]
    for person in demo.contacts.all():
        assert person.name in box and f"mailto:{person.email}" in box and person.phone in box
    names = {"fi": ("suomi", "ruotsi"), "sv": ("finska", "svenska")}[language]
    assert all(name in box for name in names)
    # Those who serve the reader's language come first.
    first = re.search(r"<strong>([^<]+)</strong>", box).group(1)
    assert demo.contacts.get(name=first).serves(language)
