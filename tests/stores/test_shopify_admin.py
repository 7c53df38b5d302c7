"""The Admin GraphQL client against the Shopify-compatible server on loopback."""

import logging

import pytest
from django.utils import timezone

from stores import secrets
from stores.models import ShopifyConnection
from stores.shopify_admin import AdminClient, ShopifyAdminError, ShopifyUserError, admin_client
from tests.fakes.shopify_server import server_error, throttled

SHOP = "demo.myshopify.com"
VARIANTS = """
query VariantStock($ids: [ID!]!) {
  nodes(ids: $ids) { ... on ProductVariant { id availableForSale inventoryQuantity price } }
}
"""
CREATE = """
mutation CreateCode($basicCodeDiscount: DiscountCodeBasicInput!) {
  discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) {
    codeDiscountNode { id }
    userErrors { field code message }
  }
}
"""


def _discount(code: str, percentage: float = 0.1) -> dict:
    return {
        "basicCodeDiscount": {
            "title": f"Cart recovery {code}",
            "code": code,
            "startsAt": "2026-12-03T10:00:00Z",
            "customerGets": {"value": {"percentage": percentage}, "items": {"all": True}},
            "context": {"all": "ALL"},
            "usageLimit": 1,
            "appliesOncePerCustomer": True,
        }
    }


@pytest.fixture
def client(fake_shopify):
    return AdminClient(SHOP, fake_shopify.install(SHOP), timeout=2)


def test_a_query_returns_its_data_from_the_versioned_url(client, fake_shopify, settings):
    gid = fake_shopify.set_variant(SHOP, 111, available=False, inventory=0, price="24.00")

    data = client.execute(VARIANTS, {"ids": [gid, "gid://shopify/ProductVariant/999"]})

    assert data["nodes"][0]["availableForSale"] is False
    assert data["nodes"][0]["price"] == "24.00"
    assert data["nodes"][1] is None
    [request] = fake_shopify.requests
    assert (request.shop, request.version, request.operation) == (SHOP, settings.SHOPIFY_API_VERSION, "nodes")


def test_a_wrong_token_is_a_clear_error_without_retries(fake_shopify):
    fake_shopify.install(SHOP)
    with pytest.raises(ShopifyAdminError, match="401") as caught:
        AdminClient(SHOP, "shpat_wrong").execute(VARIANTS, {"ids": []})
    assert caught.value.status == 401
    assert len(fake_shopify.requests) == 0  # refused before it counted as a GraphQL request


def test_throttled_waits_for_the_bucket_then_succeeds(client, fake_shopify, caplog):
    fake_shopify.plan(throttled(currently_available=5, restore_rate=100))  # (10 − 5) / 100 = 0.05 s
    caplog.set_level(logging.INFO, logger="cartrecovery.shopify")

    data = client.execute(VARIANTS, {"ids": []})

    assert data == {"nodes": []}
    assert [r.answered for r in fake_shopify.requests] == [200, 200]
    assert "retry 1 in 0.05s" in caplog.text


def test_throttled_wait_is_capped(client, fake_shopify, settings, caplog):
    settings.SHOPIFY_THROTTLE_WAIT_MAX = 0.02
    fake_shopify.plan(throttled(currently_available=0, restore_rate=1))  # 10 s asked, capped
    caplog.set_level(logging.INFO, logger="cartrecovery.shopify")

    client.execute(VARIANTS, {"ids": []})

    assert "retry 1 in 0.02s" in caplog.text


def test_throttled_every_time_gives_up(client, fake_shopify):
    fake_shopify.plan(*[throttled()] * 4)
    with pytest.raises(ShopifyAdminError) as caught:
        client.execute(VARIANTS, {"ids": []})
    assert caught.value.code == "THROTTLED"
    assert len(fake_shopify.requests) == 4


