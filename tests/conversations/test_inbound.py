"""What a shopper's text does: consent, nudges, thread state, the one reply."""

import threading
from datetime import timedelta

import pytest
from django.db import connection

from conversations.models import Message, Thread
from conversations.rules import keyword_rules_seed_default
from conversations.services import inbound_receive, thread_assign, thread_escalate
from flows.models import Nudge
from stores.models import ConsentEvent, SmsStatus
from tests.conversations.factories import KeywordRuleFactory
from tests.flows.factories import FlowFactory, NudgeFactory
from tests.stores.factories import CartFactory, CartItemFactory, CustomerFactory, MembershipFactory

PHONE = "+14155550123"


def _text(store, body, *, sid=None, phone=PHONE, **kwargs):
    return inbound_receive(store=store, from_phone=phone, body=body, sid=sid, **kwargs)


@pytest.fixture
def shopper(store):
    customer = CustomerFactory(store=store, phone=PHONE, first_name="Maya", sms_status=SmsStatus.SUBSCRIBED)
    cart = CartFactory(store=store, customer=customer, checkout_url="https://shop.example/c/1")
    CartItemFactory(cart=cart, title="Alpine Down Jacket")
    return customer


@pytest.mark.django_db
def test_stop_before_the_first_nudge_means_no_nudge_ever(
    store, shopper, sms_outbox, django_capture_on_commit_callbacks
):
    # given
    nudge = NudgeFactory(step__flow__store=store, cart=shopper.carts.get())

    # when
    with django_capture_on_commit_callbacks(execute=True):
        result = _text(store, "STOP", sid="SM" + "1" * 32)

    # then
    nudge.refresh_from_db()
    shopper.refresh_from_db()
    assert nudge.state == Nudge.State.CANCELLED
    assert shopper.sms_status == SmsStatus.UNSUBSCRIBED
    assert not shopper.can_be_texted
    event = ConsentEvent.objects.get(customer=shopper, kind="revoked")
    assert (event.source, event.text_shown) == ("keyword", "STOP")
    assert result.decision.compliance == "opt_out"
    assert len(sms_outbox) == 1
    assert "unsubscribed" in sms_outbox[0].body


@pytest.mark.django_db
def test_a_disputed_number_stops_the_texts_and_shows_a_person_the_question(
    store, shopper, sms_outbox, django_capture_on_commit_callbacks
):
    # given a scheduled reminder
    nudge = NudgeFactory(step__flow__store=store, cart=shopper.carts.get())

    # when the shopper disputes the number and asks a person to explain
    with django_capture_on_commit_callbacks(execute=True):
        result = _text(store, "who gave you this number?? I want an explanation from someone, now")

    # then the texts stop (one confirmation, nothing else) and the thread waits for a person
    nudge.refresh_from_db()
    shopper.refresh_from_db()
    thread = Thread.objects.get(customer=shopper)
    assert result.decision.compliance == "opt_out"
    assert shopper.sms_status == SmsStatus.UNSUBSCRIBED
    assert nudge.state == Nudge.State.CANCELLED
    assert thread.status == Thread.Status.ESCALATED
    assert "asked for a person" in thread.escalation_reason
    assert len(sms_outbox) == 1
    assert "unsubscribed" in sms_outbox[0].body


@pytest.mark.django_db
def test_after_stop_the_store_stays_silent_until_start(
    store, shopper, sms_outbox, django_capture_on_commit_callbacks
):
    # given
    keyword_rules_seed_default(store=store)
    with django_capture_on_commit_callbacks(execute=True):
        _text(store, "stop texting me")

    # when
    with django_capture_on_commit_callbacks(execute=True):
        _text(store, "STOP")
        _text(store, "shipping?")
        _text(store, "HELP")
        _text(store, "can I talk to someone")

    # then
    assert len(sms_outbox) == 1  # the one confirmation
    assert Thread.objects.get(customer=shopper).status == Thread.Status.BOT

    with django_capture_on_commit_callbacks(execute=True):
        _text(store, "START")
    shopper.refresh_from_db()
    assert shopper.sms_status == SmsStatus.SUBSCRIBED
    assert "subscribed again" in sms_outbox[-1].body


