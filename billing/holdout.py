"""The control group: a fixed share of eligible carts that are never texted, so lift can be measured;
and the lift itself (texted vs held out, with its interval), read by the Billing page and the analytics."""

import hashlib
import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Count, Q

from flows.models import Nudge
from stores.models import Store
from stores.tenancy import ensure_same_store

from .models import Plan

_BUCKETS = 10_000


def holdout_bucket(*, store: Store, cart) -> int:
    """A stable number in [0, 10000) per cart: the same cart always lands in the same bucket.

    A hash rather than a random draw, so every step of a sequence (and every retry of the dispatcher)
    makes the same decision without storing one first.
    """
    digest = hashlib.sha256(f"{store.pk}:{cart.pk}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % _BUCKETS


def _plan_of(store) -> Plan:
    # The dispatcher loads `store__plan` with its batch: no query per nudge, even without a plan row.
    try:
        return store.plan
    except Plan.DoesNotExist:
        return Plan(store=store)


def cart_in_holdout(*, store: Store, cart, plan=None) -> bool:
    ensure_same_store(store, cart)
    percent = (plan or _plan_of(store)).holdout_percent
    if not percent:
        return False
    return holdout_bucket(store=store, cart=cart) < percent * _BUCKETS // 100


# --- Lift: texted vs held out -----------------------------------------------------------------


@dataclass(frozen=True)
class Lift:
    texted: int
    texted_recovered: int
    held_out: int
    held_out_recovered: int
    texted_rate: float | None
    held_out_rate: float | None
    difference: float | None
    ci_low: float | None
    ci_high: float | None
    confidence: float = 0.95
    method: str = "Newcombe hybrid score interval (Wilson) for a difference of proportions"

    @property
    def significant(self) -> bool:
        return self.ci_low is not None and self.ci_high is not None and (self.ci_low > 0 or self.ci_high < 0)


Z_95 = 1.959963984540054


def wilson_interval(successes: int, trials: int, z: float = Z_95) -> tuple[float, float]:
    if trials == 0:
        return 0.0, 1.0
    p = successes / trials
    denominator = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denominator
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def difference_interval(s1: int, n1: int, s2: int, n2: int, z: float = Z_95) -> tuple[float, float]:
    """Newcombe (1998) method 10: sound for small groups and rates near 0, unlike the Wald interval."""
    p1, p2 = s1 / n1, s2 / n2
    l1, u1 = wilson_interval(s1, n1, z)
    l2, u2 = wilson_interval(s2, n2, z)
    d = p1 - p2
    return d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)


def lift_from_counts(*, texted: int, texted_recovered: int, held_out: int, held_out_recovered: int) -> Lift:
    n1, s1, n2, s2 = texted, texted_recovered, held_out, held_out_recovered
    p1 = s1 / n1 if n1 else None
    p2 = s2 / n2 if n2 else None
    low = high = difference = None
    if p1 is not None and p2 is not None:
        difference = p1 - p2
        low, high = difference_interval(s1, n1, s2, n2)
    return Lift(
        texted=n1,
        texted_recovered=s1,
        held_out=n2,
        held_out_recovered=s2,
        texted_rate=p1,
        held_out_rate=p2,
        difference=difference,
        ci_low=low,
        ci_high=high,
    )


def holdout_counts() -> dict[str, Any]:
    """The four counts of a lift over these nudges, as aggregate expressions (usable per group too)."""
    return {
        "texted": Count("cart", distinct=True, filter=Q(state=Nudge.State.SENT, holdout=False)),
        "texted_recovered": Count(
            "cart",
            distinct=True,
            filter=Q(state=Nudge.State.SENT, holdout=False, cart__recovered_at__isnull=False),
        ),
        "held_out": Count("cart", distinct=True, filter=Q(holdout=True)),
        "held_out_recovered": Count(
            "cart", distinct=True, filter=Q(holdout=True, cart__recovered_at__isnull=False)
        ),
    }


def holdout_lift(*, store: Store, start: datetime, end: datetime) -> Lift:
    """Recovered rate of carts texted vs carts held out, for nudges that came due in [start, end)."""
    nudges = Nudge.objects.for_store(store).filter(due_at__gte=start, due_at__lt=end)
    return lift_from_counts(**nudges.aggregate(**holdout_counts()))
