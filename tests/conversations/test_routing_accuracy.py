"""Hand-labelled shopper replies through the real router: accuracy, and no opt-out missed or invented."""

import json
from collections import Counter
from pathlib import Path

import pytest

from conversations.router import Step, reply_try
from conversations.rules import keyword_rules_seed_default
from tests.conversations.conftest import ROUTING_REPORT
from tests.stores.factories import CartFactory, CartItemFactory

LABELLED = json.loads((Path(__file__).parent / "data" / "labelled_replies.json").read_text())


def _label(decision) -> str:
    if decision.step == Step.COMPLIANCE:
        return decision.compliance
    if decision.step == Step.RULE:
        return f"rule:{decision.rule.name}"
    return decision.step


def _route_all(store, customer, replies) -> list[tuple[str, str, str]]:
    return [
        (text, want, _label(reply_try(store=store, text=text, customer=customer))) for text, want in replies
    ]


def _summary(title: str, got: list[tuple[str, str, str]]) -> tuple[float, list, list, list[str]]:
    wrong = [(text, want, label) for text, want, label in got if label != want]
    missed = [w for w in wrong if w[1] == "opt_out"]
    invented = [w for w in wrong if w[2] == "opt_out"]
    accuracy = 1 - len(wrong) / len(got)
    lines = [
        f"{title}: {len(got)} replies, {len(got) - len(wrong)} routed as labelled, accuracy {accuracy:.1%}; "
        f"missed opt-outs {len(missed)}, false opt-outs {len(invented)}",
        *(f"  MISROUTED {text!r}: expected {want}, got {label}" for text, want, label in wrong),
    ]
    return accuracy, missed, invented, lines


@pytest.mark.django_db
def test_labelled_replies_route_as_a_person_would(store):
    # given the default rules, a store that says where it ships, and a shopper with a cart
    keyword_rules_seed_default(store=store)
    store.ships_to = ["US", "CA", "MX"]
    store.save(update_fields=["ships_to"])
    cart = CartFactory(store=store)
    CartItemFactory(cart=cart)

    # when every labelled reply goes through the router
    tuned = _route_all(store, cart.customer, LABELLED["replies"])
    held_out = _route_all(store, cart.customer, LABELLED["held_out"])

    # then
    accuracy, missed, invented, lines = _summary("labelled set", tuned)
    held_accuracy, held_missed, held_invented, held_lines = _summary(
        "held-out set (written after tuning, see its note)", held_out
    )
    per_label = Counter(want for _, want, _ in tuned + held_out)
    ROUTING_REPORT[:] = [
        *lines,
        *held_lines,
        "labels: " + ", ".join(f"{label} {count}" for label, count in sorted(per_label.items())),
    ]
    assert len(tuned) >= 150
    assert missed == held_missed == []
    assert invented == held_invented == []
    assert accuracy >= 0.95
    assert held_accuracy >= 0.85
