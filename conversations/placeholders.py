"""The one placeholder engine: the words every text a merchant writes may use, checked and filled one way.

Flow steps, keyword-rule replies, the fallback and holding replies and canned responses all speak this one
vocabulary. A text is checked when it is saved (an unknown name is refused with the same words on every
form and API) and filled when it is sent: a missing value never leaves a gap ("Hi , …"), the placeholder
and the space before it go.

To add a placeholder: name it in VOCABULARY, and give its value in `store_values` when it says something
about the store, else in the contexts that fill texts (`flows.rendering` for cart texts,
`conversations.router.reply_context` for replies).
"""

import re
from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import UnknownLocaleError
from babel.dates import format_skeleton

from cartrecovery.errors import ApplicationError

from .countries import country_name
from .languages import language_base

VOCABULARY: dict[str, str] = {
    "first_name": "the shopper's first name",
    "product": "the cart's top product by name",
    "store": "the store's name",
    "link": "the short link back to the cart",
    "discount_code": "the step's discount code or offer",
    "code_expires": "the day the offer ends, in the shopper's language (e.g. December 10)",
    "cart_total": "the cart's total with its currency",
    "price_drop": "a price drop on an item of the cart since it was left (Shopify app), else nothing",
    "shipping_policy": "the store's shipping policy",
    "returns_policy": "the store's returns policy",
    "contact_email": "the store's contact email",
    "contact_phone": "the store's contact phone",
    "ships_to": "the countries the store ships to (settings), in the shopper's language",
    "free_shipping_over": "the free-shipping threshold (settings), as money",
    "return_days": "the return window in days (settings)",
    "processing_days": "the processing time in days (settings)",
}

_NAMED = re.compile(r"\{(\w*)\}")
_WITH_LEADING_SPACE = re.compile(r"[ \t]*\{(\w*)\}")
_LEADING_PUNCTUATION = re.compile(r"^[\s,;:.!-]+")
_RUNS_OF_SPACES = re.compile(r"[ \t]{2,}")
# A sentence of the template ends at . ! or ? followed by a space (a link's dots and colons are not ends).
_SENTENCE_END = re.compile(r"(?<=[.!?])[ \t]+")
# Placeholders a sentence cannot do without: an offer that is not made takes its whole sentence with it
# ("Code {discount_code} takes 10% off until {code_expires}." goes, not just the code).
SENTENCE_PLACEHOLDERS = frozenset({"discount_code", "code_expires"})

_CURRENCY_SYMBOLS = {"USD": "$", "CAD": "$", "AUD": "$", "NZD": "$", "GBP": "£", "EUR": "€", "JPY": "¥"}
_SYMBOL_FIRST = {"USD", "CAD", "AUD", "NZD", "GBP", "JPY"}


def placeholders_listing() -> str:
    """ "{first_name} {product} …": the vocabulary as a form's help text shows it."""
    return " ".join("{" + name + "}" for name in VOCABULARY)


def placeholders_unknown(text: str) -> list[str]:
    return sorted({name for name in _NAMED.findall(text or "") if name not in VOCABULARY})


def placeholders_check(text: str, *, field: str) -> None:
    """Refuse a text that names a placeholder outside the vocabulary: the shopper would see it raw."""
    unknown = placeholders_unknown(text)
    if unknown:
        raise ApplicationError(
            "Unknown placeholder: "
            + ", ".join("{" + name + "}" for name in unknown)
            + ". Use "
            + ", ".join("{" + name + "}" for name in VOCABULARY)
            + ".",
            extra={"field": field, "unknown": unknown},
            code="unknown_placeholder",
        )


def placeholders_fill(template: str, values: Mapping[str, str]) -> str:
    """Fill the placeholders; an empty, missing or unknown one goes with the space before it."""

    def drop_empty(match: re.Match) -> str:
        return match.group(0) if values.get(match.group(1)) else ""

    text = _sentences_without_offer(template, values)
    text = _WITH_LEADING_SPACE.sub(drop_empty, text)
    text = _NAMED.sub(lambda match: str(values[match.group(1)]), text)
    text = _LEADING_PUNCTUATION.sub("", text)  # "{first_name}, your cart…" without a name
    return _RUNS_OF_SPACES.sub(" ", text).strip()


def _sentences_without_offer(template: str, values: Mapping[str, str]) -> str:
    """Drop each sentence about an offer that is not made; the rest of the text stays."""
    empty = {name for name in SENTENCE_PLACEHOLDERS if not values.get(name)}
    if not empty or not any("{" + name + "}" in template for name in empty):
        return template

    def offer_only(sentence: str) -> bool:
        # Names an offer that is not made, and no other value (a sentence that also carries the {link}
        # stays, and only the placeholder goes).
        names = set(_NAMED.findall(sentence))
        return bool(names & empty) and not any(values.get(name) for name in names)

    return " ".join(s for s in _SENTENCE_END.split(template) if not offer_only(s))


def store_values(store, *, language: str = "") -> dict[str, str]:
    """What any text may say about the store itself, in this language (default: the store's). A fact the
    merchant has not set is empty, so the text says nothing rather than something wrong."""
    language = language or language_base(store.default_language) or "en"
    threshold = store.free_shipping_over
    return {
        "store": store.name,
        "shipping_policy": store.shipping_policy,
        "returns_policy": store.returns_policy,
        "contact_email": store.contact_email,
        "contact_phone": store.contact_phone,
        "ships_to": ", ".join(country_name(code, language) for code in store.ships_to or []),
        "free_shipping_over": money_format(threshold, currency=store.currency, language=language)
        if threshold is not None
        else "",
        "return_days": str(store.return_days) if store.return_days is not None else "",
        "processing_days": str(store.processing_days) if store.processing_days is not None else "",
    }


def money_format(amount: Decimal | None, *, currency: str, language: str) -> str:
    """$79.00, £79.00, or 79,00 € for a European language: how {cart_total} reads."""
    if amount is None:
        return ""
    amount = Decimal(amount).quantize(Decimal("0.01"))
    symbol = _CURRENCY_SYMBOLS.get(currency.upper(), "")
    number = f"{amount:,.2f}"
    if language != "en" and currency.upper() not in _SYMBOL_FIRST:
        number = number.replace(",", " ").replace(".", ",")
        return f"{number} {symbol or currency.upper()}"
    return f"{symbol}{number}" if symbol else f"{number} {currency.upper()}"


def date_format(value: datetime | None, *, language: str, timezone: str = "UTC") -> str:
    """The day as people write it in their language, in the store's time zone: "December 10",
    "10 décembre", "10. Dezember" (CLDR through Babel, the month spelled out so no text reads 10/12)."""
    if value is None:
        return ""
    try:
        zone = ZoneInfo(timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    day = value.astimezone(zone).date()
    try:
        return format_skeleton("MMMMd", day, locale=language or "en")
    except (UnknownLocaleError, ValueError):
        return format_skeleton("MMMMd", day, locale="en")
