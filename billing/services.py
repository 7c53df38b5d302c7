"""Writes of the billing app: attribution of recovered orders, credits for refunds, invoices, the plan."""

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db import IntegrityError, connection, transaction
from django.db.models import Q, Sum
from django.utils import timezone

from cartrecovery.errors import ApplicationError
from conversations.models import Message
from flows.models import Click, DiscountCode, ShortLink
from stores.models import Cart, Order, Store
from stores.tenancy import ensure_same_store

from .models import Adjustment, Attribution, Invoice, InvoiceCounter, InvoiceLine, Plan
from .prices import cents, exchange_rate
from .selectors import (
    NOT_A_CONVERSATION_ROUTES,
    ZERO,
    invoice_lines_draft,
    lines_total,
    month_bounds,
    month_first_day,
    month_last_closed,
    month_last_day,
    plan_get,
)

logger = logging.getLogger(__name__)

# A text that never left, or never reached the phone, cannot have started anything.
TEXT_STATUSES_NOT_SENT = (
    Message.Status.PENDING,
    Message.Status.FAILED,
    Message.Status.UNDELIVERED,
)
RECEIPT_VERSION = 1


# --- The plan ---------------------------------------------------------------------------------


def plan_update(*, store: Store, **terms) -> Plan:
    """Set a store's terms; validated against the plan's limits (window 1–30 days, holdout 0–20 %)."""
    allowed = {
        "commission_percent",
        "fixed_fee",
        "billing_currency",
        "attribution_window_days",
        "holdout_percent",
    }
    unknown = set(terms) - allowed
    if unknown:
        raise ApplicationError(f"Unknown plan terms: {', '.join(sorted(unknown))}.")
    plan = plan_get(store=store)
    for name, value in terms.items():
        setattr(plan, name, value)
    if "billing_currency" in terms:
        plan.billing_currency = plan.billing_currency.upper()
        exchange_rate(source="USD", target=plan.billing_currency)
    plan.full_clean(exclude=["store"])
    plan.save()
    return plan


# --- Attribution ------------------------------------------------------------------------------


@dataclass
class _Texts:
    cart: Cart
    matched_by: str
    texts: list[Message]  # outbound, oldest first, none after the order


def _sent_texts(*, store: Store) -> "Message.objects":
    return (
        Message.objects.for_store(store)
        .filter(direction=Message.Direction.OUT)
        .exclude(status__in=TEXT_STATUSES_NOT_SENT)
    )


def _candidate_carts(*, store: Store, order: Order) -> list[tuple[Cart, str]]:
    """Carts this order may complete, best evidence first: the shop's link, then tokens, then the phone."""
    candidates: list[tuple[Cart, str]] = []
    carts = Cart.objects.for_store(store)
    if order.cart_id:
        candidates += [(c, "order.cart") for c in carts.filter(pk=order.cart_id)]
    if order.checkout_token:
        candidates += [(c, "checkout_token") for c in carts.filter(checkout_token=order.checkout_token)]
    if order.cart_token:
        candidates += [(c, "cart_token") for c in carts.filter(cart_token=order.cart_token)]
    if order.customer_id:
        candidates += [(c, "phone") for c in carts.filter(customer_id=order.customer_id).order_by("-id")[:20]]
    seen: set[int] = set()
    unique = []
    for cart, how in candidates:
        if cart.pk not in seen:
            seen.add(cart.pk)
            unique.append((cart, how))
    return unique


def _texts_for(*, store: Store, cart: Cart, before: datetime) -> list[Message]:
    """The texts of this cart's recovery: its nudges, then the conversation in the thread after them."""
    sent = _sent_texts(store=store).filter(created_at__lte=before)
    first = sent.filter(nudge__cart=cart).order_by("created_at", "id").first()
    if first is None:
        return []
    conversation = Q(nudge__isnull=True) & ~Q(route__in=NOT_A_CONVERSATION_ROUTES)
    return list(
        sent.filter(thread_id=first.thread_id, created_at__gte=first.created_at)
        .filter(Q(nudge__cart=cart) | conversation)
        .select_related("nudge__step")
        .order_by("created_at", "id")
    )


