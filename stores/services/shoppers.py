"""What shops tell us about shoppers: customers, carts and their items, orders, consent they report.

Fed by every webhook format through the dataclasses of `stores.schemas`.
"""

import logging
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from cartrecovery.db import update_many
from stores import selectors
from stores.hooks import (
    CART_ACTIVE_HOOKS,
    CART_CLOSED_HOOKS,
    CARTS_BOUGHT_HOOKS,
    ORDER_RECORDED_HOOKS,
    hooks_run,
)
from stores.models import Cart, CartItem, CartStatus, ConsentEvent, Customer, Order, Store
from stores.phones import phone_mask, phone_parse
from stores.schemas import CartData, CartRef, ConsentData, ContactData, OrderData
from stores.tenancy import ensure_same_store

from .consent import consent_record

logger = logging.getLogger(__name__)


def customer_upsert(*, store: Store, phone_e164: str, contact: ContactData) -> Customer:
    """The one customer of this store with this phone; what the shop tells us fills in or updates the rest."""
    details = customer_details(contact)
    customer, created = Customer.objects.get_or_create(store=store, phone=phone_e164, defaults=details)
    changed = _details_set(customer, details)
    if changed and not created:
        customer.save(update_fields=[*changed, "updated_at"])
    return customer


def customers_upsert(
    *, store: Store, contacts: dict[str, ContactData], known: dict[str, Customer]
) -> dict[str, Customer]:
    """`customer_upsert` for many numbers at once, the store's customers with them already read (`known`):
    one INSERT for the new ones, one UPDATE for those whose details changed."""
    new = [phone for phone in contacts if phone not in known]
    created = Customer.objects.bulk_create(
        [Customer(store=store, phone=phone, **customer_details(contacts[phone])) for phone in new]
    )
    customers = dict(zip(new, created, strict=True))
    changed, fields, now = [], {"updated_at"}, timezone.now()
    for phone, customer in known.items():
        if phone in contacts and (names := _details_set(customer, customer_details(contacts[phone]))):
            customer.updated_at = now
            changed.append(customer)
            fields.update(names)
        customers[phone] = customer
    if changed:
        update_many(Customer, changed, sorted(fields))
    return customers


def _details_set(customer: Customer, details: dict) -> list[str]:
    """Set what the shop told us on the customer; the fields that changed."""
    changed = [name for name, value in details.items() if getattr(customer, name) != value]
    for name in changed:
        setattr(customer, name, details[name])
    return changed


def customer_details(contact: ContactData) -> dict:
    """What the shop tells us about a shopper, as customer fields: only those it filled in."""
    details = {
        "external_id": contact.external_id,
        "first_name": contact.first_name,
        "last_name": contact.last_name,
        "email": contact.email,
        "locale": contact.locale,
        "country": contact.country,
        "province": contact.province,
    }
    return {name: value for name, value in details.items() if value}


def _customer_for_contact(*, store: Store, contact: ContactData) -> tuple[Customer | None, str]:
    """A textable number gets a customer; anything else stays on the cart as evidence, with the problem."""
    parsed = phone_parse(contact.phone_raw, region=contact.phone_region or None)
    if not parsed.ok:
        if contact.phone_raw:
            logger.info("cart phone not textable (%s): kept on the cart only", parsed.problem)
        return None, parsed.problem
    return customer_upsert(store=store, phone_e164=parsed.e164, contact=contact), ""


def consent_apply(
    *, store: Store, consent: ConsentData, contact: ContactData, customer: Customer | None = None
) -> ConsentEvent | None:
    """Record consent the shop reported for the number it names (which may not be the cart's number)."""
    parsed = phone_parse(consent.phone_raw, region=contact.phone_region or None)
    if not parsed.ok:
        logger.info("consent for an untextable number ignored (%s)", parsed.problem)
        return None
    if customer is None or str(customer.phone) != parsed.e164:
        customer = customer_upsert(store=store, phone_e164=parsed.e164, contact=contact)
    event = consent_record(
        store=store,
        customer=customer,
        kind=consent.kind,
        source=consent.source[:40],
        occurred_at=consent.occurred_at,
        text_shown=consent.text_shown,
        language=consent.language[:16],
        ip_address=consent.ip_address,
        user_agent=consent.user_agent,
        evidence=consent.evidence,
        dedupe_key=consent.dedupe_key[:255],
    )
    if event is not None:
        logger.info("consent %s for %s from %s", consent.kind, phone_mask(parsed.e164), consent.source)
    return event


