"""Writes of the conversations app: threads and the messages in them."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from cartrecovery.errors import ApplicationError
from stores.models import Customer, Membership

from .models import CannedResponse, Message, Thread
from .sms.segments import TWILIO_MAX_BODY_CHARS


def thread_get_or_create(*, store, customer: Customer) -> Thread:
    """The one thread of this customer with this store, made on first contact (race-safe)."""
    if customer.store_id != store.id:
        raise ValueError("The customer belongs to another store.")
    try:
        with transaction.atomic():
            thread, _ = Thread.objects.get_or_create(store=store, customer=customer)
    except IntegrityError:
        thread = Thread.objects.get(store=store, customer=customer)
    return thread


# Thread transitions (bot → escalated → assigned → resolved, and back to the bot).


def thread_escalate(*, store, thread: Thread, reason: str = "") -> Thread:
    """Hand the thread to a human: the bot stays quiet until someone resolves or hands it back."""
    _check_same_store(store=store, thread=thread)
    if thread.status in (Thread.Status.ESCALATED, Thread.Status.ASSIGNED):
        return thread
    now = timezone.now()
    thread.status = Thread.Status.ESCALATED
    thread.escalation_reason = reason[:200]
    thread.escalated_at = now
    thread.save(update_fields=["status", "escalation_reason", "escalated_at", "updated_at"])
    return thread


def thread_assign(*, store, thread: Thread, assignee) -> Thread:
    """Give the thread to a member of this store (a human owner silences the bot)."""
    _check_same_store(store=store, thread=thread)
    if not Membership.objects.filter(store=store, user=assignee).exists():
        raise ApplicationError("Only a member of this store can take a thread.", code="not_a_member")
    thread.assignee = assignee
    thread.status = Thread.Status.ASSIGNED
    thread.save(update_fields=["assignee", "status", "updated_at"])
    return thread


def thread_resolve(*, store, thread: Thread) -> Thread:
    _check_same_store(store=store, thread=thread)
    thread.status = Thread.Status.RESOLVED
    thread.save(update_fields=["status", "updated_at"])
    return thread


def thread_hand_back(*, store, thread: Thread) -> Thread:
    """Return the thread to the bot: keyword rules and the fallback answer again."""
    _check_same_store(store=store, thread=thread)
    thread.status = Thread.Status.BOT
    thread.assignee = None
    thread.save(update_fields=["status", "assignee", "updated_at"])
    return thread


def _check_same_store(*, store, thread: Thread) -> None:
    if thread.store_id != store.id:
        raise ValueError("The thread belongs to another store.")


# The agent inbox: reading, replying and canned responses.


def thread_mark_read(*, store, thread: Thread) -> None:
    """An agent opened the thread: its inbound texts are no longer unread (one shared marker per thread)."""
    _check_same_store(store=store, thread=thread)
    if thread.unread_count:
        Thread.objects.filter(pk=thread.pk, store=store).update(unread_count=0)
        thread.unread_count = 0


def thread_agent_reply(*, store, thread: Thread, user, body: str) -> Message:
    """Text the shopper as `user`; an unowned thread becomes theirs so the bot stays out of it."""
    _check_same_store(store=store, thread=thread)
    body = body.strip()
    if not body:
        raise ApplicationError("Write a reply first.", code="empty")
    if len(body) > TWILIO_MAX_BODY_CHARS:
        raise ApplicationError(
            f"Replies are limited to {TWILIO_MAX_BODY_CHARS} characters by the carrier.", code="too_long"
        )
    from .selectors import thread_reply_block_reason
    from .sending import message_queue_outbound

    with transaction.atomic():
        # Re-read under a lock: a STOP may have landed since the agent opened the page.
        thread = Thread.objects.select_for_update().select_related("customer").get(pk=thread.pk, store=store)
        reason = thread_reply_block_reason(thread=thread)
        if reason:
            raise ApplicationError(reason, code="cannot_text")
        if thread.assignee_id is None or thread.status != Thread.Status.ASSIGNED:
            thread_assign(store=store, thread=thread, assignee=user)
        return message_queue_outbound(store=store, thread=thread, body=body, route="agent", sent_by=user)


def canned_response_create(*, store, title: str, body: str) -> CannedResponse:
    return CannedResponse.objects.create(store=store, **_canned_fields(title=title, body=body))


def canned_response_update(*, store, canned: CannedResponse, title: str, body: str) -> CannedResponse:
    if canned.store_id != store.id:
        raise ValueError("The canned response belongs to another store.")
    for name, value in _canned_fields(title=title, body=body).items():
        setattr(canned, name, value)
    canned.save(update_fields=["title", "body"])
    return canned


def canned_response_delete(*, store, canned: CannedResponse) -> None:
    if canned.store_id != store.id:
        raise ValueError("The canned response belongs to another store.")
    canned.delete()


def _canned_fields(*, title: str, body: str) -> dict:
    title, body = title.strip(), body.strip()
    if not title or not body:
        raise ApplicationError("A canned response needs a title and a text.", code="incomplete")
    if len(body) > TWILIO_MAX_BODY_CHARS:
        raise ApplicationError(f"Keep it under {TWILIO_MAX_BODY_CHARS} characters.", code="too_long")
    return {"title": title[:120], "body": body}