def _texted_cart(*, store: Store, order: Order, window: timedelta) -> _Texts | None:
    for cart, matched_by in _candidate_carts(store=store, order=order):
        texts = _texts_for(store=store, cart=cart, before=order.placed_at)
        if not texts:
            continue
        # The phone alone is weak evidence: only carts texted within the window count.
        if matched_by == "phone" and texts[-1].created_at + window < order.placed_at:
            continue
        return _Texts(cart=cart, matched_by=matched_by, texts=texts)
    return None


def _order_codes(order: Order) -> set[str]:
    codes = set()
    for entry in order.discount_codes or []:
        code = entry.get("code") if isinstance(entry, dict) else entry
        if code:
            codes.add(str(code).strip().upper())
    return codes


@dataclass
class _Touch:
    kind: str
    at: datetime
    evidence: dict
    message: Message | None = None


def _touches(*, store: Store, order: Order, found: _Texts) -> list[_Touch]:
    """Every click, reply and redeemed code between the first text and the order, oldest first."""
    first_at, placed_at = found.texts[0].created_at, order.placed_at
    touches = [
        _Touch("click", click.at, {"click_id": click.pk, "link_code": click.link.code})
        for click in Click.objects.for_store(store)
        .filter(link__cart=found.cart, at__gte=first_at, at__lte=placed_at)
        .select_related("link")
        .order_by("at", "id")
    ]
    touches += [
        _Touch("reply", reply.created_at, {"reply_message_id": reply.pk, "reply": reply.body[:160]})
        for reply in Message.objects.for_store(store)
        .filter(
            direction=Message.Direction.IN,
            thread_id=found.texts[0].thread_id,
            created_at__gte=first_at,
            created_at__lte=placed_at,
        )
        .exclude(route__in=NOT_A_CONVERSATION_ROUTES)
        .order_by("created_at", "id")
    ]
    touches.sort(key=lambda t: t.at)
    code_touch = _code_touch(store=store, order=order, found=found)
    return touches + ([code_touch] if code_touch else [])


def _code_touch(*, store: Store, order: Order, found: _Texts) -> _Touch | None:
    """A code counts only if the texts carried it: in a text's words or on one of the cart's links."""
    redeemed = _order_codes(order)
    if not redeemed:
        return None
    links = ShortLink.objects.for_store(store).filter(cart=found.cart).exclude(discount_code="")
    link_codes = {(link.discount_code.upper(), link.message_id, link.nudge_id) for link in links}
    pool = set(DiscountCode.objects.for_store(store).filter(cart=found.cart).values_list("code", flat=True))
    for text in reversed(found.texts):
        body = text.body.upper()
        for code in sorted(redeemed):
            on_link = any(
                c == code and (mid == text.pk or (nid is not None and nid == text.nudge_id))
                for c, mid, nid in link_codes
            )
            if code in body or on_link:
                evidence = {
                    "code": code,
                    "carried_by": "link" if on_link else "text",
                    "from_pool": code in {p.upper() for p in pool},
                }
                return _Touch("code", order.placed_at, evidence, message=text)
    return None


def _credited_text(texts: list[Message], touch: _Touch) -> Message:
    if touch.message is not None:
        return touch.message
    before = [t for t in texts if t.created_at <= touch.at]
    return before[-1] if before else texts[0]


def _credited_step(texts: list[Message], message: Message):
    """Last touch: the credited text's step, or the last nudge's before it (an agent's reply has none)."""
    nudges = [t for t in texts if t.nudge_id and t.created_at <= message.created_at]
    return nudges[-1].nudge.step if nudges else None


