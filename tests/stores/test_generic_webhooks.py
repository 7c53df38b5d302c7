"""The signed JSON format for any shop: `POST /webhooks/carts/<store_id>/`."""

import copy
import time
from decimal import Decimal

import pytest
import time_machine

from flows.models import Nudge
from stores.models import Cart, CartStatus, ConsentEvent, Customer, Order, SmsStatus, WebhookEvent
from stores.signing import generic_signature_header

pytestmark = pytest.mark.django_db

CART_UPDATED = {
    "event": "cart.updated",
    "occurred_at": "2026-11-26T18:04:05Z",
    "cart": {
        "id": "wc-8812",
        "checkout_url": "https://shop.example/checkout/?recover=8812",
        "currency": "EUR",
        "subtotal": "118.00",
        "total": "124.90",
        "items": [
            {
                "title": "Merino Beanie",
                "variant": "Charcoal",
                "quantity": 2,
                "price": "29.00",
                "url": "https://shop.example/p/merino-beanie",
                "image": "https://shop.example/img/beanie.jpg",
            }
        ],
    },
    "customer": {
        "id": "1042",
        "phone": "06 12 34 56 78",
        "first_name": "Léa",
        "email": "lea@example.fr",
        "locale": "fr",
        "country": "FR",
        "sms_consent": {
            "granted": True,
            "at": "2026-11-26T18:03:51Z",
            "source": "checkout_checkbox",
            "text_shown": "Envoyez-moi des rappels par SMS. STOP pour arrêter.",
            "language": "fr",
            "ip": "203.0.113.7",
            "user_agent": "Mozilla/5.0",
        },
    },
}


def cart_updated(**cart_changes) -> dict:
    payload = copy.deepcopy(CART_UPDATED)
    payload["cart"].update(cart_changes)
    return payload


def test_a_cart_event_becomes_a_cart_a_customer_and_consent_evidence(store, post_generic, active_flow):
    response = post_generic(store, CART_UPDATED)

    assert (response.status_code, response.json()) == (200, {"status": "accepted"})
    cart = Cart.objects.get(store=store, external_id="wc-8812")
    assert (cart.currency, cart.total, cart.subtotal) == ("EUR", Decimal("124.90"), Decimal("118.00"))
    item = cart.items.get()
    assert (item.title, item.variant, item.quantity, item.price) == (
        "Merino Beanie",
        "Charcoal",
        2,
        Decimal("29"),
    )
    assert item.product_url == "https://shop.example/p/merino-beanie"
    assert item.image_url == "https://shop.example/img/beanie.jpg"
    customer = cart.customer
    assert (str(customer.phone), customer.first_name, customer.country) == ("+33612345678", "Léa", "FR")
    assert customer.sms_status == SmsStatus.SUBSCRIBED
    event = ConsentEvent.objects.get(customer=customer)
    assert (event.source, event.ip_address, event.language) == ("checkout_checkbox", "203.0.113.7", "fr")
    assert event.text_shown.startswith("Envoyez-moi")
    assert Nudge.objects.filter(cart=cart).count() == 2


def test_the_same_event_id_twice_has_one_effect(store, post_generic):
    first = post_generic(store, CART_UPDATED, event_id="evt-1")
    second = post_generic(store, CART_UPDATED, event_id="evt-1")

    assert first.json() == {"status": "accepted"}
    assert second.json() == {"status": "duplicate"}
    assert WebhookEvent.objects.for_store(store).count() == 1


def test_the_same_consent_in_two_events_is_one_consent_event(store, post_generic):
    post_generic(store, CART_UPDATED)
    post_generic(store, cart_updated(total="130.00"))

    assert ConsentEvent.objects.for_store(store).count() == 1
    assert Cart.objects.get(store=store).total == Decimal("130.00")


