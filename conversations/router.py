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
from typing import TypedDict
from zoneinfo import ZoneInfo

from django.utils import timezone

from stores.manage_links import manage_url
from stores.models import Cart, Customer, SmsStatus, Store
from stores.tenancy import ensure_same_store

from . import wording
from .countries import countries_named, country_name
from .hooks import CART_LINK_PROVIDERS, REPLY_WORDING_PROVIDERS
from .languages import LANGUAGE_NAMES, Detection, language_base, language_detect
from .models import KeywordRule, Message, Thread
from .nlp import Text
from .nlp_compliance import HELP, OPT_IN, OPT_OUT, compliance_intent
from .nlp_courtesy import acknowledgement_holds
from .nlp_intents import anger, asks_for_person, is_acknowledgement, shouting, uncovered_question
from .placeholders import money_format, store_values
from .rules import RuleMatch, reply_render, rule_match, rules_active_for
from .snooze import snooze_confirmation, snooze_intent, snooze_until

RULE_REPEAT_WINDOW = timedelta(hours=24)


class Step:
    COMPLIANCE = "compliance"
    UNSUBSCRIBED = "unsubscribed"  # opted out: recorded, never answered
    HUMAN = "human"  # a person holds the thread
    RULE = "rule"
    ESCALATION = "escalation"
    ACKNOWLEDGEMENT = "ack"  # "ok thanks 👍": nothing to answer, nothing for a person to do
    FALLBACK = "fallback"


class Heard(TypedDict):
    """The language a text was read in, and why: every decision carries it."""

    language: str
    language_reason: str


class Found(TypedDict):
    """What a matched rule found in the text: the lexicon intent and the shopper's word."""

    intent: str
    matched: str


@dataclass(frozen=True)
class RouteDecision:
    step: str
    rule: KeywordRule | None
    reply: str
    escalate: bool
    reason: str
    compliance: str = ""  # "opt_out" | "opt_in" | "help" | "snooze" when step is compliance
    language: str = ""  # the language the text was read in, and answered in when possible
    language_reason: str = ""
    intent: str = ""  # the lexicon intent that matched ("shipping"), when one did
    matched: str = ""  # the shopper's word that matched a keyword or a lexicon word
    note: str = ""  # for the agent: e.g. the reply is not in the shopper's language
    snooze_until: datetime | None = None

    @property
    def outbound_route(self) -> str:
        """The `route` of the reply message (see conversations.sending)."""
        return {Step.COMPLIANCE: "compliance", Step.RULE: "rule", Step.FALLBACK: "fallback"}.get(
            self.step, "escalation"
        )


SNOOZE = "snooze"
# A pause asked again while a pause of about the same length runs changes nothing and gets no second reply.
SNOOZE_EXTENSION_MIN = timedelta(days=1)


def help_reply(*, store: Store, language: str = "", customer: Customer | None = None) -> str:
    """The store's help text, always with contact details, how to opt out (CTIA) and the shopper's
    manage-texts link.

    The store's own text is in the store's language; a shopper writing in another gets the shipped one of
    their language, built from the same contact details."""
    language = language or language_base(store.default_language) or "en"
    text = store.help_text.strip()
    if not text or language != (language_base(store.default_language) or "en"):
        contact = " / ".join(c for c in (store.contact_email, store.contact_phone) if c) or store.website_url
        template = wording.HELP_REPLY.get(language) or wording.HELP_REPLY["en"]
        text = template.format(store=store.name, contact=contact)
        if not contact:
            text = re.sub(r" [^.:]+ ?: \.", "", text)  # "Help: ." with nothing to say
    if "STOP" not in text.upper():
        text += " Reply STOP to opt out."
    return _with_manage_link(text, customer=customer, language=language)


def _with_manage_link(text: str, *, customer: Customer | None, language: str) -> str:
    if customer is None or customer.pk is None:
        return text
    link = wording.MANAGE_LINK.get(language) or wording.MANAGE_LINK["en"]
    return f"{text} {link.format(url=manage_url(customer))}"


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
    total = cart.total if cart else None
    return {
        **store_values(store, language=language),
        "first_name": (customer.first_name if customer else "")
        or (cart.first_name if cart else "")
        or "there",
        "product": items[0].title if items else "it",
        "link": _cart_link(store=store, cart=cart),
        "cart_total": money_format(
            total, currency=(cart.currency if cart else "") or store.currency, language=store.default_language
        ),
    }


def _cart_link(*, store: Store, cart: Cart | None) -> str:
    if cart is None:
        return store.website_url
    for provider in CART_LINK_PROVIDERS:
        link = provider(store=store, cart=cart)
        if link:
            return link
    return cart.checkout_url or store.website_url


_SHIPPED_REPLIES = {
    "fallback": wording.FALLBACK_REPLY,
    "holding": wording.HOLDING_REPLY,
    "opt_out": wording.OPT_OUT_CONFIRMATION,
    "opt_in": wording.OPT_IN_CONFIRMATION,
}


def flow_reply(*, store: Store, kind: str, language: str) -> str:
    """A canned answer in this language: the store's own wording (flows keeps it), else the shipped one."""
    own = ""
    for provider in REPLY_WORDING_PROVIDERS:
        own = provider(store=store, kind=kind, language=language) or own
    return own or _SHIPPED_REPLIES[kind].get(language) or _SHIPPED_REPLIES[kind]["en"]


