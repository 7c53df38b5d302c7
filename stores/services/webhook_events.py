"""Shop deliveries recorded once under their idempotency key, then queued for the worker."""

import logging
from datetime import timedelta
from functools import partial

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from cartrecovery.db import insert_once
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
) -> WebhookEvent | None:
    """Record one delivery under its idempotency key and queue its processing once committed.

    Returns None when the key (or the `replay_key` of its signed content) was recorded before: a repeated,
    replayed or simultaneous delivery has no second effect.
    """
    fields = {
        "store": store,
        "source": source,
        "key": key[:255],
        "replay_key": replay_key[:64],
        "topic": topic[:64],
        "payload": payload,
        "status": WebhookEvent.Status.RECEIVED if handled else WebhookEvent.Status.IGNORED,
    }
    event, created = insert_once(WebhookEvent, fields)
    if not created:
        return None
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
    """Take up to `limit` recorded deliveries, oldest first, for one worker; concurrent claims skip them."""
    with transaction.atomic():
        ids = list(
            WebhookEvent.objects.select_for_update(skip_locked=True)
            .filter(status=WebhookEvent.Status.RECEIVED)
            .order_by("received_at", "id")
            .values_list("id", flat=True)[:limit]
        )
        if ids:
            WebhookEvent.objects.filter(id__in=ids).update(
                status=WebhookEvent.Status.PROCESSING, claimed_at=timezone.now()
            )
    return ids


def webhook_events_release(*, ids: list[int]) -> None:
    """Give claimed but unprocessed deliveries back (the batch stopped early)."""
    if ids:
        WebhookEvent.objects.filter(id__in=ids, status=WebhookEvent.Status.PROCESSING).update(
            status=WebhookEvent.Status.RECEIVED, claimed_at=None
        )


def webhook_events_requeue_stale(
    *, received_before: timedelta = timedelta(minutes=2), claimed_before: timedelta = timedelta(minutes=10)
) -> int:
    """Queue again what is still unprocessed after a while: the broker was down, or a worker died."""
    from stores.tasks import process_webhook_event_enqueue

    now = timezone.now()
    stale = WebhookEvent.objects.filter(
        Q(status=WebhookEvent.Status.RECEIVED, received_at__lt=now - received_before)
        | Q(status=WebhookEvent.Status.PROCESSING, claimed_at__lt=now - claimed_before)
    )
    ids = list(stale.order_by("received_at").values_list("id", flat=True)[:1000])
    for event_id in ids:
        try:
            process_webhook_event_enqueue(event_id)
        except Exception:
            logger.exception("webhook event %s could not be re-queued", event_id)
            break
    return len(ids)
