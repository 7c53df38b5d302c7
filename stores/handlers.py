"""What each shop webhook topic does: the `{topic: handler}` table and the one function that runs it.

A handler is a pure `parse(payload)` (run in the view too, so a malformed body is a 400 while the shop
is still listening) and an `apply(store=, data=, event=)` that calls services. Other apps add topics
with `handler_register` (billing: `orders/cancelled`, `refunds/create`) from their `AppConfig.ready()`.
"""

import logging
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any

from django.db import DatabaseError, transaction
from django.utils import timezone

from . import generic, privacy, services, shopify, webhook_batch
from .evidence import evidence_heads_lock
from .hooks import WEBHOOK_BATCH_SCOPES
from .models import Store, WebhookEvent
from .schemas import PayloadError

logger = logging.getLogger(__name__)

SHOPIFY = "shopify"
GENERIC = "generic"
# Deliveries of our Shopify app (signed with the app's secret): Shopify's topics, plus the app's own.
SHOPIFY_APP = "shopify_app"


@dataclass(frozen=True)
class Handler:
    parse: Callable[[dict], Any]
    apply: Callable[..., Any]


HANDLERS: dict[str, dict[str, Handler]] = {SHOPIFY: {}, GENERIC: {}, SHOPIFY_APP: {}}
# A source whose topics not its own are those of another: the app's deliveries are Shopify's.
_FALLBACK = {SHOPIFY_APP: SHOPIFY}


def handler_register(*, source: str, topic: str, parse: Callable[[dict], Any], apply: Callable[..., Any]):
    HANDLERS.setdefault(source, {})[topic] = Handler(parse=parse, apply=apply)


def handler_for(*, source: str, topic: str) -> Handler | None:
    handler = HANDLERS.get(source, {}).get(topic)
    if handler is None and source in _FALLBACK:
        return handler_for(source=_FALLBACK[source], topic=topic)
    return handler


def webhook_event_process(*, event_id: int) -> None:
    """Run a recorded delivery through its handler, once: safe to call again (retries, the sweeper)."""
    with transaction.atomic():
        event = (
            WebhookEvent.objects.select_for_update(of=("self",))
            .select_related("store")
            .filter(id=event_id, status__in=_UNPROCESSED)
            .first()
        )
        if event is None:
            return
        handler = handler_for(source=event.source, topic=event.topic)
        if handler is None:
            _event_finish(event, WebhookEvent.Status.IGNORED, "no handler for this topic")
            return
        try:
            with transaction.atomic():
                handler.apply(store=event.store, data=handler.parse(event.payload), event=event)
        except PayloadError as exc:
            # Permanent: the same body will never parse. Kept with its reason for the merchant to see.
            _event_finish(event, WebhookEvent.Status.FAILED, str(exc))
            return
        except DatabaseError:
            raise  # transient (a lost race, a restart): the task retries
        except Exception as exc:
            # A bug, not the shop's fault: keep the event (to replay once fixed) and stop retrying it.
            logger.exception("webhook event %s (%s) failed", event.id, event.topic)
            _event_finish(event, WebhookEvent.Status.FAILED, f"{type(exc).__name__}: {exc}")
            return
        _event_finish(event, WebhookEvent.Status.PROCESSED, "")


_UNPROCESSED = (WebhookEvent.Status.RECEIVED, WebhookEvent.Status.PROCESSING)


def webhook_events_process(*, event_ids: list[int]) -> None:
    """A claimed batch, with the outcome of `webhook_event_process` on each in turn, in one transaction
    (see `stores.webhook_batch`). If the set fails, each delivery runs on its own: a poison delivery
    fails alone."""
    if not event_ids:
        return
    with ExitStack() as scopes:
        for scope in WEBHOOK_BATCH_SCOPES:  # conversations: the batch's texts delivered together, after it
            scopes.enter_context(scope())
        try:
            with transaction.atomic():
                _batch_process(event_ids)
        except Exception:
            logger.warning(
                "a batch of %d webhook events failed; processing them one by one",
                len(event_ids),
                exc_info=True,
            )
            for event_id in event_ids:
                webhook_event_process(event_id=event_id)


