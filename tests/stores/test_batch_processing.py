"""A claimed batch processed as a set leaves exactly the database that one-by-one processing leaves.

The property test draws a stream of shop deliveries over a few carts and a few shoppers, so that they
collide: checkouts created and updated out of order, orders before and after their checkout, re-deliveries,
consent given and withdrawn, checkouts deleted, a body that no longer parses and a poison delivery that
crashes its handler. It records the stream, processes it once event by event (`process_webhook_event`, in
the order received) and once through the drain task in batches of a drawn size, each inside a rolled-back
transaction, and compares what both left behind, row by row by natural key (ids and clock times differ).
"""

import copy
from collections import Counter
from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from billing.models import Attribution
from conversations.models import Message
from flows.models import Nudge, NudgeEvent, Step
from stores import handlers, tasks
from stores.evidence import evidence_chain_verify
from stores.models import Cart, CartItem, ConsentEvent, Customer, EvidenceLink, Order, WebhookEvent
from stores.services import cart_batch, shoppers, webhook_event_record
from tests.billing.factories import click_add, text_send
from tests.fixtures import load

pytestmark = pytest.mark.django_db

BASE = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
CARTS, PHONES = 8, 8
POISON = "Poison"


def _at(minute: int) -> str:
    return (BASE + timedelta(minutes=minute)).isoformat()


def _phone(n: int | None) -> str | None:
    return None if n is None else f"+1212201{n:04d}"


def _checkout(cart: int, phone: int | None, consent: str, minute: int, poison: bool) -> dict:
    payload = copy.deepcopy(load("shopify_checkouts_create.json"))
    number = _phone(phone)
    box = consent == "box" and number is not None
    payload.update(
        token=f"t{cart}",
        cart_token=f"c{cart}",
        created_at=_at(minute),
        updated_at=_at(minute),
        phone=number,
        sms_marketing_phone=number if box else None,
        buyer_accepts_sms_marketing=box,
    )
    payload["line_items"] = payload["line_items"][: 1 + minute % 2]
    customer = payload["customer"]
    customer.update(id=1000 + (phone or 0), phone=number, first_name=POISON if poison else f"Shopper{phone}")
    if consent in ("subscribed", "unsubscribed") and number:
        customer["sms_marketing_consent"] = {"state": consent, "consent_updated_at": _at(minute + 1)}
    return payload


def _order(order: int, cart: int, phone: int | None, minute: int) -> dict:
    payload = copy.deepcopy(load("shopify_orders_create.json"))
    payload.update(
        id=5000 + order,
        checkout_token=f"t{cart}" if cart >= 0 else None,
        cart_token=f"c{cart}" if cart >= 0 else None,
        phone=_phone(phone),
        processed_at=_at(minute),
        created_at=_at(minute),
        cancelled_at=None,
        financial_status="paid",
        test=False,
    )
    return payload


def _consent_change(phone: int, granted: bool, minute: int) -> dict:
    consent = {"granted": granted, "at": _at(minute), "source": "account"}
    if granted:
        consent["text_shown"] = "Text me reminders. Reply STOP to stop."
    return {
        "event": "customer.consent",
        "occurred_at": _at(minute),
        "customer": {"phone": _phone(phone), "sms_consent": consent},
    }


def _generic_cart(cart: int, phone: int, minute: int) -> dict:
    return {
        "event": "cart.updated",
        "occurred_at": _at(minute),
        "cart": {
            "id": f"g{cart}",
            "checkout_url": f"https://shop.example/checkout/{cart}",
            "currency": "EUR",
            "total": "12.50",
            "items": [{"title": "Beanie", "price": "12.50"}],
            "updated_at": _at(minute),
        },
        "customer": {
            "phone": _phone(phone),
            "first_name": f"Generic{phone}",
            "sms_consent": {
                "granted": True,
                "at": _at(minute),
                "source": "popup",
                "text_shown": "Yes, text me.",
            },
        },
    }


