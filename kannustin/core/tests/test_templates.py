"""The shared layout (base, header, footer, messages), the error pages and the compiled assets."""

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template import Context, Template, engines
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import translation

from kannustin.urls import urlpatterns as project_urlpatterns

# The project's URLs plus a few pages that exercise the layout and the error handlers.
PLAIN_PAGE = engines["django"].from_string(
    '{% extends "base.html" %}{% block page_title %}Plain{% endblock %}'
    '{% block content %}<h1 class="govuk-heading-l">Plain</h1>{% endblock %}'
)


def plain_page(request):
    if request.GET.get("message"):
        messages.success(request, "Saved")
    return HttpResponse(PLAIN_PAGE.render({}, request))


def bad_request(request):
    raise SuspiciousOperation("tampered")


def forbidden(request):
    raise PermissionDenied


def broken(request):
    raise RuntimeError("boom")


urlpatterns = [
    path("_layout/", plain_page),
    path("_layout/400/", bad_request),
    path("_layout/403/", forbidden),
    path("_layout/500/", broken),
    *project_urlpatterns,
]
handler400 = "kannustin.core.views.bad_request"
handler403 = "kannustin.core.views.permission_denied"
handler404 = "kannustin.core.views.page_not_found"
handler500 = "kannustin.core.views.server_error"

layout_urls = pytest.mark.urls("kannustin.core.tests.test_templates")


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.mark.django_db
@layout_urls
def test_the_base_layout_has_the_govuk_template_parts(english):
    html = english.get("/_layout/").content.decode()
    assert '<html lang="en" class="govuk-template">' in html
    assert "<title>Plain – Kannustin</title>" in html
    assert '<body class="govuk-template__body">' in html
    assert "govuk-frontend-supported" in html
    assert '<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">' in html
    assert '<main class="govuk-main-wrapper" id="main-content">' in html
    assert 'href="/static/css/kannustin.css"' in html
    assert '<script type="module" src="/static/js/kannustin.js"></script>' in html


@pytest.mark.django_db
@layout_urls
def test_the_header_is_kannustins_own_and_has_no_crown(english):
    html = english.get("/_layout/").content.decode()
    assert 'class="kannustin-header__wordmark">Kannustin</a>' in html
    assert "Ministry of Finance – municipal digitalisation incentive" in html
    assert "crown" not in html.lower()
    assert "GOV.UK" not in html
    assert "Open Government Licence" not in html


@pytest.mark.django_db
@layout_urls
def test_the_language_navigation_is_post_forms_with_lang_and_the_current_one_marked(client):
    """A small POST form per language, with its CSRF token: no link, prefetch or crawler changes anything,
    and it works without JavaScript."""
    html = client.get("/_layout/?a=1").content.decode()
    assert '<html lang="fi"' in html
    nav = html[html.index('<nav class="govuk-language-navigation') : html.index("</nav>")]
    for code, name in (("fi", "Suomeksi"), ("sv", "På svenska"), ("en", "In English")):
        form = re.search(rf'<form[^>]*action="/language/{code}/".*?</form>', nav, re.S).group(0)
        assert 'method="post"' in form
        assert 'name="csrfmiddlewaretoken"' in form
        assert '<input type="hidden" name="next" value="/_layout/?a=1">' in form
        assert re.search(
            rf'<button type="submit" class="[^"]*govuk-language-navigation__link[^"]*" lang="{code}"', form
        )
        assert f">{name}</button>" in form
    assert "<a " not in nav
    assert nav.count('aria-current="true"') == 1
    assert re.search(r'lang="fi" aria-current="true">Suomeksi</button>', nav)


@pytest.mark.django_db
@layout_urls
def test_signed_out_the_navigation_offers_sign_in(english):
    html = english.get("/_layout/").content.decode()
    assert 'href="/accounts/login/?next=/_layout/">Sign in</a>' in html
    assert "Sign out" not in html
    assert "My profile" not in html
    assert ">Programme</a>" in html and ">FAQ</a>" in html


@layout_urls
def test_signed_in_the_navigation_has_profile_and_a_sign_out_form(english, user_factory, helsinki):
    english.force_login(user_factory("applicant", helsinki))
    html = english.get("/_layout/").content.decode()
    assert 'href="/profile/">My profile</a>' in html
    assert '<form class="kannustin-inline-form" method="post" action="/accounts/logout/">' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert ">Sign out</button>" in html
    assert "Administration" not in html
    assert "Sign in" not in html


@layout_urls
def test_staff_see_the_administration_link(english, user_factory):
    english.force_login(user_factory("admin"))
    html = english.get("/_layout/").content.decode()
    assert 'href="/admin/">Administration</a>' in html


@translation.override("en")
def test_the_current_section_is_marked_in_the_service_navigation(rf):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/faq/")
    request.user = AnonymousUser()
    request.resolver_match = SimpleNamespace(view_name="programmes:faq")
    html = render_to_string("includes/header.html", request=request)
    assert (
        'href="/en/faq/" aria-current="page"><strong class="govuk-service-navigation__active-fallback">'
        in html
    )
    assert html.count('aria-current="page"') == 1

    request.resolver_match = SimpleNamespace(view_name="programmes:call")
    html = render_to_string("includes/header.html", request=request)
    assert 'href="/en/" aria-current="true">' in html


@pytest.mark.django_db
@layout_urls
def test_the_footer_has_the_support_links_ministry_and_attribution(english):
    html = english.get("/_layout/").content.decode()
    footer = html[html.index('<footer class="govuk-footer') :]
    for href in ("/en/pages/accessibility/", "/en/pages/privacy/", "/en/accessibility/feedback/", "/en/faq/"):
        assert f'href="{href}"' in footer
    assert "Municipality data © Statistics Finland, CC BY 4.0" in footer
    assert "Ministry of Finance" in footer


