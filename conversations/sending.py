"""The outbound path every text takes (nudges, bot replies, agent replies): record, then deliver once."""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from stores.hooks import hooks_run
from stores.models import Customer, Store
from stores.phones import phone_mask, phones_masked_in
from stores.services import consent_record
from stores.tenancy import ensure_same_store

from .evidence import messages_chain
from .hooks import MESSAGE_REFUSED_HOOKS, NUMBER_UNREACHABLE_HOOKS
from .models import Message, SendAttempt, Thread
from .sms import (
    OutgoingSms,
    PermanentSmsError,
    RateLimited,
    SendResult,
    TransientSmsError,
    get_backend,
    ratelimit,
)
from .sms.segments import segment_info

logger = logging.getLogger(__name__)

OPTED_OUT_AT_CARRIER = "21610"
INVALID_NUMBER_CODES = {"21211": "not a valid phone number (Twilio 21211)"}
# Errors that say a number cannot take texts now (deactivated, landline, unknown): one may be a passing
# carrier fault, two sends that met one mean it rests for UNREACHABLE_REST.
UNREACHABLE_CODES = {
    "21614": "not a mobile number (Twilio 21614)",
    "30003": "unreachable handset (Twilio 30003)",
    "30005": "unknown or deactivated number (Twilio 30005)",
    "30006": "landline or unreachable carrier (Twilio 30006)",
}
UNREACHABLE_STRIKES = 2
UNREACHABLE_REST = timedelta(days=90)


def message_queue_outbound(
    *,
    store: Store,
    thread: Thread,
    body: str,
    route: str,
    rule=None,
    nudge=None,
    sent_by=None,
    enqueue: bool = True,
    decision: str = "",
) -> Message:
    """Record an outbound text and hand it to the worker once the transaction commits.

    `enqueue=False` leaves delivery to the caller (`dispatch_due` sends in-process before it returns).
    """
    (message,) = messages_queue_outbound(
        outbound=[
            Outbound(
                store=store,
                thread=thread,
                body=body,
                route=route,
                rule=rule,
                nudge=nudge,
                sent_by=sent_by,
                decision=decision,
            )
        ]
    )
    if enqueue:
        from .tasks import deliver_message

        transaction.on_commit(lambda: deliver_message.delay(message.id))
    return message


@dataclass(frozen=True)
class Outbound:
    store: object
    thread: Thread
    body: str
    route: str
    rule: object = None
    nudge: object = None
    sent_by: object = None
    # What allowed this text, for the evidence chain ("inside Texas 9:00–21:00…", "reply to HELP").
    decision: str = ""


def messages_queue_outbound(*, outbound: list[Outbound]) -> list[Message]:
    """Record many outbound texts in one statement (the dispatcher's batches); nothing is enqueued here.

    A nudge's text is unique (Message.nudge is one-to-one), so a second text for it fails the insert.
    """
    for item in outbound:
        if item.thread.store_id != item.store.id:
            raise ValueError("The thread belongs to another store.")
    if not outbound:
        return []
    now = timezone.now()
    rows = []
    for item in outbound:
        info = segment_info(item.body)
        rows.append(
            Message(
                store=item.store,
                thread=item.thread,
                direction=Message.Direction.OUT,
                body=item.body,
                segments=max(info.segments, 1),
                encoding=info.encoding,
                status=Message.Status.PENDING,
                route=item.route,
                # Ids, not instances: a batch of 200 would pay Django's relation checks 600 times.
                rule_id=item.rule.id if item.rule else None,
                nudge_id=item.nudge.id if item.nudge else None,
                sent_by_id=item.sent_by.id if item.sent_by else None,
            )
        )
    messages = Message.objects.bulk_create(rows)
    by_store: dict = {}
    for item, message in zip(outbound, messages, strict=True):
        by_store.setdefault(item.store.id, (item.store, [], []))
        by_store[item.store.id][1].append(message)
        by_store[item.store.id][2].append(item.decision or f"{item.route} text")
    for store, store_messages, decisions in by_store.values():
        messages_chain(store=store, messages=store_messages, decisions=decisions)
    Thread.objects.filter(pk__in={item.thread.pk for item in outbound}).update(
        last_message_at=now, updated_at=now
    )
    return messages