minutes = st.integers(min_value=0, max_value=90)
carts = st.integers(min_value=0, max_value=CARTS - 1)
phones = st.integers(min_value=0, max_value=PHONES - 1)
deliveries = st.one_of(
    st.tuples(
        st.just("checkout"),
        carts,
        st.one_of(st.none(), phones),
        st.sampled_from(["box", "none", "subscribed", "unsubscribed"]),
        minutes,
        st.sampled_from(["checkouts/create", "checkouts/update"]),
    ),
    st.tuples(st.just("poison"), carts, phones, minutes),
    st.tuples(st.just("order"), st.integers(min_value=-1, max_value=CARTS - 1), phones, minutes),
    st.tuples(st.just("consent"), phones, st.booleans(), minutes),
    st.tuples(st.just("generic_cart"), st.integers(min_value=0, max_value=2), phones, minutes),
    st.tuples(st.just("delete"), carts),
    st.tuples(
        st.just("garbage"),
    ),
    st.tuples(st.just("duplicate"), st.integers(min_value=0, max_value=50)),
    # an order by the cart's own shopper (cart n is shopper n's), the common case: drawn twice as often
    st.tuples(st.just("own_order"), carts, minutes),
    st.tuples(st.just("own_order"), carts, minutes),
    # the same order again under a new delivery id (Shopify's retry after a timeout), earlier or known
    st.tuples(st.just("order_again"), st.integers(min_value=0, max_value=50)),
    # another store's order or checkout with the same tokens and number: it must not touch this store's
    st.tuples(st.just("other_store_order"), carts, phones, minutes),
    st.tuples(st.just("other_store_checkout"), carts, phones, minutes),
)


# Shoppers the store knew before the stream (returning shoppers): an earlier checkout of theirs, with the
# box ticked or not, or consent given or withdrawn on its own, some minutes before the stream starts. Or
# a cart of the stream's own (cart n is shopper n's) that the stream's orders then find: with its texts
# scheduled, texted (and clicked, so that its order is attributed), or already bought.
history = st.lists(
    st.tuples(
        phones,
        st.sampled_from(
            [
                "checkout_box",
                "checkout_none",
                "consent_granted",
                "consent_revoked",
                "cart",
                "cart",
                "cart_texted",
                "cart_texted_clicked",
                "cart_ordered",
            ]
        ),
        st.integers(min_value=-60, max_value=30),
    ),
    max_size=8,
)


def _history(earlier: list[tuple]) -> list[tuple[str, str, str, dict]]:
    out: list[tuple[str, str, str, dict]] = []
    for n, (phone, kind, minute) in enumerate(earlier):
        if kind.startswith("checkout"):
            box = "box" if kind == "checkout_box" else "none"
            payload = _checkout(100 + n, phone, box, minute, False)
            out.append(("shopify", f"h{n}", "checkouts/create", payload))
        elif kind.startswith("cart"):
            out.append(
                ("shopify", f"h{n}", "checkouts/create", _checkout(phone, phone, "box", minute, False))
            )
            if kind == "cart_ordered":
                out.append(("shopify", f"h{n}o", "orders/create", _order(900 + n, phone, phone, minute + 5)))
        else:
            granted = kind == "consent_granted"
            out.append(("generic", f"h{n}", "customer.consent", _consent_change(phone, granted, minute)))
    return out


def _texts_sent(store, earlier: list[tuple]) -> None:
    """The history's texted carts: their first step went out (and its link was clicked) before the stream."""
    step = Step.objects.filter(flow__store=store).order_by("position").first()
    for phone, kind, minute in earlier:
        cart = Cart.objects.filter(store=store, external_id=f"t{phone}").first()
        if kind.startswith("cart_texted") and cart is not None and step is not None:
            Nudge.objects.filter(cart=cart, step=step).delete()  # scheduled: it goes out now instead
            text = text_send(cart=cart, at=BASE + timedelta(minutes=minute + 1), step=step)
            if kind == "cart_texted_clicked":
                click_add(cart=cart, at=BASE + timedelta(minutes=minute + 2), message=text)


