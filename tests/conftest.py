import json
import uuid

import pytest
from rest_framework.test import APIClient

from conversations.sms import locmem
from conversations.sms import twilio as twilio_backend
from stores.services import api_token_create
from stores.signing import generic_signature_header
from tests.fakes.twilio_server import FakeTwilioServer
from tests.stores.factories import MembershipFactory, StoreFactory

pytest_plugins = ["tests.browser"]


@pytest.fixture(autouse=True)
def _empty_sms_outbox():
    locmem.outbox.clear()
    yield
    locmem.outbox.clear()


@pytest.fixture
def sms_outbox():
    return locmem.outbox


@pytest.fixture
def store(db):
    return StoreFactory()


@pytest.fixture
def owner(store):
    return MembershipFactory(store=store).user


@pytest.fixture
def api_client(owner):
    """An API client authenticated as an owner of `store`, with a real (knox) API token."""
    client = APIClient()
    _, token = api_token_create(user=owner)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


@pytest.fixture
def other_store(db):
    return StoreFactory(name="Another Store")


@pytest.fixture
def post_generic(client, django_capture_on_commit_callbacks):
    """POST a signed generic cart webhook for `store` (a dict is serialised, bytes are sent as they are)
    and run the queued processing (Celery is eager in tests)."""

    def post(store, payload, *, event_id: str | None = None, timestamp: int | None = None, secret=None):
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        signature = generic_signature_header(
            secret=secret or store.webhook_secret, body=body, timestamp=timestamp
        )
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                f"/webhooks/carts/{store.id}/",
                data=body,
                content_type="application/json",
                HTTP_X_CARTRECOVERY_SIGNATURE=signature,
                HTTP_X_CARTRECOVERY_EVENT_ID=event_id or str(uuid.uuid4()),
            )

    return post


@pytest.fixture
def fake_twilio(settings):
    """The Twilio-compatible server on loopback, with the twilio SMS backend pointed at it."""
    with FakeTwilioServer() as server:
        settings.SMS_BACKEND = "twilio"
        settings.TWILIO_API_BASE_URL = server.url
        settings.TWILIO_HTTP_TIMEOUT = 1.0
        twilio_backend._clients.clear()
        yield server
    twilio_backend._clients.clear()


@pytest.fixture
def fake_shopify(settings):
    """The Shopify-compatible Admin API on loopback, with SHOPIFY_ADMIN_URL pointed at it and short
    retry back-offs."""
    from tests.fakes.shopify_server import FakeShopifyServer

    with FakeShopifyServer() as server:
        settings.SHOPIFY_ADMIN_URL = server.admin_url
        settings.SHOPIFY_RETRY_BACKOFF = 0.01
        yield server
