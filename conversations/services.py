"""Writes of the conversations app: threads, inbound texts and what the router decided about them."""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone

from cartrecovery.db import insert_once
from cartrecovery.errors import ApplicationError
from stores.models import Customer, Membership, SmsStatus, Store, WebhookEvent
from stores.phones import (
    PhoneMode,
    phone_mask,
    phone_parse,
)
from stores.services import ConsentDetails, consent_record, customer_snooze, webhook_event_record
from stores.tenancy import ensure_same_store

from .evidence import messages_chain
from .models import CannedResponse, Message, Thread, ThreadNote, ThreadRead
from .nlp_compliance import HELP, OPT_IN, OPT_OUT
from .placeholders import placeholders_check
from .router import SNOOZE, RouteDecision, Step, route
from .sending import STATUS_RANK, message_queue_outbound, number_verdict_apply
from .sms.segments import TWILIO_MAX_BODY_CHARS

logger = logging.getLogger(__name__)


def thread_get_or_create(*, store: Store, customer: Customer) -> Thread:
    """The one thread of this customer with this store, made on first contact (race-safe)."""
    ensure_same_store(store, customer)
    thread = Thread.objects.for_store(store).filter(customer=customer).first()
    if thread is None:
        key = {"store": store, "customer": customer}
        thread, _ = insert_once(Thread, key, existing=key)
    return thread


# Thread transitions (bot → escalated → assigned → resolved, and back to the bot).


def thread_escalate(*, store: Store, thread: Thread, reason: str = "") -> Thread:
    """Hand the thread to a human: the bot stays quiet until someone resolves or hands it back."""
    ensure_same_store(store, thread)
    if thread.status in (Thread.Status.ESCALATED, Thread.Status.ASSIGNED):
        return thread
    now = timezone.now()
    thread.status = Thread.Status.ESCALATED
    thread.escalation_reason = reason[:200]
    thread.escalated_at = now
    thread.save(update_fields=["status", "escalation_reason", "escalated_at", "updated_at"])
    return thread


def thread_assign(*, store: Store, thread: Thread, assignee) -> Thread:
    """Give the thread to a member of this store (a human owner silences the bot)."""
    ensure_same_store(store, thread)
    if not Membership.objects.filter(store=store, user=assignee).exists():
        raise ApplicationError("Only a member of this store can take a thread.", code="not_a_member")
    thread.assignee = assignee
    thread.status = Thread.Status.ASSIGNED
    thread.save(update_fields=["assignee", "status", "updated_at"])
    return thread


def thread_resolve(*, store: Store, thread: Thread) -> Thread:
    ensure_same_store(store, thread)
    thread.status = Thread.Status.RESOLVED
    thread.save(update_fields=["status", "updated_at"])
    return thread


def thread_hand_back(*, store: Store, thread: Thread) -> Thread:
    """Return the thread to the bot: keyword rules and the fallback answer again."""
    ensure_same_store(store, thread)
    thread.status = Thread.Status.BOT
    thread.assignee = None
    thread.save(update_fields=["status", "assignee", "updated_at"])
    return thread


# The agent inbox: reading, replying and canned responses.


def thread_mark_read(*, store: Store, thread: Thread, user) -> None:
    """`user` opened the thread: its texts are read for them, and still unread for everyone else."""
    ensure_same_store(store, thread)
    # One upsert: the same single query on a first visit and on every later one.
    ThreadRead.objects.bulk_create(
        [
            ThreadRead(
                store=store,
                thread=thread,
                user=user,
                seen_count=thread.human_inbound_count,
                read_at=timezone.now(),
            )
        ],
        update_conflicts=True,
        unique_fields=["thread", "user"],
        update_fields=["seen_count", "read_at"],
    )
    thread.my_unread = 0


NOTE_MAX_CHARS = 2000


def thread_note_add(*, store: Store, thread: Thread, user, body: str) -> ThreadNote:
    """An internal note for the team: stored on the thread, never texted."""
    ensure_same_store(store, thread)
    body = body.strip()
    if not body:
        raise ApplicationError("Write the note first.", code="empty")
    if len(body) > NOTE_MAX_CHARS:
        raise ApplicationError(f"A note is at most {NOTE_MAX_CHARS} characters.", code="too_long")
    return ThreadNote.objects.create(store=store, thread=thread, author=user, body=body)