def _recordings(stream: list[tuple], earlier: list[tuple] = ()) -> list[tuple]:
    """(source, key, topic, payload[, "other"]) per delivery; a duplicate repeats an earlier one's key and
    body, an order again its body under a new key; "other": another store's delivery."""
    out: list[tuple] = []
    orders = [payload for _, _, topic, payload in _history(earlier) if topic == "orders/create"]
    for n, delivery in enumerate(stream):
        kind, *args = delivery
        if kind == "checkout":
            cart, phone, consent, minute, topic = args
            out.append(("shopify", f"k{n}", topic, _checkout(cart, phone, consent, minute, poison=False)))
        elif kind == "poison":
            cart, phone, minute = args
            out.append(("shopify", f"k{n}", "checkouts/update", _checkout(cart, phone, "box", minute, True)))
        elif kind == "order":
            cart, phone, minute = args
            out.append(("shopify", f"k{n}", "orders/create", _order(n, cart, phone, minute)))
            orders.append(out[-1][3])
        elif kind == "own_order":
            cart, minute = args
            out.append(("shopify", f"k{n}", "orders/create", _order(n, cart, cart, minute)))
            orders.append(out[-1][3])
        elif kind == "order_again":
            if orders:
                out.append(("shopify", f"k{n}", "orders/create", orders[args[0] % len(orders)]))
        elif kind == "other_store_order":
            cart, phone, minute = args
            out.append(("shopify", f"k{n}", "orders/create", _order(n, cart, phone, minute), "other"))
        elif kind == "other_store_checkout":
            cart, phone, minute = args
            payload = _checkout(cart, phone, "box", minute, poison=False)
            out.append(("shopify", f"k{n}", "checkouts/create", payload, "other"))
        elif kind == "consent":
            phone, granted, minute = args
            out.append(("generic", f"k{n}", "customer.consent", _consent_change(phone, granted, minute)))
        elif kind == "generic_cart":
            cart, phone, minute = args
            out.append(("generic", f"k{n}", "cart.updated", _generic_cart(cart, phone, minute)))
        elif kind == "delete":
            out.append(("shopify", f"k{n}", "checkouts/delete", {"id": 1, "token": f"t{args[0]}"}))
        elif kind == "garbage":
            out.append(("shopify", f"k{n}", "checkouts/update", {"token": "t0", "total_price": {"nope": 1}}))
        elif out:
            out.append(out[args[0] % len(out)])
    return out


def _record(store, recordings, other=None) -> None:
    for source, key, topic, payload, *elsewhere in recordings:
        to = other if elsewhere else store
        webhook_event_record(store=to, source=source, key=key, topic=topic, payload=payload)


def _one_by_one() -> None:
    for event_id in WebhookEvent.objects.order_by("received_at", "id").values_list("id", flat=True):
        tasks.process_webhook_event.run(event_id)


def _in_batches(size: int) -> None:
    with mock.patch.object(tasks, "DRAIN_BATCH", size):
        while WebhookEvent.objects.filter(status=WebhookEvent.Status.RECEIVED).exists():
            tasks.process_pending_webhook_events.run()


