from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conversations.models import Message, Thread, ThreadRead
from stores.models import Role, SmsStatus
from tests.conversations.factories import MessageFactory, ThreadFactory
from tests.stores.factories import CartFactory, CartItemFactory, CustomerFactory, MembershipFactory


def list_url(store, **params):
    from urllib.parse import urlencode

    url = reverse("inbox:list", kwargs={"store_id": store.id})
    return url + ("?" + urlencode(params) if params else "")


def thread_url(thread, name="inbox:list_thread"):
    return reverse(name, kwargs={"store_id": thread.store_id, "thread_id": thread.id})


def escalated_thread(store, *, minutes_ago=0, body="Can I talk to a person?", **customer):
    at = timezone.now() - timedelta(minutes=minutes_ago)
    thread = ThreadFactory(
        store=store,
        customer=CustomerFactory(store=store, **customer),
        last_message_at=at,
        human_inbound_count=1,
    )
    MessageFactory(thread=thread, body=body)
    return thread


def shown_thread_ids(response):
    return [t.id for t in response.context["page"].threads]


def test_inbox_sends_a_member_to_their_store(agent_client, store):
    response = agent_client.get(reverse("inbox:home"))

    assert response.status_code == 302
    assert response.url == list_url(store)


def test_the_inbox_needs_a_login(client, store):
    response = client.get(list_url(store))

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_needs_a_human_lists_escalated_threads_newest_activity_first(agent_client, store):
    # given
    older = escalated_thread(store, minutes_ago=30, first_name="Ana")
    newer = escalated_thread(store, minutes_ago=1, first_name="Ben")
    ThreadFactory(store=store, status=Thread.Status.BOT)

    # when
    response = agent_client.get(list_url(store))

    # then
    assert response.status_code == 200
    assert shown_thread_ids(response) == [newer.id, older.id]
    assert response.context["page"].counts["needs_human"] == "2"
    assert b"Can I talk to a person?" in response.content
    assert b"is-unread" in response.content


def test_each_folder_holds_its_threads(agent_client, store, agent):
    # given
    escalated = escalated_thread(store)
    mine = ThreadFactory(store=store, status=Thread.Status.ASSIGNED, assignee=agent)
    someone_elses = ThreadFactory(
        store=store, status=Thread.Status.ASSIGNED, assignee=MembershipFactory(store=store).user
    )
    bot = ThreadFactory(store=store, status=Thread.Status.BOT)
    resolved = ThreadFactory(store=store, status=Thread.Status.RESOLVED, assignee=agent)

    def folder(tab):
        return set(shown_thread_ids(agent_client.get(list_url(store, tab=tab))))

    # then
    assert folder("needs_human") == {escalated.id}
    assert folder("mine") == {mine.id}
    assert folder("unassigned") == {escalated.id, bot.id}
    assert folder("resolved") == {resolved.id}
    assert folder("all") == {escalated.id, mine.id, someone_elses.id, bot.id, resolved.id}


def test_search_finds_threads_by_phone_digits_or_name(agent_client, store):
    # given
    jamie = escalated_thread(store, first_name="Jamie", last_name="Rivera", phone="+14155550123")
    escalated_thread(store, first_name="Morgan", phone="+14155550999")

    # then
    assert shown_thread_ids(agent_client.get(list_url(store, q="(415) 555-0123"))) == [jamie.id]
    assert shown_thread_ids(agent_client.get(list_url(store, q="rivera"))) == [jamie.id]
    assert shown_thread_ids(agent_client.get(list_url(store, q="nobody"))) == []


def test_pages_follow_on_without_repeating_a_thread(agent_client, store):
    # given: 30 threads, two of them at the very same instant (the keyset must break the tie)
    now = timezone.now()
    threads = [escalated_thread(store, minutes_ago=i) for i in range(30)]
    Thread.objects.filter(pk=threads[25].pk).update(last_message_at=threads[24].last_message_at)
    del now

    # when
    first = agent_client.get(list_url(store))
    second = agent_client.get(list_url(store, cursor=first.context["page"].next_cursor))

    # then
    seen = shown_thread_ids(first) + shown_thread_ids(second)
    assert len(shown_thread_ids(first)) == 25
    assert sorted(seen) == sorted(t.id for t in threads)
    assert second.context["page"].next_cursor == ""


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("tab", ["needs_human", "mine", "unassigned", "all"])
def test_the_list_costs_the_same_queries_with_1_and_50_threads(agent_client, store, agent, tab):
    # given
    escalated_thread(store)
    with_one = count_queries(agent_client, list_url(store, tab=tab))
    for i in range(49):
        thread = escalated_thread(store, minutes_ago=i + 1)
        if i % 2:
            Thread.objects.filter(pk=thread.pk).update(status=Thread.Status.ASSIGNED, assignee=agent)

    # when
    with_fifty = count_queries(agent_client, list_url(store, tab=tab))

    # then
    assert with_one == with_fifty


