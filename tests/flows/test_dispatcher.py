import threading
from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection

from conversations.models import Message
from conversations.services import thread_get_or_create
from flows.dispatcher import nudge_dispatch_due
from flows.models import Click, IncentiveKind, Nudge, NudgeEvent, ShortLink
from flows.services import nudges_cancel_pending, nudges_schedule_for_cart
from stores.models import SmsStatus
from tests.conversations.factories import MessageFactory
from tests.flows.conftest import WEDNESDAY_NOON_NY
from tests.flows.factories import DiscountCodeFactory
from tests.stores.factories import CartFactory, OrderFactory

UK_MOBILE = "+447400123456"


def _nudge(cart, position) -> Nudge:
    return Nudge.objects.get(cart=cart, step__position=position)


def _reply(store, cart, body="Does it come in red?"):
    thread = thread_get_or_create(store=store, customer=cart.customer)
    return MessageFactory(thread=thread, body=body)


@pytest.mark.django_db(transaction=True)
def test_the_first_step_goes_out_45_minutes_after_the_cart_went_quiet(store, flow, make_cart, sms_outbox):
    # given a cart that went quiet at noon in New York
    with time_machine.travel(WEDNESDAY_NOON_NY, tick=False) as clock:
        cart = make_cart()
        nudges_schedule_for_cart(store=store, cart=cart)

        # when the clock reaches 44 and then 45 minutes
        clock.shift(timedelta(minutes=44))
        early = nudge_dispatch_due()
        clock.shift(timedelta(minutes=1))
        on_time = nudge_dispatch_due()

    # then exactly one personal text, with its link, the first time ever
    assert (early.sent, on_time.sent) == (0, 1)
    assert len(sms_outbox) == 1
    body = sms_outbox[0].body
    assert body.startswith(f"Hi Jamie, it's {store.name}. You left Alpine Down Jacket in your cart.")
    assert body.endswith("Reply STOP to opt out.")
    link = ShortLink.objects.get(cart=cart)
    assert f"https://cartrecovery.test/r/{link.code}" in body
    nudge = _nudge(cart, 1)
    assert nudge.state == Nudge.State.SENT
    assert link.message == Message.objects.get(nudge=nudge)
    assert link.message.status == Message.Status.QUEUED


@pytest.mark.django_db(transaction=True)
def test_the_24_hour_step_carries_the_incentive_outside_north_america(store, flow, make_cart, sms_outbox):
    # given a UK shopper who got the first text and did not reply
    with time_machine.travel(WEDNESDAY_NOON_NY, tick=False) as clock:
        cart = make_cart(phone=UK_MOBILE)
        nudges_schedule_for_cart(store=store, cart=cart)
        clock.shift(timedelta(minutes=45))
        nudge_dispatch_due()

        # when a day later
        clock.shift(timedelta(hours=23, minutes=14))
        too_early = nudge_dispatch_due()
        clock.shift(timedelta(minutes=1))
        report = nudge_dispatch_due()

    # then
    assert (too_early.sent, report.sent) == (0, 1)
    second = sms_outbox[1].body
    # the offer says the day it ends: 7 days (incentive_valid_days) after the text, the link's expiry too
    assert "Code COMEBACK10 takes 10% off until March 12." in second
    assert second.endswith("Reply STOP to opt out.")
    link = ShortLink.objects.get(nudge=_nudge(cart, 2))
    assert link.discount_code == "COMEBACK10"
    assert link.target_url.startswith("https://shop.example/discount/COMEBACK10?redirect=/checkouts/")
    assert link.expires_at == link.created_at + timedelta(days=7)


@pytest.mark.django_db(transaction=True)
def test_us_numbers_get_the_second_step_only_after_a_reply(store, flow, make_cart, sms_outbox):
    # given two US shoppers who got the first text; one of them replied
    silent, chatty = make_cart(), make_cart(phone="+12125550177")
    for cart in (silent, chatty):
        nudges_schedule_for_cart(store=store, cart=cart)
    nudge_dispatch_due(now=WEDNESDAY_NOON_NY + timedelta(minutes=45))
    _reply(store, chatty)

    # when
    report = nudge_dispatch_due(now=WEDNESDAY_NOON_NY + timedelta(hours=24))

    # then
    assert (report.sent, report.skipped) == (1, 1)
    assert _nudge(chatty, 2).state == Nudge.State.SENT
    skipped = _nudge(silent, 2)
    assert skipped.state == Nudge.State.SKIPPED
    assert skipped.reason == "carrier rule (US): one cart text per abandonment unless the shopper replies"
    assert skipped.events.get(kind="skipped").reason == skipped.reason
    assert len(sms_outbox) == 3


@pytest.mark.django_db(transaction=True)
def test_a_us_cart_text_is_never_sent_more_than_48_hours_after_abandonment(
    store, flow, make_cart, sms_outbox
):
    # given the scheduler was down for two days
    cart = make_cart()
    nudges_schedule_for_cart(store=store, cart=cart)

    # when
    report = nudge_dispatch_due(now=WEDNESDAY_NOON_NY + timedelta(hours=48, minutes=1))

    # then
    assert report.sent == 0
    assert _nudge(cart, 1).reason == "carrier rule (US): not sent within 48 h of abandonment"
    assert sms_outbox == []


