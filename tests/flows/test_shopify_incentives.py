"""Unique codes made in Shopify and the stock check before every cart text, end to end through the
dispatcher's tick (`dispatch_due`) against the Shopify-compatible server on loopback."""

import json
import logging
from datetime import datetime, timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from billing.attribution import order_attribute
from flows.dispatcher import nudge_dispatch_due
from flows.models import DiscountCode, IncentiveKind, Nudge, ShortLink, Step
from flows.services import nudges_schedule_for_cart
from stores import secrets
from stores.models import ShopifyConnection
from tests.fakes.shopify_server import server_error
from tests.flows.conftest import WEDNESDAY_NOON_NY
from tests.stores.factories import CartFactory, CartItemFactory, CustomerFactory, OrderFactory

SEND_AT = WEDNESDAY_NOON_NY + timedelta(minutes=45)
TEMPLATE = "Hi {first_name}, {product} is waiting. {price_drop} Code {discount_code}: {link}"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def shop(store, flow, fake_shopify):
    """The store installed our app on the fake Shopify; step 1 offers 10% off with a unique code."""
    token = fake_shopify.install(store.shop_domain)
    ShopifyConnection.objects.create(
        store=store,
        shop_domain=store.shop_domain,
        access_token_encrypted=secrets.encrypt(token),
        installed_at=timezone.now(),
    )
    Step.objects.filter(flow=flow, position=1).update(
        templates={"en": TEMPLATE},
        incentive_kind=IncentiveKind.UNIQUE_CODE,
        incentive_percent=10,
        incentive_valid_days=7,
    )
    return fake_shopify


def _cart(store, *items: tuple[str, int, str], phone: str = "+12125550100"):
    """A quiet cart with (title, variant id, price) items, its nudges scheduled."""
    customer = CustomerFactory(store=store, phone=phone, first_name="Jamie")
    cart = CartFactory(store=store, customer=customer, last_activity_at=WEDNESDAY_NOON_NY)
    for position, (title, variant_id, price) in enumerate(items):
        CartItemFactory(cart=cart, title=title, position=position, variant_id=str(variant_id), price=price)
    nudges_schedule_for_cart(store=store, cart=cart)
    return cart


def _dispatch_due(now: datetime = SEND_AT) -> dict:
    out = StringIO()
    call_command("dispatch_due", "--now", now.isoformat(), "--json", stdout=out)
    return json.loads(out.getvalue())


def _first(cart) -> Nudge:
    return Nudge.objects.get(cart=cart, step__position=1)


@pytest.mark.django_db(transaction=True)
def test_each_cart_gets_its_own_single_use_code_from_shopify_in_its_text(store, shop, sms_outbox):
    shop.set_variant(store.shop_domain, 101, price="79.00")
    carts = [_cart(store, ("Alpine Down Jacket", 101, "79.00"), phone=f"+1212555010{i}") for i in range(2)]

    report = _dispatch_due()

    assert report["sent"] == 2
    assert len(shop.discounts) == 2
    codes = {d["code"] for d in shop.discounts}
    assert len(codes) == 2
    for discount in shop.discounts:
        assert discount["code"].startswith("BACK-")
        assert len(discount["code"]) == len("BACK-") + 6
        assert discount["usageLimit"] == 1
        assert discount["appliesOncePerCustomer"] is True
        assert discount["value"] == {"__typename": "DiscountPercentage", "percentage": 0.1}
        assert discount["items"] == {"all": True}
        ends = datetime.fromisoformat(discount["endsAt"])
        assert ends == SEND_AT + timedelta(days=7)
    for cart in carts:
        code = DiscountCode.objects.get(cart=cart).code
        assert code in codes
        body = next(m.body for m in sms_outbox if m.to == cart.customer.phone.as_e164)
        assert f"Code {code}:" in body
        link = ShortLink.objects.get(cart=cart)
        assert link.discount_code == code
        assert link.target_url.startswith(f"https://shop.example/discount/{code}?redirect=/checkouts/")


