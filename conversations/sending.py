"""The outbound path every text takes (nudges, bot replies, agent replies): record, then deliver once."""

import itertools
import logging
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from functools import partial

from django.conf import settings
from django.db import connection, transaction
from django.db.models import CharField, Count, F, Q
from django.db.models.functions import Cast
from django.utils import timezone

from cartrecovery.db import insert_many
from cartrecovery.tasks import RETRY_POLICY
from stores.evidence import evidence_heads_lock
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
# How far along an outbound text is: a status callback or a recorded outcome never moves it back (a
# callback can come before its text's outcome is recorded, or after a later one).
STATUS_RANK = {
    Message.Status.PENDING: 0,
    Message.Status.SENDING: 1,
    Message.Status.QUEUED: 2,
    Message.Status.SENT: 3,
    Message.Status.DELIVERED: 4,
    Message.Status.UNDELIVERED: 4,
    Message.Status.FAILED: 4,
}


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
    Inside `outbound_collected` (a claimed batch of webhook deliveries), the text is delivered with the
    batch's others, in chunks, once the batch is done; elsewhere (an agent's reply, a delivery processed on
    its own) by its own task at once.
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
        collected = _collected.get()
        if collected is not None:
            # Counted only once its transaction commits: a rolled-back event's text is not delivered.
            transaction.on_commit(partial(collected.append, message.id))
        else:
            from .tasks import deliver_message

            transaction.on_commit(lambda: deliver_message.delay(message.id))
    return message


# The texts queued (and committed) inside `outbound_collected`, or None outside it.
_collected: ContextVar[list[int] | None] = ContextVar("conversations_outbound_collected", default=None)


@contextmanager
def outbound_collected() -> Iterator[None]:
    """Deliver the texts queued inside this block together, once it is done: `deliver_messages` tasks of
    up to REPLY_TASK_TEXTS (`messages_deliver`: one durable claim per chunk) instead of one `deliver_message`
    task per text.

    Entered around a claimed batch of webhook deliveries (`stores.hooks.WEBHOOK_BATCH_SCOPES`): the
    router's replies to a batch of inbound texts (2,500 STOP confirmations in the load run) were each
    paying their own claim's durable commit. Only texts whose transaction committed are delivered, even if
    the block ends with an error (a batch that fell back to one by one and then stopped). A lone text
    goes to its own `deliver_message` task, as outside the block. Nested blocks deliver with the outermost.
    """
    if _collected.get() is not None:
        yield
        return
    collected: list[int] = []
    token = _collected.set(collected)
    try:
        yield
    finally:
        _collected.reset(token)
        # After the texts' own on-commit callbacks: at once outside a transaction, else after its commit.
        transaction.on_commit(partial(_collected_deliver, collected))


# Texts a task delivers of a batch's replies. A task sends its texts one after another (an HTTP round trip
# each, 0.1–0.3 s at Twilio), so the last of 100 would wait 10–30 s for the ones before it; in tasks of 20,
# free worker processes send a batch's replies side by side, each task still one durable claim.
REPLY_TASK_TEXTS = 20


def _collected_deliver(message_ids: list[int]) -> None:
    from .tasks import deliver_message, deliver_messages

    try:
        if len(message_ids) == 1:
            deliver_message.delay(message_ids[0])
        elif message_ids:
            deliver_messages.delay(message_ids, per_task=REPLY_TASK_TEXTS)
    except Exception:
        # The texts are committed: the sweeper (`messages_requeue_stuck`) queues them again.
        logger.exception("%d texts recorded but not queued; the sweeper will", len(message_ids))


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
    messages = insert_many(Message, rows)  # one created_at for the batch
    by_store: dict = {}
    for item, message in zip(outbound, messages, strict=True):
        by_store.setdefault(item.store.id, (item.store, [], []))
        by_store[item.store.id][1].append(message)
        by_store[item.store.id][2].append(item.decision or f"{item.route} text")
    if len(by_store) > 1:
        # A dispatcher batch spans stores: take their evidence chain heads in one order first, or two
        # overlapping ticks deadlock over them (seen in the 50,000-webhook load run).
        evidence_heads_lock(stores=[store for store, _, _ in by_store.values()])
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
        insert_many(Thread, [Thread(store=store, customer_id=i) for i in missing], ignore_conflicts=True)
        threads.update(
            {t.customer_id: t for t in Thread.objects.for_store(store).filter(customer_id__in=missing)}
        )
    return threads


