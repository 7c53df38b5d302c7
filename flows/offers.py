"""Offers: which incentive a cart's text carries, if any, and why not when it is withheld. The one home of
incentive-code choice (the dispatcher asks here at the moment it prepares a text).

In order, an incentive (a step's, or a variant's) is withheld when
1. "only when needed" says so: the cart is worth less than `min_cart_value`, or `only_if_not_clicked`
   and the shopper already clicked an earlier text of this cart;
2. one offer per person: the shopper got an offer in this store in the last 30 days for another cart,
   under any phone or email of theirs (`stores.selectors.customers_of_same_person`);
3. there is no code to give (an empty pool without a fallback code).
A withheld incentive still lets the text go, without its offer sentence; the reason is kept on the nudge
("incentive withheld: offer given on 2026-03-04").

Each offer given is recorded once per cart (`OfferGrant`); a later step of the same cart is the same offer
conversation, not a second person's, so it is not withheld by rule 2. Pool codes stay single-use: one
`DiscountCode` per cart and step, claimed with SKIP LOCKED so two dispatchers never hand out the same one.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db import connection

from cartrecovery.db import insert_once
from stores.models import Cart, Customer, Store
from stores.selectors import customers_of_same_person

from .models import Click, DiscountCode, IncentiveKind, OfferGrant, Step

logger = logging.getLogger("cartrecovery.flows")

OFFER_PER_PERSON_DAYS = 30
# Kinds whose code belongs to one cart (billing.leaks flags one redeemed by somebody else). `unique_code`
# is the Shopify Admin API's single-use code.
CART_UNIQUE_KINDS = frozenset({IncentiveKind.CODE_POOL.value, "unique_code"})


@dataclass(frozen=True)
class IncentiveSpec:
    """What a step (or one of its variants) offers and on which conditions."""

    step: Step
    kind: str = IncentiveKind.NONE
    discount_code: str = ""
    text: str = ""
    valid_days: int = 7
    min_cart_value: Decimal | None = None
    only_if_not_clicked: bool = False

    @classmethod
    def of_step(cls, step: Step) -> "IncentiveSpec":
        return cls(
            step=step,
            kind=step.incentive_kind,
            discount_code=step.discount_code,
            text=step.incentive_text,
            valid_days=step.incentive_valid_days,
            min_cart_value=step.incentive_min_cart_value,
            only_if_not_clicked=step.incentive_only_if_not_clicked,
        )

    @classmethod
    def of_variant(cls, step: Step, incentive: dict) -> "IncentiveSpec":
        """A variant's incentive in the API's shape ({"kind", "discount_code", "text", "valid_days", …})."""
        minimum = incentive.get("min_cart_value")
        return cls(
            step=step,
            kind=incentive.get("kind") or IncentiveKind.NONE,
            discount_code=incentive.get("discount_code") or "",
            text=incentive.get("text") or "",
            valid_days=int(incentive.get("valid_days") or 7),
            min_cart_value=Decimal(str(minimum)) if minimum not in (None, "") else None,
            only_if_not_clicked=bool(incentive.get("only_if_not_clicked")),
        )


@dataclass(frozen=True)
class Incentive:
    kind: str
    code: str  # may be empty for a free-shipping text without a code
    expires_at: datetime
    text: str  # the merchant's own wording of the offer, if any


@dataclass(frozen=True)
class OfferDecision:
    incentive: Incentive | None = None
    withheld: str = ""  # why a step's incentive was not given; "" when given or when there was none

    @property
    def code(self) -> str:
        return self.incentive.code if self.incentive else ""


def incentive_for(
    *, store: Store, spec: IncentiveSpec, cart: Cart, customer: Customer | None, now: datetime
) -> OfferDecision:
    """The incentive this cart's text carries now, or why it carries none. Records the offer given."""
    if spec.kind == IncentiveKind.NONE:
        return OfferDecision()
    reason = _not_needed(store=store, spec=spec, cart=cart, now=now) or _offered_recently(
        store=store, cart=cart, customer=customer, now=now
    )
    if reason:
        return OfferDecision(withheld=f"incentive withheld: {reason}")
    code = _code_for(spec=spec, cart=cart, now=now)
    if not code and spec.kind != IncentiveKind.FREE_SHIPPING:
        return OfferDecision(withheld="incentive withheld: the discount code pool is empty")
    incentive = Incentive(
        kind=spec.kind, code=code, expires_at=now + timedelta(days=spec.valid_days), text=spec.text
    )
    _grant_record(store=store, spec=spec, cart=cart, customer=customer, incentive=incentive, now=now)
    return OfferDecision(incentive=incentive)


