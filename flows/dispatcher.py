"""One scheduler tick: take due nudges, re-check everything, send each at most once.

Rows are claimed with SELECT … FOR UPDATE SKIP LOCKED through the partial index on scheduled due times, so
a tick costs what is due, not what is scheduled, and two dispatchers never take the same row. The state
guard (scheduled → sent in the same transaction that records the Message) and Message.nudge being one-to-one
make a second text for one nudge impossible even if they did.
"""

import logging
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import connection, transaction
from django.db.models import Max, Q
from django.utils import timezone

from billing.holdout import HOLDOUT_REASON, nudge_holdout_mark
from conversations.models import Message, Thread
from conversations.sending import message_queue_outbound
from stores.models import CartStatus, Order
from stores.phones import phone_mask

from .links import link_expiry, short_link_build, short_link_url, short_links_save
from .models import DiscountCode, IncentiveKind, Nudge, NudgeEvent
from .policy import Hold, Skip, held_until_text, quiet_hours_check, recipient_resolve
from .rendering import render_step

logger = logging.getLogger("cartrecovery.flows")

BATCH_SIZE = 200
WAIT_AFTER_EARLIER_STEP = timedelta(minutes=30)


@dataclass
class DispatchReport:
    sent: int = 0
    deferred: int = 0
    skipped: int = 0
    cancelled: int = 0
    failed: int = 0
    reasons: Counter = field(default_factory=Counter)
    message_ids: list[int] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "sent": self.sent,
            "deferred": self.deferred,
            "skipped": self.skipped,
            "cancelled": self.cancelled,
            "failed": self.failed,
            "reasons": dict(self.reasons.most_common()),
        }

    def summary(self) -> str:
        lines = [
            f"sent {self.sent}, deferred {self.deferred}, skipped {self.skipped}, "
            f"cancelled {self.cancelled}, failed {self.failed}"
        ]
        lines += [f"  {count} × {reason}" for reason, count in self.reasons.most_common()]
        return "\n".join(lines)


@dataclass(frozen=True)
class Send:
    pass


@dataclass
class _Batch:
    """What the checks need for a batch of nudges, read in a fixed number of queries."""

    now: datetime
    ordered: set = field(default_factory=set)  # cart ids with an order since their last activity
    siblings: dict = field(default_factory=lambda: defaultdict(list))  # cart id → [sibling dicts]
    sent_24h: dict = field(default_factory=lambda: defaultdict(list))  # customer id → [sent_at]
    threads: dict = field(default_factory=dict)  # customer id → Thread
    texted_threads: set = field(default_factory=set)  # thread ids with an outbound text already
    last_inbound: dict = field(default_factory=dict)  # thread id → newest inbound message id


def nudge_dispatch_due(
    *, now: datetime | None = None, batch_size: int = BATCH_SIZE, max_batches: int | None = None,
    deliver_inline: bool = False,
) -> DispatchReport:  # fmt: skip
    """Run one tick as of `now`. With `deliver_inline` the texts are sent before this returns."""
    now = now or timezone.now()
    report = DispatchReport()
    batches = 0
    while max_batches is None or batches < max_batches:
        batches += 1
        with transaction.atomic():
            ids = _claim_due(now=now, limit=batch_size)
            if not ids:
                break
            message_ids = _dispatch_batch(ids=ids, now=now, report=report, enqueue=not deliver_inline)
        report.message_ids += message_ids
        if deliver_inline:
            _deliver_now(message_ids)
        if len(ids) < batch_size:
            break
    return report


def _claim_due(*, now: datetime, limit: int) -> list[int]:
    due = Nudge.objects.filter(state=Nudge.State.SCHEDULED, due_at__lte=now).order_by("due_at", "id")
    features = connection.features
    if features.has_select_for_update_skip_locked:
        due = due.select_for_update(skip_locked=True)
    elif features.has_select_for_update:
        due = due.select_for_update()
    # SQLite has neither: its IMMEDIATE transactions already serialise writers, one tick at a time.
    return list(due.values_list("id", flat=True)[:limit])


