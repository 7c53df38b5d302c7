"""Writes of the flows app: the schedule of nudges."""

from datetime import timedelta

from django.db import transaction
from django.db.models import DateTimeField, ExpressionWrapper, OuterRef, Subquery
from django.utils import timezone

from cartrecovery.errors import ApplicationError
from conversations.sms.segments import TWILIO_MAX_BODY_CHARS
from stores.models import Cart, CartStatus, Customer, SmsStatus

from . import defaults
from .models import DiscountCode, Flow, IncentiveKind, Nudge, NudgeEvent, Step
from .rendering import consent_confirmation_is_separate, consent_confirmation_text, language_base


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
    if customer.unreachable_reason():
        return f"number unreachable: {customer.unreachable_reason()}"
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


def _steps_reschedule_pending(*, step: Step) -> None:
    """A new delay moves every nudge of the step still waiting on its original due time."""
    last_activity = Cart.objects.filter(pk=OuterRef("cart_id")).values("last_activity_at")[:1]
    Nudge.objects.filter(step=step, state=Nudge.State.SCHEDULED, deferred_count=0).update(
        due_at=ExpressionWrapper(
            Subquery(last_activity) + timedelta(minutes=step.delay_minutes), output_field=DateTimeField()
        ),
        updated_at=timezone.now(),
    )


def _flow_validate(*, quiet_hours_start: int, quiet_hours_end: int, frequency_cap: int, steps: list[dict]):
    if not 0 <= quiet_hours_start < quiet_hours_end <= 24:
        raise ApplicationError(
            "Quiet hours need a start before the end, within 0–24.", extra={"field": "quiet_hours"}
        )
    if not 1 <= frequency_cap <= 10:
        raise ApplicationError(
            "The frequency cap is 1 to 10 texts per 24 hours.", extra={"field": "frequency_cap"}
        )
    positions = [s["position"] for s in steps]
    if not steps or len(set(positions)) != len(positions):
        raise ApplicationError(
            "Give at least one step, each with its own position.", extra={"field": "steps"}
        )
    for step in steps:
        field = f"steps[{step['position']}]"
        if not step["templates"] or not all(t.strip() for t in step["templates"].values()):
            raise ApplicationError(
                "Every step needs a text in at least one language.", extra={"field": field}
            )
        if any(len(t) > TWILIO_MAX_BODY_CHARS for t in step["templates"].values()):
            raise ApplicationError(
                f"A text can carry at most {TWILIO_MAX_BODY_CHARS} characters.", extra={"field": field}
            )
        if step["incentive_kind"] == IncentiveKind.FIXED_CODE and not step["discount_code"].strip():
            raise ApplicationError("Give the discount code to send.", extra={"field": field})


@transaction.atomic
def flow_update(
    *,
    store,
    quiet_hours_start: int,
    quiet_hours_end: int,
    frequency_cap: int,
    steps: list[dict],
    name: str | None = None,
) -> Flow:
    """Replace the active flow's rules and steps (matched by position). A step left out is switched off,
    not deleted, so the history of what it sent stays; pending nudges follow a changed delay."""
    _flow_validate(
        quiet_hours_start=quiet_hours_start,
        quiet_hours_end=quiet_hours_end,
        frequency_cap=frequency_cap,
        steps=steps,
    )
    flow = flow_seed_default(store=store)
    Flow.objects.select_for_update().filter(pk=flow.pk).first()
    flow.quiet_hours_start, flow.quiet_hours_end = quiet_hours_start, quiet_hours_end
    flow.frequency_cap = frequency_cap
    if name:
        flow.name = name
    flow.save()
    existing = {s.position: s for s in Step.objects.for_store(store).filter(flow=flow)}
    for data in steps:
        step = existing.pop(data["position"], None) or Step(store=store, flow=flow, position=data["position"])
        delay_changed = step.pk is not None and step.delay_minutes != data["delay_minutes"]
        step.delay_minutes = data["delay_minutes"]
        step.templates = {lang.lower(): text.strip() for lang, text in data["templates"].items()}
        step.is_active = data.get("is_active", True)
        step.incentive_kind = data["incentive_kind"]
        step.discount_code = data["discount_code"].strip()
        step.incentive_text = data.get("incentive_text", "").strip()
        step.incentive_valid_days = data.get("incentive_valid_days", 7)
        step.save()
        if delay_changed:
            _steps_reschedule_pending(step=step)
        _discount_pool_extend(store=store, step=step, codes=data.get("pool_codes", []))
    for step in existing.values():
        if step.is_active:
            step.is_active = False
            step.save(update_fields=["is_active"])
    return flow


def _discount_pool_extend(*, store, step: Step, codes: list[str]) -> None:
    codes = [c.strip() for c in codes if c and c.strip()]
    if codes:
        DiscountCode.objects.bulk_create(
            [DiscountCode(store=store, step=step, code=c) for c in dict.fromkeys(codes)],
            ignore_conflicts=True,
        )


def consent_confirmation_send(*, store, customer: Customer, event) -> None:
    """The separate confirmation text a store may choose to send on each new consent (CTIA)."""
    # Imported here: conversations.sending imports this module (it cancels nudges on a carrier verdict).
    from conversations.sending import message_queue_outbound
    from conversations.services import thread_get_or_create

    if not consent_confirmation_is_separate(store) or not customer.can_be_texted:
        return
    if event.source == "keyword":
        # A START reply already carries the disclosures (the router's opt-in confirmation).
        return
    language = language_base(event.language or customer.locale) or language_base(store.default_language)
    if language not in defaults.LANGUAGES:
        language = "en"
    thread = thread_get_or_create(store=store, customer=customer)
    message_queue_outbound(
        store=store,
        thread=thread,
        body=consent_confirmation_text(store=store, language=language),
        route="consent",
    )
