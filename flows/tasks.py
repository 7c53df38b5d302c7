import logging
import os

from celery import shared_task
from django.core.cache import cache

from conversations.sending import messages_deliver

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


# Texts a delivery task takes from a tick's batch (of up to 500): the rest go to tasks of their own, so
# a batch is sent by every free worker process at once.
DELIVER_TASK_TEXTS = 100


@shared_task(acks_late=True, ignore_result=True)
def deliver_batch(message_ids: list[int]) -> None:
    """Deliver a tick's batch in chunks (`messages_deliver`: one durable claim per chunk, not per text).

    A text that meets a transient error goes to its own `deliver_message` task, which owns its retries.
    Safe to run twice: a message already handed over is skipped. Should this worker die mid-batch, the
    task comes back (acks late) and the texts it left `sending` are taken over once stale.
    """
    for start in range(DELIVER_TASK_TEXTS, len(message_ids), DELIVER_TASK_TEXTS):
        deliver_batch.delay(message_ids[start : start + DELIVER_TASK_TEXTS])
    messages_deliver(message_ids=message_ids[:DELIVER_TASK_TEXTS])
