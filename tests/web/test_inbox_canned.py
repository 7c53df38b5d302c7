from django.urls import reverse

from conversations.models import CannedResponse
from stores.models import Role
from tests.conversations.factories import CannedResponseFactory, MessageFactory, ThreadFactory
from tests.stores.factories import CustomerFactory, MembershipFactory


def canned_url(store):
    return reverse("inbox:list_canned", kwargs={"store_id": store.id})


def test_a_manager_saves_edits_and_deletes_canned_replies(client, store, owner):
    # given
    client.force_login(owner)

    # when
    client.post(canned_url(store), {"title": "Shipping", "body": "Ships in 1 day."})
    canned = CannedResponse.objects.get(store=store)
    edit_url = reverse("inbox:canned_edit", kwargs={"store_id": store.id, "canned_id": canned.id})
    client.post(edit_url, {"title": "Shipping times", "body": "Ships within 1 business day."})

    # then
    canned.refresh_from_db()
    assert (canned.title, canned.body) == ("Shipping times", "Ships within 1 business day.")
    client.post(edit_url, {"action": "delete"})
    assert not CannedResponse.objects.filter(store=store).exists()


def test_a_canned_reply_needs_a_title_and_a_text(client, store, owner):
    client.force_login(owner)

    response = client.post(canned_url(store), {"title": "", "body": "x"})

    assert response.status_code == 422
    assert not CannedResponse.objects.exists()


def test_an_agent_reads_canned_replies_but_cannot_change_them(client, store):
    # given
    agent = MembershipFactory(store=store, role=Role.AGENT).user
    canned = CannedResponseFactory(store=store)
    client.force_login(agent)
    edit_url = reverse("inbox:canned_edit", kwargs={"store_id": store.id, "canned_id": canned.id})

    # then
    assert client.get(canned_url(store)).status_code == 200
    assert client.post(canned_url(store), {"title": "t", "body": "b"}).status_code == 404
    assert client.post(edit_url, {"action": "delete"}).status_code == 403
    assert CannedResponse.objects.count() == 1


def test_another_stores_canned_reply_is_not_found(client, store, owner, other_store):
    client.force_login(owner)
    foreign = CannedResponseFactory(store=other_store)
    url = reverse("inbox:canned_edit", kwargs={"store_id": store.id, "canned_id": foreign.id})

    assert client.post(url, {"action": "delete"}).status_code == 404
    assert client.get(canned_url(other_store)).status_code == 404
    assert CannedResponse.objects.filter(pk=foreign.pk).exists()


def test_the_reply_box_offers_canned_replies_filled_in_for_the_shopper(client, store, owner):
    # given
    client.force_login(owner)
    CannedResponseFactory(store=store, title="Hello", body="Hi {first_name}, thanks for shopping {store}!")
    thread = ThreadFactory(store=store, customer=CustomerFactory(store=store, first_name="Priya"))
    MessageFactory(thread=thread)

    # when
    url = reverse("inbox:list_thread", kwargs={"store_id": store.id, "thread_id": thread.id})
    html = client.get(url).content

    # then
    assert f"Hi Priya, thanks for shopping {store.name}!".encode() in html
