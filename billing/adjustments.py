"""Adjustments: refunds and cancellations of attributed orders, and the credits they give back."""

from datetime import datetime
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone

from cartrecovery.errors import ApplicationError
from stores.models import Order, Store
from stores.tenancy import ensure_same_store

from .models import Adjustment, Attribution
from .prices import cents
from .receipts import RECEIPT_VERSION, receipt_time
from .selectors import ZERO


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
        "cancelled_at": receipt_time(order.cancelled_at),
        "occurred_at": receipt_time(adjustment.occurred_at),
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


def credit_catch_up(*, store: Store, attribution: Attribution, order: Order) -> None:
    """Credit a cancellation or refund that was recorded before the order's attribution existed."""
    kind = Adjustment.Kind.CANCELLATION if order.cancelled_at else Adjustment.Kind.REFUND
    with transaction.atomic():
        adjustment, created = Adjustment.objects.get_or_create(
            store=store,
            key=f"catch-up:{order.external_id}",
            defaults={"order": order, "kind": kind, "occurred_at": order.cancelled_at or timezone.now()},
        )
        if created:
            _credit_apply(adjustment=adjustment, order=order)
