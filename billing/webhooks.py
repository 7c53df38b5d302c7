"""Billing's shop webhook topics, plugged into the stores handler table, and its hook on recorded orders.

Shopify: `orders/cancelled` (the order resource, `cancelled_at` set) and `refunds/create` (a refund:
`id`, `order_id`, `processed_at`/`created_at`, `transactions[]` with `kind`, `status`, `amount`).
Generic: `order.cancelled` and `order.refunded` (schemas below, documented in docs/billing.md).
"""

import logging
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from rest_framework import serializers

from cartrecovery.errors import ApplicationError
from stores import generic, handlers, shopify
from stores import services as store_services
from stores.hooks import NEW_ORDERS_HOOKS, ORDER_RECORDED_HOOKS, hook_register
from stores.models import Order
from stores.schemas import PayloadError, identifier, moment, money, objects

from . import adjustments, attribution

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CancellationData:
    order_id: str
    occurred_at: datetime | None
    order: object = None  # the full order (stores.schemas.OrderData) when the shop sent one


@dataclass(frozen=True)
class RefundData:
    refund_id: str
    order_id: str
    amount: Decimal
    occurred_at: datetime | None


# --- Shopify ----------------------------------------------------------------------------------


def shopify_cancellation_parse(payload: dict) -> CancellationData:
    order = shopify.order_parse(payload)
    return CancellationData(order_id=order.external_id, occurred_at=order.cancelled_at, order=order)


def shopify_refund_parse(payload: dict) -> RefundData:
    refund_id = identifier(payload, "id")
    order_id = identifier(payload, "order_id")
    if not refund_id or not order_id:
        raise PayloadError("id", "a refund needs its id and order_id")
    amount = _refunded_amount(payload)
    if amount < 0:
        # Refused at the door (400) like the generic format's min_value, not failed later as a bug.
        raise PayloadError("transactions", "a refund amount cannot be negative")
    return RefundData(
        refund_id=refund_id,
        order_id=order_id,
        amount=amount,
        occurred_at=moment(payload, "processed_at") or moment(payload, "created_at"),
    )


def _refunded_amount(payload: dict) -> Decimal:
    """Money that went back: successful refund transactions; without any, the refunded line items."""
    transactions = objects(payload, "transactions")
    if transactions:
        return sum(
            (
                money(t, "amount", path="transactions[].")
                for t in transactions
                if t.get("kind") == "refund" and t.get("status") in ("success", None)
            ),
            Decimal("0.00"),
        )
    lines = objects(payload, "refund_line_items")
    return sum(
        (
            money(line, "subtotal", path="refund_line_items[].")
            + money(line, "total_tax", path="refund_line_items[].")
            for line in lines
        ),
        Decimal("0.00"),
    )


# --- Generic (any shop) -----------------------------------------------------------------------


class CancelledOrderSerializer(serializers.Serializer):
    id = serializers.CharField(max_length=64, help_text="The order id sent with order.created.")


class OrderCancelledSerializer(serializers.Serializer):
    event = serializers.ChoiceField(choices=["order.cancelled"])
    occurred_at = serializers.DateTimeField(help_text="When the order was cancelled (ISO 8601).")
    order = CancelledOrderSerializer()


class RefundSerializer(serializers.Serializer):
    id = serializers.CharField(max_length=64, help_text="Your refund id: a repeat of it is a no-op.")
    order_id = serializers.CharField(max_length=64)
    amount = serializers.DecimalField(
        max_digits=14, decimal_places=2, min_value=Decimal("0"), help_text="In the order's currency."
    )


class OrderRefundedSerializer(serializers.Serializer):
    event = serializers.ChoiceField(choices=["order.refunded"])
    occurred_at = serializers.DateTimeField(help_text="When the money went back (ISO 8601).")
    refund = RefundSerializer()


def _validated(serializer_class, payload: dict) -> dict:
    serializer = serializer_class(data=payload)
    if not serializer.is_valid():
        raise PayloadError(errors=serializer.errors)
    return serializer.validated_data


def generic_cancellation_parse(payload: dict) -> CancellationData:
    data = _validated(OrderCancelledSerializer, payload)
    return CancellationData(order_id=data["order"]["id"], occurred_at=data["occurred_at"])


def generic_refund_parse(payload: dict) -> RefundData:
    data = _validated(OrderRefundedSerializer, payload)
    refund = data["refund"]
    return RefundData(
        refund_id=refund["id"], order_id=refund["order_id"], amount=refund["amount"],
        occurred_at=data["occurred_at"],
    )  # fmt: skip


# --- Apply ------------------------------------------------------------------------------------


def _order(store, external_id: str) -> Order | None:
    return Order.objects.for_store(store).filter(external_id=external_id).first()


def cancellation_apply(*, store, data: CancellationData, event) -> None:
    order = _order(store, data.order_id)
    if order is None and data.order is not None:
        # Cancelled before its orders/create was processed: record it (as cancelled) first.
        order = store_services.order_record(store=store, data=data.order)
    if order is None:
        logger.info("store %s: cancellation of unknown order %s ignored", store.pk, data.order_id)
        return
    adjustments.order_cancel_record(store=store, order=order, occurred_at=data.occurred_at)


def refund_apply(*, store, data: RefundData, event) -> None:
    order = _order(store, data.order_id)
    if order is None:
        logger.info("store %s: refund of unknown order %s ignored", store.pk, data.order_id)
        return
    adjustments.order_refund_record(
        store=store, order=order, key=data.refund_id, amount=data.amount, occurred_at=data.occurred_at
    )


def order_recorded(*, store, order: Order) -> None:
    """After stores records a new order: decide its attribution (a no-op for an order we never texted)."""
    try:
        attribution.order_attribute(store=store, order=order)
    except ApplicationError as exc:
        # The order itself stays recorded; billing it needs an operator (e.g. an unknown currency).
        logger.warning("order %s not attributed: %s", order.pk, exc.message)


def new_orders_recorded(*, store, orders: list[Order]) -> None:
    """`order_recorded` for orders the drain recorded together. If one of them cannot be billed, they are
    decided one at a time, so that only that one is left to an operator (decisions already kept stay)."""
    try:
        attribution.orders_attribute(store=store, orders=orders)
    except ApplicationError:
        for order in orders:
            order_recorded(store=store, order=order)


def register() -> None:
    for source, topic, parse, apply in (
        (handlers.SHOPIFY, "orders/cancelled", shopify_cancellation_parse, cancellation_apply),
        (handlers.SHOPIFY, "refunds/create", shopify_refund_parse, refund_apply),
        (handlers.GENERIC, "order.cancelled", generic_cancellation_parse, cancellation_apply),
        (handlers.GENERIC, "order.refunded", generic_refund_parse, refund_apply),
    ):
        handlers.handler_register(source=source, topic=topic, parse=parse, apply=apply)
    hook_register(ORDER_RECORDED_HOOKS, order_recorded)
    hook_register(NEW_ORDERS_HOOKS, new_orders_recorded)
    generic.EVENT_SERIALIZERS.setdefault("order.cancelled", OrderCancelledSerializer)
    generic.EVENT_SERIALIZERS.setdefault("order.refunded", OrderRefundedSerializer)
