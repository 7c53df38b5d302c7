"""Inbound shop webhooks. Verify the raw body first, record the delivery under its idempotency key, answer
within milliseconds, and leave the work to `stores.tasks.process_webhook_event` (see `stores.handlers`).

Answers: 200 accepted (or a repeat: no second effect) · 400 malformed · 401 bad signature · 404 unknown
store · 413 too large · 503 while the database is down (so the shop retries; never a 2xx without a commit).
"""

import hashlib
import json
import logging
import math
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError, DataError
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, PolymorphicProxySerializer, extend_schema
from rest_framework.parsers import JSONParser
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView

from cartrecovery.middleware import machine_endpoint

from . import generic, signing
from .handlers import GENERIC, SHOPIFY, handler_for
from .models import Store
from .schemas import PayloadError
from .services import webhook_event_record

logger = logging.getLogger(__name__)


class Reject(Exception):
    def __init__(self, status: int, detail: str, errors: dict | None = None) -> None:
        super().__init__(detail)
        self.status, self.detail, self.errors = status, detail, errors

    def response(self) -> JsonResponse:
        body = {"detail": self.detail, **({"errors": self.errors} if self.errors else {})}
        return JsonResponse(body, status=self.status)


# (request, body, accepted secrets) -> signature ok?
Verifier = Callable[[HttpRequest, bytes, list[str]], bool]
# (request, payload, body) -> (topic, idempotency key, replay key of the signed content or "")
Describer = Callable[[HttpRequest, dict, bytes], tuple[str, str, str]]
# (request, body) -> the store whose delivery this verifiably is (else Reject)
Authenticator = Callable[[HttpRequest, bytes], Store]


def _receive(request: HttpRequest, *, store_id: str, source: str, verify: Verifier, describe: Describer):
    """A delivery signed with the secret of the store in its URL (the hand-made webhooks)."""

    def authenticate(request: HttpRequest, body: bytes) -> Store:
        return _verified_store(request, store_id=store_id, body=body, verify=verify, source=source)

    return receive(request, source=source, authenticate=authenticate, describe=describe)


def receive(request: HttpRequest, *, source: str, authenticate: Authenticator, describe: Describer):
    """Every shop delivery's one path: bounded body, authenticated store, parsed, recorded once, 2xx fast."""
    try:
        return _receive_or_reject(request, source=source, authenticate=authenticate, describe=describe)
    except Reject as reject:
        return reject.response()
    except DatabaseError:
        logger.warning("%s webhook refused with 503: database unavailable", source, exc_info=True)
        response = JsonResponse({"detail": "Temporarily unavailable; retry later."}, status=503)
        response["Retry-After"] = "30"
        return response


def _receive_or_reject(request, *, source, authenticate: Authenticator, describe) -> JsonResponse:
    try:
        body = signing.body_read_bounded(request)
    except signing.BodyTooLarge as exc:
        raise Reject(413, f"Body over {settings.WEBHOOK_MAX_BODY_BYTES} bytes.") from exc
    store = authenticate(request, body)
    payload = _json_object(body)
    topic, key, replay_key = describe(request, payload, body)
    handler = handler_for(source=source, topic=topic)
    if handler is None:
        logger.info("%s webhook topic %r not handled; accepted and ignored", source, topic)
    else:
        try:
            handler.parse(payload)
        except PayloadError as exc:
            raise Reject(400, "The body does not have the expected shape.", exc.errors) from exc
    try:
        event = webhook_event_record(
            store=store,
            source=source,
            key=key,
            topic=topic,
            payload=payload,
            handled=handler is not None,
            replay_key=replay_key,
            payload_text=_utf8_text(body),
        )
    except DataError as exc:
        # PostgreSQL refuses what JSON allows (\u0000, lone surrogates): the body is bad, not the server.
        raise Reject(400, "The body holds characters that cannot be stored.") from exc
    if event is None:
        return JsonResponse({"status": "duplicate"})
    return JsonResponse({"status": "accepted" if handler is not None else "ignored"})


# A verified delivery needs no store query: each process remembers a store's secrets for a minute. A
# signature that fails against remembered secrets is checked again against the database, so a secret
# rotated a moment ago is honoured at once (and the old one stays valid for its hour either way).
_STORE_MEMORY_SECONDS = 60.0
_store_memory: dict[uuid.UUID, tuple[float, Store]] = {}