def test_the_thread_view_costs_the_same_queries_with_1_and_50_threads(agent_client, store):
    # given
    thread = escalated_thread(store)
    cart = CartFactory(store=store, customer=thread.customer)
    CartItemFactory(cart=cart)
    with_one = count_queries(agent_client, thread_url(thread))
    for i in range(49):
        other = escalated_thread(store, minutes_ago=i + 1)
        MessageFactory(thread=thread, direction=Message.Direction.OUT, status=Message.Status.DELIVERED)
        MessageFactory(thread=other)
    CartItemFactory.create_batch(5, cart=cart)
    Thread.objects.filter(pk=thread.pk).update(human_inbound_count=3)

    # when
    with_fifty = count_queries(agent_client, thread_url(thread))

    # then
    assert with_one == with_fifty


def test_opening_a_thread_shows_the_cart_and_marks_it_read(agent_client, store):
    # given
    thread = escalated_thread(store, first_name="Jamie")
    cart = CartFactory(store=store, customer=thread.customer, total="129.00")
    CartItemFactory(cart=cart, title="Alpine Down Jacket", image_url="https://cdn.example/jacket.jpg")

    # when
    response = agent_client.get(thread_url(thread))

    # then
    thread.refresh_from_db()
    assert ThreadRead.objects.get(thread=thread).seen_count == thread.human_inbound_count
    assert b"Alpine Down Jacket" in response.content
    assert b"https://cdn.example/jacket.jpg" in response.content
    assert b"129.00" in response.content
    assert cart.checkout_url.encode() in response.content
    assert b"Opted in" in response.content


def test_another_stores_thread_is_not_found(agent_client, store, other_store):
    # given
    foreign = escalated_thread(other_store)

    # then
    for name in ("inbox:list_thread", "inbox:thread_poll"):
        assert (
            agent_client.get(
                thread_url(foreign, name).replace(str(other_store.id), str(store.id))
            ).status_code
            == 404
        )
    for name in ("inbox:reply", "inbox:assign", "inbox:resolve", "inbox:hand_back"):
        url = thread_url(foreign, name).replace(str(other_store.id), str(store.id))
        assert agent_client.post(url, {"body": "hi"}).status_code == 404
    assert agent_client.get(list_url(other_store)).status_code == 404
    assert Message.objects.filter(thread=foreign, direction="out").count() == 0


def test_an_inbound_body_renders_as_text(agent_client, store):
    # given
    thread = escalated_thread(store, body='<img src=x onerror=alert(1)> & "quotes"')

    # when
    page = agent_client.get(thread_url(thread)).content.decode()
    listing = agent_client.get(list_url(store)).content.decode()

    # then
    for html in (page, listing):
        assert "<img src=x" not in html
        assert "&lt;img src=x onerror=alert(1)&gt;" in html


@pytest.mark.django_db(transaction=True)
def test_an_agent_reply_reaches_the_sms_backend_and_the_thread(agent_client, store, agent, sms_outbox):
    # given
    thread = escalated_thread(store, phone="+14155550188")

    # when
    response = agent_client.post(thread_url(thread, "inbox:reply"), {"body": "Hi! Yes, we have it in blue."})

    # then
    assert response.status_code == 302
    reply = Message.objects.get(thread=thread, direction=Message.Direction.OUT)
    assert (reply.route, reply.sent_by, reply.body) == ("agent", agent, "Hi! Yes, we have it in blue.")
    assert [(sms.to, sms.body) for sms in sms_outbox] == [("+14155550188", "Hi! Yes, we have it in blue.")]
    thread.refresh_from_db()
    assert (thread.status, thread.assignee) == (Thread.Status.ASSIGNED, agent)
    assert b"Hi! Yes, we have it in blue." in agent_client.get(thread_url(thread)).content


