"""One scheduler tick: take due nudges, re-check everything, send each at most once.

Rows are claimed with SELECT … FOR UPDATE SKIP LOCKED through the partial index on scheduled due times, so
a tick costs what is due, not what is scheduled, and two dispatchers never take the same row. The state
guard (scheduled → sent in the same transaction that records the Message) and Message.nudge being one-to-one
make a second text for one nudge impossible even if they did.
"""

import logging
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import DatabaseError, connection, transaction
from django.db.models import Max, Q
from django.utils import timezone

from cartrecovery.db import insert_many
from conversations.models import Message
from conversations.sending import Outbound, messages_queue_outbound, threads_ensure
from stores.eligibility import cart_texting_problem, customer_texting_problem, store_texting_problem
from stores.models import ConsentEvent, Order, Store

from .hooks import HOLDOUT_DECIDERS
from .links import link_expiry, short_link_build, short_link_url, short_links_save
from .models import IncentiveKind, Nudge, NudgeEvent, Step
from .offers import IncentiveSpec, OfferLedger, incentive_for, offer_grants_save, offer_ledger_load
from .policy import (
    Hold,
    Recipient,
    Skip,
    frequency_cap_hold,
    quiet_hours_check,
    recipient_resolve,
    registration_hold,
    snooze_hold,
)
from .rendering import consent_confirmation_is_separate, render_step
from .shopify_codes import codes_not_created
from .stock import OUT_OF_STOCK, BatchStock, batch_stock_read
from .variants import experiments_tick, nudge_variant_settle

logger = logging.getLogger("cartrecovery.flows")

BATCH_SIZE = 500
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
    decision: str  # what allowed it, for the evidence chain
    recipient: Recipient  # as the checks resolved it, for the rendering (its policy)


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
    items: dict = field(default_factory=dict)  # cart id → [CartItem]
    consented_at: dict = field(default_factory=dict)  # customer id → newest consent granted
    last_sent: dict = field(default_factory=dict)  # customer id → newest cart text sent
    stock: BatchStock = field(default_factory=BatchStock)  # the carts' variants, from Shopify
    carts: dict = field(default_factory=dict)  # cart id → Cart
    offers: OfferLedger | None = None  # what the offer rules need (flows.offers), loaded on first need


def nudge_dispatch_due(
    *, now: datetime | None = None, batch_size: int = BATCH_SIZE, max_batches: int | None = None,
    deliver_inline: bool = False,
) -> DispatchReport:  # fmt: skip
    """Run one tick as of `now`. With `deliver_inline` the texts are sent before this returns."""
    now = now or timezone.now()
    # Decide experiments first, so a winner found now already picks this tick's texts.
    experiments_tick(now=now)
    report = DispatchReport()
    batches = 0
    while max_batches is None or batches < max_batches:
        batches += 1
        with transaction.atomic():
            ids = _claim_due(now=now, limit=batch_size)
            if not ids:
                break
            message_ids = _dispatch_batch(ids=ids, now=now, report=report)
            if message_ids and not deliver_inline:
                # One task per batch, delivered by the workers in chunks: the tick never waits on 1,000
                # publishes, and no text pays a task of its own.
                from conversations.tasks import deliver_messages

                transaction.on_commit(lambda ids=message_ids: deliver_messages.delay(ids))
        report.message_ids += message_ids
        if deliver_inline:
            _deliver_now(message_ids)
        if len(ids) < batch_size:
            break
    return report


def nudge_dispatch_dry_run(*, now: datetime | None = None, batch_size: int = BATCH_SIZE) -> DispatchReport:
    """The tick's decisions as of `now`, nothing kept and nothing sent.

    The real tick runs inside a transaction that is rolled back: every check, hold and rendering is the one
    the scheduler would make, while the texts it queues, their delivery tasks (on_commit) and every row it
    touched vanish with the rollback.
    """
    with transaction.atomic(), codes_not_created():
        report = nudge_dispatch_due(now=now, batch_size=batch_size)
        transaction.set_rollback(True)
    report.message_ids = []
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


