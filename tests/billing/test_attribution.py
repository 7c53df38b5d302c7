from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from billing.attribution import order_attribute
from billing.models import Attribution
from billing.plans import plan_update
from conversations.models import Message
from tests.billing.factories import (
    StepFactory,
    click_add,
    order_for,
    reply_add,
    text_send,
    texted_cart,
)
from tests.stores.factories import CartFactory, OrderFactory

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)


def _money_fields(attribution: Attribution) -> list:
    return [
        attribution.order_total,
        attribution.revenue,
        attribution.commission,
        attribution.fixed_fee,
        attribution.fee,
        attribution.exchange_rate,
    ]


def test_a_click_after_the_text_attributes_the_order_with_a_receipt(store):
    # given
    cart, text = texted_cart(store=store, at=T0)
    click = click_add(cart=cart, at=T0 + timedelta(minutes=5), message=text)
    order = order_for(cart=cart, placed_at=T0 + timedelta(minutes=20), total="120.00")

    # when
    attribution = order_attribute(store=store, order=order)

    # then
    attribution.refresh_from_db()
    assert attribution.outcome == Attribution.Outcome.ATTRIBUTED
    assert attribution.touch == "click"
    assert attribution.message == text
    assert attribution.step == text.nudge.step
    assert attribution.fee == Decimal("6.00")
    assert attribution.fee_currency == "USD"
    assert all(isinstance(v, Decimal) for v in _money_fields(attribution))
    receipt = attribution.receipt
    assert receipt["message"]["id"] == text.pk
    assert receipt["touch"]["click_id"] == click.pk
    assert receipt["window"]["days"] == 7
    assert receipt["window"]["inside"] is True
    assert receipt["amounts"]["fee"] == "6.00"
    assert receipt["amounts"]["exchange_rate"] == {
        "from": "USD",
        "to": "USD",
        "rate": "1",
        "source": "same currency",
    }


@pytest.mark.parametrize(
    ("offset", "outcome"),
    [
        (timedelta(days=7) - timedelta(seconds=1), Attribution.Outcome.ATTRIBUTED),
        (timedelta(days=7) + timedelta(seconds=1), Attribution.Outcome.NOT_ATTRIBUTED),
    ],
)
def test_the_window_ends_seven_days_after_the_last_text(store, offset, outcome):
    # given: an earlier text, then the last one; the click comes after both
    cart, _ = texted_cart(store=store, at=T0 - timedelta(days=1))
    last = text_send(cart=cart, at=T0, step=StepFactory(store=store))
    click_add(cart=cart, at=T0 + timedelta(hours=1), message=last)
    order = order_for(cart=cart, placed_at=T0 + offset)

    # when
    attribution = order_attribute(store=store, order=order)

    # then
    assert attribution.outcome == outcome
    assert attribution.receipt["window"]["ends_at"] == (T0 + timedelta(days=7)).isoformat()


def test_the_window_follows_the_plan(store):
    # given
    plan_update(store=store, attribution_window_days=1)
    cart, text = texted_cart(store=store, at=T0)
    click_add(cart=cart, at=T0 + timedelta(hours=1), message=text)
    order = order_for(cart=cart, placed_at=T0 + timedelta(days=1, seconds=1))

    # when
    attribution = order_attribute(store=store, order=order)

    # then
    assert attribution.outcome == Attribution.Outcome.NOT_ATTRIBUTED
    assert attribution.fee == Decimal("0.00")
    assert "after the attribution window" in attribution.receipt["decision"]


def test_an_order_without_any_text_is_not_recovered_by_us(store):
    cart = CartFactory(store=store, last_activity_at=T0)
    order = order_for(cart=cart, placed_at=T0 + timedelta(hours=2))

    assert order_attribute(store=store, order=order) is None
    assert not Attribution.objects.exists()


def test_an_order_placed_before_the_text_is_not_attributed(store):
    # given: the shopper ordered, then a (late) text went out and was clicked
    cart, text = texted_cart(store=store, at=T0)
    click_add(cart=cart, at=T0 + timedelta(minutes=1), message=text)
    order = order_for(cart=cart, placed_at=T0 - timedelta(minutes=1))

    # when / then
    assert order_attribute(store=store, order=order) is None


def test_a_delivered_text_alone_earns_nothing(store):
    # given
    cart, _ = texted_cart(store=store, at=T0, status=Message.Status.DELIVERED)
    order = order_for(cart=cart, placed_at=T0 + timedelta(hours=3))

    # when
    attribution = order_attribute(store=store, order=order)

    # then: recovered (it matched a texted cart) but not billed
    assert attribution.outcome == Attribution.Outcome.NOT_ATTRIBUTED
    assert attribution.fee == Decimal("0.00")
    assert attribution.touch == ""
    assert "delivery alone earns nothing" in attribution.receipt["decision"]


def test_a_click_after_the_order_does_not_count(store):
    cart, text = texted_cart(store=store, at=T0)
    order = order_for(cart=cart, placed_at=T0 + timedelta(hours=1))
    click_add(cart=cart, at=T0 + timedelta(hours=2), message=text)

    assert order_attribute(store=store, order=order).outcome == Attribution.Outcome.NOT_ATTRIBUTED


def test_a_duplicated_order_webhook_bills_once(store):
    # given
    cart, text = texted_cart(store=store, at=T0)
    click_add(cart=cart, at=T0 + timedelta(minutes=5), message=text)
    order = order_for(cart=cart, placed_at=T0 + timedelta(hours=1))

    # when
    first = order_attribute(store=store, order=order)
    second = order_attribute(store=store, order=order)

    # then
    assert first.pk == second.pk
    assert Attribution.objects.filter(order=order).count() == 1


