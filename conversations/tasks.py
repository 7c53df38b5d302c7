from celery import shared_task

from . import sending, services
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


@shared_task(acks_late=True)
def return_quiet_threads_to_bot() -> None:
    services.threads_return_quiet_to_bot()


@shared_task(acks_late=True)
def requeue_stuck_messages() -> None:
    sending.messages_requeue_stuck()