def _dispatch_batch(*, ids: list[int], now: datetime, report: DispatchReport) -> list[int]:
    nudges = list(
        Nudge.objects.filter(id__in=ids)
        .select_related("cart__customer")
        .prefetch_related("cart__items")
        .order_by("due_at", "id")
    )
    _share_store_and_step(nudges)
    batch = _batch_load(nudges, now=now)
    batch.stock = batch_stock_read({n.cart_id: n.cart for n in nudges}.values(), batch.items)
    events, prepared = [], []
    for nudge in nudges:
        decision = _decide(nudge, batch)
        if isinstance(decision, Send):
            prepared.append(_prepare(nudge, batch, send=decision))
            continue
        _apply(nudge, decision, report=report, now=now)
        events.append(_event(nudge, now=now))
    links, message_ids = [], []
    for (nudge, _, link), message in zip(prepared, _queue_texts(prepared), strict=True):
        if message is None:
            nudge.state, nudge.reason, nudge.sent_at = Nudge.State.FAILED, "failed to queue its text", None
            report.failed += 1
            report.reasons["failed to queue"] += 1
        else:
            link.message = message
            links.append(link)
            for sibling in batch.siblings[nudge.cart_id]:
                if sibling["id"] == nudge.id:
                    sibling["message__id"] = message.id
            message_ids.append(message.id)
            report.sent += 1
        events.append(_event(nudge, now=now))
    short_links_save(links=links)
    if batch.offers is not None:
        offer_grants_save(ledger=batch.offers, cart_ids={link.cart_id for link in links})
    _nudges_save(nudges)
    insert_many(NudgeEvent, events)
    return message_ids


def _share_store_and_step(nudges: list[Nudge]) -> None:
    """A batch has a handful of stores and steps: load each once, not once per nudge through a join."""
    stores = Store.objects.select_related("plan", "shopify_connection").in_bulk({n.store_id for n in nudges})
    steps = Step.objects.select_related("flow").in_bulk({n.step_id for n in nudges})
    for nudge in nudges:
        nudge.store = nudge.cart.store = stores[nudge.store_id]
        nudge.step = steps[nudge.step_id]


def _queue_texts(prepared: list) -> list:
    """The batch's messages in one INSERT; should one be refused, each is retried alone so only it fails."""
    outbound = [item for _, item, _ in prepared]
    try:
        with transaction.atomic():
            return messages_queue_outbound(outbound=outbound)
    except DatabaseError:
        logger.exception("queuing %s texts at once failed; queuing them one by one", len(outbound))
    messages = []
    for item in outbound:
        try:
            with transaction.atomic():
                messages += messages_queue_outbound(outbound=[item])
        except DatabaseError:
            logger.exception("nudge %s: could not queue its text", item.nudge.id)
            messages.append(None)
    return messages


def _event(nudge: Nudge, *, now: datetime) -> NudgeEvent:
    return NudgeEvent(
        store_id=nudge.store_id, nudge_id=nudge.id, kind=_event_kind(nudge), reason=nudge.reason, at=now
    )


_SAVED_FIELDS = (
    "state", "due_at", "reason", "sent_at", "deferred_count", "updated_at", "holdout", "variant"
)  # fmt: skip


# The saved fields' array types, for UNNEST.
_SAVED_TYPES = ("text", "timestamptz", "text", "timestamptz", "integer", "timestamptz", "boolean", "text")


def _nudges_save(nudges: list[Nudge]) -> None:
    """One UPDATE … FROM UNNEST(…) for the batch: one array per field (bulk_update's CASE per field costs
    more than the tick; VALUES with a parameter per field of each nudge cost a tick 70 ms of CPU to adapt,
    in psycopg, against about 20 ms for the arrays)."""
    if not nudges:
        return
    if connection.vendor != "postgresql":
        Nudge.objects.bulk_update(nudges, list(_SAVED_FIELDS))
        return
    arrays = ", ".join(f"%s::{kind}[]" for kind in ("bigint", *_SAVED_TYPES))
    params = [[n.id for n in nudges], *([getattr(n, f) for n in nudges] for f in _SAVED_FIELDS)]
    sets = ", ".join(f"{f} = v.{f}" for f in _SAVED_FIELDS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Nudge._meta.db_table} AS n SET {sets} "  # noqa: S608 - names are this module's constants
            f"FROM UNNEST({arrays}) AS v(id, {', '.join(_SAVED_FIELDS)}) WHERE n.id = v.id",
            params,
        )


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
    if reason.startswith("held:"):
        return reason.split(" — ", 1)[0]
    return reason.split(" (")[0].split(":")[0]