@pytest.mark.django_db
@layout_urls
def test_messages_show_as_notification_banners(english):
    html = english.get("/_layout/?message=1").content.decode()
    assert "govuk-notification-banner--success" in html
    assert "Saved" in html


@pytest.mark.django_db
def test_an_unknown_address_gets_the_404_page(english):
    response = english.get("/no-such-page-anywhere/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<title>Page not found – Kannustin</title>" in html
    assert '<h1 class="govuk-heading-l">Page not found</h1>' in html
    assert 'id="main-content"' in html


@pytest.mark.django_db
def test_the_404_page_is_in_the_chosen_language(client):
    response = client.get("/no-such-page-anywhere/")
    assert response.status_code == 404
    assert '<html lang="fi"' in response.content.decode()


@pytest.mark.django_db
@layout_urls
def test_the_400_page(english):
    response = english.get("/_layout/400/")
    assert response.status_code == 400
    assert "The request could not be handled" in response.content.decode()


@pytest.mark.django_db
@layout_urls
def test_the_403_page_suggests_signing_in_when_signed_out(english):
    response = english.get("/_layout/403/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "You do not have access to this page" in html
    assert 'href="/accounts/login/?next=/_layout/403/">Sign in</a>' in html


@layout_urls
def test_the_403_page_names_the_signed_in_user(english, user_factory, helsinki):
    user = user_factory("applicant", helsinki)
    english.force_login(user)
    response = english.get("/_layout/403/")
    assert response.status_code == 403
    assert f"You are signed in as {user.email}." in response.content.decode()


@layout_urls
def test_the_500_page_leaves_out_the_signed_in_parts(english, user_factory, helsinki):
    english.force_login(user_factory("applicant", helsinki))
    english.raise_request_exception = False
    response = english.get("/_layout/500/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html
    assert "Sign out" not in html and "My profile" not in html
    assert 'id="main-content"' in html


class Untouchable:
    """Fails the test when the template reads it: stands for the user and messages, which need the database."""

    def __getattr__(self, name):
        raise AssertionError(f"the 500 page read .{name}")

    def __iter__(self):
        raise AssertionError("the 500 page read the messages")

    def __bool__(self):
        raise AssertionError("the 500 page tested the user")


def test_the_500_page_renders_without_the_database(rf):
    # No django_db mark: any query fails the test.
    request = rf.get("/somewhere/")
    request.user = Untouchable()
    html = render_to_string(
        "errors/500.html",
        {"user": Untouchable(), "messages": Untouchable(), "perms": Untouchable()},
        request=request,
    )
    assert "govuk-header" in html or "kannustin-header" in html
    assert "<title>" in html and "Error:" not in html


@translation.override("en")
def test_pagination_keeps_the_filters_and_marks_the_current_page(rf):
    request = rf.get("/list/", {"status": "open", "page": "3"})
    page = Paginator(list(range(100)), 10).page(3)
    html = render_to_string("includes/pagination.html", {"page": page, "request": request})
    assert 'href="?status=open&amp;page=2" rel="prev"' in html
    assert 'href="?status=open&amp;page=4" rel="next"' in html
    assert 'href="?status=open&amp;page=3" aria-label="Page 3" aria-current="page">3</a>' in html
    assert "govuk-pagination__item--ellipses" in html
    single = Paginator([1], 10).page(1)
    assert render_to_string("includes/pagination.html", {"page": single, "request": request}).strip() == ""


@translation.override("en")
def test_the_summary_list_and_back_link_includes():
    html = Template(
        '{% include "includes/summary_list.html" with rows=rows %}{% include "includes/back_link.html" with href="/x/" %}'
    ).render(Context({"rows": [("Name", "Maija"), ("Email", "m@example.com", "/edit/", "email address")]}))
    assert '<dt class="govuk-summary-list__key">Name</dt>' in html
    assert "govuk-summary-list__row--no-actions" in html
    assert (
        '<a class="govuk-link" href="/edit/">Change<span class="govuk-visually-hidden"> email address</span>'
        in html
    )
    assert '<nav aria-label="Back link"><a href="/x/" class="govuk-back-link">Back</a></nav>' in html


STATIC = Path(settings.BASE_DIR) / "static"


def test_the_compiled_stylesheet_is_themed_without_govuk_fonts_or_images():
    css = (STATIC / "css" / "kannustin.css").read_text()
    assert "--govuk-brand-colour: #003479" in css.replace(":#", ": #")
    assert "GDS Transport" not in css
    assert "@font-face" not in css
    assert "system-ui" in css
    assert "url(" not in css  # nothing for collectstatic's manifest to miss
    assert ".kannustin-header" in css


def test_the_script_initialises_govuk_frontend_from_the_copied_bundle():
    script = (STATIC / "js" / "kannustin.js").read_text()
    assert "import { initAll } from './govuk-frontend.min.js'" in script
    assert (STATIC / "js" / "govuk-frontend.min.js").exists()
    assert (STATIC / "js" / "govuk-frontend.min.js.map").exists()


@pytest.mark.django_db
def test_navigation_follows_the_roles(client, user_factory, helsinki):
    signatory = user_factory("signatory", helsinki)
    client.force_login(signatory)
    html = client.get(reverse("programmes:faq")).content.decode()
    assert 'href="/applications/"' in html and 'href="/applications/ministry/"' not in html
    official = user_factory("official")
    client.force_login(official)
    html = client.get(reverse("programmes:faq")).content.decode()
    assert 'href="/applications/ministry/"' in html and 'href="/fi/ministry/feedback/"' in html
    assert 'href="/applications/"' not in html
