"""Attribution: whether the texts earned a recovered order, with the receipt that says why, once per order."""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Min, Q, QuerySet

from conversations.models import Message
from flows.models import Click, DiscountCode, ShortLink, Step
from stores.models import Cart, Order, Store
from stores.tenancy import ensure_same_store

from .adjustments import credit_catch_up
from .leaks import order_codes, order_leaks_check
from .models import Attribution, Plan
from .prices import cents, exchange_rate
from .receipts import RECEIPT_VERSION, receipt_time
from .selectors import NOT_A_CONVERSATION_ROUTES, ZERO, plan_get

logger = logging.getLogger(__name__)

# A text that never left, or never reached the phone, cannot have started anything.
TEXT_STATUSES_NOT_SENT = (
    Message.Status.PENDING,
    Message.Status.FAILED,
    Message.Status.UNDELIVERED,
)


@dataclass
class _Texts:
    cart: Cart
    matched_by: str
    texts: list[Message]  # outbound, oldest first, none after the order


def _sent_texts(*, store: Store) -> QuerySet[Message]:
    return (
        Message.objects.for_store(store)
        .filter(direction=Message.Direction.OUT)
        .exclude(status__in=TEXT_STATUSES_NOT_SENT)
    )


def _candidate_carts(*, store: Store, orders: list[Order]) -> dict[int, list[tuple[Cart, str]]]:
    """Per order, the carts it may complete, best evidence first: the shop's link, then tokens, then the
    phone (the shopper's 20 newest carts). One query for all the orders."""
    wanted = Q()
    for field, values in (
        ("pk", {o.cart_id for o in orders if o.cart_id}),
        ("checkout_token", {o.checkout_token for o in orders if o.checkout_token}),
        ("cart_token", {o.cart_token for o in orders if o.cart_token}),
        ("customer_id", {o.customer_id for o in orders if o.customer_id}),
    ):
        if values:
            wanted |= Q(**{f"{field}__in": sorted(values)})
    carts = sorted(Cart.objects.for_store(store).filter(wanted), key=lambda c: c.pk) if wanted else []
    found = {}
    for order in orders:
        candidates = [(c, "order.cart") for c in carts if order.cart_id and c.pk == order.cart_id]
        if order.checkout_token:
            candidates += [(c, "checkout_token") for c in carts if c.checkout_token == order.checkout_token]
        if order.cart_token:
            candidates += [(c, "cart_token") for c in carts if c.cart_token == order.cart_token]
        if order.customer_id:
            theirs = [c for c in reversed(carts) if c.customer_id == order.customer_id]
            candidates += [(c, "phone") for c in theirs[:20]]
        seen: set[int] = set()
        unique = []
        for cart, how in candidates:
            if cart.pk not in seen:
                seen.add(cart.pk)
                unique.append((cart, how))
        found[order.pk] = unique
    return found


def _first_texts(*, store: Store, carts: set[int]) -> dict[int, datetime]:
    """When each of these carts got its first sent text, for those that got one."""
    if not carts:
        return {}
    first = (
        _sent_texts(store=store)
        .filter(nudge__cart__in=sorted(carts))
        .values("nudge__cart_id")
        .annotate(first=Min("created_at"))
        .order_by()
    )
    return {row["nudge__cart_id"]: row["first"] for row in first}


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


def _texted_before(cart: Cart, order: Order, first_texts: dict[int, datetime]) -> bool:
    return cart.pk in first_texts and first_texts[cart.pk] <= order.placed_at


def _texted_cart(*, store: Store, order: Order, window: timedelta, candidates: list) -> _Texts | None:
    for cart, matched_by in candidates:
        texts = _texts_for(store=store, cart=cart, before=order.placed_at)
        if not texts:
            continue
        # The phone alone is weak evidence: only carts texted within the window count.
        if matched_by == "phone" and texts[-1].created_at + window < order.placed_at:
            continue
        return _Texts(cart=cart, matched_by=matched_by, texts=texts)
    return None


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
    redeemed = order_codes(order)
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