def _status_callback_url(message_id: int) -> str:
    """Twilio's status callbacks for a text; its id lets a callback that comes before the worker records
    the SID find it (`message_status_update`)."""
    return f"{settings.PUBLIC_BASE_URL}/webhooks/twilio/status/?m={message_id}"


@dataclass(frozen=True)
class _Sender:
    """What the limiter needs of a store (`ratelimit.sender_key` / `sender_rate`), read with the claim."""

    id: object
    sms_number: str
    messaging_service_sid: str
    sender_rate_per_second: object
    sender_kind: str


@dataclass(frozen=True)
class _Claimed:
    """A message this worker moved to `sending`, with everything its request needs."""

    id: int
    store_id: uuid.UUID
    segments: int
    sms: OutgoingSms
    sender: _Sender
    reconcile: bool  # an earlier attempt may have reached the provider: ask it before sending again


def _claim(message_id: int) -> _Claimed | None:
    """Move the message to `sending` once, in one UPDATE; None when someone already did.

    A message `sending` for longer than `SMS_STALE_SENDING` lost its worker and is taken over. Whether the
    provider must be asked first: some earlier attempt is not known to have failed (a timeout, a worker
    that died mid-request). Plain SQL: the ORM's compiling and the phone field's parsing cost more CPU
    than both statements' round trips.
    """
    now = timezone.now()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(_CLAIM_AND_READ_SQL, _claim_params(message_id, now))
            claimed = cursor.fetchone()
        else:  # SQLite's RETURNING sees only the updated table: read the sender in a second statement
            cursor.execute(_CLAIM_SQL, _claim_params(message_id, now))
            claimed = cursor.fetchone()
            if claimed is not None:
                cursor.execute(_SENDER_SQL, [claimed[0], claimed[1]])
                claimed = (*claimed, *cursor.fetchone())
        if claimed is None:
            cursor.execute(f"SELECT status FROM {_MESSAGES} WHERE id = %s", [message_id])  # noqa: S608
            found = cursor.fetchone()
            if found is not None and found[0] == Message.Status.SENDING:
                raise TransientSmsError("Another worker is sending this message.", code="in_flight")
            return None
    reconcile = claimed[4] > 1 and _earlier_attempts_may_have_sent(message_id, claimed[4] - 1)
    return _claimed_of(message_id, claimed, reconcile=reconcile)


def _claimed_of(message_id: int, row, *, reconcile: bool) -> _Claimed:
    store_id, _, segments, body, _, phone, sms_number, service_sid, account_sid, rate, kind = row
    store_id = uuid.UUID(str(store_id))
    sender = _Sender(
        id=store_id,
        sms_number=sms_number or "",
        messaging_service_sid=service_sid,
        sender_rate_per_second=Decimal(str(rate)) if rate is not None else None,
        sender_kind=kind,
    )
    sms = OutgoingSms(
        to=phone,
        body=body,
        from_number=sender.sms_number,
        messaging_service_sid=service_sid,
        status_callback=_status_callback_url(message_id),
        account_sid=account_sid,
        store_id=str(store_id),
    )
    return _Claimed(
        id=message_id, store_id=store_id, segments=segments or 1, sms=sms, sender=sender, reconcile=reconcile
    )


