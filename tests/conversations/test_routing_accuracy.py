"""Hand-labelled shopper replies through the real router: accuracy, and no opt-out missed or invented."""

import json
from collections import Counter
from pathlib import Path

import pytest

from conversations.router import Step, reply_try
from flows.rules import keyword_rules_seed_default
from tests.conversations.conftest import ROUTING_REPORT
from tests.stores.factories import CartFactory, CartItemFactory

LABELLED = Path(__file__).parent / "data" / "labelled_replies.json"


def _label(decision) -> str:
    if decision.step == Step.COMPLIANCE:
        return decision.compliance
    if decision.step == Step.RULE:
        return f"rule:{decision.rule.name}"
    return decision.step


@pytest.mark.django_db
def test_labelled_replies_route_as_a_person_would(store):
    # given
    replies = json.loads(LABELLED.read_text())["replies"]
    keyword_rules_seed_default(store=store)
    cart = CartFactory(store=store)
    CartItemFactory(cart=cart)

    # when
    got = [
        (text, expected, _label(reply_try(store=store, text=text, customer=cart.customer)))
        for text, expected in replies
    ]

    # then
    wrong = [(text, expected, label) for text, expected, label in got if label != expected]
    missed_opt_outs = [w for w in wrong if w[1] == "opt_out"]
    false_opt_outs = [w for w in wrong if w[2] == "opt_out"]
    accuracy = 1 - len(wrong) / len(got)
    per_label = Counter(expected for _, expected, _ in got)
    ROUTING_REPORT[:] = [
        f"{len(got)} replies, {len(got) - len(wrong)} routed as labelled: accuracy {accuracy:.1%}",
        f"missed opt-outs: {len(missed_opt_outs)}, false opt-outs: {len(false_opt_outs)}",
        "labels: " + ", ".join(f"{label} {count}" for label, count in sorted(per_label.items())),
        *(f"  MISROUTED {text!r}: expected {expected}, got {label}" for text, expected, label in wrong),
    ]
    assert len(got) >= 150
    assert missed_opt_outs == []
    assert false_opt_outs == []
    assert accuracy >= 0.95