def _state(store) -> dict:
    """Every row the drain writes, by natural key, without ids and clock times."""

    def phone(customer_id):
        return str(Customer.objects.get(pk=customer_id).phone) if customer_id else None

    def cart_key(cart_id):
        return Cart.objects.get(pk=cart_id).external_id if cart_id else None

    customer_fields = ("external_id", "first_name", "last_name", "email", "locale", "country", "province")
    cart_fields = (
        "cart_token", "checkout_token", "checkout_id", "checkout_url", "currency", "subtotal", "total",
        "status", "last_activity_at", "phone_raw", "phone_problem", "email", "first_name", "country",
        "province", "locale", "recovered_at",
    )  # fmt: skip
    return {
        "customers": {
            str(c.phone): (*(getattr(c, f) for f in customer_fields), c.sms_status)
            for c in Customer.objects.filter(store=store)
        },
        "carts": {
            c.external_id: (phone(c.customer_id), *(getattr(c, f) for f in cart_fields))
            for c in Cart.objects.filter(store=store)
        },
        "items": sorted(
            (cart_key(i.cart_id), i.position, i.title, i.variant, i.quantity, i.price, i.product_url)
            for i in CartItem.objects.filter(cart__store=store)
        ),
        "consent": sorted(
            (phone(e.customer_id), e.kind, e.source, e.occurred_at, e.dedupe_key, str(e.evidence))
            for e in ConsentEvent.objects.filter(store=store)
        ),
        "orders": {
            o.external_id: (cart_key(o.cart_id), phone(o.customer_id), o.checkout_token, o.total, o.placed_at)
            for o in Order.objects.filter(store=store)
        },
        "nudges": sorted(
            (cart_key(n.cart_id), n.step.position, n.state, n.due_at, n.reason)
            for n in Nudge.objects.filter(store=store).select_related("step")
        ),
        "nudge_events": sorted(
            (cart_key(e.nudge.cart_id), e.nudge.step.position, e.kind, e.reason)
            for e in NudgeEvent.objects.filter(store=store).select_related("nudge__step")
        ),
        "events": {e.key: (e.status, e.error) for e in WebhookEvent.objects.filter(store=store)},
        "attributions": {
            a.order.external_id: (
                cart_key(a.cart_id),
                a.outcome,
                a.touch,
                a.fee,
                a.receipt["decision"],
                a.receipt["cart"]["matched_by"],
            )
            for a in Attribution.objects.filter(store=store).select_related("order")
        },
        # The store's evidence chain: the same links (but row ids and a text's clock time), in an order
        # that may differ (the set is written first), and still a valid chain.
        "evidence": sorted(
            (link.kind, link.phone, str({k: v for k, v in link.content.items() if k not in ("id", "at")}))
            for link in EvidenceLink.objects.filter(store=store)
        ),
        "evidence_chain_valid": evidence_chain_verify(store=store).valid,
        "texts": sorted(
            (str(m.thread.customer.phone), m.direction, m.route, m.status, m.body)
            for m in Message.objects.filter(store=store).select_related("thread__customer")
        ),
    }


def _poison_details(contact):
    """A bug that only this shopper's deliveries hit, in code both ways share."""
    if contact.first_name == POISON:
        raise RuntimeError("poisoned shopper")
    return _real_details(contact)


_real_details = shoppers.customer_details


def _outcome(store, recordings, process, earlier=(), other=None, texted=()) -> dict:
    with transaction.atomic():
        _record(store, earlier)
        _one_by_one()
        _texts_sent(store, texted)
        _record(store, recordings, other)
        process()
        state = {"store": _state(store), "other": _state(other) if other is not None else None}
        transaction.set_rollback(True)
    return state


@pytest.fixture
def poisoned():
    with (
        mock.patch.object(shoppers, "customer_details", _poison_details),
        mock.patch.object(cart_batch, "customer_details", _poison_details),
        mock.patch.object(tasks, "_publish"),
    ):
        yield


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    stream=st.lists(deliveries, min_size=1, max_size=24),
    size=st.integers(min_value=1, max_value=12),
    confirmation=st.sampled_from(["in_first_text", "separate_text"]),
    earlier=history,
)
def test_batches_leave_the_same_database_as_one_by_one(
    store, other_store, active_flow, poisoned, stream, size, confirmation, earlier
):
    _same_database_either_way(store, other_store, stream, size, confirmation, earlier)


# Mostly orders, over carts the store already has (all eight, some texted or bought): in the stream above,
# an order rarely has its cart, shopper and batch to itself, which the set needs.
orders_mostly = st.one_of(
    st.tuples(st.just("own_order"), carts, minutes),
    st.tuples(st.just("order"), st.integers(min_value=-1, max_value=CARTS - 1), phones, minutes),
    st.tuples(st.just("order_again"), st.integers(min_value=0, max_value=50)),
    st.tuples(st.just("other_store_order"), carts, phones, minutes),
    st.tuples(st.just("checkout"), carts, phones, st.just("box"), minutes, st.just("checkouts/update")),
    st.tuples(st.just("consent"), phones, st.booleans(), minutes),
    st.tuples(st.just("poison"), carts, phones, minutes),
)
known_carts = st.lists(
    st.sampled_from(["cart", "cart_texted", "cart_texted_clicked", "cart_ordered"]),
    min_size=CARTS,
    max_size=CARTS,
).map(lambda kinds: [(n, kind, -30 + n) for n, kind in enumerate(kinds)])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    stream=st.lists(orders_mostly, min_size=1, max_size=16),
    size=st.integers(min_value=1, max_value=16),
    earlier=known_carts,
)
def test_batches_of_orders_leave_the_same_database_as_one_by_one(
    store, other_store, active_flow, poisoned, stream, size, earlier
):
    _same_database_either_way(store, other_store, stream, size, "in_first_text", earlier)


