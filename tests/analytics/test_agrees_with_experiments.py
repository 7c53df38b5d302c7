"""The per-variant rows and the experiment's own reading count the same texts, orders and revenue."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from analytics.selectors import message_results
from billing.attribution import order_attribute
from billing.experiments import experiment_arms
from conversations.models import Message
from flows.models import Step
from flows.services import flow_seed_default, step_variants_update
from tests.billing.experiment_seed import experiment_texts_seed
from tests.billing.factories import click_add, order_for
from tests.conversations.factories import KeywordRuleFactory

pytestmark = pytest.mark.django_db


def _experiment_step(store) -> Step:
    step = flow_seed_default(store=store).steps.get(position=1)
    step_variants_update(
        store=store,
        step=step,
        variants=[
            {"key": "A", "weight": 50, "templates": step.templates},
            {"key": "B", "weight": 50, "templates": {"en": "{first_name}, still there? {link}"}},
        ],
    )
    return Step.objects.get(pk=step.pk)


def _both_readings(store, step, *, now) -> tuple[dict, dict]:
    """Per variant (texted, clicked, recovered, revenue): the analytics rows', then the experiment's."""
    rows = message_results(
        store=store, start=(now - timedelta(days=2)).date(), end=now.date(), by="variant"
    ).rows
    arms = experiment_arms(store=store, step=step, since=None)
    mine = {r.variant: (r.texted, r.clicked, r.recovered, r.revenue) for r in rows if r.step_id == step.pk}
    theirs = {
        a.key: (a.texts, a.clicked, a.recovered, Decimal(str(a.revenue)).quantize(Decimal("0.01")))
        for a in arms
    }
    return mine, theirs


def test_the_rows_by_variant_agree_with_the_experiments_arms(store):
    step = _experiment_step(store)
    now = timezone.now()
    experiment_texts_seed(
        step=step, at=now - timedelta(hours=3), texts={"A": 30, "B": 25},
        recovered={"A": 3, "B": 7}, clicked={"A": 5, "B": 9},
    )  # fmt: skip

    mine, theirs = _both_readings(store, step, now=now)

    assert mine == theirs
    assert mine["B"][:3] == (25, 9, 7)


def test_orders_credited_to_a_keyword_rules_answer_count_for_the_texted_variant_in_both(store):
    step = _experiment_step(store)
    now = timezone.now()
    nudges = experiment_texts_seed(
        step=step, at=now - timedelta(hours=3), texts={"A": 4, "B": 4}, recovered={"A": 1}
    )
    rule = KeywordRuleFactory(store=store, name="Shipping")
    # two B shoppers ask, the rule answers, then they tap the text's link and buy: the answer is credited
    for nudge in [n for n in nudges if n.variant == "B"][:2]:
        text = Message.objects.select_related("nudge__cart").get(nudge=nudge)
        for direction, route, body in (("in", "rule", "shipping?"), ("out", "rule", rule.reply)):
            Message.objects.create(
                store=store, thread=text.thread, direction=direction, route=route, body=body,
                status=Message.Status.DELIVERED, rule=rule if direction == "out" else None,
            )  # fmt: skip
        answer = Message.objects.filter(thread=text.thread, direction="out").latest("created_at")
        cart = text.nudge.cart
        click_add(cart=cart, at=answer.created_at + timedelta(minutes=1), message=text)
        order = order_for(cart=cart, placed_at=answer.created_at + timedelta(minutes=2), total="250.00")
        attribution = order_attribute(store=store, order=order)
        assert (attribution.message_id, attribution.step_id) == (answer.pk, step.pk)

    mine, theirs = _both_readings(store, step, now=now)

    assert mine == theirs
    assert mine["B"] == (4, 2, 2, Decimal("500.00"))
    assert mine["A"] == (4, 0, 1, Decimal("100.00"))