def test_an_order_naming_the_cart_recovers_it(store, post_generic, active_flow):
    post_generic(store, CART_UPDATED)
    order = {
        "event": "order.created",
        "occurred_at": "2026-11-26T19:00:00Z",
        "order": {
            "id": "wc-order-77",
            "name": "#77",
            "cart_id": "wc-8812",
            "currency": "EUR",
            "total": "124.90",
            "discount_codes": ["COMEBACK10"],
            "placed_at": "2026-11-26T19:00:00Z",
        },
    }

    response = post_generic(store, order)

    assert response.status_code == 200
    cart = Cart.objects.get(store=store)
    assert cart.status == CartStatus.RECOVERED
    recorded = Order.objects.get(store=store)
    assert (recorded.cart, recorded.discount_codes, recorded.total) == (
        cart,
        ["COMEBACK10"],
        Decimal("124.90"),
    )
    assert not Nudge.objects.filter(cart=cart, state=Nudge.State.SCHEDULED).exists()


def test_a_consent_event_can_withdraw_consent(store, post_generic, active_flow):
    post_generic(store, CART_UPDATED)
    revoke = {
        "event": "customer.consent",
        "occurred_at": "2026-11-26T18:30:00Z",
        "customer": {
            "phone": "+33 6 12 34 56 78",
            "sms_consent": {"granted": False, "at": "2026-11-26T18:30:00Z", "source": "account_settings"},
        },
    }

    response = post_generic(store, revoke)

    assert response.status_code == 200
    customer = Customer.objects.get(store=store)
    assert customer.sms_status == SmsStatus.UNSUBSCRIBED
    assert not Nudge.objects.filter(state=Nudge.State.SCHEDULED).exists()


def test_an_invalid_phone_keeps_the_cart_without_a_customer(store, post_generic):
    payload = copy.deepcopy(CART_UPDATED)
    payload["customer"]["phone"] = "12"

    post_generic(store, payload)

    cart = Cart.objects.get(store=store)
    assert (cart.customer, cart.phone_raw) == (None, "12")
    assert cart.phone_problem
    assert not Customer.objects.exists()


def test_an_unknown_event_is_accepted_and_ignored(store, post_generic):
    response = post_generic(store, {"event": "wishlist.updated", "occurred_at": "2026-11-26T18:00:00Z"})

    assert (response.status_code, response.json()) == (200, {"status": "ignored"})


# --- validation names the bad fields -------------------------------------------------------------------


def test_validation_errors_name_each_bad_field(store, post_generic):
    payload = cart_updated(total="lots", currency="euros")
    payload["cart"]["items"][0]["quantity"] = -1
    del payload["cart"]["id"]

    response = post_generic(store, payload)

    assert response.status_code == 400
    errors = response.json()["errors"]["cart"]
    assert set(errors) == {"id", "total", "currency", "items"}
    assert "quantity" in errors["items"]["0"]  # the first item
    assert not Cart.objects.exists()


def test_consent_without_the_text_shown_is_refused(store, post_generic):
    payload = copy.deepcopy(CART_UPDATED)
    payload["customer"]["sms_consent"]["text_shown"] = ""

    response = post_generic(store, payload)

    assert response.status_code == 400
    assert "text_shown" in response.json()["errors"]["customer"]["sms_consent"]


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param({"occurred_at": "2026-11-26T18:00:00Z"}, id="no-event"),
        pytest.param({"event": 7}, id="event-not-a-string"),
        pytest.param(cart_updated(checkout_url="javascript:alert(1)"), id="script-url"),
        pytest.param(cart_updated(items="none"), id="items-not-a-list"),
        pytest.param({**CART_UPDATED, "occurred_at": "soon"}, id="bad-time"),
        pytest.param(cart_updated(id="a\x00b"), id="nul-in-id"),
    ],
)
def test_wrong_shapes_are_400(store, post_generic, payload):
    response = post_generic(store, payload)

    assert response.status_code == 400
    assert response.json()["errors"]


def test_malformed_json_is_400(store, post_generic):
    assert post_generic(store, b'{"event": ').status_code == 400