# Mostly checkout updates of carts the store already has (cart n is shopper n's; some texted, some
# bought), several of one cart in a batch, from the cart's own shopper or another number, around
# consent given and withdrawn: before, between and after the updates, and before the stream (opted out).
own_updates = st.tuples(
    st.integers(min_value=0, max_value=3),
    st.sampled_from(["box", "none", "subscribed", "unsubscribed"]),
    minutes,
).map(lambda drawn: ("checkout", drawn[0], drawn[0], drawn[1], drawn[2], "checkouts/update"))
# the box ticked again by the cart's own shopper, the common update: apart from the rest, a set writes it
box_again = st.tuples(carts, minutes).map(
    lambda drawn: ("checkout", drawn[0], drawn[0], "box", drawn[1], "checkouts/update")
)
updates_mostly = st.one_of(
    own_updates,
    own_updates,
    box_again,
    box_again,
    box_again,
    st.tuples(st.just("checkout"), carts, phones, st.just("box"), minutes, st.just("checkouts/update")),
    st.tuples(st.just("consent"), phones, st.booleans(), minutes),
    st.tuples(st.just("own_order"), carts, minutes),
    st.tuples(st.just("duplicate"), st.integers(min_value=0, max_value=50)),
    st.tuples(st.just("delete"), carts),
    st.tuples(st.just("poison"), carts, phones, minutes),
)
known_carts_some_opted_out = st.tuples(
    known_carts,
    st.lists(
        st.tuples(phones, st.just("consent_revoked"), st.integers(min_value=-60, max_value=30)), max_size=3
    ),
).map(lambda drawn: drawn[0] + drawn[1])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    stream=st.lists(updates_mostly, min_size=1, max_size=16),
    size=st.integers(min_value=1, max_value=16),
    confirmation=st.sampled_from(["in_first_text", "separate_text"]),
    earlier=known_carts_some_opted_out,
)
def test_batches_of_known_carts_updates_leave_the_same_database_as_one_by_one(
    store, other_store, active_flow, poisoned, stream, size, confirmation, earlier
):
    several = max(Counter(d[1] for d in stream if d[0] == "checkout").values(), default=0) > 1
    event(f"one cart updated several times in the stream: {'yes' if several else 'no'}")
    _same_database_either_way(store, other_store, stream, size, confirmation, earlier)


def _same_database_either_way(store, other_store, stream, size, confirmation, earlier):
    # the store may send a separate text on each new consent (CONSENT_GRANTED_HOOKS): the set must too
    store.consent_confirmation = confirmation
    store.save(update_fields=["consent_confirmation"])
    recordings, known = _recordings(stream, earlier), _history(earlier)

    expected = _outcome(store, recordings, _one_by_one, known, other_store, earlier)
    with (
        mock.patch.object(
            handlers.services, "carts_create_new", wraps=handlers.services.carts_create_new
        ) as bulk,
        mock.patch.object(
            handlers.services, "orders_record_new", wraps=handlers.services.orders_record_new
        ) as bulk_orders,
        mock.patch.object(
            handlers.services, "carts_update_known", wraps=handlers.services.carts_update_known
        ) as bulk_updates,
        mock.patch.object(handlers, "webhook_event_process", wraps=handlers.webhook_event_process) as single,
        mock.patch.object(handlers.logger, "warning") as fell_back,
    ):
        batched = _outcome(store, recordings, lambda: _in_batches(size), known, other_store, earlier)
    poisoned_stream = any(d[0] == "poison" for d in stream)
    assert poisoned_stream or not fell_back.called, fell_back.call_args  # only a poison fails a set
    updated = [u for call in bulk_updates.call_args_list for u in call.kwargs["updates"]]
    event(f"known carts updated as a set: {'none' if not updated else 'some'}")
    # What the examples covered (pytest --hypothesis-show-statistics): the set, one by one, and both.
    written = [n for call in bulk.call_args_list for n in call.kwargs["new_carts"]]
    event(f"carts written as a set: {'none' if not written else 'some'}")
    ordered = [n for call in bulk_orders.call_args_list for n in call.kwargs["new_orders"]]
    event(f"orders written as a set: {'none' if not ordered else 'some'}")
    event(f"attributions: {'some' if expected['store']['attributions'] else 'none'}")
    returning = [n for n in written if n.returning is not None]
    event(f"returning shoppers' carts written as a set: {'none' if not returning else 'some'}")
    event(f"deliveries one by one: {'none' if not single.call_count else 'some'}")
    event(f"a set failed and its batch ran one by one: {'yes' if fell_back.called else 'no'}")
    event(f"consent confirmation texts: {'some' if expected['store']['texts'] else 'none'}")

    assert batched == expected