@pytest.mark.django_db(transaction=True)
def test_an_amount_off_code_and_billing_sees_it_redeemed(store, flow, shop, sms_outbox):
    Step.objects.filter(flow=flow, position=1).update(
        incentive_percent=None, incentive_amount=Decimal("5.00")
    )
    shop.set_variant(store.shop_domain, 101)
    cart = _cart(store, ("Alpine Down Jacket", 101, "79.00"))

    report = nudge_dispatch_due(now=SEND_AT)

    assert report.sent == 1, report.as_dict()
    [discount] = shop.discounts
    assert discount["value"]["amount"]["amount"] == "5.00"
    assert discount["value"]["appliesOnEachItem"] is False
    order = OrderFactory(
        store=store,
        cart=cart,
        placed_at=timezone.now() + timedelta(minutes=5),  # the text was recorded at the real now
        discount_codes=[{"code": discount["code"]}],
    )
    attribution = order_attribute(store=store, order=order)
    assert attribution is not None
    assert attribution.touch == "code"
    assert attribution.receipt["touch"]["code"] == discount["code"]
    assert attribution.receipt["touch"]["from_pool"] is True


@pytest.mark.django_db(transaction=True)
def test_shopify_refusing_the_code_sends_the_text_without_it(store, shop, sms_outbox, caplog):
    shop.refuse_discounts("Discount limit reached")
    shop.set_variant(store.shop_domain, 101)
    cart = _cart(store, ("Alpine Down Jacket", 101, "79.00"))
    caplog.set_level(logging.WARNING, logger="cartrecovery.flows")

    report = _dispatch_due()

    assert report["sent"] == 1
    [text] = sms_outbox
    assert "BACK-" not in text.body
    assert "Alpine Down Jacket is waiting." in text.body
    assert ShortLink.objects.get(cart=cart).discount_code == ""
    assert not DiscountCode.objects.filter(cart=cart).exists()
    assert "no unique code from Shopify, the text goes without it" in caplog.text
    assert "Discount limit reached" in caplog.text


@pytest.mark.django_db(transaction=True)
def test_shopify_down_still_sends_the_text(store, shop, sms_outbox, caplog):
    shop.plan(*[server_error(503)] * 20)
    cart = _cart(store, ("Alpine Down Jacket", 101, "79.00"))
    caplog.set_level(logging.WARNING, logger="cartrecovery.flows")

    report = nudge_dispatch_due(now=SEND_AT)

    assert report.sent == 1
    assert _first(cart).state == Nudge.State.SENT
    assert "stock of 1 variants unknown, texting as before" in caplog.text
    assert "BACK-" not in sms_outbox[0].body


@pytest.mark.django_db(transaction=True)
def test_a_sold_out_cart_is_not_texted_and_says_why(store, shop, sms_outbox):
    shop.set_variant(store.shop_domain, 101, available=False, inventory=0)
    shop.set_variant(store.shop_domain, 102, available=False, inventory=0)
    cart = _cart(store, ("Alpine Down Jacket", 101, "79.00"), ("Wool Beanie", 102, "19.00"))

    report = _dispatch_due()

    assert report["sent"] == 0
    assert report["reasons"] == {"out of stock": 1}
    nudge = _first(cart)
    assert (nudge.state, nudge.reason) == (Nudge.State.SKIPPED, "out of stock")
    assert nudge.events.get(kind="skipped").reason == "out of stock"
    assert sms_outbox == []
    assert shop.discounts == []  # no code made for a cart that is not texted


@pytest.mark.django_db(transaction=True)
def test_a_deleted_variant_counts_as_sold_out(store, shop, sms_outbox):
    cart = _cart(store, ("Alpine Down Jacket", 404, "79.00"))  # unknown to Shopify: nodes answers null

    nudge_dispatch_due(now=SEND_AT)

    assert _first(cart).reason == "out of stock"


@pytest.mark.django_db(transaction=True)
def test_a_sold_out_item_is_left_out_of_the_text(store, shop, sms_outbox):
    shop.set_variant(store.shop_domain, 101, available=False, inventory=0, price="79.00")
    shop.set_variant(store.shop_domain, 102, available=True, inventory=3, price="19.00")
    cart = _cart(store, ("Alpine Down Jacket", 101, "79.00"), ("Wool Beanie", 102, "19.00"))

    nudge_dispatch_due(now=SEND_AT)

    [text] = sms_outbox
    assert "Hi Jamie, Wool Beanie is waiting." in text.body
    assert "Alpine" not in text.body
    assert _first(cart).state == Nudge.State.SENT


