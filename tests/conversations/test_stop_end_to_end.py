"""STOP before the first nudge, through the real webhook and the real dispatcher: no nudge, ever."""

from datetime import timedelta

import pytest
import time_machine

from flows.dispatcher import nudge_dispatch_due
from flows.services import flow_seed_default, nudges_schedule_for_cart
from tests.conversations.twilio import signed_post
from tests.flows.conftest import WEDNESDAY_NOON_NY
from tests.stores.factories import CartFactory, CartItemFactory, CustomerFactory


def _quiet_cart(store, phone):
    customer = CustomerFactory(store=store, phone=phone, first_name="Jamie")
    cart = CartFactory(store=store, customer=customer, last_activity_at=WEDNESDAY_NOON_NY)
    CartItemFactory(cart=cart, title="Alpine Down Jacket")
    nudges_schedule_for_cart(store=store, cart=cart)
    return cart


@pytest.mark.django_db(transaction=True)
def test_stop_before_the_first_nudge_means_no_nudge_ever(client, store, sms_outbox):
    # given two shoppers with quiet carts; one texts STOP ten minutes later
    with time_machine.travel(WEDNESDAY_NOON_NY, tick=False) as clock:
        flow_seed_default(store=store)
        _quiet_cart(store, "+12125550100")
        _quiet_cart(store, "+12125550111")
        clock.shift(timedelta(minutes=10))
        response = signed_post(
            client,
            "/webhooks/twilio/sms/",
            {
                "MessageSid": "SM" + "5" * 32,
                "From": "+12125550111",
                "To": str(store.sms_number),
                "Body": "Stop",
            },
        )

        # when the scheduler runs through the following days
        for _ in range(6):
            clock.shift(timedelta(hours=8))
            nudge_dispatch_due(deliver_inline=True)

    # then the other shopper got their reminder; the one who said STOP only the confirmation
    assert response.status_code == 200
    to_stopper = [sms.body for sms in sms_outbox if sms.to == "+12125550111"]
    to_other = [sms.body for sms in sms_outbox if sms.to == "+12125550100"]
    assert len(to_stopper) == 1
    assert "unsubscribed" in to_stopper[0]
    assert len(to_other) >= 1
    assert "Alpine Down Jacket" in to_other[0]
