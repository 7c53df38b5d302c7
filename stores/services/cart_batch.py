"""New checkouts from new shoppers, written as a set: what `cart_upsert` does for each, in a constant number
of statements for the whole set. `stores.webhook_batch` decides which checkouts qualify (none of their
rows exists, nothing else in the batch names them); this module only writes.
"""

import logging
from dataclasses import dataclass

from django.utils import timezone

from stores.hooks import CONSENT_CHANGED_HOOKS, CONSENT_GRANTED_HOOKS, NEW_CARTS_HOOKS, hooks_run
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
    statuses = {n.phone_e164: _sms_statuses(n.data, now=now) for n in with_phone}
    customers = Customer.objects.bulk_create(
        [
            Customer(
                store=store,
                phone=n.phone_e164,
                sms_status=(statuses[n.phone_e164] or [SmsStatus.NONE])[-1],
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
    evidence = ConsentEvent.objects.bulk_create(
        [
            _consent_event(store, customer_of[n.phone_e164], consent, now=now)
            for n in with_phone
            for consent in n.data.consents
        ]
    )
    _consent_hooks_run(store, [customer_of[n.phone_e164] for n in with_phone], statuses, iter(evidence))
    enrolled = [cart for cart in carts if cart.customer is not None]
    with_items = {cart.pk for cart, n in zip(carts, new_carts, strict=True) if n.data.items}
    hooks_run(NEW_CARTS_HOOKS, store=store, carts=enrolled, with_items=with_items)
    logger.info("store %s: %d new carts written as a batch", store.pk, len(carts))
    return carts


def _sms_statuses(data: CartData, *, now) -> list[str]:
    """The new customer's SMS status after each of these events, as `consent_record` leaves it: the
    newest event by time wins, the later one on a tie (it gets the higher id)."""
    statuses, newest = [], None
    for index, consent in enumerate(data.consents):
        at = (consent.occurred_at or now, index)
        if newest is None or at >= newest[0]:
            newest = (at, consent.kind)
        granted = newest[1] == ConsentEvent.Kind.GRANTED
        statuses.append(SmsStatus.SUBSCRIBED if granted else SmsStatus.UNSUBSCRIBED)
    return statuses


def _consent_hooks_run(store: Store, customers: list[Customer], statuses: dict, evidence) -> None:
    """What `consent_record` announces for each event, in order, with the customer as it then stood."""
    for customer in customers:
        final, before = customer.sms_status, SmsStatus.NONE
        for status in statuses[str(customer.phone)]:
            event = next(evidence)
            customer.sms_status = status
            hooks_run(
                CONSENT_CHANGED_HOOKS, store=store, customer=customer, event=event, reason="consent withdrawn"
            )
            if status != before and status == SmsStatus.SUBSCRIBED:
                hooks_run(CONSENT_GRANTED_HOOKS, store=store, customer=customer, event=event)
            before = status
        customer.sms_status = final


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