def threads_ensure(*, store: Store, customers: list[Customer]) -> dict[int, Thread]:
    """The thread of each customer (by customer id), creating the missing ones in one statement."""
    ensure_same_store(store, *customers)
    ids = {c.id for c in customers}
    threads = {t.customer_id: t for t in Thread.objects.for_store(store).filter(customer_id__in=ids)}
    missing = ids - threads.keys()
    if missing:
        Thread.objects.bulk_create(
            [Thread(store=store, customer_id=i) for i in missing], ignore_conflicts=True
        )
        threads.update(
            {t.customer_id: t for t in Thread.objects.for_store(store).filter(customer_id__in=missing)}
        )
    return threads


def _status_callback_url() -> str:
    return f"{settings.PUBLIC_BASE_URL}/webhooks/twilio/status/"


def _outgoing(message: Message) -> OutgoingSms:
    store = message.store
    return OutgoingSms(
        to=str(message.thread.customer.phone),
        body=message.body,
        from_number=str(store.sms_number or ""),
        messaging_service_sid=store.messaging_service_sid,
        status_callback=_status_callback_url(),
        account_sid=store.twilio_account_sid,
        store_id=str(store.id),
    )


def _claim(message_id: int) -> tuple[Message | None, bool]:
    """Move the message to `sending` once; (None, _) when someone already did. Also says whether the
    last attempt's outcome is unknown, so the provider must be asked before sending again."""
    with transaction.atomic():
        message = (
            Message.objects.select_for_update(of=("self",))
            .select_related("store", "thread__customer")
            .get(pk=message_id)
        )
        if message.status == Message.Status.PENDING:
            reconcile = message.attempts > 0 and message.send_attempts.filter(outcome="unknown").exists()
        elif message.status == Message.Status.SENDING:
            if message.updated_at > timezone.now() - settings.SMS_STALE_SENDING:
                raise TransientSmsError("Another worker is sending this message.", code="in_flight")
            reconcile = True
        else:
            return None, False
        message.status = Message.Status.SENDING
        message.attempts += 1
        message.save(update_fields=["status", "attempts", "updated_at"])
    return message, reconcile


# A text still pending after the longest retry backoff (`SMS_REQUEUE_PENDING_AFTER`) lost its task (the broker
# lost its queue, a retry was dropped): queue it again. Delivery is exactly-once, so a task that was only slow
# does no harm. A text older than a day is no longer worth sending.
REQUEUE_WITHIN = timedelta(hours=24)
REQUEUE_BATCH = 500


def messages_requeue_stuck(*, now: datetime | None = None) -> int:
    """Queue delivery again for outbound texts whose task was lost; returns how many were queued."""
    now = now or timezone.now()
    stuck = (
        Message.objects.filter(direction=Message.Direction.OUT, created_at__gt=now - REQUEUE_WITHIN)
        .filter(
            Q(status=Message.Status.PENDING, updated_at__lt=now - settings.SMS_REQUEUE_PENDING_AFTER)
            | Q(status=Message.Status.SENDING, updated_at__lt=now - settings.SMS_STALE_SENDING)
        )
        .order_by("updated_at")
        .values_list("id", flat=True)[:REQUEUE_BATCH]
    )
    from .tasks import deliver_message

    ids = list(stuck)
    for message_id in ids:
        deliver_message.delay(message_id)
    if ids:
        logger.warning("re-queued %d outbound texts whose delivery task was lost", len(ids))
    return len(ids)


def message_deliver(*, message_id: int) -> Message:
    """Hand a pending message to the SMS backend exactly once, however often this runs.

    The row leaves `pending` under a lock, so a retried or duplicated task finds nothing to do; an attempt
    whose outcome is unknown (timeout, worker died) is reconciled with the provider before any resend.
    Transient errors re-raise for the task's backoff; permanent ones are recorded and acted on.
    """
    message, reconcile = _claim(message_id)
    if message is None:
        return Message.objects.get(pk=message_id)
    sms = _outgoing(message)
    backend = get_backend()
    try:
        if reconcile:
            found = backend.find_sent(sms, since=message.created_at)
            if found is not None:
                return _accepted(message, found, outcome="recovered")
        if backend.rate_limited:
            with ratelimit.turn(store=message.store, segments=message.segments or 1):
                result = backend.send(sms)
        else:
            result = backend.send(sms)
    except RateLimited:
        message.status = Message.Status.PENDING
        message.attempts -= 1
        message.save(update_fields=["status", "attempts", "updated_at"])
        raise
    except PermanentSmsError as exc:
        _refused(message, exc)
        return message
    except TransientSmsError as exc:
        _record_attempt(
            message, outcome="unknown" if exc.ambiguous else "retry", error_code=exc.code, detail=str(exc)
        )
        message.status = Message.Status.PENDING
        message.error_code = exc.code[:16]
        message.save(update_fields=["status", "error_code", "updated_at"])
        raise
    return _accepted(message, result, outcome="accepted")


