"""Template helpers of the shared layout: icons and initials."""

from decimal import Decimal, InvalidOperation

from babel.numbers import UnknownCurrencyError, format_currency
from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()
# The dashboard is in English; amounts read the way an English reader expects ($1,234.50, €12.00).
MONEY_LOCALE = "en_US"

# Outline icons (24×24, stroke) drawn for this product; inline SVG is markup, not script, so CSP allows it.
ICONS = {
    "home": '<path d="M3 10.5 12 3l9 7.5"/><path d="M5 9.5V21h14V9.5"/><path d="M10 21v-6h4v6"/>',
    "flow": '<circle cx="6" cy="6" r="2.5"/><circle cx="18" cy="18" r="2.5"/>'
    '<path d="M6 8.5V13a3 3 0 0 0 3 3h6.5"/><path d="M13 13.5 15.5 16 13 18.5"/>',
    "rules": '<path d="M4 6h16"/><path d="M4 12h10"/><path d="M4 18h7"/><path d="m15 17 2 2 4-4"/>',
    "settings": '<circle cx="12" cy="12" r="3"/><path d="M12 2v3M12 19v3M4.9 4.9l2.1 2.1M17 17l2.1 2.1'
    'M2 12h3M19 12h3M4.9 19.1 7 17M17 7l2.1-2.1"/>',
    "consent": '<path d="M12 3 4 6v6c0 4.5 3.4 8.2 8 9 4.6-.8 8-4.5 8-9V6l-8-3Z"/><path d="m9 12 2 2 4-4"/>',
    "team": '<circle cx="9" cy="8" r="3.5"/><path d="M2.5 20c.8-3.6 3.4-5.5 6.5-5.5s5.7 1.9 6.5 5.5"/>'
    '<path d="M16 4.6a3.5 3.5 0 0 1 0 6.8"/><path d="M18.5 14.8c1.6.7 2.7 2.4 3 5.2"/>',
    "setup": '<path d="M14.7 6.3a4 4 0 0 0-5.4 5.4L3 18l3 3 6.3-6.3a4 4 0 0 0 5.4-5.4'
    'l-2.5 2.5-2.4-.6-.6-2.4Z"/>',
    "inbox": '<path d="M3 13h5l1.5 3h5L16 13h5"/><path d="M5.5 5h13L21 13v6H3v-6Z"/>',
    "billing": '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M3 10h18"/><path d="M7 15h4"/>',
    "phone": '<rect x="7" y="2.5" width="10" height="19" rx="2.5"/><path d="M11 18.5h2"/>',
    "message": '<path d="M4 5h16v11H9l-5 4Z"/>',
    "check": '<path d="m5 12.5 4.5 4.5L19 7.5"/>',
    "chevron": '<path d="m7 10 5 5 5-5"/>',
    "menu": '<path d="M4 7h16M4 12h16M4 17h16"/>',
    "copy": '<rect x="8" y="8" width="12" height="12" rx="2"/>'
    '<path d="M16 8V5a1 1 0 0 0-1-1H5a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h3"/>',
    "refresh": '<path d="M20 12a8 8 0 1 1-2.3-5.7"/><path d="M20 4v5h-5"/>',
    "plus": '<path d="M12 5v14M5 12h14"/>',
    "info": '<circle cx="12" cy="12" r="9"/><path d="M12 11v6M12 7.5v.5"/>',
    "alert": '<path d="M12 3 2 20h20Z"/><path d="M12 10v4.5M12 17.5v.5"/>',
    "download": '<path d="M12 4v11"/><path d="m7 10 5 5 5-5"/><path d="M4 20h16"/>',
    "clock": '<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>',
    "cart": '<circle cx="9" cy="20" r="1.5"/><circle cx="18" cy="20" r="1.5"/>'
    '<path d="M2.5 3.5h3l2.2 11.2a1.5 1.5 0 0 0 1.5 1.3h8.9a1.5 1.5 0 0 0 1.5-1.2L21 8H6.5"/>',
    "logout": '<path d="M15 4h4v16h-4"/><path d="M10 8 6 12l4 4"/><path d="M6 12h11"/>',
}


@register.simple_tag
def icon(name: str, label: str = "") -> str:
    """An inline SVG icon; decorative unless given a label."""
    paths = ICONS.get(name, ICONS["info"])
    accessibility = format_html('role="img" aria-label="{}"', label) if label else 'aria-hidden="true"'
    return mark_safe(  # noqa: S308 - the paths are the constants above; the label is escaped
        f'<svg viewBox="0 0 24 24" fill="none" stroke-width="1.8" stroke-linecap="round" '
        f'stroke-linejoin="round" focusable="false" {accessibility}>{paths}</svg>'
    )


@register.filter
def initials(name: str) -> str:
    words = [w for w in str(name).split() if w[:1].isalnum()]
    return "".join(w[0] for w in words[:2]).upper() or "?"


MINUS = "\u2212"


@register.filter
def money(amount, currency: str = "USD") -> str:
    """Every amount a page shows: Babel's symbol and grouping for the currency, one true minus sign.

    `{{ summary.cost|money:summary.currency }}` → "$1,234.50"; a negative amount → "−$0.79" (one sign, never
    a hand-written "−" before a negative number). Unknown amounts show as "—".
    """
    try:
        value = Decimal(str(amount))
    except (InvalidOperation, ValueError, TypeError):
        return "—"
    code = str(currency or "USD").upper()
    try:
        text = format_currency(abs(value), code, locale=MONEY_LOCALE)
    except (UnknownCurrencyError, ValueError):
        text = f"{abs(value):,.2f} {code}"
    return f"{MINUS}{text}" if value < 0 else text


@register.filter
def points(fraction) -> str:
    """A difference of two rates in percentage points, signed: 0.123 → "+12.3", −0.05 → "−5.0"."""
    if fraction is None:
        return "—"
    value = float(fraction) * 100
    return f"{MINUS if value < 0 else '+'}{abs(value):.1f}"


@register.filter
def chance(probability) -> str:
    """A probability as a whole percent that never claims certainty: 0.0004 → "<1 %", 1.0 → ">99 %"."""
    if probability is None:
        return "—"
    value = float(probability)
    if value < 0.005:
        return "<1 %"
    if value > 0.995:
        return ">99 %"
    return f"{value * 100:.0f} %"
