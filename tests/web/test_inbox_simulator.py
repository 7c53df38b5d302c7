from datetime import UTC, datetime

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse

from conversations.models import Message, Thread
from flows.dispatcher import nudge_dispatch_due
from flows.models import Nudge
from stores.models import Cart, SmsStatus, WebhookEvent
from tests.flows.factories import FlowFactory, StepFactory
from tests.stores.factories import CustomerFactory

PHONE = "+14155550123"


def simulator_url(store, name="inbox:simulator"):
    return reverse(name, kwargs={"store_id": store.id})


def shopper_texts(client, store, body, number=PHONE):
    return client.post(
        simulator_url(store, "inbox:simulator_send"), {"number": number, "body": body}, follow=True
    )


@pytest.fixture
def shopper(store):
    FlowFactory(store=store, holding_reply="Hang tight, {first_name}: a teammate is on it.")
    return CustomerFactory(store=store, phone=PHONE, first_name="Maya", sms_status=SmsStatus.SUBSCRIBED)


@pytest.mark.django_db(transaction=True)
def test_a_simulated_text_goes_through_the_router_into_the_inbox(owner_client, store, shopper, sms_outbox):
    # when the shopper asks for a person from the simulated phone
    page = shopper_texts(owner_client, store, "can I talk to someone").content.decode()

    # then the router escalated the thread and the holding reply is on the phone's screen
    thread = Thread.objects.get(store=store, customer=shopper)
    assert thread.status == Thread.Status.ESCALATED
    assert [m.direction for m in Message.objects.filter(thread=thread)] == ["in", "out"]
    assert "can I talk to someone" in page
    assert "Hang tight, Maya: a teammate is on it." in page
    assert sms_outbox[0].to == PHONE
    inbox = owner_client.get(reverse("inbox:list", kwargs={"store_id": store.id}))
    assert [t.id for t in inbox.context["page"].threads] == [thread.id]


@pytest.mark.django_db(transaction=True)
def test_stop_from_the_simulator_opts_the_shopper_out(owner_client, store, shopper):
    shopper_texts(owner_client, store, "STOP")

    shopper.refresh_from_db()
    assert shopper.sms_status == SmsStatus.UNSUBSCRIBED


def test_a_number_that_cannot_text_is_refused(owner_client, store):
    page = shopper_texts(owner_client, store, "hello", number="12").content.decode()

    assert "Pick a test number first" in page
    assert not Message.objects.exists()


def test_the_screen_polls_cheaply(owner_client, store, shopper):
    page = owner_client.get(simulator_url(store) + f"?number={PHONE}")
    poll_url = page.context["screen_poll_url"]

    assert owner_client.get(poll_url).status_code == 204


WEDNESDAY_NOON_NY = datetime(2026, 3, 4, 17, 0, tzinfo=UTC)


@pytest.mark.django_db(transaction=True)
def test_a_cart_left_from_the_simulator_gets_its_first_text_at_the_next_tick(owner_client, store, sms_outbox):
    # given a flow whose first text goes out 45 minutes after the cart goes quiet
    StepFactory(flow=FlowFactory(store=store), delay_minutes=45)

    with time_machine.travel(WEDNESDAY_NOON_NY, tick=False):
        # when the owner leaves a cart as the test shopper
        page = owner_client.post(simulator_url(store, "inbox:simulator_cart"), {"number": PHONE}, follow=True)

        # then it arrived as a shop's cart webhook, and the scheduler's next tick texts the shopper
        event = WebhookEvent.objects.get(store=store)
        assert (event.source, event.topic, event.status) == ("generic", "cart.updated", "processed")
        cart = Cart.objects.get(store=store)
        assert str(cart.customer.phone) == PHONE
        assert Nudge.objects.get(cart=cart).due_at <= WEDNESDAY_NOON_NY
        assert "Cart left" in page.content.decode()
        nudge_dispatch_due()

    assert [text.to for text in sms_outbox] == [PHONE]
    assert sms_outbox[0].body.startswith("Hi Jamie, it's ")
    assert "Alpine Down Jacket" in sms_outbox[0].body


def test_a_cart_needs_a_test_number_and_a_flow(owner_client, store):
    no_number = owner_client.post(simulator_url(store, "inbox:simulator_cart"), {"number": "12"}, follow=True)
    no_flow = owner_client.post(simulator_url(store, "inbox:simulator_cart"), {"number": PHONE}, follow=True)

    assert "Pick a test number first" in no_number.content.decode()
    assert "Turn on a flow with at least one text first" in no_flow.content.decode()
    assert not WebhookEvent.objects.exists()


@override_settings(SMS_BACKEND="twilio")
def test_a_store_on_real_twilio_has_no_simulator(owner_client, store):
    page = owner_client.get(simulator_url(store))
    sent = owner_client.post(simulator_url(store, "inbox:simulator_send"), {"number": PHONE, "body": "hi"})
    cart = owner_client.post(simulator_url(store, "inbox:simulator_cart"), {"number": PHONE})

    assert "Not available for this store" in page.content.decode()
    assert sent.status_code == 404
    assert cart.status_code == 404
    assert not WebhookEvent.objects.exists()
    assert not Message.objects.exists()


def test_another_stores_simulator_is_not_found(owner_client, other_store):
    assert owner_client.get(simulator_url(other_store)).status_code == 404
    sent = owner_client.post(
        simulator_url(other_store, "inbox:simulator_send"), {"number": PHONE, "body": "hi"}
    )
    assert sent.status_code == 404
