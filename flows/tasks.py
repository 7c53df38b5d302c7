import logging

from celery import shared_task

from .dispatcher import nudge_dispatch_due

logger = logging.getLogger("cartrecovery.flows")


@shared_task(ignore_result=True)
def dispatch_due() -> dict:
    """Celery beat, every 30 s. Overlapping ticks are harmless: rows are claimed SKIP LOCKED."""
    report = nudge_dispatch_due()
    if report.sent or report.deferred or report.skipped or report.cancelled or report.failed:
        logger.info("dispatch_due: %s", report.summary().replace("\n", ";"))
    return report.as_dict()
