import pytest

from conversations.models import Message
from conversations.sending import message_deliver, message_queue_outbound
from conversations.services import thread_get_or_create
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