_MESSAGES = Message._meta.db_table
# The claim: one statement, so no transaction and no lock held across round trips.
_CLAIM_SQL = (
    f"UPDATE {_MESSAGES} SET status = %s, attempts = attempts + 1, updated_at = %s "  # noqa: S608 - table names
    "WHERE id = %s AND (status = %s OR (status = %s AND updated_at <= %s)) "
    "RETURNING store_id, thread_id, segments, body, attempts"
)
# PostgreSQL: claim and read in one round trip (the joined rows are read, not locked).
_CLAIM_AND_READ_SQL = (
    f"UPDATE {_MESSAGES} AS m SET status = %s, attempts = m.attempts + 1, updated_at = %s "  # noqa: S608
    f"FROM {Thread._meta.db_table} t, {Customer._meta.db_table} c, {Store._meta.db_table} s "
    "WHERE m.id = %s AND (m.status = %s OR (m.status = %s AND m.updated_at <= %s)) "
    "AND t.id = m.thread_id AND c.id = t.customer_id AND s.id = m.store_id "
    "RETURNING m.store_id, m.thread_id, m.segments, m.body, m.attempts, c.phone, s.sms_number, "
    "s.messaging_service_sid, s.twilio_account_sid, s.sender_rate_per_second, s.sender_kind"
)
_SENDER_SQL = (
    "SELECT c.phone, s.sms_number, s.messaging_service_sid, s.twilio_account_sid, "  # noqa: S608 - table names
    "s.sender_rate_per_second, s.sender_kind "
    f"FROM {Thread._meta.db_table} t JOIN {Customer._meta.db_table} c ON c.id = t.customer_id "
    f"JOIN {Store._meta.db_table} s ON s.id = %s WHERE t.id = %s"
)


# A chunk's claim: the same, for every id of a list (a btree walk in id order: two overlapping claims
# lock rows in one order).
_CLAIM_MANY_SQL = _CLAIM_AND_READ_SQL.replace("WHERE m.id = %s", "WHERE m.id = ANY(%s)").replace(
    "RETURNING m.store_id", "RETURNING m.id, m.store_id"
)


def _claim_params(message_id: int, now: datetime) -> list:
    adapt = connection.ops.adapt_datetimefield_value
    stale = now - settings.SMS_STALE_SENDING
    sending, pending = Message.Status.SENDING, Message.Status.PENDING
    return [sending, adapt(now), message_id, pending, sending, adapt(stale)]


def _earlier_attempts_may_have_sent(message_id: int, earlier: int) -> bool:
    """Whether any of the `earlier` attempts is not recorded as a clean `retry` (refused before sending):
    an `unknown` outcome, or no record at all because the worker died mid-request."""
    refused = SendAttempt.objects.filter(message_id=message_id, outcome="retry").count()
    return refused < earlier


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


def message_deliver(*, message_id: int) -> None:
    """Hand a pending message to the SMS backend exactly once, however often this runs.

    The row leaves `pending` in one UPDATE, so a retried or duplicated task finds nothing to do; an attempt
    whose outcome is unknown (timeout, worker died) is reconciled with the provider before any resend.
    Transient errors re-raise for the task's backoff; permanent ones are recorded and acted on.
    Round trips on the way: the claim, its read, the limiter's turn and release, the request, the outcome.
    """
    claimed = _claim(message_id)
    if claimed is None:
        return
    _deliver_claimed(claimed, get_backend())


def _deliver_claimed(claimed: _Claimed, backend, *, max_wait: float = ratelimit.MAX_WAIT_SECONDS) -> bool:
    """Send one claimed message and record the outcome; True if the provider has it, False if refused.

    Raises TransientSmsError (recorded, the message back to `pending`) and RateLimited (nothing sent, the
    claim undone) for the caller to retry.
    """
    if claimed.reconcile and _recovered(claimed, backend):
        return True
    if not backend.rate_limited:
        return _send_and_record(claimed, backend)
    try:
        with ratelimit.turns(store=claimed.sender, segments=[claimed.segments], max_wait=max_wait) as held:
            return _send_and_record(claimed, backend, held=held)
    except RateLimited:
        _claims_undo([claimed.id])
        raise


