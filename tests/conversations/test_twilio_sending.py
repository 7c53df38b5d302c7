"""The real `twilio` library against a local Twilio-compatible server (TWILIO_API_BASE_URL)."""

import logging
from datetime import timedelta

import pytest
import requests
from django.utils import timezone

from conversations.models import Message
from conversations.sending import message_deliver, message_queue_outbound
from conversations.services import thread_get_or_create
from conversations.sms import OutgoingSms, TransientSmsError
from conversations.sms import twilio as twilio_backend
from conversations.tasks import deliver_message
from flows.models import Nudge
from flows.services import flow_seed_default, nudges_schedule_for_cart
from stores.models import ConsentEvent, SmsStatus
from tests.fakes.twilio_server import error, stall
from tests.stores.factories import CartFactory, CartItemFactory, CustomerFactory


@pytest.fixture
def customer(store):
    return CustomerFactory(store=store, phone="+14155550100")


def _queue(store, customer, body="Hi Jamie") -> Message:
    thread = thread_get_or_create(store=store, customer=customer)
    return message_queue_outbound(store=store, thread=thread, body=body, route="agent")


@pytest.mark.django_db(transaction=True)
def test_a_text_goes_to_twilio_with_the_sender_and_status_callback(store, customer, fake_twilio):
    # when
    message = _queue(store, customer, body="Hi Jamie, your cart is waiting: https://x.test/r/abc")

    # then
    message.refresh_from_db()
    (request,) = fake_twilio.requests
    assert request.params == {
        "To": "+14155550100",
        "From": str(store.sms_number),
        "Body": "Hi Jamie, your cart is waiting: https://x.test/r/abc",
        "StatusCallback": f"https://cartrecovery.test/webhooks/twilio/status/?m={message.id}",
    }
    assert request.account == "AC" + "0" * 32
    assert message.twilio_sid == fake_twilio.messages[0]["sid"]
    assert (message.status, message.segments, message.attempts) == (Message.Status.QUEUED, 1, 1)
    assert list(message.send_attempts.values_list("outcome", flat=True)) == ["accepted"]


@pytest.mark.django_db(transaction=True)
def test_a_messaging_service_replaces_the_from_number(store, customer, fake_twilio):
    store.messaging_service_sid = "MG" + "1" * 32
    store.save()

    _queue(store, customer)

    params = fake_twilio.requests[0].params
    assert params["MessagingServiceSid"] == "MG" + "1" * 32
    assert "From" not in params


@pytest.mark.django_db(transaction=True)
def test_21610_unsubscribes_the_number_for_good(store, customer, fake_twilio):
    # given a shopper with a pending nudge, who texted STOP to Twilio directly
    flow_seed_default(store=store)
    cart = CartFactory(store=store, customer=customer)
    CartItemFactory(cart=cart)
    nudges_schedule_for_cart(store=store, cart=cart)
    fake_twilio.plan(error(21610, message="Attempt to send to unsubscribed recipient"))

    # when
    message = _queue(store, customer)

    # then: no retry, consent revoked by the carrier, nothing more scheduled
    message.refresh_from_db()
    customer.refresh_from_db()
    assert len(fake_twilio.requests) == 1
    assert (message.status, message.error_code) == (Message.Status.FAILED, "21610")
    assert customer.sms_status == SmsStatus.UNSUBSCRIBED
    assert ConsentEvent.objects.get(customer=customer).source == "carrier"
    assert set(Nudge.objects.filter(cart=cart).values_list("state", flat=True)) == {"cancelled"}
    assert list(message.send_attempts.values_list("outcome", "error_code")) == [("failed", "21610")]


@pytest.mark.django_db(transaction=True)
def test_an_invalid_number_is_never_texted_again(store, customer, fake_twilio):
    fake_twilio.plan(error(21211))

    message = _queue(store, customer)

    message.refresh_from_db()
    customer.refresh_from_db()
    assert len(fake_twilio.requests) == 1
    assert message.status == Message.Status.FAILED
    assert "Twilio 21211" in customer.phone_unreachable_reason
    assert customer.unreachable_until is None
    assert not customer.can_be_texted


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("code", [21614, 30003, 30005, 30006])
def test_a_number_that_fails_two_sends_rests_for_90_days(store, customer, fake_twilio, code):
    # given two sends that meet an "unreachable" error
    fake_twilio.plan(error(code), error(code))

    # when the first fails, the number is still textable; when the second fails, it rests
    _queue(store, customer, body="first")
    customer.refresh_from_db()
    after_one = (customer.phone_unreachable_reason, customer.can_be_texted)
    before = timezone.now()
    _queue(store, customer, body="second")

    # then
    customer.refresh_from_db()
    assert after_one == ("", True)
    assert f"Twilio {code}" in customer.phone_unreachable_reason
    assert customer.phone_unreachable_reason.endswith("on 2 sends")
    assert before + timedelta(days=90) <= customer.unreachable_until <= timezone.now() + timedelta(days=90)
    assert not customer.can_be_texted
    assert customer.unreachable_reason(now=customer.unreachable_until + timedelta(seconds=1)) == ""


