"""Reads of the stores app. Every function takes the store first: no query without a tenant."""

from datetime import datetime, timedelta

from django.db.models import Prefetch, Q, QuerySet

from .models import Cart, CartStatus, ConsentEvent, Customer, Order, ShopifyConnection, Store
from .phones import phone_parse, store_region
from .schemas import CartRef

# An order placed this long after a cart's last activity is not taken as that cart's order (phone matching).
ORDER_MATCH_WINDOW = timedelta(days=30)


def cart_find(*, store: Store, ref: CartRef) -> Cart | None:
    """The cart a message names by any of the shop's keys (checkout token, cart token, checkout id)."""
    match = Q()
    if ref.external_id:
        match |= Q(external_id=ref.external_id)
    if ref.checkout_token:
        match |= Q(checkout_token=ref.checkout_token) | Q(external_id=ref.checkout_token)
    if ref.cart_token:
        match |= Q(cart_token=ref.cart_token)
    if ref.checkout_id:
        match |= Q(checkout_id=ref.checkout_id)
    if not match:
        return None
    return (
        Cart.objects.for_store(store)
        .filter(match)
        .select_related("customer")
        .order_by("-last_activity_at", "-id")
        .first()
    )


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
