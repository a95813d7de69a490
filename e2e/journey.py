"""Keyboard-only browser journeys: reach every control with Tab, type, choose with Space and the arrow keys,
follow links and press buttons with Enter, and let axe judge every page arrived at.

Nothing here clicks. A control that cannot be reached with Tab (hidden, not focusable, behind a keyboard
trap) fails the journey, which is the point. Elements are found by ids, names, hrefs and data, never by
their visible text, so the journeys hold in Finnish, Swedish and English.
"""

import re
import time
from dataclasses import dataclass, field
from urllib.parse import urlparse

from django.core import mail

from kannustin.demo.applications import tiny_pdf
from kannustin.demo.users import DEMO_PASSWORD, current_totp

# Enough for the longest page (a question section with its header, footer and similar-projects panel),
# including a wrap-around from the end of the page back to its start.
MAX_TABS = 200

_ACTIVE = """() => {
  const e = document.activeElement
  if (!e) return 'nothing'
  const bits = [e.tagName.toLowerCase()]
  if (e.id) bits.push('#' + e.id)
  for (const name of ['name', 'value', 'href', 'type']) {
    if (e.getAttribute(name)) bits.push(`[${name}="${e.getAttribute(name)}"]`)
  }
  return bits.join('')
}"""


def active_element(page) -> str:
    """The focused element, described for failure messages."""
    return page.evaluate(_ACTIVE)


def is_focused(handle) -> bool:
    return handle.evaluate("el => el === document.activeElement")


def tab_to(page, target, *, limit: int = MAX_TABS, backwards: bool = False):
    """Press Tab (Shift+Tab backwards) until `target`, a Locator matching one element, has the focus.
    Fails after `limit` presses: the control is not reachable by keyboard."""
    handle = target.element_handle()
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        if is_focused(handle):
            return handle
        page.keyboard.press(key)
    if is_focused(handle):
        return handle
    raise AssertionError(
        f"{target} was not reached with {limit} presses of {key}; the focus is on {active_element(page)}"
    )


def press_enter(page, target, *, navigates: bool = True, **tab_options):
    """Reach a link or button with Tab and press Enter; by default wait for the page it leads to."""
    tab_to(page, target, **tab_options)
    if navigates:
        with page.expect_navigation():
            page.keyboard.press("Enter")
    else:
        page.keyboard.press("Enter")


def type_into(page, target, text: str, *, replace: bool = True, **tab_options):
    """Reach a text input or textarea with Tab and type; `replace` first selects and deletes what is there."""
    tab_to(page, target, **tab_options)
    if replace:
        page.keyboard.press("Control+A")
        page.keyboard.press("Delete")
    page.keyboard.type(text)


def choose_radio(page, name: str, value: str, *, limit: int = MAX_TABS):
    """Tab into a radio group (the focus lands on its checked radio, or the first) and move with the arrow
    keys to `value`; Space checks it when the focus landed on it unchecked."""
    radios = page.locator(f"input[type=radio][name='{name}']")
    count = radios.count()
    assert count, f"no radios named {name}"
    script = "n => { const e = document.activeElement; return e && e.type === 'radio' && e.name === n }"
    for _ in range(limit):
        if page.evaluate(script, name):
            break
        page.keyboard.press("Tab")
    else:
        raise AssertionError(f"the radios {name} were not reached; the focus is on {active_element(page)}")
    for _ in range(count):
        if page.evaluate("() => document.activeElement.value") == value:
            break
        page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.value") == value, f"no radio {name}={value}"
    if not page.evaluate("() => document.activeElement.checked"):
        page.keyboard.press("Space")
    assert radios.evaluate_all("(rs, v) => rs.filter(r => r.checked).map(r => r.value)", value) == [value]


def set_checkbox(page, target, checked: bool = True, **tab_options):
    """Reach a checkbox with Tab and toggle it with Space when it is not as wanted."""
    tab_to(page, target, **tab_options)
    if target.is_checked() != checked:
        page.keyboard.press("Space")
    assert target.is_checked() == checked


def choose_option(page, target, value: str, **tab_options):
    """Reach a <select> with Tab, go to its first option with Home and down with the arrow keys."""
    tab_to(page, target, **tab_options)
    options = target.evaluate("s => Array.from(s.options).map(o => o.value)")
    assert value in options, f"{value!r} is not an option of {target}: {options}"
    page.keyboard.press("Home")
    for _ in range(len(options)):
        if target.input_value() == value:
            break
        page.keyboard.press("ArrowDown")
    assert target.input_value() == value


def choose_file(page, target, *, name: str, content: bytes, mime_type: str, **tab_options):
    """Reach the file input with Tab; the file dialog it would open is answered with set_input_files."""
    handle = tab_to(page, target, **tab_options)
    handle.set_input_files({"name": name, "mimeType": mime_type, "buffer": content})


def follow_error_summary(page, href: str, **tab_options) -> str:
    """Reach the error summary's link to `href` (#id) and press Enter: GOV.UK Frontend moves the focus to the
    field. Returns the id of the focused element, which must be the field."""
    link = page.locator(f".govuk-error-summary a[href='{href}']")
    press_enter(page, link, navigates=False, **tab_options)
    field_id = href.removeprefix("#")
    page.wait_for_function("id => document.activeElement && document.activeElement.id === id", arg=field_id)
    return page.evaluate("() => document.activeElement.id")