def _amounts(*, plan: Plan, order: Order, attributed: bool) -> dict:
    rate = exchange_rate(source=order.currency, target=plan.billing_currency)
    total = Decimal(order.total)
    revenue = cents(total * rate.rate)
    commission = cents(total * rate.rate * plan.commission_percent / Decimal(100)) if attributed else ZERO
    fixed_fee = cents(Decimal(plan.fixed_fee)) if attributed else ZERO
    return {
        "rate": rate,
        "revenue": revenue,
        "commission": commission,
        "fixed_fee": fixed_fee,
        "fee": commission + fixed_fee,
    }


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _receipt(*, order, found, plan, window, touch, message, step, amounts, decision) -> dict:
    last_at = found.texts[-1].created_at
    return {
        "version": RECEIPT_VERSION,
        "decision": decision,
        "order": {
            "id": order.pk,
            "external_id": order.external_id,
            "name": order.name,
            "placed_at": _iso(order.placed_at),
            "total": str(order.total),
            "currency": order.currency,
            "discount_codes": sorted(_order_codes(order)),
        },
        "cart": {"id": found.cart.pk, "external_id": found.cart.external_id, "matched_by": found.matched_by},
        "texts": {
            "count": len(found.texts),
            "first_at": _iso(found.texts[0].created_at),
            "last_at": _iso(last_at),
        },
        "message": None
        if message is None
        else {
            "id": message.pk,
            "sent_at": _iso(message.created_at),
            "route": message.route,
            "status": message.status,
            "body": message.body[:320],
        },
        "step": None if step is None else {"id": step.pk, "position": step.position},
        "touch": None if touch is None else {"kind": touch.kind, "at": _iso(touch.at), **touch.evidence},
        "window": {
            "days": plan.attribution_window_days,
            "last_text_at": _iso(last_at),
            "ends_at": _iso(last_at + window),
            "inside": order.placed_at <= last_at + window,
            "rule": (
                f"Attributed when the order is placed within {plan.attribution_window_days} days after the "
                "last text and the shopper clicked its link, replied, or redeemed a code it carried "
                "after the first text. Delivery alone earns nothing."
            ),
        },
        "amounts": {
            "order_total": str(order.total),
            "order_currency": order.currency,
            "exchange_rate": amounts["rate"].as_receipt(),
            "revenue": str(amounts["revenue"]),
            "commission_percent": str(plan.commission_percent),
            "commission": str(amounts["commission"]),
            "fixed_fee": str(amounts["fixed_fee"]),
            "fee": str(amounts["fee"]),
            "fee_currency": plan.billing_currency,
        },
    }