def cart_upsert(*, store: Store, data: CartData) -> Cart:
    """A cart seen or changed: store it, record the consent it carries, restart its abandonment clock.

    Deliveries may arrive late and out of order (Shopify retries for hours with the original body): a
    body older than what we hold changes nothing but still contributes its consent evidence.
    """
    customer, phone_problem = _customer_for_contact(store=store, contact=data.contact)
    now = timezone.now()
    activity_at = min(data.last_activity_at or now, now)
    with transaction.atomic():
        cart, created = Cart.objects.get_or_create(
            store=store,
            external_id=data.external_id,
            defaults={"last_activity_at": activity_at, "currency": data.currency or store.currency},
        )
        cart = Cart.objects.select_for_update().get(pk=cart.pk)
        fresh = created or activity_at >= cart.last_activity_at
        if fresh:
            _cart_fill(cart=cart, data=data, customer=customer, phone_problem=phone_problem, at=activity_at)
            _cart_items_replace(cart=cart, items=data.items)
        for consent in data.consents:
            consent_apply(store=store, consent=consent, contact=data.contact, customer=cart.customer)
        if fresh and data.sms_box_unticked and cart.customer is not None:
            _consent_withdraw_unticked_box(store=store, cart=cart, at=activity_at)
        if data.completed_at is not None:
            cart_mark_recovered(store=store, cart=cart, at=data.completed_at, reason="checkout completed")
        elif created:
            _order_delivered_first_link(store=store, cart=cart)
        if fresh and cart.customer is not None and cart.status != CartStatus.RECOVERED:
            hooks_run(CART_ACTIVE_HOOKS, store=store, cart=cart)
    return cart


def _order_delivered_first_link(*, store: Store, cart: Cart) -> None:
    """Shopify does not order its deliveries: an order may come before the checkout it was placed from. Link
    it as `order_record` would have, so the outcome does not depend on which delivery came first."""
    order = selectors.order_placed_before_its_checkout(store=store, cart=cart)
    if order is None:
        return
    order.cart = cart
    order.customer = order.customer or cart.customer
    order.save(update_fields=["cart", "customer"])
    cart_mark_recovered(store=store, cart=cart, at=order.placed_at, reason="ordered")


def _cart_fill(*, cart: Cart, data: CartData, customer: Customer | None, phone_problem: str, at) -> None:
    cart_fill_set(cart=cart, data=data, customer=customer, phone_problem=phone_problem, at=at)
    cart.save()


# What `cart_fill_set` may change (a set of carts is saved with these and `updated_at`).
CART_FILL_FIELDS = (
    "customer", "cart_token", "checkout_token", "checkout_id", "checkout_url", "currency", "subtotal",
    "total", "last_activity_at", "phone_raw", "phone_problem", "email", "first_name", "country",
    "province", "locale", "status",
)  # fmt: skip


def cart_fill_set(*, cart: Cart, data: CartData, customer: Customer | None, phone_problem: str, at) -> None:
    """What a fresh checkout body changes on its cart, set on the instance (the caller saves it)."""
    contact = data.contact
    cart.customer = customer or cart.customer
    cart.cart_token = data.cart_token or cart.cart_token
    cart.checkout_token = data.checkout_token or cart.checkout_token
    cart.checkout_id = data.checkout_id or cart.checkout_id
    cart.checkout_url = data.checkout_url or cart.checkout_url
    cart.currency = data.currency or cart.currency
    cart.subtotal = data.subtotal
    cart.total = data.total
    cart.last_activity_at = at
    cart.phone_raw = contact.phone_raw
    cart.phone_problem = phone_problem if customer is None else ""
    cart.email = contact.email or cart.email
    cart.first_name = contact.first_name or cart.first_name
    cart.country = contact.country or cart.country
    cart.province = contact.province or cart.province
    cart.locale = contact.locale or cart.locale
    if cart.status in (CartStatus.ABANDONED, CartStatus.EXPIRED):
        # The shopper is back: the clock starts again from this activity.
        cart.status = CartStatus.ACTIVE


def _cart_items_replace(*, cart: Cart, items) -> None:
    CartItem.objects.filter(cart=cart).delete()
    CartItem.objects.bulk_create(cart_item_rows(cart, items))


def cart_item_rows(cart: Cart, items) -> list[CartItem]:
    """A checkout's line items as the cart's item rows (not saved), in order."""
    return [
        CartItem(
            cart=cart,
            position=position,
            title=item.title,
            variant=item.variant,
            quantity=item.quantity,
            price=item.price,
            product_url=item.product_url,
            image_url=item.image_url,
            variant_id=item.variant_id,
        )
        for position, item in enumerate(items)
    ]