def thread_snooze(*, store: Store, thread: Thread, until, now=None) -> Thread:
    """Out of the working folders until `until` (None wakes it now); a text from the shopper wakes it too."""
    ensure_same_store(store, thread)
    now = now or timezone.now()
    if until is not None and until <= now:
        raise ApplicationError("Pick a time in the future to snooze until.", code="past")
    if until is not None and until > now + timedelta(days=90):
        raise ApplicationError("Snooze for at most 90 days.", code="too_far")
    thread.snoozed_until = until
    thread.save(update_fields=["snoozed_until", "updated_at"])
    return thread


def thread_agent_reply(*, store: Store, thread: Thread, user, body: str) -> Message:
    """Text the shopper as `user`; an unowned thread becomes theirs so the bot stays out of it."""
    ensure_same_store(store, thread)
    body = body.strip()
    if not body:
        raise ApplicationError("Write a reply first.", code="empty")
    if len(body) > TWILIO_MAX_BODY_CHARS:
        raise ApplicationError(
            f"Replies are limited to {TWILIO_MAX_BODY_CHARS} characters by the carrier.", code="too_long"
        )
    from .selectors import thread_reply_block_reason

    with transaction.atomic():
        # Re-read under a lock: a STOP may have landed since the agent opened the page.
        thread = Thread.objects.select_for_update().select_related("customer").get(pk=thread.pk, store=store)
        reason = thread_reply_block_reason(thread=thread)
        if reason:
            raise ApplicationError(reason, code="cannot_text")
        if thread.assignee_id is None or thread.status != Thread.Status.ASSIGNED:
            thread_assign(store=store, thread=thread, assignee=user)
        return message_queue_outbound(store=store, thread=thread, body=body, route="agent", sent_by=user)


def canned_response_create(*, store: Store, title: str, body: str) -> CannedResponse:
    return CannedResponse.objects.create(store=store, **_canned_fields(title=title, body=body))


def canned_response_update(*, store: Store, canned: CannedResponse, title: str, body: str) -> CannedResponse:
    ensure_same_store(store, canned)
    for name, value in _canned_fields(title=title, body=body).items():
        setattr(canned, name, value)
    canned.save(update_fields=["title", "body"])
    return canned


def canned_response_delete(*, store: Store, canned: CannedResponse) -> None:
    ensure_same_store(store, canned)
    canned.delete()


def _canned_fields(*, title: str, body: str) -> dict:
    title, body = title.strip(), body.strip()
    if not title or not body:
        raise ApplicationError("A canned response needs a title and a text.", code="incomplete")
    if len(body) > TWILIO_MAX_BODY_CHARS:
        raise ApplicationError(f"Keep it under {TWILIO_MAX_BODY_CHARS} characters.", code="too_long")
    placeholders_check(body, field="body")
    return {"title": title[:120], "body": body}


# Quiet threads, inbound texts and delivery status.


def threads_return_quiet_to_bot(*, now: datetime | None = None, quiet_for: timedelta | None = None) -> int:
    """Threads a person held but where nobody has written for a while go back to the bot (all stores)."""
    now = now or timezone.now()
    quiet_for = quiet_for or timedelta(hours=settings.THREAD_RETURN_TO_BOT_AFTER_HOURS)
    cutoff = now - quiet_for
    quiet = (
        Thread.objects.exclude(status=Thread.Status.BOT)
        .annotate(last_activity=Coalesce("last_message_at", "updated_at"))
        .filter(last_activity__lt=cutoff)
    )
    count = Thread.objects.filter(pk__in=quiet.values("pk")).update(
        status=Thread.Status.BOT, assignee=None, escalation_reason="", updated_at=now
    )
    if count:
        logger.info("%d quiet thread(s) returned to the bot", count)
    return count


@dataclass(frozen=True)
class InboundResult:
    message: Message
    decision: RouteDecision | None
    created: bool  # False: this MessageSid was seen before and nothing happened again


def _e164(raw: str) -> str:
    return phone_parse(raw, mode=PhoneMode.INBOUND_SENDER).e164


def _customer_for_inbound(*, store: Store, phone: str, country: str = "") -> Customer:
    """A stranger texting the store number becomes a customer with no consent: answered, never marketed to."""
    customer = Customer.objects.for_store(store).filter(phone=phone).first()
    if customer is not None:
        return customer
    fields = {
        "store": store,
        "phone": phone,
        "sms_status": SmsStatus.NONE,
        "country": (country or "")[:2].upper(),
    }
    customer, _ = insert_once(Customer, fields, existing={"store": store, "phone": phone})
    return customer


