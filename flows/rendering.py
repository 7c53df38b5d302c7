"""Turn a step's template into the text one shopper gets, and preview it for the merchant.

Placeholders are the one vocabulary of `conversations.placeholders`, filled by its engine. Segment counts
shown to merchants are for the worst case (the longest name, product and code we would ever put in), so the
bill never surprises; the cost is the billed price per segment (`conversations.sms.prices`).
"""

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone

from conversations.placeholders import (
    date_format,
    money_format,
    placeholders_fill,
    placeholders_unknown,
    store_values,
)
from conversations.sms.prices import segment_price_for_country
from conversations.sms.segments import TWILIO_MAX_BODY_CHARS, SegmentInfo, segment_info

from . import defaults
from .policy import policy_for

_STOP_WORD = re.compile(r"\bSTOP\b")

MAX_FIRST_NAME_CHARS = 20
MAX_PRODUCT_CHARS = 40
SHORT_CODE_CHARS = 11  # secrets.token_urlsafe(8)
RECOMMENDED_MAX_CHARS = 320
RECOMMENDED_FIRST_DELAY = (30, 60)

WORST_CASE_FIRST_NAME = "Alexandra-Charlotte"
WORST_CASE_PRODUCT = "Ultralight Waterproof Down Hiking Parka"
WORST_CASE_MORE = 9
WORST_CASE_TOTAL = Decimal("12345.67")
SAMPLE_FIRST_NAME = "Jamie"
SAMPLE_PRODUCT = "Alpine Down Jacket"


@dataclass(frozen=True)
class RenderContext:
    """The values of one cart text; `store_words` are the store's own (`store_values`)."""

    first_name: str = ""
    product: str = ""
    store: str = ""
    link: str = ""
    discount_code: str = ""
    code_expires: str = ""
    cart_total: str = ""
    price_drop: str = ""
    store_words: dict = field(default_factory=dict)

    def values(self) -> dict[str, str]:
        own = {
            "first_name": self.first_name,
            "product": self.product,
            "store": self.store,
            "link": self.link,
            "discount_code": self.discount_code,
            "code_expires": self.code_expires if self.discount_code else "",
            "cart_total": self.cart_total,
            "price_drop": self.price_drop,
        }
        return {**self.store_words, **own}


# render_step's default: the step's own offer (callers outside the dispatcher: previews, tests, tools).
STEP_INCENTIVE = object()


@dataclass(frozen=True)
class RenderedText:
    body: str
    language: str
    info: SegmentInfo


@dataclass(frozen=True)
class TemplatePreview:
    text: str
    info: SegmentInfo  # the sample text
    worst_case: SegmentInfo  # the longest text this template can produce
    estimated_cost: Decimal  # worst case, USD per recipient
    currency: str
    warnings: list[str] = field(default_factory=list)
    # CTIA: what the first text after a new consent costs on top ("in_text": the disclosure lengthens the
    # text; "separate_text": a confirmation text goes out on consent).
    consent_disclosure: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "text": self.text,
            "segments": self.info.as_dict(),
            "worst_case": self.worst_case.as_dict(),
            "estimated_cost": str(self.estimated_cost),
            "currency": self.currency,
            "warnings": self.warnings,
            "consent_disclosure": self.consent_disclosure,
        }


def language_base(locale: str | None) -> str:
    return re.split(r"[-_]", (locale or "").strip().lower())[0]


def language_pick(*, templates: dict, locales: tuple[str | None, ...], store_language: str) -> str:
    """The shopper's language when the step speaks it, else the store's, else English, else any."""
    for candidate in (*map(language_base, locales), language_base(store_language), "en"):
        if candidate and templates.get(candidate):
            return candidate
    return next((lang for lang, text in templates.items() if text), "en")


def _words(table: dict, language: str) -> str:
    return table.get(language) or table["en"]


def product_phrase(titles: list[str], *, language: str) -> str:
    """The top item by name, shortened to fit a text, and how many more there are."""
    titles = [t.strip() for t in titles if t and t.strip()]
    if not titles:
        return _words(defaults.PRODUCT_FALLBACK, language)
    top = titles[0]
    if len(top) > MAX_PRODUCT_CHARS:
        top = top[: MAX_PRODUCT_CHARS - 3].rsplit(" ", 1)[0].rstrip(" ,;:-") + "..."
    if len(titles) > 1:
        top = f"{top} {_words(defaults.MORE_ITEMS, language).format(n=len(titles) - 1)}"
    return top