def _consent_withdraw_unticked_box(*, store: Store, cart: Cart, at) -> None:
    """The shopper unticked the SMS box on the checkout whose box gave us consent: that is a withdrawal.

    An untick on another checkout says nothing about consent given elsewhere (a keyword, a form).
    """
    customer = cart.customer
    latest = ConsentEvent.objects.filter(customer=customer).order_by("-occurred_at", "-id").first()
    given_here = (
        latest is not None
        and latest.kind == ConsentEvent.Kind.GRANTED
        and latest.source == "shopify_checkout"
        and latest.evidence.get("checkout") == cart.external_id
    )
    if given_here:
        consent_record(
            store=store,
            customer=customer,
            kind=ConsentEvent.Kind.REVOKED,
            source="shopify_checkout",
            occurred_at=max(at, latest.occurred_at),
            evidence={"buyer_accepts_sms_marketing": False, "checkout": cart.external_id},
            dedupe_key=f"shopify:checkout:{cart.external_id}:revoked:{customer.phone}"[:255],
        )


def cart_mark_recovered(*, store: Store, cart: Cart, at: datetime | None, reason: str) -> Cart:
    """The shopper ordered: no more texts about this cart, or any other cart of theirs."""
    ensure_same_store(store, cart)
    if _recovered_set(cart, at):
        cart.save(update_fields=["status", "recovered_at", "updated_at"])
    hooks_run(CART_CLOSED_HOOKS, store=store, cart=cart, customer=cart.customer, reason=reason)
    return cart


def carts_mark_recovered(*, store: Store, bought: list[tuple[Cart, datetime]], reason: str) -> None:
    """`cart_mark_recovered` for many carts (each once) at once: one UPDATE, then the set's hooks."""
    changed, now = [], timezone.now()
    for cart, at in bought:
        ensure_same_store(store, cart)
        if _recovered_set(cart, at):
            cart.updated_at = now
            changed.append(cart)
    if changed:
        Cart.objects.bulk_update(changed, ["status", "recovered_at", "updated_at"])
    hooks_run(CARTS_BOUGHT_HOOKS, store=store, carts=[cart for cart, _ in bought], reason=reason)


def _recovered_set(cart: Cart, at: datetime | None) -> bool:
    """Mark the cart recovered, first order first; whether it changed."""
    if cart.status == CartStatus.RECOVERED:
        return False
    cart.status = CartStatus.RECOVERED
    cart.recovered_at = at or timezone.now()
    return True


def cart_close(*, store: Store, ref: CartRef, reason: str) -> Cart | None:
    """The shop deleted the checkout: it can no longer be completed, so stop texting about it."""
    cart = selectors.cart_find(store=store, ref=ref)
    if cart is None:
        return None
    if cart.status in (CartStatus.ACTIVE, CartStatus.ABANDONED):
        cart.status = CartStatus.EXPIRED
        cart.save(update_fields=["status", "updated_at"])
    hooks_run(CART_CLOSED_HOOKS, store=store, cart=cart, customer=None, reason=reason)
    return cart


def order_record(*, store: Store, data: OrderData) -> Order:
    """An order placed: link it to its cart (by checkout token, cart token, checkout id, else the shopper's
    phone), mark that cart recovered and cancel every pending text. A repeat of the same order is a no-op."""
    customer, _ = _customer_for_contact(store=store, contact=data.contact)
    placed_at = data.placed_at or timezone.now()
    with transaction.atomic():
        order, created = Order.objects.get_or_create(
            store=store,
            external_id=data.external_id,
            defaults=order_fields(store=store, data=data, customer=customer, placed_at=placed_at),
        )
        if not created:
            return order
        for consent in data.consents:
            consent_apply(store=store, consent=consent, contact=data.contact, customer=customer)
        cart = selectors.cart_find(store=store, ref=data.cart) or selectors.cart_open_for_customer(
            store=store, customer=customer, before=placed_at
        )
        if cart is not None:
            order.cart = cart
            order.customer = order.customer or cart.customer
            order.save(update_fields=["cart", "customer"])
            cart_mark_recovered(store=store, cart=cart, at=placed_at, reason="ordered")
        hooks_run(ORDER_RECORDED_HOOKS, store=store, order=order)
    return order


def order_fields(*, store: Store, data: OrderData, customer: Customer | None, placed_at: datetime) -> dict:
    """A new order's row, but its store, id and cart."""
    return {
        "name": data.name,
        "customer": customer,
        "checkout_token": data.cart.checkout_token,
        "cart_token": data.cart.cart_token,
        "currency": data.currency or store.currency,
        "total": data.total,
        "discount_codes": list(data.discount_codes),
        "placed_at": placed_at,
        "cancelled_at": data.cancelled_at,
    }


def consent_change_record(*, store: Store, contact: ContactData, consent: ConsentData) -> ConsentEvent | None:
    """Consent reported on its own (a sign-up form, a preference centre)."""
    parsed = phone_parse(contact.phone_raw, region=contact.phone_region or None)
    customer = customer_upsert(store=store, phone_e164=parsed.e164, contact=contact) if parsed.ok else None
    return consent_apply(store=store, consent=consent, contact=contact, customer=customer)
