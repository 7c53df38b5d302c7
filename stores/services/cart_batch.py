"""New checkouts, from new or returning shoppers, written as a set: what `cart_upsert` does for each, in a
constant number of statements for the whole set; and checkouts of carts the store has
(`carts_update_known`). `stores.webhook_batch` decides which checkouts qualify
(the cart and its consent evidence are new, nothing else in the batch names them) and loads the returning
shoppers; this module only writes.
"""

import logging
from dataclasses import dataclass

from django.utils import timezone

from cartrecovery.db import insert_many, update_many
from stores.evidence import consent_event_content, evidence_append
from stores.hooks import (
    CART_ACTIVE_HOOKS,
    CARTS_ACTIVE_HOOKS,
    CONSENT_CHANGED_HOOKS,
    CONSENT_GRANTED_HOOKS,
    NEW_CARTS_HOOKS,
    hooks_run,
)
from stores.models import Cart, CartItem, CartStatus, ConsentEvent, Customer, EvidenceLink, SmsStatus, Store
from stores.schemas import CartData

from .shoppers import CART_FILL_FIELDS, cart_fill_set, cart_item_rows, customer_details, customers_upsert

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class NewCart:
    data: CartData
    phone_e164: str  # "" when the cart's number cannot take texts
    phone_problem: str
    # The store's customer with this number, when the shopper is returning, annotated with its newest
    # consent event that sets a status (`latest_consent_at`, `latest_consent_kind`; None when it has none).
    returning: Customer | None = None


def carts_create_new(*, store: Store, new_carts: list[NewCart]) -> list[Cart]:
    """Customers, carts, items, consent evidence and the flow's nudges, one INSERT each for the set, and one
    UPDATE for the returning shoppers' details and SMS status.

    Every cart and consent event is new: a concurrent writer that got there first makes an INSERT fail on
    its unique key, and the caller then processes the batch one delivery at a time.
    """
    now = timezone.now()
    with_phone = [n for n in new_carts if n.phone_e164]
    statuses = {n.phone_e164: _sms_statuses(n, now=now) for n in with_phone}
    first_time = [n for n in with_phone if n.returning is None]
    created = insert_many(
        Customer,
        [
            Customer(
                store=store,
                phone=n.phone_e164,
                sms_status=(statuses[n.phone_e164] or [SmsStatus.NONE])[-1],
                **customer_details(n.data.contact),
            )
            for n in first_time
        ],
    )
    customer_of = {n.phone_e164: c for n, c in zip(first_time, created, strict=True)}
    returning = [n for n in with_phone if n.returning is not None]
    # Before the update below: the hooks compare each event's status with the one before it.
    status_before = {n.phone_e164: _status_of(n.returning) for n in with_phone}
    customer_of |= _returning_update(returning, statuses, now=now)
    carts = insert_many(Cart, [_cart(store, n, customer_of.get(n.phone_e164), now=now) for n in new_carts])
    insert_many(
        CartItem,
        [
            CartItem(cart=cart, position=position, **vars(item))
            for cart, n in zip(carts, new_carts, strict=True)
            for position, item in enumerate(n.data.items)
        ],
    )
    evidence = insert_many(
        ConsentEvent,
        [
            _consent_event(store, customer_of[n.phone_e164], consent, now=now)
            for n in with_phone
            for consent in n.data.consents
        ],
    )
    _consent_chain(store, evidence, [n.phone_e164 for n in with_phone for _ in n.data.consents])
    customers = [(n.phone_e164, customer_of[n.phone_e164]) for n in with_phone]
    _consent_hooks_run(store, customers, statuses, status_before, iter(evidence))
    enrolled = [cart for cart in carts if cart.customer is not None]
    with_items = {cart.pk for cart, n in zip(carts, new_carts, strict=True) if n.data.items}
    hooks_run(NEW_CARTS_HOOKS, store=store, carts=enrolled, with_items=with_items)
    logger.info("store %s: %d new carts written as a set (%d returning shoppers)", store.pk, len(carts),
                len(returning))  # fmt: skip
    return carts


def _status_of(customer: Customer | None) -> str:
    return customer.sms_status if customer is not None else SmsStatus.NONE


def _returning_update(returning: list[NewCart], statuses: dict, *, now) -> dict[str, Customer]:
    """What `customer_upsert` and `consent_record` change on each returning shopper, in one UPDATE: the
    details the shop filled in, and the SMS status the newest consent event leaves."""
    customers, fields = {}, {"sms_status", "updated_at"}
    for n in returning:
        customer = n.returning
        if customer is None:
            continue
        details = customer_details(n.data.contact)
        for name, value in details.items():
            setattr(customer, name, value)
        fields |= details.keys()
        customer.sms_status = (statuses[n.phone_e164] or [customer.sms_status])[-1]
        customer.updated_at = now
        customers[n.phone_e164] = customer
    if customers:
        Customer.objects.bulk_update(list(customers.values()), sorted(fields))
    return customers


