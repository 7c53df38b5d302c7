"""Every automated cart text says how to stop, in its own language, on every path that sends one."""

import uuid
from datetime import timedelta

import pytest

from conversations.models import Message
from flows import defaults
from flows.dispatcher import nudge_dispatch_due
from flows.models import Nudge
from flows.rendering import render_step
from flows.services import flow_seed_default, nudges_schedule_for_cart
from tests.conversations.factories import MessageFactory
from tests.conversations.twilio import signed_post
from tests.flows.conftest import WEDNESDAY_NOON_NY
from tests.stores.factories import CartFactory, CartItemFactory, CustomerFactory

LINK = "https://cartrecovery.test/r/abcdefgh123"
UK_MOBILE = "+447400123456"
TORONTO = "+14165550123"


def _inbound(client, store, phone: str, body: str):
    return signed_post(
        client,
        "/webhooks/twilio/sms/",
        {
            "MessageSid": "SM" + uuid.uuid4().hex,
            "AccountSid": "AC" + "0" * 32,
            "From": phone,
            "To": store.sms_number.as_e164,
            "Body": body,
            "NumSegments": "1",
        },
    )


@pytest.mark.django_db(transaction=True)
def test_a_reminder_after_an_inbound_first_conversation_says_how_to_stop(
    client, store, flow, make_cart, sms_outbox, django_capture_on_commit_callbacks
):
    # given a shopper whose first contact was their own text, answered by the bot
    cart = make_cart(phone="+12125550100")
    with django_capture_on_commit_callbacks(execute=True):
        response = _inbound(client, store, "+12125550100", "hi is this the outdoor shop?")
    assert response.status_code == 200
    assert Message.objects.filter(direction="out").exists()
    texted_before = len(sms_outbox)

    # when the cart reminder goes out later
    nudges_schedule_for_cart(store=store, cart=cart)
    report = nudge_dispatch_due(now=WEDNESDAY_NOON_NY + timedelta(minutes=45), deliver_inline=True)

    # then it carries the STOP line although the thread was not new
    assert report.sent == 1
    reminder = sms_outbox[texted_before].body
    assert "Any questions before you decide?" in reminder
    assert reminder.endswith("Reply STOP to opt out.")


@pytest.mark.django_db(transaction=True)
def test_every_follow_up_says_how_to_stop(store, flow, make_cart, sms_outbox):
    # given a UK shopper (the whole sequence runs) and a US shopper who replied (the follow-up is allowed)
    uk, us = make_cart(phone=UK_MOBILE), make_cart(phone="+12125550177")
    for cart in (uk, us):
        nudges_schedule_for_cart(store=store, cart=cart)
    nudge_dispatch_due(now=WEDNESDAY_NOON_NY + timedelta(minutes=45))
    thread = Message.objects.get(nudge__cart=us).thread
    MessageFactory(thread=thread, body="is it warm?")

    # when the 24-hour step is due
    report = nudge_dispatch_due(now=WEDNESDAY_NOON_NY + timedelta(hours=24, minutes=1))

    # then both follow-ups went out, each with the STOP line
    assert report.sent == 2
    follow_ups = Message.objects.filter(nudge__step__position=2)
    assert follow_ups.count() == 2
    assert all(m.body.endswith("Reply STOP to opt out.") for m in follow_ups)
    assert all(sms.body.endswith("Reply STOP to opt out.") for sms in sms_outbox)


@pytest.mark.django_db
@pytest.mark.parametrize("language", defaults.LANGUAGES)
@pytest.mark.parametrize("position", [1, 2])
def test_every_default_text_in_every_language_says_how_to_stop(store, language, position):
    # given a shopper of that language who has been texted before (no first-text extras)
    step = flow_seed_default(store=store).steps.get(position=position)
    cart = CartFactory(store=store, customer=CustomerFactory(store=store, locale=language), locale=language)
    CartItemFactory(cart=cart)

    # when
    text = render_step(store=store, step=step, cart=cart, link_url=LINK, discount_code="COMEBACK10")

    # then
    assert text.language == language
    assert text.body.endswith(defaults.OPT_OUT_LINE[language])
    assert text.body.count("STOP") == 1


@pytest.mark.django_db
def test_a_template_that_already_says_stop_gets_no_second_line(store):
    step = flow_seed_default(store=store).steps.get(position=1)
    step.templates = {"en": "Hi {first_name}, your cart: {link} Text STOP to end."}
    cart = CartFactory(store=store)

    text = render_step(store=store, step=step, cart=cart, link_url=LINK)

    assert text.body == f"Hi Jamie, your cart: {LINK} Text STOP to end."


@pytest.mark.django_db(transaction=True)
def test_every_text_to_canada_names_the_store_follow_ups_too(store, flow, make_cart, sms_outbox):
    # given a Toronto shopper who replied to the first text (so the follow-up may go), and a follow-up
    # template that does not name the store
    flow.steps.filter(position=2).update(templates={"en": "Still thinking about {product}? {link}"})
    cart = make_cart(phone=TORONTO)
    nudges_schedule_for_cart(store=store, cart=cart)
    nudge_dispatch_due(now=WEDNESDAY_NOON_NY + timedelta(minutes=45))
    thread = Message.objects.get(nudge__cart=cart).thread
    MessageFactory(thread=thread, body="is it warm?")

    # when
    nudge_dispatch_due(now=WEDNESDAY_NOON_NY + timedelta(hours=24, minutes=1))

    # then (CASL: sender identified and an unsubscribe instruction in every text)
    follow_up = Nudge.objects.get(cart=cart, step__position=2).message.body
    assert follow_up.startswith(f"{store.name}: Still thinking about Alpine Down Jacket? https://")
    assert follow_up.endswith("Reply STOP to opt out.")
