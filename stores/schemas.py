"""The one shape every shop's webhook is normalised to, whatever its format (Shopify, the signed generic one).

Parsers (`stores.shopify`, `stores.generic`) turn a payload into these dataclasses without touching the
database and raise `PayloadError` for anything malformed; services (`cart_upsert`, `order_record`…) take them.
"""

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from urllib.parse import urlsplit

from django.utils.dateparse import parse_datetime


class PayloadError(ValueError):
    """The body is JSON but not the shape we accept: a 400 naming the bad fields, never a 5xx."""

    def __init__(self, field_name: str = "", message: str = "", *, errors: dict | None = None) -> None:
        self.errors = errors if errors is not None else {field_name or "body": [message]}
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.errors.items()))


@dataclass(frozen=True)
class ItemData:
    title: str
    variant: str = ""
    quantity: int = 1
    price: Decimal = Decimal("0.00")
    product_url: str = ""
    image_url: str = ""
    variant_id: str = ""


@dataclass(frozen=True)
class ConsentData:
    """Explicit SMS consent (or its withdrawal) as the shop recorded it: kept as evidence."""

    kind: str  # "granted" | "revoked"
    source: str
    phone_raw: str
    occurred_at: datetime | None = None
    text_shown: str = ""
    language: str = ""
    ip_address: str | None = None
    user_agent: str = ""
    evidence: dict = field(default_factory=dict)
    # Same key for the same evidence delivered again (retries, create + update): one ConsentEvent.
    dedupe_key: str = ""


@dataclass(frozen=True)
class ContactData:
    phone_raw: str = ""
    # Where a national number ("(303) 555-0142") is dialled from: the address it came with.
    phone_region: str = ""
    external_id: str = ""
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    locale: str = ""
    country: str = ""
    province: str = ""


@dataclass(frozen=True)
class CartData:
    external_id: str
    last_activity_at: datetime | None
    cart_token: str = ""
    checkout_token: str = ""
    checkout_id: str = ""
    checkout_url: str = ""
    currency: str = ""
    subtotal: Decimal = Decimal("0.00")
    total: Decimal = Decimal("0.00")
    items: tuple[ItemData, ...] = ()
    contact: ContactData = field(default_factory=ContactData)
    consents: tuple[ConsentData, ...] = ()
    completed_at: datetime | None = None
    # Shopify said the SMS box is unticked on this checkout: withdraws a consent this checkout gave.
    sms_box_unticked: bool = False


@dataclass(frozen=True)
class CartRef:
    """How a message names a cart it does not carry: any of the shop's keys."""

    external_id: str = ""
    cart_token: str = ""
    checkout_token: str = ""
    checkout_id: str = ""

    def __bool__(self) -> bool:
        return any((self.external_id, self.cart_token, self.checkout_token, self.checkout_id))


@dataclass(frozen=True)
class OrderData:
    external_id: str
    placed_at: datetime | None
    name: str = ""
    cart: CartRef = field(default_factory=CartRef)
    currency: str = ""
    total: Decimal = Decimal("0.00")
    discount_codes: tuple[str, ...] = ()
    contact: ContactData = field(default_factory=ContactData)
    consents: tuple[ConsentData, ...] = ()
    cancelled_at: datetime | None = None


@dataclass(frozen=True)
class ConsentChange:
    """A consent message on its own (generic `customer.consent`)."""

    contact: ContactData
    consent: ConsentData


@dataclass(frozen=True)
class PrivacyRequest:
    """GDPR: the shopper a redaction or export request is about."""

    external_id: str = ""
    email: str = ""
    phone_raw: str = ""
    request_id: str = ""
    order_ids: tuple[str, ...] = ()


# --- field readers shared by the parsers: strict on types, forgiving on absence -------------------

_MONEY_LIMIT = Decimal("1e12")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


def text(data: dict, key: str, *, path: str = "", max_length: int = 255) -> str:
    """A string field, absent or null as ''; numbers become their digits (ids); anything else is a 400."""
    value = data.get(key)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise PayloadError(path + key, "must be a string")
    return str(value).strip()[:max_length]


def identifier(data: dict, key: str, *, path: str = "") -> str:
    """An id that may exceed 2**53: kept exact as digits (json gives Python ints; floats are refused)."""
    value = data.get(key)
    if isinstance(value, float):
        raise PayloadError(path + key, "must be an integer or a string, not a float")
    return text(data, key, path=path, max_length=255)


def obj(data: dict, key: str, *, path: str = "") -> dict:
    value = data.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise PayloadError(path + key, "must be an object")
    return value


def objects(data: dict, key: str, *, path: str = "", limit: int = 500) -> list[dict]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise PayloadError(path + key, "must be a list of objects")
    return value[:limit]


def flag(data: dict, key: str, *, path: str = "") -> bool | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, bool):
        raise PayloadError(path + key, "must be true or false")
    return value


def money(data: dict, key: str, *, path: str = "") -> Decimal:
    """Money as Decimal to the cent. Shops send strings ("199.00"); a JSON number is read by its digits."""
    value = data.get(key)
    if value is None or value == "":
        return Decimal("0.00")
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise PayloadError(path + key, "must be a decimal amount")
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation as exc:
        raise PayloadError(path + key, "must be a decimal amount") from exc
    if not amount.is_finite() or abs(amount) >= _MONEY_LIMIT:
        raise PayloadError(path + key, "is out of range")
    return amount.quantize(Decimal("0.01"))


def count(data: dict, key: str, *, path: str = "", default: int = 1) -> int:
    value = data.get(key)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1_000_000:
        raise PayloadError(path + key, "must be a whole number from 0 to 1000000")
    return value


def moment(data: dict, key: str, *, path: str = "") -> datetime | None:
    """An ISO-8601 time; one without an offset is taken as UTC so that every datetime is aware."""
    value = data.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise PayloadError(path + key, "must be an ISO-8601 date-time")
    try:
        parsed = parse_datetime(value.strip())
    except ValueError:
        parsed = None
    if parsed is None:
        raise PayloadError(path + key, "must be an ISO-8601 date-time")
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def currency(data: dict, key: str, *, path: str = "") -> str:
    value = text(data, key, path=path, max_length=8).upper()
    if value and not _CURRENCY.match(value):
        raise PayloadError(path + key, "must be a three-letter ISO 4217 code")
    return value


def web_url(data: dict, key: str, *, path: str = "", strict: bool = True) -> str:
    """Only http(s) links: a checkout URL ends up behind our short-link redirect, so no javascript: URLs.

    `strict=False` drops a bad link instead of refusing the message (a product picture is not worth a 400).
    """
    try:
        value = text(data, key, path=path, max_length=2000)
    except PayloadError:
        if strict:
            raise
        return ""
    if not value:
        return ""
    try:
        parts = urlsplit(value)
    except ValueError:  # "https://[::1/": an IPv6 host urllib cannot split
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        if strict:
            raise PayloadError(path + key, "must be an http(s) URL")
        return ""
    return value


def country_code(data: dict, key: str) -> str:
    value = data.get(key)
    return value.upper() if isinstance(value, str) and len(value) == 2 and value.isalpha() else ""
