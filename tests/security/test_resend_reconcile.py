"""A text is never sent twice after a worker dies mid-send (issue 11, item 7).

A worker that dies between Twilio accepting a text and recording it leaves the message in `sending` with an
unknown outcome. Before the redelivered task sends again, it asks Twilio through the Messages list (To,
From, DateSent) whether the text already went. Here against the local Twilio-compatible server, with the
real `twilio` library, and with other stores on the same Twilio account texting the same shopper.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from conversations.models import Message
from conversations.sending import message_deliver, message_queue_outbound
from conversations.services import thread_get_or_create
from conversations.sms import OutgoingSms, TransientSmsError, get_backend
from tests.fakes.twilio_server import stall
from tests.stores.factories import CustomerFactory, StoreFactory

pytestmark = pytest.mark.django_db

SHOPPER = "+14155550100"
BODY = "Hi Jamie, your Alpine Down Jacket is still in your cart: https://cartrecovery.test/r/abc"


@pytest.fixture
def message(store):
    """A text queued for the shopper, not delivered yet (delivery is left to each test)."""
    customer = CustomerFactory(store=store, phone=SHOPPER)
    thread = thread_get_or_create(store=store, customer=customer)
    return message_queue_outbound(store=store, thread=thread, body=BODY, route="agent", enqueue=False)


def _sent_through_twilio_then_the_worker_died(message: Message) -> str:
    """What a SIGKILL after the POST leaves behind: Twilio has the text, our row says `sending`."""
    store = message.store
    Message.objects.filter(pk=message.pk).update(
        status=Message.Status.SENDING, attempts=1, updated_at=timezone.now() - timedelta(minutes=5)
    )
    sms = OutgoingSms(
        to=SHOPPER,
        body=message.body,
        from_number=str(store.sms_number or ""),
        messaging_service_sid=store.messaging_service_sid,
    )
    return get_backend().send(sms).sid


def _other_store_texts(to: str, body: str, times: int = 1) -> None:
    """Another store on the platform's Twilio account texts the same shopper."""
    other = StoreFactory(name="Another shop", sms_number="+13035559876")
    for _ in range(times):
        get_backend().send(OutgoingSms(to=to, body=body, from_number=str(other.sms_number)))


def _posts_for(fake_twilio, *, to: str, from_: str) -> int:
    return sum(1 for r in fake_twilio.requests if r.params.get("To") == to and r.params.get("From") == from_)


def test_a_text_sent_before_the_worker_died_is_not_sent_again_though_others_texted_the_shopper_since(
    store, message, fake_twilio
):
    # given the worker died after Twilio took the text, and 25 texts from another store followed it
    sid = _sent_through_twilio_then_the_worker_died(message)
    _other_store_texts(SHOPPER, "Flash sale at Another shop! Reply STOP to opt out.", times=25)

    # when the task is redelivered
    message_deliver(message_id=message.id)

    # then Twilio got our text once, and the row carries its SID
    message.refresh_from_db()
    assert _posts_for(fake_twilio, to=SHOPPER, from_=str(store.sms_number)) == 1
    assert message.twilio_sid == sid
    assert message.status == Message.Status.QUEUED
    assert list(message.send_attempts.values_list("outcome", flat=True)) == ["recovered"]


def test_another_store_s_identical_text_is_not_taken_for_ours(store, message, fake_twilio):
    # given another store on the same account sent the very same words to the shopper, and our worker died
    # after claiming the text but before its POST reached Twilio
    _other_store_texts(SHOPPER, BODY)
    Message.objects.filter(pk=message.pk).update(
        status=Message.Status.SENDING, attempts=1, updated_at=timezone.now() - timedelta(minutes=5)
    )

    # when the task is redelivered
    message_deliver(message_id=message.id)

    # then our text is sent, from our number, once
    message.refresh_from_db()
    assert _posts_for(fake_twilio, to=SHOPPER, from_=str(store.sms_number)) == 1
    ours = [m for m in fake_twilio.messages if m["from"] == str(store.sms_number)]
    assert message.twilio_sid == ours[0]["sid"]
    assert list(message.send_attempts.values_list("outcome", flat=True)) == ["accepted"]


def test_the_lookup_asks_twilio_by_recipient_sender_and_date_sent(store, message, fake_twilio):
    _sent_through_twilio_then_the_worker_died(message)

    message_deliver(message_id=message.id)

    by_date = [q for q in fake_twilio.lists if "DateSent>" in q]
    assert by_date
    assert all(q["To"] == SHOPPER and q["From"] == str(store.sms_number) for q in fake_twilio.lists)
    assert by_date[0]["DateSent>"] <= message.created_at.strftime("%Y-%m-%dT%H:%M:%SZ")


def test_a_text_still_queued_in_a_messaging_service_is_found_though_it_has_no_date_sent(
    store, message, fake_twilio
):
    # given a Messaging Service store whose text waits in Twilio's queue when the worker dies
    store.messaging_service_sid = "MG" + "1" * 32
    store.save(update_fields=["messaging_service_sid"])
    message.store.messaging_service_sid = store.messaging_service_sid
    fake_twilio.hold_service_messages()
    sid = _sent_through_twilio_then_the_worker_died(message)

    # when the task is redelivered
    message_deliver(message_id=message.id)

    # then it is recognised, not sent again
    message.refresh_from_db()
    assert len(fake_twilio.requests) == 1
    assert message.twilio_sid == sid


def test_a_timed_out_send_among_many_texts_to_the_shopper_is_reconciled(store, message, fake_twilio):
    # given Twilio took the text but answered after the client gave up, and other texts followed
    fake_twilio.plan(stall(1.5))
    with pytest.raises(TransientSmsError):
        message_deliver(message_id=message.id)
    _other_store_texts(SHOPPER, "Your order has shipped.", times=30)

    # when the retry runs
    message_deliver(message_id=message.id)

    # then one text from us
    message.refresh_from_db()
    assert _posts_for(fake_twilio, to=SHOPPER, from_=str(store.sms_number)) == 1
    outcomes = list(message.send_attempts.order_by("id").values_list("outcome", flat=True))
    assert outcomes == ["unknown", "recovered"]


def test_a_worker_that_died_before_reaching_twilio_sends_the_text_once(store, message, fake_twilio):
    Message.objects.filter(pk=message.pk).update(
        status=Message.Status.SENDING, attempts=1, updated_at=timezone.now() - timedelta(minutes=5)
    )

    message_deliver(message_id=message.id)
    message_deliver(message_id=message.id)

    message.refresh_from_db()
    assert len(fake_twilio.requests) == 1
    assert message.status == Message.Status.QUEUED
