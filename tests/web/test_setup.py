import pytest
from django.urls import reverse

from conversations.models import Message
from stores.onboarding import consent_snippet_html

pytestmark = pytest.mark.django_db


def _url(name, store):
    return reverse(name, kwargs={"store_id": store.id})


def test_setup_shows_the_store_webhook_urls_and_secret(owner_client, store):
    response = owner_client.get(_url("dashboard:setup", store))

    html = response.content.decode()
    assert f"https://cartrecovery.test/webhooks/shopify/{store.id}/" in html
    assert f"https://cartrecovery.test/webhooks/carts/{store.id}/" in html
    assert store.webhook_secret in html


def test_rotating_keeps_the_previous_secret_for_the_grace_period(owner_client, store):
    old = store.webhook_secret

    response = owner_client.post(_url("dashboard:setup_rotate", store))

    store.refresh_from_db()
    assert response.status_code == 302
    assert store.webhook_secret != old
    assert store.previous_webhook_secret == old
    assert store.webhook_secret_rotated_at is not None


def test_rotation_needs_a_post(owner_client, store):
    response = owner_client.get(_url("dashboard:setup_rotate", store))

    assert response.status_code == 405


def test_agent_cannot_rotate_the_secret(agent_client, store):
    old = store.webhook_secret

    response = agent_client.post(_url("dashboard:setup_rotate", store))

    store.refresh_from_db()
    assert response.status_code == 403
    assert store.webhook_secret == old


def test_other_store_secret_cannot_be_rotated(owner_client, other_store):
    old = other_store.webhook_secret

    response = owner_client.post(_url("dashboard:setup_rotate", other_store))

    other_store.refresh_from_db()
    assert response.status_code == 404
    assert other_store.webhook_secret == old


def test_sender_accepts_a_messaging_service(owner_client, store):
    sid = "MG" + "a" * 32

    response = owner_client.post(
        _url("dashboard:setup_sender", store),
        {"sms_number": "", "messaging_service_sid": sid, "sender_kind": "toll_free"},
    )

    store.refresh_from_db()
    assert response.status_code == 302
    assert store.messaging_service_sid == sid
    assert store.sender_kind == "toll_free"


def test_sender_errors_are_shown_next_to_the_field(owner_client, store):
    response = owner_client.post(
        _url("dashboard:setup_sender", store),
        {"sms_number": "", "messaging_service_sid": "nope", "sender_kind": "long_code"},
    )

    assert response.status_code == 400
    assert "A Messaging Service SID is MG followed by 32 hex characters." in response.content.decode()


def test_test_text_goes_out_through_the_sms_backend(
    owner_client, store, sms_outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post(_url("dashboard:setup_test", store), {"phone": "+1 415 555 0100"})

    assert response.status_code == 302
    message = Message.objects.for_store(store).get()
    assert message.route == "test"
    assert [sms.to for sms in sms_outbox] == ["+14155550100"]


def test_test_text_to_a_non_number_says_why(owner_client, store, sms_outbox):
    response = owner_client.post(_url("dashboard:setup_test", store), {"phone": "call me"})

    assert response.status_code == 400
    assert "not a phone number" in response.content.decode()
    assert list(sms_outbox) == []


def test_consent_snippet_is_unchecked_and_compliant(store):
    store.name = "Maple <b>& Moss"

    snippet = consent_snippet_html(store=store)

    assert "checked" not in snippet.replace('type="checkbox"', "")
    assert "Msg & data rates may apply" not in snippet  # escaped for HTML
    assert "Msg &amp; data rates may apply" in snippet
    assert "STOP to opt out" in snippet
    assert "cart" in snippet
    assert "<b>" not in snippet