def test_an_htmx_reply_returns_the_conversation_and_a_fresh_reply_box(agent_client, store, sms_outbox):
    thread = escalated_thread(store)

    response = agent_client.post(
        thread_url(thread, "inbox:reply"), {"body": "On its way!"}, headers={"HX-Request": "true"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="conversation"' in html
    assert "On its way!" in html
    assert 'hx-swap-oob="true"' in html


def test_an_opted_out_shopper_cannot_be_texted_from_the_inbox(agent_client, store, sms_outbox):
    # given
    thread = escalated_thread(store, sms_status=SmsStatus.UNSUBSCRIBED)

    # when
    page = agent_client.get(thread_url(thread)).content.decode()
    refused = agent_client.post(thread_url(thread, "inbox:reply"), {"body": "Please come back"})
    htmx_refused = agent_client.post(
        thread_url(thread, "inbox:reply"), {"body": "Please come back"}, headers={"HX-Request": "true"}
    )

    # then
    assert "opted out" in page
    assert 'name="body" rows="2" disabled' in page
    assert refused.status_code == 422
    assert "opted out" in refused.content.decode()
    assert htmx_refused["HX-Retarget"] == "#composer"
    assert not Message.objects.filter(thread=thread, direction=Message.Direction.OUT).exists()
    assert sms_outbox == []


def test_an_empty_reply_is_refused_with_the_draft_kept(agent_client, store):
    thread = escalated_thread(store)

    response = agent_client.post(thread_url(thread, "inbox:reply"), {"body": "   "})

    assert response.status_code == 422
    assert "Write a reply first." in response.content.decode()


def test_assign_resolve_and_hand_back(agent_client, store, agent):
    # given
    thread = escalated_thread(store)
    teammate = MembershipFactory(store=store, role=Role.AGENT).user

    # when / then
    agent_client.post(thread_url(thread, "inbox:assign"), {"assignee": teammate.id})
    thread.refresh_from_db()
    assert (thread.status, thread.assignee) == (Thread.Status.ASSIGNED, teammate)

    agent_client.post(thread_url(thread, "inbox:resolve"))
    thread.refresh_from_db()
    assert thread.status == Thread.Status.RESOLVED

    agent_client.post(thread_url(thread, "inbox:hand_back"))
    thread.refresh_from_db()
    assert (thread.status, thread.assignee) == (Thread.Status.BOT, None)


def test_a_thread_cannot_go_to_someone_outside_the_store(agent_client, store, other_store):
    thread = escalated_thread(store)
    outsider = MembershipFactory(store=other_store).user

    response = agent_client.post(thread_url(thread, "inbox:assign"), {"assignee": outsider.id}, follow=True)

    thread.refresh_from_db()
    assert thread.assignee is None
    assert "Only a member of this store" in response.content.decode()


@pytest.fixture
def clock_held():
    """The live list's stamp carries the minute (shoppers' local clocks move on); hold it so a test that
    crosses a minute boundary is not read as a change."""
    with time_machine.travel(timezone.now(), tick=False):
        yield


def test_the_live_list_answers_204_until_something_changes(agent_client, store, clock_held):
    # given
    escalated_thread(store, body="first")
    page = agent_client.get(list_url(store))
    poll_url = page.context["list_poll_url"]

    # when
    unchanged = agent_client.get(poll_url)
    escalated_thread(store, body="I need help with my order")
    changed = agent_client.get(poll_url)

    # then
    assert unchanged.status_code == 204
    assert changed.status_code == 200
    assert "I need help with my order" in changed.content.decode()


def test_the_live_list_redraws_when_the_minute_turns_so_shoppers_local_clocks_move_on(agent_client, store):
    # given
    escalated_thread(store)
    with time_machine.travel(timezone.now().replace(second=5), tick=False) as clock:
        poll_url = agent_client.get(list_url(store)).context["list_poll_url"]

        # when
        same_minute = agent_client.get(poll_url)
        clock.shift(timedelta(minutes=1))
        next_minute = agent_client.get(poll_url)

    # then
    assert same_minute.status_code == 204
    assert next_minute.status_code == 200


def test_the_live_thread_shows_a_new_inbound_message_and_marks_it_read(agent_client, store):
    # given
    thread = escalated_thread(store)
    poll_url = agent_client.get(thread_url(thread)).context["conversation_poll_url"]

    # when
    unchanged = agent_client.get(poll_url)
    MessageFactory(thread=thread, body="Hello? Anyone there?")
    Thread.objects.filter(pk=thread.pk).update(human_inbound_count=1)
    changed = agent_client.get(poll_url)

    # then
    assert unchanged.status_code == 204
    assert "Hello? Anyone there?" in changed.content.decode()
    thread.refresh_from_db()
    assert ThreadRead.objects.get(thread=thread).seen_count == thread.human_inbound_count


def test_the_segment_counter_uses_the_billing_count(agent_client, store):
    url = reverse("inbox:segments", kwargs={"store_id": store.id})

    gsm = agent_client.post(url, {"body": "a" * 161}).content.decode()
    ucs2 = agent_client.post(url, {"body": "Merci ’"}).content.decode()

    assert "161 chars · 2 segments" in gsm
    assert "UCS-2" in ucs2
    assert "’" in ucs2


def test_posts_need_a_csrf_token(store, agent):
    client = Client(enforce_csrf_checks=True)
    client.force_login(agent)
    thread = escalated_thread(store)

    response = client.post(thread_url(thread, "inbox:reply"), {"body": "hi"})

    assert response.status_code == 403
    assert not Message.objects.filter(thread=thread, direction=Message.Direction.OUT).exists()


def test_a_stop_arriving_while_the_thread_is_open_disables_the_reply_box(agent_client, store):
    # given an agent with the thread open
    thread = escalated_thread(store)
    poll_url = agent_client.get(thread_url(thread)).context["conversation_poll_url"]

    # when the shopper opts out
    MessageFactory(thread=thread, body="STOP")
    thread.customer.sms_status = SmsStatus.UNSUBSCRIBED
    thread.customer.save()
    html = agent_client.get(poll_url).content.decode()

    # then the next poll replaces the reply box with the reason
    assert 'id="composer"' in html
    assert 'hx-swap-oob="true"' in html
    assert "opted out" in html


def test_an_unchanged_poll_costs_the_same_few_queries_with_1_and_50_messages(agent_client, store, clock_held):
    # given
    thread = escalated_thread(store)
    thread_poll = agent_client.get(thread_url(thread)).context["conversation_poll_url"]
    list_poll = agent_client.get(list_url(store)).context["list_poll_url"]

    def poll_costs():
        with CaptureQueriesContext(connection) as thread_queries:
            assert agent_client.get(thread_poll).status_code == 204
        with CaptureQueriesContext(connection) as list_queries:
            assert agent_client.get(list_poll).status_code == 204
        return len(thread_queries), len(list_queries)

    with_one = poll_costs()
    MessageFactory.create_batch(49, thread=thread)
    thread_poll = agent_client.get(thread_url(thread)).context["conversation_poll_url"]
    list_poll = agent_client.get(list_url(store)).context["list_poll_url"]

    # when
    with_fifty = poll_costs()

    # then: session, user, membership, then the thread and its messages / the page and its counts
    assert with_one == with_fifty == (5, 5)


def test_times_show_in_the_stores_zone_without_leaking_into_the_next_request(agent_client, store):
    # given a store in Tokyo and a text sent at 03:00 UTC
    store.timezone = "Asia/Tokyo"
    store.save()
    thread = escalated_thread(store)
    at = (timezone.now() - timedelta(days=1)).replace(hour=3, minute=0)
    Message.objects.filter(thread=thread).update(created_at=at)

    # when
    html = agent_client.get(thread_url(thread)).content.decode()

    # then it reads 12:00, Tokyo time, and the worker's zone is UTC again afterwards
    assert ">12:00 JST</time>" in html
    assert timezone.get_current_timezone_name() == "UTC"


def test_folder_counts_stop_at_the_cap(agent_client, store, monkeypatch):
    # given more escalated threads than the cap
    monkeypatch.setattr("conversations.selectors.INBOX_COUNT_CAP", 3)
    for minutes in range(4):
        escalated_thread(store, minutes_ago=minutes)

    # when
    counts = agent_client.get(list_url(store)).context["page"].counts

    # then
    assert counts == {"needs_human": "2+", "mine": "0", "unassigned": "2+"}


def test_the_sidebar_keeps_inbox_lit_on_a_thread_and_on_canned_replies(agent_client, store):
    thread = escalated_thread(store)

    for url in (thread_url(thread), reverse("inbox:list_canned", kwargs={"store_id": store.id})):
        sections = agent_client.get(url).context["nav_sections"]
        active = [item.label for section in sections for item in section.items if item.active]
        assert active == ["Inbox"]
