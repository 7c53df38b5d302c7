"""Webhook processing in the worker.

The hot path of every delivery only rings a doorbell: with a cache shared by web and worker processes
(Redis), the first delivery of a 2-second window queues one drain task and the others find the bell
already rung (a SET NX, instead of publishing a Celery message per delivery). The drain it queues starts
`WEBHOOK_DRAIN_DELAY` seconds later, so that it finds a batch: rung at once, a drain claimed the one or two
deliveries of the last few milliseconds, and a batch's fixed cost (the claim, the statements of the set,
the commit, the task) was then paid for each of them. A drain claims recorded
events of one store in batches (`FOR UPDATE SKIP LOCKED`, so several workers share a backlog) and
processes each with the same function as the per-event task. Without a shared cache (the embedded
demo's local memory cache), each delivery gets its own `process_webhook_event` task.
"""

from celery import shared_task
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError

from cartrecovery.tasks import RETRY_POLICY

from . import handlers, services

DOORBELL_KEY = "stores:webhook-doorbell"
DOORBELL_SECONDS = 2
DRAIN_BATCH = 100


@shared_task(autoretry_for=(DatabaseError,), **RETRY_POLICY)
def process_webhook_event(event_id: int) -> None:
    handlers.webhook_event_process(event_id=event_id)


@shared_task(autoretry_for=(DatabaseError,), **RETRY_POLICY)
def process_pending_webhook_events() -> int:
    # Deliveries committed from now on ring again; those committed before are in this claim (one
    # store's) or still waiting, and then handed on below.
    cache.delete(DOORBELL_KEY)
    ids = services.webhook_events_claim(limit=DRAIN_BATCH)
    if ids and (len(ids) == DRAIN_BATCH or services.webhook_events_waiting()):
        # A backlog, of this store or another: let another worker take the next batch now.
        _publish(process_pending_webhook_events)
    try:
        handlers.webhook_events_process(event_ids=ids)
    except BaseException:
        services.webhook_events_release(ids=ids)  # those still unprocessed: the batch stopped early
        raise
    return len(ids)


@shared_task(acks_late=True)
def requeue_stale_webhook_events() -> int:
    return services.webhook_events_requeue_stale()


def webhook_events_ring(event_id: int) -> None:
    """After a delivery commits: make sure a worker will process it, as cheaply as the setup allows."""
    if not _cache_is_shared():
        process_webhook_event_enqueue(event_id)
        return
    # Rung until its drain starts (which clears it), or the window past the drain's start should it be lost.
    if cache.add(DOORBELL_KEY, 1, timeout=DOORBELL_SECONDS + settings.WEBHOOK_DRAIN_DELAY):
        try:
            _publish(process_pending_webhook_events, countdown=settings.WEBHOOK_DRAIN_DELAY)
        except Exception:
            cache.delete(DOORBELL_KEY)  # let the next delivery try again
            raise


def process_webhook_event_enqueue(event_id: int) -> None:
    _publish(process_webhook_event, event_id)


def process_pending_webhook_events_enqueue() -> None:
    _publish(process_pending_webhook_events)


def _cache_is_shared() -> bool:
    return "redis" in settings.CACHES["default"]["BACKEND"].lower()


def _publish(task, *args, countdown: float | None = None) -> None:
    """Straight to the task's queue through the default exchange: kombu's Redis transport then skips its
    routing-table lookup (one Redis round trip less). The worker consumes it like any task."""
    task.apply_async(args, exchange="", routing_key=task.app.conf.task_default_queue, countdown=countdown)
