"""Offers in the browser: the step editor's "only when needed" options, and the Overview's leak warning."""

from datetime import timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from billing.attribution import order_attribute
from flows.services import flow_seed_default
from tests.billing.factories import click_add, texted_cart
from tests.browser import csp_violations, horizontal_overflow, login, screenshot
from tests.stores.factories import OrderFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_step_editor_limits_the_offer_to_carts_that_need_it(page, live_server, store, owner):
    step = flow_seed_default(store=store).steps.get(position=2)
    login(page, live_server, owner)
    page.goto(f"{live_server.url}/dashboard/{store.id}/flow/steps/{step.id}/")
    page.get_by_role("heading", name="Follow-up 1").wait_for()

    # the preview names the day the offer ends
    preview = page.get_by_test_id("preview-text")
    # in the store's zone, as the text says it: near midnight UTC the server's date is another day
    ends = (timezone.localtime(timezone=ZoneInfo(store.timezone)) + timedelta(days=7)).strftime("%B %-d")
    assert f"takes 10% off until {ends}." in preview.inner_text()

    page.get_by_label("Only for carts worth at least").fill("75")
    page.get_by_label("Only if the shopper did not click an earlier text").check()
    screenshot(page, "offers-step-editor")
    page.get_by_role("button", name="Save step").click()
    page.get_by_role("heading", name="Flow & texts").wait_for()

    step.refresh_from_db()
    assert step.incentive_min_cart_value == Decimal("75.00")
    assert step.incentive_only_if_not_clicked is True
    page.goto(f"{live_server.url}/dashboard/{store.id}/flow/steps/{step.id}/")
    assert page.get_by_label("Only for carts worth at least").input_value() == "75.00"
    assert page.get_by_label("Only if the shopper did not click an earlier text").is_checked()

    # a condition without an incentive is refused inline and in the form's summary, in the service's words
    page.get_by_label("Incentive", exact=True).select_option("none")
    page.get_by_role("button", name="Save step").click()
    page.locator(".errorlist").get_by_text("Conditions apply to an incentive").wait_for()
    page.get_by_test_id("form-error-summary").get_by_text("Conditions apply to an incentive").wait_for()
    assert csp_violations(page) == []


def test_the_overview_warns_about_a_leaked_code(page, live_server, store, owner):
    # one text carried SPRING10 and was tapped; then the code turned up on five orders
    now = timezone.now()
    cart, text = texted_cart(store=store, at=now - timedelta(days=2), body="Code SPRING10 takes 10% off")
    click_add(
        cart=cart, at=now - timedelta(days=2) + timedelta(minutes=5), message=text, discount_code="SPRING10"
    )
    for number in range(5):
        order = OrderFactory(
            store=store,
            external_id=f"leak-{number}",
            placed_at=now - timedelta(hours=20 - number),
            discount_codes=["SPRING10"],
        )
        order_attribute(store=store, order=order)

    login(page, live_server, owner)
    page.goto(f"{live_server.url}/dashboard/{store.id}/")
    warning = page.get_by_test_id("code-leaks")
    warning.wait_for()
    text_shown = warning.inner_text()
    assert "SPRING10" in text_shown
    assert "redeemed 5 times, sent in 1 text" in text_shown
    warning.scroll_into_view_if_needed()
    screenshot(page, "offers-overview-leaks")
    page.set_viewport_size({"width": 390, "height": 844})
    assert horizontal_overflow(page) == 0
    assert csp_violations(page) == []
