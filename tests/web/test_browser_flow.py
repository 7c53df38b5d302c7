import pytest

from flows.services import flow_seed_default
from tests.browser import csp_violations, login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editing_a_template_updates_the_preview_and_segment_count_live(page, live_server, store, owner):
    # given the first step of the recommended flow open in the editor
    step = flow_seed_default(store=store).steps.get(position=1)
    login(page, live_server, owner)
    page.goto(f"{live_server.url}/dashboard/{store.id}/")
    page.get_by_role("link", name="Flow & texts").click()
    screenshot(page, "flow")
    page.get_by_role("link", name="Edit").first.click()
    page.get_by_role("heading", name="Reminder").wait_for()
    segments = page.get_by_test_id("preview-segments")
    before = int(segments.inner_text())

    # when the merchant types a long text with an emoji (UCS-2: 70 characters per segment)
    text = page.get_by_label("Text", exact=True)
    text.fill("Hi {first_name}! 🛒 " + "Your {product} is still waiting for you at {store}. " * 3 + "{link}")

    # then the phone preview and the counts follow, without a reload
    page.get_by_test_id("preview-text").filter(has_text="Hi Jamie! 🛒").wait_for()
    page.wait_for_function(
        "n => document.querySelector('[data-testid=preview-segments]').innerText !== String(n)", arg=before
    )
    assert int(segments.inner_text()) > before
    assert "UCS-2" in page.locator("#preview").inner_text()
    warnings = page.get_by_test_id("preview-warnings").inner_text()
    assert "not in the GSM-7 alphabet" in warnings
    assert "opt out" in warnings
    screenshot(page, "flow-step-editor")

    # and saving keeps it
    page.get_by_role("button", name="Save step").click()
    page.get_by_role("heading", name="Flow & texts").wait_for()
    step.refresh_from_db()
    assert "🛒" in step.templates["en"]
    assert csp_violations(page) == []


def test_preview_shows_hostile_text_as_text(page, live_server, store, owner):
    step = flow_seed_default(store=store).steps.get(position=1)
    login(page, live_server, owner)
    page.goto(f"{live_server.url}/dashboard/{store.id}/flow/steps/{step.id}/")
    page.on("dialog", lambda dialog: pytest.fail(f"script ran: {dialog.message}"))

    page.get_by_label("Text", exact=True).fill('<img src=x onerror="alert(1)"> {link}')

    page.get_by_test_id("preview-text").filter(has_text="<img src=x").wait_for()
    assert page.locator("#preview img").count() == 0
