"""Shop deliveries recorded once under their idempotency key, then queued for the worker."""

import logging
from datetime import timedelta
from functools import partial

from django.db import transaction
from django.utils import timezone

from cartrecovery.db import JsonText, insert_or_skip
from stores.models import Store, WebhookEvent

logger = logging.getLogger(__name__)


def webhook_event_record(
    *,
    store: Store,
    source: str,
    key: str,
    topic: str,
    payload: dict,
    handled: bool = True,
    replay_key: str = "",
    payload_text: str | None = None,
) -> WebhookEvent | None:
    """Record one delivery under its idempotency key and queue its processing once committed.

    Returns None when the key (or the `replay_key` of its signed content) was recorded before: a repeated,
    replayed or simultaneous delivery has no second effect. `payload_text`: the body `payload` was parsed
    from, stored as it came (the database parses it as it parses any JSON) instead of serialised again.
    """
    fields = {
        "store": store,
        "source": source,
        "key": key[:255],
        "replay_key": replay_key[:64],
        "topic": topic[:64],
        "payload": payload if payload_text is None else JsonText(payload_text),
        "status": WebhookEvent.Status.RECEIVED if handled else WebhookEvent.Status.IGNORED,
    }
    event = insert_or_skip(WebhookEvent, fields)
    if event is None:
        return None
    event.payload = payload
    if handled:
        transaction.on_commit(partial(_webhook_event_enqueue, event.id))
    return event


def _webhook_event_enqueue(event_id: int) -> None:
    from stores.tasks import webhook_events_ring

    try:
        webhook_events_ring(event_id)
    except Exception:
        # The event is committed: the shop must get its 200. The sweeper task re-queues what is left behind.
        logger.exception("webhook event %s recorded but not queued; the sweeper will retry it", event_id)


# The worker-side queue of deliveries spans every store (like the broker's queue); each event is then
# processed for its own store.


def webhook_events_claim(*, limit: int) -> list[int]:
    """Take up to `limit` recorded deliveries of one store, oldest first, for one worker; concurrent claims
    skip them. The store is the one whose delivery has waited longest.

    One store per claim: a batch holds its stores' evidence chain heads until it commits (see
    `stores.handlers`), so a batch spanning every store made every other worker's batch wait for it, and
    the drain ran one batch at a time however many workers there were. Batches of different stores now
    run side by side, and each writes its new checkouts as one set instead of one small set per store.
    """
    with transaction.atomic():
        received = (
            WebhookEvent.objects.select_for_update(skip_locked=True)
            .filter(status=WebhookEvent.Status.RECEIVED)
            .order_by("received_at", "id")
        )
        store_id = received.values_list("store_id", flat=True).first()
        if store_id is None:
            return []
        ids = list(received.filter(store_id=store_id).values_list("id", flat=True)[:limit])
        WebhookEvent.objects.filter(id__in=ids).update(
            status=WebhookEvent.Status.PROCESSING, claimed_at=timezone.now()
        )
    return ids


def webhook_events_waiting() -> bool:
    """Whether any recorded delivery is still unclaimed (of any store)."""
    return WebhookEvent.objects.filter(status=WebhookEvent.Status.RECEIVED).exists()


def webhook_events_release(*, ids: list[int]) -> None:
    """Give claimed but unprocessed deliveries back (the batch stopped early)."""
    if ids:
        WebhookEvent.objects.filter(id__in=ids, status=WebhookEvent.Status.PROCESSING).update(
            status=WebhookEvent.Status.RECEIVED, claimed_at=None
        )


def webhook_events_requeue_stale(
    *, received_before: timedelta = timedelta(minutes=2), claimed_before: timedelta = timedelta(minutes=10)
) -> int:
    """Queue again what is still unprocessed after a while: the broker was down, or a worker died.

    Deliveries never claimed get one drain, which claims them oldest first in batches, each full batch
    handing on to the next. Not a task per delivery: behind a backlog that is merely old (a burst the
    workers are still draining), a thousand one-by-one tasks every sweep would queue ahead of the drain's
    next batch and process the oldest deliveries one at a time, several times slower than a batch.
    Deliveries claimed by a worker that then died are no longer `received`, so a drain does not see them:
    each gets its own task.
    """
    from stores.tasks import process_pending_webhook_events_enqueue, process_webhook_event_enqueue

    now = timezone.now()
    received = WebhookEvent.objects.filter(
        status=WebhookEvent.Status.RECEIVED, received_at__lt=now - received_before
    )
    waiting = received.count()
    if waiting:
        try:
            process_pending_webhook_events_enqueue()
        except Exception:
            logger.exception("%d webhook events waiting, but no drain could be queued", waiting)
            return waiting
    stale = WebhookEvent.objects.filter(
        status=WebhookEvent.Status.PROCESSING, claimed_at__lt=now - claimed_before
    )
    ids = list(stale.order_by("claimed_at").values_list("id", flat=True)[:1000])
    for event_id in ids:
        try:
            process_webhook_event_enqueue(event_id)
        except Exception:
            logger.exception("webhook event %s could not be re-queued", event_id)
            break
    return waiting + len(ids)
