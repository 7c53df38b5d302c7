"""Shopify webhooks through the real endpoint, with the real sample payloads and real HMACs."""

import copy
import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from flows.models import Nudge
from stores import tasks
from stores.models import Cart, CartStatus, ConsentEvent, Customer, Order, SmsStatus, WebhookEvent
from stores.services import store_webhook_secret_rotate
from stores.signing import shopify_hmac
from tests.fixtures import load, load_raw
from tests.stores.conftest import dumps, shopify_headers

pytestmark = pytest.mark.django_db

SHOPIFY_FIXTURES = [
    "shopify_checkouts_create.json",
    "shopify_checkouts_update.json",
    "shopify_checkouts_delete.json",
    "shopify_orders_create.json",
    "shopify_customers_redact.json",
    "shopify_customers_data_request.json",
]


def consenting_checkout(**changes) -> dict:
    """Shopify's own checkouts/update sample has null phones and no SMS consent, so to exercise consent this
    takes a copy of that real payload and sets `sms_marketing_phone` + `buyer_accepts_sms_marketing`."""
    payload = copy.deepcopy(load("shopify_checkouts_update.json"))
    payload.update({"sms_marketing_phone": "+1 415-555-2671", "buyer_accepts_sms_marketing": True})
    payload.update(changes)
    return payload


@pytest.mark.parametrize("name", SHOPIFY_FIXTURES)
def test_every_shopify_sample_is_accepted_and_processed(store, post_shopify, name):
    topic = load_raw(name)["_topic"]

    response = post_shopify(store, topic, load(name))

    assert response.status_code == 200
    assert response.json() == {"status": "accepted"}
    event = WebhookEvent.objects.get(store=store, topic=topic)
    assert event.status == WebhookEvent.Status.PROCESSED, event.error


def test_checkout_sample_becomes_a_cart_with_items_and_money_as_decimal(store, post_shopify):
    post_shopify(store, "checkouts/create", load("shopify_checkouts_create.json"))

    cart = Cart.objects.get(store=store, external_id="123123123")
    assert cart.cart_token == "eeafa272cebfd4b22385bc4b645e762c"
    assert cart.checkout_url.startswith("https://checkout.local/548380009/checkouts/123123123/recover")
    assert cart.total == Decimal("421.88")
    assert cart.subtotal == Decimal("398.00")
    assert cart.last_activity_at == datetime(2022, 1, 1, 0, 0, tzinfo=UTC)
    assert cart.email == "example@email.com"
    assert cart.first_name == "John"
    assert [(i.title, i.variant, i.variant_id, i.quantity, i.price) for i in cart.items.all()] == [
        ("IPod Nano - 8GB", "Pink", "808950810", 1, Decimal("199.00")),
        ("IPod Nano - 8GB", "Pink", "808950810", 1, Decimal("199.00")),
    ]


def test_the_samples_address_phone_is_not_textable_so_the_cart_is_kept_without_a_customer(
    store, post_shopify
):
    # given: Shopify's sample has null phones; only the addresses carry "555-555-SHIP"
    payload = load("shopify_checkouts_create.json")

    # when
    post_shopify(store, "checkouts/create", payload)

    # then
    cart = Cart.objects.get(store=store)
    assert cart.customer is None
    assert cart.phone_raw == "555-555-SHIP"
    assert cart.phone_problem == "not a valid phone number"
    assert Customer.objects.for_store(store).count() == 0


def test_ids_beyond_2_to_the_53_stay_exact(store, post_shopify):
    post_shopify(store, "orders/create", load("shopify_orders_create.json"))

    order = Order.objects.get(store=store)
    assert order.external_id == "820982911946154508"  # a float would have made it ...4500
    event = WebhookEvent.objects.get(store=store)
    assert event.payload["id"] == 820982911946154508
    assert event.payload["customer"]["id"] == 115310627314723954