def skip_to_main(page):
    """The skip link (the first Tab on a fresh page; otherwise reached by going round) moves the focus to
    <main> with Enter."""
    press_enter(page, page.locator("a.govuk-skip-link"), navigates=False)
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'main-content'")


def link(page, href: str, within: str = "main"):
    """The (first) link to `href` inside `within`."""
    return page.locator(f"{within} a[href='{href}']").first


def path_of(page) -> str:
    return urlparse(page.url).path


@dataclass
class Journey:
    """One person's way through the service in one browser page. `arrived` is called on every page reached:
    the language and the one h1 are checked and axe runs, so no page of a journey goes unjudged."""

    page: object
    check_a11y: object
    language: str
    visited: list = field(default_factory=list)

    def arrived(
        self, path: str | None = None, *, error: bool = False, query: str | None = None, language: str = ""
    ):
        page = self.page
        language = self.language if language == "" else language
        page.wait_for_load_state("load")
        url = urlparse(page.url)
        if path is not None:
            assert url.path == path, f"expected {path}, at {page.url}"
        if query is not None:
            assert query in url.query, f"expected ?{query}, at {page.url}"
        if language:
            assert page.locator("html").get_attribute("lang") == language, page.url
        assert page.locator("h1").count() == 1, f"not one h1 on {page.url}"
        summaries = page.locator(".govuk-error-summary")
        if error:
            assert summaries.count() == 1 and summaries.is_visible(), f"no error summary on {page.url}"
        else:
            assert summaries.count() == 0, (
                f"unexpected error summary on {page.url}: {summaries.all_inner_texts()}"
            )
        self.check_a11y(page)
        self.visited.append(page.url)

    def save_and_continue(self, path: str | None = None, **arrived_options):
        """Press the page's "Save and continue" button (name=action, value=continue)."""
        press_enter(self.page, self.page.locator("main button[name=action][value=continue]"))
        self.arrived(path, **arrived_options)

    def sign_in(self, email: str, *, ministry: bool = False):
        """From the front page: the skip link, the journey's language from the language navigation, the
        sign-in link, the form, and for ministry users the TOTP code."""
        page = self.page
        page.goto("/")  # the one address typed in the address bar: on to the front page's Finnish address
        self.arrived("/fi/", language="fi")  # whatever the browser asked for
        skip_to_main(page)
        # The language navigation is a small POST form per language; Enter on its button submits it.
        language_link = page.locator(f"header button.govuk-language-navigation__link[lang='{self.language}']")
        press_enter(page, language_link)
        self.arrived(f"/{self.language}/")  # the same page at its address in the chosen language
        press_enter(page, page.locator("header a[href^='/accounts/login/']"))
        self.arrived("/accounts/login/")
        type_into(page, page.locator("#id_login"), email)
        type_into(page, page.locator("#id_password"), DEMO_PASSWORD)
        press_enter(page, page.locator("main form[action='/accounts/login/'] button[type=submit]"))
        if ministry:
            self.arrived()
            code = page.locator("input[name=code]")
            type_into(page, code, fresh_totp())
            # The form's own button, not the "cancel" one that belongs to the sign-out form.
            press_enter(page, page.locator("main form:has(input[name=code]) button[type=submit]:not([form])"))
        self.arrived()
        assert "/accounts/login/" not in page.url and "/2fa/" not in page.url, page.url


def fresh_totp(secret: str | None = None) -> str:
    """The current second-factor code (the demo's, or of `secret`), waiting out the last seconds of its
    30-second window: a code typed then may expire before it is checked (allauth allows no tolerance)."""
    if 30 - time.time() % 30 < 4:
        time.sleep(30 - time.time() % 30 + 0.5)
    return current_totp(secret) if secret else current_totp()


# Email ------------------------------------------------------------------------------------------------


def wait_for_email(predicate, timeout: float = 10.0):
    """The first message of django.core.mail.outbox that satisfies `predicate`. Delivery runs after commit in
    the live server's thread, so give it a moment."""
    deadline = time.monotonic() + timeout
    while True:
        for message in list(mail.outbox):
            if predicate(message):
                return message
        if time.monotonic() > deadline:
            subjects = [message.subject for message in mail.outbox]
            raise AssertionError(f"no such email; the outbox has {subjects}")
        time.sleep(0.1)


def pdf_attachments(message) -> list[bytes]:
    found = []
    for attachment in message.attachments:
        filename, content, mimetype = attachment  # EmailAttachment(filename, content, mimetype)
        if mimetype == "application/pdf":
            found.append(content)
    return found


def pdf_text(content: bytes) -> str:
    """The text of a PDF, whitespace collapsed (lines may break anywhere)."""
    from io import BytesIO

    from pypdf import PdfReader

    reader = PdfReader(BytesIO(content))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    return re.sub(r"\s+", " ", text)


def small_pdf(title: str = "Kannustin") -> bytes:
    """A valid one-page PDF with a line of text (the demo's own writer)."""
    return tiny_pdf([title])
