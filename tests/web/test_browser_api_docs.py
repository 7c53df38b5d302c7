"""The readable API docs at /api/docs/ render in a real browser under their own, page-only CSP."""

import pytest

from tests.browser import csp_violations, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _own_origin_errors(page, live_server) -> list[str]:
    # ReDoc's footer logo comes from its CDN, which the test box cannot reach; nothing else may fail.
    return [e for e in page.console_errors if "ERR_NAME_NOT_RESOLVED" not in e]


def test_redoc_renders_the_schema_with_its_operations(page, live_server):
    page.goto(live_server.url + "/api/docs/")

    page.get_by_role("heading", name="Cart Recovery API").wait_for()
    assert page.get_by_text("Something went wrong").count() == 0
    operations = page.locator("[data-section-id^='operation/']")
    assert operations.count() >= 10
    assert page.get_by_text("/api/v1/stores/{store_id}/keyword-rules/").count() >= 1
    assert csp_violations(page) == []
    assert _own_origin_errors(page, live_server) == []
    screenshot(page, "api-docs", mobile=False)


def test_the_relaxed_policy_is_for_the_docs_page_alone(client):
    docs = client.get("/api/docs/")["Content-Security-Policy"]
    login = client.get("/accounts/login/")["Content-Security-Policy"]

    assert "style-src 'self' 'unsafe-inline'" in docs
    assert "script-src 'self';" in docs + ";"
    assert "unsafe-inline" not in login
    assert "fonts.googleapis.com" not in client.get("/api/docs/").content.decode()