def _batch_load(nudges: list[Nudge], *, now: datetime) -> _Batch:
    batch = _Batch(now=now)
    carts = batch.carts = {n.cart_id: n.cart for n in nudges}
    batch.items = {cart_id: list(cart.items.all()) for cart_id, cart in carts.items()}
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
    batch.consented_at = dict(
        ConsentEvent.objects.filter(customer_id__in=customers, kind=ConsentEvent.Kind.GRANTED)
        .values("customer_id")
        .annotate(last=Max("occurred_at"))
        .values_list("customer_id", "last")
    )
    batch.last_sent = dict(
        Nudge.objects.filter(cart__customer_id__in=customers, state=Nudge.State.SENT)
        .values("cart__customer_id")
        .annotate(last=Max("sent_at"))
        .values_list("cart__customer_id", "last")
    )
    textable = defaultdict(list)
    for cart in carts.values():
        if not customer_texting_problem(cart.customer):
            textable[cart.store_id].append(cart.customer)
    batch.threads = {}
    for store_id, store_customers in textable.items():
        store = next(n.store for n in nudges if n.store_id == store_id)
        batch.threads.update(
            threads_ensure(store=store, customers=list({c.id: c for c in store_customers}.values()))
        )
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
    # as_e164, not str(): phonenumber_field's str() re-validates the number on every call.
    recipient = recipient_resolve(phone=customer.phone.as_e164, store=nudge.store, cart=cart)
    snooze = snooze_hold(customer=customer, recipient=recipient, now=batch.now)
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
                # The hold that kept it past the deadline is the useful part ("…; it was held: …").
                held = f"; it was {nudge.reason}" if nudge.reason.startswith("held") else ""
                return Skip(
                    reason=f"carrier rule ({recipient.country}): not sent within 48 h of abandonment{held}"
                )
    hold = (
        snooze
        or registration_hold(recipient=recipient, store=nudge.store, now=batch.now)
        or quiet_hours_check(recipient=recipient, now=batch.now, flow=nudge.step.flow)
        or _cap_hold(nudge, batch, recipient)
    )
    if hold is None:
        if batch.stock.sold_out(cart, batch.items[cart.id]):
            return Skip(reason=OUT_OF_STOCK)
        if _nudge_holdout_mark(nudge):
            return Skip(reason=HOLDOUT_REASON)
        return Send(
            decision=_allowed_because(nudge, batch, recipient, replied_after=bool(sent_before)),
            recipient=recipient,
        )
    if deadline is not None and hold.until > deadline:
        return Skip(reason=f"carrier rule ({recipient.country}): {hold.reason}, past 48 h of abandonment")
    return hold


HOLDOUT_REASON = "holdout (control group)"


def _nudge_holdout_mark(nudge: Nudge) -> bool:
    """At the moment a nudge would go out: is its cart in a control group (billing's, to measure lift)?
    Recorded on the nudge.

    Asked last, after every other check, so the control group holds exactly the carts that would have
    been texted, and the two recovery rates compare like with like.
    """
    nudge.holdout = nudge.holdout or any(
        held_out(store=nudge.store, cart=nudge.cart) for held_out in HOLDOUT_DECIDERS
    )
    if nudge.holdout:
        nudge.variant = ""  # the control group is in no variant of any experiment
    return nudge.holdout


def _exit_reason(nudge: Nudge, batch: _Batch) -> str:
    if not nudge.step.is_active or not nudge.step.flow.is_active:
        return "step turned off"
    stopped = store_texting_problem(nudge.store)
    if stopped:
        return stopped
    cart = nudge.cart
    return cart_texting_problem(cart, has_items=bool(batch.items[cart.id]), ordered=cart.id in batch.ordered)


