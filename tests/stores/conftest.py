import json
import uuid

import pytest

from stores.signing import shopify_hmac
from tests.flows.factories import FlowFactory, StepFactory


def shopify_headers(*, secret: str, body: bytes, topic: str, webhook_id: str | None = None) -> dict:
    """The headers Shopify sends (as Django test client extras), with a real HMAC of the raw body."""
    return {
        "HTTP_X_SHOPIFY_TOPIC": topic,
        "HTTP_X_SHOPIFY_HMAC_SHA256": shopify_hmac(secret=secret, body=body),
        "HTTP_X_SHOPIFY_SHOP_DOMAIN": "shop.myshopify.com",
        "HTTP_X_SHOPIFY_API_VERSION": "2026-07",
        "HTTP_X_SHOPIFY_WEBHOOK_ID": webhook_id or str(uuid.uuid4()),
    }


def dumps(payload: dict) -> bytes:
    return json.dumps(payload).encode()


@pytest.fixture(autouse=True)
def _doorbell_clear():
    """A doorbell left rung by one test would keep the next test's first delivery from queueing a drain."""
    from django.core.cache import cache

    from stores.tasks import DOORBELL_KEY

    cache.delete(DOORBELL_KEY)
    yield
    cache.delete(DOORBELL_KEY)


@pytest.fixture
def post_shopify(client, django_capture_on_commit_callbacks):
    """POST a Shopify delivery for `store` and run the queued processing (Celery is eager in tests).

    A dict is serialised; bytes are sent as they are.
    """

    def post(store, topic: str, payload, *, webhook_id: str | None = None, headers: dict | None = None):
        body = payload if isinstance(payload, bytes) else dumps(payload)
        extra = shopify_headers(secret=store.webhook_secret, body=body, topic=topic, webhook_id=webhook_id)
        extra.update(headers or {})
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                f"/webhooks/shopify/{store.id}/", data=body, content_type="application/json", **extra
            )

    return post


@pytest.fixture
def active_flow(store):
    """A two-step flow, so that carts get nudges scheduled (and cancelled)."""
    flow = FlowFactory(store=store)
    StepFactory(flow=flow, position=1, delay_minutes=45, templates={"en": "Hi"})
    StepFactory(flow=flow, position=2, delay_minutes=24 * 60, templates={"en": "Hi"})
    return flow
