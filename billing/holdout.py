"""The control group: a fixed share of eligible carts that are never texted, so lift can be measured."""

import hashlib

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
