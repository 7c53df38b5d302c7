"""Who sent this body: shop webhook signatures, checked on the raw bytes in constant time."""

import base64
import hashlib
import hmac
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.http import HttpRequest

from .models import Store

# Shopify may keep signing with the old secret for up to an hour after it is rotated.
ROTATION_GRACE = timedelta(hours=1)
# The generic format refuses a signature whose timestamp is further than this from our clock (replays).
GENERIC_TOLERANCE_SECONDS = 5 * 60


class BodyTooLarge(Exception):
    pass


def body_read_bounded(request: HttpRequest) -> bytes:
    """The raw body, refusing (without reading it all) anything over WEBHOOK_MAX_BODY_BYTES."""
    limit = settings.WEBHOOK_MAX_BODY_BYTES
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > limit:
        raise BodyTooLarge
    # Read one byte past the limit: a body that lied about (or omitted) its length is still caught.
    body = request.read(limit + 1)
    if len(body) > limit:
        raise BodyTooLarge
    return body


def secrets_accepted(store: Store, *, now: datetime) -> list[str]:
    accepted = [store.webhook_secret]
    rotated_at = store.webhook_secret_rotated_at
    if store.previous_webhook_secret and rotated_at and now - rotated_at <= ROTATION_GRACE:
        accepted.append(store.previous_webhook_secret)
    return accepted


def shopify_hmac(*, secret: str, body: bytes) -> str:
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def shopify_hmac_valid(*, body: bytes, header: str | None, secrets: list[str]) -> bool:
    if not header:
        return False
    given = header.strip().encode()
    # Every secret is tried (no early exit), so timing does not tell which one matched.
    results = [hmac.compare_digest(shopify_hmac(secret=s, body=body).encode(), given) for s in secrets]
    return any(results)


def generic_signature(*, secret: str, timestamp: int | str, body: bytes) -> str:
    message = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def generic_signature_header(*, secret: str, body: bytes, timestamp: int | None = None) -> str:
    """What a shop sends (also used by our tests, docs and tools): `t=<unix seconds>,v1=<hex>`."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    return f"t={timestamp},v1={generic_signature(secret=secret, timestamp=timestamp, body=body)}"


def generic_signature_valid(*, body: bytes, header: str | None, secrets: list[str], now: float) -> bool:
    """`X-CartRecovery-Signature: t=…,v1=…[,v1=…]`; the timestamp is signed too, so it cannot be moved."""
    timestamp, signatures = _signature_parts(header or "")
    if timestamp is None or not signatures or abs(now - timestamp) > GENERIC_TOLERANCE_SECONDS:
        return False
    expected = [generic_signature(secret=s, timestamp=timestamp, body=body).encode() for s in secrets]
    results = [hmac.compare_digest(e, given.encode()) for e in expected for given in signatures]
    return any(results)


def generic_replay_key(*, body: bytes, header: str | None) -> str:
    """A digest of the signed message "<t>.<raw body>": the same for every replay of one delivery, whatever
    event id comes with it (the event id is not signed). Call it once the signature is valid."""
    timestamp, _ = _signature_parts(header or "")
    if timestamp is None:
        return ""
    return hashlib.sha256(f"{timestamp}.".encode() + body).hexdigest()


def _signature_parts(header: str) -> tuple[int | None, list[str]]:
    timestamp, signatures = None, []
    for part in header.split(","):
        name, _, value = part.strip().partition("=")
        if name == "t" and value.isascii() and value.isdigit() and len(value) <= 12:
            timestamp = int(value)
        elif name == "v1" and value.isascii() and len(value) <= 128:
            signatures.append(value.lower())
    return timestamp, signatures[:4]
