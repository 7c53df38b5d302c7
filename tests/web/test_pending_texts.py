"""A text the sending rules hold is never invisible: the phone, the cart panel and the overview say when
it goes and why, and the simulator offers a test number whose window is open."""

from datetime import UTC, datetime
from html import unescape

import pytest
import time_machine
from django.urls import reverse

from conversations.models import Thread
from flows.dispatcher import nudge_dispatch_due
from flows.models import Nudge
from flows.pending import simulator_number_in_window, texts_pending
from flows.policy import quiet_hours_check, recipient_resolve
from stores.phones import phone_is_test_number
from tests.flows.factories import FlowFactory, NudgeFactory, StepFactory
from tests.stores.factories import CartFactory, CustomerFactory

LA_PHONE = "+14155550123"
# 06:00 in Los Angeles, 09:00 in New York: the Californian shopper's night, the store's morning.
LA_DAWN = datetime(2026, 3, 4, 14, 0, tzinfo=UTC)
HELD = "Held until 08:00 America/Los_Angeles — shopper's area code"


def _leave_cart(client, store, number=LA_PHONE):
    url = reverse("inbox:simulator_cart", kwargs={"store_id": store.id})
    return client.post(url, {"number": number}, follow=True)


@pytest.fixture
def flow(store):
    flow = FlowFactory(store=store)
    StepFactory(flow=flow, position=1, delay_minutes=45)
    return flow


@pytest.mark.django_db(transaction=True)
def test_the_phone_says_until_when_and_why_a_text_is_held(owner_client, store, flow):
    with time_machine.travel(LA_DAWN, tick=False):
        _leave_cart(owner_client, store)
        before_tick = owner_client.get(
            reverse("inbox:simulator", kwargs={"store_id": store.id}) + f"?number={LA_PHONE}"
        )
        report = nudge_dispatch_due()
        after_tick = owner_client.get(
            reverse("inbox:simulator", kwargs={"store_id": store.id}) + f"?number={LA_PHONE}"
        )

    assert report.sent == 0
    assert report.deferred == 1
    for page in (before_tick, after_tick):
        html = unescape(page.content.decode())
        assert "Text 1 goes 08:00 America/Los_Angeles" in html
        assert HELD in html
        assert "No texts with" not in html


@pytest.mark.django_db(transaction=True)
def test_the_cart_panel_and_the_overview_list_the_held_text(owner_client, store, flow):
    with time_machine.travel(LA_DAWN, tick=False):
        _leave_cart(owner_client, store)
        nudge_dispatch_due()
        customer = Nudge.objects.get().cart.customer
        thread = Thread.objects.get(store=store, customer=customer)
        panel = owner_client.get(
            reverse("inbox:list_thread", kwargs={"store_id": store.id, "thread_id": thread.id})
        )
        overview = owner_client.get(reverse("dashboard:home", kwargs={"store_id": store.id}))
    panel, overview = unescape(panel.content.decode()), unescape(overview.content.decode())

    assert "Scheduled texts" in panel
    assert HELD in panel
    assert "Scheduled" in overview
    assert HELD in overview
    assert "Jamie · Text 1" in overview


@pytest.mark.django_db
def test_a_text_due_inside_the_window_says_it_goes_at_the_next_tick(store, flow):
    customer = CustomerFactory(store=store, phone="+12125550123")
    with time_machine.travel(LA_DAWN, tick=False):
        NudgeFactory(step=flow.steps.get(), cart=CartFactory(store=store, customer=customer), due_at=LA_DAWN)
        [pending] = texts_pending(store=store)

    assert not pending.held
    assert pending.why == "Due now: goes out at the scheduler's next tick"


# The simulator plays fictional NANP numbers only (issue 11): near 11:00 UTC no NANP zone is in its window.
NO_FICTIONAL_NUMBER_AWAKE = 11


@pytest.mark.parametrize("hour", [h for h in range(24) if h != NO_FICTIONAL_NUMBER_AWAKE])
@pytest.mark.django_db
def test_the_simulator_offers_a_number_inside_its_window_at_every_hour(store, flow, hour):
    now = datetime(2026, 3, 4, hour, 17, tzinfo=UTC)

    number = simulator_number_in_window(store=store, flow=flow, now=now)

    assert phone_is_test_number(number)
    assert (
        quiet_hours_check(recipient=recipient_resolve(phone=number, store=store), now=now, flow=flow) is None
    )


@pytest.mark.django_db(transaction=True)
def test_the_suggested_number_gets_its_text_at_the_next_tick(owner_client, store, flow, sms_outbox):
    with time_machine.travel(LA_DAWN, tick=False):
        page = owner_client.get(reverse("inbox:simulator", kwargs={"store_id": store.id}))
        suggested = page.context["suggested_number"]
        _leave_cart(owner_client, store, number=suggested)
        nudge_dispatch_due()

    assert "Inside its sending window right now" in page.content.decode()
    assert [text.to for text in sms_outbox] == [suggested]


@pytest.mark.django_db
def test_in_the_hour_no_fictional_number_is_awake_none_is_offered(store, flow):
    now = datetime(2026, 3, 4, NO_FICTIONAL_NUMBER_AWAKE, 17, tzinfo=UTC)

    assert simulator_number_in_window(store=store, flow=flow, now=now) == ""