def first_name_clean(raw: str | None) -> str:
    name = " ".join((raw or "").split())
    if not name or len(name) > MAX_FIRST_NAME_CHARS or any(c.isdigit() or c == "@" for c in name):
        return ""
    if name.islower() or name.isupper():
        name = name.title()
    return name


def render_template(template: str, *, context: RenderContext) -> str:
    """Fill the placeholders with the one engine: an empty or unknown one goes with its leading space."""
    return placeholders_fill(template, context.values())


def cart_text_ensure(
    body: str, *, store_name: str, language: str, identify: bool = False, disclose: bool = False
) -> str:
    """What every automated cart text must carry, whatever its template says.

    Every one says how to stop, in its own language (carriers, CTIA; a reminder after an inbound-first
    conversation once went out without it). `identify`: the store's name goes first (the first text a
    number gets, and every text to Canada under CASL). `disclose`: the CTIA disclosures of the first text
    after each new consent ("Msg & data rates may apply", HELP).
    """
    if identify and store_name and store_name.lower() not in body.lower():
        body = f"{store_name}: {body}"
    disclosure = _words(defaults.DISCLOSURE_LINE, language)
    if disclose and disclosure not in body:
        body = f"{body} {disclosure}"
    if not _STOP_WORD.search(body):
        body = f"{body} {_words(defaults.OPT_OUT_LINE, language)}"
    return body


def consent_confirmation_is_separate(store) -> bool:
    return getattr(store, "consent_confirmation", "") == "separate_text"


def consent_confirmation_text(*, store, language: str) -> str:
    """The separate text a store may send on each new consent instead of lengthening the first cart text."""
    body = _words(defaults.CONSENT_CONFIRMATION, language).format(store=store.name)
    return cart_text_ensure(body, store_name=store.name, language=language, identify=True, disclose=True)


def render_step(
    *,
    store,
    step,
    cart,
    link_url: str,
    discount_code: str = "",
    first_text: bool = False,
    disclose: bool = False,
    items: list | None = None,
    price_drop=None,
    incentive=STEP_INCENTIVE,
) -> RenderedText:
    """The text of one nudge for one cart, in the shopper's language (`items`: the cart's, if loaded).

    `first_text`: the store must say who it is (a number's first text, every text to Canada);
    `disclose`: the first text after a new consent (see `cart_text_ensure`). `price_drop`: a
    `flows.stock.PriceDrop` for `{price_drop}`.
    `disclose`: the first text after a new consent (see `cart_text_ensure`).
    `incentive`: the offer `flows.offers` chose (an `Incentive`), or None when it was withheld or there is
    none: then the sentence naming {discount_code} goes. By default, the step's own offer from today.
    """
    customer = cart.customer
    language = language_pick(
        templates=step.templates,
        locales=(cart.locale, customer.locale if customer else ""),
        store_language=store.default_language,
    )
    titles = [item.title for item in _items_by_value(cart.items.all() if items is None else items)]
    if incentive is STEP_INCENTIVE:
        words = discount_code or _incentive_words(step, language)
        expires = timezone.now() + timedelta(days=step.incentive_valid_days) if words else None
    else:
        words = incentive_words(incentive, language) if incentive is not None else ""
        expires = incentive.expires_at if incentive is not None else None
    context = RenderContext(
        discount_code=words,
        code_expires=date_format(expires, language=language, timezone=store.timezone),
        first_name=first_name_clean((customer.first_name if customer else "") or cart.first_name),
        product=product_phrase(titles, language=language),
        store=store.name,
        link=link_url,
        cart_total=money_format(cart.total, currency=cart.currency or store.currency, language=language),
        price_drop=price_drop_words(price_drop, currency=cart.currency or store.currency, language=language),
        store_words=store_values(store, language=language),
    )
    body = cart_text_ensure(
        render_template(step.templates[language], context=context),
        store_name=store.name,
        language=language,
        identify=first_text or disclose,
        disclose=disclose,
    )
    return RenderedText(body=body, language=language, info=segment_info(body))


