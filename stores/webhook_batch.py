"""A claimed batch of webhook deliveries processed as a set, with the same outcome as one by one.

The drain's common case is a checkout never seen before, from a shopper new or returning. Those are
written together (`services.carts_create_new`: a constant number of statements for the whole batch);
every other delivery goes through `handlers.webhook_event_process`, in the order received, inside the
same transaction. A delivery is written in bulk only when nothing else can observe the difference:

* no other delivery of the batch names any of its keys (cart ids and tokens, phone numbers, consent
  evidence keys), so running it before the others commutes with them; but orders received after it
  may (its own order, in the same batch): the set still writes it before them;
* its cart and consent evidence do not exist yet and no order is waiting for its checkout, so
  `cart_upsert` would create them; its shopper may exist (a returning shopper: the set updates their
  details and SMS status as `customer_upsert` and `consent_record` would, from their newest consent),
  unless the checkout's SMS box is unticked (that may withdraw consent given on an earlier checkout);
* it carries nothing the bulk writer does not do the same way (a completed checkout, consent for a number
  other than the cart's, an unticked box next to consent);
* no delivery of its store in the batch has an effect without keys (a shop erasure, another app's topic);
* every app that follows a new cart (`hooks.CART_ACTIVE_HOOKS`) follows a set of them too
  (`hooks.NEW_CARTS_HOOKS`). The consent hooks run for each event, as `consent_record` runs them.

New orders for carts the store already has are a second set (`new_orders_split`, written by
`services.orders_record_new`) under the same first and fourth rules (the new carts just written no
longer count: an order that shares keys only with its checkout, written before it, is apart), and
more: the order id is new, the cart is found by the shop's keys and is no other shopper's, no other
delivery names the cart or the shopper's other carts (the order stops their texts), and the order
carries no consent or discount code.

Any error in the set rolls the whole batch back and `webhook_events_process` then runs it one by one, so
one poison delivery fails alone, with its error.
"""

from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from django.db.models import OuterRef, Q, Subquery

from . import hooks, selectors
from .models import Cart, ConsentEvent, Customer, Order, WebhookEvent
from .phones import phone_parse
from .schemas import CartData, CartRef, ConsentChange, OrderData
from .services import KnownCartUpdate, NewCart, NewOrder

_STATUS_KINDS = (ConsentEvent.Kind.GRANTED, ConsentEvent.Kind.REVOKED)


@dataclass
class Parsed:
    event: WebhookEvent
    data: object
    keys: list[tuple] | None  # None: may touch anything of its store
    upserts_cart: bool = False  # its handler is `cart_upsert`, which the bulk writer stands in for
    records_order: bool = False  # its handler is `order_record`, which the orders' bulk writer stands in for


def _apart(parsed: list[Parsed]) -> tuple[Counter, list[Parsed]]:
    """How many deliveries name each key, and the deliveries that share none of theirs with another and
    whose store has no delivery without keys: those commute with the rest of the batch."""
    counts = Counter(key for p in parsed if p.keys for key in p.keys)
    unkeyed_stores = {p.event.store_id for p in parsed if p.keys is None}
    apart = [
        p
        for p in parsed
        if p.event.store_id not in unkeyed_stores
        and p.keys is not None
        and all(counts[key] == 1 for key in p.keys)
    ]
    return counts, apart


def _apart_but_for_later_orders(parsed: list[Parsed]) -> list[Parsed]:
    """`_apart`, but a delivery may share its keys with orders received after it (its own checkout's
    order, in the same batch): written first, it is still written before them, as one by one."""
    named: dict = {}
    for position, p in enumerate(parsed):
        for key in p.keys or ():
            named.setdefault(key, []).append(position)
    unkeyed_stores = {p.event.store_id for p in parsed if p.keys is None}
    return [
        p
        for position, p in enumerate(parsed)
        if p.event.store_id not in unkeyed_stores
        and p.keys is not None
        and all(
            other == position or (other > position and parsed[other].records_order)
            for key in p.keys
            for other in named[key]
        )
    ]


