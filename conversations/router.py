"""Where a shopper's reply goes, decided without side effects (so the dashboard can try texts safely).

In order: 1 compliance (opt-out, opt-in, help: the law before anything else) → 2 a human holds the thread
(the bot stays quiet) → 3 the merchant's keyword rules → 4 a person was asked for, or the shopper is upset
→ 5 the fallback reply. Steps 3 and 4 trade places in one case: a shopper who asks for a person or is plainly
angry gets the person even if a keyword also matched ("I want to talk to someone about shipping"), since a
rule's canned answer is the wrong reply to both.
"""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from flows import defaults
from flows.models import Flow, KeywordRule, ShortLink
from flows.rules import RuleMatch, reply_render, rule_match, rules_active_for
from stores.models import Cart, Customer, SmsStatus, Store

from .countries import countries_named, country_name
from .languages import LANGUAGE_NAMES, Detection, language_base, language_detect
from .models import Message, Thread
from .nlp import Text
from .nlp_intents import (
    HELP,
    OPT_IN,
    OPT_OUT,
    anger,
    asks_for_person,
    compliance_intent,
    is_acknowledgement,
    shouting,
    uncovered_question,
)

RULE_REPEAT_WINDOW = timedelta(hours=24)


class Step:
    COMPLIANCE = "compliance"
    UNSUBSCRIBED = "unsubscribed"  # opted out: recorded, never answered
    HUMAN = "human"  # a person holds the thread
    RULE = "rule"
    ESCALATION = "escalation"
    ACKNOWLEDGEMENT = "ack"  # "ok thanks 👍": nothing to answer, nothing for a person to do
    FALLBACK = "fallback"


@dataclass(frozen=True)
class RouteDecision:
    step: str
    rule: KeywordRule | None
    reply: str
    escalate: bool
    reason: str
    compliance: str = ""  # "opt_out" | "opt_in" | "help" when step is compliance
    language: str = ""  # the language the text was read in, and answered in when possible
    language_reason: str = ""
    intent: str = ""  # the lexicon intent that matched ("shipping"), when one did
    matched: str = ""  # the shopper's word that matched a keyword or a lexicon word
    note: str = ""  # for the agent: e.g. the reply is not in the shopper's language

    @property
    def outbound_route(self) -> str:
        """The `route` of the reply message (see conversations.sending)."""
        return {Step.COMPLIANCE: "compliance", Step.RULE: "rule", Step.FALLBACK: "fallback"}.get(
            self.step, "escalation"
        )


def help_reply(*, store: Store, language: str = "") -> str:
    """The store's help text, always with contact details and how to opt out (CTIA).

    The store's own text is in the store's language; a shopper writing in another gets the shipped one of
    their language, built from the same contact details."""
    language = language or language_base(store.default_language) or "en"
    text = store.help_text.strip()
    if not text or language != (language_base(store.default_language) or "en"):
        contact = " / ".join(c for c in (store.contact_email, store.contact_phone) if c) or store.website_url
        template = defaults.HELP_REPLY.get(language) or defaults.HELP_REPLY["en"]
        text = template.format(store=store.name, contact=contact)
        if not contact:
            text = re.sub(r" [^.:]+ ?: \.", "", text)  # "Help: ." with nothing to say
    if "STOP" not in text.upper():
        text += " Reply STOP to opt out."
    return text


def reply_context(*, store: Store, customer: Customer | None, language: str = "en") -> dict[str, str]:
    """What reply templates may say about this conversation: the store, the shopper, their latest cart."""
    cart = None
    if customer is not None:
        cart = (
            Cart.objects.for_store(store)
            .filter(customer=customer)
            .prefetch_related("items")
            .order_by("-last_activity_at")
            .first()
        )
    items = list(cart.items.all()) if cart else []
    return {
        "first_name": (customer.first_name if customer else "")
        or (cart.first_name if cart else "")
        or "there",
        "store": store.name,
        "product": items[0].title if items else "it",
        "link": _cart_link(store=store, cart=cart),
        "shipping_policy": store.shipping_policy,
        "returns_policy": store.returns_policy,
        "contact_email": store.contact_email,
        "contact_phone": store.contact_phone,
        **store_facts_context(store=store, language=language),
    }


