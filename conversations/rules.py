"""A merchant's keyword rules: validation, the matcher the router runs, reply templates and the defaults."""

from dataclasses import dataclass

from django.db import transaction

from cartrecovery.errors import ApplicationError
from stores.models import Store
from stores.tenancy import ensure_same_store

from .languages import LANGUAGE_NAMES, LANGUAGES
from .lexicon import INTENT_NAMES
from .models import KeywordRule
from .nlp import Phrase, Text, phrase_position
from .nlp_intents import shadows_compliance
from .nlp_lexicon import lexicon_find, lexicon_terms, masked_words, rule_intents
from .placeholders import placeholders_check, placeholders_fill
from .wording import FALLBACK_REPLY, HOLDING_REPLY

# The router's two replies of its own, until a store words them (flows keeps a store's wording).
DEFAULT_FALLBACK_REPLY = FALLBACK_REPLY["en"]
DEFAULT_HOLDING_REPLY = HOLDING_REPLY["en"]

MAX_KEYWORDS = 50
MAX_KEYWORD_LENGTH = 60
MAX_REPLY_LENGTH = 1600  # Twilio's hard limit for one message body


@dataclass(frozen=True)
class RuleMatch:
    rule: KeywordRule
    keyword: str  # the merchant's keyword, or the lexicon word, that matched
    said: str = ""  # the shopper's words that matched it
    intent: str = ""  # the lexicon intent, when the lexicon matched
    intents: tuple[str, ...] = ()  # every intent the rule is about
    language: str = ""  # the lexicon language of the word that matched

    @property
    def reason(self) -> str:
        if self.intent and self.language:
            return (
                f'{INTENT_NAMES[self.intent].lower()} word "{self.keyword}" '
                f"({self.language}, built-in lexicon) "
                f'of rule "{self.rule.name}"'
            )
        return f'keyword "{self.keyword}" of rule "{self.rule.name}"'


def rules_active_for(*, store: Store) -> list[KeywordRule]:
    return list(KeywordRule.objects.for_store(store).filter(is_active=True).order_by("priority", "id"))


def rule_match(*, rules: list[KeywordRule], text: Text, language: str = "en") -> RuleMatch | None:
    """The first rule by priority whose keywords, or whose intents' lexicon words in any of our languages,
    are found in the text: words rather than letters, and never a word that is a false friend in the text's
    language ("sale" in a French text is dirty, not a discount)."""
    said = masked_words(text, language)
    for rule in rules:
        intents = rule_intents(tuple(rule.keywords))
        for keyword in rule.keywords:
            phrase = Phrase(keyword)
            if not phrase.words:
                if phrase.symbols and phrase.symbols in text.raw:
                    return RuleMatch(rule=rule, keyword=keyword, said=keyword, intents=intents)
                continue
            start = phrase_position(said, phrase.words)
            if start is not None:
                words = " ".join(said[start : start + len(phrase.words)])
                return RuleMatch(rule=rule, keyword=keyword, said=words, intents=intents)
        hit = lexicon_find(said, intents=intents, language=language, overrides=rule.lexicon or {})
        if hit is not None:
            return RuleMatch(
                rule=rule,
                keyword=hit.term,
                said=hit.said,
                intent=hit.intent,
                intents=intents,
                language=hit.language,
            )
    return None


def reply_render(template: str, context: dict[str, str]) -> str:
    """Fill {placeholders} from the conversation's context, with the one engine."""
    return placeholders_fill(template, context)


