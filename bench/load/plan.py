"""The load run's traffic, decided before anything starts: who the shoppers are, which deliveries go out in
what order, signed as Shopify and Twilio sign them. Pure: no Django, no network, so the mix is testable.

Of N Shopify webhooks, 10 % re-deliver an earlier one (same id, same body), 5 % are `orders/create` for a
checkout sent earlier, and the rest are one `checkouts/create` or `checkouts/update` per distinct checkout,
each with a ticked SMS box. 5 % of N checkouts belong to shoppers who then texted STOP: those STOPs go
through Twilio's inbound webhook before the stream, later than the consent their checkout carries.
"""

import base64
import hashlib
import hmac
import json
import random
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

DUPLICATE_SHARE = 0.10
ORDER_SHARE = 0.05
OPTED_OUT_SHARE = 0.05
# A re-delivery or an order follows its original by at least this many deliveries (more than are in flight).
GAP = 100
ELIGIBLE, OPTED_OUT, ORDERED = "eligible", "opted_out", "ordered"
SHOPIFY_PATH = "/webhooks/shopify/{store_id}/"
TWILIO_PATH = "/webhooks/twilio/sms/"


@dataclass(frozen=True)
class Store:
    id: str
    secret: str
    number: str
    domain: str


@dataclass(frozen=True)
class Shopper:
    checkout: str  # the checkout token: the cart's external id
    phone: str
    kind: str
    store: Store


@dataclass(frozen=True)
class Delivery:
    webhook_id: str
    topic: str
    shopper: Shopper
    duplicate: bool = False


@dataclass
class Plan:
    shoppers: list[Shopper]
    deliveries: list[Delivery]  # the Shopify stream, in sending order
    stops: list[Shopper] = field(default_factory=list)

    def kinds(self) -> Counter:
        return Counter(s.kind for s in self.shoppers)

    def webhook_ids(self) -> set[str]:
        return {d.webhook_id for d in self.deliveries}


def plan_build(*, webhooks: int, stores: list[Store], seed: int = 7) -> Plan:
    rng = random.Random(seed)
    run = uuid.uuid4().hex[:6]
    duplicates, orders = round(webhooks * DUPLICATE_SHARE), round(webhooks * ORDER_SHARE)
    checkouts = webhooks - duplicates - orders
    opted_out = round(webhooks * OPTED_OUT_SHARE)
    kinds = [OPTED_OUT] * opted_out + [ORDERED] * orders
    kinds += [ELIGIBLE] * (checkouts - len(kinds))
    rng.shuffle(kinds)
    shoppers = [
        Shopper(checkout=f"load{run}{i:07d}", phone=_phone(i), kind=kind, store=stores[i % len(stores)])
        for i, kind in enumerate(kinds)
    ]
    # Each delivery gets a sending position; a follower lands somewhere after its original.
    positioned = [
        (float(i), Delivery(f"{run}-c{i}", ("checkouts/create", "checkouts/update")[i % 2], shopper))
        for i, shopper in enumerate(shoppers)
    ]
    positioned += [
        (_after(i, checkouts, rng), Delivery(f"{run}-o{i}", "orders/create", shopper))
        for i, shopper in enumerate(shoppers)
        if shopper.kind == ORDERED
    ]
    originals = list(positioned)
    for _ in range(duplicates):
        at, original = rng.choice(originals)
        positioned.append((_after(at, checkouts, rng), _redelivery(original)))
    positioned.sort(key=lambda p: p[0])
    return Plan(
        shoppers=shoppers,
        deliveries=[d for _, d in positioned],
        stops=[s for s in shoppers if s.kind == OPTED_OUT],
    )


def _after(at: float, span: int, rng: random.Random) -> float:
    return at + GAP + rng.random() * max(span - at, 0)


def _redelivery(original: Delivery) -> Delivery:
    return Delivery(original.webhook_id, original.topic, original.shopper, duplicate=True)


def _phone(i: int) -> str:
    """Distinct, valid New York numbers (area code 212: one time zone, the default quiet hours)."""
    return f"+1212{201 + i // 10_000}{i % 10_000:04d}"


# --- bodies and signatures -----------------------------------------------------------------------