def test_checkout_delete_expires_the_cart_it_names_by_cart_token(store, post_shopify):
    post_shopify(store, "checkouts/create", load("shopify_checkouts_create.json"))

    post_shopify(store, "checkouts/delete", load("shopify_checkouts_delete.json"))

    assert Cart.objects.get(store=store).status == CartStatus.EXPIRED


def test_consent_comes_from_the_sms_box_and_its_phone(store, post_shopify, active_flow):
    post_shopify(store, "checkouts/update", consenting_checkout())

    customer = Customer.objects.get(store=store)
    assert str(customer.phone) == "+14155552671"
    assert customer.sms_status == SmsStatus.SUBSCRIBED
    assert customer.first_name == "John"
    event = ConsentEvent.objects.get(customer=customer)
    assert (event.kind, event.source) == ("granted", "shopify_checkout")
    assert event.evidence["sms_marketing_phone"] == "+1 415-555-2671"
    cart = Cart.objects.get(store=store)
    assert cart.customer == customer
    assert Nudge.objects.filter(cart=cart, state=Nudge.State.SCHEDULED).count() == 2


def test_no_consent_is_assumed_from_a_phone_alone(store, post_shopify):
    payload = consenting_checkout(buyer_accepts_sms_marketing=False, sms_marketing_phone=None)
    payload["phone"] = "+14155552671"

    post_shopify(store, "checkouts/update", payload)

    customer = Customer.objects.get(store=store)
    assert customer.sms_status == SmsStatus.NONE
    assert not customer.consent_events.exists()


def test_the_same_checkout_delivered_again_under_a_new_id_makes_one_consent_event(store, post_shopify):
    post_shopify(store, "checkouts/create", consenting_checkout())
    post_shopify(store, "checkouts/update", consenting_checkout())

    assert Cart.objects.for_store(store).count() == 1
    assert ConsentEvent.objects.for_store(store).count() == 1


def test_a_repeated_webhook_id_is_answered_200_with_no_second_effect(store, post_shopify):
    first = post_shopify(store, "checkouts/update", consenting_checkout(), webhook_id="w-1")
    second = post_shopify(store, "checkouts/update", consenting_checkout(), webhook_id="w-1")

    assert first.json() == {"status": "accepted"}
    assert (second.status_code, second.json()) == (200, {"status": "duplicate"})
    assert WebhookEvent.objects.for_store(store).count() == 1


def test_an_update_restarts_the_abandonment_clock(store, post_shopify, active_flow):
    post_shopify(store, "checkouts/update", consenting_checkout(updated_at="2026-11-26T10:00:00Z"))
    first_due = Nudge.objects.get(step__position=1).due_at

    post_shopify(store, "checkouts/update", consenting_checkout(updated_at="2026-11-26T10:20:00Z"))

    assert Nudge.objects.get(step__position=1).due_at == first_due + timedelta(minutes=20)


def test_an_older_update_arriving_late_changes_nothing(store, post_shopify):
    post_shopify(store, "checkouts/update", consenting_checkout(updated_at="2026-11-26T10:20:00Z"))

    late = consenting_checkout(updated_at="2026-11-26T10:00:00Z", total_price="1.00")
    post_shopify(store, "checkouts/update", late)

    cart = Cart.objects.get(store=store)
    assert cart.total == Decimal("421.88")
    assert cart.last_activity_at.minute == 20


def test_unticking_the_sms_box_withdraws_the_consent_that_checkout_gave(store, post_shopify, active_flow):
    post_shopify(store, "checkouts/update", consenting_checkout(updated_at="2026-11-26T10:00:00Z"))

    unticked = consenting_checkout(updated_at="2026-11-26T10:05:00Z", buyer_accepts_sms_marketing=False)
    post_shopify(store, "checkouts/update", unticked)

    customer = Customer.objects.get(store=store)
    assert customer.sms_status == SmsStatus.UNSUBSCRIBED
    assert list(customer.consent_events.values_list("kind", flat=True)) == ["granted", "revoked"]
    assert not Nudge.objects.filter(state=Nudge.State.SCHEDULED).exists()


