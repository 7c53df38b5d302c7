"""A replayed generic webhook has no second effect (issue 11, item 12).

The signature covers "<t>.<raw body>" but not `X-CartRecovery-Event-Id`, the idempotency key. An eavesdropper
who captured one delivery could, inside the 5-minute window, send it again under fresh event ids; each
would be a new event. A (t, body) pair seen before is now the same delivery, whatever id it carries.
"""

import copy
import json
import time

import pytest

from stores.models import ConsentEvent, Customer, SmsStatus, WebhookEvent
from stores.signing import generic_signature_header
from tests.stores.test_generic_webhooks import CART_UPDATED

pytestmark = pytest.mark.django_db

GRANT = {
    "event": "customer.consent",
    "occurred_at": "2026-11-26T18:00:00Z",
    "customer": {
        "phone": "+33 6 12 34 56 78",
        "sms_consent": {
            "granted": True,
            "at": "2026-11-26T18:00:00Z",
            "source": "popup_form",
            "text_shown": "Text me offers. Reply STOP to stop.",
        },
    },
}


@pytest.fixture
def replay(client, django_capture_on_commit_callbacks):
    """Send one captured delivery (body and signature as they were seen) under any event id."""

    def send(store, body: bytes, signature: str, event_id: str):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                f"/webhooks/carts/{store.id}/",
                data=body,
                content_type="application/json",
                HTTP_X_CARTRECOVERY_SIGNATURE=signature,
                HTTP_X_CARTRECOVERY_EVENT_ID=event_id,
            )

    return send


def test_a_captured_delivery_replayed_under_fresh_event_ids_is_a_duplicate(store, replay):
    # given a delivery the shop sent, captured on the way
    body = json.dumps(CART_UPDATED).encode()
    signature = generic_signature_header(secret=store.webhook_secret, body=body)
    first = replay(store, body, signature, "evt-original")

    # when it is sent again three times, each under an event id of the attacker's choosing
    replays = [replay(store, body, signature, f"evt-forged-{n}") for n in range(3)]

    # then the first one counted and the rest are acknowledged as duplicates
    assert first.json() == {"status": "accepted"}
    assert [r.status_code for r in replays] == [200, 200, 200]
    assert [r.json()["status"] for r in replays] == ["duplicate"] * 3
    assert WebhookEvent.objects.filter(store=store).count() == 1


def test_a_replayed_consent_grant_does_not_resubscribe_a_shopper_who_opted_out(store, replay):
    # given a shopper who opted in through the shop, then opted out there a minute later
    grant_body = json.dumps(GRANT).encode()
    grant_signature = generic_signature_header(secret=store.webhook_secret, body=grant_body)
    replay(store, grant_body, grant_signature, "evt-grant")
    revoke = copy.deepcopy(GRANT)
    revoke["occurred_at"] = revoke["customer"]["sms_consent"]["at"] = "2026-11-26T18:01:00Z"
    revoke["customer"]["sms_consent"].update(granted=False, source="account_settings", text_shown="")
    revoke_body = json.dumps(revoke).encode()
    replay(store, revoke_body, generic_signature_header(secret=store.webhook_secret, body=revoke_body), "r")
    assert Customer.objects.get(store=store).sms_status == SmsStatus.UNSUBSCRIBED

    # when the captured grant is replayed under a new event id
    response = replay(store, grant_body, grant_signature, "evt-grant-again")

    # then nothing changes: no new evidence, and the shopper stays opted out
    assert response.json()["status"] == "duplicate"
    assert ConsentEvent.objects.filter(store=store).count() == 2
    assert Customer.objects.get(store=store).sms_status == SmsStatus.UNSUBSCRIBED


def test_the_same_body_signed_again_later_is_a_new_delivery(store, replay):
    """Only the exact signed pair is a replay: a shop that re-sends an event signs it at a new time."""
    body = json.dumps(CART_UPDATED).encode()
    now = int(time.time())

    first = replay(
        store, body, generic_signature_header(secret=store.webhook_secret, body=body, timestamp=now - 1), "a"
    )
    second = replay(
        store, body, generic_signature_header(secret=store.webhook_secret, body=body, timestamp=now), "b"
    )

    assert [first.json()["status"], second.json()["status"]] == ["accepted", "accepted"]
    assert WebhookEvent.objects.filter(store=store).count() == 2


def test_a_replay_of_one_store_s_delivery_is_not_confused_with_another_store_s(store, other_store, replay):
    body = json.dumps(CART_UPDATED).encode()
    timestamp = int(time.time())

    ours = replay(
        store,
        body,
        generic_signature_header(secret=store.webhook_secret, body=body, timestamp=timestamp),
        "x",
    )
    theirs = replay(
        other_store,
        body,
        generic_signature_header(secret=other_store.webhook_secret, body=body, timestamp=timestamp),
        "x",
    )

    assert [ours.json()["status"], theirs.json()["status"]] == ["accepted", "accepted"]
