"""Two deliveries of one webhook at the same moment (Shopify retries after 5 s even if we are still busy)."""

import threading

import pytest
from django.db import connections
from django.test import Client

from stores.models import Cart, ConsentEvent, Customer, WebhookEvent
from tests.stores.conftest import dumps, shopify_headers
from tests.stores.factories import StoreFactory
from tests.stores.test_shopify_webhooks import consenting_checkout


def _post_together(store, deliveries: list[tuple[bytes, dict]]) -> list[int]:
    barrier = threading.Barrier(len(deliveries))
    statuses: list[int] = []

    def deliver(body, headers):
        try:
            barrier.wait(timeout=10)
            response = Client().post(
                f"/webhooks/shopify/{store.id}/", data=body, content_type="application/json", **headers
            )
            statuses.append(response.status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=deliver, args=d) for d in deliveries]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return statuses


@pytest.mark.django_db(transaction=True)
def test_two_identical_deliveries_at_once_have_one_effect():
    # given
    store = StoreFactory()
    body = dumps(consenting_checkout())
    headers = shopify_headers(
        secret=store.webhook_secret, body=body, topic="checkouts/update", webhook_id="w-1"
    )

    # when
    statuses = _post_together(store, [(body, headers), (body, headers)])

    # then
    assert statuses == [200, 200]
    assert WebhookEvent.objects.filter(store=store).count() == 1
    assert Cart.objects.filter(store=store).count() == 1
    assert Customer.objects.filter(store=store).count() == 1
    assert ConsentEvent.objects.filter(store=store).count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_same_checkout_under_two_webhook_ids_at_once_is_one_cart_and_one_consent():
    # given: checkouts/create and checkouts/update fired together for one checkout
    store = StoreFactory()
    body = dumps(consenting_checkout())
    deliveries = [
        (body, shopify_headers(secret=store.webhook_secret, body=body, topic=topic))
        for topic in ("checkouts/create", "checkouts/update")
    ]

    # when
    statuses = _post_together(store, deliveries)

    # then
    assert statuses == [200, 200]
    assert WebhookEvent.objects.filter(store=store, status=WebhookEvent.Status.PROCESSED).count() == 2
    assert Cart.objects.filter(store=store).count() == 1
    assert Customer.objects.filter(store=store).count() == 1
    assert ConsentEvent.objects.filter(store=store).count() == 1