def order_attribute(*, store: Store, order: Order) -> Attribution | None:
    """Decide once whether a recovered order was earned by the texts, and keep the receipt.

    None when no text went to a cart this order completes (nothing recovered by us). A repeated call
    (a duplicated order webhook) returns the first decision: one order, one attribution, one fee.
    """
    ensure_same_store(store, order)
    existing = Attribution.objects.filter(order=order).first()
    if existing is not None:
        return existing
    plan = plan_get(store=store)
    window = timedelta(days=plan.attribution_window_days)
    found = _texted_cart(store=store, order=order, window=window)
    if found is None:
        return None
    last_at = found.texts[-1].created_at
    touches = _touches(store=store, order=order, found=found)
    inside = order.placed_at <= last_at + window
    # Last touch wins; a code is the fallback, as it carries no time of its own but the order's.
    engaged = [t for t in touches if t.kind != "code"] or touches
    touch = engaged[-1] if (engaged and inside) else None
    if touch is None:
        decision = (
            "not attributed: order placed after the attribution window"
            if not inside
            else "not attributed: no click, reply or code after the texts (delivery alone earns nothing)"
        )
        message = step = None
    else:
        decision = f"attributed: {touch.kind}"
        message = _credited_text(found.texts, touch)
        step = _credited_step(found.texts, message)
    amounts = _amounts(plan=plan, order=order, attributed=touch is not None)
    receipt = _receipt(
        order=order,
        found=found,
        plan=plan,
        window=window,
        touch=touch,
        message=message,
        step=step,
        amounts=amounts,
        decision=decision,
    )
    try:
        with transaction.atomic():
            attribution = Attribution.objects.create(
                store=store,
                order=order,
                cart=found.cart,
                outcome=Attribution.Outcome.ATTRIBUTED if touch else Attribution.Outcome.NOT_ATTRIBUTED,
                message=message,
                step=step,
                touch=touch.kind if touch else "",
                touch_at=touch.at if touch else None,
                placed_at=order.placed_at,
                order_total=order.total,
                order_currency=order.currency,
                revenue=amounts["revenue"],
                commission=amounts["commission"],
                fixed_fee=amounts["fixed_fee"],
                fee=amounts["fee"],
                fee_currency=plan.billing_currency,
                exchange_rate=amounts["rate"].rate,
                receipt=receipt,
            )
    except IntegrityError:
        return Attribution.objects.get(order=order)
    order.refresh_from_db(fields=["cancelled_at", "refunded_amount"])
    if order.cancelled_at or order.refunded_amount:
        # The cancellation or refund was recorded before the order's own webhook was processed.
        _credit_catch_up(store=store, attribution=attribution, order=order)
    logger.info("order %s: %s", order.pk, decision)
    return attribution


# --- Refunds and cancellations ----------------------------------------------------------------


def _credit_due(*, attribution: Attribution, order: Order) -> tuple[Decimal, str]:
    """How much of the fee the order's state gives back in total, and the rule that says so."""
    if attribution.outcome != Attribution.Outcome.ATTRIBUTED:
        return ZERO, "the order was not billed"
    total = Decimal(order.total)
    refunded = Decimal(order.refunded_amount)
    if order.cancelled_at is not None or (total > 0 and refunded >= total):
        return attribution.fee, "cancelled or fully refunded: the whole fee is credited"
    if total <= 0 or refunded <= 0:
        return ZERO, "nothing refunded"
    share = cents(attribution.commission * refunded / total)
    return share, "partly refunded: the commission is credited in proportion, the fixed fee stays"


def _credit_apply(*, adjustment: Adjustment, order: Order) -> None:
    attribution = getattr(order, "attribution", None)
    if attribution is None:
        adjustment.receipt = {"rule": "the order was not recovered by texts: nothing to credit"}
        adjustment.save(update_fields=["receipt"])
        return
    attribution = Attribution.objects.select_for_update().get(pk=attribution.pk)
    due, rule = _credit_due(attribution=attribution, order=order)
    earlier = attribution.adjustments.exclude(pk=adjustment.pk)
    already = earlier.aggregate(total=Sum("credit"))["total"] or ZERO
    credit = max(due - already, ZERO)
    adjustment.attribution = attribution
    adjustment.credit = credit
    adjustment.credit_currency = attribution.fee_currency
    adjustment.receipt = {
        "version": RECEIPT_VERSION,
        "kind": adjustment.kind,
        "order": {
            "id": order.pk,
            "external_id": order.external_id,
            "name": order.name,
            "total": str(order.total),
            "currency": order.currency,
        },
        "refunded_amount": str(order.refunded_amount),
        "cancelled_at": _iso(order.cancelled_at),
        "occurred_at": _iso(adjustment.occurred_at),
        "fee": str(attribution.fee),
        "credited_before": str(already),
        "credit": str(credit),
        "currency": attribution.fee_currency,
        "rule": rule,
        "attribution_id": attribution.pk,
    }
    adjustment.save(update_fields=["attribution", "credit", "credit_currency", "receipt"])
    if credit and already + credit >= attribution.fee and attribution.credited_at is None:
        attribution.credited_at = adjustment.occurred_at
        attribution.save(update_fields=["credited_at"])


