from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from billing.holdout import cart_in_holdout
from billing.plans import plan_update
from conversations.models import Message
from flows.dispatcher import HOLDOUT_REASON, nudge_dispatch_due
from flows.models import Nudge
from flows.services import flow_seed_default, nudges_schedule_for_cart
from tests.stores.factories import CartFactory, CartItemFactory, CustomerFactory

# 17:00 UTC on a Wednesday: mid-day in New York, inside every quiet-hours window.
WEDNESDAY_NOON_NY = datetime(2026, 3, 4, 17, 0, tzinfo=UTC)


def _quiet_cart(store, n: int):
    customer = CustomerFactory(store=store, phone=f"+1212555{n:04d}")
    cart = CartFactory(store=store, customer=customer, last_activity_at=WEDNESDAY_NOON_NY)
    CartItemFactory(cart=cart)
    nudges_schedule_for_cart(store=store, cart=cart)
    return cart


@pytest.mark.django_db(transaction=True)
def test_held_out_carts_are_never_texted_and_the_rest_are(store, sms_outbox):
    # given: a 20 % control group, and quiet carts until both groups have a few
    plan_update(store=store, holdout_percent=20)
    flow_seed_default(store=store)
    with time_machine.travel(WEDNESDAY_NOON_NY, tick=False) as clock:
        carts, held = [], set()
        while len(carts) < 100 and (len(held) < 3 or len(carts) - len(held) < 3):
            carts.append(_quiet_cart(store, len(carts)))
            if cart_in_holdout(store=store, cart=carts[-1]):
                held.add(carts[-1].pk)

        # when: every step comes due (the 24-hour one too)
        clock.shift(timedelta(minutes=50))
        nudge_dispatch_due(deliver_inline=True)
        clock.shift(timedelta(hours=25))
        nudge_dispatch_due(deliver_inline=True)

    # then
    assert len(held) >= 3
    texts = Message.objects.filter(store=store, nudge__isnull=False)
    texted = set(texts.values_list("nudge__cart", flat=True))
    assert texted == {c.pk for c in carts} - held
    first_steps = Nudge.objects.filter(cart_id__in=held, step__position=1)
    outcomes = {(n.holdout, n.state, n.reason) for n in first_steps}
    assert outcomes == {(True, Nudge.State.SKIPPED, HOLDOUT_REASON)}
    assert not Nudge.objects.filter(cart_id__in=held, state=Nudge.State.SENT).exists()
    assert len(sms_outbox) == len(texted)