def new_carts_split(parsed: list[Parsed]) -> tuple[dict, list[WebhookEvent]]:
    """({store: [NewCart…]} to write in bulk, the events those are), the rest left to one-by-one."""
    if len(hooks.NEW_CARTS_HOOKS) != len(hooks.CART_ACTIVE_HOOKS):
        return {}, []  # an app follows new carts one at a time only: so does the drain
    apart = _apart_but_for_later_orders(parsed)
    candidates = [
        (p, new_cart) for p in apart if p.upserts_cart and (new_cart := _new_cart(p.data)) is not None
    ]
    by_store: dict = {}
    for p, new_cart in candidates:
        by_store.setdefault(p.event.store, []).append((p.event, new_cart))
    chosen, events = {}, []
    for store, pairs in by_store.items():
        seen, returning = _seen_before(store, [n for _, n in pairs])
        kept = [
            (e, replace(n, returning=returning.get(n.phone_e164)))
            for e, n in pairs
            if not (_identity(n) & seen) and not (n.phone_e164 in returning and n.data.sms_box_unticked)
        ]
        if kept:
            chosen[store] = [n for _, n in kept]
            events += [e for e, _ in kept]
    return chosen, events


def known_carts_split(parsed: list[Parsed]) -> tuple[dict, list[WebhookEvent]]:
    """({store: [KnownCartUpdate…]} to write in bulk, the events those are), the rest left to one-by-one:
    checkouts of carts the store has, from a shopper it has with the checkout's number, apart from the
    rest of the batch (but their own later orders), not completed, the SMS box not unticked, and every
    consent they carry for that number and already recorded (a repeat of the box ticked before)."""
    candidates = [
        (p, phone)
        for p in _apart_but_for_later_orders(parsed)
        if p.upserts_cart and (phone := _known_phone(p.data))
    ]
    by_store: dict = {}
    for p, phone in candidates:
        by_store.setdefault(p.event.store, []).append((p, phone))
    chosen, events = {}, []
    for store, pairs in by_store.items():
        kept = _known_updates(store, pairs)
        if kept:
            chosen[store] = [u for _, u in kept]
            events += [p.event for p, _ in kept]
    return chosen, events


def _known_phone(data) -> str:
    """The checkout's number when `carts_update_known` can stand in for `cart_upsert` on it, else ""."""
    if not isinstance(data, CartData) or data.completed_at is not None or data.sms_box_unticked:
        return ""
    contact = data.contact
    parsed = _phone(contact.phone_raw, contact.phone_region or None)
    if not parsed.ok:
        return ""
    for consent in data.consents:
        if consent.kind not in _STATUS_KINDS or not consent.dedupe_key:
            return ""
        if _phone(consent.phone_raw, contact.phone_region or None).e164 != parsed.e164:
            return ""
    return parsed.e164


def _known_updates(store, pairs: list[tuple[Parsed, str]]) -> list[tuple[Parsed, KnownCartUpdate]]:
    """Three queries for the store's updates in the batch: its customers with these numbers and its carts
    with these ids (locked, in that order, as `cart_upsert` takes them), and the consent evidence it has."""
    customers = {
        c.phone.as_e164: c
        for c in Customer.objects.filter(store=store, phone__in=[phone for _, phone in pairs])
        .select_for_update()
        .order_by("pk")
    }
    carts = {
        c.external_id: c
        for c in Cart.objects.filter(store=store, external_id__in=[p.data.external_id for p, _ in pairs])
        .select_for_update()
        .order_by("pk")
    }
    keys = [c.dedupe_key[:255] for p, _ in pairs for c in p.data.consents]
    recorded = set(
        ConsentEvent.objects.filter(store=store, dedupe_key__in=keys).values_list("dedupe_key", flat=True)
        if keys
        else ()
    )
    kept = []
    for p, phone in pairs:
        cart, customer = carts.get(p.data.external_id), customers.get(phone)
        if cart is None or customer is None:
            continue  # a new cart (the other set, or one by one), or a new shopper on a known cart
        if any(c.dedupe_key[:255] not in recorded for c in p.data.consents):
            continue  # new consent evidence: one by one, which records and announces it
        kept.append((p, KnownCartUpdate(data=p.data, phone_e164=phone, cart=cart, customer=customer)))
    return kept