def _adjustment_record(
    *, store: Store, order: Order, kind: str, key: str, refunded: Decimal, occurred_at: datetime
) -> Adjustment | None:
    ensure_same_store(store, order)
    if not isinstance(refunded, Decimal):
        raise TypeError("Refunded amounts must be Decimal.")
    try:
        with transaction.atomic():
            adjustment = Adjustment.objects.create(
                store=store,
                order=order,
                kind=kind,
                key=key,
                refunded_amount=refunded,
                occurred_at=occurred_at,
            )
            order = Order.objects.select_for_update().get(pk=order.pk)
            fields = []
            if kind == Adjustment.Kind.CANCELLATION and order.cancelled_at is None:
                order.cancelled_at = occurred_at
                fields.append("cancelled_at")
            if refunded:
                order.refunded_amount = min(Decimal(order.refunded_amount) + refunded, Decimal(order.total))
                fields.append("refunded_amount")
            if fields:
                order.save(update_fields=fields)
            _credit_apply(adjustment=adjustment, order=order)
    except IntegrityError:
        return None
    return adjustment


def order_refund_record(
    *, store: Store, order: Order, key: str, amount: Decimal, occurred_at: datetime | None = None
) -> Adjustment | None:
    """Record a refund and credit back the matching share of the fee. None for a repeated refund key."""
    if amount < 0:
        raise ApplicationError("A refund amount cannot be negative.")
    return _adjustment_record(
        store=store,
        order=order,
        kind=Adjustment.Kind.REFUND,
        key=f"refund:{key}",
        refunded=amount,
        occurred_at=occurred_at or timezone.now(),
    )


def order_cancel_record(
    *, store: Store, order: Order, occurred_at: datetime | None = None
) -> Adjustment | None:
    """Record a cancellation: the whole fee comes back. None when it was recorded before."""
    return _adjustment_record(
        store=store,
        order=order,
        kind=Adjustment.Kind.CANCELLATION,
        key=f"cancel:{order.external_id}",
        refunded=ZERO,
        occurred_at=occurred_at or timezone.now(),
    )


def _credit_catch_up(*, store: Store, attribution: Attribution, order: Order) -> None:
    kind = Adjustment.Kind.CANCELLATION if order.cancelled_at else Adjustment.Kind.REFUND
    with transaction.atomic():
        adjustment, created = Adjustment.objects.get_or_create(
            store=store,
            key=f"catch-up:{order.external_id}",
            defaults={"order": order, "kind": kind, "occurred_at": order.cancelled_at or timezone.now()},
        )
        if created:
            _credit_apply(adjustment=adjustment, order=order)


# --- Invoices ---------------------------------------------------------------------------------


def invoice_issue(
    *, store: Store, month: date, now: datetime | None = None, skip_empty: bool = False
) -> Invoice | None:
    """Bill a closed month (the store's time zone): fees, credits and texting at cost, once.

    The unique (store, month) constraint makes a second run — or a concurrent one — return the first
    invoice. Items that arrived late for an earlier, already issued month land on this one.
    """
    now = now or timezone.now()
    month = month_first_day(month)
    start, end = month_bounds(store=store, month=month)
    if end > now:
        raise ApplicationError(f"{month:%Y-%m} has not ended yet in {store.timezone}.", code="period_open")
    existing = Invoice.objects.for_store(store).filter(period_start=month).first()
    if existing is not None:
        return existing
    plan = plan_get(store=store)
    lines = invoice_lines_draft(store=store, start=start, end=end, currency=plan.billing_currency)
    if skip_empty and not lines:
        return None
    try:
        with transaction.atomic():
            invoice = Invoice.objects.create(
                store=store,
                period_start=month,
                period_end=month_last_day(month),
                timezone=store.timezone,
                currency=plan.billing_currency,
                number=invoice_number_next(store=store, year=month.year),
            )
            _invoice_fill(invoice=invoice, lines=lines)
            invoice.total = lines_total(lines)
            invoice.status = Invoice.Status.ISSUED
            invoice.issued_at = now
            invoice.save(update_fields=["total", "status", "issued_at"])
    except IntegrityError:
        return Invoice.objects.for_store(store).get(period_start=month)
    logger.info(
        "store %s: invoice %s issued: %s %s", store.pk, invoice.number, invoice.total, invoice.currency
    )
    return invoice


