from datetime import timedelta

import pytest

from flows.models import Nudge
from flows.services import nudges_cancel_pending, nudges_schedule_for_cart
from stores.models import SmsStatus
from tests.flows.conftest import WEDNESDAY_NOON_NY
from tests.stores.factories import CartFactory, CustomerFactory


@pytest.mark.django_db
def test_a_quiet_cart_gets_one_nudge_per_step_at_its_delay(store, flow, make_cart):
    cart = make_cart()

    nudges = nudges_schedule_for_cart(store=store, cart=cart)

    assert [n.due_at for n in nudges] == [
        WEDNESDAY_NOON_NY + timedelta(minutes=45),
        WEDNESDAY_NOON_NY + timedelta(hours=24),
    ]


@pytest.mark.django_db
def test_every_cart_update_moves_the_pending_due_times(store, flow, make_cart):
    # given
    cart = make_cart()
    nudges_schedule_for_cart(store=store, cart=cart)

    # when the shopper comes back ten minutes later
    cart.last_activity_at += timedelta(minutes=10)
    cart.save()
    nudges_schedule_for_cart(store=store, cart=cart)

    # then
    assert sorted(Nudge.objects.filter(cart=cart).values_list("due_at", flat=True)) == [
        WEDNESDAY_NOON_NY + timedelta(minutes=55),
        WEDNESDAY_NOON_NY + timedelta(hours=24, minutes=10),
    ]
    assert Nudge.objects.filter(cart=cart).count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize("status", [SmsStatus.NONE, SmsStatus.UNSUBSCRIBED])
def test_a_shopper_without_consent_is_not_enrolled(store, flow, status):
    cart = CartFactory(store=store, customer=CustomerFactory(store=store, sms_status=status))

    assert nudges_schedule_for_cart(store=store, cart=cart) == []
    assert not Nudge.objects.filter(cart=cart).exists()


@pytest.mark.django_db
def test_a_cart_without_a_phone_is_not_enrolled(store, flow):
    cart = CartFactory(store=store, customer=None, first_name="")

    assert nudges_schedule_for_cart(store=store, cart=cart) == []


@pytest.mark.django_db
def test_an_emptied_cart_cancels_and_a_refilled_one_comes_back(store, flow, make_cart):
    # given
    cart = make_cart()
    nudges_schedule_for_cart(store=store, cart=cart)

    # when emptied
    cart.items.all().delete()
    cart.total = 0
    cart.save()
    nudges_schedule_for_cart(store=store, cart=cart)

    # then
    assert set(Nudge.objects.filter(cart=cart).values_list("state", "reason")) == {
        ("cancelled", "cart emptied")
    }

    # when refilled later
    cart.total = 20
    cart.last_activity_at += timedelta(hours=1)
    cart.save()
    nudges_schedule_for_cart(store=store, cart=cart)

    # then
    assert set(Nudge.objects.filter(cart=cart).values_list("state", flat=True)) == {"scheduled"}


@pytest.mark.django_db
def test_a_bought_cart_never_comes_back(store, flow, make_cart):
    cart = make_cart()
    nudges_schedule_for_cart(store=store, cart=cart)
    nudges_cancel_pending(store=store, reason="order placed", cart=cart)

    cart.last_activity_at += timedelta(hours=1)
    cart.save()
    nudges_schedule_for_cart(store=store, cart=cart)

    assert set(Nudge.objects.filter(cart=cart).values_list("state", flat=True)) == {"cancelled"}


@pytest.mark.django_db
def test_another_stores_cart_is_refused(store, other_store, flow):
    cart = CartFactory(store=other_store)

    with pytest.raises(ValueError, match="another store"):
        nudges_schedule_for_cart(store=store, cart=cart)


@pytest.mark.django_db
def test_cancelling_a_shoppers_nudges_takes_every_cart_of_theirs_and_no_one_elses(store, flow, make_cart):
    first = make_cart(phone="+12125550111")
    second = CartFactory(store=store, customer=first.customer, last_activity_at=first.last_activity_at)
    neighbour = make_cart(phone="+12125550112")
    for cart in (first, second, neighbour):
        nudges_schedule_for_cart(store=store, cart=cart)
    Nudge.objects.filter(cart=first, step__position=1).update(state=Nudge.State.SENT)

    cancelled = nudges_cancel_pending(store=store, reason="opted out", customer=first.customer)

    def states(cart):
        return sorted(Nudge.objects.filter(cart=cart).values_list("state", flat=True))

    assert cancelled == 3
    assert states(first) == ["cancelled", "sent"]
    assert states(second) == ["cancelled", "cancelled"]
    assert states(neighbour) == ["scheduled", "scheduled"]