@pytest.mark.django_db(transaction=True)
def test_a_price_drop_is_said_by_its_placeholder(store, shop, sms_outbox):
    shop.set_variant(store.shop_domain, 101, price="69.00")
    shop.set_variant(store.shop_domain, 102, price="19.00")
    _cart(store, ("Alpine Down Jacket", 101, "79.00"), ("Wool Beanie", 102, "19.00"))

    nudge_dispatch_due(now=SEND_AT)

    assert "Alpine Down Jacket is now $69.00 (was $79.00)." in sms_outbox[0].body


@pytest.mark.django_db(transaction=True)
def test_without_a_price_drop_the_placeholder_goes(store, shop, sms_outbox):
    shop.set_variant(store.shop_domain, 101, price="89.00")
    _cart(store, ("Alpine Down Jacket", 101, "79.00"))

    nudge_dispatch_due(now=SEND_AT)

    assert "is waiting. Code BACK-" in sms_outbox[0].body


@pytest.mark.django_db(transaction=True)
def test_a_burst_of_carts_costs_one_stock_query_per_batch_and_none_while_cached(store, shop, sms_outbox):
    shop.set_variant(store.shop_domain, 101)
    shop.set_variant(store.shop_domain, 102)
    for i in range(12):
        _cart(
            store,
            ("Alpine Down Jacket", 101, "79.00"),
            ("Wool Beanie", 102, "19.00"),
            phone=f"+1212555{i:04d}",
        )

    report = nudge_dispatch_due(now=SEND_AT, batch_size=5)  # three batches

    assert report.sent == 12
    [stock_query] = shop.calls("nodes")  # the first batch asked; the next two read the cache
    assert sorted(stock_query.variables["ids"]) == [
        "gid://shopify/ProductVariant/101",
        "gid://shopify/ProductVariant/102",
    ]
    assert len(shop.calls("discountCodeBasicCreate")) == 12


@pytest.mark.django_db(transaction=True)
def test_a_dry_run_makes_no_code_in_shopify(store, shop, sms_outbox):
    _cart(store, ("Alpine Down Jacket", 101, "79.00"))
    shop.set_variant(store.shop_domain, 101)

    out = StringIO()
    call_command("dispatch_due", "--now", SEND_AT.isoformat(), "--dry-run", "--json", stdout=out)

    assert json.loads(out.getvalue())["sent"] == 1
    assert shop.calls("discountCodeBasicCreate") == []
    assert not DiscountCode.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_without_the_shopify_app_the_text_goes_with_the_fallback_code_and_no_call(
    store, flow, fake_shopify, sms_outbox
):
    Step.objects.filter(flow=flow, position=1).update(
        templates={"en": TEMPLATE},
        incentive_kind=IncentiveKind.UNIQUE_CODE,
        incentive_percent=10,
        discount_code="COMEBACK10",
    )
    _cart(store, ("Alpine Down Jacket", 101, "79.00"))

    nudge_dispatch_due(now=SEND_AT)

    assert "Code COMEBACK10:" in sms_outbox[0].body
    assert fake_shopify.requests == []


@pytest.mark.django_db(transaction=True)
def test_a_shopify_code_redeemed_by_another_customer_is_a_leak_and_not_billed(store, shop, sms_outbox):
    from billing.models import Attribution, CodeLeak
    from flows.models import OfferGrant

    shop.set_variant(store.shop_domain, 101, price="79.00")
    cart = _cart(store, ("Alpine Down Jacket", 101, "79.00"))
    _dispatch_due()
    grant = OfferGrant.objects.get(cart=cart)
    assert grant.kind == IncentiveKind.UNIQUE_CODE
    stranger = CustomerFactory(store=store, phone="+12125550999", email="someone@else.example")

    order = OrderFactory(
        # the text's row is stamped with the wall clock (the tick ran with --now): order after it
        store=store, cart=cart, customer=stranger, placed_at=timezone.now() + timedelta(hours=1),
        discount_codes=[grant.code.lower()],
    )  # fmt: skip
    attribution = order_attribute(store=store, order=order)

    leak = CodeLeak.objects.get(order=order)
    assert (leak.code, leak.kind) == (grant.code, CodeLeak.Kind.OTHER_CUSTOMER)
    assert attribution.outcome == Attribution.Outcome.NOT_ATTRIBUTED
    assert attribution.receipt["leaks"][0]["code"] == grant.code