def inbound_receive(
    *,
    store: Store,
    from_phone: str,
    body: str,
    sid: str | None = None,
    opt_out_type: str = "",
    from_country: str = "",
    received_at: datetime | None = None,
) -> InboundResult | None:
    """Record one text from a shopper, route it, and act on the decision. Once per `sid`.

    The webhook (through its task) and the phone simulator both call this. Returns None for a sender that is
    not a phone number.
    """
    phone = _e164(from_phone)
    if not phone:
        logger.warning("Inbound text to %s from a non-number %r ignored", store.id, (from_phone or "")[:20])
        return None
    sid = (sid or "").strip() or None
    if sid:
        seen = Message.objects.filter(twilio_sid=sid).first()
        if seen is not None:
            return InboundResult(message=seen, decision=None, created=False)
    now = received_at or timezone.now()
    customer = _customer_for_inbound(store=store, phone=phone, country=from_country)
    thread = thread_get_or_create(store=store, customer=customer)
    try:
        with transaction.atomic():
            # One shopper's texts are routed one at a time: the 24-hour rule check and the thread state
            # must see the previous text's outcome.
            thread = Thread.objects.select_for_update().get(pk=thread.pk)
            customer.refresh_from_db(fields=["sms_status", "snoozed_until"])
            decision = route(
                store=store, text=body, customer=customer, thread=thread, opt_out_type=opt_out_type
            )
            message = Message.objects.create(
                store=store,
                thread=thread,
                direction=Message.Direction.IN,
                body=(body or "").replace("\x00", ""),
                status=Message.Status.RECEIVED,
                route=decision.step,
                rule=decision.rule,
                twilio_sid=sid,
                language=decision.language[:8],
                note=decision.note[:300],
            )
            messages_chain(store=store, messages=[message], decisions=[f"{decision.step}: {decision.reason}"])
            _act(store=store, customer=customer, thread=thread, message=message, decision=decision, now=now)
    except IntegrityError:
        # The same MessageSid delivered twice at once: the other delivery won the unique index.
        if sid is None:
            raise
        return InboundResult(message=Message.objects.get(twilio_sid=sid), decision=None, created=False)
    logger.info("Inbound %s from %s: %s (%s)", sid or "-", phone_mask(phone), decision.step, decision.reason)
    return InboundResult(message=message, decision=decision, created=True)


def _keyword_consent_details(*, message: Message, decision: RouteDecision, now: datetime) -> ConsentDetails:
    """The evidence a shopper's keyword text (STOP, PAUSE, START) gives the consent event it causes."""
    return {
        "occurred_at": now,
        "text_shown": message.body[:1600],
        "evidence": {"message_sid": message.twilio_sid or "", "reason": decision.reason},
        "dedupe_key": f"sms-in:{message.twilio_sid}" if message.twilio_sid else "",
    }


def _act(*, store: Store, customer, thread, message, decision: RouteDecision, now: datetime) -> None:
    details = _keyword_consent_details(message=message, decision=decision, now=now)
    if decision.compliance == OPT_OUT:
        consent_record(
            store=store,
            customer=customer,
            kind="revoked",
            source="keyword",
            reason="the shopper opted out by text",
            **details,
        )
    elif decision.compliance == SNOOZE and decision.snooze_until is not None:
        customer_snooze(
            store=store, customer=customer, until=decision.snooze_until, source="keyword", **details
        )
    elif decision.compliance == OPT_IN and customer.sms_status != SmsStatus.SUBSCRIBED:
        consent_record(store=store, customer=customer, kind="granted", source="keyword", **details)
    changes: dict[str, Any] = {"last_inbound_at": now, "last_message_at": now, "updated_at": now}
    if decision.escalate or decision.step == Step.HUMAN:
        # Unread is for the people of the inbox: texts the bot answered need nobody's eyes.
        changes["human_inbound_count"] = F("human_inbound_count") + 1
        changes["snoozed_until"] = None
    if thread.status == Thread.Status.RESOLVED and decision.compliance != HELP:
        changes["status"] = Thread.Status.BOT
    Thread.objects.filter(pk=thread.pk).update(**changes)
    if decision.escalate:
        thread.refresh_from_db()
        thread_escalate(store=store, thread=thread, reason=decision.reason)
    if decision.reply:
        message_queue_outbound(
            store=store, thread=thread, body=decision.reply, route=decision.outbound_route, rule=decision.rule
        )