def _recovered(claimed: _Claimed, backend) -> bool:
    """Whether the provider already has this text (an earlier attempt's outcome is unknown): recorded
    `recovered` if so. TransientSmsError when it cannot tell (recorded, the message back to `pending`)."""
    created_at = Message.objects.filter(pk=claimed.id).values_list("created_at", flat=True).get()
    try:
        found = backend.find_sent(claimed.sms, since=created_at)
    except TransientSmsError as exc:
        _transient(claimed, exc)
        raise
    if found is None:
        return False
    _accepted(claimed, found, outcome="recovered")
    return True


def _send_and_record(
    claimed: _Claimed, backend, *, held: ratelimit.Held | None = None, n: int = 0, answers: list | None = None
) -> bool:
    """Send, in the n-th turn of `held` if rate limited, and record the outcome: True if the provider has
    it, False if refused for good. TransientSmsError is recorded (the message back to `pending`) and
    raised. With `answers`, an accepted text's answer is added to it, for the caller to record with its
    round's (`_accepted_many`)."""
    try:
        result = backend.send(claimed.sms)
    except PermanentSmsError as exc:
        _refused(_message_loaded(claimed.id), exc)
        return False
    except TransientSmsError as exc:
        _transient(claimed, exc)
        raise
    if held is not None:
        held.answered(result.answered_at, n)
    if answers is not None:
        answers.append((claimed, result))
    else:
        _accepted(claimed, result, outcome="accepted")
    return True


def _transient(claimed: _Claimed, exc: TransientSmsError) -> None:
    outcome = "unknown" if exc.ambiguous else "retry"
    with transaction.atomic():
        _record_attempt(claimed, outcome=outcome, error_code=exc.code, detail=str(exc))
        Message.objects.filter(pk=claimed.id).update(
            status=Message.Status.PENDING, error_code=exc.code[:16], updated_at=timezone.now()
        )


def _claims_undo(message_ids: list[int]) -> None:
    """Back to `pending`, as if never claimed: nothing was sent for them."""
    Message.objects.filter(pk__in=message_ids, status=Message.Status.SENDING).update(
        status=Message.Status.PENDING, attempts=F("attempts") - 1, updated_at=timezone.now()
    )


# Delivering many texts (a dispatcher batch): a chunk is claimed in one statement, so one durable commit
# (one WAL flush, 2.4–3.8 ms on the shared box) covers CHUNK_TEXTS texts instead of one. A chunk holds one
# sender's texts, no more segments than that sender may send in CHUNK_SECONDS, so a claimed text never
# waits `sending` long behind its sender's limit: each text still takes its own turn (those that fit at
# once take theirs in one call to the limiter, a round), waiting at most CHUNK_TURN_WAIT for it, and a
# chunk's texts not sent within CHUNK_HOLD_SECONDS of its claim (well inside
# SMS_STALE_SENDING, after which another worker could take them over) go back to `pending`. A chunk may
# hold a whole delivery task's texts (conversations.tasks.DELIVER_TASK_TEXTS): in the 50,000-webhook load
# run the claims of 20 waited 35–50 ms each for their commit behind the dispatcher's writes, 2,000 of them.
CHUNK_TEXTS = 100
CHUNK_SECONDS = 0.5
CHUNK_TURN_WAIT = 1.0
CHUNK_HOLD_SECONDS = 5.0


@dataclass
class DeliveryReport:
    sent: int = 0  # the provider has them (accepted, or found when asked)
    refused: int = 0  # refused for good, recorded on the message
    skipped: int = 0  # already sent (or refused) when looked at
    # Handed back to their own delivery task (message id → countdown in seconds): a transient error, a
    # sender with no room soon, or another worker holding the text. That task owns the retries.
    handed_back: dict[int, float] = field(default_factory=dict)


