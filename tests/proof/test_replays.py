"""Replayed deliveries: the same Shopify webhook id has one effect; an old generic signature is refused."""

import json
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stores.models import Cart, WebhookEvent
from stores.signing import GENERIC_TOLERANCE_SECONDS, generic_signature_header
from tests.fixtures import load
from tests.stores.test_generic_webhooks import CART_UPDATED

from .conftest import PROOF

pytestmark = pytest.mark.django_db


@PROOF
@given(
    webhook_id=st.text(st.characters(codec="ascii", exclude_categories=["Cc"]), min_size=1, max_size=80),
    repeats=st.integers(min_value=2, max_value=4),
)
def test_same_shopify_webhook_id_any_number_of_times_has_one_effect(store, send_shopify, webhook_id, repeats):
    # given one delivery, replayed byte for byte with its valid HMAC
    WebhookEvent.objects.all().delete()
    Cart.objects.all().delete()
    body = json.dumps(load("shopify_checkouts_create.json")).encode()

    # when it arrives `repeats` times
    answers = [
        send_shopify(store, body, topic="checkouts/create", webhook_id=webhook_id) for _ in range(repeats)
    ]

    # then every answer is 200, and only the first one did anything
    assert [a.status_code for a in answers] == [200] * repeats
    assert [a.json()["status"] for a in answers] == ["accepted"] + ["duplicate"] * (repeats - 1)
    assert WebhookEvent.objects.filter(store=store).count() == 1
    assert Cart.objects.filter(store=store).count() == 1


def test_replayed_shopify_hmac_on_another_body_is_refused(store, send_shopify, client):
    body = json.dumps(load("shopify_checkouts_create.json")).encode()
    first = send_shopify(store, body, topic="checkouts/create", webhook_id="w-1")
    hmac_header = first.request.get("HTTP_X_SHOPIFY_HMAC_SHA256")

    tampered = client.post(
        f"/webhooks/shopify/{store.id}/",
        data=body.replace(b"example@email.com", b"attacker@example.com"),
        content_type="application/json",
        HTTP_X_SHOPIFY_TOPIC="checkouts/create",
        HTTP_X_SHOPIFY_HMAC_SHA256=hmac_header,
        HTTP_X_SHOPIFY_WEBHOOK_ID="w-2",
    )

    assert tampered.status_code == 401
    assert WebhookEvent.objects.filter(store=store).count() == 1


@pytest.mark.parametrize(
    "age", [GENERIC_TOLERANCE_SECONDS + 1, 3600, 86_400 * 365, -(GENERIC_TOLERANCE_SECONDS + 1)]
)
def test_generic_signature_with_an_old_or_future_timestamp_is_refused(store, post_generic, age):
    body = json.dumps(CART_UPDATED).encode()

    response = post_generic(store, body, timestamp=int(time.time()) - age)

    assert response.status_code == 401
    assert not WebhookEvent.objects.exists()


def test_generic_signature_replayed_after_the_window_is_refused_though_it_was_valid(store, client):
    # given a delivery that was accepted when it was fresh
    body = json.dumps(CART_UPDATED).encode()
    sent_at = int(time.time()) - GENERIC_TOLERANCE_SECONDS - 5
    signature = generic_signature_header(secret=store.webhook_secret, body=body, timestamp=sent_at)

    def deliver(event_id: str):
        return client.post(
            f"/webhooks/carts/{store.id}/",
            data=body,
            content_type="application/json",
            HTTP_X_CARTRECOVERY_SIGNATURE=signature,
            HTTP_X_CARTRECOVERY_EVENT_ID=event_id,
        )

    # when an eavesdropper replays it (same signature, fresh event id) after the window
    response = deliver("replayed-event")

    # then it is refused, and moving its timestamp breaks the signature
    assert response.status_code == 401
    moved = signature.replace(f"t={sent_at}", f"t={int(time.time())}")
    fresh = client.post(
        f"/webhooks/carts/{store.id}/",
        data=body,
        content_type="application/json",
        HTTP_X_CARTRECOVERY_SIGNATURE=moved,
        HTTP_X_CARTRECOVERY_EVENT_ID="moved-event",
    )
    assert fresh.status_code == 401
    assert not WebhookEvent.objects.exists()


def test_generic_same_event_id_within_the_window_has_one_effect(store, post_generic):
    body = json.dumps(CART_UPDATED).encode()

    answers = [post_generic(store, body, event_id="evt-1") for _ in range(3)]

    assert [a.json()["status"] for a in answers] == ["accepted", "duplicate", "duplicate"]
    assert WebhookEvent.objects.filter(store=store).count() == 1
    assert Cart.objects.filter(store=store).count() == 1
