"""Step experiments decided by the scheduler tick against attributed revenue, and the winner used after."""

import re
import uuid
from datetime import timedelta
from io import StringIO
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from billing.attribution import order_attribute
from billing.experiments import experiment_arms, experiments_evaluate
from conversations.models import Message
from flows.dispatcher import nudge_dispatch_due
from flows.models import Nudge
from flows.services import flow_seed_default, nudges_schedule_for_cart, step_variants_update
from flows.variants import variant_assign
from tests.billing.experiment_seed import experiment_texts_seed
from tests.billing.factories import order_for
from tests.conversations.factories import KeywordRuleFactory
from tests.conversations.twilio import signed_post
from tests.flows.conftest import WEDNESDAY_NOON_NY
from tests.flows.conftest import make_cart as make_cart  # the fixture

AB = [
    {"key": "A", "weight": 50, "templates": {"en": "Variant A: {product} waits {link}"}},
    {"key": "B", "weight": 50, "templates": {"en": "Variant B: {product} is still here {link}"}},
]


@pytest.fixture
def experiment_step(store):
    flow = flow_seed_default(store=store)
    step = flow.steps.get(position=1)
    with time_machine.travel(WEDNESDAY_NOON_NY - timedelta(days=1), tick=False):
        return step_variants_update(store=store, step=step, variants=AB)


@pytest.mark.django_db
def test_the_tick_decides_a_clear_winner_and_keeps_the_numbers_on_the_step(store, experiment_step):
    # given 250 texts per variant; B's recovered 40 orders of $100, A's 8
    experiment_texts_seed(
        step=experiment_step, at=WEDNESDAY_NOON_NY, texts={"A": 250, "B": 250},
        recovered={"A": 8, "B": 40}, clicked={"A": 20, "B": 60},
    )  # fmt: skip

    # when the scheduler ticks
    with time_machine.travel(WEDNESDAY_NOON_NY + timedelta(hours=2), tick=False):
        nudge_dispatch_due()

    # then
    experiment_step.refresh_from_db()
    experiment = experiment_step.experiment
    assert experiment["status"] == "decided"
    assert experiment["winner"] == "B"
    assert experiment["decided_at"].startswith("2026-03-04T19:00")
    assert experiment["statement"] == (
        "B recovers 400 % more revenue per text than A; chance this is noise < 5 %."
    )
    numbers = {row["variant"]: row for row in experiment["numbers"]["variants"]}
    assert numbers["A"] == {
        "variant": "A", "texts": 250, "revenue": 800.0, "revenue_per_text": 3.2, "recovered": 8,
        "recovery_rate": 0.032, "clicked": 20, "click_rate": 0.08,
    }  # fmt: skip
    assert numbers["B"]["revenue_per_text"] == 16.0
    assert experiment["numbers"]["intervals"][0]["low"] > 0


@pytest.mark.django_db
def test_a_small_difference_keeps_the_experiment_running_with_its_reading(store, experiment_step):
    experiment_texts_seed(
        step=experiment_step, at=WEDNESDAY_NOON_NY, texts={"A": 250, "B": 250}, recovered={"A": 18, "B": 22}
    )

    assert experiments_evaluate() == 0

    experiment_step.refresh_from_db()
    assert experiment_step.experiment["status"] == "running"
    assert experiment_step.experiment["winner"] is None
    assert experiment_step.experiment["statement"].startswith("B leads by 22 % revenue per text over A")


@pytest.mark.django_db
def test_no_decision_before_200_texts_per_variant_however_lopsided(store, experiment_step):
    experiment_texts_seed(
        step=experiment_step, at=WEDNESDAY_NOON_NY, texts={"A": 150, "B": 150}, recovered={"A": 0, "B": 60}
    )

    experiments_evaluate()

    experiment_step.refresh_from_db()
    assert experiment_step.experiment["status"] == "running"
    assert experiment_step.experiment["statement"] == (
        "Collecting texts: each variant needs 200 before any decision (A 150, B 150)."
    )


