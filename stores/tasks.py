from celery import shared_task
from django.db import DatabaseError

from . import handlers, services


@shared_task(
    acks_late=True,
    autoretry_for=(DatabaseError,),
    retry_backoff=5,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=8,
)
def process_webhook_event(event_id: int) -> None:
    handlers.webhook_event_process(event_id=event_id)


@shared_task(acks_late=True)
def requeue_stale_webhook_events() -> int:
    return services.webhook_events_requeue_stale()
