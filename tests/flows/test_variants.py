"""Step variants: stable assignment, every text in its variant, the holdout untouched, and the API's rules."""

from collections import Counter
from datetime import timedelta

import pytest
import time_machine

from billing.holdout import cart_in_holdout
from billing.plans import plan_update
from conversations.models import Message
from flows.dispatcher import HOLDOUT_REASON, nudge_dispatch_due
from flows.models import Nudge, Step
from flows.services import (
    flow_seed_default,
    nudges_schedule_for_cart,
    nudges_schedule_for_new_carts,
    step_variants_update,
)
from flows.variants import variant_assign
from tests.flows.conftest import WEDNESDAY_NOON_NY

AB = [
    {"key": "A", "weight": 70, "templates": {"en": "Variant A: {product} waits {link}"}},
    {"key": "B", "weight": 30, "templates": {"en": "Variant B: 10% off with {discount_code} {link}"},
     "incentive": {"kind": "fixed_code", "discount_code": "TRYB10"}},
]  # fmt: skip


def _url(store) -> str:
    return f"/api/v1/stores/{store.id}/flow/"


def _body(variants=None, **step_changes) -> dict:
    step = {"position": 1, "delay_minutes": 30, "templates": {"en": "Hi {first_name}! {link}"}}
    if variants is not None:
        step["variants"] = variants
    step.update(step_changes)
    return {"quiet_hours": {"start": 8, "end": 21}, "frequency_cap": 3, "steps": [step]}


def test_assignment_is_stable_and_follows_the_weights():
    first = [variant_assign(step_id=7, cart_id=c, variants=AB) for c in range(20_000)]
    again = [variant_assign(step_id=7, cart_id=c, variants=AB) for c in range(20_000)]
    other_step = [variant_assign(step_id=8, cart_id=c, variants=AB) for c in range(20_000)]

    assert first == again
    share = Counter(first)
    assert 0.68 < share["A"] / 20_000 < 0.72
    assert 0.28 < share["B"] / 20_000 < 0.32
    # another step splits the same carts independently (no cart is "always B")
    same = sum(a == b for a, b in zip(first, other_step, strict=True)) / 20_000
    assert 0.56 < same < 0.60  # 0.7² + 0.3² = 0.58
    assert variant_assign(step_id=7, cart_id=1, variants=[]) == ""


def test_four_equal_variants_share_evenly():
    four = [{"key": k, "weight": 1, "templates": {"en": k}} for k in "ABCD"]
    share = Counter(variant_assign(step_id=3, cart_id=c, variants=four) for c in range(20_000))

    assert set(share) == set("ABCD")
    assert all(0.23 < n / 20_000 < 0.27 for n in share.values())


@pytest.mark.django_db(transaction=True)
def test_every_text_uses_and_records_its_variant(store, make_cart, sms_outbox):
    flow = flow_seed_default(store=store)
    step = flow.steps.get(position=1)
    step_variants_update(store=store, step=step, variants=AB)
    with time_machine.travel(WEDNESDAY_NOON_NY, tick=False) as clock:
        carts = [make_cart(phone=f"+1212555{n:04d}") for n in range(30)]
        for cart in carts:
            nudges_schedule_for_cart(store=store, cart=cart)
        scheduled = {n.cart_id: n.variant for n in Nudge.objects.filter(step=step)}
        clock.shift(timedelta(minutes=50))
        report = nudge_dispatch_due(deliver_inline=True)

    assert report.sent == 30
    for cart in carts:
        expected = variant_assign(step_id=step.pk, cart_id=cart.pk, variants=step.variants)
        nudge = Nudge.objects.get(cart=cart, step=step)
        assert scheduled[cart.pk] == expected == nudge.variant
        body = Message.objects.get(nudge=nudge).body
        assert f"Variant {expected}:" in body
        assert f"Variant {'A' if expected == 'B' else 'B'}:" not in body
        if expected == "B":
            assert "TRYB10" in body
    assert set(Nudge.objects.filter(step=step).values_list("variant", flat=True)) == {"A", "B"}
    assert len(sms_outbox) == 30


