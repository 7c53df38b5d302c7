from datetime import timedelta

import pytest

from conversations.models import Message
from flows.dispatcher import nudge_dispatch_due
from flows.models import Nudge
from flows.services import nudges_schedule_for_cart
from tests.flows.conftest import WEDNESDAY_NOON_NY


@pytest.mark.django_db(transaction=True)
def test_the_first_step_goes_out_45_minutes_after_the_cart_went_quiet(store, flow, make_cart, sms_outbox):
    # given
    cart = make_cart()
    nudges_schedule_for_cart(store=store, cart=cart)

    # when
    early = nudge_dispatch_due(now=WEDNESDAY_NOON_NY + timedelta(minutes=44))
    on_time = nudge_dispatch_due(now=WEDNESDAY_NOON_NY + timedelta(minutes=45))

    # then
    assert early.sent == 0
    assert on_time.sent == 1
    assert len(sms_outbox) == 1
    body = sms_outbox[0].body
    assert body.startswith(f"Hi Jamie, it's {store.name}. You left Alpine Down Jacket in your cart.")
    assert "https://cartrecovery.test/r/" in body
    assert body.endswith("Reply STOP to opt out.")
    nudge = Nudge.objects.get(cart=cart, step__position=1)
    assert nudge.state == Nudge.State.SENT
    assert Message.objects.get(nudge=nudge).status == Message.Status.QUEUED