def _not_needed(*, store: Store, spec: IncentiveSpec, cart: Cart, now: datetime) -> str:
    if spec.min_cart_value is not None and cart.total < spec.min_cart_value:
        return f"cart {cart.total} {cart.currency} is below {spec.min_cart_value}"
    if (
        spec.only_if_not_clicked
        and Click.objects.for_store(store).filter(link__cart=cart, at__lte=now).exists()
    ):
        return "the shopper clicked an earlier text"
    return ""


def _offered_recently(*, store: Store, cart: Cart, customer: Customer | None, now: datetime) -> str:
    """One offer per person per 30 days: an offer for another cart of this shopper, under any of their
    phones or emails in this store."""
    if customer is None:
        return ""
    earlier = offer_given_recently(store=store, customer=customer, cart=cart, now=now)
    if earlier is None:
        return ""
    return f"offer given on {_local_date(earlier.granted_at, store)}"


def offer_given_recently(*, store: Store, customer: Customer, cart: Cart, now: datetime) -> OfferGrant | None:
    """The newest offer this person got for another cart within the last 30 days."""
    person = customers_of_same_person(store=store, customer=customer, cart=cart).values("pk")
    return (
        OfferGrant.objects.for_store(store)
        .filter(
            customer__in=person,
            granted_at__gt=now - timedelta(days=OFFER_PER_PERSON_DAYS),
            granted_at__lte=now,
        )
        .exclude(cart=cart)
        .order_by("-granted_at")
        .first()
    )


def _local_date(value: datetime, store: Store) -> str:
    try:
        zone = ZoneInfo(store.timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return value.astimezone(zone).date().isoformat()


def _code_for(*, spec: IncentiveSpec, cart: Cart, now: datetime) -> str:
    if spec.kind in (IncentiveKind.FIXED_CODE, IncentiveKind.FREE_SHIPPING):
        return spec.discount_code
    if spec.kind == IncentiveKind.CODE_POOL:
        return _pool_code_claim(step=spec.step, cart=cart, now=now) or spec.discount_code
    return ""


def _pool_code_claim(*, step: Step, cart: Cart, now: datetime) -> str:
    """The cart's code from the step's pool: the one it already holds, else the oldest free one."""
    taken = DiscountCode.objects.filter(step=step, cart=cart).first()
    if taken is not None:
        return taken.code
    free = DiscountCode.objects.filter(step=step, cart__isnull=True).order_by("id")
    if connection.features.has_select_for_update_skip_locked:
        free = free.select_for_update(skip_locked=True)
    code = free.first()
    if code is None:
        logger.warning("step %s: the discount code pool is empty; sending the fallback code", step.id)
        return ""
    code.cart, code.assigned_at = cart, now
    code.save(update_fields=["cart", "assigned_at"])
    return code.code


def _grant_record(
    *, store: Store, spec: IncentiveSpec, cart: Cart, customer: Customer | None, incentive: Incentive, now
) -> None:
    """One record per cart (the first offer its texts made); a repeat is a no-op."""
    insert_once(
        OfferGrant,
        {
            "store": store,
            "cart": cart,
            "customer": customer,
            "step": spec.step,
            "kind": incentive.kind,
            "code": incentive.code,
            "granted_at": now,
            "expires_at": incentive.expires_at,
        },
    )