@pytest.mark.django_db
def test_only_texts_of_this_experiment_count(store, experiment_step):
    # texts sent before the variants were last changed belong to another experiment
    experiment_texts_seed(
        step=experiment_step, at=WEDNESDAY_NOON_NY - timedelta(days=2), texts={"A": 30, "B": 30},
        recovered={"A": 0, "B": 30},
    )  # fmt: skip
    experiment_texts_seed(
        step=experiment_step, at=WEDNESDAY_NOON_NY, texts={"A": 20, "B": 10}, recovered={"A": 2, "B": 1}
    )
    since = timezone.datetime.fromisoformat(experiment_step.experiment["started_at"])

    arms = experiment_arms(store=store, step=experiment_step, since=since)

    assert [(a.key, a.texts, a.recovered, a.revenue) for a in arms] == [
        ("A", 20, 2, 200.0),
        ("B", 10, 1, 100.0),
    ]


@pytest.mark.django_db(transaction=True)
def test_once_decided_every_later_text_uses_the_winner(store, experiment_step, make_cart, sms_outbox):
    experiment_texts_seed(
        step=experiment_step, at=WEDNESDAY_NOON_NY - timedelta(hours=3), texts={"A": 250, "B": 250},
        recovered={"A": 5, "B": 45},
    )  # fmt: skip
    with time_machine.travel(WEDNESDAY_NOON_NY, tick=False) as clock:
        # carts that the hash puts in A (and B), scheduled while the experiment still runs
        carts = [make_cart(phone=f"+1212555{n:04d}") for n in range(8)]
        for cart in carts:
            nudges_schedule_for_cart(store=store, cart=cart)
        assigned = {
            c.pk: variant_assign(step_id=experiment_step.pk, cart_id=c.pk, variants=AB) for c in carts
        }
        assert "A" in assigned.values()
        clock.shift(timedelta(minutes=50))
        nudge_dispatch_due(deliver_inline=True)

    experiment_step.refresh_from_db()
    assert experiment_step.experiment["winner"] == "B"
    for cart in carts:
        nudge = Nudge.objects.get(cart=cart, step=experiment_step)
        assert nudge.variant == "B"
        assert "Variant B:" in Message.objects.get(nudge=nudge).body
    assert len(sms_outbox) == len(carts)


@pytest.mark.django_db
def test_a_reading_of_changed_variants_is_not_kept(store, experiment_step):
    experiment_texts_seed(
        step=experiment_step, at=WEDNESDAY_NOON_NY, texts={"A": 250, "B": 250}, recovered={"A": 5, "B": 45}
    )
    stale = dict(experiment_step.experiment)
    with time_machine.travel(WEDNESDAY_NOON_NY + timedelta(hours=1), tick=False):
        step_variants_update(store=store, step=experiment_step, variants=[AB[0], dict(AB[1], weight=20)])

    from billing.experiments import step_experiment_evaluate

    experiment_step.experiment = stale  # an evaluation that read the step before the change
    assert step_experiment_evaluate(store=store, step=experiment_step) == 0

    experiment_step.refresh_from_db()
    assert experiment_step.experiment["status"] == "running"
    assert experiment_step.experiment["fingerprint"] != stale["fingerprint"]


@pytest.mark.django_db
def test_clicks_on_one_variant_alone_show_in_the_numbers_but_revenue_decides(
    api_client, store, experiment_step
):
    experiment_texts_seed(
        step=experiment_step, at=WEDNESDAY_NOON_NY, texts={"A": 240, "B": 240}, recovered={},
        clicked={"B": 120},
    )  # fmt: skip

    with time_machine.travel(WEDNESDAY_NOON_NY + timedelta(hours=1), tick=False):
        nudge_dispatch_due()
    step_out = api_client.get(f"/api/v1/stores/{store.id}/flow/").json()["steps"][0]

    experiment = step_out["experiment"]
    assert experiment["status"] == "running"
    assert experiment["winner"] is None
    clicks = {
        row["variant"]: (row["clicked"], row["click_rate"]) for row in experiment["numbers"]["variants"]
    }
    assert clicks == {"A": (0, 0.0), "B": (120, 0.5)}
    assert "clicked: A 0 %, B 50 %; revenue decides" in experiment["statement"]


