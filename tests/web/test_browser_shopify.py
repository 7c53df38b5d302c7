"""Connect Shopify in a real browser: Setup → Shopify's authorize page (the Shopify-compatible server on
loopback, which approves and sends the browser back with a signed code) → Setup showing the connection."""

import json
import uuid
from urllib.parse import urlencode

import pytest
import requests

from stores.models import Role, ShopifyConnection
from stores.signing import shopify_hmac
from tests.browser import login, page_sound_at_both_widths
from tests.fakes import shopify_app
from tests.stores.factories import MembershipFactory, StoreFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

API_KEY = "browser-client-id"
SECRET = "browser-app-secret-" + "y" * 16
SHOP = "alpine-outfitters.myshopify.com"


@pytest.fixture
def shopify(fake_shopify, settings, live_server):
    shopify_app.app_register(fake_shopify, api_key=API_KEY, secret=SECRET)
    shopify_app.set_shop_name(fake_shopify, SHOP, "Alpine Outfitters")
    settings.SHOPIFY_API_KEY = API_KEY
    settings.SHOPIFY_API_SECRET = SECRET
    settings.PUBLIC_BASE_URL = live_server.url
    return fake_shopify


def _page_checks(page, name: str) -> None:
    page_sound_at_both_widths(page, name)
    page.set_viewport_size({"width": 1280, "height": 800})


def test_connect_shopify_from_setup_then_uninstall(page, live_server, shopify):
    membership = MembershipFactory(
        store=StoreFactory(name="Alpine Outfitters", shop_domain=""), role=Role.OWNER
    )
    store = membership.store
    login(page, live_server, membership.user)
    page.goto(f"{live_server.url}/dashboard/{store.id}/setup/")
    card = page.get_by_test_id("shopify-card")
    assert card.get_by_test_id("shopify-status").inner_text() == "Not connected"
    _page_checks(page, "shopify-setup-not-connected")

    # a shop that is not a myshopify address is a form error, and nothing leaves for Shopify
    page.get_by_label("Your shop's myshopify address").fill("alpine-outfitters.com")
    page.get_by_role("button", name="Connect Shopify").click()
    assert "myshopify.com" in card.locator(".errorlist").inner_text()
    assert shopify_app.exchanges(shopify) == []
    page.console_errors.clear()  # the browser logs that form's 400 answer

    page.get_by_label("Your shop's myshopify address").fill("alpine-outfitters")
    page.get_by_role("button", name="Connect Shopify").click()
    page.wait_for_url(f"{live_server.url}/dashboard/{store.id}/setup/")

    status = page.get_by_test_id("shopify-status")
    assert status.inner_text().strip() == "Connected"
    facts = page.get_by_test_id("shopify-connection").inner_text()
    assert SHOP in facts
    assert "read_orders, read_products, write_discounts" in facts
    assert "app/uninstalled" in facts
    assert page.get_by_test_id("shopify-webhooks-missing").count() == 0
    assert len(shopify_app.webhooks(shopify, SHOP)) == 6
    assert ShopifyConnection.objects.get(shop_domain=SHOP).store_id == store.id
    _page_checks(page, "shopify-setup-connected")

    # Shopify tells us the merchant removed the app: Setup says texts stopped
    shopify_app.uninstall(shopify, SHOP)
    body = json.dumps({"id": 548380009, "domain": SHOP}).encode()
    answer = requests.post(
        f"{live_server.url}/shopify/webhooks",
        data=body,
        headers={
            "Content-Type": "application/json",
            "X-Shopify-Topic": "app/uninstalled",
            "X-Shopify-Hmac-Sha256": shopify_hmac(secret=SECRET, body=body),
            "X-Shopify-Shop-Domain": SHOP,
            "X-Shopify-Webhook-Id": str(uuid.uuid4()),
        },
        timeout=10,
    )
    assert answer.status_code == 200
    page.reload()
    assert page.get_by_test_id("shopify-status").inner_text().strip() == "Uninstalled"
    assert "No texts go out" in page.get_by_test_id("shopify-uninstalled").inner_text()
    _page_checks(page, "shopify-setup-uninstalled")


def test_install_from_shopify_with_nobody_signed_in_then_sign_in_to_finish(page, live_server, shopify):
    user = UserFactory(username="merchant@alpine.example")
    MembershipFactory(user=user, role=Role.OWNER)  # they already have another store here

    page.goto(
        f"{live_server.url}/shopify/install?" + urlencode(shopify_app.install_query(SHOP, secret=SECRET))
    )

    page.wait_for_url(f"{live_server.url}/accounts/login/**")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", "pw-for-tests")
    page.locator("form button[type=submit]").click()
    connection = ShopifyConnection.objects.get(shop_domain=SHOP)
    page.wait_for_url(f"{live_server.url}/dashboard/{connection.store_id}/setup/")
    assert page.get_by_test_id("shopify-status").inner_text().strip() == "Connected"
    assert "Alpine Outfitters is yours" in page.content()
    _page_checks(page, "shopify-installed-from-shopify")
