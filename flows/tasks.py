import logging
import os

from celery import shared_task
from django.core.cache import cache

from conversations.tasks import deliver_messages

from .dispatcher import nudge_dispatch_due

logger = logging.getLogger(__name__)


# One tick at a time per deployment. Overlapping ticks send nothing twice (rows are claimed SKIP LOCKED),
# but with a large backlog a tick outlasts beat's 30 s, and each new one held another worker process
# (waiting on the stores' evidence chain heads) until none was left to deliver the texts: the
# 50,000-webhook load run stalled that way. A tick that dies frees the turn after TICK_TURN_SECONDS.
TICK_TURN = "flows:dispatch-due:running"
TICK_TURN_SECONDS = 600


@shared_task(ignore_result=True)
def dispatch_due() -> dict:
    """Celery beat, every 30 s; skipped while the previous tick is still running."""
    if not cache.add(TICK_TURN, os.getpid(), TICK_TURN_SECONDS):
        return {"skipped": "the previous tick is still running"}
    try:
        report = nudge_dispatch_due()
    finally:
        cache.delete(TICK_TURN)
    if report.sent or report.deferred or report.skipped or report.cancelled or report.failed:
        logger.info("dispatch_due: %s", report.summary().replace("\n", ";"))
    return report.as_dict()


@shared_task(acks_late=True, ignore_result=True)
def deliver_batch(message_ids: list[int]) -> None:
    """Kept for the tasks queued before the dispatcher moved to `conversations.tasks.deliver_messages`
    (a rolling deploy's broker may still hold some); it does the same."""
    deliver_messages(message_ids)