def test_a_missing_event_id_is_400(store, client):
    body = b'{"event": "cart.updated"}'
    response = client.post(
        f"/webhooks/carts/{store.id}/",
        data=body,
        content_type="application/json",
        HTTP_X_CARTRECOVERY_SIGNATURE=generic_signature_header(secret=store.webhook_secret, body=body),
    )

    assert response.status_code == 400
    assert "X-CartRecovery-Event-Id" in response.json()["errors"]


# --- signature, replay, tolerance ----------------------------------------------------------------------


def test_a_wrong_secret_is_401(store, post_generic):
    response = post_generic(store, CART_UPDATED, secret="not-the-secret")

    assert response.status_code == 401
    assert not WebhookEvent.objects.exists()


def test_a_missing_signature_is_401(store, client):
    response = client.post(
        f"/webhooks/carts/{store.id}/",
        data=b"{}",
        content_type="application/json",
        HTTP_X_CARTRECOVERY_EVENT_ID="e",
    )

    assert response.status_code == 401


@pytest.mark.parametrize("skew", [-301, 301])
def test_a_timestamp_more_than_five_minutes_off_is_refused(store, post_generic, skew):
    # The clock stands still: on a busy machine a second can pass between signing and checking.
    with time_machine.travel(time.time(), tick=False):
        response = post_generic(store, CART_UPDATED, timestamp=int(time.time()) + skew)

    assert response.status_code == 401


def test_a_timestamp_within_five_minutes_is_accepted(store, post_generic):
    with time_machine.travel(time.time(), tick=False):
        response = post_generic(store, CART_UPDATED, timestamp=int(time.time()) - 290)

    assert response.status_code == 200


def test_a_captured_signature_cannot_carry_another_body(store, client):
    # given: a signature captured from one delivery
    signed = b'{"event": "cart.updated"}'
    signature = generic_signature_header(secret=store.webhook_secret, body=signed)

    # when: replayed with another body, or with its timestamp moved forward
    other_body = client.post(
        f"/webhooks/carts/{store.id}/",
        data=b'{"event": "order.created"}',
        content_type="application/json",
        HTTP_X_CARTRECOVERY_SIGNATURE=signature,
        HTTP_X_CARTRECOVERY_EVENT_ID="e-1",
    )
    t, v1 = signature.split(",")
    moved = f"t={int(t[2:]) + 60},{v1}"
    moved_time = client.post(
        f"/webhooks/carts/{store.id}/",
        data=signed,
        content_type="application/json",
        HTTP_X_CARTRECOVERY_SIGNATURE=moved,
        HTTP_X_CARTRECOVERY_EVENT_ID="e-2",
    )

    # then
    assert other_body.status_code == 401
    assert moved_time.status_code == 401


@pytest.mark.parametrize(
    "header", ["", "t=,v1=", "garbage", "v1=abc", "t=1,v1=" + "0" * 64, "t=99999999999999999"]
)
def test_malformed_signature_headers_are_401(store, client, header):
    response = client.post(
        f"/webhooks/carts/{store.id}/",
        data=b"{}",
        content_type="application/json",
        HTTP_X_CARTRECOVERY_SIGNATURE=header,
        HTTP_X_CARTRECOVERY_EVENT_ID="e",
    )

    assert response.status_code == 401


def test_unknown_store_is_404_and_big_body_413(store, client, post_generic, settings):
    missing = client.post(
        "/webhooks/carts/00000000-0000-0000-0000-000000000000/", data=b"{}", content_type="application/json"
    )
    settings.WEBHOOK_MAX_BODY_BYTES = 1000
    big = post_generic(store, cart_updated(id="x" * 2000))

    assert missing.status_code == 404
    assert big.status_code == 413


def test_the_schema_is_published_in_the_openapi_document(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    document = response.json()
    operation = document["paths"]["/webhooks/carts/{store_id}/"]["post"]
    assert {p["name"] for p in operation["parameters"]} >= {
        "X-CartRecovery-Signature",
        "X-CartRecovery-Event-Id",
    }
    schemas = document["components"]["schemas"]
    assert "CartRecoveryEventRequest" in schemas
    assert {"cart", "customer", "occurred_at", "event"} <= set(schemas["CartUpdatedRequest"]["properties"])