def _dispatch_batch(*, ids: list[int], now: datetime, report: DispatchReport, enqueue: bool) -> list[int]:
    nudges = list(
        Nudge.objects.filter(id__in=ids)
        .select_related("store__plan", "step__flow", "cart__customer")
        .prefetch_related("cart__items")
        .order_by("due_at", "id")
    )
    batch = _batch_load(nudges, now=now)
    events, links, message_ids = [], [], []
    for nudge in nudges:
        decision = _decide(nudge, batch)
        if isinstance(decision, Send):
            try:
                with transaction.atomic():
                    message, link = _send(nudge, batch, enqueue=enqueue)
            except Exception as exc:
                logger.exception("nudge %s: could not queue its text", nudge.id)
                decision = Skip(reason=f"failed to queue: {type(exc).__name__}")
                nudge.state = Nudge.State.FAILED
                report.failed += 1
                report.reasons["failed to queue"] += 1
            else:
                links.append(link)
                message_ids.append(message.id)
                report.sent += 1
                events.append(NudgeEvent(store_id=nudge.store_id, nudge=nudge, kind="sent", at=now))
                continue
        _apply(nudge, decision, report=report, now=now)
        events.append(
            NudgeEvent(
                store_id=nudge.store_id, nudge=nudge, kind=_event_kind(nudge), reason=nudge.reason, at=now
            )
        )
    short_links_save(links=links)
    Nudge.objects.bulk_update(
        nudges, ["state", "due_at", "reason", "sent_at", "deferred_count", "updated_at", "holdout"]
    )
    NudgeEvent.objects.bulk_create(events)
    return message_ids


def _event_kind(nudge: Nudge) -> str:
    return {
        Nudge.State.SCHEDULED: "deferred",
        Nudge.State.SKIPPED: "skipped",
        Nudge.State.CANCELLED: "cancelled",
        Nudge.State.FAILED: "failed",
    }.get(nudge.state, nudge.state)


def _apply(nudge: Nudge, decision, *, report: DispatchReport, now: datetime) -> None:
    nudge.updated_at = timezone.now()
    if isinstance(decision, Hold):
        nudge.due_at = decision.until
        nudge.deferred_count += 1
        nudge.reason = decision.reason[:300]
        report.deferred += 1
        report.reasons[_reason_kind(decision.reason)] += 1
        return
    if nudge.state != Nudge.State.FAILED:
        nudge.state = Nudge.State.CANCELLED if decision.cancel else Nudge.State.SKIPPED
        if decision.cancel:
            report.cancelled += 1
        else:
            report.skipped += 1
        report.reasons[_reason_kind(decision.reason)] += 1
    nudge.reason = decision.reason[:300]


def _reason_kind(reason: str) -> str:
    """The reason without the per-recipient detail, for counting ("held until 08:00 … — area code")."""
    if reason.startswith("held until"):
        return "quiet hours — " + reason.split(" — ", 1)[-1].split(",")[0]
    return reason.split(" (")[0].split(":")[0]


def _batch_load(nudges: list[Nudge], *, now: datetime) -> _Batch:
    batch = _Batch(now=now)
    carts = {n.cart_id: n.cart for n in nudges}
    customers = {c.customer_id for c in carts.values() if c.customer_id}
    order_match = Q(cart_id__in=carts.keys()) | Q(customer_id__in=customers)
    checkout_tokens = {c.checkout_token for c in carts.values() if c.checkout_token}
    cart_tokens = {c.cart_token for c in carts.values() if c.cart_token}
    if checkout_tokens:
        order_match |= Q(checkout_token__in=checkout_tokens)
    if cart_tokens:
        order_match |= Q(cart_token__in=cart_tokens)
    orders = list(
        Order.objects.filter(order_match, store_id__in={n.store_id for n in nudges}).values(
            "store_id", "cart_id", "customer_id", "checkout_token", "cart_token", "placed_at", "cancelled_at"
        )
    )
    for cart in carts.values():
        for order in orders:
            if order["store_id"] == cart.store_id and _order_matches(order, cart):
                batch.ordered.add(cart.id)
    for sibling in Nudge.objects.filter(cart_id__in=carts.keys()).values(
        "id", "cart_id", "state", "due_at", "sent_at", "step__position", "step__delay_minutes", "message__id"
    ):
        batch.siblings[sibling["cart_id"]].append(sibling)
    for row in Nudge.objects.filter(
        cart__customer_id__in=customers, state=Nudge.State.SENT, sent_at__gt=now - timedelta(hours=24)
    ).values("cart__customer_id", "sent_at"):
        batch.sent_24h[row["cart__customer_id"]].append(row["sent_at"])
    batch.threads = {t.customer_id: t for t in Thread.objects.filter(customer_id__in=customers)}
    thread_ids = [t.id for t in batch.threads.values()]
    batch.texted_threads = set(
        Message.objects.filter(thread_id__in=thread_ids, direction=Message.Direction.OUT)
        .exclude(status=Message.Status.FAILED)
        .values_list("thread_id", flat=True)
        .distinct()
    )
    batch.last_inbound = dict(
        Message.objects.filter(thread_id__in=thread_ids, direction=Message.Direction.IN)
        .values("thread_id")
        .annotate(last=Max("id"))
        .values_list("thread_id", "last")
    )
    return batch