def _accepted(message: Message, result: SendResult, *, outcome: str) -> Message:
    _record_attempt(message, outcome=outcome)
    message.twilio_sid = result.sid
    message.status = result.status if result.status in Message.Status.values else Message.Status.QUEUED
    message.error_code = ""
    fields = ["twilio_sid", "status", "error_code", "updated_at"]
    if result.segments:
        message.segments = result.segments
        fields.append("segments")
    if result.price is not None:
        message.price = abs(result.price)
        fields.append("price")
    message.save(update_fields=fields)
    return message


def _refused(message: Message, exc: PermanentSmsError) -> None:
    _record_attempt(message, outcome="failed", error_code=exc.code, detail=str(exc))
    message.status = Message.Status.FAILED
    message.error_code = exc.code[:16]
    message.error_message = str(exc)[:300]
    message.save(update_fields=["status", "error_code", "error_message", "updated_at"])
    customer_phone = phone_mask(str(message.thread.customer.phone))
    logger.info("message %s to %s refused: %s", message.id, customer_phone, phones_masked_in(str(exc)))
    number_verdict_apply(message=message, error_code=exc.code)
    hooks_run(MESSAGE_REFUSED_HOOKS, store=message.store, message=message, reason=f"text refused: {exc}")


def number_verdict_apply(*, message: Message, error_code: str) -> None:
    """What a provider error says about the number: opted out at the carrier, or not textable at all.

    Consent is revoked (21610), the number is marked invalid for good (21211), or after two sends that
    met 21614, 30003, 30005 or 30006 it is not texted for 90 days; pending nudges are cancelled. Send
    errors and status callbacks both end here.
    """
    store, customer = message.store, message.thread.customer
    if error_code == OPTED_OUT_AT_CARRIER:
        consent_record(
            store=store,
            customer=customer,
            kind="revoked",
            source="carrier",
            evidence={"error_code": error_code, "message_id": message.id},
            dedupe_key=f"carrier-21610:{customer.pk}:{message.pk}",
            reason="opted out at the carrier (21610)",
        )
    elif error_code in INVALID_NUMBER_CODES:
        _number_unreachable(message=message, reason=INVALID_NUMBER_CODES[error_code], until=None)
    elif error_code in UNREACHABLE_CODES and _unreachable_strikes(message=message) >= UNREACHABLE_STRIKES:
        now = timezone.now()
        reason = f"{UNREACHABLE_CODES[error_code]} on {UNREACHABLE_STRIKES} sends"
        _number_unreachable(message=message, reason=reason, until=now + UNREACHABLE_REST)


def _unreachable_strikes(*, message: Message) -> int:
    """Texts to this number in the last 90 days that met an unreachable error (this one included)."""
    since = timezone.now() - UNREACHABLE_REST
    earlier = set(
        Message.objects.filter(
            thread__customer_id=message.thread.customer_id,
            direction=Message.Direction.OUT,
            error_code__in=UNREACHABLE_CODES,
            created_at__gte=since,
        ).values_list("id", flat=True)
    )
    return len(earlier | {message.id})


def _number_unreachable(*, message: Message, reason: str, until) -> None:
    store, customer = message.store, message.thread.customer
    Customer.objects.filter(pk=customer.pk).update(
        phone_unreachable_reason=reason[:200], unreachable_until=until, updated_at=timezone.now()
    )
    hooks_run(NUMBER_UNREACHABLE_HOOKS, store=store, customer=customer, reason=reason)


def _record_attempt(message: Message, *, outcome: str, error_code: str = "", detail: str = "") -> None:
    SendAttempt.objects.create(
        store_id=message.store_id,
        message=message,
        at=timezone.now(),
        outcome=outcome,
        error_code=error_code,
        detail=detail[:500],
    )
