"""Shared pieces of the bad-input proofs: correctly signed deliveries of arbitrary bodies."""

import uuid
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.http import QueryDict
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from twilio.request_validator import RequestValidator

from conversations.webhooks import store_cache_clear
from stores.signing import shopify_hmac

# The examples share one test database transaction per test; the fixtures are set up once per test on purpose.
PROOF = hypothesis_settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
CONTRACT_ANSWERS = {200, 400, 401, 403, 404, 413}

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40)
)
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)
# What shops really put in a phone field, plus what nobody should.
phone_texts = st.sampled_from(
    [
        "",
        " ",
        "+",
        "+0",
        "+1",
        "555-555-BILL",
        "+999999999999999999999",
        "+1 415-555-2671",
        "0" * 41,
        "+33 6 12 34 56 78",
        "+44 7700 900123",
        "١٢٣٤٥٦٧٨٩",
        "+1\u0000415",
        "tel:+14155552671",
    ]
) | st.text(max_size=45)


def nested(depth: int) -> str:
    """A JSON text nested `depth` arrays deep, as raw text (json.dumps itself would refuse to build it)."""
    return "[" * depth + "]" * depth


@pytest.fixture(autouse=True)
def _forget_cached_stores():
    store_cache_clear()
    yield
    store_cache_clear()


@pytest.fixture
def send_shopify(client, django_capture_on_commit_callbacks):
    """POST raw bytes to the Shopify webhook, correctly signed, and run the queued processing."""

    def send(store, body: bytes, *, topic: str = "checkouts/update", webhook_id: str | None = None):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                f"/webhooks/shopify/{store.id}/",
                data=body,
                content_type="application/json",
                HTTP_X_SHOPIFY_TOPIC=topic,
                HTTP_X_SHOPIFY_HMAC_SHA256=shopify_hmac(secret=store.webhook_secret, body=body),
                HTTP_X_SHOPIFY_SHOP_DOMAIN=store.shop_domain,
                HTTP_X_SHOPIFY_WEBHOOK_ID=webhook_id or str(uuid.uuid4()),
            )

    return send


def twilio_signature_for(path: str, body: bytes) -> str:
    """Twilio signs the form it sent; we sign the form exactly as Django will read it back from `body`."""
    form = QueryDict(body, encoding="utf-8")
    return RequestValidator(settings.TWILIO_AUTH_TOKEN).compute_signature(
        settings.PUBLIC_BASE_URL + path, form
    )


@pytest.fixture
def send_twilio(client, django_capture_on_commit_callbacks):
    """POST a form (pairs, or raw bytes) to a Twilio webhook with a valid X-Twilio-Signature."""

    def send(path: str, form: list[tuple[str, str]] | bytes):
        body = form if isinstance(form, bytes) else urlencode(form).encode()
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                path,
                data=body,
                content_type="application/x-www-form-urlencoded",
                HTTP_X_TWILIO_SIGNATURE=twilio_signature_for(path, body),
            )

    return send
