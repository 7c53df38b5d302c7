"""New checkouts from new shoppers, written as a set: what `cart_upsert` does for each, in a constant number
of statements for the whole set. `stores.webhook_batch` decides which checkouts qualify (none of their
rows exists, nothing else in the batch names them); this module only writes.
"""

import logging
from dataclasses import dataclass

from django.utils import timezone

from flows import services as flows_services
from stores.models import Cart, CartItem, ConsentEvent, Customer, SmsStatus, Store
from stores.schemas import CartData

from .shoppers import customer_details

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class NewCart:
    data: CartData
    phone_e164: str  # "" when the cart's number cannot take texts
    phone_problem: str


def carts_create_new(*, store: Store, new_carts: list[NewCart]) -> list[Cart]:
    """Customers, carts, items, consent evidence and the flow's nudges, one INSERT each for the set.

    Every row is new: a concurrent writer that got there first makes an INSERT fail on its unique key,
    and the caller then processes the batch one delivery at a time.
    """
    now = timezone.now()
    with_phone = [n for n in new_carts if n.phone_e164]
    customers = Customer.objects.bulk_create(
        [
            Customer(
                store=store,
                phone=n.phone_e164,
                sms_status=_sms_status(n.data, now=now),
                **customer_details(n.data.contact),
            )
            for n in with_phone
        ]
    )
    customer_of = {n.phone_e164: c for n, c in zip(with_phone, customers, strict=True)}
    carts = Cart.objects.bulk_create(
        [_cart(store, n, customer_of.get(n.phone_e164), now=now) for n in new_carts]
    )
    CartItem.objects.bulk_create(
        [
            CartItem(cart=cart, position=position, **vars(item))
            for cart, n in zip(carts, new_carts, strict=True)
            for position, item in enumerate(n.data.items)
        ]
    )
    ConsentEvent.objects.bulk_create(
        [
            _consent_event(store, customer_of[n.phone_e164], consent, now=now)
            for n in with_phone
            for consent in n.data.consents
        ]
    )
    enrolled = [cart for cart in carts if cart.customer is not None]
    with_items = {cart.pk for cart, n in zip(carts, new_carts, strict=True) if n.data.items}
    flows_services.nudges_schedule_for_new_carts(store=store, carts=enrolled, with_items=with_items)
    logger.info("store %s: %d new carts written as a batch", store.pk, len(carts))
    return carts


def _sms_status(data: CartData, *, now) -> str:
    """What `consent_record` leaves on a new customer: the newest of these events wins (then the last)."""
    if not data.consents:
        return SmsStatus.NONE
    order = range(len(data.consents))
    newest = max(order, key=lambda i: (data.consents[i].occurred_at or now, i))
    granted = data.consents[newest].kind == ConsentEvent.Kind.GRANTED
    return SmsStatus.SUBSCRIBED if granted else SmsStatus.UNSUBSCRIBED


def _cart(store: Store, new_cart: NewCart, customer: Customer | None, *, now) -> Cart:
    data, contact = new_cart.data, new_cart.data.contact
    return Cart(
        store=store,
        customer=customer,
        external_id=data.external_id,
        cart_token=data.cart_token,
        checkout_token=data.checkout_token,
        checkout_id=data.checkout_id,
        checkout_url=data.checkout_url,
        currency=data.currency or store.currency,
        subtotal=data.subtotal,
        total=data.total,
        last_activity_at=min(data.last_activity_at or now, now),
        phone_raw=contact.phone_raw,
        phone_problem="" if customer is not None else new_cart.phone_problem,
        email=contact.email,
        first_name=contact.first_name,
        country=contact.country,
        province=contact.province,
        locale=contact.locale,
    )


def _consent_event(store: Store, customer: Customer, consent, *, now) -> ConsentEvent:
    """The row `consent_apply` records for it."""
    return ConsentEvent(
        store=store,
        customer=customer,
        kind=consent.kind,
        source=consent.source[:40],
        occurred_at=consent.occurred_at or now,
        text_shown=consent.text_shown,
        language=consent.language[:16],
        ip_address=consent.ip_address,
        user_agent=consent.user_agent[:500],
        evidence=consent.evidence or {},
        dedupe_key=consent.dedupe_key[:255],
    )
