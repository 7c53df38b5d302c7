"""Reads of the stores app. Every function takes the store first: no query without a tenant."""

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.db.models import Prefetch, Q, QuerySet
from django.db.models.functions import Lower, Trim

from .models import Cart, CartStatus, ConsentEvent, Customer, Order, ShopifyConnection, Store
from .phones import phone_parse, store_region
from .schemas import CartRef

# An order placed this long after a cart's last activity is not taken as that cart's order (phone matching).
ORDER_MATCH_WINDOW = timedelta(days=30)


def cart_find(*, store: Store, ref: CartRef) -> Cart | None:
    """The cart a message names by any of the shop's keys (checkout token, cart token, checkout id)."""
    return carts_find(store=store, refs=[ref])[0]


def carts_find(*, store: Store, refs: list[CartRef]) -> list[Cart | None]:
    """`cart_find` for each ref, in one query: the most recently active cart matching any of its keys."""
    wanted = [_cart_keys(ref) for ref in refs]
    by_column: dict[str, set[str]] = defaultdict(set)
    for column, value in (key for keys in wanted for key in keys):
        by_column[column].add(value)
    if not by_column:
        return [None] * len(refs)
    match = Q()
    for column, values in by_column.items():
        match |= Q(**{f"{column}__in": sorted(values)})
    carts = list(Cart.objects.for_store(store).filter(match).select_related("customer"))
    carts.sort(key=lambda cart: (cart.last_activity_at, cart.pk), reverse=True)
    return [
        next((cart for cart in carts if any(getattr(cart, c) == v for c, v in keys)), None) if keys else None
        for keys in wanted
    ]


def _cart_keys(ref: CartRef) -> list[tuple[str, str]]:
    """The (column, value) pairs a cart may be named by: a checkout token may also be the cart's own id."""
    keys = []
    if ref.external_id:
        keys.append(("external_id", ref.external_id))
    if ref.checkout_token:
        keys += [("checkout_token", ref.checkout_token), ("external_id", ref.checkout_token)]
    if ref.cart_token:
        keys.append(("cart_token", ref.cart_token))
    if ref.checkout_id:
        keys.append(("checkout_id", ref.checkout_id))
    return keys


def cart_open_for_customer(*, store: Store, customer: Customer | None, before: datetime) -> Cart | None:
    """The shopper's most recent open cart before an order that named none: ordered on another channel."""
    if customer is None:
        return None
    return (
        Cart.objects.for_store(store)
        .filter(
            customer=customer,
            status__in=(CartStatus.ACTIVE, CartStatus.ABANDONED),
            last_activity_at__lte=before + timedelta(minutes=5),
            last_activity_at__gte=before - ORDER_MATCH_WINDOW,
        )
        .select_related("customer")
        .order_by("-last_activity_at", "-id")
        .first()
    )


def order_placed_before_its_checkout(*, store: Store, cart: Cart) -> Order | None:
    """An order that named this cart's checkout or cart token but found no cart: it was delivered first."""
    match = Q()
    if cart.checkout_token:
        match |= Q(checkout_token=cart.checkout_token)
    if cart.cart_token:
        match |= Q(cart_token=cart.cart_token)
    if not match:
        return None
    return Order.objects.for_store(store).filter(match, cart__isnull=True).order_by("placed_at", "id").first()


def customer_list(*, store: Store, phone: str = "") -> QuerySet[Customer]:
    """Customers with their consent history, newest first; `phone` in any format the merchant types."""
    customers = Customer.objects.for_store(store)
    if phone:
        parsed = phone_parse(phone, region=store_region(store))
        if not parsed.ok:
            return customers.none()
        customers = customers.filter(phone=parsed.e164)
    return customers.prefetch_related(
        Prefetch("consent_events", queryset=ConsentEvent.objects.order_by("occurred_at", "id"))
    ).order_by("-created_at", "-id")


def shopify_connection_for(*, store: Store) -> ShopifyConnection | None:
    """The store's install of our Shopify app (connected, or uninstalled), if it ever had one."""
    return ShopifyConnection.objects.for_store(store).first()


def customers_of_same_person(
    *, store: Store, customer: Customer, cart: Cart | None = None
) -> QuerySet[Customer]:
    """The store's customers who are this shopper (see `same_person_ids`)."""
    ids = same_person_ids(customers=[customer], carts=[cart] if cart else [])[customer.pk]
    return Customer.objects.for_store(store).filter(pk__in=ids)


def _email_key(email: str) -> str:
    return email.strip().lower()


def same_person_ids(*, customers: Iterable[Customer], carts: Iterable[Cart] = ()) -> dict[int, set[int]]:
    """For each customer, the ids of its store's customers who are the same shopper: itself, those sharing
    its phone, and those whose email (on the customer or on one of its carts) is one of this shopper's
    emails (its own, its carts'), case-insensitively.

    One hop, not a closure: enough for "one offer per person" and for telling a code's owner from a
    stranger, in four queries for any number of customers. Another store's customers never count.
    """
    by_pk = {c.pk: c for c in customers}
    if not by_pk:
        return {}
    emails: dict[int, set[str]] = defaultdict(set)
    for customer in by_pk.values():
        if customer.email.strip():
            emails[customer.pk].add(_email_key(customer.email))
    for cart in carts:
        if cart.customer_id in by_pk and cart.email.strip():
            emails[cart.customer_id].add(_email_key(cart.email))
    for customer_id, email in (
        Cart.objects.filter(customer_id__in=by_pk).exclude(email="").values_list("customer_id", "email")
    ):
        emails[customer_id].add(_email_key(email))
    stores = {c.store_id for c in by_pk.values()}
    phones = {c.phone for c in by_pk.values() if c.phone}
    wanted = set().union(*emails.values()) if emails else set()
    by_phone: dict[tuple, set[int]] = defaultdict(set)
    by_email: dict[tuple, set[int]] = defaultdict(set)
    if phones:
        for pk, store_id, phone in Customer.objects.filter(store_id__in=stores, phone__in=phones).values_list(
            "pk", "store_id", "phone"
        ):
            by_phone[(store_id, str(phone))].add(pk)
    if wanted:
        for pk, store_id, email in (
            Customer.objects.filter(store_id__in=stores)
            .annotate(key=Lower(Trim("email")))
            .filter(key__in=wanted)
            .values_list("pk", "store_id", "key")
        ):
            by_email[(store_id, email)].add(pk)
        for store_id, customer_id, email in (
            Cart.objects.filter(store_id__in=stores, customer__isnull=False)
            .annotate(key=Lower(Trim("email")))
            .filter(key__in=wanted)
            .values_list("store_id", "customer_id", "key")
        ):
            by_email[(store_id, email)].add(customer_id)
    result = {}
    for customer in by_pk.values():
        ids = {customer.pk}
        if customer.phone:
            ids |= by_phone[(customer.store_id, str(customer.phone))]
        for email in emails[customer.pk]:
            ids |= by_email[(customer.store_id, email)]
        result[customer.pk] = ids
    return result