def messages_deliver(*, message_ids: list[int], hand_back=None) -> DeliveryReport:
    """Deliver many pending messages exactly once each, in chunks claimed in one statement each.

    Each text is sent and its outcome recorded as `message_deliver` does (the outcome's commit does not
    wait for the disk: a lost outcome leaves the text `sending`, and whoever takes it over once stale asks
    the provider before sending again). A text that meets a transient error, or whose sender has no room
    within CHUNK_TURN_WAIT, goes back to `pending` and to `hand_back(message_id, countdown)`, by default
    its own `deliver_message` task, after the last chunk.
    """
    hand_back = hand_back or _deliver_later
    report = DeliveryReport()
    backend = get_backend()
    plan = _chunks_plan(message_ids, rate_limited=backend.rate_limited)
    report.skipped = len(set(message_ids)) - sum(len(chunk) for _, chunk in plan)
    full: dict[str, float] = {}  # senders found without room: key → when to try again (s)
    done = 0
    try:
        for key, chunk in plan:
            if key in full:
                report.handed_back.update(dict.fromkeys(chunk, full[key]))
            else:
                _chunk_deliver(chunk, backend, report=report, sender_key=key, full=full)
            done += 1
    except Exception:
        # The chunks not reached yet go to their own tasks; texts of the failed chunk left `sending` are
        # taken over once stale (the sweeper), the provider asked first.
        for _, chunk in plan[done + 1 :]:
            report.handed_back.update(dict.fromkeys(chunk, float(RETRY_POLICY["retry_backoff"])))
        raise
    finally:
        for message_id, countdown in report.handed_back.items():
            try:
                hand_back(message_id, countdown)
            except Exception:
                logger.exception(
                    "message %s: could not hand it back to its task; the sweeper will", message_id
                )
    return report


def _deliver_later(message_id: int, countdown: float) -> None:
    from .tasks import deliver_message

    deliver_message.apply_async((message_id,), countdown=countdown)


def _chunks_plan(message_ids: list[int], *, rate_limited: bool) -> list[tuple[str, list[int]]]:
    """The pending (or possibly stale) messages among `message_ids`, in chunks of one sender each: (sender
    key, ids), the senders taking turns so that one sender's limit does not hold the others back."""
    unsent = [Message.Status.PENDING, Message.Status.SENDING]
    rows = (
        Message.objects.filter(pk__in=message_ids, status__in=unsent)
        # The number as stored, as the claim reads it (`_claimed_of`): not parsed and validated per text.
        .annotate(sender_number=Cast("store__sms_number", output_field=CharField()))
        .values_list(
            "id",
            "segments",
            "store_id",
            "sender_number",
            "store__messaging_service_sid",
            "store__sender_rate_per_second",
            "store__sender_kind",
        )
    )
    order = {message_id: n for n, message_id in enumerate(message_ids)}
    by_sender: dict[str, list[list[int]]] = {}
    room: dict[str, tuple[float, float]] = {}  # key → (segments a chunk may hold, segments in the last one)
    for message_id, segments, store_id, number, service_sid, rate, kind in sorted(
        rows, key=lambda r: order[r[0]]
    ):
        sender = _Sender(store_id, number or "", service_sid, rate, kind)
        key = ratelimit.sender_key(sender)
        if key not in by_sender:
            by_sender[key] = [[]]
            budget = float(ratelimit.sender_rate(sender)) * CHUNK_SECONDS if rate_limited else float("inf")
            room[key] = (max(budget, 1.0), 0.0)
        budget, used = room[key]
        chunks, segments = by_sender[key], max(segments or 1, 1)
        if chunks[-1] and (len(chunks[-1]) >= CHUNK_TEXTS or used + segments > budget):
            chunks.append([])
            used = 0.0
        chunks[-1].append(message_id)
        room[key] = (budget, used + segments)
    plan = []
    for round_ in itertools.zip_longest(*by_sender.values()):
        plan += [(key, chunk) for key, chunk in zip(by_sender, round_, strict=True) if chunk]
    return plan