def store_facts_context(*, store: Store, language: str) -> dict[str, str]:
    """The placeholders of the store's structured facts; empty when the merchant has not set them."""
    from flows.rendering import money_format

    ships_to = [country_name(code, language) for code in store.ships_to or []]
    return {
        "ships_to": ", ".join(ships_to),
        "free_shipping_over": money_format(
            store.free_shipping_over, currency=store.currency, language=language
        )
        if store.free_shipping_over is not None
        else "",
        "return_days": str(store.return_days) if store.return_days is not None else "",
        "processing_days": str(store.processing_days) if store.processing_days is not None else "",
    }


def _cart_link(*, store: Store, cart: Cart | None) -> str:
    if cart is None:
        return store.website_url
    link = ShortLink.objects.for_store(store).filter(cart=cart).order_by("-created_at").first()
    if link is not None:
        return f"{settings.PUBLIC_BASE_URL}/r/{link.code}"
    return cart.checkout_url or store.website_url


_FLOW_DEFAULTS = {
    "fallback": defaults.FALLBACK_REPLY,
    "holding": defaults.HOLDING_REPLY,
    "opt_out": defaults.OPT_OUT_CONFIRMATION,
    "opt_in": defaults.OPT_IN_CONFIRMATION,
}


def _active_flow(*, store: Store) -> Flow | None:
    return (
        Flow.objects.for_store(store)
        .filter(is_active=True)
        .only("fallback_reply", "holding_reply", "replies")
        .first()
    )


def flow_reply(*, store: Store, flow: Flow | None, kind: str, language: str) -> str:
    """A canned answer in this language: the store's own text, else the shipped default (all seven)."""
    own = ((flow.replies if flow else {}) or {}).get(kind, {}) or {}
    if (own.get(language) or "").strip():
        return own[language]
    main = {"fallback": "fallback_reply", "holding": "holding_reply"}.get(kind)
    if main and flow is not None and language == language_base(store.default_language):
        text = getattr(flow, main)
        # The model's English default stays a default: a French store's shoppers get the French one.
        if text and (language == "en" or text != Flow._meta.get_field(main).default):
            return text
    return _FLOW_DEFAULTS[kind].get(language) or _FLOW_DEFAULTS[kind]["en"]


def rule_reply(*, store: Store, rule: KeywordRule, language: str) -> tuple[str, str, str]:
    """The rule's reply in this language, else in the store's language with a note for the agent."""
    if (rule.replies or {}).get(language, "").strip():
        return rule.replies[language], language, ""
    store_language = language_base(store.default_language) or "en"
    if language == store_language:
        return rule.reply, language, ""
    note = defaults.NO_TEXT_IN_LANGUAGE_NOTE.format(
        language=LANGUAGE_NAMES.get(language, language),
        what=f'rule "{rule.name}"',
        fallback=LANGUAGE_NAMES.get(store_language, store_language),
    )
    return rule.reply, store_language, note


def _rule_fired_recently(*, store: Store, thread: Thread | None, rule: KeywordRule, now: datetime) -> bool:
    if thread is None or thread.pk is None:
        return False
    return (
        Message.objects.for_store(store)
        .filter(
            thread=thread,
            direction=Message.Direction.OUT,
            rule=rule,
            route="rule",
            created_at__gte=now - RULE_REPEAT_WINDOW,
        )
        .exists()
    )


