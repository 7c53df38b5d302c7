"""Issue 11, item 2: test texts are not a free SMS gateway.

An attacker with a store (any manager role) posts the Setup page's "Send yourself a test" again and again,
to strangers, to people who said STOP, to people already texted to the cap.
"""

import logging
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from conversations.models import Message
from stores.models import Role, SmsStatus
from tests.conversations.factories import OutboundMessageFactory, ThreadFactory
from tests.flows.factories import FlowFactory
from tests.security.conftest import login_as
from tests.stores.factories import CustomerFactory


def _send(client, store, phone: str):
    return client.post(reverse("dashboard:setup_test", kwargs={"store_id": store.id}), {"phone": phone})


def _numbers(n: int) -> list[str]:
    return [f"+1415555{2000 + i:04d}" for i in range(n)]


@pytest.mark.parametrize("role", [Role.OWNER, Role.ADMIN])
def test_a_store_sends_at_most_five_test_texts_an_hour(
    attacker_store, role, sms_outbox, django_capture_on_commit_callbacks
):
    client = login_as(attacker_store, role)

    with django_capture_on_commit_callbacks(execute=True):
        answers = [_send(client, attacker_store, number).status_code for number in _numbers(7)]

    assert answers == [302] * 5 + [400] * 2
    assert len(sms_outbox) == 5
    assert Message.objects.filter(store=attacker_store, route="test").count() == 5


def test_the_limit_is_the_stores_not_the_persons(attacker_store):
    owner, admin = login_as(attacker_store, Role.OWNER), login_as(attacker_store, Role.ADMIN)
    for number in _numbers(5):
        assert _send(owner, attacker_store, number).status_code == 302

    response = _send(admin, attacker_store, "+14155553000")

    assert response.status_code == 400
    assert "5 test texts in the last hour" in response.content.decode()


def test_the_limit_is_shown_on_the_page_and_counts_down(attacker_store):
    client = login_as(attacker_store, Role.OWNER)
    for number in _numbers(2):
        _send(client, attacker_store, number)

    page = client.get(reverse("dashboard:setup", kwargs={"store_id": attacker_store.id})).content.decode()

    assert "At most 5 test texts an hour" in page
    assert "3 left this hour" in page


def test_one_stores_test_texts_do_not_spend_anothers(attacker_store, victim_store):
    for number in _numbers(5):
        _send(login_as(attacker_store, Role.OWNER), attacker_store, number)

    response = _send(login_as(victim_store, Role.OWNER), victim_store, "+14155553001")

    assert response.status_code == 302


def test_an_hour_later_test_texts_are_allowed_again(attacker_store):
    client = login_as(attacker_store, Role.OWNER)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for number in _numbers(5):
            _send(client, attacker_store, number)
        assert _send(client, attacker_store, "+14155553002").status_code == 400

    with time_machine.travel(start + timedelta(minutes=61), tick=False):
        assert _send(client, attacker_store, "+14155553002").status_code == 302


def test_never_to_a_number_that_opted_out(attacker_store, sms_outbox, django_capture_on_commit_callbacks):
    CustomerFactory(store=attacker_store, phone="+14155553003", sms_status=SmsStatus.UNSUBSCRIBED)
    client = login_as(attacker_store, Role.OWNER)

    with django_capture_on_commit_callbacks(execute=True):
        response = _send(client, attacker_store, "(415) 555-3003")

    assert response.status_code == 400
    assert "opted out" in response.content.decode()
    assert list(sms_outbox) == []


def test_never_to_a_number_twilio_says_cannot_take_texts(attacker_store, sms_outbox):
    CustomerFactory(
        store=attacker_store, phone="+14155553004", phone_unreachable_reason="landline (Twilio 30006)"
    )

    response = _send(login_as(attacker_store, Role.OWNER), attacker_store, "+14155553004")

    assert response.status_code == 400
    assert "number unreachable" in response.content.decode()
    assert not Message.objects.filter(store=attacker_store, route="test").exists()


def test_never_to_a_number_already_texted_to_the_frequency_cap(attacker_store, sms_outbox):
    # given a number the store already texted as often as its flow allows in a day
    FlowFactory(store=attacker_store, frequency_cap=2)
    shopper = CustomerFactory(store=attacker_store, phone="+14155553005")
    thread = ThreadFactory(store=attacker_store, customer=shopper)
    OutboundMessageFactory.create_batch(2, store=attacker_store, thread=thread)

    response = _send(login_as(attacker_store, Role.OWNER), attacker_store, "+14155553005")

    assert response.status_code == 400
    assert "frequency cap (2 per 24 h)" in response.content.decode()
    assert not Message.objects.filter(store=attacker_store, route="test").exists()


def test_a_florida_number_is_capped_at_three_whatever_the_flow_says(attacker_store):
    FlowFactory(store=attacker_store, frequency_cap=10)
    shopper = CustomerFactory(store=attacker_store, phone="+13055553006")  # 305: Miami
    thread = ThreadFactory(store=attacker_store, customer=shopper)
    OutboundMessageFactory.create_batch(3, store=attacker_store, thread=thread)

    response = _send(login_as(attacker_store, Role.OWNER), attacker_store, "+13055553006")

    assert response.status_code == 400
    assert "frequency cap (3 per 24 h)" in response.content.decode()


def test_each_test_text_records_who_sent_it(attacker_store, caplog):
    client = login_as(attacker_store, Role.ADMIN)
    sender = client.session["_auth_user_id"]

    with caplog.at_level(logging.INFO, logger="flows.merchant_texts"):
        assert _send(client, attacker_store, "+14155553007").status_code == 302

    message = Message.objects.get(store=attacker_store, route="test")
    assert str(message.sent_by_id) == sender
    assert f"by user {sender}" in caplog.text
    assert "+14155553007" not in caplog.text  # masked in the log


def test_an_agent_cannot_send_test_texts(attacker_store, sms_outbox):
    response = _send(login_as(attacker_store, Role.AGENT), attacker_store, "+14155553008")

    assert response.status_code == 403
    assert not Message.objects.filter(route="test").exists()


def test_nobody_sends_test_texts_from_another_store(attacker_store, victim_store, attacker_role):
    response = _send(login_as(attacker_store, attacker_role), victim_store, "+14155553009")

    assert response.status_code == 404
    assert not Message.objects.filter(route="test").exists()