def _batch_process(event_ids: list[int]) -> None:
    events = list(
        WebhookEvent.objects.select_for_update(of=("self",))
        .select_related("store")
        .filter(id__in=event_ids, status__in=_UNPROCESSED)
        .order_by("received_at", "id")
    )
    parsed = []
    for event in events:  # pure: done before the chain heads below are taken, to hold them less long
        handler = handler_for(source=event.source, topic=event.topic)
        try:
            data = handler.parse(event.payload) if handler is not None else None
        except Exception:  # the one-by-one pass below meets it again and records it
            data = None
        keys = webhook_batch.event_keys(event, data) if data is not None else []
        upserts_cart = handler is not None and handler.apply is _cart_apply
        records_order = handler is not None and handler.apply is _order_apply
        parsed.append(
            webhook_batch.Parsed(
                event=event, data=data, keys=keys, upserts_cart=upserts_cart, records_order=records_order
            )
        )
    # Before anything appends to a store's evidence chain: two batches over the same stores then wait
    # for each other in one order instead of deadlocking (which rolled a batch back to one by one).
    evidence_heads_lock(stores=list({event.store_id: event.store for event in events}.values()))
    new_carts, written = webhook_batch.new_carts_split(parsed)
    for store, carts in new_carts.items():
        services.carts_create_new(store=store, new_carts=carts)
    # After the new carts: an order's cart is never one of them (they would share a key), but its reads
    # then see the batch as one by one would.
    # Then checkouts of carts the store has, and new orders: what the sets before wrote no longer counts
    # (an order that shared keys only with its checkout, received before it, is now apart from the rest).
    left = {e.id for e in written}
    known, updated = webhook_batch.known_carts_split([p for p in parsed if p.event.id not in left])
    for store, updates in known.items():
        services.carts_update_known(store=store, updates=updates)
    written += updated
    left |= {e.id for e in updated}
    new_orders, ordered = webhook_batch.new_orders_split([p for p in parsed if p.event.id not in left])
    for store, orders in new_orders.items():
        services.orders_record_new(store=store, new_orders=orders)
    written += ordered
    WebhookEvent.objects.filter(id__in=[e.id for e in written]).update(
        status=WebhookEvent.Status.PROCESSED, error="", processed_at=timezone.now()
    )
    done = {e.id for e in written}
    for event in events:
        if event.id not in done:
            webhook_event_process(event_id=event.id)


def _event_finish(event: WebhookEvent, status: str, error: str) -> None:
    event.status = status
    event.error = error[:2000]
    event.processed_at = timezone.now()
    event.save(update_fields=["status", "error", "processed_at"])
    if status != WebhookEvent.Status.PROCESSED:
        logger.info("webhook %s %s %s: %s", event.source, event.topic, status, error)


# --- the topics -----------------------------------------------------------------------------------


def _cart_apply(*, store: Store, data, event: WebhookEvent) -> None:
    services.cart_upsert(store=store, data=data)


def _cart_close_apply(*, store: Store, data, event: WebhookEvent) -> None:
    services.cart_close(store=store, ref=data, reason="checkout deleted")


def _order_apply(*, store: Store, data, event: WebhookEvent) -> None:
    services.order_record(store=store, data=data)


def _consent_apply(*, store: Store, data, event: WebhookEvent) -> None:
    services.consent_change_record(store=store, contact=data.contact, consent=data.consent)


def _redact_apply(*, store: Store, data, event: WebhookEvent) -> None:
    privacy.customer_redact(store=store, request=data)


def _export_apply(*, store: Store, data, event: WebhookEvent) -> None:
    privacy.customer_data_export(store=store, request=data)


def _shop_redact_apply(*, store: Store, data, event: WebhookEvent) -> None:
    privacy.shop_data_delete(store=store, keep_event_id=event.id)


for _topic, _parse, _apply in (
    ("checkouts/create", shopify.checkout_parse, _cart_apply),
    ("checkouts/update", shopify.checkout_parse, _cart_apply),
    ("checkouts/delete", shopify.checkout_ref_parse, _cart_close_apply),
    ("orders/create", shopify.order_parse, _order_apply),
    ("customers/redact", shopify.privacy_parse, _redact_apply),
    ("customers/data_request", shopify.privacy_parse, _export_apply),
    ("shop/redact", shopify.shop_parse, _shop_redact_apply),
):
    handler_register(source=SHOPIFY, topic=_topic, parse=_parse, apply=_apply)


def _app_uninstalled_parse(payload: dict) -> dict:
    return payload  # the shop object; the store is known from the verified shop domain already


def _app_uninstalled_apply(*, store: Store, data, event: WebhookEvent) -> None:
    """Nothing left to do: the receiving view applied it at once, with Shopify's X-Shopify-Triggered-At
    (which this recorded delivery no longer has) to tell a late retry from before a reinstall."""


# Only the app's own deliveries may uninstall it: a hand-made webhook (the store's secret) cannot.
handler_register(
    source=SHOPIFY_APP, topic="app/uninstalled", parse=_app_uninstalled_parse, apply=_app_uninstalled_apply
)

for _topic, _parse, _apply in (
    ("cart.updated", generic.cart_updated_parse, _cart_apply),
    ("order.created", generic.order_created_parse, _order_apply),
    ("customer.consent", generic.customer_consent_parse, _consent_apply),
):
    handler_register(source=GENERIC, topic=_topic, parse=_parse, apply=_apply)