def test_shopify_customer_consent_record_unsubscribed_is_a_revocation(store, post_shopify):
    post_shopify(store, "checkouts/update", consenting_checkout(updated_at="2026-11-26T10:00:00Z"))
    payload = consenting_checkout(updated_at="2026-11-26T11:00:00Z", buyer_accepts_sms_marketing=None)
    payload["customer"]["phone"] = "+14155552671"
    payload["customer"]["sms_marketing_consent"] = {
        "state": "unsubscribed",
        "opt_in_level": "single_opt_in",
        "consent_updated_at": "2026-11-26T10:30:00Z",
    }

    post_shopify(store, "checkouts/update", payload)

    customer = Customer.objects.get(store=store)
    assert customer.sms_status == SmsStatus.UNSUBSCRIBED
    revoked = customer.consent_events.get(kind="revoked")
    assert revoked.source == "shopify_customer"


def test_emoji_and_right_to_left_names_are_kept_exactly(store, post_shopify):
    payload = consenting_checkout()
    payload["customer"]["first_name"] = "שרה 🌸"
    payload["customer"]["last_name"] = "محمد"

    response = post_shopify(store, "checkouts/update", payload)

    assert response.status_code == 200
    customer = Customer.objects.get(store=store)
    assert (customer.first_name, customer.last_name) == ("שרה 🌸", "محمد")


def test_a_national_number_is_read_in_its_address_country(store, post_shopify):
    payload = consenting_checkout(sms_marketing_phone=None, buyer_accepts_sms_marketing=False)
    payload["shipping_address"].update({"phone": "07911 123456", "country_code": "GB"})

    post_shopify(store, "checkouts/update", payload)

    assert str(Customer.objects.get(store=store).phone) == "+447911123456"


def test_the_linked_rest_pair_marks_the_cart_recovered(store, post_shopify, active_flow):
    # given: the REST fixtures (unwrapped) share cart_token and checkout id 450789469; the checkout gets
    # an SMS opt-in (added here: the fixture has none) so that it has a customer and nudges
    checkout = load("shopify_rest_abandoned_checkout_fixture.json")["checkout"]
    checkout.update({"sms_marketing_phone": "+14155552671", "buyer_accepts_sms_marketing": True})
    checkout["updated_at"] = timezone.now().isoformat()
    post_shopify(store, "checkouts/update", checkout)
    cart = Cart.objects.get(store=store)
    assert Nudge.objects.filter(cart=cart, state=Nudge.State.SCHEDULED).count() == 2

    # when
    order = load("shopify_rest_order_fixture.json")["order"]
    response = post_shopify(store, "orders/create", order)

    # then
    assert response.status_code == 200
    cart.refresh_from_db()
    assert cart.status == CartStatus.RECOVERED
    assert cart.checkout_id == "450789469"
    assert Order.objects.get(store=store).cart == cart
    assert not Nudge.objects.filter(cart=cart, state=Nudge.State.SCHEDULED).exists()


def test_an_order_naming_only_the_checkout_id_finds_the_cart(store, post_shopify):
    checkout = load("shopify_rest_abandoned_checkout_fixture.json")["checkout"]
    post_shopify(store, "checkouts/update", checkout)
    order = load("shopify_rest_order_fixture.json")["order"]
    order["cart_token"] = None

    post_shopify(store, "orders/create", order)

    assert Cart.objects.get(store=store).status == CartStatus.RECOVERED


def test_an_order_without_tokens_finds_the_shoppers_open_cart_by_phone(store, post_shopify, active_flow):
    post_shopify(store, "checkouts/update", consenting_checkout(updated_at=timezone.now().isoformat()))
    order = load("shopify_orders_create.json")
    order.update({"phone": "+14155552671", "processed_at": timezone.now().isoformat(), "cancelled_at": None})

    post_shopify(store, "orders/create", order)

    cart = Cart.objects.get(store=store)
    assert cart.status == CartStatus.RECOVERED
    assert Order.objects.get(store=store).cart == cart
    assert not Nudge.objects.filter(state=Nudge.State.SCHEDULED).exists()


