"""The settings page's send-time simulator: for a phone number, when each step of the flow would go out
for a cart abandoned now, and why — from the same policy functions the dispatcher uses."""

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from cartrecovery.errors import ApplicationError
from stores.models import Store
from stores.phones import phone_parse, store_region

from .models import Flow
from .policy import (
    POLICY_TABLE,
    Policy,
    Recipient,
    quiet_hours_check,
    recipient_resolve,
    registration_hold,
)


@dataclass(frozen=True)
class PlannedSend:
    position: int
    delay_minutes: int
    due_at: datetime
    sends_at: datetime | None  # None: this step would not go out
    zone: str
    reason: str


@dataclass(frozen=True)
class SendTimeReport:
    phone: str
    recipient: Recipient
    sends: list[PlannedSend]

    @property
    def zone(self) -> str:
        return self.recipient.zones[0]


def send_times_simulate(*, store: Store, flow: Flow, phone: str, now: datetime) -> SendTimeReport:
    """Each active step's due time and what the sending rules would make of it, assuming no reply."""
    parsed = phone_parse(phone, region=store_region(store) or "US")
    if parsed.problem:
        raise ApplicationError(f"That is {parsed.problem}.", extra={"field": "phone"})
    recipient = recipient_resolve(phone=parsed.e164, store=store)
    policy = recipient.policy
    sends = []
    for step in flow.steps.filter(is_active=True).order_by("position"):
        due = now + timedelta(minutes=step.delay_minutes)
        sends.append(
            _plan(step=step, due=due, now=now, recipient=recipient, policy=policy, flow=flow, store=store)
        )
    return SendTimeReport(phone=parsed.e164, recipient=recipient, sends=sends)


def _plan(
    *, step, due: datetime, now: datetime, recipient: Recipient, policy: Policy, flow: Flow, store
) -> PlannedSend:
    zone = recipient.zones[0]
    unregistered = registration_hold(recipient=recipient, store=store, now=due)
    if unregistered is not None:
        return PlannedSend(step.position, step.delay_minutes, due, None, zone, unregistered.reason)
    if step.position > 1 and policy.one_cart_text_per_abandonment:
        return PlannedSend(
            step.position,
            step.delay_minutes,
            due,
            None,
            zone,
            f"carrier rule ({recipient.country}): sent only if the shopper replies to the first text",
        )
    hold = quiet_hours_check(recipient=recipient, now=due, flow=flow)
    sends_at = hold.until if hold else due
    if policy.first_text_within is not None and sends_at > now + policy.first_text_within:
        return PlannedSend(
            step.position,
            step.delay_minutes,
            due,
            None,
            zone,
            f"carrier rule ({recipient.country}): not sent within 48 h of abandonment",
        )
    reason = hold.reason if hold else f"inside the sending window ({_window_text(policy, flow)}, {zone})"
    return PlannedSend(step.position, step.delay_minutes, due, sends_at, zone, reason)


def _window_text(policy: Policy, flow: Flow) -> str:
    start, end = max(policy.start_hour, flow.quiet_hours_start), min(policy.end_hour, flow.quiet_hours_end)
    return replace(policy, start_hour=start, end_hour=end).window_text


def policy_rows() -> list[Policy]:
    """The policy table in force, default row first, for the settings page."""

    def order(policy: Policy) -> tuple:
        country = policy.key.split("-")[0]
        return (
            policy.key != "*",
            country not in ("US", "CA"),
            country != "US",
            country,
            "-" in policy.key,
            policy.key,
        )

    return sorted(POLICY_TABLE.values(), key=order)