def _order_matches(order: dict, cart) -> bool:
    if order["cancelled_at"] is not None:
        return False
    if order["cart_id"] == cart.id:
        return True
    if cart.checkout_token and order["checkout_token"] == cart.checkout_token:
        return True
    if cart.cart_token and order["cart_token"] == cart.cart_token:
        return True
    # Bought on another channel (phone, POS, a second device) after this cart went quiet.
    return bool(
        cart.customer_id
        and order["customer_id"] == cart.customer_id
        and order["placed_at"] >= cart.last_activity_at
    )


def _decide(nudge: Nudge, batch: _Batch) -> Send | Hold | Skip:
    """Every reason not to text now, in order; the first that applies wins."""
    exit_reason = _exit_reason(nudge, batch)
    if exit_reason:
        return Skip(reason=exit_reason, cancel=True)
    cart, customer = nudge.cart, nudge.cart.customer
    if not cart.checkout_url.startswith(("https://", "http://")):
        return Skip(reason="no checkout link to send")
    if nudge.holdout:
        return Skip(reason=HOLDOUT_REASON)
    earlier = [
        s
        for s in batch.siblings[cart.id]
        if s["step__position"] < nudge.step.position and s["id"] != nudge.id
    ]
    pending = [s for s in earlier if s["state"] in (Nudge.State.SCHEDULED, Nudge.State.SENDING)]
    if pending:
        after = max(max(s["due_at"] for s in pending), batch.now) + WAIT_AFTER_EARLIER_STEP
        return Hold(until=after, reason="waiting for the earlier step of this cart")
    sent_before = [s for s in earlier if s["state"] == Nudge.State.SENT]
    if sent_before:
        last = max(sent_before, key=lambda s: s["sent_at"])
        spacing = timedelta(minutes=nudge.step.delay_minutes - last["step__delay_minutes"])
        if last["sent_at"] + spacing > batch.now:
            return Hold(
                until=last["sent_at"] + spacing, reason="keeping the flow's spacing after the earlier step"
            )
    recipient = recipient_resolve(phone=str(customer.phone), store=nudge.store, cart=cart)
    policy = recipient.policy
    deadline = None
    if policy.one_cart_text_per_abandonment:
        if sent_before:
            thread = batch.threads.get(customer.id)
            first_message_id = min((s["message__id"] or 0) for s in sent_before)
            replied = thread is not None and batch.last_inbound.get(thread.id, 0) > first_message_id
            if not replied:
                return Skip(
                    reason=f"carrier rule ({recipient.country}): one cart text per abandonment "
                    f"unless the shopper replies"
                )
        else:
            deadline = cart.last_activity_at + policy.first_text_within
            if batch.now > deadline:
                return Skip(reason=f"carrier rule ({recipient.country}): not sent within 48 h of abandonment")
    hold = quiet_hours_check(recipient=recipient, now=batch.now, flow=nudge.step.flow) or _cap_hold(
        nudge, batch, recipient
    )
    if hold is None:
        return Skip(reason=HOLDOUT_REASON) if nudge_holdout_mark(nudge=nudge) else Send()
    if deadline is not None and hold.until > deadline:
        return Skip(reason=f"carrier rule ({recipient.country}): {hold.reason}, past 48 h of abandonment")
    return hold