def rule_reply(*, store: Store, rule: KeywordRule, language: str) -> tuple[str, str, str]:
    """The rule's reply in this language, else in the store's language with a note for the agent."""
    if (rule.replies or {}).get(language, "").strip():
        return rule.replies[language], language, ""
    store_language = language_base(store.default_language) or "en"
    if language == store_language:
        return rule.reply, language, ""
    note = wording.NO_TEXT_IN_LANGUAGE_NOTE.format(
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
    heard: Heard = {"language": detection.language, "language_reason": detection.reason}
    decision = _compliance(
        store=store, message=message, customer=customer, opt_out_type=opt_out_type, detection=detection
    )
    if decision is None and customer is not None and customer.sms_status == SmsStatus.SUBSCRIBED:
        decision = _snooze(store=store, message=message, customer=customer, now=now, detection=detection)
    if decision is not None:
        return decision
    if customer is not None and customer.sms_status == SmsStatus.UNSUBSCRIBED:
        return RouteDecision(Step.UNSUBSCRIBED, None, "", False, "opted out: no automatic replies", **heard)
    if thread is not None and thread.status in (Thread.Status.ESCALATED, Thread.Status.ASSIGNED):
        return RouteDecision(
            Step.HUMAN, None, "", False, f"a person has this thread ({thread.status})", **heard
        )

    language = detection.language

    def render(template: str) -> str:
        return reply_render(template, reply_context(store=store, customer=customer, language=language))

    def hand_off(reason: str, rule: KeywordRule | None = None, **found) -> RouteDecision:
        holding = flow_reply(store=store, kind="holding", language=language)
        return RouteDecision(Step.ESCALATION, rule, render(holding), True, reason, **heard, **found)

    urgent = asks_for_person(message) or anger(message)
    if urgent:
        return hand_off(urgent)
    uncovered = uncovered_question(message, kind="payment")
    if uncovered:
        return hand_off(uncovered)
    match = rule_match(rules=rules_active_for(store=store), text=message, language=language)
    if match is not None and not acknowledgement_holds(message, match.said):
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
    fallback = flow_reply(store=store, kind="fallback", language=language)
    return RouteDecision(Step.FALLBACK, None, render(fallback), True, "no rule matched", **heard)


def _rule_decision(*, store, message, match: RuleMatch, thread, now, render, hand_off, heard, language):
    """A rule matched: answer from the store's facts where the question names one, else the rule's reply."""
    found: Found = {"intent": match.intent or next(iter(match.intents), ""), "matched": match.said}
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
    table = wording.SHIPS_TO_YES if ships else wording.SHIPS_TO_NO
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
    heard: Heard = {
        "language": language,
        "language_reason": detection.reason if not intent.language else f"{LANGUAGE_NAMES[language]} keyword",
    }
    unsubscribed = customer is not None and customer.sms_status == SmsStatus.UNSUBSCRIBED
    if intent.kind in (OPT_OUT, OPT_IN):
        # One confirmation only: a second STOP from an opted-out number gets silence.
        kind = "opt_out" if intent.kind == OPT_OUT else "opt_in"
        if unsubscribed and intent.kind == OPT_OUT:
            reply = ""
        else:
            template = flow_reply(store=store, kind=kind, language=language)
            reply = reply_render(template, {"store": store.name})
        if reply and intent.kind == OPT_OUT:
            reply = _with_manage_link(reply, customer=customer, language=language)
        # "never signed up, where did you get my number? I want an explanation from a person": the texts stop,
        # and a person sees the question.
        person = asks_for_person(message) if intent.kind == OPT_OUT else None
        reason = f"{intent.reason}; {person}" if person else intent.reason
        return RouteDecision(
            Step.COMPLIANCE, None, reply, bool(person), reason, compliance=intent.kind, **heard
        )
    # Carriers' rule: an opted-out number gets no HELP answer either.
    reply = "" if unsubscribed else help_reply(store=store, language=language, customer=customer)
    return RouteDecision(Step.COMPLIANCE, None, reply, False, intent.reason, compliance=HELP, **heard)


def _snooze(
    *, store: Store, message: Text, customer: Customer, now: datetime, detection: Detection
) -> RouteDecision | None:
    """ "Not now", "text me next week": pause cart texts (read only after opt-out found nothing)."""
    snooze = snooze_intent(message)
    if snooze is None:
        return None
    heard: Heard = {"language": snooze.language, "language_reason": detection.reason}
    if snooze.language != detection.language:
        heard["language_reason"] = f"{LANGUAGE_NAMES.get(snooze.language, snooze.language)} pause phrase"
    until = snooze_until(now=now, days=snooze.days)
    current = customer.snoozed_until
    if current is not None and current > now and until < current + SNOOZE_EXTENSION_MIN:
        reason = f"{snooze.reason}: already paused"
        return RouteDecision(Step.COMPLIANCE, None, "", False, reason, compliance=SNOOZE, **heard)
    reply = snooze_confirmation(
        store_name=store.name, language=snooze.language, until=until, zone=ZoneInfo(store.timezone)
    )
    return RouteDecision(
        Step.COMPLIANCE, None, reply, False, snooze.reason, compliance=SNOOZE, snooze_until=until, **heard
    )


def reply_try(*, store: Store, text: str, customer: Customer | None = None) -> RouteDecision:
    """What this text would trigger for this customer (or a new shopper), without sending or saving."""
    ensure_same_store(store, customer)
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