def test_a_reply_attributes_the_order(store):
    cart, _ = texted_cart(store=store, at=T0)
    reply = reply_add(cart=cart, at=T0 + timedelta(minutes=10))
    order = order_for(cart=cart, placed_at=T0 + timedelta(days=2))

    attribution = order_attribute(store=store, order=order)

    assert attribution.touch == "reply"
    assert attribution.receipt["touch"]["reply_message_id"] == reply.pk


def test_a_stop_reply_is_not_engagement(store):
    cart, _ = texted_cart(store=store, at=T0)
    reply_add(cart=cart, at=T0 + timedelta(minutes=10), body="STOP", route="compliance")
    order = order_for(cart=cart, placed_at=T0 + timedelta(days=2))

    assert order_attribute(store=store, order=order).outcome == Attribution.Outcome.NOT_ATTRIBUTED


def test_a_code_the_texts_carried_attributes_the_order(store):
    # given
    cart, text = texted_cart(store=store, at=T0, body="Jamie, here is 10% off: SAVE10")
    order = order_for(
        cart=cart, placed_at=T0 + timedelta(days=1), discount_codes=[{"code": "save10", "amount": "10.0"}]
    )

    # when
    attribution = order_attribute(store=store, order=order)

    # then
    assert attribution.touch == "code"
    assert attribution.message == text
    assert attribution.receipt["touch"]["code"] == "SAVE10"
    assert attribution.receipt["touch"]["carried_by"] == "text"


def test_a_code_on_the_cart_link_counts_and_a_foreign_code_does_not(store):
    # given: one cart whose link carried a code; one whose order used a code we never sent
    cart, text = texted_cart(store=store, at=T0)
    link_click = click_add(cart=cart, at=T0 - timedelta(days=30), message=text, discount_code="COMEBACK")
    other_cart, _ = texted_cart(store=store, at=T0)
    ours = order_for(cart=cart, placed_at=T0 + timedelta(days=1), discount_codes=["COMEBACK"])
    foreign = order_for(cart=other_cart, placed_at=T0 + timedelta(days=1), discount_codes=["INFLUENCER20"])

    # when / then
    assert link_click.at < T0  # the old click itself is outside; only the code counts
    assert order_attribute(store=store, order=ours).receipt["touch"]["carried_by"] == "link"
    assert order_attribute(store=store, order=foreign).outcome == Attribution.Outcome.NOT_ATTRIBUTED


def test_last_touch_credits_the_step_of_the_last_text_before_the_click(store):
    # given: step 1 texted, clicked; step 2 texted later, no further click
    step1, step2 = StepFactory(store=store, position=1), StepFactory(store=store, position=2)
    cart, first = texted_cart(store=store, at=T0, step=step1)
    click_add(cart=cart, at=T0 + timedelta(hours=1), message=first)
    text_send(cart=cart, at=T0 + timedelta(days=1), step=step2)
    order = order_for(cart=cart, placed_at=T0 + timedelta(days=2))

    # when
    attribution = order_attribute(store=store, order=order)

    # then
    assert attribution.step == step1
    assert attribution.message == first
    assert attribution.receipt["step"] == {"id": step1.pk, "position": 1}


def test_a_failed_text_is_not_a_text(store):
    cart, text = texted_cart(store=store, at=T0, status=Message.Status.FAILED)
    click_add(cart=cart, at=T0 + timedelta(minutes=1), message=text)
    order = order_for(cart=cart, placed_at=T0 + timedelta(hours=1))

    assert order_attribute(store=store, order=order) is None


def test_the_same_phone_matches_a_cart_texted_within_the_window(store):
    # given: the shopper came back on another device (no cart link, no token)
    cart, text = texted_cart(store=store, at=T0)
    click_add(cart=cart, at=T0 + timedelta(minutes=3), message=text)
    order = OrderFactory(store=store, customer=cart.customer, placed_at=T0 + timedelta(days=1))

    # when
    attribution = order_attribute(store=store, order=order)

    # then
    assert attribution.cart == cart
    assert attribution.receipt["cart"]["matched_by"] == "phone"


def test_fees_are_converted_to_the_billing_currency_with_the_rate_recorded(store):
    # given
    plan_update(store=store, fixed_fee=Decimal("0.50"))
    cart, text = texted_cart(store=store, at=T0)
    click_add(cart=cart, at=T0 + timedelta(minutes=3), message=text)
    order = order_for(cart=cart, placed_at=T0 + timedelta(hours=1), total="99.99", currency="EUR")

    # when
    attribution = order_attribute(store=store, order=order)

    # then: 99.99 EUR at 1/0.92 = 108.684782… USD; 5 % = 5.434239… → 5.43; + 0.50
    assert attribution.exchange_rate == Decimal("1.08695652")
    assert attribution.revenue == Decimal("108.68")
    assert attribution.commission == Decimal("5.43")
    assert attribution.fee == Decimal("5.93")
    assert attribution.receipt["amounts"]["exchange_rate"]["source"] == "static table"


def test_half_a_cent_rounds_up(store):
    cart, text = texted_cart(store=store, at=T0)
    click_add(cart=cart, at=T0 + timedelta(minutes=3), message=text)
    order = order_for(cart=cart, placed_at=T0 + timedelta(hours=1), total="10.10")

    assert order_attribute(store=store, order=order).fee == Decimal("0.51")


def test_another_stores_order_is_refused(store, other_store):
    order = OrderFactory(store=other_store, placed_at=T0)

    with pytest.raises(ValueError, match="another store"):
        order_attribute(store=store, order=order)
