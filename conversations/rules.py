"""A merchant's keyword rules: validation, the matcher the router runs, reply templates and the defaults."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from cartrecovery.errors import ApplicationError
from stores.models import Store
from stores.tenancy import ensure_same_store

from .languages import LANGUAGE_NAMES, LANGUAGES, language_base
from .lexicon import BROADER_THAN, CONJUNCTIONS, INTENT_NAMES
from .models import KeywordRule
from .nlp import Phrase, Text, fold, phrase_position
from .nlp_compliance import shadows_compliance
from .nlp_lexicon import (
    address_fix_in,
    bra_size_in,
    destination_in,
    height_in,
    instrument_size_in,
    is_context_word,
    lexicon_find,
    lexicon_terms,
    masked_words,
    names_a_size,
    order_number_in,
    paid_while_ago,
    percent_off_in,
    product_asked_in,
    rule_intents,
    said_is_context,
    tyre_size_in,
)
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
    topic: str = ""  # the intent of the word that matched, lexicon word or merchant keyword ("" if none)

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
    """The rule whose keywords, or whose intents' lexicon words in any of our languages, say what the text
    asks about: words rather than letters, and never a word that is a false friend in the text's language
    ("sale" in a French text is dirty, not a discount).

    The topic asked about wins, not every word: a context word ("arrive", "size", a size or a colour) counts
    only when no rule's other words are found ("refund if it arrives broken" is a returns question), and a
    narrower topic beats shipping ("do I pay return shipping?"). Otherwise the first rule by priority wins."""
    said = masked_words(text, language)
    best: RuleMatch | None = None
    one_question = not _joins_topics(text, language)
    for rule in rules:
        if best is not None and not (one_question and _narrower_than(best, rule)):
            continue
        match = _rule_hit(rule=rule, text=text, said=said, language=language, context=False)
        if match is None:
            continue
        if best is None or match.topic in BROADER_THAN.get(best.topic, ()):
            best = match
        if not (one_question and BROADER_THAN.get(best.topic)):
            return best
    if best is not None:
        return best
    # Nothing but context words: any word of the rules will do, first rule by priority, but a size named
    # ("hay en talla M?") only when nothing else is found.
    named_size = None
    for rule in rules:
        match = _rule_hit(rule=rule, text=text, said=said, language=language, context=None)
        if match is None:
            continue
        if not names_a_size(match.said, said):
            return match
        named_size = named_size or match
    return named_size


def _joins_topics(text: Text, language: str) -> bool:
    conjunctions = CONJUNCTIONS.get(language, frozenset()) | CONJUNCTIONS["en"]
    return any(word in conjunctions for word in re.findall(r"[^\W_]+", text.raw.casefold()))


def _narrower_than(best: RuleMatch, rule: KeywordRule) -> bool:
    narrower = BROADER_THAN.get(best.topic, ())
    return any(intent in narrower for intent in rule_intents(tuple(rule.keywords)))


def _rule_hit(
    *, rule: KeywordRule, text: Text, said: tuple[str, ...], language: str, context: bool | None
) -> RuleMatch | None:
    """The rule's first keyword or lexicon word in the text: among all of them, or only among its context
    words (`context=True`) or the others (`False`)."""
    intents = rule_intents(tuple(rule.keywords))
    if context is not True and "order_status" in intents:
        fix = address_fix_in(text)
        if fix:
            # its own topic: no narrower one takes it ("wrong house number, can you change it?" is no return)
            return RuleMatch(rule=rule, keyword="address mistake", said=fix, intents=intents, topic="address")
    for keyword in rule.keywords:
        keyword_intents = rule_intents((keyword,))
        if (
            context is not None
            and any(is_context_word(fold(keyword), intent) for intent in keyword_intents) != context
        ):
            continue
        phrase = Phrase(keyword)
        found = ""
        if not phrase.words:
            if phrase.symbols and phrase.symbols in text.raw:
                found = keyword
        else:
            start = phrase_position(said, phrase.words)
            if start is not None:
                found = " ".join(said[start : start + len(phrase.words)])
                if context is False and any(
                    said_is_context(found, intent, said, start) for intent in keyword_intents
                ):
                    found = ""
        if found:
            return RuleMatch(
                rule=rule,
                keyword=keyword,
                said=found,
                intents=intents,
                topic=next(iter(keyword_intents), ""),
            )
    if context is not True and "order_status" in intents:
        number = order_number_in(text)
        if number:
            return RuleMatch(
                rule=rule, keyword="order number", said=number, intents=intents, topic="order_status"
            )
        paid = paid_while_ago(text)
        if paid:
            return RuleMatch(
                rule=rule, keyword="paid a while ago", said=paid, intents=intents, topic="order_status"
            )
    if context is not True and "shipping" in intents:
        destination = destination_in(text)
        if destination:
            return RuleMatch(
                rule=rule, keyword="destination", said=destination, intents=intents, topic="shipping"
            )
    if context is not True and "sizing" in intents:
        height = height_in(text)
        if height:
            return RuleMatch(rule=rule, keyword="body height", said=height, intents=intents, topic="sizing")
        instrument = instrument_size_in(text)
        if instrument:
            return RuleMatch(
                rule=rule, keyword="instrument size", said=instrument, intents=intents, topic="sizing"
            )
        bra = bra_size_in(text)
        if bra:
            return RuleMatch(rule=rule, keyword="bra sizes", said=bra, intents=intents, topic="sizing")

    # a tyre size is the circumstance of a stock question ("205/55 R16 in stock?"): a context word
    if context is None and "sizing" in intents:
        tyre = tyre_size_in(text)
        if tyre:
            return RuleMatch(rule=rule, keyword="tyre size", said=tyre, intents=intents, topic="sizing")
    # a thing asked for bare ("habt ihr Prothesen-BHs?") is a stock question only when nothing else is asked
    if context is None and "stock" in intents:
        product = product_asked_in(text)
        if product:
            return RuleMatch(
                rule=rule, keyword="a thing asked for", said=product, intents=intents, topic="stock"
            )
    if context is not True and "discount" in intents:
        percent = percent_off_in(text)
        if percent:
            return RuleMatch(
                rule=rule, keyword="percent off", said=percent, intents=intents, topic="discount"
            )
    hit = lexicon_find(
        said, intents=intents, language=language, overrides=rule.lexicon or {}, context=context
    )
    if hit is None:
        return None
    return RuleMatch(
        rule=rule,
        keyword=hit.term,
        said=hit.said,
        intent=hit.intent,
        intents=intents,
        language=hit.language,
        topic=hit.intent,
    )


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


_UPDATABLE: dict[str, tuple[str, Callable[[Any], Any]]] = {
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


# English and Spanish keywords in each rule (the lexicon carries them into the other five languages), and a
# reply in each of the seven: a new store answers every shopper in their own language from the first day.
DEFAULT_RULES = [
    {
        "name": "Order status",
        "priority": 10,
        "keywords": _keywords(
            "order status, my order, tracking, track, tracking number, where is my package, "
            "wheres my package, mi pedido, rastrear, seguimiento, numero de guia"
        ),
        "replies": {
            "en": "Your order confirmation email has a tracking link that updates live. Can't find it? "
            "Reply with your order number and we'll look it up.",
            "es": "El correo de confirmación de tu pedido tiene un enlace de seguimiento que se actualiza "
            "al momento. ¿No lo encuentras? Responde con tu número de pedido y lo buscamos.",
            "fr": "L'e-mail de confirmation de votre commande contient un lien de suivi mis à jour en "
            "direct. Introuvable ? Répondez avec votre numéro de commande et nous regardons.",
            "de": "In deiner Bestellbestätigung findest du einen Sendungsverfolgungslink, der laufend "
            "aktualisiert wird. Nicht gefunden? Antworte mit deiner Bestellnummer, wir sehen nach.",
            "it": "Nell'email di conferma dell'ordine trovi un link di tracciamento aggiornato in tempo "
            "reale. Non lo trovi? Rispondi con il numero d'ordine e lo cerchiamo noi.",
            "pt": "O e-mail de confirmação do seu pedido tem um link de rastreio atualizado em tempo real. "
            "Não encontra? Responda com o número do pedido e nós procuramos.",
            "nl": "In je orderbevestiging staat een track-en-tracelink die live wordt bijgewerkt. Kun je "
            "hem niet vinden? Antwoord met je bestelnummer, dan zoeken wij het op.",
        },
    },
    {
        "name": "Shipping",
        "priority": 20,
        "keywords": _keywords(
            "shipping, ship, delivery, deliver, arrive, postage, get here, how long, envío, enviar, entrega, "
            "llega, llegar"
        ),
        "replies": {
            "en": "{shipping_policy} Your cart is saved here: {link}",
            "es": "{shipping_policy} Tu carrito está guardado aquí: {link}",
            "fr": "{shipping_policy} Votre panier est enregistré ici : {link}",
            "de": "{shipping_policy} Dein Warenkorb ist hier gespeichert: {link}",
            "it": "{shipping_policy} Il tuo carrello è salvato qui: {link}",
            "pt": "{shipping_policy} Seu carrinho está salvo aqui: {link}",
            "nl": "{shipping_policy} Je winkelwagen staat hier klaar: {link}",
        },
    },
    {
        "name": "Returns",
        "priority": 30,
        "keywords": _keywords(
            "return, refund, exchange, send back, send it back, money back, devolución, devolver, reembolso, "
            "cambio"
        ),
        "replies": {
            "en": "{returns_policy} Your cart is saved here: {link}",
            "es": "{returns_policy} Tu carrito está guardado aquí: {link}",
            "fr": "{returns_policy} Votre panier est enregistré ici : {link}",
            "de": "{returns_policy} Dein Warenkorb ist hier gespeichert: {link}",
            "it": "{returns_policy} Il tuo carrello è salvato qui: {link}",
            "pt": "{returns_policy} Seu carrinho está salvo aqui: {link}",
            "nl": "{returns_policy} Je winkelwagen staat hier klaar: {link}",
        },
    },
    {
        "name": "Discount",
        "priority": 40,
        "keywords": _keywords(
            "discount, coupon, promo, promo code, code, voucher, deal, sale, offer, cheaper, price match, "
            "descuento, cupón, código, oferta, rebaja"
        ),
        "replies": {
            "en": "Hi {first_name}! Any offer we have right now is applied automatically at checkout: {link}",
            "es": "¡Hola {first_name}! Cualquier oferta que tengamos ahora se aplica sola al pagar: {link}",
            "fr": "Bonjour {first_name} ! Toute offre en cours s'applique automatiquement au paiement : "
            "{link}",
            "de": "Hallo {first_name}! Jedes aktuelle Angebot wird an der Kasse automatisch abgezogen: "
            "{link}",
            "it": "Ciao {first_name}! Ogni offerta attiva viene applicata in automatico al checkout: {link}",
            "pt": "Oi {first_name}! Qualquer oferta ativa é aplicada automaticamente no checkout: {link}",
            "nl": "Hoi {first_name}! Elke lopende actie wordt bij het afrekenen automatisch verrekend: "
            "{link}",
        },
    },
    {
        "name": "Sizing",
        "priority": 50,
        "keywords": _keywords(
            "size, sizing, fit, too small, too big, run small, run big, measurements, size chart, talla, "
            "tallas, medidas, queda"
        ),
        "replies": {
            "en": "Our size guide is on each product page, and exchanges are free if {product} doesn't fit. "
            "Your cart: {link}",
            "es": "La guía de tallas está en cada página de producto, y el cambio es gratis si {product} no "
            "te queda bien. Tu carrito: {link}",
            "fr": "Le guide des tailles est sur chaque fiche produit, et l'échange est gratuit si {product} "
            "ne vous va pas. Votre panier : {link}",
            "de": "Die Größentabelle steht auf jeder Produktseite, und der Umtausch ist kostenlos, wenn "
            "{product} nicht passt. Dein Warenkorb: {link}",
            "it": "La guida alle taglie è su ogni pagina prodotto e il cambio è gratuito se {product} non "
            "ti sta bene. Il tuo carrello: {link}",
            "pt": "O guia de tamanhos está em cada página de produto, e a troca é grátis se {product} não "
            "servir. Seu carrinho: {link}",
            "nl": "De maattabel staat op elke productpagina, en ruilen is gratis als {product} niet past. "
            "Je winkelwagen: {link}",
        },
    },
    {
        "name": "Availability",
        "priority": 60,
        "keywords": _keywords(
            "in stock, stock, available, availability, sold out, restock, disponible, agotado, "
            "hay existencias"
        ),
        "replies": {
            "en": "Your cart shows live stock for your size and holds it while you check out: {link}",
            "es": "Tu carrito muestra el stock de tu talla al momento y lo reserva mientras pagas: {link}",
            "fr": "Votre panier affiche le stock de votre taille en direct et le réserve pendant le "
            "paiement : {link}",
            "de": "Dein Warenkorb zeigt den aktuellen Bestand deiner Größe und hält ihn beim Bezahlen für "
            "dich: {link}",
            "it": "Il carrello mostra la disponibilità della tua taglia in tempo reale e la tiene per "
            "te al checkout: {link}",
            "pt": "Seu carrinho mostra o estoque do seu tamanho em tempo real e o reserva enquanto você "
            "finaliza: {link}",
            "nl": "Je winkelwagen toont de actuele voorraad in jouw maat en houdt die vast tijdens het "
            "afrekenen: {link}",
        },
    },
]


def _default_rule(rule: dict, *, store: Store) -> dict:
    """A starter rule with its reply in the store's language and the same text per language."""
    language = language_base(store.default_language)
    replies = rule["replies"]
    return {**rule, "reply": replies.get(language, replies["en"])}


@transaction.atomic
def keyword_rules_seed_default(*, store: Store) -> list[KeywordRule]:
    """Give a store the starter rules once; a store that already has rules keeps exactly those."""
    existing = list(KeywordRule.objects.for_store(store).order_by("priority", "id"))
    if existing:
        return existing
    return [keyword_rule_create(store=store, **_default_rule(rule, store=store)) for rule in DEFAULT_RULES]