def _consent_chain(store: Store, evidence: list[ConsentEvent], phones: list[str]) -> None:
    """Each new consent event's link in the store's evidence chain, as `consent_record` appends it. The
    numbers are the customers' own, already in E.164 (formatting the model's again costs a parse)."""
    entries = []
    for event, phone in zip(evidence, phones, strict=True):
        entries.append((EvidenceLink.Kind.CONSENT, phone, consent_event_content(event, phone=phone)))
    evidence_append(store=store, entries=entries)


_LATEST_CONSENT = ("latest_consent_at", "latest_consent_kind")  # annotated by `stores.webhook_batch`


def _sms_statuses(new_cart: NewCart, *, now) -> list[str]:
    """The customer's SMS status after each of these events, as `consent_record` leaves it: the newest
    event by time wins, the later one on a tie (it gets the higher id), a returning shopper's newest
    earlier event included (every new event has a higher id than it)."""
    statuses, newest = [], None
    customer = new_cart.returning
    latest_at, latest_kind = (getattr(customer, name, None) for name in _LATEST_CONSENT)
    if latest_kind is not None:
        newest = ((latest_at, -1), latest_kind)
    for index, consent in enumerate(new_cart.data.consents):
        at = (consent.occurred_at or now, index)
        if newest is None or at >= newest[0]:
            newest = (at, consent.kind)
        granted = newest[1] == ConsentEvent.Kind.GRANTED
        statuses.append(SmsStatus.SUBSCRIBED if granted else SmsStatus.UNSUBSCRIBED)
    return statuses


def _consent_hooks_run(
    store: Store, customers: list[tuple[str, Customer]], statuses: dict, before: dict, evidence
) -> None:
    """What `consent_record` announces for each event, in order, with the customer as it then stood."""
    for phone, customer in customers:
        final, status_before = customer.sms_status, before[phone]
        for status in statuses[phone]:
            event = next(evidence)
            customer.sms_status = status
            hooks_run(
                CONSENT_CHANGED_HOOKS, store=store, customer=customer, event=event, reason="consent withdrawn"
            )
            if status != status_before and status == SmsStatus.SUBSCRIBED:
                hooks_run(CONSENT_GRANTED_HOOKS, store=store, customer=customer, event=event)
            status_before = status
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


@dataclass(frozen=True)
class KnownCartUpdate:
    data: CartData
    phone_e164: str
    cart: Cart  # the store's cart with the checkout's id, locked
    customer: Customer  # the store's customer with the checkout's number, locked


def carts_update_known(*, store: Store, updates: list[KnownCartUpdate]) -> list[Cart]:
    """`cart_upsert` for checkouts of carts the store has, from shoppers it has, whose consent evidence is
    all recorded already (so recording it again is a no-op): the shoppers' details (one UPDATE), the
    fresh bodies' carts (one UPDATE) and items (one DELETE, one INSERT), then CARTS_ACTIVE_HOOKS for
    those not bought (flows moves their texts, or cancels them), as `cart_upsert` runs CART_ACTIVE_HOOKS
    for each."""
    now = timezone.now()
    customers_upsert(
        store=store,
        contacts={u.phone_e164: u.data.contact for u in updates},
        known={u.phone_e164: u.customer for u in updates},
    )
    fresh = []
    for u in updates:
        activity_at = min(u.data.last_activity_at or now, now)
        if activity_at >= u.cart.last_activity_at:  # an older body changes nothing on its cart
            cart_fill_set(cart=u.cart, data=u.data, customer=u.customer, phone_problem="", at=activity_at)
            u.cart.updated_at = now
            fresh.append(u)
    carts = [u.cart for u in fresh]
    if carts:
        update_many(Cart, carts, [*CART_FILL_FIELDS, "updated_at"])
        CartItem.objects.filter(cart__in=carts).delete()
        insert_many(CartItem, [row for u in fresh for row in cart_item_rows(u.cart, u.data.items)])
    active = [u for u in fresh if u.cart.status != CartStatus.RECOVERED]
    if len(CARTS_ACTIVE_HOOKS) == len(CART_ACTIVE_HOOKS):
        with_items = {u.cart.pk for u in active if u.data.items}
        hooks_run(CARTS_ACTIVE_HOOKS, store=store, carts=[u.cart for u in active], with_items=with_items)
    else:  # an app follows active carts one at a time only
        for u in active:
            hooks_run(CART_ACTIVE_HOOKS, store=store, cart=u.cart)
    logger.info("store %s: %d known carts updated as a set (%d fresh)", store.pk, len(updates), len(carts))
    return carts
