"""Writes of the flows app: the schedule of nudges."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from stores.models import Cart, CartStatus, Customer, SmsStatus

from . import defaults
from .models import Flow, IncentiveKind, Nudge, NudgeEvent, Step


def flow_active_for(*, store) -> Flow | None:
    return Flow.objects.for_store(store).filter(is_active=True).prefetch_related("steps").first()


@transaction.atomic
def flow_seed_default(*, store) -> Flow:
    """Give a store the recommended flow (45 min nudge, 24 h follow-up with 10% off) unless it has one."""
    flow = Flow.objects.for_store(store).filter(is_active=True).first()
    if flow is not None:
        return flow
    flow = Flow.objects.create(store=store, name="Abandoned cart")
    Step.objects.create(
        store=store,
        flow=flow,
        position=1,
        delay_minutes=defaults.FIRST_STEP_DELAY_MINUTES,
        templates=dict(defaults.FIRST_STEP_TEMPLATES),
    )
    Step.objects.create(
        store=store,
        flow=flow,
        position=2,
        delay_minutes=defaults.SECOND_STEP_DELAY_MINUTES,
        templates=dict(defaults.SECOND_STEP_TEMPLATES),
        incentive_kind=IncentiveKind.FIXED_CODE,
        discount_code=defaults.DEFAULT_DISCOUNT_CODE,
        incentive_valid_days=7,
    )
    return flow


def cart_enrollment_problem(*, cart: Cart) -> str:
    """Why a cart cannot be enrolled (an exit condition), or "" when it can."""
    if cart.status == CartStatus.RECOVERED or cart.recovered_at:
        return "order placed"
    customer = cart.customer
    if customer is None or not customer.phone:
        return "no textable number"
    if customer.sms_status != SmsStatus.SUBSCRIBED:
        return "opted out" if customer.sms_status == SmsStatus.UNSUBSCRIBED else "no SMS consent"
    if customer.phone_unreachable_reason:
        return f"number unreachable: {customer.phone_unreachable_reason}"
    if not cart.items.exists() and not cart.total:
        return "cart emptied"
    return ""


def _movable(nudge: Nudge) -> bool:
    if nudge.state == Nudge.State.SCHEDULED:
        return True
    # A cancelled nudge comes back when its cart qualifies again, unless the cart was bought.
    return nudge.state == Nudge.State.CANCELLED and not nudge.reason.startswith("order")


def nudges_schedule_for_cart(*, store, cart: Cart) -> list[Nudge]:
    """Enroll a cart in the store's active flow, or move its pending due times after new activity.

    Only a cart with a consenting, textable shopper is enrolled; a cart that stopped qualifying (emptied,
    consent withdrawn) has its pending nudges cancelled, and they come back if it qualifies again.
    """
    if cart.store_id != store.id:
        raise ValueError("The cart belongs to another store.")
    problem = cart_enrollment_problem(cart=cart)
    if problem:
        nudges_cancel_pending(store=store, reason=problem, cart=cart)
        return []
    flow = flow_active_for(store=store)
    if flow is None:
        return []
    now = timezone.now()
    nudges = []
    with transaction.atomic():
        existing = {
            n.step_id: n for n in Nudge.objects.for_store(store).select_for_update().filter(cart=cart)
        }
        for step in flow.steps.all():
            if not step.is_active:
                continue
            due_at = cart.last_activity_at + timedelta(minutes=step.delay_minutes)
            nudge = existing.get(step.id)
            if nudge is None:
                nudge = Nudge.objects.create(store=store, cart=cart, step=step, due_at=due_at)
                NudgeEvent.objects.create(store=store, nudge=nudge, kind="scheduled", at=now)
            elif _movable(nudge) and nudge.due_at != due_at:
                revived = nudge.state == Nudge.State.CANCELLED
                nudge.due_at, nudge.state, nudge.reason = due_at, Nudge.State.SCHEDULED, ""
                nudge.save(update_fields=["due_at", "state", "reason", "updated_at"])
                NudgeEvent.objects.create(
                    store=store,
                    nudge=nudge,
                    kind="scheduled" if revived else "moved",
                    reason="cart active again" if revived else "cart updated",
                    at=now,
                )
            nudges.append(nudge)
    return nudges


def nudges_cancel_pending(
    *, store, reason: str, cart: Cart | None = None, customer: Customer | None = None
) -> int:
    """Cancel every nudge not yet sent for a cart or for all of a customer's carts."""
    if cart is None and customer is None:
        raise ValueError("Say whose nudges to cancel: a cart or a customer.")
    pending = Nudge.objects.for_store(store).filter(state=Nudge.State.SCHEDULED)
    pending = pending.filter(cart=cart) if cart is not None else pending.filter(cart__customer=customer)
    now = timezone.now()
    with transaction.atomic():
        ids = list(pending.select_for_update().values_list("id", flat=True))
        if not ids:
            return 0
        Nudge.objects.filter(id__in=ids).update(state=Nudge.State.CANCELLED, reason=reason, updated_at=now)
        NudgeEvent.objects.bulk_create(
            [NudgeEvent(store=store, nudge_id=i, kind="cancelled", reason=reason, at=now) for i in ids]
        )
    return len(ids)


def nudge_mark_failed(*, store, nudge_id: int, reason: str) -> None:
    """The text of a nudge was refused for good (unsubscribed, invalid number): say so on the nudge."""
    now = timezone.now()
    updated = (
        Nudge.objects.for_store(store)
        .filter(id=nudge_id, state=Nudge.State.SENT)
        .update(state=Nudge.State.FAILED, reason=reason[:300], updated_at=now)
    )
    if updated:
        NudgeEvent.objects.create(store=store, nudge_id=nudge_id, kind="failed", reason=reason[:300], at=now)