def _chunk_deliver(
    chunk: list[int], backend, *, report: DeliveryReport, sender_key: str, full: dict[str, float]
) -> None:
    claimed = _claim_many(chunk)
    # Pending or `sending` a moment ago, and taken by another worker since, or held by one now (perhaps
    # a dead one): each goes to its own task, which waits until the text is sent or its claim is stale.
    taken = set(chunk) - {c.id for c in claimed}
    report.handed_back.update(dict.fromkeys(taken, settings.SMS_STALE_SENDING.total_seconds()))
    held_until = time.monotonic() + CHUNK_HOLD_SECONDS
    unsent = []
    for item in claimed:
        try:
            if item.reconcile and _recovered(item, backend):
                report.sent += 1
                continue
        except TransientSmsError:
            report.handed_back[item.id] = float(RETRY_POLICY["retry_backoff"])
            continue
        unsent.append(item)
    # Rounds: as many of the texts as the sender has room for now take their turns in one call, are
    # sent back to back, and let their turns go in one call.
    while unsent:
        wait = min(CHUNK_TURN_WAIT, held_until - time.monotonic())
        try:
            if wait <= 0:
                raise RateLimited("the chunk was held too long", retry_after=0)
            answers: list = []
            try:
                with _turns(unsent, backend, max_wait=wait) as held:
                    for n, item in enumerate(unsent[: held.taken]):
                        _round_send(item, backend, held=held, n=n, report=report, answers=answers)
            finally:
                # The round's outcomes in one statement; lost with the worker, they are recovered.
                _accepted_many(answers, outcome="accepted")
        except RateLimited as exc:
            # Nothing of the rest was sent: their claims are undone, and the sender's later chunks are
            # not claimed at all: all go to their own tasks.
            _claims_undo([c.id for c in unsent])
            full[sender_key] = max(exc.retry_after, CHUNK_TURN_WAIT)
            report.handed_back.update(dict.fromkeys([c.id for c in unsent], full[sender_key]))
            return
        unsent = unsent[held.taken :]


def _turns(claimed: list[_Claimed], backend, *, max_wait: float):
    """The sender's turns for a round of `claimed` (one sender's), or every text at once for a backend
    that reaches no carrier."""
    if not backend.rate_limited:
        return nullcontext(ratelimit.Held(0.0, len(claimed)))
    segments = [c.segments for c in claimed]
    return ratelimit.turns(store=claimed[0].sender, segments=segments, max_wait=max_wait)


def _round_send(
    item: _Claimed, backend, *, held: ratelimit.Held, n: int, report: DeliveryReport, answers: list
) -> None:
    try:
        delivered = _send_and_record(item, backend, held=held, n=n, answers=answers)
    except TransientSmsError:
        report.handed_back[item.id] = float(RETRY_POLICY["retry_backoff"])
        return
    if delivered:
        report.sent += 1
    else:
        report.refused += 1


def _claim_many(message_ids: list[int]) -> list[_Claimed]:
    """Move the pending (or stale `sending`) ones among `message_ids` to `sending` in one statement and one
    durable commit; the claimed, in the order given. Those already taken are left out."""
    now = timezone.now()
    if connection.vendor != "postgresql":
        claimed = []
        for message_id in message_ids:
            try:
                one = _claim(message_id)
            except TransientSmsError:  # in flight in another worker
                continue
            if one is not None:
                claimed.append(one)
        return claimed
    params = _claim_params(0, now)
    params[2] = list(message_ids)
    with connection.cursor() as cursor:
        cursor.execute(_CLAIM_MANY_SQL, params)
        rows = cursor.fetchall()
    again = {row[0]: row[5] - 1 for row in rows if row[5] > 1}  # id → earlier attempts
    refused: dict = {}
    if again:
        refused = dict(
            SendAttempt.objects.filter(message_id__in=again, outcome="retry")
            .values("message_id")
            .annotate(n=Count("id"))
            .values_list("message_id", "n")
        )
    order = {message_id: n for n, message_id in enumerate(message_ids)}
    return [
        _claimed_of(row[0], row[1:], reconcile=row[0] in again and refused.get(row[0], 0) < again[row[0]])
        for row in sorted(rows, key=lambda r: order[r[0]])
    ]