def route(
    *,
    store: Store,
    text: str,
    customer: Customer | None = None,
    thread: Thread | None = None,
    opt_out_type: str = "",
    now: datetime | None = None,
) -> RouteDecision:
    """Decide the step, the rule and the reply for one inbound text. Reads only."""
    now = now or timezone.now()
    message = Text(text or "")
    detection = language_detect(
        message,
        locales=(customer.locale if customer else "",),
        store_language=store.default_language,
    )
    heard = {"language": detection.language, "language_reason": detection.reason}
    decision = _compliance(
        store=store, message=message, customer=customer, opt_out_type=opt_out_type, detection=detection
    )
    if decision is not None:
        return decision
    if customer is not None and customer.sms_status == SmsStatus.UNSUBSCRIBED:
        return RouteDecision(Step.UNSUBSCRIBED, None, "", False, "opted out: no automatic replies", **heard)
    if thread is not None and thread.status in (Thread.Status.ESCALATED, Thread.Status.ASSIGNED):
        return RouteDecision(
            Step.HUMAN, None, "", False, f"a person has this thread ({thread.status})", **heard
        )

    language = detection.language
    flow = _active_flow(store=store)

    def render(template: str) -> str:
        return reply_render(template, reply_context(store=store, customer=customer, language=language))

    def hand_off(reason: str, rule: KeywordRule | None = None, **found) -> RouteDecision:
        holding = flow_reply(store=store, flow=flow, kind="holding", language=language)
        return RouteDecision(Step.ESCALATION, rule, render(holding), True, reason, **heard, **found)

    urgent = asks_for_person(message) or anger(message)
    if urgent:
        return hand_off(urgent)
    uncovered = uncovered_question(message, kind="payment")
    if uncovered:
        return hand_off(uncovered)
    match = rule_match(rules=rules_active_for(store=store), text=message, language=language)
    if match is not None:
        return _rule_decision(
            store=store,
            message=message,
            match=match,
            thread=thread,
            now=now,
            render=render,
            hand_off=hand_off,
            heard=heard,
            language=language,
        )
    upset = shouting(message)
    if upset:
        return hand_off(upset)
    if is_acknowledgement(message):
        return RouteDecision(
            Step.ACKNOWLEDGEMENT, None, "", False, "an acknowledgement: nothing to answer", **heard
        )
    fallback = flow_reply(store=store, flow=flow, kind="fallback", language=language)
    return RouteDecision(Step.FALLBACK, None, render(fallback), True, "no rule matched", **heard)


def _rule_decision(*, store, message, match: RuleMatch, thread, now, render, hand_off, heard, language):
    """A rule matched: answer from the store's facts where the question names one, else the rule's reply."""
    found = {"intent": match.intent or next(iter(match.intents), ""), "matched": match.said}
    reason = match.reason
    if _rule_fired_recently(store=store, thread=thread, rule=match.rule, now=now):
        return hand_off(f"asked again: {reason}", match.rule, **found)
    if match.intent == "shipping" or "shipping" in match.intents:
        countries = countries_named(message.words)
        if countries:
            return _ships_to_decision(
                store=store,
                match=match,
                country=countries[0],
                render=render,
                hand_off=hand_off,
                heard=heard,
                language=language,
                reason=reason,
            )
    if _is_policy_reply(match.rule.reply):
        uncovered = uncovered_question(message, kind="specific")
        if uncovered:
            return hand_off(
                f"{uncovered}: the {match.rule.name.lower()} policy does not answer it", match.rule, **found
            )
    reply, _answered_in, note = rule_reply(store=store, rule=match.rule, language=language)
    return RouteDecision(Step.RULE, match.rule, render(reply), False, reason, **heard, **found, note=note)


_POLICY_PLACEHOLDERS = ("{shipping_policy}", "{returns_policy}", "{free_shipping_over}", "{return_days}")


def _is_policy_reply(reply: str) -> bool:
    return any(placeholder in reply for placeholder in _POLICY_PLACEHOLDERS)


def _ships_to_decision(*, store, match, country, render, hand_off, heard, language, reason):
    found = {"intent": "shipping", "matched": match.said}
    name = country_name(country, language)
    if not store.ships_to:
        return hand_off(
            f"{reason}; asks about {country_name(country, 'en')}, and the store has not said where it ships "
            "(settings: ships to)",
            match.rule,
            **found,
        )
    ships = country in {code.upper() for code in store.ships_to}
    table = defaults.SHIPS_TO_YES if ships else defaults.SHIPS_TO_NO
    template = table.get(language) or table["en"]
    verdict = "ships" if ships else "does not ship"
    why = f"{reason}; the store {verdict} to {country_name(country, 'en')} (settings: ships to)"
    return RouteDecision(
        Step.RULE, match.rule, render(template.replace("{country}", name)), False, why, **heard, **found
    )