def new_orders_split(parsed: list[Parsed]) -> tuple[dict, list[WebhookEvent]]:
    """({store: [NewOrder…]} to write in bulk, the events those are), the rest left to one-by-one: new
    orders whose cart the shop's keys find, when nothing else in the batch names the order, its cart, its
    shopper or the shopper's other carts (whose texts the order stops). An order that carries consent or
    discount codes goes one by one (a code's leak check counts the store's other orders with it, so it
    depends on which were recorded first), as does one whose cart belongs to another shopper."""
    if len(hooks.NEW_ORDERS_HOOKS) != len(hooks.ORDER_RECORDED_HOOKS) or len(hooks.CARTS_BOUGHT_HOOKS) != len(
        hooks.CART_CLOSED_HOOKS
    ):
        return {}, []  # an app follows orders one at a time only: so does the drain
    counts, apart = _apart(parsed)
    by_store: dict = {}
    for p in apart:
        if (
            p.records_order
            and isinstance(p.data, OrderData)
            and not p.data.consents
            and not p.data.discount_codes
        ):
            by_store.setdefault(p.event.store, []).append(p)
    chosen, events = {}, []
    for store, orders in by_store.items():
        kept = _orders_new(store, orders, counts)
        if kept:
            chosen[store] = [n for _, n in kept]
            events += [p.event for p, _ in kept]
    return chosen, events


def _orders_new(store, orders: list[Parsed], counts: Counter) -> list[tuple[Parsed, NewOrder]]:
    """Four queries for the store's orders in the batch: the order ids it has, their carts, the
    customers with their numbers, and those customers' carts."""
    recorded = set(
        Order.objects.filter(store=store, external_id__in=[p.data.external_id for p in orders]).values_list(
            "external_id", flat=True
        )
    )
    orders = [p for p in orders if p.data.external_id not in recorded]  # a repeat: one by one, a no-op
    carts = selectors.carts_find(store=store, refs=[p.data.cart for p in orders])
    numbers = {p.event.id: _order_phone(p.data) for p in orders}
    customers = {
        c.phone.as_e164: c
        for c in Customer.objects.filter(store=store, phone__in=[n for n in numbers.values() if n])
    }
    their_carts: dict = {}
    for customer_id, *refs in Cart.objects.filter(
        store=store, customer__in=list(customers.values())
    ).values_list("customer_id", *_CART_REFS):
        their_carts.setdefault(customer_id, []).append(refs)
    kept = []
    for p, cart in zip(orders, carts, strict=True):
        phone = numbers[p.event.id]
        customer = customers.get(phone)
        if cart is None or cart.customer_id not in (None, customer and customer.pk):
            continue  # no cart (ordered elsewhere, or before its checkout), or another shopper's
        named = [[getattr(cart, ref) for ref in _CART_REFS]]
        if customer is not None:
            named += their_carts.get(customer.pk, [])
        own = set(p.keys)
        store_id = p.event.store_id
        if any(
            counts[key] > (key in own)
            for refs in named
            for key in ((store_id, "ref", ref) for ref in refs if ref)
        ):
            continue
        kept.append((p, NewOrder(data=p.data, phone_e164=phone, customer=customer, cart=cart)))
    return kept


_CART_REFS = ("external_id", "checkout_token", "cart_token", "checkout_id")


def _order_phone(data: OrderData) -> str:
    """The number `order_record` finds or creates the order's customer by; "" when it cannot take texts."""
    parsed = _phone(data.contact.phone_raw, data.contact.phone_region or None)
    return parsed.e164 if parsed.ok else ""


def event_keys(event: WebhookEvent, data) -> list[tuple] | None:
    """Everything a delivery's handler may find or create rows by; None when that is not known."""
    store = event.store_id
    if isinstance(data, CartData):
        refs = (data.external_id, data.checkout_token, data.cart_token, data.checkout_id)
        return _keys(store, refs, data.contact, data.consents)
    if isinstance(data, OrderData):
        ref = data.cart
        refs = (ref.external_id, ref.checkout_token, ref.cart_token, ref.checkout_id)
        return [*_keys(store, refs, data.contact, data.consents), (store, "order", data.external_id)]
    if isinstance(data, ConsentChange):
        return _keys(store, (), data.contact, (data.consent,))
    if isinstance(data, CartRef):
        return _keys(
            store, (data.external_id, data.checkout_token, data.cart_token, data.checkout_id), None, ()
        )
    return None


