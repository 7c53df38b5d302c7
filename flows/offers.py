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
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db import connection

from stores.models import Cart, Customer, Store
from stores.selectors import same_person_ids

from .models import Click, DiscountCode, IncentiveKind, OfferGrant, Step
from .shopify_codes import unique_code_for_cart

logger = logging.getLogger("cartrecovery.flows")

OFFER_PER_PERSON_DAYS = 30
# Kinds whose code belongs to one cart (billing.leaks flags one redeemed by somebody else). `unique_code`
# is the Shopify Admin API's single-use code.
CART_UNIQUE_KINDS = frozenset({IncentiveKind.CODE_POOL.value, IncentiveKind.UNIQUE_CODE.value})


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


@dataclass
class OfferLedger:
    """What the offer rules need for a set of carts, read in a fixed number of queries (a dispatcher batch
    loads one; `incentive_for` without one loads it for its cart). The offers it gives are noted here at
    once, so a second cart of the same person in the same batch sees the first one's, and saved by
    `offer_grants_save`."""

    now: datetime
    person: dict[int, set[int]] = field(default_factory=dict)  # customer id → the same person's ids
    grants: dict[int, list[tuple[int, datetime]]] = field(default_factory=dict)  # customer → [(cart, at)]
    clicked: set[int] = field(default_factory=set)  # cart ids with a click on one of their links
    granted: set[int] = field(default_factory=set)  # cart ids that already have their OfferGrant
    given: dict[int, OfferGrant] = field(default_factory=dict)  # cart id → offer given, not yet saved

    def given_recently(self, *, customer: Customer, cart: Cart) -> datetime | None:
        """When this person last got an offer for another cart within the last 30 days."""
        since = self.now - timedelta(days=OFFER_PER_PERSON_DAYS)
        times = [
            at
            for pk in self.person.get(customer.pk, {customer.pk})
            for cart_id, at in self.grants.get(pk, [])
            if cart_id != cart.pk and since < at <= self.now
        ]
        return max(times, default=None)


def offer_ledger_load(*, carts: list[Cart], now: datetime) -> OfferLedger:
    customers = {c.customer.pk: c.customer for c in carts if c.customer is not None}
    person = same_person_ids(customers=customers.values(), carts=carts)
    everyone = set().union(*person.values()) if person else set()
    grants: dict[int, list[tuple[int, datetime]]] = {}
    for customer_id, cart_id, at in OfferGrant.objects.filter(
        customer_id__in=everyone, granted_at__gt=now - timedelta(days=OFFER_PER_PERSON_DAYS)
    ).values_list("customer_id", "cart_id", "granted_at"):
        grants.setdefault(customer_id, []).append((cart_id, at))
    clicked = set(
        Click.objects.filter(link__cart_id__in=[c.pk for c in carts], at__lte=now).values_list(
            "link__cart_id", flat=True
        )
    )
    granted = set(
        OfferGrant.objects.filter(cart_id__in=[c.pk for c in carts]).values_list("cart_id", flat=True)
    )
    return OfferLedger(now=now, person=person, grants=grants, clicked=clicked, granted=granted)


def incentive_for(
    *,
    store: Store,
    spec: IncentiveSpec,
    cart: Cart,
    customer: Customer | None,
    now: datetime,
    ledger: OfferLedger | None = None,
) -> OfferDecision:
    """The incentive this cart's text carries now, or why it carries none. Records the offer given (at once
    without a `ledger`; with one, when `offer_grants_save` is called)."""
    if spec.kind == IncentiveKind.NONE:
        return OfferDecision()
    own_ledger = ledger is None
    ledger = ledger or offer_ledger_load(carts=[cart], now=now)
    reason = _not_needed(spec=spec, cart=cart, ledger=ledger) or _offered_recently(
        store=store, cart=cart, customer=customer, ledger=ledger
    )
    if reason:
        return OfferDecision(withheld=f"incentive withheld: {reason}")
    code, kind = _code_for(spec=spec, cart=cart, now=now)
    if not code and spec.kind != IncentiveKind.FREE_SHIPPING:
        return OfferDecision(withheld=f"incentive withheld: {_no_code_reason(spec.kind)}")
    incentive = Incentive(
        kind=kind, code=code, expires_at=now + timedelta(days=spec.valid_days), text=spec.text
    )
    _grant_note(store=store, spec=spec, cart=cart, customer=customer, incentive=incentive, ledger=ledger)
    if own_ledger:
        offer_grants_save(ledger=ledger)
    return OfferDecision(incentive=incentive)


