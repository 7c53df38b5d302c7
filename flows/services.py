"""Writes of the flows app: the schedule of nudges."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from stores.models import Cart, Customer

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


def nudges_schedule_for_cart(*, store, cart: Cart) -> list[Nudge]:
    """Enroll a cart in the store's active flow, or move its pending due times after new activity."""
    flow = flow_active_for(store=store)
    if flow is None:
        return []
    nudges = []
    with transaction.atomic():
        for step in flow.steps.all():
            if not step.is_active:
                continue
            due_at = cart.last_activity_at + timedelta(minutes=step.delay_minutes)
            nudge, created = Nudge.objects.get_or_create(
                cart=cart, step=step, defaults={"store": store, "due_at": due_at}
            )
            if not created and nudge.state == Nudge.State.SCHEDULED and nudge.due_at != due_at:
                nudge.due_at = due_at
                nudge.save(update_fields=["due_at", "updated_at"])
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
