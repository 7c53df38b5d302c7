"""The outbound path every text takes (nudges, bot replies, agent replies): record, then deliver once."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Message, SendAttempt, Thread
from .sms import OutgoingSms, PermanentSmsError, TransientSmsError, get_backend


def message_queue_outbound(
    *,
    store,
    thread: Thread,
    body: str,
    route: str,
    rule=None,
    nudge=None,
    sent_by=None,
    enqueue: bool = True,
) -> Message:
    """Record an outbound text and hand it to the worker once the transaction commits.

    `enqueue=False` leaves delivery to the caller (`dispatch_due` sends in-process before it returns).
    """
    if thread.store_id != store.id:
        raise ValueError("The thread belongs to another store.")
    now = timezone.now()
    message = Message.objects.create(
        store=store,
        thread=thread,
        direction=Message.Direction.OUT,
        body=body,
        status=Message.Status.PENDING,
        route=route,
        rule=rule,
        nudge=nudge,
        sent_by=sent_by,
    )
    Thread.objects.filter(pk=thread.pk).update(last_message_at=now, updated_at=now)
    if enqueue:
        from .tasks import deliver_message

        transaction.on_commit(lambda: deliver_message.delay(message.id))
    return message


def _status_callback_url() -> str:
    return f"{settings.PUBLIC_BASE_URL}/webhooks/twilio/status/"


def message_deliver(*, message_id: int) -> Message:
    """Hand a pending message to the SMS backend; it leaves `pending` once, so a retry cannot resend it."""
    with transaction.atomic():
        message = (
            Message.objects.select_for_update().select_related("store", "thread__customer").get(pk=message_id)
        )
        if message.status != Message.Status.PENDING:
            return message
        message.status = Message.Status.SENDING
        message.attempts += 1
        message.save(update_fields=["status", "attempts", "updated_at"])
    store = message.store
    sms = OutgoingSms(
        to=str(message.thread.customer.phone),
        body=message.body,
        from_number=str(store.sms_number or ""),
        messaging_service_sid=store.messaging_service_sid,
        status_callback=_status_callback_url(),
        account_sid=store.twilio_account_sid,
        store_id=str(store.id),
    )
    try:
        result = get_backend().send(sms)
    except PermanentSmsError as exc:
        _record_attempt(message, outcome="failed", error_code=exc.code, detail=str(exc))
        message.status = Message.Status.FAILED
        message.error_code = exc.code
        message.error_message = str(exc)[:300]
        message.save(update_fields=["status", "error_code", "error_message", "updated_at"])
        raise
    except TransientSmsError as exc:
        _record_attempt(message, outcome="retry", error_code=exc.code, detail=str(exc))
        message.status = Message.Status.PENDING
        message.save(update_fields=["status", "updated_at"])
        raise
    _record_attempt(message, outcome="accepted")
    message.twilio_sid = result.sid
    message.status = result.status if result.status in Message.Status.values else Message.Status.QUEUED
    if result.segments:
        message.segments = result.segments
    message.save(update_fields=["twilio_sid", "status", "segments", "updated_at"])
    return message


def _record_attempt(message: Message, *, outcome: str, error_code: str = "", detail: str = "") -> None:
    SendAttempt.objects.create(
        store_id=message.store_id,
        message=message,
        at=timezone.now(),
        outcome=outcome,
        error_code=error_code,
        detail=detail[:500],
    )
