"""Where a shopper's reply goes, decided without side effects (so the dashboard can try texts safely).

In order: 1 compliance (opt-out, opt-in, help: the law before anything else) → 2 a human holds the thread
(the bot stays quiet) → 3 the merchant's keyword rules → 4 a person was asked for, or the shopper is upset
→ 5 the fallback reply. Steps 3 and 4 trade places in one case: a shopper who asks for a person or is plainly
angry gets the person even if a keyword also matched ("I want to talk to someone about shipping"), since a
rule's canned answer is the wrong reply to both.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from stores.manage_links import manage_url
from stores.models import Cart, Customer, SmsStatus, Store
from stores.tenancy import ensure_same_store

from .hooks import CART_LINK_PROVIDERS, REPLY_WORDING_PROVIDERS
from .models import KeywordRule, Message, Thread
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
)
from .placeholders import money_format, store_values
from .rules import DEFAULT_FALLBACK_REPLY, DEFAULT_HOLDING_REPLY, reply_render, rule_match, rules_active_for
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


@dataclass(frozen=True)
class RouteDecision:
    step: str
    rule: KeywordRule | None
    reply: str
    escalate: bool
    reason: str
    compliance: str = ""  # "opt_out" | "opt_in" | "help" | "snooze" when step is compliance
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

OPT_OUT_CONFIRMATION = {
    "en": "{store}: You're unsubscribed and will get no more texts from us. Reply START to resubscribe.",
    "es": "{store}: Te has dado de baja y no recibirás más mensajes. Responde START para volver.",
}
# The manage-texts page (FCC 2024: revocation by any reasonable means, not only by text).
MANAGE_LINK = {"en": "Manage texts: {url}", "es": "Gestiona tus mensajes: {url}"}
OPT_IN_CONFIRMATION = (
    "{store}: You're subscribed again to cart reminders (at most a few per cart). Msg & data rates may "
    "apply. Reply HELP for help, STOP to opt out."
)


def help_reply(*, store: Store, customer: Customer | None = None) -> str:
    """The store's help text, always with contact details and how to opt out (CTIA), and the shopper's
    manage-texts link."""
    text = store.help_text.strip()
    if not text:
        contact = " or ".join(c for c in (store.contact_email, store.contact_phone) if c) or store.website_url
        text = f"{store.name}: cart reminders by text." + (f" Help: {contact}." if contact else "")
        text += " Msg & data rates may apply."
    if "STOP" not in text.upper():
        text += " Reply STOP to opt out."
    return _with_manage_link(text, customer=customer, language="en")


def _with_manage_link(text: str, *, customer: Customer | None, language: str) -> str:
    if customer is None or customer.pk is None:
        return text
    return f"{text} {MANAGE_LINK.get(language, MANAGE_LINK['en']).format(url=manage_url(customer))}"


def reply_context(*, store: Store, customer: Customer | None) -> dict[str, str]:
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
        **store_values(store),
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


def _flow_replies(*, store: Store) -> tuple[str, str]:
    fallback, holding = "", ""
    for provider in REPLY_WORDING_PROVIDERS:
        fallback, holding = provider(store=store)
    return fallback or DEFAULT_FALLBACK_REPLY, holding or DEFAULT_HOLDING_REPLY


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
    decision = _compliance(store=store, message=message, customer=customer, opt_out_type=opt_out_type)
    if decision is None and customer is not None and customer.sms_status == SmsStatus.SUBSCRIBED:
        decision = _snooze(store=store, message=message, customer=customer, now=now)
    if decision is not None:
        return decision
    if customer is not None and customer.sms_status == SmsStatus.UNSUBSCRIBED:
        return RouteDecision(Step.UNSUBSCRIBED, None, "", False, "opted out: no automatic replies")
    if thread is not None and thread.status in (Thread.Status.ESCALATED, Thread.Status.ASSIGNED):
        return RouteDecision(Step.HUMAN, None, "", False, f"a person has this thread ({thread.status})")

    def render(template: str) -> str:
        return reply_render(template, reply_context(store=store, customer=customer))

    fallback_reply, holding_reply = _flow_replies(store=store)
    urgent = asks_for_person(message) or anger(message)
    if urgent:
        return RouteDecision(Step.ESCALATION, None, render(holding_reply), True, urgent)
    match = rule_match(rules=rules_active_for(store=store), text=message)
    if match is not None:
        reason = f'keyword "{match.keyword}" of rule "{match.rule.name}"'
        if _rule_fired_recently(store=store, thread=thread, rule=match.rule, now=now):
            return RouteDecision(
                Step.ESCALATION, match.rule, render(holding_reply), True, f"asked again: {reason}"
            )
        return RouteDecision(Step.RULE, match.rule, render(match.rule.reply), False, reason)
    upset = shouting(message)
    if upset:
        return RouteDecision(Step.ESCALATION, None, render(holding_reply), True, upset)
    if is_acknowledgement(message):
        return RouteDecision(Step.ACKNOWLEDGEMENT, None, "", False, "an acknowledgement: nothing to answer")
    return RouteDecision(Step.FALLBACK, None, render(fallback_reply), True, "no rule matched")


def _compliance(
    *, store: Store, message: Text, customer: Customer | None, opt_out_type: str
) -> RouteDecision | None:
    """Twilio's Advanced Opt-Out verdict wins (it has already replied); otherwise our own reading."""
    twilio_kind = {"STOP": OPT_OUT, "START": OPT_IN, "HELP": HELP}.get((opt_out_type or "").strip().upper())
    if twilio_kind:
        reason = f"Twilio Advanced Opt-Out ({opt_out_type.upper()}) already answered"
        return RouteDecision(Step.COMPLIANCE, None, "", False, reason, compliance=twilio_kind)
    intent = compliance_intent(message)
    if intent is None:
        return None
    unsubscribed = customer is not None and customer.sms_status == SmsStatus.UNSUBSCRIBED
    if intent.kind == OPT_OUT:
        # One confirmation only: a second STOP from an opted-out number gets silence.
        reply = "" if unsubscribed else OPT_OUT_CONFIRMATION[intent.language].format(store=store.name)
        reply = _with_manage_link(reply, customer=customer, language=intent.language) if reply else ""
        return RouteDecision(Step.COMPLIANCE, None, reply, False, intent.reason, compliance=OPT_OUT)
    if intent.kind == OPT_IN:
        reply = OPT_IN_CONFIRMATION.format(store=store.name)
        return RouteDecision(Step.COMPLIANCE, None, reply, False, intent.reason, compliance=OPT_IN)
    # Carriers' rule: an opted-out number gets no HELP answer either.
    reply = "" if unsubscribed else help_reply(store=store, customer=customer)
    return RouteDecision(Step.COMPLIANCE, None, reply, False, intent.reason, compliance=HELP)


def _snooze(*, store: Store, message: Text, customer: Customer, now: datetime) -> RouteDecision | None:
    """ "Not now", "text me next week": pause cart texts (read only after opt-out found nothing)."""
    snooze = snooze_intent(message)
    if snooze is None:
        return None
    until = snooze_until(now=now, days=snooze.days)
    current = customer.snoozed_until
    if current is not None and current > now and until < current + SNOOZE_EXTENSION_MIN:
        return RouteDecision(Step.COMPLIANCE, None, "", False, f"{snooze.reason}: already paused", SNOOZE)
    reply = snooze_confirmation(
        store_name=store.name, language=snooze.language, until=until, zone=ZoneInfo(store.timezone)
    )
    return RouteDecision(Step.COMPLIANCE, None, reply, False, snooze.reason, SNOOZE, snooze_until=until)


def reply_try(*, store: Store, text: str, customer: Customer | None = None) -> RouteDecision:
    """What this text would trigger for this customer (or a new shopper), without sending or saving."""
    ensure_same_store(store, customer)
    thread = Thread.objects.for_store(store).filter(customer=customer).first() if customer else None
    return route(store=store, text=text, customer=customer, thread=thread)