def _drain_counting(store, recordings: list) -> int:
    _record(store, recordings)
    with (
        mock.patch.object(tasks, "DRAIN_BATCH", len(recordings)),
        CaptureQueriesContext(connection) as queries,
    ):
        tasks.process_pending_webhook_events.run()
    return len(queries)


def _new_checkouts(first: int, count: int, *, phone_offset: int = 0) -> list:
    return [
        ("shopify", f"k{n}", "checkouts/create", _checkout(n, n + phone_offset, "box", n, False))
        for n in range(first, first + count)
    ]


# The claim (3 + savepoints: the store waiting longest, then its deliveries), the batch, the evidence
# heads (2), four existence checks, six INSERTs, the chain's append (6, savepoints included), the flow and
# its steps, marking the batch processed.
SET_QUERIES = 29


def test_new_checkouts_are_written_as_a_set_in_as_many_queries_for_10_as_for_30(store, active_flow, poisoned):
    _drain_counting(store, _new_checkouts(100, 1))  # the store's evidence chain starts

    assert _drain_counting(store, _new_checkouts(0, 10)) == _drain_counting(store, _new_checkouts(10, 30))
    assert _drain_counting(store, _new_checkouts(40, 30)) <= SET_QUERIES
    assert Cart.objects.filter(store=store).count() == 71
    assert Customer.objects.filter(store=store, sms_status="subscribed").count() == 71
    assert Nudge.objects.filter(store=store, state=Nudge.State.SCHEDULED).count() == 142
    assert set(WebhookEvent.objects.values_list("status", flat=True)) == {WebhookEvent.Status.PROCESSED}
    assert evidence_chain_verify(store=store).valid
    assert EvidenceLink.objects.filter(store=store).count() == 71


def test_returning_shoppers_checkouts_are_written_as_a_set_too(store, active_flow, poisoned):
    # given: 40 shoppers the store knows, with a cart each; then each starts a new checkout
    _drain_counting(store, _new_checkouts(0, 40))

    with mock.patch.object(
        handlers.services, "carts_create_new", wraps=handlers.services.carts_create_new
    ) as bulk:
        ten = _drain_counting(store, _new_checkouts(100, 10, phone_offset=-100))
        thirty = _drain_counting(store, _new_checkouts(110, 30, phone_offset=-100))

    written = [n for call in bulk.call_args_list for n in call.kwargs["new_carts"]]
    assert len(written) == 40
    assert all(n.returning is not None for n in written)
    assert ten == thirty <= SET_QUERIES + 1  # and one UPDATE for the returning shoppers
    assert Customer.objects.filter(store=store).count() == 40
    assert Cart.objects.filter(store=store, customer__isnull=False).count() == 80
    assert Nudge.objects.filter(store=store, state=Nudge.State.SCHEDULED).count() == 160