def _credited_step(texts: list[Message], message: Message) -> Step | None:
    """Last touch: the credited text's step, or the last nudge's before it (an agent's reply has none)."""
    nudges = [t.nudge for t in texts if t.nudge_id and t.created_at <= message.created_at]
    last = nudges[-1] if nudges else None
    return last.step if last is not None else None


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


def _receipt(*, order, found, plan, window, touch, message, step, amounts, decision) -> dict:
    last_at = found.texts[-1].created_at
    return {
        "version": RECEIPT_VERSION,
        "decision": decision,
        "order": {
            "id": order.pk,
            "external_id": order.external_id,
            "name": order.name,
            "placed_at": receipt_time(order.placed_at),
            "total": str(order.total),
            "currency": order.currency,
            "discount_codes": sorted(order_codes(order)),
        },
        "cart": {"id": found.cart.pk, "external_id": found.cart.external_id, "matched_by": found.matched_by},
        "texts": {
            "count": len(found.texts),
            "first_at": receipt_time(found.texts[0].created_at),
            "last_at": receipt_time(last_at),
        },
        "message": None
        if message is None
        else {
            "id": message.pk,
            "sent_at": receipt_time(message.created_at),
            "route": message.route,
            "status": message.status,
            "body": message.body[:320],
        },
        "step": None if step is None else {"id": step.pk, "position": step.position},
        "touch": None
        if touch is None
        else {"kind": touch.kind, "at": receipt_time(touch.at), **touch.evidence},
        "window": {
            "days": plan.attribution_window_days,
            "last_text_at": receipt_time(last_at),
            "ends_at": receipt_time(last_at + window),
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
    return orders_attribute(store=store, orders=[order])[0]


def orders_attribute(*, store: Store, orders: list[Order]) -> list[Attribution | None]:
    """`order_attribute` for each order, in turn: what decides most orders (their earlier decisions, the
    carts they may complete, when those were first texted) is read in a constant number of queries, so
    an order no text reached before it was placed costs none of its own."""
    for order in orders:
        ensure_same_store(store, order)
    existing = {a.order_id: a for a in Attribution.objects.filter(order__in=[o.pk for o in orders])}
    undecided = [o for o in orders if o.pk not in existing]
    candidates = _candidate_carts(store=store, orders=undecided) if undecided else {}
    first_texts = _first_texts(store=store, carts={c.pk for cs in candidates.values() for c, _ in cs})
    plan = None
    for order in undecided:
        leaks = order_leaks_check(store=store, order=order)
        texted = [
            (cart, how) for cart, how in candidates[order.pk] if _texted_before(cart, order, first_texts)
        ]
        if not texted:
            continue  # no text went to a cart this order completes, before it was placed
        plan = plan or plan_get(store=store)
        window = timedelta(days=plan.attribution_window_days)
        found = _texted_cart(store=store, order=order, window=window, candidates=texted)
        if found is not None:
            existing[order.pk] = _attribution_decide(
                store=store, order=order, plan=plan, window=window, leaks=leaks, found=found
            )
    return [existing.get(order.pk) for order in orders]


def _attribution_decide(*, store, order, plan, window, leaks, found: _Texts) -> Attribution:
    last_at = found.texts[-1].created_at
    touches = _touches(store=store, order=order, found=found)
    inside = order.placed_at <= last_at + window
    # Last touch wins; a code is the fallback, as it carries no time of its own but the order's.
    engaged = [t for t in touches if t.kind != "code"] or touches
    touch = engaged[-1] if (engaged and inside and not leaks) else None
    if leaks:
        decision = f"not attributed: leaked code — {leaks[0].detail}"
        message = step = None
    elif touch is None:
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
    if leaks:
        receipt["leaks"] = [{"code": leak.code, "kind": leak.kind, "detail": leak.detail} for leak in leaks]
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
        credit_catch_up(store=store, attribution=attribution, order=order)
    logger.info("order %s: %s", order.pk, decision)
    return attribution
