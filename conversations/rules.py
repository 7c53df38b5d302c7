"""A merchant's keyword rules: validation, the matcher the router runs, reply templates and the defaults."""

from dataclasses import dataclass

from django.db import transaction

from cartrecovery.errors import ApplicationError
from stores.models import Store
from stores.tenancy import ensure_same_store

from .models import KeywordRule
from .nlp import Phrase, Text
from .nlp_intents import shadows_compliance
from .placeholders import placeholders_check, placeholders_fill

# The router's two replies of its own, until a store words them (flows keeps a store's wording).
DEFAULT_FALLBACK_REPLY = (
    "I'm not sure I follow, so I've passed this to our team. Someone will text you back shortly."
)
DEFAULT_HOLDING_REPLY = "Thanks! A teammate from {store} will text you shortly."

MAX_KEYWORDS = 50
MAX_KEYWORD_LENGTH = 60
MAX_REPLY_LENGTH = 1600  # Twilio's hard limit for one message body


@dataclass(frozen=True)
class RuleMatch:
    rule: KeywordRule
    keyword: str


def rules_active_for(*, store: Store) -> list[KeywordRule]:
    return list(KeywordRule.objects.for_store(store).filter(is_active=True).order_by("priority", "id"))


def rule_match(*, rules: list[KeywordRule], text: Text) -> RuleMatch | None:
    """The first rule by priority with a keyword found in the text, matching words rather than letters."""
    for rule in rules:
        for keyword in rule.keywords:
            if Phrase(keyword).found_in(text):
                return RuleMatch(rule=rule, keyword=keyword)
    return None


def reply_render(template: str, context: dict[str, str]) -> str:
    """Fill {placeholders} from the conversation's context, with the one engine."""
    return placeholders_fill(template, context)


def _clean_keywords(keywords) -> list[str]:
    if not isinstance(keywords, list | tuple) or not keywords:
        raise ApplicationError("Give at least one keyword.", extra={"field": "keywords"})
    if len(keywords) > MAX_KEYWORDS:
        raise ApplicationError(f"At most {MAX_KEYWORDS} keywords per rule.", extra={"field": "keywords"})
    cleaned: list[str] = []
    for raw in keywords:
        keyword = " ".join(str(raw or "").split())
        if not keyword or Phrase(keyword).is_empty:
            raise ApplicationError("Keywords cannot be empty.", extra={"field": "keywords"})
        if len(keyword) > MAX_KEYWORD_LENGTH:
            raise ApplicationError(
                f"Keep each keyword under {MAX_KEYWORD_LENGTH} characters.", extra={"field": "keywords"}
            )
        if shadows_compliance(keyword):
            raise ApplicationError(
                f"“{keyword}” is a compliance keyword (STOP, START, HELP and the like): "
                "those always get the legal answer, never a rule's.",
                extra={"field": "keywords", "keyword": keyword},
                code="reserved_keyword",
            )
        if keyword.casefold() not in {k.casefold() for k in cleaned}:
            cleaned.append(keyword)
    return cleaned


def _clean_reply(reply) -> str:
    reply = str(reply or "").strip()
    if not reply:
        raise ApplicationError("The reply cannot be empty.", extra={"field": "reply"})
    if len(reply) > MAX_REPLY_LENGTH:
        raise ApplicationError(
            f"A text can carry at most {MAX_REPLY_LENGTH} characters.", extra={"field": "reply"}
        )
    placeholders_check(reply, field="reply")
    return reply


def _clean_name(name) -> str:
    name = " ".join(str(name or "").split())
    if not name:
        raise ApplicationError("Name the rule.", extra={"field": "name"})
    if len(name) > 120:
        raise ApplicationError("Keep the name under 120 characters.", extra={"field": "name"})
    return name


def _clean_priority(priority) -> int:
    if isinstance(priority, bool) or not isinstance(priority, int) or not 0 <= priority <= 10_000:
        raise ApplicationError("Priority is a whole number from 0 to 10000.", extra={"field": "priority"})
    return priority


