import re

import pytest
from django.urls import reverse

from conversations.models import Message
from stores.models import Role
from tests.browser import csp_violations, horizontal_overflow, login, screenshot
from tests.conversations.factories import MessageFactory, ThreadFactory
from tests.flows.factories import FlowFactory
from tests.stores.factories import CartFactory, CartItemFactory, CustomerFactory, MembershipFactory
from tests.web.inbox_scenes import conversation_scene, opted_out_thread

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LIVE_WAIT_MS = 5_000


@pytest.fixture
def agent(store):
    return MembershipFactory(
        store=store, role=Role.AGENT, user__first_name="Alex", user__last_name="Moreno"
    ).user


def inbox_url(live_server, store, name="inbox:list", **kwargs):
    return live_server.url + reverse(name, kwargs={"store_id": store.id, **kwargs})


def test_an_agent_sees_a_new_escalation_live_replies_and_the_text_leaves(
    page, live_server, store, agent, sms_outbox
):
    # given an agent looking at the inbox
    conversation_scene(store, agent=agent)
    login(page, live_server, agent)
    page.goto(inbox_url(live_server, store))
    page.get_by_role("link", name=re.compile("Jamie Rivera")).wait_for()
    screenshot(page, "inbox-list")

    # when a shopper's text is escalated while the page is open
    customer = CustomerFactory(store=store, first_name="Taylor", last_name="Brooks", phone="+14155550166")
    thread = ThreadFactory(store=store, customer=customer, human_inbound_count=1)
    MessageFactory(thread=thread, body="My discount code isn't working at checkout")

    # then it appears without a reload, marked unread
    new_row = page.locator(f'[data-thread-id="{thread.id}"]')
    new_row.wait_for(timeout=LIVE_WAIT_MS)
    assert "is-unread" in new_row.get_attribute("class")
    assert "My discount code isn't working" in new_row.inner_text()

    # when the agent opens it and replies
    new_row.click()
    page.get_by_role("heading", name="Taylor Brooks").wait_for()
    box = page.get_by_label("Reply to Taylor Brooks")
    box.fill("Sorry about that! Try SUMMIT10 — I've reset it for you.")
    page.locator("#segment-counter").get_by_text("1 segment").wait_for()
    page.get_by_role("button", name=re.compile("^Send")).click()

    # then the reply shows in the thread and reaches the SMS backend
    page.locator(".ib-msg--agent").get_by_text("Try SUMMIT10").wait_for()
    assert box.input_value() == ""
    assert [(sms.to, sms.body) for sms in sms_outbox] == [
        ("+14155550166", "Sorry about that! Try SUMMIT10 — I've reset it for you.")
    ]
    reply = Message.objects.get(thread=thread, route="agent")
    assert reply.sent_by == agent
    assert csp_violations(page) == []
    assert page.console_errors == []


def test_a_new_text_appears_in_the_open_thread(page, live_server, store, agent):
    # given the agent has Jamie's thread open
    jamie = conversation_scene(store, agent=agent)
    login(page, live_server, agent)
    page.goto(inbox_url(live_server, store, "inbox:list_thread", thread_id=jamie.id))
    page.get_by_role("heading", name="Jamie Rivera").wait_for()
    screenshot(page, "inbox-thread")

    # when Jamie texts again
    MessageFactory(thread=jamie, body="Also — do you ship to Canada?")

    # then the text shows up without a reload
    page.locator(".ib-msg--in").get_by_text("do you ship to Canada?").wait_for(timeout=LIVE_WAIT_MS)


def test_a_hostile_text_renders_as_text(page, live_server, store, agent):
    # given a shopper whose text is markup
    hostile = "<img src=x onerror=alert(1)><script>alert(2)</script>"
    thread = ThreadFactory(store=store, customer=CustomerFactory(store=store, first_name="Eve"))
    MessageFactory(thread=thread, body=hostile)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    login(page, live_server, agent)

    # when the agent opens the list and the thread
    page.goto(inbox_url(live_server, store))
    page.goto(inbox_url(live_server, store, "inbox:list_thread", thread_id=thread.id))

    # then the body is shown literally and nothing ran
    page.locator(".ib-bubble").get_by_text(hostile).wait_for()
    assert page.locator(".ib-bubble img").count() == 0
    page.wait_for_timeout(300)
    assert dialogs == []