def test_a_5xx_is_retried_then_succeeds(client, fake_shopify):
    fake_shopify.plan(server_error(503), server_error(502))

    assert client.execute(VARIANTS, {"ids": []}) == {"nodes": []}
    assert [r.answered for r in fake_shopify.requests] == [503, 502, 200]


def test_5xx_forever_is_an_admin_error_after_the_retries(client, fake_shopify):
    fake_shopify.plan(*[server_error(500)] * 10)
    with pytest.raises(ShopifyAdminError, match="500") as caught:
        client.execute(VARIANTS, {"ids": []})
    assert caught.value.code == "HTTP_500"
    assert len(fake_shopify.requests) == 4


def test_an_unreachable_shopify_is_an_admin_error(settings):
    settings.SHOPIFY_ADMIN_URL = "http://127.0.0.1:9/{shop}"  # discard port: nothing listens
    settings.SHOPIFY_RETRY_BACKOFF = 0.01
    with pytest.raises(ShopifyAdminError) as caught:
        AdminClient(SHOP, "shpat_x", timeout=0.5).execute(VARIANTS, {"ids": []})
    assert caught.value.code == "TRANSPORT"


def test_top_level_graphql_errors_are_an_admin_error(client):
    with pytest.raises(ShopifyAdminError, match="doesn't exist") as caught:
        client.execute("query { noSuchField { id } }")
    assert caught.value.code == "undefinedField"


def test_a_mutation_returns_its_payload(client, fake_shopify):
    payload = client.mutate(CREATE, _discount("BACK-ABC123"), "discountCodeBasicCreate")

    assert payload["codeDiscountNode"]["id"].startswith("gid://shopify/DiscountCodeNode/")
    assert [d["code"] for d in fake_shopify.discounts] == ["BACK-ABC123"]


def test_user_errors_become_a_readable_user_error(client, fake_shopify):
    client.mutate(CREATE, _discount("BACK-TAKEN1"), "discountCodeBasicCreate")

    with pytest.raises(ShopifyUserError) as caught:
        client.mutate(CREATE, _discount("BACK-TAKEN1", percentage=1.5), "discountCodeBasicCreate")

    assert {e["code"] for e in caught.value.user_errors} == {"TAKEN", "VALUE_OUTSIDE_RANGE"}
    message = str(caught.value)
    assert "basicCodeDiscount.code: Code must be unique" in message
    assert "basicCodeDiscount.customerGets.value.percentage: Value must be between 0.0 and 1.0" in message
    assert len(fake_shopify.discounts) == 1


def test_every_call_is_logged_with_operation_and_cost_but_never_the_token(fake_shopify, caplog):
    token = fake_shopify.install(SHOP)
    client = AdminClient(SHOP, token, timeout=2)
    fake_shopify.plan(server_error(503))
    caplog.set_level(logging.DEBUG)

    client.execute(VARIANTS, {"ids": ["gid://shopify/ProductVariant/1"]})
    with pytest.raises(ShopifyUserError):
        client.mutate(CREATE, _discount(""), "discountCodeBasicCreate")

    assert "shopify VariantStock shop=demo.myshopify.com cost=2" in caplog.text
    assert "shopify CreateCode shop=demo.myshopify.com cost=10" in caplog.text
    assert token not in caplog.text
    assert token not in repr(client)


def test_admin_client_needs_an_active_connection(store, fake_shopify):
    assert admin_client(store) is None

    token = fake_shopify.install(store.shop_domain)
    connection = ShopifyConnection.objects.create(
        store=store,
        shop_domain=store.shop_domain,
        access_token_encrypted=secrets.encrypt(token),
        installed_at=timezone.now(),
    )
    store.refresh_from_db()
    client = admin_client(store)
    assert client is not None
    assert client.execute(VARIANTS, {"ids": []}) == {"nodes": []}

    connection.uninstalled_at = timezone.now()
    connection.save()
    store.refresh_from_db()
    assert admin_client(store) is None
