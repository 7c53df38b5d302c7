""" "Only when needed" on a variant's incentive: through the flow API and the scheduler's tick."""

from datetime import timedelta
from decimal import Decimal

import pytest

from flows.dispatcher import nudge_dispatch_due
from flows.models import Nudge, ShortLink, Step
from flows.services import flow_seed_default, nudges_schedule_for_cart, step_variants_update
from tests.flows.conftest import WEDNESDAY_NOON_NY
from tests.stores.factories import CartFactory, CartItemFactory, CustomerFactory

VARIANTS = [
    {"key": "A", "weight": 50, "templates": {"en": "A: code {discount_code}. {link}"},
     "incentive": {"kind": "fixed_code", "discount_code": "ATEN"}},
    {"key": "B", "weight": 50, "templates": {"en": "B: code {discount_code}. {link}"},
     "incentive": {"kind": "fixed_code", "discount_code": "BTWENTY", "min_cart_value": "100"}},
]  # fmt: skip


def _body(variants) -> dict:
    step = {"position": 1, "delay_minutes": 45, "templates": {"en": "Hi {first_name}! {link}"}}
    return {
        "quiet_hours": {"start": 8, "end": 21},
        "frequency_cap": 3,
        "steps": [{**step, "variants": variants}],
    }


@pytest.mark.django_db
def test_the_api_keeps_a_variants_conditions(api_client, store):
    response = api_client.put(f"/api/v1/stores/{store.id}/flow/", _body(VARIANTS), format="json")

    assert response.status_code == 200, response.json()
    b = response.json()["steps"][0]["variants"][1]["incentive"]
    assert b["min_cart_value"] == "100.00"


@pytest.mark.django_db
def test_the_api_refuses_a_variants_bad_condition_in_the_steps_words(api_client, store):
    bad = [VARIANTS[0], {**VARIANTS[1], "incentive": {"kind": "none", "only_if_not_clicked": True}}]

    response = api_client.put(f"/api/v1/stores/{store.id}/flow/", _body(bad), format="json")

    assert response.status_code == 400
    assert "Variant B: Conditions apply to an incentive" in str(response.json())


@pytest.mark.django_db(transaction=True)
def test_a_variants_minimum_withholds_its_offer_on_small_carts(store, sms_outbox):
    step = flow_seed_default(store=store).steps.get(position=1)
    Step.objects.filter(flow=step.flow, position=2).update(is_active=False)
    step_variants_update(store=store, step=step, variants=VARIANTS)
    carts = []
    for number in range(12):
        customer = CustomerFactory(store=store, phone=f"+4474005{number:05d}", first_name="Jamie")
        cart = CartFactory(
            store=store, customer=customer, last_activity_at=WEDNESDAY_NOON_NY, total=Decimal("40")
        )
        CartItemFactory(cart=cart, title="Socks", position=0)
        nudges_schedule_for_cart(store=store, cart=cart)
        carts.append(cart)

    nudge_dispatch_due(now=WEDNESDAY_NOON_NY + timedelta(minutes=45))

    seen = {"A": 0, "B": 0}
    for cart in carts:
        nudge = Nudge.objects.get(cart=cart)
        seen[nudge.variant] += 1
        code = ShortLink.objects.get(cart=cart).discount_code
        if nudge.variant == "A":
            assert (code, nudge.reason) == ("ATEN", "")
        else:
            assert code == ""
            assert nudge.reason == "incentive withheld: cart 40.00 USD is below 100.00"
    assert seen["A"] > 0
    assert seen["B"] > 0