@pytest.mark.django_db
@pytest.mark.parametrize(
    "failures",
    [
        [error(20429, status=429)],
        [error(20500, status=500), error(20503, status=503)],
    ],
)
def test_throttling_and_server_errors_are_retried_and_each_attempt_recorded(
    store, customer, fake_twilio, failures
):
    # given
    fake_twilio.plan(*failures)
    message = _queue(store, customer)

    # when the task fails, is retried (its autoretry) and runs again
    for _ in failures:
        with pytest.raises(TransientSmsError):
            message_deliver(message_id=message.id)
    message_deliver(message_id=message.id)

    # then
    message.refresh_from_db()
    assert len(fake_twilio.requests) == len(failures) + 1
    assert len(fake_twilio.messages) == 1
    assert message.status == Message.Status.QUEUED
    assert message.attempts == len(failures) + 1
    outcomes = list(message.send_attempts.order_by("id").values_list("outcome", flat=True))
    assert outcomes == ["retry"] * len(failures) + ["accepted"]


def test_the_delivery_task_backs_off_exponentially_on_transient_errors_only():
    assert deliver_message.autoretry_for == (TransientSmsError,)
    assert deliver_message.retry_backoff
    assert deliver_message.acks_late


@pytest.mark.django_db
def test_a_timed_out_send_is_checked_with_twilio_before_any_resend(store, customer, fake_twilio):
    # given Twilio accepts the text but answers after the client gave up
    fake_twilio.plan(stall(1.5))
    message = _queue(store, customer)

    # when the worker tries, times out, and its retry runs
    with pytest.raises(TransientSmsError):
        message_deliver(message_id=message.id)
    message_deliver(message_id=message.id)

    # then one POST, one text, and the message carries Twilio's SID
    message.refresh_from_db()
    assert len(fake_twilio.requests) == 1
    assert message.twilio_sid == fake_twilio.messages[0]["sid"]
    outcomes = list(message.send_attempts.order_by("id").values_list("outcome", flat=True))
    assert outcomes == ["unknown", "recovered"]


@pytest.mark.django_db
def test_a_message_left_sending_by_a_dead_worker_is_reconciled_not_resent(store, customer, sms_outbox):
    # given a worker sent the text and died before recording it
    message = _queue(store, customer)
    message_deliver(message_id=message.id)
    Message.objects.filter(pk=message.pk).update(
        status=Message.Status.SENDING, twilio_sid=None, updated_at=timezone.now() - timedelta(minutes=5)
    )

    # when the task is redelivered
    message_deliver(message_id=message.id)

    # then
    message.refresh_from_db()
    assert len(sms_outbox) == 1
    assert message.twilio_sid is not None
    assert message.status == Message.Status.QUEUED


@pytest.mark.django_db
def test_a_message_another_worker_is_sending_right_now_is_left_alone(store, customer, sms_outbox):
    message = _queue(store, customer)
    Message.objects.filter(pk=message.pk).update(status=Message.Status.SENDING, updated_at=timezone.now())

    with pytest.raises(TransientSmsError, match="Another worker"):
        message_deliver(message_id=message.id)

    assert sms_outbox == []


def test_the_environments_proxy_settings_are_read_once_per_host_as_requests_reads_them(monkeypatch):
    # given: a worker started with a proxy for HTTPS and none for one host
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    monkeypatch.setenv("NO_PROXY", "bypassed.example")
    session = twilio_backend._Session()
    api, bypassed = "https://api.twilio.com/2010-04-01/Messages.json", "https://bypassed.example/x"
    expected = {
        url: requests.Session().merge_environment_settings(url, {}, None, None, None)
        for url in (api, bypassed)
    }

    # when: read, then read again after the environment changed
    first = {url: session.merge_environment_settings(url, {}, None, None, None) for url in (api, bypassed)}
    monkeypatch.setenv("HTTPS_PROXY", "http://another.example:3128")
    again = session.merge_environment_settings(api + "?Page=2", {}, None, None, None)

    # then: what requests itself gives, per host, read once
    assert first == expected
    assert first[api]["proxies"]["https"] == "http://proxy.example:3128"
    assert "https" not in first[bypassed]["proxies"]
    assert again == first[api]


@pytest.mark.django_db(transaction=True)
def test_the_twilio_library_logs_no_line_per_request(store, customer, fake_twilio, caplog):
    # given: the project's logging, at INFO
    caplog.set_level(logging.INFO)

    # when: a text is sent, and Twilio is asked for it (a list filtered by the shopper's number)
    message = _queue(store, customer)
    sms = OutgoingSms(to="+14155550100", body=message.body, from_number=str(store.sms_number))
    found = twilio_backend.TwilioBackend().find_sent(sms, since=timezone.now() - timedelta(minutes=1))

    # then
    assert found is not None
    assert [r.getMessage() for r in caplog.records if r.name.startswith("twilio")] == []