def invoice_number_prefix(*, store: Store) -> str:
    """A store's invoice series: the first 8 characters of its id, so numbers are unique across stores."""
    return str(store.pk).replace("-", "")[:8].upper()


def invoice_number_next(*, store: Store, year: int) -> str:
    """The store's next invoice number for `year`, allocated in one statement.

    The counter row stays locked until the caller's transaction ends, so concurrent issues for one store
    take turns and never share or skip a number (a rolled-back issue gives its number back).
    """
    table = InvoiceCounter._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {table} (store_id, year, last_number) VALUES (%s, %s, 1)
            ON CONFLICT (store_id, year) DO UPDATE SET last_number = {table}.last_number + 1
            RETURNING last_number
            """,  # noqa: S608 - the table name is ours; the values are parameters
            [store.pk, year],
        )
        (sequence,) = cursor.fetchone()
    return invoice_number_format(prefix=invoice_number_prefix(store=store), year=year, sequence=sequence)


def invoice_number_format(*, prefix: str, year: int, sequence: int) -> str:
    return f"{prefix}-{year}-{sequence:04d}"


def _invoice_fill(*, invoice: Invoice, lines) -> None:
    InvoiceLine.objects.bulk_create(
        [
            InvoiceLine(
                invoice=invoice,
                position=i,
                kind=line.kind,
                description=line.description,
                amount=line.amount,
                attribution_id=line.attribution_id,
                adjustment_id=line.adjustment_id,
                receipt=line.receipt,
            )
            for i, line in enumerate(lines)
        ]
    )
    attribution_ids = [line.attribution_id for line in lines if line.attribution_id]
    adjustment_ids = [line.adjustment_id for line in lines if line.adjustment_id]
    # `invoice IS NULL` in the update: an item is billed by exactly one invoice.
    billed = Attribution.objects.filter(pk__in=attribution_ids, invoice__isnull=True).update(invoice=invoice)
    credited = Adjustment.objects.filter(pk__in=adjustment_ids, invoice__isnull=True).update(invoice=invoice)
    if billed != len(attribution_ids) or credited != len(adjustment_ids):
        raise IntegrityError("An item was billed by another invoice meanwhile.")


def invoices_issue_due(*, now: datetime | None = None, month: date | None = None) -> list[Invoice]:
    """The beat job: for every store, the last month closed in its time zone (or `month`), once."""
    now = now or timezone.now()
    issued = []
    for store in Store.objects.order_by("pk"):
        target = month or month_last_closed(store=store, now=now)
        if Invoice.objects.for_store(store).filter(period_start=month_first_day(target)).exists():
            continue
        try:
            invoice = invoice_issue(store=store, month=target, now=now, skip_empty=True)
        except ApplicationError as exc:
            logger.info("store %s: %s", store.pk, exc.message)
            continue
        if invoice is not None:
            issued.append(invoice)
    return issued


def invoice_mark_paid(*, store: Store, invoice: Invoice, paid_at: datetime | None = None) -> Invoice:
    """The one change an issued invoice accepts (payment is collected outside the app)."""
    ensure_same_store(store, invoice)
    if invoice.status == Invoice.Status.PAID:
        return invoice
    if invoice.status != Invoice.Status.ISSUED:
        raise ApplicationError("Only an issued invoice can be marked paid.")
    invoice.status = Invoice.Status.PAID
    invoice.paid_at = paid_at or timezone.now()
    invoice.save(update_fields=["status", "paid_at"])
    return invoice