def test_a_poison_delivery_fails_alone_with_its_error_and_its_batch_is_processed(
    store, active_flow, poisoned
):
    recordings = [
        ("shopify", f"k{n}", "checkouts/create", _checkout(n, n, "box", n, poison=n == 2)) for n in range(5)
    ]
    _record(store, recordings)

    _in_batches(5)

    statuses = dict(WebhookEvent.objects.values_list("key", "status"))
    assert statuses == {
        "k0": "processed",
        "k1": "processed",
        "k2": "failed",
        "k3": "processed",
        "k4": "processed",
    }
    assert WebhookEvent.objects.get(key="k2").error == "RuntimeError: poisoned shopper"
    assert sorted(Cart.objects.filter(store=store).values_list("external_id", flat=True)) == [
        "t0", "t1", "t3", "t4",
    ]  # fmt: skip


def test_returning_shoppers_consent_changes_in_a_set_match_one_by_one(store, active_flow, poisoned):
    # given: a shopper who had opted out, one who had consented on an earlier checkout, one without consent
    store.consent_confirmation = "separate_text"  # a new consent gets its own confirmation text
    store.save(update_fields=["consent_confirmation"])
    known = _history([(0, "consent_revoked", -30), (1, "checkout_box", -30), (2, "checkout_none", -30)])
    # when: each comes back with a new checkout and ticks its SMS box (again, or for the first time)
    recordings = _recordings(
        [
            ("checkout", 5, 0, "box", 0, "checkouts/create"),
            ("checkout", 6, 1, "box", 1, "checkouts/create"),
            ("checkout", 7, 2, "box", 2, "checkouts/create"),
        ]
    )
    expected = _outcome(store, recordings, _one_by_one, known)
    with mock.patch.object(
        handlers.services, "carts_create_new", wraps=handlers.services.carts_create_new
    ) as bulk:
        batched = _outcome(store, recordings, lambda: _in_batches(3), known)

    written = [n for call in bulk.call_args_list for n in call.kwargs["new_carts"]]
    assert [n.returning is not None for n in written] == [True, True, True]
    assert batched == expected
    expected = expected["store"]
    statuses = {phone: row[-1] for phone, row in expected["customers"].items()}
    assert statuses == {_phone(0): "subscribed", _phone(1): "subscribed", _phone(2): "subscribed"}
    # one confirmation per shopper who became subscribed: the one from before, and the two now
    confirmations = [text for text in expected["texts"] if text[2] == "consent"]
    assert sorted(text[0] for text in confirmations) == [_phone(0), _phone(1), _phone(2)]


def test_orders_for_known_carts_are_written_as_a_set_as_one_by_one_would(store, active_flow, poisoned):
    # given: five shoppers' carts with their texts scheduled, one texted and clicked, one already bought
    earlier = [(n, "cart", -30) for n in range(5)] + [
        (5, "cart_texted_clicked", -30),
        (6, "cart_ordered", -30),
    ]
    known = _history(earlier)
    # when: each shopper orders from their cart (the bought one again), the first order twice under two
    # delivery ids
    stream = [("own_order", n, n) for n in range(7)] + [("order_again", 1)]
    recordings = _recordings(stream, earlier)

    expected = _outcome(store, recordings, _one_by_one, known, texted=earlier)
    with mock.patch.object(
        handlers.services, "orders_record_new", wraps=handlers.services.orders_record_new
    ) as bulk:
        batched = _outcome(store, recordings, lambda: _in_batches(len(recordings)), known, texted=earlier)

    # then: the six orders without a twin in the batch went as a set; the repeated ones one by one
    written = [n.data.external_id for call in bulk.call_args_list for n in call.kwargs["new_orders"]]
    assert sorted(written) == [str(5000 + n) for n in range(1, 7)]
    assert batched == expected
    state = expected["store"]
    assert {ext: row[1] for ext, row in state["attributions"].items()} == {"5005": "attributed"}
    assert {row[0] for row in state["nudges"] if row[2] == "scheduled"} == set()
    assert all(
        row[8] == "recovered" for ext, row in state["carts"].items() if ext in {f"t{n}" for n in range(7)}
    )