def price_drop_words(drop, *, currency: str, language: str) -> str:
    """ "Alpine Down Jacket is now $69.00 (was $79.00)." for `{price_drop}`; "" without a drop."""
    if drop is None:
        return ""
    return _words(defaults.PRICE_DROP, language).format(
        product=product_phrase([drop.title], language=language),
        now=money_format(drop.now, currency=currency, language=language),
        was=money_format(drop.was, currency=currency, language=language),
    )


def _items_by_value(items) -> list:
    return sorted(items, key=lambda item: (-(item.price * item.quantity), item.position, item.id))


def incentive_words(incentive, language: str) -> str:
    """What {discount_code} says for an offer: its code, else the merchant's wording, else "free shipping"."""
    from .models import IncentiveKind

    if incentive.code:
        return incentive.code
    if incentive.kind == IncentiveKind.FREE_SHIPPING:
        return incentive.text or _words(defaults.FREE_SHIPPING_TEXT, language)
    return ""


def _incentive_words(step, language: str) -> str:
    from .models import IncentiveKind

    if step.incentive_kind == IncentiveKind.FREE_SHIPPING:
        return step.incentive_text or _words(defaults.FREE_SHIPPING_TEXT, language)
    if step.incentive_kind == IncentiveKind.FIXED_CODE:
        return step.discount_code
    return ""


def short_link_prefix() -> str:
    return f"{settings.PUBLIC_BASE_URL}/r/"


def template_preview(
    *,
    store,
    template: str,
    language: str = "en",
    position: int = 1,
    delay_minutes: int | None = None,
    incentive_kind: str = "none",
    discount_code: str = "",
    first_text: bool | None = None,
    country: str = "US",
    valid_days: int = 7,
) -> TemplatePreview:
    """What the dashboard editor shows under a template: a sample, the worst case, cost and warnings."""
    first_text = position == 1 if first_text is None else first_text
    code = discount_code or ("COMEBACK10" if incentive_kind != "none" else "")
    sample = RenderContext(
        first_name=SAMPLE_FIRST_NAME,
        product=f"{SAMPLE_PRODUCT} {_words(defaults.MORE_ITEMS, language).format(n=2)}",
        store=store.name,
        link=short_link_prefix() + "k3Xq9ZpA2bQ",
        discount_code=code,
        code_expires=date_format(
            timezone.now() + timedelta(days=valid_days), language=language, timezone=store.timezone
        ),
        cart_total=money_format(Decimal("79.00"), currency=store.currency, language=language),
        price_drop=_words(defaults.PRICE_DROP, language).format(
            product=SAMPLE_PRODUCT,
            now=money_format(Decimal("69.00"), currency=store.currency, language=language),
            was=money_format(Decimal("79.00"), currency=store.currency, language=language),
        ),
        store_words=store_values(store, language=language),
    )
    worst = RenderContext(
        first_name=WORST_CASE_FIRST_NAME,
        product=f"{WORST_CASE_PRODUCT} " + _words(defaults.MORE_ITEMS, language).format(n=WORST_CASE_MORE),
        store=store.name,
        link=short_link_prefix() + "x" * SHORT_CODE_CHARS,
        discount_code=code.ljust(12, "X") if code else "",
        code_expires=_longest_date(language),
        cart_total=money_format(WORST_CASE_TOTAL, currency=store.currency, language=language),
        price_drop=_words(defaults.PRICE_DROP, language).format(
            product=WORST_CASE_PRODUCT,
            now=money_format(WORST_CASE_TOTAL, currency=store.currency, language=language),
            was=money_format(WORST_CASE_TOTAL, currency=store.currency, language=language),
        ),
        store_words=store_values(store, language=language),
    )
    policy = policy_for(country=country)
    _, segment_price = segment_price_for_country(country)
    identify = first_text or policy.identify_every_text
    disclose = first_text and not consent_confirmation_is_separate(store)

    def finish(body: str, *, with_disclosure: bool) -> str:
        return cart_text_ensure(
            body, store_name=store.name, language=language, identify=identify, disclose=with_disclosure
        )

    text = finish(render_template(template, context=sample), with_disclosure=disclose)
    worst_body = render_template(template, context=worst)
    worst_text = finish(worst_body, with_disclosure=disclose)
    info, worst_info = segment_info(text), segment_info(worst_text)
    consent_segments = 0
    if disclose:
        consent_segments = (
            worst_info.segments - segment_info(finish(worst_body, with_disclosure=False)).segments
        )
    elif first_text:
        consent_segments = segment_info(consent_confirmation_text(store=store, language=language)).segments
    return TemplatePreview(
        text=text,
        info=info,
        worst_case=worst_info,
        estimated_cost=(segment_price * worst_info.segments).quantize(Decimal("0.0001")),
        currency="USD",
        consent_disclosure={
            "mode": "separate_text" if first_text and not disclose else "in_text" if disclose else "none",
            "extra_segments": consent_segments,
        },
        warnings=template_warnings(
            template=template,
            worst_case=worst_info,
            worst_text=worst_text,
            position=position,
            delay_minutes=delay_minutes,
            incentive_kind=incentive_kind,
            first_text=first_text,
            carrier_rule=policy.one_cart_text_per_abandonment,
        )
        + _unique_code_warnings(store, incentive_kind),
    )


