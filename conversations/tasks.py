from celery import shared_task

from . import sending
from .sms import TransientSmsError


@shared_task(
    acks_late=True,
    autoretry_for=(TransientSmsError,),
    retry_backoff=5,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=8,
)
def deliver_message(message_id: int) -> None:
    sending.message_deliver(message_id=message_id)
