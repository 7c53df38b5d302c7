"""Shopify's mandatory compliance topics: customers/redact, customers/data_request, shop/redact."""

import pytest

from conversations.models import Message, Thread
from flows.models import Nudge
from stores.models import Cart, ConsentEvent, Customer, DataExport, Membership, Order, Store, WebhookEvent
from tests.conversations.factories import MessageFactory, ThreadFactory
from tests.fixtures import load
from tests.stores.factories import (
    CartFactory,
    CartItemFactory,
    ConsentEventFactory,
    CustomerFactory,
    MembershipFactory,
    OrderFactory,
)
from tests.stores.test_shopify_webhooks import consenting_checkout

pytestmark = pytest.mark.django_db


@pytest.fixture
def john(store):
    """The shopper of Shopify's redact sample (id 191167, john@example.com), with a history to erase."""
    customer = CustomerFactory(
        store=store, external_id="191167", email="john@example.com", first_name="John", last_name="Smith"
    )
    cart = CartFactory(store=store, customer=customer, email="john@example.com", phone_raw="+14155550101")
    CartItemFactory(cart=cart)
    ConsentEventFactory(
        store=store,
        customer=customer,
        kind="granted",
        source="shopify_checkout",
        occurred_at=cart.last_activity_at,
        ip_address="203.0.113.9",
        user_agent="Mozilla/5.0",
        evidence={"sms_marketing_phone": str(customer.phone)},
        text_shown="",
    )
    MessageFactory(thread=ThreadFactory(store=store, customer=customer), body="My address is 1 Elm St")
    OrderFactory(store=store, customer=customer, cart=cart)
    return customer


def test_customers_redact_erases_the_person_and_keeps_the_counts(store, john, post_shopify):
    # given: the shopper's checkout payload is also kept as a raw webhook event
    payload = consenting_checkout(sms_marketing_phone=str(john.phone), email="john@example.com")
    post_shopify(store, "checkouts/update", payload)

    # when
    response = post_shopify(store, "customers/redact", load("shopify_customers_redact.json"))

    # then
    assert response.status_code == 200
    john.refresh_from_db()
    assert (john.phone, john.first_name, john.last_name, john.email) == (None, "", "", "")
    assert john.redacted_at is not None
    assert list(Message.objects.filter(thread__customer=john).values_list("body", flat=True)) == [
        "[redacted]"
    ]
    consent = ConsentEvent.objects.filter(customer=john)
    assert consent.count() >= 1  # the counts stay…
    assert all(e.ip_address is None and e.user_agent == "" for e in consent)  # …the person goes
    carts = Cart.objects.filter(store=store)
    assert all((c.email, c.phone_raw, c.first_name) == ("", "", "") for c in carts)
    assert Order.objects.filter(store=store).count() == 1
    checkout_event = WebhookEvent.objects.get(store=store, topic="checkouts/update")
    assert checkout_event.payload == {"redacted": True}


def test_customers_redact_leaves_other_shoppers_alone(store, john, post_shopify):
    other = CustomerFactory(store=store, email="someone@example.com", first_name="Ana")

    post_shopify(store, "customers/redact", load("shopify_customers_redact.json"))

    other.refresh_from_db()
    assert (other.first_name, other.email) == ("Ana", "someone@example.com")
    assert other.phone is not None


def test_customers_redact_cancels_pending_texts(store, john, post_shopify, active_flow):
    from flows.services import nudges_schedule_for_cart

    nudges_schedule_for_cart(store=store, cart=john.carts.get())

    post_shopify(store, "customers/redact", load("shopify_customers_redact.json"))

    assert not Nudge.objects.filter(store=store, state=Nudge.State.SCHEDULED).exists()


def test_customers_redact_only_touches_its_own_store(store, other_store, post_shopify):
    twin = CustomerFactory(store=other_store, external_id="191167", email="john@example.com")

    post_shopify(store, "customers/redact", load("shopify_customers_redact.json"))

    twin.refresh_from_db()
    assert twin.email == "john@example.com"


def test_customers_data_request_exports_what_we_hold(store, john, post_shopify):
    response = post_shopify(store, "customers/data_request", load("shopify_customers_data_request.json"))

    assert response.status_code == 200
    export = DataExport.objects.get(store=store)
    assert export.request_id == "9999"
    assert export.customer_email == "john@example.com"
    assert [c["email"] for c in export.data["customers"]] == ["john@example.com"]
    assert export.data["carts"][0]["items"][0]["title"] == "Alpine Down Jacket"
    assert export.data["consent_events"][0]["ip_address"] == "203.0.113.9"
    assert export.data["messages"][0]["body"] == "My address is 1 Elm St"
    assert len(export.data["orders"]) == 1


def test_shop_redact_deletes_the_shops_customer_data_but_not_the_merchant(store, john, post_shopify):
    MembershipFactory(store=store)
    post_shopify(store, "checkouts/update", consenting_checkout())

    response = post_shopify(store, "shop/redact", {"shop_id": 954889, "shop_domain": store.shop_domain})

    assert response.status_code == 200
    assert Store.objects.filter(id=store.id).exists()
    assert Membership.objects.filter(store=store).exists()
    for model in (Customer, Cart, Order, ConsentEvent, Thread, Message, DataExport):
        assert not model.objects.filter(store=store).exists(), model
    assert list(WebhookEvent.objects.filter(store=store).values_list("topic", flat=True)) == ["shop/redact"]


def test_a_compliance_topic_with_a_bad_hmac_is_401(store, client):
    from tests.stores.conftest import dumps, shopify_headers

    body = dumps(load("shopify_customers_redact.json"))

    response = client.post(
        f"/webhooks/shopify/{store.id}/",
        data=body,
        content_type="application/json",
        **shopify_headers(secret="wrong", body=body, topic="customers/redact"),
    )

    assert response.status_code == 401
