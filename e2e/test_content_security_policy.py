"""The Content-Security-Policy holds in a real browser: the pages, the API documentation and the admin load
without a single blocked script, style or image, and a script injected into a page is blocked and noticed."""

import pytest

from .conftest import watch_csp
from .journey import fresh_totp

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_injected_inline_script_is_blocked_and_the_check_notices(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    try:
        page = context.new_page()
        violations = watch_csp(page)
        page.goto("/")
        page.evaluate(
            "() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1';"
            " document.body.appendChild(s); }"
        )
        page.wait_for_timeout(200)
        assert page.evaluate("() => window.injected") is None
        assert violations, "the browser tests would not notice a violation"
    finally:
        context.close()


def test_the_api_documentation_works_under_the_policy(page):
    page.goto("/api/v1/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=15_000)
    assert page.locator(".swagger-ui .opblock").count() > 5


def test_the_admin_works_under_the_policy(page, user_factory):
    from conftest import TEST_PASSWORD, TEST_TOTP_SECRET

    admin = user_factory("admin", email="admin@vm.example")
    page.goto("/admin/")
    assert "/accounts/login/" in page.url
    page.fill("input[name=login]", admin.email)
    page.fill("input[name=password]", TEST_PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    page.fill("input[name=code]", fresh_totp(secret=TEST_TOTP_SECRET))
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    assert page.url.endswith("/admin/")
    page.goto("/admin/accounts/user/add/")
    assert page.locator("input[name=email]").count() == 1