def test_an_order_that_arrives_before_its_checkout_recovers_the_cart_it_names(
    store, post_shopify, active_flow
):
    # given: Shopify does not order its deliveries, and the load run's two workers saw the order first
    checkout = consenting_checkout(
        token="chk-race", cart_token="cart-race", updated_at=timezone.now().isoformat()
    )
    order = load("shopify_orders_create.json")
    order.update(
        {"checkout_token": "chk-race", "processed_at": timezone.now().isoformat(), "cancelled_at": None}
    )
    post_shopify(store, "orders/create", order)

    # when
    post_shopify(store, "checkouts/update", checkout)

    # then
    cart = Cart.objects.get(store=store)
    assert cart.status == CartStatus.RECOVERED
    assert Order.objects.get(store=store).cart == cart
    assert not Nudge.objects.filter(cart=cart, state=Nudge.State.SCHEDULED).exists()


def test_the_same_order_twice_is_recorded_once(store, post_shopify):
    post_shopify(store, "orders/create", load("shopify_orders_create.json"))
    post_shopify(store, "orders/create", load("shopify_orders_create.json"))

    assert Order.objects.for_store(store).count() == 1


def test_an_unknown_topic_is_accepted_logged_and_ignored(store, post_shopify, caplog):
    response = post_shopify(store, "products/update", {"id": 1})

    assert (response.status_code, response.json()) == (200, {"status": "ignored"})
    assert WebhookEvent.objects.get(store=store).status == WebhookEvent.Status.IGNORED
    assert "products/update" in caplog.text


def test_header_names_are_case_insensitive(store, client):
    body = dumps(consenting_checkout())

    response = client.post(
        f"/webhooks/shopify/{store.id}/",
        data=body,
        content_type="application/json",
        headers={
            "x-shopify-topic": "checkouts/update",
            "x-shopify-hmac-sha256": shopify_hmac(secret=store.webhook_secret, body=body),
            "x-shopify-webhook-id": "lower-1",
        },
    )

    assert response.status_code == 200


# --- HMAC -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "vector", [v for v in load("shopify_hmac_vectors.json")["vectors"] if "expected_hmac_sha256_base64" in v]
)
def test_hmac_vectors(vector):
    expected = vector["expected_hmac_sha256_base64"]

    assert shopify_hmac(secret=vector["secret"], body=vector["body"].encode()) == expected


def test_the_published_vector_is_accepted_by_the_endpoint(client):
    # given: a store whose secret is shopify-api-js's test secret
    from tests.stores.factories import StoreFactory

    vector = load("shopify_hmac_vectors.json")["vectors"][0]
    store = StoreFactory(webhook_secret=vector["secret"])
    headers = {k: v for k, v in vector["headers"].items()}

    # when
    response = client.post(
        f"/webhooks/shopify/{store.id}/",
        data=vector["body"],
        content_type="application/json",
        headers=headers,
    )

    # then: products/create is not ours, but the signature passed
    assert (response.status_code, response.json()) == (200, {"status": "ignored"})


def test_the_negative_vector_is_refused(client):
    from tests.stores.factories import StoreFactory

    vector = load("shopify_hmac_vectors.json")["vectors"][2]
    store = StoreFactory(webhook_secret=vector["secret_configured"])
    body = vector["body"].encode()

    response = client.post(
        f"/webhooks/shopify/{store.id}/",
        data=body,
        content_type="application/json",
        **shopify_headers(secret=vector["secret_used_to_sign"], body=body, topic="checkouts/create"),
    )

    assert response.status_code == 401


def test_the_previous_secret_works_for_an_hour_after_rotation(store, client, time_machine):
    old_secret = store.webhook_secret
    store_webhook_secret_rotate(store=store)
    body = dumps(consenting_checkout())

    def post():
        return client.post(
            f"/webhooks/shopify/{store.id}/",
            data=body,
            content_type="application/json",
            **shopify_headers(secret=old_secret, body=body, topic="checkouts/update"),
        )

    assert post().status_code == 200
    time_machine.move_to(timezone.now() + timedelta(minutes=61))
    assert post().status_code == 401