def keyword_rule_create(
    *, store, name: str, keywords: list[str], reply: str, priority: int = 100, active: bool = True
) -> KeywordRule:
    return KeywordRule.objects.create(
        store=store,
        name=_clean_name(name),
        keywords=_clean_keywords(keywords),
        reply=_clean_reply(reply),
        priority=_clean_priority(priority),
        is_active=bool(active),
    )


_UPDATABLE = {
    "name": ("name", _clean_name),
    "keywords": ("keywords", _clean_keywords),
    "reply": ("reply", _clean_reply),
    "priority": ("priority", _clean_priority),
    "active": ("is_active", bool),
}


def keyword_rule_update(*, store: Store, rule: KeywordRule, **changes) -> KeywordRule:
    """Change the given fields only (`name`, `keywords`, `reply`, `priority`, `active`)."""
    ensure_same_store(store, rule)
    unknown = set(changes) - set(_UPDATABLE)
    if unknown:
        raise ValueError(f"Not a rule field: {', '.join(sorted(unknown))}")
    fields = []
    for key, value in changes.items():
        attribute, clean = _UPDATABLE[key]
        setattr(rule, attribute, clean(value))
        fields.append(attribute)
    if fields:
        rule.save(update_fields=[*fields, "updated_at"])
    return rule


def keyword_rule_delete(*, store: Store, rule: KeywordRule) -> None:
    ensure_same_store(store, rule)
    rule.delete()


def _keywords(listing: str) -> list[str]:
    return [keyword.strip() for keyword in listing.split(",")]


# English and Spanish keywords in each rule: shoppers of one store write in both.
DEFAULT_RULES = [
    {
        "name": "Order status",
        "priority": 10,
        "keywords": _keywords(
            "order status, my order, tracking, track, tracking number, where is my package, "
            "wheres my package, mi pedido, rastrear, seguimiento, numero de guia"
        ),
        "reply": "Your order confirmation email has a tracking link that updates live. Can't find it? "
        "Reply with your order number and we'll look it up.",
    },
    {
        "name": "Shipping",
        "priority": 20,
        "keywords": _keywords(
            "shipping, ship, delivery, deliver, arrive, postage, get here, how long, envío, enviar, entrega, "
            "llega, llegar"
        ),
        "reply": "{shipping_policy} Your cart is saved here: {link}",
    },
    {
        "name": "Returns",
        "priority": 30,
        "keywords": _keywords(
            "return, refund, exchange, send back, send it back, money back, devolución, devolver, reembolso, "
            "cambio"
        ),
        "reply": "{returns_policy} Your cart is saved here: {link}",
    },
    {
        "name": "Discount",
        "priority": 40,
        "keywords": _keywords(
            "discount, coupon, promo, promo code, code, voucher, deal, sale, offer, cheaper, price match, "
            "descuento, cupón, código, oferta, rebaja"
        ),
        "reply": "Hi {first_name}! Any offer we have right now is applied automatically at checkout: {link}",
    },
    {
        "name": "Sizing",
        "priority": 50,
        "keywords": _keywords(
            "size, sizing, fit, too small, too big, run small, run big, measurements, size chart, talla, "
            "tallas, medidas, queda"
        ),
        "reply": "Our size guide is on each product page, and exchanges are free if {product} doesn't fit. "
        "Your cart: {link}",
    },
    {
        "name": "Availability",
        "priority": 60,
        "keywords": _keywords(
            "in stock, stock, available, availability, sold out, restock, disponible, agotado, "
            "hay existencias"
        ),
        "reply": "Your cart shows live stock for your size and holds it while you check out: {link}",
    },
]


@transaction.atomic
def keyword_rules_seed_default(*, store: Store) -> list[KeywordRule]:
    """Give a store the starter rules once; a store that already has rules keeps exactly those."""
    existing = list(KeywordRule.objects.for_store(store).order_by("priority", "id"))
    if existing:
        return existing
    return [keyword_rule_create(store=store, **rule) for rule in DEFAULT_RULES]