def test_an_opted_out_shopper_cannot_be_texted(page, live_server, store, agent):
    thread = opted_out_thread(store)
    login(page, live_server, agent)

    page.goto(inbox_url(live_server, store, "inbox:list_thread", thread_id=thread.id))

    assert page.get_by_role("status").filter(has_text="opted out").is_visible()
    assert page.locator("#reply-body").is_disabled()
    assert page.get_by_role("button", name="Send").is_disabled()
    screenshot(page, "inbox-thread-opted-out", mobile=False)


def test_the_inbox_fits_a_phone(page, live_server, store, agent):
    jamie = conversation_scene(store, agent=agent)
    login(page, live_server, agent)
    page.set_viewport_size({"width": 390, "height": 844})

    for url in (
        inbox_url(live_server, store),
        inbox_url(live_server, store, "inbox:list_thread", thread_id=jamie.id),
    ):
        page.goto(url)
        assert horizontal_overflow(page) <= 0


def test_canned_replies_page(page, live_server, store, owner, agent):
    conversation_scene(store, agent=agent)
    login(page, live_server, owner)

    page.goto(inbox_url(live_server, store, "inbox:list_canned"))
    page.get_by_label("Title", exact=True).first.fill("Returns")
    page.locator("#canned-body").fill("Returns are free within 30 days, {first_name}.")
    page.get_by_role("button", name="Save reply").click()

    page.get_by_text("Saved “Returns”").wait_for()
    screenshot(page, "inbox-canned")


def test_play_the_shopper_then_answer_as_an_agent(page, live_server, store, owner, sms_outbox):
    # given the owner on the phone simulator with a test number
    FlowFactory(store=store, holding_reply="Hang tight, {first_name}: a teammate is on it.")
    CustomerFactory(store=store, phone="+14155550123", first_name="Maya")
    login(page, live_server, owner)
    page.goto(inbox_url(live_server, store, "inbox:simulator") + "?number=%2B14155550123")

    # when the shopper asks for a person
    page.get_by_label("Text message").fill("can I talk to someone about sizing?")
    page.get_by_role("button", name="Send").click()

    # then the holding reply arrives on the phone and the thread waits in the inbox
    page.locator(".ib-pm--them").get_by_text("Hang tight, Maya").wait_for()
    screenshot(page, "phone-simulator")
    page.goto(inbox_url(live_server, store))
    page.get_by_role("link", name=re.compile("Maya")).click()

    # when the agent answers
    page.get_by_label(re.compile("^Reply to Maya")).fill("Happy to help! What size do you usually wear?")
    page.get_by_role("button", name=re.compile("^Send")).click()
    page.locator(".ib-msg--agent").get_by_text("What size do you usually wear?").wait_for()

    # then the answer shows on the shopper's phone
    page.goto(inbox_url(live_server, store, "inbox:simulator") + "?number=%2B14155550123")
    page.locator(".ib-pm--them").get_by_text("What size do you usually wear?").wait_for()
    assert sms_outbox[-1].body == "Happy to help! What size do you usually wear?"
    assert csp_violations(page) == []


BROKEN_PICTURES = """() => [...document.querySelectorAll('.ib-item img')]
  .filter(img => img.complete && img.naturalWidth === 0).length"""


def test_a_product_picture_that_does_not_load_shows_the_plain_tile(page, live_server, store, agent):
    # given a cart whose item's picture is on a host that does not exist
    customer = CustomerFactory(store=store, first_name="Jamie", phone="+14155550142")
    cart = CartFactory(store=store, customer=customer)
    CartItemFactory(cart=cart, title="Alpine Down Jacket", image_url="https://img.nowhere.invalid/jacket.jpg")
    thread = ThreadFactory(store=store, customer=customer, human_inbound_count=1)
    MessageFactory(thread=thread, body="Is this jacket warm?")
    login(page, live_server, agent)

    # when the thread is opened and the picture has failed
    page.goto(inbox_url(live_server, store, "inbox:list_thread", thread_id=thread.id))
    page.locator(".ib-item").filter(has_text="Alpine Down Jacket").wait_for()

    # then the item shows the grey tile of an item without a picture, not a broken-image icon
    page.locator(".ib-item .ib-item-noimg").wait_for(timeout=LIVE_WAIT_MS)
    assert page.evaluate(BROKEN_PICTURES) == 0
    screenshot(page, "thread-cart-broken-picture")
