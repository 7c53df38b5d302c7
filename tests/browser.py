"""The Playwright harness: real Chromium (Debian's /usr/bin/chromium) against pytest-django's live_server.

Registered as a pytest plugin in tests/conftest.py, so every test module can use its fixtures:

    @pytest.mark.browser
    def test_something(page, live_server, owner):
        login(page, live_server, owner)
        page.goto(live_server.url + "/dashboard/")
        screenshot(page, "dashboard-home")

Fixtures: `browser` (one Chromium per session), `page` (a fresh context per test, 1280×800, which records
console errors and CSP violations in `page.console_errors`). Without chromium the browser tests skip,
unless REQUIRE_BROWSER=1 (CI) — then they fail.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 390, "height": 844}


def _chromium_available() -> bool:
    return Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is not None


@pytest.fixture(scope="session")
def browser():
    if not _chromium_available():
        message = f"Chromium not found at {CHROMIUM}"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message + " and REQUIRE_BROWSER=1")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread; the ORM calls the tests make
    # are still plain synchronous ones, which Django's async-safety guard would otherwise refuse.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=DESKTOP, locale="en-US", timezone_id="America/New_York")
    context.set_default_timeout(10_000)
    new_page = context.new_page()
    new_page.console_errors = []
    new_page.on("console", lambda msg: msg.type == "error" and new_page.console_errors.append(msg.text))
    new_page.on("pageerror", lambda exc: new_page.console_errors.append(str(exc)))
    yield new_page
    context.close()


def login(page, live_server, user) -> None:
    """Sign `user` in without the form: a real session, its cookie handed to the browser."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )


def screenshot(page, name: str, *, mobile: bool = True) -> list[Path]:
    """Full-page PNGs under test-artifacts/screenshots/: <name>.png and, by default, <name>-390.png."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^a-z0-9_-]+", "-", name.lower())
    paths = [ARTIFACTS / f"{safe}.png"]
    page.screenshot(path=str(paths[0]), full_page=True)
    if mobile:
        original = page.viewport_size
        page.set_viewport_size(MOBILE)
        paths.append(ARTIFACTS / f"{safe}-390.png")
        page.screenshot(path=str(paths[1]), full_page=True)
        page.set_viewport_size(original)
    return paths


def csp_violations(page) -> list[str]:
    return [e for e in page.console_errors if "Content Security Policy" in e]


def horizontal_overflow(page) -> int:
    """How many pixels the page is wider than the viewport (a broken mobile layout when > 0)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def unlabelled_controls(page) -> list[str]:
    """Form controls a screen reader would announce without a name (no <label>, no aria-label)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
            .filter(el => !el.labels.length && !el.getAttribute('aria-label')
                          && !el.getAttribute('aria-labelledby'))
            .map(el => el.outerHTML.slice(0, 120))"""
    )


def page_sound_at_both_widths(page, name: str) -> None:
    """The checks every page passes: no CSP violation, no console error, every control labelled, and,
    screenshotted, no horizontal scroll on a 390 px phone (the viewport is left at phone width)."""
    assert csp_violations(page) == []
    assert page.console_errors == []
    assert unlabelled_controls(page) == []
    screenshot(page, name)
    page.set_viewport_size(MOBILE)
    assert horizontal_overflow(page) == 0, f"{name} is wider than a 390 px phone"
