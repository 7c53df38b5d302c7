from celery import shared_task

from cartrecovery.tasks import RETRY_POLICY

from . import sending, services
from .sms import TransientSmsError


@shared_task(autoretry_for=(TransientSmsError,), **RETRY_POLICY)
def deliver_message(message_id: int) -> None:
    sending.message_deliver(message_id=message_id)


# Texts a delivery task takes of a list (a tick's batch of up to 500, a webhook batch's replies): the rest
# go to tasks of their own, so a long list is sent by every free worker process at once.
DELIVER_TASK_TEXTS = 100


@shared_task(acks_late=True, ignore_result=True)
def deliver_messages(message_ids: list[int], per_task: int = DELIVER_TASK_TEXTS) -> None:
    """Deliver many texts in chunks (`messages_deliver`: one durable claim per chunk, not per text): a
    dispatcher tick's batch, or the replies a batch of webhook deliveries queued (`per_task`: the texts
    this task delivers; the rest go to tasks of as many each).

    A text that meets a transient error goes to its own `deliver_message` task, which owns its retries.
    Safe to run twice: a message already handed over is skipped. Should this worker die mid-list, the
    task comes back (acks late) and the texts it left `sending` are taken over once stale.
    """
    per_task = max(per_task, 1)
    for start in range(per_task, len(message_ids), per_task):
        deliver_messages.delay(message_ids[start : start + per_task], per_task=per_task)
    sending.messages_deliver(message_ids=message_ids[:per_task])


@shared_task(acks_late=True)
def return_quiet_threads_to_bot() -> None:
    services.threads_return_quiet_to_bot()


@shared_task(acks_late=True)
def requeue_stuck_messages() -> None:
    sending.messages_requeue_stuck()
