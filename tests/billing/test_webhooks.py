"""Orders, refunds and cancellations through the real webhook endpoints, as the shops send them."""

import copy
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from billing.models import Adjustment, Attribution
from stores.models import Order, WebhookEvent
from tests.billing.factories import click_add, texted_cart
from tests.fixtures import load

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)


def _shopify_order(
    *, order_id: int, checkout_token: str, placed_at: datetime, total="120.00", **changes
) -> dict:
    """Shopify's own orders/create sample, made a live order of our texted checkout."""
    payload = copy.deepcopy(load("shopify_orders_create.json"))
    payload.update(
        {
            "id": order_id,
            "checkout_token": checkout_token,
            "cancelled_at": None,
            "cancel_reason": None,
            "created_at": placed_at.isoformat(),
            "processed_at": placed_at.isoformat(),
            "total_price": total,
            "currency": "USD",
        }
    )
    payload.update(changes)
    return payload


def _clicked_cart(store):
    cart, text = texted_cart(store=store, at=T0)
    click_add(cart=cart, at=T0 + timedelta(minutes=4), message=text)
    return cart


def test_a_shopify_order_of_a_clicked_cart_is_attributed_once(store, post_shopify):
    # given
    cart = _clicked_cart(store)
    payload = _shopify_order(
        order_id=5001, checkout_token=cart.checkout_token, placed_at=T0 + timedelta(hours=1)
    )

    # when: delivered, redelivered with the same id, then sent again under a new webhook id
    first = post_shopify(store, "orders/create", payload, webhook_id="w-1")
    post_shopify(store, "orders/create", payload, webhook_id="w-1")
    post_shopify(store, "orders/create", payload, webhook_id="w-2")

    # then
    assert first.status_code == 200
    attribution = Attribution.objects.get(store=store)
    assert attribution.order.external_id == "5001"
    assert attribution.outcome == Attribution.Outcome.ATTRIBUTED
    assert attribution.fee == Decimal("6.00")
    assert Attribution.objects.count() == 1


def test_a_shopify_refund_credits_the_fee(store, post_shopify):
    # given
    cart = _clicked_cart(store)
    post_shopify(
        store, "orders/create",
        _shopify_order(order_id=5002, checkout_token=cart.checkout_token, placed_at=T0 + timedelta(hours=1)),
    )  # fmt: skip
    refund = {
        "id": 880001,
        "order_id": 5002,
        "created_at": (T0 + timedelta(days=2)).isoformat(),
        "processed_at": (T0 + timedelta(days=2)).isoformat(),
        "transactions": [
            {"id": 1, "kind": "refund", "status": "success", "amount": "30.00"},
            {"id": 2, "kind": "refund", "status": "failure", "amount": "90.00"},
        ],
        "refund_line_items": [],
    }

    # when
    response = post_shopify(store, "refunds/create", refund)
    post_shopify(store, "refunds/create", refund)  # the same refund under another webhook id

    # then: 30 of 120 refunded → a quarter of the 6.00 commission
    assert response.status_code == 200
    events = WebhookEvent.objects.filter(store=store, topic="refunds/create")
    assert set(events.values_list("status", flat=True)) == {WebhookEvent.Status.PROCESSED}
    adjustments = Adjustment.objects.filter(store=store)
    assert [a.credit for a in adjustments] == [Decimal("1.50")]
    assert Order.objects.get(store=store, external_id="5002").refunded_amount == Decimal("30.00")


def test_a_shopify_cancellation_credits_the_whole_fee(store, post_shopify):
    cart = _clicked_cart(store)
    order = _shopify_order(
        order_id=5003, checkout_token=cart.checkout_token, placed_at=T0 + timedelta(hours=1)
    )
    post_shopify(store, "orders/create", order)

    cancelled = dict(order, cancelled_at=(T0 + timedelta(days=1)).isoformat(), cancel_reason="customer")
    post_shopify(store, "orders/cancelled", cancelled)

    credit = Adjustment.objects.get(store=store, kind=Adjustment.Kind.CANCELLATION)
    assert credit.credit == Decimal("6.00")
    assert credit.occurred_at == T0 + timedelta(days=1)


def test_a_cancellation_before_the_order_webhook_bills_nothing_net(store, post_shopify):
    # given: orders/cancelled arrives first, then orders/create of the same order
    cart = _clicked_cart(store)
    order = _shopify_order(
        order_id=5004, checkout_token=cart.checkout_token, placed_at=T0 + timedelta(hours=1)
    )
    cancelled = dict(order, cancelled_at=(T0 + timedelta(hours=2)).isoformat())

    # when
    post_shopify(store, "orders/cancelled", cancelled)
    post_shopify(store, "orders/create", order)

    # then
    attribution = Attribution.objects.get(store=store)
    credits = sum(a.credit for a in Adjustment.objects.filter(store=store))
    assert attribution.fee == credits == Decimal("6.00")


def test_a_malformed_refund_is_a_400(store, post_shopify):
    response = post_shopify(store, "refunds/create", {"order_id": 5005})

    assert response.status_code == 400


def test_generic_refund_and_cancellation_events(store, post_generic):
    # given
    cart = _clicked_cart(store)
    placed = (T0 + timedelta(hours=1)).isoformat()
    post_generic(
        store,
        {
            "event": "order.created",
            "occurred_at": placed,
            "order": {"id": "G-1", "cart_id": cart.external_id, "currency": "USD", "total": "200.00",
                      "placed_at": placed},
        },
    )  # fmt: skip

    # when
    refunded = post_generic(
        store,
        {
            "event": "order.refunded",
            "occurred_at": (T0 + timedelta(days=1)).isoformat(),
            "refund": {"id": "R-1", "order_id": "G-1", "amount": "50.00"},
        },
    )
    cancelled = post_generic(
        store,
        {
            "event": "order.cancelled",
            "occurred_at": (T0 + timedelta(days=2)).isoformat(),
            "order": {"id": "G-1"},
        },
    )
    bad = post_generic(store, {"event": "order.refunded", "occurred_at": placed, "refund": {"id": "R-2"}})

    # then: 10.00 fee; a quarter back for the refund, the rest on cancellation
    assert (refunded.status_code, cancelled.status_code, bad.status_code) == (200, 200, 400)
    credits = list(
        Adjustment.objects.filter(store=store).order_by("occurred_at").values_list("kind", "credit")
    )
    assert credits == [("refund", Decimal("2.50")), ("cancellation", Decimal("7.50"))]
