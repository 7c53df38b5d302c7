import pytest

from tests.browser import MOBILE, csp_violations, horizontal_overflow, login, screenshot
from tests.stores.factories import MembershipFactory, StoreFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_merchant_signs_in_with_the_form_and_lands_on_the_overview(page, live_server, store, owner):
    # given the sign-in page
    page.goto(live_server.url + "/")
    screenshot(page, "login")

    # when the owner signs in with the keyboard
    page.get_by_label("Email").fill(owner.username)
    page.get_by_label("Password").fill("pw-for-tests")
    page.keyboard.press("Enter")

    # then the store's overview opens, under the CSP, with no script errors
    page.get_by_role("heading", name="Overview").wait_for()
    assert f"/dashboard/{store.id}/" in page.url
    assert page.console_errors == []


def test_wrong_password_is_said_plainly(page, live_server, owner):
    page.goto(live_server.url + "/accounts/login/")

    page.get_by_label("Email").fill(owner.username)
    page.get_by_label("Password").fill("not-it")
    page.get_by_role("button", name="Sign in").click()

    assert page.get_by_role("alert").inner_text().startswith("That email and password did not match")
    screenshot(page, "login-error", mobile=False)


def test_onboarding_creates_a_store_and_opens_setup(page, live_server, django_user_model, settings):
    # given a deployment open to new merchants, and a brand-new user with no store
    settings.STORE_CREATION = "anyone"
    user = django_user_model.objects.create_user("new@example.com", "new@example.com", "pw-for-tests")
    login(page, live_server, user)
    page.goto(live_server.url + "/dashboard/")
    screenshot(page, "onboarding")

    # when they create a store
    page.get_by_label("Store name").fill("Maple & Moss")
    page.get_by_label("Shop domain").fill("maple-and-moss.myshopify.com")
    page.get_by_role("button", name="Create store").click()

    # then they land on setup with the webhook URL of the new store
    page.get_by_role("heading", name="Setup").wait_for()
    assert "/webhooks/shopify/" in page.get_by_label("Shopify webhook URL").input_value()
    assert csp_violations(page) == []
    screenshot(page, "setup")


def test_store_switcher_moves_between_stores(page, live_server, store, owner):
    other = StoreFactory(name="Zephyr Goods")
    MembershipFactory(store=other, user=owner)
    login(page, live_server, owner)
    page.goto(f"{live_server.url}/dashboard/{store.id}/")

    page.locator(".store-switcher summary").click()
    page.get_by_role("link", name="Zephyr Goods").click()

    page.get_by_role("heading", name="Overview").wait_for()
    assert f"/dashboard/{other.id}/" in page.url


def test_overview_fits_a_phone_screen_and_the_menu_opens(page, live_server, store, owner):
    login(page, live_server, owner)
    page.set_viewport_size(MOBILE)
    page.goto(f"{live_server.url}/dashboard/{store.id}/")

    assert horizontal_overflow(page) == 0
    page.get_by_role("button", name="Menu").click()
    assert page.get_by_role("link", name="Setup", exact=True).is_visible()