@pytest.mark.django_db(transaction=True)
def test_an_order_placed_between_scheduling_and_sending_cancels_the_text(store, flow, make_cart, sms_outbox):
    # given
    cart = make_cart()
    nudges_schedule_for_cart(store=store, cart=cart)
    OrderFactory(
        store=store, cart=None, checkout_token="", customer=cart.customer, placed_at=cart.last_activity_at
    )

    # when
    report = nudge_dispatch_due(now=WEDNESDAY_NOON_NY + timedelta(minutes=45))

    # then
    assert (report.sent, report.cancelled) == (0, 1)
    assert report.reasons == {"order placed": 1}
    assert _nudge(cart, 1).state == Nudge.State.CANCELLED
    assert sms_outbox == []


@pytest.mark.django_db(transaction=True)
def test_a_shopper_who_opted_out_since_is_not_texted(store, flow, make_cart, sms_outbox):
    cart = make_cart()
    nudges_schedule_for_cart(store=store, cart=cart)
    cart.customer.sms_status = SmsStatus.UNSUBSCRIBED
    cart.customer.save()

    report = nudge_dispatch_due(now=WEDNESDAY_NOON_NY + timedelta(minutes=45))

    assert report.reasons == {"opted out": 1}
    assert sms_outbox == []


@pytest.mark.django_db(transaction=True)
def test_a_text_due_at_night_is_held_until_the_morning_and_then_sent(store, flow, make_cart, sms_outbox):
    # given a cart that went quiet at 20:30 in New York: due 21:15
    quiet_at = WEDNESDAY_NOON_NY + timedelta(hours=8, minutes=30)
    cart = make_cart(at=quiet_at)
    nudges_schedule_for_cart(store=store, cart=cart)

    # when
    night = nudge_dispatch_due(now=quiet_at + timedelta(minutes=45))
    nudge = _nudge(cart, 1)
    morning = nudge_dispatch_due(now=nudge.due_at)

    # then
    assert night.deferred == 1
    assert night.reasons == {"quiet hours — area code": 1}
    assert NudgeEvent.objects.filter(nudge=nudge, kind="deferred").get().reason == (
        "held until Thu 08:00 America/New_York — area code"
    )
    assert nudge.due_at == WEDNESDAY_NOON_NY + timedelta(hours=20)
    assert morning.sent == 1
    assert len(sms_outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_the_frequency_cap_holds_a_fourth_text_within_24_hours(store, flow, make_cart, sms_outbox):
    # given one Florida shopper with four carts and a store cap the law overrides
    flow.frequency_cap = 5
    flow.save()
    first = make_cart(phone="+13055550123")
    carts = [first] + [
        make_cart(phone=None, at=WEDNESDAY_NOON_NY + timedelta(minutes=i)) for i in range(1, 4)
    ]
    for cart in carts[1:]:
        cart.customer.delete()
        cart.customer = first.customer
        cart.save()
    for cart in carts:
        nudges_schedule_for_cart(store=store, cart=cart)

    # when
    report = nudge_dispatch_due(now=WEDNESDAY_NOON_NY + timedelta(minutes=50))

    # then
    assert (report.sent, report.deferred) == (3, 1)
    held = _nudge(carts[3], 1)
    assert held.reason == "held until Thu 12:50 America/New_York — frequency cap (3 per 24 h)"
    assert len(sms_outbox) == 3
    assert all(sms.body.endswith("Reply STOP to opt out.") for sms in sms_outbox)
    assert sum("Msg & data rates may apply" in sms.body for sms in sms_outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_two_steps_of_one_cart_never_go_out_together(store, flow, make_cart, sms_outbox):
    # given a UK cart whose first step was held past the second step's due time
    cart = make_cart(phone=UK_MOBILE)
    nudges_schedule_for_cart(store=store, cart=cart)
    first = _nudge(cart, 1)
    first.due_at = WEDNESDAY_NOON_NY + timedelta(hours=25)
    first.save()

    # when
    report = nudge_dispatch_due(now=WEDNESDAY_NOON_NY + timedelta(hours=25))

    # then the first goes, the second waits for it and then keeps the flow's spacing after it
    assert (report.sent, report.deferred) == (1, 1)
    second = _nudge(cart, 2)
    assert second.reason == "waiting for the earlier step of this cart"
    assert second.due_at == WEDNESDAY_NOON_NY + timedelta(hours=25, minutes=30)
    later = nudge_dispatch_due(now=second.due_at)
    second.refresh_from_db()
    assert later.deferred == 1
    assert second.reason == "keeping the flow's spacing after the earlier step"
    assert second.due_at == WEDNESDAY_NOON_NY + timedelta(hours=25 + 23, minutes=15)
    assert len(sms_outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_each_cart_gets_its_own_code_from_a_pool(store, flow, make_cart, sms_outbox):
    # given
    step = flow.steps.get(position=1)
    step.incentive_kind = IncentiveKind.CODE_POOL
    step.templates = {"en": "Hi {first_name}, {store} here: {discount_code} {link}"}
    step.save()
    DiscountCodeFactory(step=step, code="ONLY-A")
    DiscountCodeFactory(step=step, code="ONLY-B")
    carts = [make_cart(phone=UK_MOBILE), make_cart(phone="+447400123457")]
    for cart in carts:
        nudges_schedule_for_cart(store=store, cart=cart)

    # when
    nudge_dispatch_due(now=WEDNESDAY_NOON_NY + timedelta(minutes=45))

    # then
    codes = sorted(ShortLink.objects.values_list("discount_code", flat=True))
    assert codes == ["ONLY-A", "ONLY-B"]
    assert all(any(code in sms.body for code in codes) for sms in sms_outbox)


@pytest.mark.django_db(transaction=True)
def test_an_emptied_cart_and_a_turned_off_step_are_cancelled(store, flow, make_cart, sms_outbox):
    emptied = make_cart(items=())
    emptied.total = 0
    emptied.save()
    nudges_schedule_for_cart(store=store, cart=make_cart(phone="+12125550111"))
    flow.steps.filter(position=1).update(is_active=False)

    report = nudge_dispatch_due(now=WEDNESDAY_NOON_NY + timedelta(minutes=45))

    assert Nudge.objects.filter(cart=emptied).count() == 0
    assert report.reasons == {"step turned off": 1}


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="SKIP LOCKED needs PostgreSQL")
def test_two_dispatchers_at_once_send_each_nudge_exactly_once(store, flow, make_cart, sms_outbox):
    # given 30 due nudges
    for i in range(30):
        nudges_schedule_for_cart(store=store, cart=make_cart(phone=f"+1212555{i:04d}"))
    start = threading.Barrier(2)
    reports = []

    def tick():
        try:
            start.wait()
            reports.append(nudge_dispatch_due(now=WEDNESDAY_NOON_NY + timedelta(minutes=45), batch_size=7))
        finally:
            connection.close()

    # when
    threads = [threading.Thread(target=tick) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    # then
    assert sum(r.sent for r in reports) == 30
    assert Message.objects.filter(route="nudge").count() == 30
    assert sorted(sms.to for sms in sms_outbox) == sorted({sms.to for sms in sms_outbox})
    assert len(sms_outbox) == 30


@pytest.mark.django_db(transaction=True)
def test_dispatch_due_command_sends_in_process_and_prints_reasons(store, flow, make_cart, sms_outbox):
    # given one cart due, one held by the night
    nudges_schedule_for_cart(store=store, cart=make_cart())
    nudges_schedule_for_cart(store=store, cart=make_cart(phone="+14155550199"))
    out = StringIO()

    # when: 12:45 in New York is 09:45 in San Francisco
    call_command("dispatch_due", "--now", "2026-03-04T17:45:00Z", stdout=out)

    # then
    assert "sent 2, deferred 0, skipped 0" in out.getvalue()
    assert len(sms_outbox) == 2
    assert Message.objects.filter(status=Message.Status.QUEUED).count() == 2


@pytest.mark.django_db(transaction=True)
def test_dispatch_due_reports_deferrals_with_their_reason(store, flow, make_cart, sms_outbox):
    nudges_schedule_for_cart(
        store=store, cart=make_cart(phone="+14155550199", at=WEDNESDAY_NOON_NY - timedelta(hours=3))
    )
    out = StringIO()

    call_command("dispatch_due", "--now", "2026-03-04T15:00:00+00:00", stdout=out)

    assert "deferred 1" in out.getvalue()
    assert "1 × quiet hours — area code" in out.getvalue()


@pytest.mark.django_db
def test_cancelling_a_customers_pending_nudges_logs_each(store, flow, make_cart):
    cart = make_cart()
    nudges_schedule_for_cart(store=store, cart=cart)

    cancelled = nudges_cancel_pending(store=store, reason="opted out", customer=cart.customer)

    assert cancelled == 2
    assert NudgeEvent.objects.filter(kind="cancelled", reason="opted out").count() == 2
    assert Click.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_a_short_code_that_collides_is_replaced_in_the_text_too(
    store, other_store, flow, make_cart, sms_outbox, monkeypatch
):
    # given another store's link already holds the code the next text draws first
    other_cart = CartFactory(store=other_store)
    ShortLink.objects.create(
        store=other_store, cart=other_cart, code="taken-code1", target_url="https://other.example/checkout"
    )
    codes = iter(["taken-code1", "fresh-code2"])
    monkeypatch.setattr("flows.links.short_code_new", lambda: next(codes))

    # when the text goes out
    with time_machine.travel(WEDNESDAY_NOON_NY, tick=False) as clock:
        cart = make_cart()
        nudges_schedule_for_cart(store=store, cart=cart)
        clock.shift(timedelta(minutes=45))
        nudge_dispatch_due()

    # then the shopper's link leads to their own cart, not the other store's
    [text] = sms_outbox
    assert "https://cartrecovery.test/r/fresh-code2" in text.body
    assert "taken-code1" not in text.body
    assert ShortLink.objects.get(code="fresh-code2").cart == cart
    assert ShortLink.objects.get(code="taken-code1").cart == other_cart