def _verified_store(request, *, store_id: str, body: bytes, verify: Verifier, source: str) -> Store:
    try:
        store_uuid = uuid.UUID(str(store_id))
    except ValueError as exc:
        raise Reject(404, "No such store.") from exc
    expires, store = _store_memory.get(store_uuid, (0.0, None))
    fresh_enough = store is not None and expires > time.monotonic()
    if fresh_enough and verify(request, body, signing.secrets_accepted(store, now=timezone.now())):
        return store
    store = _store_fetch(store_uuid)
    if not verify(request, body, signing.secrets_accepted(store, now=timezone.now())):
        logger.info("%s webhook for store %s refused: bad or missing signature", source, store.id)
        raise Reject(401, "Bad or missing signature.")
    return store


def _store_fetch(store_uuid: uuid.UUID) -> Store:
    store = (
        Store.objects.only("id", "webhook_secret", "previous_webhook_secret", "webhook_secret_rotated_at")
        .filter(pk=store_uuid)
        .first()
    )
    if store is None:
        _store_memory.pop(store_uuid, None)
        raise Reject(404, "No such store.")
    if len(_store_memory) > 10_000:
        _store_memory.clear()
    _store_memory[store_uuid] = (time.monotonic() + _STORE_MEMORY_SECONDS, store)
    return store


def _reject_constant(name: str):
    raise ValueError(f"{name} is not JSON")


def _finite_float(text: str) -> float:
    """1e999 parses as infinity, which no JSON (nor the database) can hold: refused like NaN."""
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is out of range")
    return value


def _json_object(body: bytes) -> dict:
    try:
        payload = json.loads(body, parse_constant=_reject_constant, parse_float=_finite_float)
    except (ValueError, RecursionError) as exc:
        raise Reject(400, "Malformed JSON.") from exc
    if not isinstance(payload, dict):
        raise Reject(400, "The body must be a JSON object.")
    if _could_nest_deeper_than(body, MAX_JSON_DEPTH) and _nested_deeper_than(payload, MAX_JSON_DEPTH):
        # The parser accepts ~1,000 levels, but storing it (json.dumps in psycopg) recurses deeper than that.
        raise Reject(400, f"The body is nested deeper than {MAX_JSON_DEPTH} levels.")
    return payload


# Real shop payloads are under ten levels deep; 64 leaves room and keeps storage off the recursion limit.
MAX_JSON_DEPTH = 64


def _could_nest_deeper_than(body: bytes, limit: int) -> bool:
    """Each level opens a bracket: a body with no more brackets than the limit (a checkout's has about 25)
    cannot be nested deeper, and counting bytes costs far less than walking the parsed payload."""
    return body.count(b"{") + body.count(b"[") > limit


