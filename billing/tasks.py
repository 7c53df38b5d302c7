from celery import shared_task

from . import invoices


@shared_task(acks_late=True)
def invoices_issue_due() -> int:
    """Hourly: each store's month is closed at its own midnight; the unique period makes reruns no-ops."""
    return len(invoices.invoices_issue_due())