def _exit_reason(nudge: Nudge, batch: _Batch) -> str:
    cart, customer = nudge.cart, nudge.cart.customer
    if not nudge.step.is_active or not nudge.step.flow.is_active:
        return "step turned off"
    if cart.status == CartStatus.RECOVERED or cart.id in batch.ordered:
        return "order placed"
    if not cart.items.all() and not cart.total:
        return "cart emptied"
    if customer is None or not customer.phone or customer.redacted_at:
        return "no textable number"
    if customer.sms_status != "subscribed":
        return "opted out" if customer.sms_status == "unsubscribed" else "no SMS consent"
    if customer.phone_unreachable_reason:
        return f"number unreachable: {customer.phone_unreachable_reason}"
    return ""


def _cap_hold(nudge: Nudge, batch: _Batch, recipient) -> Hold | None:
    cap = nudge.step.flow.frequency_cap
    if recipient.policy.max_texts_per_24h:
        cap = min(cap, recipient.policy.max_texts_per_24h)
    sent = sorted(t for t in batch.sent_24h[nudge.cart.customer_id] if t <= batch.now)
    if len(sent) < cap:
        return None
    until = sent[-cap] + timedelta(hours=24)
    zone = recipient.zones[0]
    return Hold(
        until=until, reason=f"{held_until_text(until, zone, batch.now)} — frequency cap ({cap} per 24 h)"
    )


def _send(nudge: Nudge, batch: _Batch, *, enqueue: bool):
    store, cart, step = nudge.store, nudge.cart, nudge.step
    customer = cart.customer
    thread = batch.threads.get(customer.id)
    if thread is None:
        from conversations.services import thread_get_or_create

        thread = batch.threads[customer.id] = thread_get_or_create(store=store, customer=customer)
    discount_code = _incentive_code(step=step, cart=cart, now=batch.now)
    link = short_link_build(
        store=store,
        cart=cart,
        nudge=nudge,
        discount_code=discount_code,
        expires_at=link_expiry(step=step, now=batch.now),
    )
    rendered = render_step(
        store=store,
        step=step,
        cart=cart,
        link_url=short_link_url(link.code),
        discount_code=discount_code,
        first_text=thread.id not in batch.texted_threads,
    )
    message = message_queue_outbound(
        store=store, thread=thread, body=rendered.body, route="nudge", nudge=nudge, enqueue=enqueue
    )
    link.message = message
    nudge.state = Nudge.State.SENT
    nudge.sent_at = batch.now
    nudge.reason = ""
    nudge.updated_at = timezone.now()
    batch.texted_threads.add(thread.id)
    batch.sent_24h[customer.id].append(batch.now)
    for sibling in batch.siblings[cart.id]:
        if sibling["id"] == nudge.id:
            sibling.update(state=Nudge.State.SENT, sent_at=batch.now, message__id=message.id)
    logger.info("nudge %s queued as message %s to %s", nudge.id, message.id, phone_mask(str(customer.phone)))
    return message, link


def _incentive_code(*, step, cart, now: datetime) -> str:
    if step.incentive_kind == IncentiveKind.FIXED_CODE:
        return step.discount_code
    if step.incentive_kind == IncentiveKind.FREE_SHIPPING:
        return step.discount_code
    if step.incentive_kind != IncentiveKind.CODE_POOL:
        return ""
    taken = DiscountCode.objects.filter(step=step, cart=cart).first()
    if taken is not None:
        return taken.code
    free = DiscountCode.objects.filter(step=step, cart__isnull=True).order_by("id")
    if connection.features.has_select_for_update_skip_locked:
        free = free.select_for_update(skip_locked=True)
    code = free.first()
    if code is None:
        logger.warning("step %s: the discount code pool is empty; sending the fallback code", step.id)
        return step.discount_code
    code.cart, code.assigned_at = cart, now
    code.save(update_fields=["cart", "assigned_at"])
    return code.code


def _deliver_now(message_ids: list[int]) -> None:
    from conversations.sending import message_deliver
    from conversations.sms import PermanentSmsError, TransientSmsError
    from conversations.tasks import deliver_message

    for message_id in message_ids:
        try:
            message_deliver(message_id=message_id)
        except TransientSmsError:
            # The worker owns retries with backoff; the message is back to pending.
            deliver_message.apply_async((message_id,), countdown=5)
        except PermanentSmsError:
            logger.info("message %s refused for good; recorded on the message", message_id)
