"""Browser tests: Playwright driving Debian's Chromium against Django's live server, judged by axe-core.

Skipped (with the reason printed) when no Chromium is found, unless REQUIRE_BROWSER=1, as in CI.
"""

import functools
import os
import shutil

import pytest

CHROMIUM_CANDIDATES = [os.environ.get("CHROMIUM_PATH", ""), "/usr/bin/chromium", "/usr/bin/chromium-browser"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def chromium_path():
    for candidate in CHROMIUM_CANDIDATES:
        if candidate and os.path.exists(candidate):
            return candidate
    return shutil.which("chromium")


def pytest_collection_modifyitems(config, items):
    path = chromium_path()
    browser_items = [item for item in items if "e2e" in item.nodeid.split("/")[0]]
    if path or not browser_items:
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        raise pytest.UsageError("REQUIRE_BROWSER=1 but no Chromium was found (apt-get install chromium).")
    skip = pytest.mark.skip(reason="no Chromium found: browser tests skipped (install the chromium package)")
    for item in browser_items:
        item.add_marker(skip)
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(
            f"Browser tests skipped ({len(browser_items)}): no Chromium found (install Debian's chromium package)."
        )


@pytest.fixture(scope="session")
def browser():
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
            ],
        )
        yield browser
        browser.close()


def watch_csp(page) -> list[str]:
    """Collect what the browser blocks under the Content-Security-Policy on this page (and its navigations)."""
    violations = []

    def on_console(message):
        if message.type == "error" and "Content Security Policy" in message.text:
            violations.append(f"{page.url}: {message.text}")

    page.on("console", on_console)
    return violations


def assert_no_csp_violations(violations):
    assert violations == [], "Content-Security-Policy violations:\n" + "\n".join(violations)


@pytest.fixture
def page(browser, live_server):
    """A page whose test fails if the browser blocks anything under the Content-Security-Policy."""
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(15_000)
    page = context.new_page()
    violations = watch_csp(page)
    yield page
    context.close()
    assert_no_csp_violations(violations)


@functools.cache
def _axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()  # reads axe-core's script once per session


def axe_violations(page, context=None):
    """Run axe-core (WCAG 2.0/2.1 A and AA rules) on the page; return the violations. Only violations are
    detailed (`resultTypes`): axe still runs every rule, but does not write out the passing nodes."""
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    results = _axe().run(page, context=context, options=options)
    return results.response["violations"]


def assert_accessible(page):
    violations = axe_violations(page)
    message = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
        for v in violations
    )
    assert not violations, f"axe found violations on {page.url}:\n{message}"


@pytest.fixture
def check_a11y():
    return assert_accessible