def _message_loaded(message_id: int) -> Message:
    return Message.objects.select_related("store", "thread__customer").get(pk=message_id)


def _accepted(claimed: _Claimed, result: SendResult, *, outcome: str) -> None:
    _accepted_many([(claimed, result)], outcome=outcome)


def _accepted_many(answers: list[tuple[_Claimed, SendResult]], *, outcome: str) -> None:
    """Record the provider's answers: each text's attempt and message, in one round trip on PostgreSQL
    (a chunk records a round of texts at once, after the round).

    Its commit does not wait for the disk: should the worker die before it or PostgreSQL lose it, the texts
    are left `sending` (their claim was durable), are taken over once stale, and the provider is asked
    before anything is sent again, which finds them. A status callback that came first (it finds the text
    by the id in its URL) is not undone: the status only moves up (STATUS_RANK).
    """
    if not answers:
        return
    now = timezone.now()
    rows = [
        (
            claimed.id,
            claimed.store_id,
            result.sid,
            result.status if result.status in Message.Status.values else Message.Status.QUEUED,
            result.segments or 0,
            abs(result.price) if result.price is not None else None,
        )
        for claimed, result in answers
    ]
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        # Not inside a caller's transaction: the relaxed commit would cover the caller's writes too.
        values = ", ".join(["(%s::bigint, %s::uuid, %s, %s, %s::integer, %s::numeric)"] * len(rows))
        params = [value for row in rows for value in row]
        with connection.cursor() as cursor:
            cursor.execute(_OUTCOMES_SQL % {"values": values}, [*params, now, outcome, now])
        return
    with transaction.atomic():
        for (claimed, _), (message_id, _, sid, status, segments, price) in zip(answers, rows, strict=True):
            _record_attempt(claimed, outcome=outcome)
            changes: dict = {"twilio_sid": sid, "updated_at": now}
            if segments:
                changes["segments"] = segments
            if price is not None:
                changes["price"] = price
            Message.objects.filter(pk=message_id).update(**changes)
            lower = [s for s, rank in STATUS_RANK.items() if rank < STATUS_RANK[status]]
            Message.objects.filter(pk=message_id, status__in=lower).update(status=status, error_code="")


def _rank_sql(column: str) -> str:
    whens = " ".join(f"WHEN '{status}' THEN {rank}" for status, rank in STATUS_RANK.items())
    return f"(CASE {column} {whens} ELSE 0 END)"


# The attempts' INSERT, the messages' UPDATE and `SET LOCAL synchronous_commit` in one statement; a
# message's status only moves up, and its error code is cleared with it.
_MOVES_UP = f"{_rank_sql('m.status')} < {_rank_sql('v.status')}"
_OUTCOMES_SQL = (
    "WITH v (id, store_id, sid, status, segments, price) AS (VALUES %(values)s), "  # noqa: S608 - table names
    f"attempt AS (INSERT INTO {SendAttempt._meta.db_table} (store_id, message_id, at, outcome, error_code, "
    "detail) SELECT v.store_id, v.id, %%s, %%s, '', '' FROM v), "
    "relaxed AS (SELECT set_config('synchronous_commit', 'off', true)) "
    f"UPDATE {_MESSAGES} AS m SET twilio_sid = v.sid, "
    f"status = CASE WHEN {_MOVES_UP} THEN v.status ELSE m.status END, "
    f"error_code = CASE WHEN {_MOVES_UP} THEN '' ELSE m.error_code END, updated_at = %%s, "
    "segments = COALESCE(NULLIF(v.segments, 0), m.segments), price = COALESCE(v.price, m.price) "
    "FROM v, relaxed WHERE m.id = v.id"
)


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


def _record_attempt(
    message: "Message | _Claimed", *, outcome: str, error_code: str = "", detail: str = ""
) -> None:
    SendAttempt.objects.create(
        store_id=message.store_id,
        message_id=message.id,
        at=timezone.now(),
        outcome=outcome,
        error_code=error_code,
        detail=detail[:500],
    )
