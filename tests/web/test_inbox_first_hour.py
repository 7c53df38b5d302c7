"""What stopped an agent in the first hour: who waits, whose texts are unread, the one-click tools."""

import re
from datetime import timedelta
from html import unescape
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conversations.models import Message, Thread, ThreadNote
from conversations.simulator import phone_simulator_text
from flows.models import IncentiveKind
from stores.models import Role, SmsStatus
from tests.browser import login, screenshot
from tests.conversations.factories import CannedResponseFactory, MessageFactory, ThreadFactory
from tests.flows.factories import FlowFactory, NudgeFactory, StepFactory
from tests.stores.factories import CartFactory, CustomerFactory, MembershipFactory


def list_url(store, tab="needs_human"):
    return reverse("inbox:list", kwargs={"store_id": store.id}) + f"?tab={tab}"


def thread_url(thread, name="inbox:list_thread"):
    return reverse(name, kwargs={"store_id": thread.store_id, "thread_id": thread.id})


def waiting(store, **fields):
    customer = CustomerFactory(store=store, **fields)
    thread = ThreadFactory(store=store, customer=customer, human_inbound_count=1)
    MessageFactory(thread=thread, body=f"{customer.first_name} needs help")
    return thread


def shown(client, store, tab="needs_human"):
    return [t.id for t in client.get(list_url(store, tab)).context["page"].threads]


@pytest.fixture
def agent_b(store):
    return MembershipFactory(store=store, role=Role.AGENT).user


def test_an_opted_out_thread_leaves_needs_a_human(agent_client, store):
    stays = waiting(store, first_name="Ana")
    gone = waiting(store, first_name="Ben", sms_status=SmsStatus.UNSUBSCRIBED)

    assert shown(agent_client, store) == [stays.id]
    assert gone.id in shown(agent_client, store, "all")


def test_an_empty_inbound_text_reads_empty_message(agent_client, store):
    thread = ThreadFactory(store=store)
    MessageFactory(thread=thread, body="   ")

    row = agent_client.get(list_url(store)).content.decode()
    page = agent_client.get(thread_url(thread)).content.decode()

    assert "(empty message)" in row
    assert "(empty message)" in page


def test_unread_counts_are_per_agent(client, store, agent, agent_b):
    thread = waiting(store, first_name="Ana")
    client.force_login(agent)
    client.get(thread_url(thread))

    mine = client.get(list_url(store)).context["page"].threads[0].my_unread
    client.force_login(agent_b)
    theirs = client.get(list_url(store)).context["page"].threads[0].my_unread

    assert (mine, theirs) == (0, 1)


def test_a_row_shows_name_phone_local_time_and_language(agent_client, store):
    waiting(store, first_name="Lucía", last_name="Fernández", phone="+14155550101", locale="es-MX")

    row = unescape(agent_client.get(list_url(store)).content.decode())

    assert "Lucía Fernández" in row
    assert "+1 415-555-0101" in row
    local = timezone.now().astimezone(ZoneInfo("America/Los_Angeles"))
    assert f"{local:%H:%M} Los Angeles" in row
    assert "Spanish" in row


def test_agents_use_canned_replies_but_do_not_see_add(agent_client, owner, store):
    thread = waiting(store, first_name="Ana")
    owner_client = Client()
    owner_client.force_login(owner)

    agent_page = agent_client.get(thread_url(thread)).content.decode()
    owner_page = owner_client.get(thread_url(thread)).content.decode()
    CannedResponseFactory(store=store, title="Shipping", body="Hi {first_name}, we ship in a day.")
    agent_with_canned = agent_client.get(thread_url(thread)).content.decode()

    assert "Add canned replies" not in agent_page
    assert "Add canned replies" in owner_page
    assert "Hi Ana, we ship in a day." in agent_with_canned


def test_the_composer_offers_the_checkout_link_and_the_steps_code(agent_client, store):
    thread = waiting(store, first_name="Ana")
    cart = CartFactory(store=store, customer=thread.customer)
    step = StepFactory(
        flow=FlowFactory(store=store), incentive_kind=IncentiveKind.FIXED_CODE, discount_code="COMEBACK10"
    )
    NudgeFactory(step=step, cart=cart)

    page = unescape(agent_client.get(thread_url(thread)).content.decode())

    assert f'data-insert="{cart.checkout_url}"' in page
    assert 'data-insert="COMEBACK10"' in page


@pytest.mark.django_db(transaction=True)
def test_an_internal_note_is_kept_and_never_texted(agent_client, store, sms_outbox):
    thread = waiting(store, first_name="Ana")

    response = agent_client.post(
        thread_url(thread, "inbox:note_add"), {"body": "Called her: wants the red one"}, follow=True
    )
    empty = agent_client.post(thread_url(thread, "inbox:note_add"), {"body": "  "}, follow=True)

    assert "Called her: wants the red one" in response.content.decode()
    assert ThreadNote.objects.get(thread=thread).body == "Called her: wants the red one"
    assert "Write the note first." in empty.content.decode()
    assert not Message.objects.filter(direction="out").exists()
    assert sms_outbox == []


@pytest.mark.django_db(transaction=True)
def test_a_snoozed_thread_leaves_its_folder_until_the_shopper_texts(agent_client, store, sms_outbox):
    store.is_demo = True
    store.save()
    thread = waiting(store, first_name="Ana", phone="+14155550102")
    later = (timezone.localtime() + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M")

    agent_client.post(thread_url(thread, "inbox:snooze"), {"until": later})
    while_snoozed = shown(agent_client, store)
    past = agent_client.post(thread_url(thread, "inbox:snooze"), {"until": "2001-01-01T09:00"}, follow=True)
    phone_simulator_text(store=store, from_number="+14155550102", body="hello again?")

    assert while_snoozed == []
    assert "Pick a time in the future" in past.content.decode()
    thread.refresh_from_db()
    assert thread.snoozed_until is None
    assert shown(agent_client, store) == [thread.id]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_thread_list_stays_beside_an_open_thread_from_1200_px(page, live_server, store, agent):
    thread = waiting(store, first_name="Ana", last_name="Silva")
    waiting(store, first_name="Ben", last_name="Okafor")
    login(page, live_server, agent)

    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + thread_url(thread))
    wide_list = page.locator(".ib-listpane").is_visible()
    other_row = page.get_by_role("link", name=re.compile("Ben Okafor")).is_visible()
    screenshot(page, "inbox-three-panes", mobile=False)
    page.set_viewport_size({"width": 1100, "height": 800})
    narrow_list = page.locator(".ib-listpane").is_visible()

    assert wide_list
    assert other_row
    assert not narrow_list
    assert Thread.objects.count() == 2