def _unique_code_warnings(store, incentive_kind: str) -> list[str]:
    """A code made in Shopify needs the store's Shopify app: say so where the step is edited."""
    if incentive_kind != "unique_code" or _shopify_connected(store):
        return []
    return [
        "A code made in Shopify needs the Shopify app connected: until then the text goes with the "
        "fallback discount code, or without a code."
    ]


def _shopify_connected(store) -> bool:
    try:
        return store.shopify_connection.is_active
    except ObjectDoesNotExist:
        return False


def _longest_date(language: str) -> str:
    """The longest {code_expires} this language can produce (the 28th of its longest month name)."""
    return max(
        (date_format(datetime(2026, month, 28, 12, tzinfo=UTC), language=language) for month in range(1, 13)),
        key=len,
    )


def template_warnings(
    *,
    template: str,
    worst_case: SegmentInfo,
    worst_text: str,
    position: int,
    delay_minutes: int | None,
    incentive_kind: str,
    first_text: bool,
    carrier_rule: bool = True,
) -> list[str]:
    warnings = []
    if worst_case.ucs2_chars:
        shown = " ".join(worst_case.ucs2_chars[:5])
        warnings.append(
            f"{shown}: not in the GSM-7 alphabet, so the whole text is sent as Unicode "
            f"(70 characters per segment instead of 160)."
        )
    if "{link}" not in template:
        warnings.append("No {link}: the shopper has no one-tap way back to the cart.")
    if not _STOP_WORD.search(template):
        warnings.append('Every cart text must say how to opt out: "Reply STOP to opt out." is added to it.')
    unknown = placeholders_unknown(template)
    if unknown:
        warnings.append("Unknown placeholder(s): " + ", ".join("{" + m + "}" for m in unknown) + ".")
    if "{discount_code}" in template and incentive_kind == "none":
        warnings.append("{discount_code} is used but this step offers no incentive: it will be left out.")
    low, high = RECOMMENDED_FIRST_DELAY
    if position == 1 and delay_minutes is not None and not low <= delay_minutes <= high:
        warnings.append(f"The first text works best {low}–{high} minutes after the cart goes quiet.")
    if position > 1 and carrier_rule:
        warnings.append(
            "US and Canadian numbers get this step only if the shopper replied to the first text "
            "(carrier rule: one cart reminder per abandonment, within 48 hours)."
        )
    if len(worst_text) > TWILIO_MAX_BODY_CHARS:
        warnings.append(f"Longer than Twilio's limit of {TWILIO_MAX_BODY_CHARS} characters.")
    elif len(worst_text) > RECOMMENDED_MAX_CHARS:
        warnings.append(f"Longer than the recommended {RECOMMENDED_MAX_CHARS} characters.")
    return warnings


def step_preview(*, store, step, country: str = "US") -> dict[str, TemplatePreview]:
    """A preview per language of a saved step."""
    return {
        language: template_preview(
            store=store,
            template=template,
            language=language,
            position=step.position,
            delay_minutes=step.delay_minutes,
            incentive_kind=step.incentive_kind,
            discount_code=step.discount_code,
            country=country,
            valid_days=step.incentive_valid_days,
        )
        for language, template in step.templates.items()
    }