# --- bad input never yields a 5xx ------------------------------------------------------------------------

GOOD = dumps(load("shopify_checkouts_create.json"))


def _with(path: list, value) -> bytes:
    payload = load("shopify_checkouts_create.json")
    target = payload
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return dumps(payload)


def _without(*keys: str) -> bytes:
    payload = load("shopify_checkouts_create.json")
    for key in keys:
        payload.pop(key)
    return dumps(payload)


@pytest.mark.parametrize(
    ("body", "status"),
    [
        pytest.param(b"{not json", 400, id="malformed-json"),
        pytest.param(b"", 400, id="empty-body"),
        pytest.param(b"[1, 2]", 400, id="array-not-object"),
        pytest.param(b'{"token": NaN}', 400, id="nan"),
        pytest.param(b'{"token": "t", "total_weight": 1e400}', 400, id="number-out-of-range"),
        pytest.param(b'{"token": "\xff\xfe"}', 400, id="invalid-utf8"),
        pytest.param(b"[" * 100_000 + b"]" * 100_000, 400, id="deep-nesting"),
        pytest.param(b'{"token": "a\\u0000b"}', 400, id="nul-character"),
        pytest.param(b'{"token": "\\ud800"}', 400, id="lone-surrogate"),
        pytest.param(_with(["line_items"], "a string"), 400, id="items-not-a-list"),
        pytest.param(_with(["total_price"], {"amount": 1}), 400, id="price-an-object"),
        pytest.param(_with(["total_price"], "lots"), 400, id="price-not-a-number"),
        pytest.param(_with(["total_price"], "1e400"), 400, id="price-out-of-range"),
        pytest.param(_with(["line_items", 0, "quantity"], "two"), 400, id="quantity-a-string"),
        pytest.param(_with(["line_items", 0, "quantity"], -1), 400, id="quantity-negative"),
        pytest.param(_with(["updated_at"], "yesterday"), 400, id="bad-date"),
        pytest.param(_with(["customer"], "John"), 400, id="customer-a-string"),
        pytest.param(_with(["token"], 1.5), 400, id="id-a-float"),
        pytest.param(_with(["abandoned_checkout_url"], "javascript:alert(1)"), 400, id="script-url"),
        pytest.param(_with(["currency"], "dollars"), 400, id="bad-currency"),
        pytest.param(_with(["buyer_accepts_sms_marketing"], "yes"), 400, id="consent-not-boolean"),
        pytest.param(_without("token"), 400, id="no-token-nor-id"),
        pytest.param(_with(["phone"], "not a phone ☎" * 3), 200, id="invalid-phone-kept"),
        pytest.param(_with(["customer", "first_name"], "x" * 10_000), 200, id="huge-name-truncated"),
        pytest.param(_with(["line_items", 0, "image_url"], "ftp://x"), 200, id="bad-image-dropped"),
    ],
)
def test_bad_bodies_are_4xx_never_5xx(store, post_shopify, body, status):
    response = post_shopify(store, "checkouts/create", body)

    assert response.status_code == status, response.content
    if status == 400:
        assert "detail" in response.json()
        assert not Cart.objects.exists()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_the_recorded_payload_is_the_body_as_parsed_whatever_its_encoding(
    store, post_shopify, monkeypatch, encoding
):
    # given: no worker takes the delivery (the row stays as the web process recorded it)
    monkeypatch.setattr(tasks, "_publish", lambda task, *args: None)
    payload = consenting_checkout(note='Grüße 你好 \\ "quoted" \u2028', total_weight=1.50, note_attributes=[])
    body = json.dumps(payload, ensure_ascii=False).encode(encoding)

    # when
    response = post_shopify(store, "checkouts/update", body)

    # then
    assert response.json() == {"status": "accepted"}
    assert WebhookEvent.objects.get().payload == payload