@pytest.mark.django_db
def test_twilio_advanced_opt_out_unsubscribes_without_a_second_confirmation(
    store, shopper, sms_outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _text(store, "Arrêt", opt_out_type="STOP")

    shopper.refresh_from_db()
    assert shopper.sms_status == SmsStatus.UNSUBSCRIBED
    assert sms_outbox == []


@pytest.mark.django_db
def test_help_answers_with_contact_and_opt_out_instructions(
    store, shopper, sms_outbox, django_capture_on_commit_callbacks
):
    store.help_text = ""
    store.contact_email = "help@shop.example"
    store.save()

    with django_capture_on_commit_callbacks(execute=True):
        _text(store, "HELP")

    assert "help@shop.example" in sms_outbox[0].body
    assert "STOP" in sms_outbox[0].body


@pytest.mark.django_db
def test_a_rule_answers_with_the_carts_context(
    store, shopper, sms_outbox, django_capture_on_commit_callbacks
):
    # given
    rule = KeywordRuleFactory(store=store, keywords=["shipping"], reply="{first_name}, {product}: {link}")

    # when
    with django_capture_on_commit_callbacks(execute=True):
        result = _text(store, "how much is shiping?? 🚚")

    # then
    assert result.decision.rule == rule
    assert sms_outbox[0].body == "Maya, Alpine Down Jacket: https://shop.example/c/1"
    reply = Message.objects.get(direction="out")
    assert (reply.route, reply.rule) == ("rule", rule)
    assert result.message.rule == rule


@pytest.mark.django_db
def test_a_rule_fires_once_a_day_then_a_repeat_goes_to_a_person(
    store, shopper, sms_outbox, django_capture_on_commit_callbacks
):
    KeywordRuleFactory(store=store, keywords=["shipping"], reply="Ships free.")

    with django_capture_on_commit_callbacks(execute=True):
        _text(store, "shipping?")
        second = _text(store, "but how much is SHIPPING")

    assert second.decision.step == "escalation"
    assert sms_outbox[0].body == "Ships free."
    assert "teammate" in sms_outbox[1].body
    assert Thread.objects.get(customer=shopper).status == Thread.Status.ESCALATED


@pytest.mark.django_db
def test_asking_for_a_person_escalates_with_the_holding_reply(
    store, shopper, sms_outbox, django_capture_on_commit_callbacks
):
    FlowFactory(store=store, holding_reply="Hang tight, {first_name}: a teammate from {store} is on it.")

    with django_capture_on_commit_callbacks(execute=True):
        _text(store, "can I talk to someone")

    thread = Thread.objects.get(customer=shopper)
    assert thread.status == Thread.Status.ESCALATED
    assert "asked for a person" in thread.escalation_reason
    assert sms_outbox[0].body == f"Hang tight, Maya: a teammate from {store.name} is on it."


@pytest.mark.django_db
def test_the_bot_stays_silent_while_a_person_holds_the_thread(
    store, shopper, sms_outbox, django_capture_on_commit_callbacks
):
    # given
    KeywordRuleFactory(store=store, keywords=["shipping"])
    agent = MembershipFactory(store=store, role="agent").user
    with django_capture_on_commit_callbacks(execute=True):
        _text(store, "can I talk to someone")
    thread = Thread.objects.get(customer=shopper)
    thread_assign(store=store, thread=thread, assignee=agent)
    sent_before = len(sms_outbox)

    # when
    with django_capture_on_commit_callbacks(execute=True):
        result = _text(store, "also, shipping?")

    # then
    thread.refresh_from_db()
    assert result.decision.step == "human"
    assert len(sms_outbox) == sent_before
    assert (thread.status, thread.assignee, thread.human_inbound_count) == (Thread.Status.ASSIGNED, agent, 2)
    assert thread.last_inbound_at is not None


@pytest.mark.django_db
def test_the_fallback_replies_and_hands_over(store, shopper, sms_outbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = _text(store, "does the jacket have a hood")

    assert result.decision.step == "fallback"
    assert Thread.objects.get(customer=shopper).status == Thread.Status.ESCALATED
    assert "passed this to our team" in sms_outbox[0].body


@pytest.mark.django_db
def test_a_resolved_thread_goes_back_through_the_bot(
    store, shopper, sms_outbox, django_capture_on_commit_callbacks
):
    KeywordRuleFactory(store=store, keywords=["shipping"], reply="Ships free.")
    thread = Thread.objects.create(store=store, customer=shopper, status=Thread.Status.RESOLVED)

    with django_capture_on_commit_callbacks(execute=True):
        _text(store, "shipping?")

    thread.refresh_from_db()
    assert thread.status == Thread.Status.BOT
    assert sms_outbox[0].body == "Ships free."


@pytest.mark.django_db
def test_a_stranger_gets_a_customer_without_consent_and_an_answer(
    store, sms_outbox, django_capture_on_commit_callbacks
):
    KeywordRuleFactory(store=store, keywords=["shipping"], reply="Hi {first_name}, ships free.")

    with django_capture_on_commit_callbacks(execute=True):
        result = _text(store, "shipping?", phone="+447700900123", from_country="GB")

    customer = result.message.thread.customer
    assert (str(customer.phone), customer.sms_status, customer.country) == ("+447700900123", "none", "GB")
    assert sms_outbox[0].body == "Hi there, ships free."


@pytest.mark.django_db
def test_an_ack_gets_no_reply_and_bothers_nobody(
    store, shopper, sms_outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _text(store, "ok thanks 👍")

    thread = Thread.objects.get(customer=shopper)
    assert sms_outbox == []
    assert (thread.status, thread.human_inbound_count) == (Thread.Status.BOT, 0)


@pytest.mark.django_db
def test_the_same_sid_twice_has_one_effect(store, shopper, sms_outbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = _text(store, "STOP", sid="SM" + "2" * 32)
        again = _text(store, "STOP", sid="SM" + "2" * 32)

    assert (first.created, again.created) == (True, False)
    assert again.message == first.message
    assert ConsentEvent.objects.filter(customer=shopper).count() == 1
    assert len(sms_outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_deliveries_of_one_sid_have_one_effect(store, shopper, sms_outbox):
    # given
    sid = "SM" + "3" * 32
    barrier = threading.Barrier(2)
    results = []

    def deliver():
        try:
            barrier.wait(timeout=5)
            results.append(_text(store, "shipping?", sid=sid))
        finally:
            connection.close()

    # when
    workers = [threading.Thread(target=deliver) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=20)

    # then
    assert sorted(r.created for r in results) == [False, True]
    assert Message.objects.filter(direction="in").count() == 1
    assert Message.objects.filter(direction="out").count() == 1


@pytest.mark.django_db
def test_an_escalated_thread_keeps_its_assignee_when_escalated_again(store, shopper):
    agent = MembershipFactory(store=store, role="agent").user
    thread = Thread.objects.create(store=store, customer=shopper)
    thread_assign(store=store, thread=thread, assignee=agent)

    thread_escalate(store=store, thread=thread, reason="asked again")

    assert (thread.status, thread.assignee) == (Thread.Status.ASSIGNED, agent)


@pytest.mark.django_db
def test_an_old_inbound_time_is_kept(store, shopper):
    from django.utils import timezone

    at = timezone.now() - timedelta(minutes=3)
    _text(store, "hola", received_at=at)

    assert Thread.objects.get(customer=shopper).last_inbound_at == at
