"""Texts waiting to go out, with when and why, read from the same policy the dispatcher applies.

A scheduled nudge the dispatcher already held carries its own reason ("held until 08:00 … — area code");
one it has not looked at yet is projected with `quiet_hours_check` at its due time, so the phone
simulator, the inbox's cart panel and the overview all say the same thing the dispatcher will do.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone

from stores.models import Store
from stores.phones import phone_facts

from .models import Nudge
from .policy import quiet_hours_check, recipient_resolve

# Where the reason says whose clock held a text, in the merchant's words.
_SOURCE_WORDS = {
    "area code": "shopper's area code",
    "country code": "shopper's country code",
    "cart address": "shopper's cart address",
    "store time zone": "store's time zone",
}


@dataclass(frozen=True)
class PendingText:
    nudge_id: int
    step_position: int
    customer: object
    goes_at: datetime
    zone: str
    why: str
    held: bool

    @property
    def local_time(self) -> str:
        local = self.goes_at.astimezone(ZoneInfo(self.zone))
        today = timezone.now().astimezone(ZoneInfo(self.zone)).date()
        when = f"{local:%H:%M}" if local.date() == today else f"{local:%a %d %b %H:%M}"
        return f"{when} {self.zone}"


def hold_reason_sentence(reason: str) -> str:
    """'held until 08:00 America/Los_Angeles — area code' → 'Held until … — shopper's area code'."""
    head, sep, tail = reason.partition(" — ")
    source, comma, rest = tail.partition(",")
    tail = _SOURCE_WORDS.get(source.strip(), source) + comma + rest
    sentence = head + sep + tail if sep else reason
    return sentence[:1].upper() + sentence[1:]


def texts_pending(
    *, store: Store, customer=None, now: datetime | None = None, limit: int = 20
) -> list[PendingText]:
    """The store's scheduled texts (one shopper's, with `customer`), soonest first."""
    now = now or timezone.now()
    nudges = (
        Nudge.objects.for_store(store)
        .filter(state__in=[Nudge.State.SCHEDULED, Nudge.State.SENDING])
        .select_related("cart__customer", "step__flow")
        .order_by("due_at", "id")
    )
    if customer is not None:
        nudges = nudges.filter(cart__customer=customer)
    return [_pending(nudge, store=store, now=now) for nudge in nudges[:limit]]


def _pending(nudge: Nudge, *, store, now: datetime) -> PendingText:
    customer = nudge.cart.customer
    phone = customer.phone.as_e164 if customer is not None and customer.phone else ""
    recipient = recipient_resolve(phone=phone, store=store, cart=nudge.cart)
    zone = recipient.zones[0]
    base: dict[str, Any] = {
        "nudge_id": nudge.id,
        "step_position": nudge.step.position,
        "customer": customer,
        "zone": zone,
    }
    if nudge.state == Nudge.State.SENDING:
        return PendingText(**base, goes_at=now, why="Going out now", held=False)
    if nudge.deferred_count and nudge.due_at > now and nudge.reason:
        # The dispatcher's own decision, as it logged it.
        return PendingText(**base, goes_at=nudge.due_at, why=hold_reason_sentence(nudge.reason), held=True)
    at = max(nudge.due_at, now)
    hold = quiet_hours_check(recipient=recipient, now=at, flow=nudge.step.flow)
    if hold is not None:
        return PendingText(**base, goes_at=hold.until, why=hold_reason_sentence(hold.reason), held=True)
    if nudge.due_at <= now:
        why = "Due now: goes out at the scheduler's next tick"
    else:
        why = f"Due {_clock(at, zone)} — inside the shopper's sending window"
    return PendingText(**base, goes_at=at, why=why, held=False)


def _clock(moment: datetime, zone: str) -> str:
    return f"{moment.astimezone(ZoneInfo(zone)):%H:%M} {zone}"


# Fictional numbers (NANP 555-01xx, the only ones the simulator plays: stores.phones.phone_is_test_number)
# spread round the clock, from Guam to Puerto Rico; the simulator offers the first whose shopper may be
# texted right now. About an hour a day (near 11:00 UTC) no NANP zone is inside its window.
SIMULATOR_TEST_NUMBERS = (
    "+14155550142",  # Los Angeles
    "+13035550142",  # Denver
    "+13125550142",  # Chicago
    "+12125550142",  # New York
    "+17875550142",  # Puerto Rico
    "+18085550142",  # Honolulu
    "+16715550142",  # Guam
)


def simulator_number_in_window(*, store: Store, flow=None, now: datetime | None = None) -> str:
    """A test number inside its sending window now (the store's own country first), or '' if none is."""
    now = now or timezone.now()
    home = _country_code(str(store.sms_number or ""))
    candidates = sorted(SIMULATOR_TEST_NUMBERS, key=lambda number: _country_code(number) != home)
    for number in candidates:
        recipient = recipient_resolve(phone=number, store=store)
        if quiet_hours_check(recipient=recipient, now=now, flow=flow) is None:
            return number
    return ""


def _country_code(e164: str) -> int:
    return phone_facts(e164).calling_code or 1


def simulator_number_for_store(*, store: Store) -> str:
    from .services import flow_active_for

    return simulator_number_in_window(store=store, flow=flow_active_for(store=store))


def shopper_zone(*, store: Store, customer) -> str:
    """The zone the dispatcher would hold this shopper's texts in (their number's, else the store's)."""
    phone = customer.phone.as_e164 if customer is not None and customer.phone else ""
    return recipient_resolve(phone=phone, store=store).zones[0]
