"""Display helpers of the inbox templates: names, initials, compact times, message labels."""

from datetime import timedelta

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
