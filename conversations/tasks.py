from celery import shared_task

from cartrecovery.tasks import RETRY_POLICY

from . import sending, services
from .sms import TransientSmsError


@shared_task(autoretry_for=(TransientSmsError,), **RETRY_POLICY)
def deliver_message(message_id: int) -> None:
    sending.message_deliver(message_id=message_id)


@shared_task(acks_late=True)
def return_quiet_threads_to_bot() -> None:
    services.threads_return_quiet_to_bot()


@shared_task(acks_late=True)
def requeue_stuck_messages() -> None:
    sending.messages_requeue_stuck()
