import logging

from celery import shared_task

from conversations.tasks import deliver_message

from .dispatcher import nudge_dispatch_due

logger = logging.getLogger(__name__)


@shared_task(ignore_result=True)
def dispatch_due() -> dict:
    """Celery beat, every 30 s. Overlapping ticks are harmless: rows are claimed SKIP LOCKED."""
    report = nudge_dispatch_due()
    if report.sent or report.deferred or report.skipped or report.cancelled or report.failed:
        logger.info("dispatch_due: %s", report.summary().replace("\n", ";"))
    return report.as_dict()


@shared_task(acks_late=True, ignore_result=True)
def deliver_batch(message_ids: list[int]) -> None:
    """Fan a tick's batch out to one delivery task per message (each owns its retries).

    Safe to run twice: a message already handed over is skipped by `message_deliver`.
    """
    for message_id in message_ids:
        deliver_message.delay(message_id)
