"""Display helpers of the inbox templates: names, initials, compact times, message labels."""

from datetime import timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale, UnknownLocaleError
from django import template
from django.utils import timezone

register = template.Library()

ROUTE_LABELS = {
    "nudge": "Cart reminder",
    "compliance": "Auto-reply · compliance",
    "rule": "Bot",
    "escalation": "Bot · hand-off",
    "fallback": "Bot · fallback",
    "test": "Test text",
}


@register.filter
def customer_name(customer) -> str:
    full = f"{customer.first_name} {customer.last_name}".strip()
    if full:
        return full
    phone = customer.phone
    return getattr(phone, "as_international", None) or str(phone or "") or "Unknown shopper"


@register.filter
def customer_initials(customer) -> str:
    letters = "".join(part[0] for part in (customer.first_name, customer.last_name) if part)
    return (letters or "#").upper()[:2]


@register.filter
def person(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username().split("@")[0]


@register.filter
def inbox_time(value) -> str:
    """14:02 today, "Mon" this week, "Nov 24" before: stable between polls, unlike "3 minutes ago"."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    today = timezone.localdate()
    if local.date() == today:
        return local.strftime("%H:%M")
    if today - local.date() < timedelta(days=7):
        return local.strftime("%a")
    return local.strftime("%b %-d")


@register.filter
def message_sender(message) -> str:
    if message.direction == "in":
        return ""
    if message.route == "agent":
        return person(message.sent_by) or "Agent"
    if message.route == "rule" and message.rule_id:
        return f"Bot · {message.rule.name}"
    return ROUTE_LABELS.get(message.route, "Store")


@register.filter
def local_clock(zone: str) -> str:
    """The time now in `zone` ('08:44'), for a shopper's local time."""
    try:
        return timezone.now().astimezone(ZoneInfo(zone)).strftime("%H:%M")
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        return ""


@register.filter
def zone_city(zone: str) -> str:
    """'America/Los_Angeles' → 'Los Angeles': short enough for a list row."""
    return str(zone or "").rsplit("/", 1)[-1].replace("_", " ")


@register.filter
def language_name(locale: str) -> str:
    """'fr-CA' → 'French', in English; '' when unknown. (The customer's locale until detection lands.)"""
    try:
        return Locale.parse(str(locale or "").replace("-", "_")).get_language_name("en") or ""
    except (ValueError, TypeError, UnknownLocaleError):
        return ""


@register.filter
def message_text(body: str) -> str:
    return body if str(body or "").strip() else "(empty message)"