def _clean_keywords(keywords, *, allow_empty: bool = False, field: str = "keywords") -> list[str]:
    if not isinstance(keywords, list | tuple) or (not keywords and not allow_empty):
        raise ApplicationError("Give at least one keyword.", extra={"field": field})
    if len(keywords) > MAX_KEYWORDS:
        raise ApplicationError(f"At most {MAX_KEYWORDS} keywords per rule.", extra={"field": field})
    cleaned: list[str] = []
    for raw in keywords:
        keyword = " ".join(str(raw or "").split())
        if not keyword or Phrase(keyword).is_empty:
            raise ApplicationError("Keywords cannot be empty.", extra={"field": field})
        if len(keyword) > MAX_KEYWORD_LENGTH:
            raise ApplicationError(
                f"Keep each keyword under {MAX_KEYWORD_LENGTH} characters.", extra={"field": field}
            )
        if shadows_compliance(keyword):
            raise ApplicationError(
                f"“{keyword}” is a compliance keyword (STOP, START, HELP and the like): "
                "those always get the legal answer, never a rule's.",
                extra={"field": field, "keyword": keyword},
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


def _clean_replies(replies) -> dict[str, str]:
    """The reply in other languages: {"fr": "…"}; an empty text removes that language."""
    if replies in (None, ""):
        return {}
    if not isinstance(replies, dict):
        raise ApplicationError("Give the replies as {language: text}.", extra={"field": "replies"})
    cleaned = {}
    for language, text in replies.items():
        if language not in LANGUAGES:
            raise ApplicationError(
                f"Unknown language “{language}”: use one of {', '.join(LANGUAGES)}.",
                extra={"field": "replies", "language": language},
            )
        if str(text or "").strip():
            try:
                cleaned[language] = _clean_reply(text)
            except ApplicationError as exc:
                raise ApplicationError(
                    f"{LANGUAGE_NAMES[language]} reply: {exc.message}",
                    extra={"field": "replies", **exc.extra},
                ) from exc
    return cleaned


def _clean_lexicon(lexicon) -> dict[str, list[str]]:
    """The rule's own words per language, replacing the built-in ones there ([] switches a language off)."""
    if lexicon in (None, ""):
        return {}
    if not isinstance(lexicon, dict):
        raise ApplicationError("Give the lexicon as {language: [words]}.", extra={"field": "lexicon"})
    cleaned = {}
    for language, words in lexicon.items():
        if language not in LANGUAGES:
            raise ApplicationError(
                f"Unknown language “{language}”: use one of {', '.join(LANGUAGES)}.",
                extra={"field": "lexicon", "language": language},
            )
        if not isinstance(words, list | tuple):
            raise ApplicationError("Each language takes a list of words.", extra={"field": "lexicon"})
        cleaned[language] = _clean_keywords(list(words), allow_empty=True, field="lexicon")
    return cleaned


def builtin_lexicon(keywords: list[str]) -> dict[str, list[str]]:
    """The built-in words, per language, of the intents these keywords point to."""
    intents = rule_intents(tuple(keywords))
    return {
        language: [term for intent in intents for term in lexicon_terms(intent, language)]
        for language in LANGUAGES
    }


def lexicon_for_rule(rule: KeywordRule) -> dict:
    """What the rules editor shows: the intents the keywords point to, and the words per language."""
    own = rule.lexicon or {}
    builtin = builtin_lexicon(rule.keywords)
    words = {
        language: list(own[language]) if language in own else builtin[language] for language in LANGUAGES
    }
    intents = rule_intents(tuple(rule.keywords))
    return {"intents": [INTENT_NAMES[i] for i in intents], "words": words, "edited": sorted(own)}


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
    *,
    store,
    name: str,
    keywords: list[str],
    reply: str,
    priority: int = 100,
    active: bool = True,
    replies: dict | None = None,
    lexicon: dict | None = None,
) -> KeywordRule:
    return KeywordRule.objects.create(
        store=store,
        name=_clean_name(name),
        keywords=_clean_keywords(keywords),
        reply=_clean_reply(reply),
        priority=_clean_priority(priority),
        is_active=bool(active),
        replies=_clean_replies(replies),
        lexicon=_clean_lexicon(lexicon),
    )


_UPDATABLE = {
    "name": ("name", _clean_name),
    "keywords": ("keywords", _clean_keywords),
    "reply": ("reply", _clean_reply),
    "priority": ("priority", _clean_priority),
    "active": ("is_active", bool),
    "replies": ("replies", _clean_replies),
    "lexicon": ("lexicon", _clean_lexicon),
}


def keyword_rule_update(*, store: Store, rule: KeywordRule, **changes) -> KeywordRule:
    """Change the given fields only (`name`, `keywords`, `reply`, `priority`, `active`, `replies`,
    `lexicon`)."""
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