@pytest.mark.django_db(transaction=True)
def test_a_variant_with_its_own_delay_is_scheduled_by_it(store, make_cart):
    flow = flow_seed_default(store=store)
    step = flow.steps.get(position=1)
    variants = [dict(AB[0], delay_minutes=120), AB[1]]
    step_variants_update(store=store, step=step, variants=variants)
    with time_machine.travel(WEDNESDAY_NOON_NY, tick=False):
        # carts until both variants have one: at 70/30, a fixed dozen all land in A once in 70 runs
        for n in range(100):
            nudges_schedule_for_cart(store=store, cart=make_cart(phone=f"+1212555{n:04d}"))
            if Nudge.objects.filter(step=step).values("variant").distinct().count() == 2:
                break

    waits = {
        n.variant: n.due_at - WEDNESDAY_NOON_NY for n in Nudge.objects.filter(step=step)
    }  # fmt: skip
    assert waits == {"A": timedelta(minutes=120), "B": timedelta(minutes=step.delay_minutes)}


@pytest.mark.django_db(transaction=True)
def test_the_holdout_is_in_no_variant_and_never_texted(store, make_cart, sms_outbox):
    plan_update(store=store, holdout_percent=20)
    flow = flow_seed_default(store=store)
    step = flow.steps.get(position=1)
    step_variants_update(store=store, step=step, variants=AB)
    with time_machine.travel(WEDNESDAY_NOON_NY, tick=False) as clock:
        carts, held = [], set()
        while len(carts) < 100 and (len(held) < 2 or len(carts) - len(held) < 2):
            carts.append(make_cart(phone=f"+1212555{len(carts):04d}"))
            nudges_schedule_for_cart(store=store, cart=carts[-1])
            if cart_in_holdout(store=store, cart=carts[-1]):
                held.add(carts[-1].pk)
        clock.shift(timedelta(minutes=50))
        nudge_dispatch_due(deliver_inline=True)

    assert len(held) >= 2
    held_nudges = Nudge.objects.filter(step=step, cart_id__in=held)
    assert {(n.holdout, n.state, n.reason, n.variant) for n in held_nudges} == {
        (True, Nudge.State.SKIPPED, HOLDOUT_REASON, "")
    }
    texted = Nudge.objects.filter(step=step).exclude(cart_id__in=held)
    assert {n.state for n in texted} == {Nudge.State.SENT}
    assert all(n.variant in ("A", "B") for n in texted)
    assert not Message.objects.filter(nudge__cart_id__in=held).exists()
    assert len(sms_outbox) == len(carts) - len(held)


@pytest.mark.django_db
def test_the_api_takes_variants_and_shows_the_experiment_read_only(api_client, store):
    body = _body(variants=AB)
    body["steps"][0]["experiment"] = {"status": "decided", "winner": "B"}

    response = api_client.put(_url(store), body, format="json")

    assert response.status_code == 200, response.json()
    step_out = response.json()["steps"][0]
    assert [v["key"] for v in step_out["variants"]] == ["A", "B"]
    assert step_out["variants"][1]["incentive"] == {
        "kind": "fixed_code", "discount_code": "TRYB10", "text": "", "valid_days": 7,
    }  # fmt: skip
    assert step_out["experiment"]["status"] == "running"
    assert step_out["experiment"]["winner"] is None
    got = api_client.get(_url(store)).json()["steps"][0]
    assert got["experiment"]["started_at"] == step_out["experiment"]["started_at"]
    # the same variants again leave the experiment as it is; new texts start a new one
    again = api_client.put(_url(store), _body(variants=AB), format="json").json()["steps"][0]
    assert again["experiment"]["started_at"] == step_out["experiment"]["started_at"]
    changed = [AB[0], dict(AB[1], weight=50)]
    restarted = api_client.put(_url(store), _body(variants=changed), format="json").json()["steps"][0]
    assert restarted["experiment"]["started_at"] != step_out["experiment"]["started_at"]
    # no variants: the step's own text again, and the running experiment stopped
    stopped = api_client.put(_url(store), _body(), format="json").json()["steps"][0]
    assert stopped["variants"] == []
    assert stopped["experiment"]["status"] == "stopped"


