"""The phone simulator: play the shopper against the real router, on fictional numbers only.

Its writes enter exactly where a real text or a shop's webhook does (`inbound_receive`,
`webhook_event_record`), so what it shows is what a shopper would get. Demo and test stores only.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from cartrecovery.errors import ApplicationError
from stores.models import Customer, Store, WebhookEvent
from stores.phones import (
    TEST_NUMBER_PATTERN,
    TEST_NUMBER_RANGE,
    phone_is_test_number,
    phone_parse,
    store_region,
)
from stores.services import webhook_event_record

from .hooks import FIRST_TEXT_DELAY_PROVIDERS
from .models import Message, Thread
from .selectors import SCHEDULE_READERS, texts_pending_for, thread_messages
from .services import inbound_receive
from .sms.segments import TWILIO_MAX_BODY_CHARS


def phone_simulator_available(store: Store) -> bool:
    """Where the deployment allows it (settings.PHONE_SIMULATOR, off in production unless turned on), and
    only where no real text can leave: a demo store, or a backend that keeps texts in-house."""
    return settings.PHONE_SIMULATOR and (store.is_demo or settings.SMS_BACKEND in ("console", "locmem"))


# What the test phone shows.


@dataclass(frozen=True)
class PhoneScreen:
    e164: str = ""
    problem: str = ""
    customer: object = None
    messages: list[Message] = field(default_factory=list)
    pending: list = field(default_factory=list)  # texts scheduled for this phone, with when and why


def phone_screen(*, store: Store, number: str) -> PhoneScreen:
    """What a test phone shows: every text between it and the store, oldest first (test numbers only)."""
    if not number:
        return PhoneScreen()
    parsed = phone_parse(number, region=store_region(store))
    if not parsed.ok:
        return PhoneScreen(problem=parsed.problem)
    if not phone_is_test_number(parsed.e164):
        return PhoneScreen(problem="not a test number")
    customer = Customer.objects.for_store(store).filter(phone=parsed.e164).first()
    pending = texts_pending_for(store=store, customer=customer)
    thread = Thread.objects.for_store(store).filter(customer=customer).first() if customer else None
    if thread is None:
        return PhoneScreen(e164=parsed.e164, customer=customer, pending=pending)
    thread.customer = customer
    return PhoneScreen(
        e164=parsed.e164,
        customer=customer,
        messages=thread_messages(store=store, thread=thread)[-100:],
        pending=pending,
    )


def phone_test_numbers(*, store: Store, limit: int = 12) -> list:
    """Numbers worth picking in the simulator: the test numbers this store texted most recently."""
    return list(
        Thread.objects.for_store(store)
        .filter(last_message_at__isnull=False, customer__phone__regex=TEST_NUMBER_PATTERN)
        .select_related("customer")
        .order_by("-last_message_at")[:limit]
    )


def simulator_number_suggested(*, store: Store) -> str:
    reader = SCHEDULE_READERS.get("simulator_number")
    return reader(store=store) if reader else ""


# What the test shopper does.


def phone_simulator_text(*, store: Store, from_number: str, body: str):
    """A shopper's text typed into the phone simulator, routed exactly like one Twilio delivers."""
    phone = _simulator_phone(store=store, number=from_number)
    body = body.strip()
    if not body:
        raise ApplicationError("Type the shopper's text first.", code="empty")
    if len(body) > TWILIO_MAX_BODY_CHARS:
        raise ApplicationError(f"A text is at most {TWILIO_MAX_BODY_CHARS} characters.", code="too_long")
    return inbound_receive(store=store, from_phone=phone, body=body)


def _simulator_phone(*, store: Store, number: str) -> str:
    """The test number in E.164, read in the store's region as a shopper's number would be; only numbers of
    the fictional range, so the simulator never records consent (or a STOP) for a real person."""
    parsed = phone_parse(number, region=store_region(store))
    if not parsed.ok:
        raise ApplicationError(f"Pick a test number first ({parsed.problem}).", code="bad_number")
    if not phone_is_test_number(parsed.e164):
        raise ApplicationError(
            f"The simulator plays test numbers only: {TEST_NUMBER_RANGE}, such as +1 415 555 0142.",
            code="not_a_test_number",
        )
    return parsed.e164


SIMULATOR_CART_ITEM = {
    "title": "Alpine Down Jacket",
    "variant": "Glacier Blue / M",
    "quantity": 1,
    "price": "189.00",
}


def phone_simulator_cart_leave(
    *, store: Store, number: str, first_name: str = "Jamie"
) -> WebhookEvent | None:
    """The test shopper leaves a cart, delivered as a shop's `cart.updated` webhook would be.

    The cart's last activity is set just past the flow's first delay, so its first text is due at the
    scheduler's next tick instead of in 30–60 minutes.
    """
    from stores.handlers import GENERIC

    phone = _simulator_phone(store=store, number=number)
    delays = [provider(store=store) for provider in FIRST_TEXT_DELAY_PROVIDERS]
    first_delay = next((minutes for minutes in delays if minutes is not None), None)
    if first_delay is None:
        raise ApplicationError("Turn on a flow with at least one text first.", code="no_flow")
    now = timezone.now()
    left_at = (now - timedelta(minutes=first_delay + 1)).isoformat()
    cart_id = f"simulator-{now.strftime('%Y%m%d%H%M%S%f')}"
    payload = {
        "event": "cart.updated",
        "occurred_at": left_at,
        "cart": {
            "id": cart_id,
            "checkout_url": f"{(store.website_url or 'https://shop.example').rstrip('/')}/checkout/{cart_id}",
            "currency": store.currency,
            "subtotal": SIMULATOR_CART_ITEM["price"],
            "total": SIMULATOR_CART_ITEM["price"],
            "updated_at": left_at,
            "completed": False,
            "items": [SIMULATOR_CART_ITEM],
        },
        "customer": {
            "phone": phone,
            "first_name": first_name,
            "sms_consent": {
                "granted": True,
                "at": left_at,
                "source": "phone_simulator",
                "text_shown": "Phone simulator: text me about my cart. Reply STOP to opt out.",
            },
        },
    }
    return webhook_event_record(
        store=store, source=GENERIC, key=cart_id, topic="cart.updated", payload=payload
    )