def _utf8_text(body: bytes) -> str | None:
    """The body as text when it is plain UTF-8 (as shops send it); None for what JSON also allows (UTF-16
    or 32, a byte-order mark, lone surrogates): the payload is then stored as parsed."""
    if json.detect_encoding(body) != "utf-8":
        return None
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _nested_deeper_than(payload: dict | list, limit: int) -> bool:
    """An explicit stack: a recursive walk would fail on exactly the bodies it is meant to catch."""
    stack = [(payload, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        children = node.values() if isinstance(node, dict) else node
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def _header(request: HttpRequest, name: str) -> str:
    """Header names are case-insensitive (HTTP/2 lowercases them): the WSGI environ holds them upper-cased.
    Read there rather than through `request.headers`, which converts every header of the request."""
    return (request.META.get("HTTP_" + name.upper().replace("-", "_")) or "").strip()


# --- Shopify --------------------------------------------------------------------------------------


def _shopify_verify(request, body: bytes, secrets: list[str]) -> bool:
    return signing.shopify_hmac_valid(
        body=body, header=_header(request, "X-Shopify-Hmac-Sha256"), secrets=secrets
    )


def shopify_describe(request, payload: dict, body: bytes) -> tuple[str, str, str]:
    topic = _header(request, "X-Shopify-Topic")
    if not topic:
        raise Reject(
            400, "Missing X-Shopify-Topic header.", {"X-Shopify-Topic": ["This header is required."]}
        )
    # Shopify always sends a webhook id; a hand-made delivery without one is deduplicated by its content.
    key = _header(request, "X-Shopify-Webhook-Id") or "sha256:" + hashlib.sha256(body).hexdigest()
    return topic, key, ""


@machine_endpoint
@csrf_exempt
@require_POST
def shopify_webhook(request: HttpRequest, store_id: str) -> JsonResponse:
    return _receive(
        request, store_id=store_id, source=SHOPIFY, verify=_shopify_verify, describe=shopify_describe
    )


# --- any shop: the signed generic format ----------------------------------------------------------


def _generic_verify(request, body: bytes, secrets: list[str]) -> bool:
    return signing.generic_signature_valid(
        body=body, header=_header(request, "X-CartRecovery-Signature"), secrets=secrets, now=time.time()
    )


def _generic_describe(request, payload: dict, body: bytes) -> tuple[str, str, str]:
    event = payload.get("event")
    if not isinstance(event, str) or not event:
        raise Reject(400, "The body names no event.", {"event": ["This field is required."]})
    key = _header(request, "X-CartRecovery-Event-Id")
    if not key or len(key) > 200:
        raise Reject(
            400,
            "Missing X-CartRecovery-Event-Id header.",
            {"X-CartRecovery-Event-Id": ["1 to 200 characters."]},
        )
    # The event id is not signed: a (timestamp, body) pair seen before is a replay, whatever id it carries.
    replay_key = signing.generic_replay_key(body=body, header=_header(request, "X-CartRecovery-Signature"))
    return event[:64], key, replay_key


_GENERIC_EXAMPLE = {
    "event": "cart.updated",
    "occurred_at": "2026-11-26T18:04:05Z",
    "cart": {
        "id": "wc-cart-8812",
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
        "phone": "+33612345678",
        "first_name": "Léa",
        "email": "lea@example.fr",
        "locale": "fr",
        "country": "FR",
        "sms_consent": {
            "granted": True,
            "at": "2026-11-26T18:03:51Z",
            "source": "checkout_checkbox",
            "text_shown": "Envoyez-moi des rappels de panier par SMS. Répondez STOP pour arrêter.",
            "language": "fr",
            "ip": "203.0.113.7",
            "user_agent": "Mozilla/5.0",
        },
    },
}


class GenericCartWebhookView(APIView):
    """Any shop's cart events, signed with the store's webhook secret."""

    authentication_classes = ()
    permission_classes = (AllowAny,)
    # Declares the body as JSON for the schema; `request.data` is never touched: the raw body is read (and
    # its size bounded) by `_receive` before anything parses it.
    parser_classes = (JSONParser,)

    @extend_schema(
        operation_id="webhook_carts",
        summary="Cart, order and consent events from any shop (signed JSON)",
        description=(
            "Signed with the store's webhook secret: `X-CartRecovery-Signature: t=<unix seconds>,"
            'v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. A `t` more than 5 minutes from our clock is '
            "refused. `X-CartRecovery-Event-Id` is the idempotency key: a repeated id has no second "
            "effect, nor has a repeated (t, body) pair under any id. Unknown events are answered 200 "
            "and ignored. Validation errors name each bad field."
        ),
        auth=[],
        tags=["webhooks"],
        parameters=[
            OpenApiParameter("store_id", str, OpenApiParameter.PATH, description="The store's UUID."),
            OpenApiParameter(
                "X-CartRecovery-Signature",
                str,
                OpenApiParameter.HEADER,
                required=True,
                description='t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">',
            ),
            OpenApiParameter(
                "X-CartRecovery-Event-Id",
                str,
                OpenApiParameter.HEADER,
                required=True,
                description="Unique per event; repeats are acknowledged and ignored.",
            ),
        ],
        request=PolymorphicProxySerializer(
            component_name="CartRecoveryEvent",
            serializers=list(generic.EVENT_SERIALIZERS.values()),
            resource_type_field_name="event",
        ),
        responses={
            200: generic.AckSerializer,
            400: generic.ErrorSerializer,
            401: generic.ErrorSerializer,
            404: generic.ErrorSerializer,
            413: generic.ErrorSerializer,
            503: generic.ErrorSerializer,
        },
        examples=[OpenApiExample("cart.updated", value=_GENERIC_EXAMPLE, request_only=True)],
    )
    def post(self, request, store_id: str):
        return _receive(
            request._request,
            store_id=store_id,
            source=GENERIC,
            verify=_generic_verify,
            describe=_generic_describe,
        )


generic_cart_webhook = machine_endpoint(GenericCartWebhookView.as_view())