def checkout_body(template: dict, shopper: Shopper, *, at: datetime) -> bytes:
    """Shopify's checkout sample as this shopper's: their checkout, phone and ticked SMS box."""
    payload = json.loads(json.dumps(template))
    stamp = at.isoformat()
    payload.update(
        token=shopper.checkout,
        cart_token=f"c-{shopper.checkout}",
        created_at=stamp,
        updated_at=stamp,
        abandoned_checkout_url=f"https://{shopper.store.domain}/checkouts/{shopper.checkout}/recover",
        phone=shopper.phone,
        sms_marketing_phone=shopper.phone,
        buyer_accepts_sms_marketing=True,
    )
    payload["customer"].update(id=int(shopper.phone[1:]), phone=shopper.phone)
    return json.dumps(payload, separators=(",", ":")).encode()


def order_body(template: dict, shopper: Shopper, *, at: datetime) -> bytes:
    """Shopify's order sample, paid (the sample is a voided test order) and placed from this checkout."""
    payload = json.loads(json.dumps(template))
    stamp = at.isoformat()
    payload.update(
        id=int(shopper.phone[1:]),
        checkout_token=shopper.checkout,
        cart_token=f"c-{shopper.checkout}",
        phone=shopper.phone,
        created_at=stamp,
        processed_at=stamp,
        updated_at=stamp,
        cancelled_at=None,
        cancel_reason=None,
        financial_status="paid",
        test=False,
    )
    return json.dumps(payload, separators=(",", ":")).encode()


def shopify_hmac(secret: str, body: bytes) -> str:
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def shopify_request(delivery: Delivery, body: bytes) -> bytes:
    store = delivery.shopper.store
    return _http_post(
        SHOPIFY_PATH.format(store_id=store.id),
        {
            "Content-Type": "application/json",
            "X-Shopify-Topic": delivery.topic,
            "X-Shopify-Hmac-Sha256": shopify_hmac(store.secret, body),
            "X-Shopify-Shop-Domain": store.domain,
            "X-Shopify-API-Version": "2026-07",
            "X-Shopify-Webhook-Id": delivery.webhook_id,
        },
        body,
    )


def stop_request(shopper: Shopper, *, account_sid: str, auth_token: str, public_url: str) -> bytes:
    """The shopper texts STOP to the store's number, as Twilio delivers it (signed over PUBLIC_BASE_URL)."""
    from twilio.request_validator import RequestValidator

    form = {
        "MessageSid": "SM" + uuid.uuid4().hex,
        "AccountSid": account_sid,
        "From": shopper.phone,
        "To": shopper.store.number,
        "Body": "STOP",
        "NumMedia": "0",
        "FromCountry": "US",
    }
    signature = RequestValidator(auth_token).compute_signature(public_url + TWILIO_PATH, form)
    headers = {"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature}
    return _http_post(TWILIO_PATH, headers, urlencode(form).encode())


def _http_post(path: str, headers: dict[str, str], body: bytes) -> bytes:
    lines = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", f"Content-Length: {len(body)}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def request_files_write(requests: list[bytes], *, prefix: str, threads: int) -> list[int]:
    """Deal the raw requests round-robin into one file per wrk thread ("<length>\\n<request>" records)."""
    counts = []
    for thread in range(threads):
        mine = requests[thread::threads]
        with open(f"{prefix}{thread + 1}", "wb") as file:
            for raw in mine:
                file.write(b"%d\n" % len(raw) + raw)
        counts.append(len(mine))
    return counts


# --- the clock -----------------------------------------------------------------------------------


def clock_shift(now: datetime, *, zone: str, at_least: timedelta, window: tuple[int, int]) -> timedelta:
    """How far ahead to move the workers' clock: at least `at_least`, landing inside `window` (hours) in
    `zone`, so every first step is due and no quiet hours hold it."""
    local = (now + at_least).astimezone(ZoneInfo(zone))
    start, end = window
    if start <= local.hour < end:
        return at_least
    opening = local.replace(hour=start, minute=0, second=0, microsecond=0)
    if local.hour >= end:
        opening = (opening + timedelta(days=1)).replace(hour=start)
    return opening - now