def _compliance(
    *, store: Store, message: Text, customer: Customer | None, opt_out_type: str, detection: Detection
) -> RouteDecision | None:
    """Twilio's Advanced Opt-Out verdict wins (it has already replied); otherwise our own reading."""
    twilio_kind = {"STOP": OPT_OUT, "START": OPT_IN, "HELP": HELP}.get((opt_out_type or "").strip().upper())
    if twilio_kind:
        reason = f"Twilio Advanced Opt-Out ({opt_out_type.upper()}) already answered"
        return RouteDecision(
            Step.COMPLIANCE,
            None,
            "",
            False,
            reason,
            compliance=twilio_kind,
            language=detection.language,
            language_reason=detection.reason,
        )
    intent = compliance_intent(message)
    if intent is None:
        return None
    # "ARRET" is French whatever else the text says; "STOP" says nothing, so the text and locale decide.
    language = intent.language or detection.language
    heard = {
        "language": language,
        "language_reason": detection.reason if not intent.language else f"{LANGUAGE_NAMES[language]} keyword",
    }
    unsubscribed = customer is not None and customer.sms_status == SmsStatus.UNSUBSCRIBED
    if intent.kind in (OPT_OUT, OPT_IN):
        # One confirmation only: a second STOP from an opted-out number gets silence.
        kind = "opt_out" if intent.kind == OPT_OUT else "opt_in"
        template = flow_reply(store=store, flow=_active_flow(store=store), kind=kind, language=language)
        reply = (
            "" if unsubscribed and intent.kind == OPT_OUT else reply_render(template, {"store": store.name})
        )
        return RouteDecision(
            Step.COMPLIANCE, None, reply, False, intent.reason, compliance=intent.kind, **heard
        )
    # Carriers' rule: an opted-out number gets no HELP answer either.
    reply = "" if unsubscribed else help_reply(store=store, language=language)
    return RouteDecision(Step.COMPLIANCE, None, reply, False, intent.reason, compliance=HELP, **heard)


def reply_try(*, store: Store, text: str, customer: Customer | None = None) -> RouteDecision:
    """What this text would trigger for this customer (or a new shopper), without sending or saving."""
    if customer is not None and customer.store_id != store.id:
        raise ValueError("The customer belongs to another store.")
    thread = Thread.objects.for_store(store).filter(customer=customer).first() if customer else None
    return route(store=store, text=text, customer=customer, thread=thread)


@dataclass(frozen=True)
class Suggestion:
    """What the inbox offers an agent for the shopper's last text: its language and a reply to edit."""

    language: str
    language_name: str
    reply: str
    source: str  # 'rule "Shipping"', 'canned reply "…"', or "" when nothing fits


def reply_suggest(*, store: Store, thread: Thread) -> Suggestion | None:
    """The matching rule's answer in the shopper's language, else a canned reply written in it."""
    last = (
        Message.objects.for_store(store)
        .filter(thread=thread, direction=Message.Direction.IN)
        .order_by("-created_at", "-id")
        .first()
    )
    if last is None:
        return None
    customer = thread.customer
    message = Text(last.body)
    language = (
        last.language
        or language_detect(
            message, locales=(customer.locale,), store_language=store.default_language
        ).language
    )
    name = LANGUAGE_NAMES.get(language, language)
    context = reply_context(store=store, customer=customer, language=language)
    match = rule_match(rules=rules_active_for(store=store), text=message, language=language)
    if match is not None:
        reply, answered_in, _ = rule_reply(store=store, rule=match.rule, language=language)
        if answered_in == language:
            return Suggestion(language, name, reply_render(reply, context), f'rule "{match.rule.name}"')
    from .models import CannedResponse

    for canned in CannedResponse.objects.for_store(store).order_by("title"):
        written_in = language_detect(Text(canned.body), store_language=store.default_language)
        if written_in.source == "text" and written_in.language == language:
            return Suggestion(
                language, name, reply_render(canned.body, context), f'canned reply "{canned.title}"'
            )
    return Suggestion(language, name, "", "")
