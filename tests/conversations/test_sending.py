from datetime import timedelta

import pytest
from django.utils import timezone

from conversations.models import Message
from conversations.sending import message_deliver, message_queue_outbound, messages_requeue_stuck
from conversations.services import thread_get_or_create
from tests.conversations.factories import OutboundMessageFactory
from tests.stores.factories import CustomerFactory


@pytest.mark.django_db(transaction=True)
def test_a_queued_message_is_delivered_once_through_the_backend(store, sms_outbox):
    # given
    customer = CustomerFactory(store=store, phone="+14155550100")
    thread = thread_get_or_create(store=store, customer=customer)

    # when
    message = message_queue_outbound(store=store, thread=thread, body="Hi Jamie", route="agent")
    message_deliver(message_id=message.id)  # a retried task must not send again

    # then
    message.refresh_from_db()
    assert [(s.to, s.body) for s in sms_outbox] == [("+14155550100", "Hi Jamie")]
    assert message.status == Message.Status.QUEUED
    assert message.twilio_sid.startswith("SMlocmem")
    assert message.send_attempts.count() == 1


@pytest.mark.django_db
def test_texts_whose_delivery_task_was_lost_are_queued_again_once(store, sms_outbox):
    # given: three outbound texts never delivered — the broker lost their tasks — of different ages
    thread = thread_get_or_create(store=store, customer=CustomerFactory(store=store, phone="+14155550101"))
    now = timezone.now()

    def pending(body: str, *, waited: timedelta, created: timedelta) -> Message:
        message = OutboundMessageFactory(
            store=store, thread=thread, body=body, status=Message.Status.PENDING, twilio_sid=None
        )
        Message.objects.filter(pk=message.pk).update(updated_at=now - waited, created_at=now - created)
        return message

    lost = pending("lost 20 min ago", waited=timedelta(minutes=20), created=timedelta(minutes=20))
    pending("still in its backoff", waited=timedelta(minutes=2), created=timedelta(minutes=2))
    pending("two days old", waited=timedelta(days=2), created=timedelta(days=2))

    # when: the sweeper runs twice
    first = messages_requeue_stuck(now=now)
    second = messages_requeue_stuck(now=now)

    # then: only the lost one went out, and only once
    assert (first, second) == (1, 0)
    assert [sms.body for sms in sms_outbox] == ["lost 20 min ago"]
    lost.refresh_from_db()
    assert lost.status == Message.Status.QUEUED


@pytest.mark.django_db
def test_the_sweepers_waits_are_settings(store, sms_outbox, settings):
    # given: the waits shortened, as the fault proofs run them
    settings.SMS_REQUEUE_PENDING_AFTER = timedelta(seconds=30)
    settings.SMS_STALE_SENDING = timedelta(seconds=10)
    thread = thread_get_or_create(store=store, customer=CustomerFactory(store=store, phone="+14155550102"))
    now = timezone.now()

    def unsettled(body: str, status: str, *, waited: timedelta) -> None:
        message = OutboundMessageFactory(
            store=store, thread=thread, body=body, status=status, twilio_sid=None
        )
        Message.objects.filter(pk=message.pk).update(updated_at=now - waited)

    unsettled("pending a minute", Message.Status.PENDING, waited=timedelta(minutes=1))
    unsettled("pending 20 s", Message.Status.PENDING, waited=timedelta(seconds=20))
    unsettled("sending for 20 s", Message.Status.SENDING, waited=timedelta(seconds=20))
    unsettled("sending for 5 s", Message.Status.SENDING, waited=timedelta(seconds=5))

    # when
    queued = messages_requeue_stuck(now=now)

    # then
    assert queued == 2
    assert sorted(sms.body for sms in sms_outbox) == ["pending a minute", "sending for 20 s"]
