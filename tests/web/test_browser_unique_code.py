"""The merchant sets up a code made in Shopify for each cart in the step editor."""

import pytest

from flows.models import IncentiveKind
from flows.services import flow_seed_default
from tests.browser import csp_violations, horizontal_overflow, login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_choosing_a_unique_code_asks_for_its_value_and_warns_without_the_app(page, live_server, store, owner):
    step = flow_seed_default(store=store).steps.get(position=2)
    login(page, live_server, owner)
    page.goto(f"{live_server.url}/dashboard/{store.id}/flow/steps/{step.id}/")

    page.get_by_label("Incentive", exact=True).select_option(IncentiveKind.UNIQUE_CODE)
    page.get_by_test_id("preview-warnings").filter(has_text="needs the Shopify app connected").wait_for()
    page.get_by_role("button", name="Save step").click()
    summary = page.get_by_test_id("form-error-summary")
    summary.get_by_text("Give the code's value: a percentage or an amount off.").wait_for()
    assert summary.bounding_box()["y"] < page.get_by_label("Percent off").bounding_box()["y"]

    page.get_by_label("Percent off").fill("15")
    screenshot(page, "flow-step-unique-code")
    assert horizontal_overflow(page) == 0
    page.get_by_role("button", name="Save step").click()
    page.get_by_role("heading", name="Flow & texts").wait_for()

    step.refresh_from_db()
    assert (step.incentive_kind, step.incentive_percent) == (IncentiveKind.UNIQUE_CODE, 15)
    assert csp_violations(page) == []
