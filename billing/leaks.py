"""Leaked discount codes: orders whose code our texts did not earn, flagged and kept out of attribution.

An order's code has leaked when
- **another customer** redeemed a cart's own code (a pool code or a Shopify single-use code, recorded
  as the cart's `flows.OfferGrant` or `flows.DiscountCode`): the order's customer is not the shopper the
  code was texted to, under any of that shopper's phones or emails in the store; or
- it was **redeemed far more often than it was sent**: at least `OVER_REDEEMED_MIN` (3) orders of the
  store carry it and more than `OVER_REDEEMED_RATIO` (2) per text that carried it (a text carries a code
  when its short link applies it). A fixed code posted on a coupon site trips this; a code no text ever
  carried is not ours and is left alone.

Each flag is a `CodeLeak` row per order and code, written when the order is recorded (before its
attribution is decided; a repeat is a no-op). The order is then not attributed, whatever else the shopper
did, and its receipt says why: we would rather not bill for an order a leaked code may have caused.
An order without a customer cannot be told apart from the code's owner and is not flagged as "another
customer" (it still counts towards over-redemption). Orders decided before a code crossed the threshold
keep their decision (an attribution is decided once).
"""

from django.db.models import QuerySet
from django.utils import timezone

from cartrecovery.db import insert_once
from flows.models import DiscountCode, OfferGrant, ShortLink
from flows.offers import CART_UNIQUE_KINDS
from stores.models import Cart, Customer, Order, Store
from stores.selectors import customers_of_same_person

from .models import CodeLeak

OVER_REDEEMED_MIN = 3
OVER_REDEEMED_RATIO = 2


def order_codes(order: Order) -> set[str]:
    """The codes an order redeemed, upper-cased (shops differ in case; codes do not)."""
    codes = set()
    for entry in order.discount_codes or []:
        code = entry.get("code") if isinstance(entry, dict) else entry
        if code:
            codes.add(str(code).strip().upper())
    return codes


def order_leaks_check(*, store: Store, order: Order) -> list[CodeLeak]:
    """Flag each code of this order that leaked; returns the order's flags (old and new)."""
    codes = order_codes(order)
    if not codes:
        return []  # flags are per code: an order that redeemed none has none
    for code in sorted(codes):
        found = _other_customer(store=store, order=order, code=code) or _over_redeemed(store=store, code=code)
        if found is not None:
            kind, redemptions, texts, detail = found
            insert_once(
                CodeLeak,
                {
                    "store": store,
                    "order": order,
                    "code": code,
                    "kind": kind,
                    "redemptions": redemptions,
                    "texts": texts,
                    "detail": detail[:300],
                    "flagged_at": timezone.now(),
                },
            )
    return list(CodeLeak.objects.for_store(store).filter(order=order).order_by("code"))


def _owner(*, store: Store, code: str) -> tuple[Customer | None, Cart] | None:
    """The customer and cart a cart-unique code was given to, if it is one."""
    grant = (
        OfferGrant.objects.for_store(store)
        .filter(code__iexact=code, kind__in=CART_UNIQUE_KINDS)
        .select_related("cart", "customer")
        .order_by("granted_at")
        .first()
    )
    if grant is not None:
        return grant.customer or grant.cart.customer, grant.cart
    pooled = (
        DiscountCode.objects.for_store(store)
        .filter(code__iexact=code, cart__isnull=False)
        .select_related("cart__customer")
        .first()
    )
    if pooled is not None and pooled.cart is not None:
        return pooled.cart.customer, pooled.cart
    return None


def _other_customer(*, store: Store, order: Order, code: str):
    owner = _owner(store=store, code=code)
    if owner is None or order.customer_id is None:
        return None
    customer, cart = owner
    if customer is None:
        return None
    person = customers_of_same_person(store=store, customer=customer, cart=cart)
    if person.filter(pk=order.customer_id).exists():
        return None
    texts = _texts_carrying(store=store, code=code).count()
    return (
        CodeLeak.Kind.OTHER_CUSTOMER,
        _redemptions(store=store, code=code),
        texts,
        f"code {code} was texted for another shopper's cart ({cart.external_id}) and redeemed by a "
        f"different customer",
    )


def _over_redeemed(*, store: Store, code: str):
    texts = _texts_carrying(store=store, code=code).count()
    if texts == 0:
        return None
    redemptions = _redemptions(store=store, code=code)
    if redemptions < OVER_REDEEMED_MIN or redemptions <= OVER_REDEEMED_RATIO * texts:
        return None
    return (
        CodeLeak.Kind.OVER_REDEEMED,
        redemptions,
        texts,
        f"code {code} was redeemed {redemptions} times but sent in {texts} text{'s' if texts != 1 else ''} "
        f"(over {OVER_REDEEMED_RATIO} per text)",
    )


def _texts_carrying(*, store: Store, code: str) -> QuerySet[ShortLink]:
    return ShortLink.objects.for_store(store).filter(discount_code__iexact=code, message__isnull=False)


def _redemptions(*, store: Store, code: str) -> int:
    # discount_codes is a JSON list of strings (or {"code": …}); its text holds the code in quotes.
    return (
        Order.objects.for_store(store)
        .filter(discount_codes__icontains=f'"{code}"', cancelled_at__isnull=True)
        .count()
    )