def test_a_new_checkout_and_its_order_in_one_batch_both_go_as_sets(store, active_flow, poisoned):
    # given: five new checkouts, and orders from three of them, all in one batch (the order after its
    # checkout, as the load run sends them)
    stream = [("checkout", n, n, "box", n, "checkouts/create") for n in range(5)]
    stream += [("own_order", n, 10 + n) for n in (0, 2, 4)]
    recordings = _recordings(stream)

    expected = _outcome(store, recordings, _one_by_one)
    with (
        mock.patch.object(
            handlers.services, "carts_create_new", wraps=handlers.services.carts_create_new
        ) as bulk,
        mock.patch.object(
            handlers.services, "orders_record_new", wraps=handlers.services.orders_record_new
        ) as bulk_orders,
        mock.patch.object(handlers, "webhook_event_process", wraps=handlers.webhook_event_process) as single,
        mock.patch.object(handlers.logger, "warning") as fell_back,
    ):
        batched = _outcome(store, recordings, lambda: _in_batches(len(recordings)))
    assert not fell_back.called

    # then: every delivery went through a set, and the database is the one one-by-one leaves
    assert sum(len(call.kwargs["new_carts"]) for call in bulk.call_args_list) == 5
    assert sum(len(call.kwargs["new_orders"]) for call in bulk_orders.call_args_list) == 3
    assert single.call_count == 0
    assert batched == expected
    recovered = {ext for ext, row in expected["store"]["carts"].items() if row[8] == "recovered"}
    assert recovered == {"t0", "t2", "t4"}


def test_an_order_received_before_its_new_checkout_in_one_batch_goes_one_by_one(store, active_flow, poisoned):
    # given: an order whose checkout comes after it in the same batch (Shopify does not order deliveries)
    recordings = _recordings([("own_order", 0, 10), ("checkout", 0, 0, "box", 0, "checkouts/create")])

    expected = _outcome(store, recordings, _one_by_one)
    with mock.patch.object(
        handlers.services, "carts_create_new", wraps=handlers.services.carts_create_new
    ) as bulk:
        batched = _outcome(store, recordings, lambda: _in_batches(2))

    # then: the checkout is not moved before the order (it links the waiting order, one by one)
    assert not any(call.kwargs["new_carts"] for call in bulk.call_args_list)
    assert batched == expected
    assert expected["store"]["carts"]["t0"][8] == "recovered"


def test_known_carts_updates_are_written_as_a_set_as_one_by_one_would(store, active_flow, poisoned):
    # given: seven shoppers' carts with their texts scheduled, one bought, one shopper who opted out since
    earlier = [(n, "cart", -30) for n in range(6)] + [(6, "cart_ordered", -30), (2, "consent_revoked", -10)]
    known = _history(earlier)
    # when: each comes back to their checkout (the box ticked again, as Shopify repeats it), and one
    # cart is updated twice in the batch
    stream = [("checkout", n, n, "box", 10 + n, "checkouts/update") for n in range(7)]
    stream += [("checkout", 0, 0, "box", 30, "checkouts/update")]
    recordings = _recordings(stream, earlier)

    expected = _outcome(store, recordings, _one_by_one, known)
    with (
        mock.patch.object(
            handlers.services, "carts_update_known", wraps=handlers.services.carts_update_known
        ) as bulk,
        mock.patch.object(handlers.logger, "warning") as fell_back,
    ):
        batched = _outcome(store, recordings, lambda: _in_batches(len(recordings)), known)

    # then: the six carts updated once went as a set, the one updated twice one by one; same database
    written = sorted(u.data.external_id for call in bulk.call_args_list for u in call.kwargs["updates"])
    assert written == [f"t{n}" for n in range(1, 7)]
    assert not fell_back.called  # the set did not fail (which would run its batch one by one)
    assert batched == expected
    state = expected["store"]
    moved = {row[0] for row in state["nudge_events"] if row[2] == "moved"}
    assert moved == {"t0", "t1", "t3", "t4", "t5"}  # texts follow the new activity; not the opted-out's
    assert {row[0] for row in state["nudges"] if row[2] == "scheduled"} == {"t0", "t1", "t3", "t4", "t5"}
    assert state["carts"]["t6"][8] == "recovered"
    assert state["customers"][_phone(2)][-1] == "unsubscribed"