# Status callbacks: how far along each status is. A callback never moves a message backwards.
_TWILIO_STATUS = {
    "accepted": Message.Status.QUEUED,
    "scheduled": Message.Status.QUEUED,
    "queued": Message.Status.QUEUED,
    "sending": Message.Status.SENDING,
    "sent": Message.Status.SENT,
    "delivered": Message.Status.DELIVERED,
    "read": Message.Status.DELIVERED,
    "partially_delivered": Message.Status.DELIVERED,
    "undelivered": Message.Status.UNDELIVERED,
    "failed": Message.Status.FAILED,
    "canceled": Message.Status.FAILED,
}


def message_status_update(
    *,
    sid: str,
    status: str,
    error_code: str = "",
    price: str = "",
    price_unit: str = "",
    message_id: int | None = None,
) -> Message | None:
    """Apply one status callback. Out-of-order callbacks cannot undo a later status (delivered stays).

    `message_id` is the text's id from the callback URL (signed with it): a callback can come before the
    worker records the SID (outcomes are recorded a round of texts at a time), so a text still `sending`
    without a SID takes the callback's SID here.
    """
    new = _TWILIO_STATUS.get((status or "").strip().lower())
    messages = Message.objects.select_related("store", "thread__customer")
    message = messages.filter(twilio_sid=sid).first()
    if message is None and message_id is not None:
        adopted = Message.objects.filter(
            pk=message_id,
            direction=Message.Direction.OUT,
            status=Message.Status.SENDING,
            twilio_sid__isnull=True,
        ).update(twilio_sid=sid)
        message = messages.filter(pk=message_id, twilio_sid=sid).first() if adopted else None
    if message is None:
        logger.info("Status callback for unknown message %s ignored", sid[:40])
        return None
    if new is not None:
        lower = [s for s, rank in STATUS_RANK.items() if rank < STATUS_RANK[new]]
        fields = {"status": new, "updated_at": timezone.now()}
        if error_code:
            fields["error_code"] = error_code[:16]
        Message.objects.filter(pk=message.pk, status__in=lower).update(**fields)
    price_value = _price(price)
    if price_value is not None:
        Message.objects.filter(pk=message.pk).update(price=price_value, price_unit=(price_unit or "")[:3])
    if error_code:
        number_verdict_apply(message=message, error_code=error_code)
    message.refresh_from_db()
    return message


# Message.price is NUMERIC(10, 5): Twilio prices fit; "NaN", "1e999999" or "1e-999999" would not (a 500).
_PRICE_QUANTUM = Decimal("0.00001")
_PRICE_LIMIT = Decimal("100000")


def _price(raw: str) -> Decimal | None:
    value = _decimal(raw)
    if value is None or not value.is_finite() or abs(value) >= _PRICE_LIMIT:
        return None
    return abs(value).quantize(_PRICE_QUANTUM)


def _decimal(raw: str) -> Decimal | None:
    try:
        return Decimal(raw) if raw not in (None, "") else None
    except (InvalidOperation, ValueError):
        return None


INBOUND_SOURCE = "twilio"
INBOUND_TOPIC = "sms"
# What stays on the event after processing: routing facts, not the shopper's words or number.
_KEPT_PARAMS = {
    "MessageSid",
    "AccountSid",
    "MessagingServiceSid",
    "To",
    "NumMedia",
    "NumSegments",
    "OptOutType",
}


def inbound_event_record(*, store: Store, params: dict[str, str]) -> WebhookEvent | None:
    """Keep Twilio's delivery under its MessageSid and queue it (stores' webhook pipeline); None if seen."""
    return webhook_event_record(
        store=store, source=INBOUND_SOURCE, key=params["MessageSid"], topic=INBOUND_TOPIC, payload=params
    )


def inbound_event_apply(*, store: Store, data: dict[str, str], event: WebhookEvent) -> InboundResult | None:
    """Route a recorded delivery, then drop the text from the event: the Message keeps it, once."""
    result = inbound_receive(
        store=store,
        from_phone=data.get("From", ""),
        body=data.get("Body", ""),
        sid=data.get("MessageSid"),
        opt_out_type=data.get("OptOutType", ""),
        from_country=data.get("FromCountry", ""),
        received_at=event.received_at,
    )
    event.payload = {k: v for k, v in data.items() if k in _KEPT_PARAMS}
    event.save(update_fields=["payload"])
    return result