def _allowed_because(nudge: Nudge, batch: _Batch, recipient, *, replied_after: bool) -> str:
    """The rules this text passed, in words an auditor can check against the policy table."""
    policy, flow = recipient.policy, nudge.step.flow
    start, end = max(policy.start_hour, flow.quiet_hours_start), min(policy.end_hour, flow.quiet_hours_end)
    zone = recipient.zones[0]
    local = batch.now.astimezone(ZoneInfo(zone))
    window = replace(policy, start_hour=start, end_hour=end).window_text
    sent = sum(1 for t in batch.sent_24h[nudge.cart.customer_id] if t > batch.now - timedelta(hours=24))
    if not policy.one_cart_text_per_abandonment:
        carrier = "multi-step flow allowed here"
    elif replied_after:
        carrier = "follow-up after the shopper replied (carrier rule)"
    else:
        carrier = "the one cart text of this abandonment, within 48 h (carrier rule)"
    return (
        f"allowed by {policy.key} ({policy.label}): {local:%a %H:%M} {zone} ({recipient.zone_source}) inside "
        f"{window}; text {sent + 1} of {_cap(nudge, recipient)} in 24 h; {carrier}"
    )


def _cap(nudge: Nudge, recipient) -> int:
    cap = nudge.step.flow.frequency_cap
    if recipient.policy.max_texts_per_24h:
        cap = min(cap, recipient.policy.max_texts_per_24h)
    return cap


def _cap_hold(nudge: Nudge, batch: _Batch, recipient) -> Hold | None:
    return frequency_cap_hold(
        cap=nudge.step.flow.frequency_cap,
        recipient=recipient,
        sent=batch.sent_24h[nudge.cart.customer_id],
        now=batch.now,
    )


def _first_since_consent(customer, batch: _Batch) -> bool:
    """The first cart text since the shopper's newest consent (CTIA: it carries the disclosures)."""
    consented, sent = batch.consented_at.get(customer.id), batch.last_sent.get(customer.id)
    return sent is None or (consented is not None and sent < consented)


def _prepare(nudge: Nudge, batch: _Batch, *, send: Send):
    """Render the nudge's text with a fresh short link and mark it sent (saved with the batch)."""
    store, cart = nudge.store, nudge.cart
    step = nudge_variant_settle(nudge)  # the variant's texts and incentive, recorded on the nudge
    customer = cart.customer
    policy = send.recipient.policy  # resolved by `_decide` from the same number, cart and store
    thread = batch.threads[customer.id]
    items = batch.stock.in_stock(cart, batch.items[cart.id])
    spec = IncentiveSpec.of_step(step)
    offer = incentive_for(
        store=store, spec=spec, cart=cart, customer=customer, now=batch.now, ledger=_offers(batch, spec)
    )
    link = short_link_build(
        store=store,
        cart=cart,
        nudge=nudge,
        discount_code=offer.code,
        expires_at=link_expiry(incentive=offer.incentive, now=batch.now),
    )
    rendered = render_step(
        store=store,
        step=step,
        cart=cart,
        link_url=short_link_url(link.code),
        incentive=offer.incentive,
        first_text=thread.id not in batch.texted_threads or policy.identify_every_text,
        disclose=_first_since_consent(customer, batch) and not consent_confirmation_is_separate(store),
        items=items,
        price_drop=batch.stock.price_drop(cart, items),
    )
    nudge.state = Nudge.State.SENT
    nudge.sent_at = batch.now
    nudge.reason = offer.withheld  # "incentive withheld: …" is the merchant's to see; else ""
    nudge.updated_at = timezone.now()
    batch.texted_threads.add(thread.id)
    batch.sent_24h[customer.id].append(batch.now)
    batch.last_sent[customer.id] = batch.now
    for sibling in batch.siblings[cart.id]:
        if sibling["id"] == nudge.id:
            sibling.update(state=Nudge.State.SENT, sent_at=batch.now)
    outbound = Outbound(
        store=store, thread=thread, body=rendered.body, route="nudge", nudge=nudge, decision=send.decision
    )
    return nudge, outbound, link


def _offers(batch: _Batch, spec: IncentiveSpec) -> OfferLedger | None:
    """The batch's offer ledger, read once, and only if a text of the batch offers something."""
    if spec.kind != IncentiveKind.NONE and batch.offers is None:
        batch.offers = offer_ledger_load(carts=list(batch.carts.values()), now=batch.now)
    return batch.offers


def _deliver_now(message_ids: list[int]) -> None:
    from conversations.sending import messages_deliver

    # A text that meets a transient error goes back to pending and to its own task, which owns retries.
    messages_deliver(message_ids=message_ids)