def _no_code_reason(kind: str) -> str:
    if kind == IncentiveKind.UNIQUE_CODE:
        return "Shopify made no code and the step has no fallback code"
    return "the discount code pool is empty"


def _not_needed(*, spec: IncentiveSpec, cart: Cart, ledger: OfferLedger) -> str:
    if spec.min_cart_value is not None and cart.total < spec.min_cart_value:
        return f"cart {cart.total} {cart.currency} is below {spec.min_cart_value}"
    if spec.only_if_not_clicked and cart.pk in ledger.clicked:
        return "the shopper clicked an earlier text"
    return ""


def _offered_recently(*, store: Store, cart: Cart, customer: Customer | None, ledger: OfferLedger) -> str:
    """One offer per person per 30 days: an offer for another cart of this shopper, under any of their
    phones or emails in this store."""
    if customer is None:
        return ""
    earlier = ledger.given_recently(customer=customer, cart=cart)
    if earlier is None:
        return ""
    return f"offer given on {_local_date(earlier, store)}"


def _local_date(value: datetime, store: Store) -> str:
    try:
        zone = ZoneInfo(store.timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return value.astimezone(zone).date().isoformat()


def _code_for(*, spec: IncentiveSpec, cart: Cart, now: datetime) -> tuple[str, str]:
    """The code and the kind it really is: a pool or Shopify code that fell back on the step's shared
    code is a fixed code (so billing.leaks never takes a shared code for a cart's own)."""
    if spec.kind in (IncentiveKind.FIXED_CODE, IncentiveKind.FREE_SHIPPING):
        return spec.discount_code, spec.kind
    if spec.kind == IncentiveKind.CODE_POOL:
        own = _pool_code_claim(step=spec.step, cart=cart, now=now)
    elif spec.kind == IncentiveKind.UNIQUE_CODE:
        own = unique_code_for_cart(step=spec.step, cart=cart, now=now)
    else:
        return "", spec.kind
    if own and own != spec.discount_code:
        return own, spec.kind
    return spec.discount_code, IncentiveKind.FIXED_CODE


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


def _grant_note(
    *,
    store: Store,
    spec: IncentiveSpec,
    cart: Cart,
    customer: Customer | None,
    incentive: Incentive,
    ledger: OfferLedger,
) -> None:
    if cart.pk in ledger.given or cart.pk in ledger.granted:
        return  # one record per cart: its first offer
    ledger.given[cart.pk] = OfferGrant(
        store=store,
        cart=cart,
        customer=customer,
        step_id=spec.step.pk,
        kind=incentive.kind,
        code=incentive.code,
        granted_at=ledger.now,
        expires_at=incentive.expires_at,
    )
    if customer is not None:
        ledger.grants.setdefault(customer.pk, []).append((cart.pk, ledger.now))


def offer_grants_save(*, ledger: OfferLedger, cart_ids: set[int] | None = None) -> None:
    """Keep the offers given (only those of `cart_ids`, the carts whose texts were queued, when given):
    one record per cart, the first offer its texts made; a repeat is a no-op."""
    grants = [g for pk, g in ledger.given.items() if cart_ids is None or pk in cart_ids]
    OfferGrant.objects.bulk_create(grants, ignore_conflicts=True)
    ledger.given.clear()