@pytest.mark.django_db
def test_the_dispatch_due_command_ticks_experiments_too(store, experiment_step):
    experiment_texts_seed(
        step=experiment_step, at=WEDNESDAY_NOON_NY, texts={"A": 250, "B": 250}, recovered={"A": 45, "B": 5}
    )

    call_command("dispatch_due", "--now", "2026-03-04T19:00:00Z", stdout=StringIO())

    experiment_step.refresh_from_db()
    assert experiment_step.experiment["status"] == "decided"
    assert experiment_step.experiment["winner"] == "A"


def _cart_in_variant(make_cart, step, key: str):
    """A shopper's cart that the assignment hash really puts in variant `key` of `step`."""
    for n in range(100):
        cart = make_cart(phone=f"+1212555{n:04d}")
        if variant_assign(step_id=step.pk, cart_id=cart.pk, variants=step.variants) == key:
            return cart
    raise AssertionError(f"no cart hashed into {key}")


@pytest.mark.django_db(transaction=True)
def test_an_order_credited_to_a_keyword_rules_answer_counts_for_the_variant_that_was_texted(
    client, store, experiment_step, make_cart, sms_outbox, django_capture_on_commit_callbacks
):
    # given a shopper texted variant B, who asks about shipping and gets the keyword rule's answer
    KeywordRuleFactory(store=store, name="Shipping", keywords=["shipping"], priority=1)
    cart = _cart_in_variant(make_cart, experiment_step, "B")
    with time_machine.travel(WEDNESDAY_NOON_NY, tick=False) as clock:
        nudges_schedule_for_cart(store=store, cart=cart)
        clock.shift(timedelta(minutes=50))
        nudge_dispatch_due(deliver_inline=True)
        clock.shift(timedelta(minutes=5))
        with django_capture_on_commit_callbacks(execute=True):
            replied = signed_post(
                client,
                "/webhooks/twilio/sms/",
                {
                    "MessageSid": "SM" + uuid.uuid4().hex,
                    "AccountSid": "AC" + "0" * 32,
                    "From": cart.customer.phone.as_e164,
                    "To": store.sms_number.as_e164,
                    "Body": "How much is shipping?",
                    "NumSegments": "1",
                },
            )
        # then taps the link of the text it got, and buys
        clock.shift(timedelta(minutes=2))
        link = re.search(r"https?://\S+/r/\S+", sms_outbox[0].body).group(0)
        tapped = client.get(urlsplit(link).path, HTTP_USER_AGENT="Mobile Safari")
        clock.shift(timedelta(hours=1))
        order = order_for(cart=cart, placed_at=timezone.now(), total="120.00")
        attribution = order_attribute(store=store, order=order)

    assert "Variant B:" in sms_outbox[0].body
    assert (replied.status_code, tapped.status_code) == (200, 302)
    # the order is credited to the rule's answer (the last text before the tap), on the experiment's step
    assert attribution.message.route == "rule"
    assert attribution.message.nudge_id is None
    assert attribution.step_id == experiment_step.pk

    # when the experiment is read, B's text earned that order
    since = timezone.datetime.fromisoformat(experiment_step.experiment["started_at"])
    arms = experiment_arms(store=store, step=experiment_step, since=since)

    assert [(a.key, a.texts, a.recovered, a.revenue, a.clicked) for a in arms] == [
        ("A", 0, 0, 0.0, 0),
        ("B", 1, 1, 120.0, 1),
    ]