WEIGHT_RULE = "Variant B: the weight must be a whole number from 1 to 1000."


def _variant(key="A", **changes):
    return {"key": key, "weight": 50, "templates": {"en": f"Text {key} {{link}}"}, **changes}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("variants", "message"),
    [
        ([_variant("A")], "A step tests 2 to 4 variants (or none)."),
        ([_variant(k) for k in "ABCDA"], "A step tests 2 to 4 variants (or none)."),
        ([_variant("A"), _variant("A")], "Variant A is given twice: keys must be unique."),
        ([_variant("A"), _variant("E")], "Variant keys are A, B, C, D; got 'E'."),
        ([_variant("A"), _variant("B", weight=0)], WEIGHT_RULE),
        ([_variant("A"), _variant("B", weight="50")], WEIGHT_RULE),
        ([_variant("A"), _variant("B", templates={})], "Variant B: Every step needs a text"),
        ([_variant("A"), _variant("B", templates={"en": "  "})], "Variant B: Write the text."),
        ([_variant("A"), _variant("B", templates={"en": "Hi {nickname}"})], "Variant B: "),
        ([_variant("A"), _variant("B", incentive={"kind": "fixed_code"})],
         "Variant B: give the discount code to send."),
        ([_variant("A"), _variant("B", incentive={"kind": "bogus"})], "Variant B: the incentive kind is"),
        ([_variant("A"), _variant("B", delay_minutes=0)], "Variant B: the delay must be whole minutes"),
        ([_variant("A"), _variant("B", incentive={"kind": "code_pool", "pool_codes": ["X1"]})],
         "Variant B: pool codes go on the step's own incentive"),
    ],
)  # fmt: skip
def test_bad_variants_are_refused_clearly_and_nothing_changes(api_client, store, variants, message):
    flow_seed_default(store=store)

    response = api_client.put(_url(store), _body(variants=variants), format="json")

    assert response.status_code == 400
    data = response.json()
    assert data["detail"].startswith(message), data
    assert data["extra"]["field"] == "steps[1].variants"
    step = Step.objects.for_store(store).get(position=1)
    assert step.variants == []
    assert step.experiment == {}
    assert step.delay_minutes == 45


@pytest.mark.django_db
def test_another_stores_step_variants_are_out_of_reach(api_client, client, owner, store, other_store):
    flow = flow_seed_default(store=other_store)
    step = flow.steps.get(position=1)

    assert api_client.put(_url(other_store), _body(variants=AB), format="json").status_code == 404
    client.force_login(owner)
    two = {"language": "en", "A_include": "on", "A_text": "A {link}", "A_weight": "50",
           "B_include": "on", "B_text": "B {link}", "B_weight": "50"}  # fmt: skip
    page = f"/dashboard/{other_store.id}/flow/steps/{step.id}/variants/"
    assert client.post(page, two).status_code == 404
    own_page = f"/dashboard/{store.id}/flow/steps/{step.id}/variants/"
    assert client.post(own_page, two).status_code == 404
    own_step = flow_seed_default(store=store).steps.get(position=1)
    assert client.post(f"/dashboard/{store.id}/flow/steps/{own_step.id}/variants/", two).status_code == 302
    step.refresh_from_db()
    assert step.variants == []


@pytest.mark.django_db
def test_carts_enrolled_in_bulk_record_their_variant_too(store, make_cart):
    flow = flow_seed_default(store=store)
    step = flow.steps.get(position=1)
    step_variants_update(store=store, step=step, variants=[dict(AB[0], delay_minutes=90), AB[1]])
    carts = [make_cart(phone=f"+1212555{n:04d}") for n in range(10)]

    nudges_schedule_for_new_carts(store=store, carts=carts, with_items={c.pk for c in carts})

    for nudge in Nudge.objects.filter(step=step):
        assert nudge.variant == variant_assign(step_id=step.pk, cart_id=nudge.cart_id, variants=step.variants)
        wait = nudge.due_at - WEDNESDAY_NOON_NY
        assert wait == timedelta(minutes=90 if nudge.variant == "A" else step.delay_minutes)
