"""A step's variants at run time: which one a cart gets, and the step as that variant says it.

Assignment is a stable hash of (step, cart) into the variants' weights: the same cart always lands on the
same variant, at scheduling and at sending, with nothing stored first, and independently of billing's
holdout hash (which uses the store and the cart). Once the experiment is decided every later text uses
the winner. The decision itself is billing's (it owns the revenue); it runs on every scheduler tick through
`EXPERIMENT_TICK_HOOKS`, which billing fills in its AppConfig.ready().
"""

import copy
import hashlib
import json
import logging
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal

from django.db import transaction

from .models import Nudge, Step

logger = logging.getLogger("cartrecovery.flows")

VARIANT_KEYS = ("A", "B", "C", "D")
_BUCKET_SPACE = 2**64

# Filled by the apps above (billing): (now=) -> None, run at the start of every dispatcher tick to
# re-evaluate running experiments before the tick's texts pick their variant.
EXPERIMENT_TICK_HOOKS: list[Callable[..., object]] = []


def variants_fingerprint(variants: list[dict]) -> str:
    """What identifies one experiment: its variants' keys, weights, texts, incentives and delays."""
    return hashlib.sha256(json.dumps(variants, sort_keys=True).encode()).hexdigest()[:16]


def variant_assign(*, step_id: int, cart_id: int, variants: list[dict]) -> str:
    """The variant of this cart on this step, in proportion to the weights; "" without variants."""
    if not variants:
        return ""
    digest = hashlib.sha256(f"variant:{step_id}:{cart_id}".encode()).digest()
    point = int.from_bytes(digest[:8], "big") / _BUCKET_SPACE * sum(v["weight"] for v in variants)
    for variant in variants:
        point -= variant["weight"]
        if point < 0:
            return variant["key"]
    return variants[-1]["key"]


def variant_for(*, step: Step, cart_id: int) -> str:
    """The variant a text of this cart uses now: the winner once decided, else its own assignment."""
    if not step.variants:
        return ""
    experiment = step.experiment or {}
    winner = experiment.get("winner")
    if experiment.get("status") == "decided" and any(v["key"] == winner for v in step.variants):
        return str(winner)
    return variant_assign(step_id=step.pk, cart_id=cart_id, variants=step.variants)


def variant_delay_minutes(step: Step, key: str) -> int:
    """The wait before this variant's text: its own delay if it has one, else the step's."""
    for variant in step.variants or []:
        if variant["key"] == key and variant.get("delay_minutes"):
            return variant["delay_minutes"]
    return step.delay_minutes


def step_as_variant(step: Step, key: str) -> Step:
    """The step as the dispatcher renders it for this variant: the variant's texts and incentive in place
    of the step's (an unsaved copy; the pool of codes stays the step's)."""
    variant = next((v for v in step.variants or [] if v["key"] == key), None)
    if variant is None:
        return step
    view = copy.copy(step)
    incentive = variant.get("incentive") or {}
    view.templates = variant["templates"]
    view.incentive_kind = incentive.get("kind", "none")
    view.discount_code = incentive.get("discount_code", "")
    view.incentive_text = incentive.get("text", "")
    view.incentive_valid_days = incentive.get("valid_days", 7)
    # "Only when needed" is the variant's own, like the rest of its incentive (flows.offers reads these)
    minimum = incentive.get("min_cart_value")
    view.incentive_min_cart_value = Decimal(str(minimum)) if minimum not in (None, "") else None
    view.incentive_only_if_not_clicked = bool(incentive.get("only_if_not_clicked"))
    view.delay_minutes = variant_delay_minutes(step, key)
    return view


def nudge_variant_settle(nudge: Nudge) -> Step:
    """At the moment a nudge's text is rendered: record its variant on it, return the step to render."""
    nudge.variant = variant_for(step=nudge.step, cart_id=nudge.cart_id)
    return step_as_variant(nudge.step, nudge.variant)


def experiments_tick(*, now: datetime) -> None:
    """Re-evaluate running experiments (billing's hook). A failing evaluator must not stop the texts."""
    for hook in EXPERIMENT_TICK_HOOKS:
        try:
            with transaction.atomic():
                hook(now=now)
        except Exception:
            logger.exception("experiment evaluation failed; the tick goes on")


def experiment_out(step: Step) -> dict | None:
    """The step's experiment as the API and the dashboard show it (read-only); None without one."""
    experiment = step.experiment or {}
    if not experiment:
        return None
    return {
        "status": experiment.get("status"),
        "winner": experiment.get("winner"),
        "decided_at": experiment.get("decided_at"),
        "started_at": experiment.get("started_at"),
        "statement": experiment.get("statement", ""),
        "numbers": experiment.get("numbers") or {},
    }