def test_wrong_types_are_named_in_the_answer(store, post_shopify):
    response = post_shopify(store, "checkouts/create", _with(["line_items", 0, "quantity"], "two"))

    assert response.json()["errors"] == {
        "line_items[].quantity": ["must be a whole number from 0 to 1000000"]
    }


def test_wrong_hmac_is_401(store, client):
    response = client.post(
        f"/webhooks/shopify/{store.id}/",
        data=GOOD,
        content_type="application/json",
        **shopify_headers(secret="not-the-secret", body=GOOD, topic="checkouts/create"),
    )

    assert response.status_code == 401
    assert not WebhookEvent.objects.exists()


def test_missing_hmac_is_401(store, client):
    headers = shopify_headers(secret=store.webhook_secret, body=GOOD, topic="checkouts/create")
    del headers["HTTP_X_SHOPIFY_HMAC_SHA256"]

    response = client.post(
        f"/webhooks/shopify/{store.id}/", data=GOOD, content_type="application/json", **headers
    )

    assert response.status_code == 401


def test_a_body_signed_then_changed_is_401(store, client):
    headers = shopify_headers(secret=store.webhook_secret, body=GOOD, topic="checkouts/create")

    response = client.post(
        f"/webhooks/shopify/{store.id}/", data=GOOD + b" ", content_type="application/json", **headers
    )

    assert response.status_code == 401


def test_a_body_over_one_mebibyte_is_413(store, post_shopify, settings):
    padded = json.dumps({"token": "t", "note": "x" * settings.WEBHOOK_MAX_BODY_BYTES}).encode()

    response = post_shopify(store, "checkouts/create", padded)

    assert response.status_code == 413


def test_a_body_longer_than_its_declared_length_is_still_bounded(store, rf, settings):
    from stores.signing import BodyTooLarge, body_read_bounded

    settings.WEBHOOK_MAX_BODY_BYTES = 10
    request = rf.post("/", data=b"x" * 50, content_type="application/json")
    request.META["CONTENT_LENGTH"] = "5"
    request._stream.remaining = 50  # a client that lied about its length

    with pytest.raises(BodyTooLarge):
        body_read_bounded(request)


@pytest.mark.parametrize(
    "store_id", ["00000000-0000-0000-0000-000000000000", "not-a-uuid", "1%27%20OR%201=1"]
)
def test_an_unknown_or_malformed_store_is_404(client, db, store_id):
    body = GOOD
    response = client.post(
        f"/webhooks/shopify/{store_id}/",
        data=body,
        content_type="application/json",
        **shopify_headers(secret="x", body=body, topic="checkouts/create"),
    )

    assert response.status_code == 404
    assert response.json() == {"detail": "No such store."}


def test_a_missing_topic_is_400(store, post_shopify):
    response = post_shopify(store, "", GOOD)

    assert response.status_code == 400


def test_get_is_not_allowed(store, client):
    assert client.get(f"/webhooks/shopify/{store.id}/").status_code == 405


def test_database_down_is_503_never_2xx(store, client, monkeypatch):
    from django.db import OperationalError

    from stores import webhooks

    def database_down(store_uuid):
        raise OperationalError("connection refused")

    monkeypatch.setattr(webhooks, "_store_fetch", database_down)

    response = client.post(
        f"/webhooks/shopify/{store.id}/",
        data=GOOD,
        content_type="application/json",
        **shopify_headers(secret=store.webhook_secret, body=GOOD, topic="checkouts/create"),
    )

    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def test_database_down_while_recording_is_503_never_2xx(store, post_shopify, monkeypatch):
    # given: the store's secrets are remembered from an earlier delivery, then PostgreSQL goes away
    from django.db import OperationalError

    from stores.services import webhook_events

    post_shopify(store, "checkouts/update", consenting_checkout())

    def database_down(model, fields):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(webhook_events, "insert_or_skip", database_down)

    # when
    response = post_shopify(store, "checkouts/update", consenting_checkout())

    # then: Shopify retries a 503; nothing was acknowledged without a commit
    assert response.status_code == 503
    assert WebhookEvent.objects.for_store(store).count() == 1