def _keys(store, refs, contact, consents) -> list[tuple]:
    # One namespace for every cart id and token: `cart_find` matches a token against several columns.
    named = {(store, "ref", ref) for ref in refs if ref}
    region = (contact.phone_region or None) if contact else None
    raws = [contact.phone_raw] if contact else []
    raws += [consent.phone_raw for consent in consents]
    named |= {(store, "phone", _phone(raw, region).e164 or raw) for raw in raws if raw}
    # Counted per consent, not per delivery: the same evidence twice in one delivery is a repeat to skip,
    # which the bulk writer does not do.
    evidence = [(store, "evidence", c.dedupe_key[:255]) for c in consents if c.dedupe_key]
    return [*named, *evidence]


def _new_cart(data) -> NewCart | None:
    """The bulk writer's input for a checkout it can write exactly as `cart_upsert` would, else None."""
    if not isinstance(data, CartData) or data.completed_at is not None:
        return None
    if any(consent.kind not in _STATUS_KINDS for consent in data.consents):
        return None  # a pause, or a kind `consent_record` refuses: the one-by-one pass does what it does
    contact = data.contact
    parsed = _phone(contact.phone_raw, contact.phone_region or None)
    if data.consents and (not parsed.ok or data.sms_box_unticked):
        return None
    for consent in data.consents:
        if _phone(consent.phone_raw, contact.phone_region or None).e164 != parsed.e164:
            return None
    return NewCart(data=data, phone_e164=parsed.e164, phone_problem=parsed.problem)


@lru_cache(maxsize=4096)
def _phone(raw: str, region: str | None):
    """`phone_parse`, remembered: a checkout names its number three or four times (contact, consents, the
    keys and the bulk writer's check), and parsing one is a tenth of a millisecond. Pure, so a number
    parses the same in every batch."""
    return phone_parse(raw, region=region)


def _identity(new_cart: NewCart) -> set[tuple]:
    data = new_cart.data
    found = {("cart", data.external_id)}
    found |= {("evidence", c.dedupe_key[:255]) for c in data.consents if c.dedupe_key}
    found |= {("checkout_token", t) for t in (data.checkout_token,) if t}
    found |= {("cart_token", t) for t in (data.cart_token,) if t}
    return found


def _seen_before(store, new_carts: list[NewCart]) -> tuple[set[tuple], dict[str, Customer]]:
    """Which of these carts, consent evidence and checkout tokens the store already has, and its
    customers with these numbers (returning shoppers, with their newest consent that sets a status): four
    queries for the whole batch. A waiting order (delivered before its checkout) counts as seen."""
    wanted = set().union(*(_identity(n) for n in new_carts))

    def of(kind):
        return [value for k, value in wanted if k == kind]

    seen = {
        ("cart", v)
        for v in Cart.objects.filter(store=store, external_id__in=of("cart")).values_list(
            "external_id", flat=True
        )
    }
    evidence = of("evidence")
    if evidence:
        keys = ConsentEvent.objects.filter(store=store, dedupe_key__in=evidence).values_list(
            "dedupe_key", flat=True
        )
        seen |= {("evidence", v) for v in keys}
    tokens, cart_tokens = of("checkout_token"), of("cart_token")
    if tokens or cart_tokens:
        waiting = Order.objects.filter(store=store, cart__isnull=True).filter(
            Q(checkout_token__in=tokens) | Q(cart_token__in=cart_tokens)
        )
        for token, cart_token in waiting.values_list("checkout_token", "cart_token"):
            seen |= {("checkout_token", token), ("cart_token", cart_token)}
    return seen, _customers_returning(store, [n.phone_e164 for n in new_carts if n.phone_e164])


def _customers_returning(store, phones: list[str]) -> dict[str, Customer]:
    latest = ConsentEvent.objects.filter(customer=OuterRef("pk"), kind__in=_STATUS_KINDS).order_by(
        "-occurred_at", "-id"
    )
    # Locked until the batch commits (in id order, so two batches do not deadlock over them): the set
    # writes their status from what it read, and a concurrent writer must not slip in between.
    customers = (
        Customer.objects.filter(store=store, phone__in=phones)
        .annotate(
            latest_consent_at=Subquery(latest.values("occurred_at")[:1]),
            latest_consent_kind=Subquery(latest.values("kind")[:1]),
        )
        .select_for_update()
        .order_by("pk")
    )
    return {customer.phone.as_e164: customer for customer in customers}
