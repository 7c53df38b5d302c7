"""Writes of the flows app: the schedule of nudges, and the flow and its steps (API and dashboard alike)."""

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import DateTimeField, ExpressionWrapper, Max, OuterRef, Subquery
from django.utils import timezone

from cartrecovery.errors import ApplicationError
from conversations import wording
from conversations.languages import LANGUAGES
from conversations.placeholders import placeholders_check
from conversations.sms.segments import TWILIO_MAX_BODY_CHARS
from stores.eligibility import cart_texting_problem, store_texting_problem
from stores.models import Cart, Customer, Store
from stores.tenancy import ensure_same_store

from . import defaults
from .models import DiscountCode, Flow, IncentiveKind, Nudge, NudgeEvent, Step
from .rendering import consent_confirmation_is_separate, consent_confirmation_text, language_base


def flow_active_for(*, store: Store) -> Flow | None:
    return Flow.objects.for_store(store).filter(is_active=True).prefetch_related("steps").first()


@transaction.atomic
def flow_seed_default(*, store: Store) -> Flow:
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


def _movable(nudge: Nudge) -> bool:
    if nudge.state == Nudge.State.SCHEDULED:
        return True
    # A cancelled nudge comes back when its cart qualifies again, unless the cart was bought.
    return nudge.state == Nudge.State.CANCELLED and not nudge.reason.startswith("order")


def nudges_schedule_for_cart(*, store: Store, cart: Cart) -> list[Nudge]:
    """Enroll a cart in the store's active flow, or move its pending due times after new activity.

    Only a cart with a consenting, textable shopper is enrolled; a cart that stopped qualifying (emptied,
    consent withdrawn) has its pending nudges cancelled, and they come back if it qualifies again.
    """
    ensure_same_store(store, cart)
    problem = store_texting_problem(store) or cart_texting_problem(cart)
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
            due_at = _due_at(cart, step)
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


def nudges_schedule_for_new_carts(*, store, carts: list[Cart], with_items: set[int]) -> list[Nudge]:
    """`nudges_schedule_for_cart` for carts created a moment ago (they have no nudges yet), in two INSERTs
    for the set. A cart that does not qualify gets nothing: it has nothing to cancel."""
    flow = flow_active_for(store=store)
    if flow is None or store_texting_problem(store):
        return []
    steps = [step for step in flow.steps.all() if step.is_active]
    qualifying = [cart for cart in carts if not cart_texting_problem(cart, has_items=cart.pk in with_items)]
    nudges = Nudge.objects.bulk_create(
        [
            Nudge(store=store, cart=cart, step=step, due_at=_due_at(cart, step))
            for cart in qualifying
            for step in steps
        ]
    )
    now = timezone.now()
    NudgeEvent.objects.bulk_create(
        [NudgeEvent(store=store, nudge=nudge, kind="scheduled", at=now) for nudge in nudges]
    )
    return nudges


def _due_at(cart: Cart, step: Step):
    return cart.last_activity_at + timedelta(minutes=step.delay_minutes)


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


def nudges_cancel_all_pending(*, store: Store, reason: str) -> int:
    """Cancel every nudge of the store not yet sent (its sending was stopped)."""
    now = timezone.now()
    with transaction.atomic():
        ids = list(
            Nudge.objects.for_store(store)
            .filter(state=Nudge.State.SCHEDULED)
            .select_for_update()
            .values_list("id", flat=True)
        )
        Nudge.objects.filter(id__in=ids).update(state=Nudge.State.CANCELLED, reason=reason, updated_at=now)
        NudgeEvent.objects.bulk_create(
            [NudgeEvent(store=store, nudge_id=i, kind="cancelled", reason=reason, at=now) for i in ids]
        )
    return len(ids)


def nudge_mark_failed(*, store: Store, nudge_id: int, reason: str) -> None:
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


# --- The flow's rules and steps: one set of checks behind the API and the dashboard ------------------

FOLLOW_UP_DELAY_MINUTES = 24 * 60


def _flow_rules_check(*, quiet_hours_start: int, quiet_hours_end: int, frequency_cap: int) -> None:
    if not 0 <= quiet_hours_start < quiet_hours_end <= 24:
        raise ApplicationError("Texting must start before it stops.", extra={"field": "quiet_hours"})
    if not 1 <= frequency_cap <= 10:
        raise ApplicationError("Allow between 1 and 10 texts per day.", extra={"field": "frequency_cap"})


def _step_check(
    *,
    delay_minutes: int,
    templates: dict,
    incentive_kind: str,
    discount_code: str,
    incentive_percent: int | None = None,
    incentive_amount: Decimal | None = None,
) -> None:
    """The rules of one step, whichever door it comes through (fields named as the step editor's)."""
    if delay_minutes < 1:
        raise ApplicationError("The delay must be at least one minute.", extra={"field": "delay"})
    if not templates:
        raise ApplicationError(
            "Every step needs a text in at least one language.", extra={"field": "template"}
        )
    for language, template in templates.items():
        if not template.strip():
            raise ApplicationError("Write the text.", extra={"field": "template", "language": language})
        if len(template) > TWILIO_MAX_BODY_CHARS:
            raise ApplicationError(
                f"A text can carry at most {TWILIO_MAX_BODY_CHARS} characters.",
                extra={"field": "template", "language": language},
            )
        placeholders_check(template, field="template")
    if incentive_kind == IncentiveKind.FIXED_CODE and not discount_code.strip():
        raise ApplicationError("Give the discount code to send.", extra={"field": "discount_code"})
    if incentive_kind == IncentiveKind.UNIQUE_CODE:
        _unique_code_value_check(percent=incentive_percent, amount=incentive_amount)


def _unique_code_value_check(*, percent: int | None, amount: Decimal | None) -> None:
    """A code made in Shopify takes a percentage (1–100) or an amount (above 0) off, one of the two."""
    if (percent is None) == (amount is None):
        raise ApplicationError(
            "Give the code's value: a percentage or an amount off, not both.",
            extra={"field": "incentive_percent"},
        )
    if percent is not None and not 1 <= percent <= 100:
        raise ApplicationError("A percentage off is between 1 and 100.", extra={"field": "incentive_percent"})
    if amount is not None and not Decimal("0") < amount <= Decimal("100000"):
        raise ApplicationError("An amount off is above 0.", extra={"field": "incentive_amount"})


def _step_write(*, step: Step, delay_minutes: int, **fields) -> Step:
    """Save a checked step; a new delay moves the step's pending nudges, through either door."""
    delay_changed = step.pk is not None and step.delay_minutes != delay_minutes
    step.delay_minutes = delay_minutes
    for name, value in fields.items():
        setattr(step, name, value)
    step.save()
    if delay_changed:
        _steps_reschedule_pending(step=step)
    return step


def _steps_in_check(steps: list[dict]) -> None:
    positions = [s["position"] for s in steps]
    if not steps or len(set(positions)) != len(positions):
        raise ApplicationError(
            "Give at least one step, each with its own position.", extra={"field": "steps"}
        )
    for step in steps:
        try:
            _step_check(
                delay_minutes=step["delay_minutes"],
                templates=step["templates"],
                incentive_kind=step["incentive_kind"],
                discount_code=step["discount_code"],
                incentive_percent=step.get("incentive_percent"),
                incentive_amount=step.get("incentive_amount"),
            )
        except ApplicationError as exc:
            field = f"steps[{step['position']}]"
            raise ApplicationError(exc.message, extra={**exc.extra, "field": field}, code=exc.code) from exc


@transaction.atomic
def flow_update(
    *,
    store: Store,
    quiet_hours_start: int,
    quiet_hours_end: int,
    frequency_cap: int,
    steps: list[dict],
    name: str | None = None,
) -> Flow:
    """Replace the active flow's rules and steps (matched by position). A step left out is switched off,
    not deleted, so the history of what it sent stays; pending nudges follow a changed delay."""
    _flow_rules_check(
        quiet_hours_start=quiet_hours_start, quiet_hours_end=quiet_hours_end, frequency_cap=frequency_cap
    )
    _steps_in_check(steps)
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
        _step_write(
            step=step,
            delay_minutes=data["delay_minutes"],
            templates={lang.lower(): text.strip() for lang, text in data["templates"].items()},
            is_active=data.get("is_active", True),
            incentive_kind=data["incentive_kind"],
            discount_code=data["discount_code"].strip(),
            incentive_text=data.get("incentive_text", "").strip(),
            incentive_valid_days=data.get("incentive_valid_days", 7),
            **_unique_code_value(data),
        )
        _discount_pool_extend(store=store, step=step, codes=data.get("pool_codes", []))
    for step in existing.values():
        if step.is_active:
            step.is_active = False
            step.save(update_fields=["is_active"])
    return flow


@transaction.atomic
def step_update(
    *,
    store: Store,
    step: Step,
    delay_minutes: int,
    is_active: bool,
    incentive_kind: str,
    discount_code: str,
    incentive_text: str,
    incentive_valid_days: int,
    language: str,
    template: str,
    remove_language: bool = False,
    incentive_percent: int | None = None,
    incentive_amount: Decimal | None = None,
) -> Step:
    """Save a step's timing and incentive, and its text in one language (or drop that language)."""
    ensure_same_store(store, step)
    Flow.objects.select_for_update().filter(pk=step.flow_id).first()
    templates = dict(step.templates)
    if remove_language:
        if language == store.default_language:
            raise ApplicationError(
                "The store's default language cannot be removed.", extra={"field": "template"}
            )
        templates.pop(language, None)
    else:
        templates[language] = template.strip()
    _step_check(
        delay_minutes=delay_minutes,
        templates=templates,
        incentive_kind=incentive_kind,
        discount_code=discount_code,
        incentive_percent=incentive_percent,
        incentive_amount=incentive_amount,
    )
    return _step_write(
        step=step,
        delay_minutes=delay_minutes,
        templates=templates,
        is_active=is_active,
        incentive_kind=incentive_kind,
        discount_code=discount_code.strip(),
        incentive_text=incentive_text.strip(),
        incentive_valid_days=incentive_valid_days,
        **_unique_code_value(
            {
                "incentive_kind": incentive_kind,
                "incentive_percent": incentive_percent,
                "incentive_amount": incentive_amount,
            }
        ),
    )


def _unique_code_value(data: dict) -> dict:
    """The value fields as stored: kept only for a unique_code step (checked by `_step_check`)."""
    unique = data["incentive_kind"] == IncentiveKind.UNIQUE_CODE
    return {
        "incentive_percent": data.get("incentive_percent") if unique else None,
        "incentive_amount": data.get("incentive_amount") if unique else None,
    }


@transaction.atomic
def step_add(*, store: Store, flow: Flow) -> Step:
    """A follow-up after the last step, starting from the recommended follow-up texts (off until saved on)."""
    ensure_same_store(store, flow)
    Flow.objects.select_for_update().filter(pk=flow.pk).first()
    last = flow.steps.aggregate(position=Max("position"), delay=Max("delay_minutes"))
    return Step.objects.create(
        store=store,
        flow=flow,
        position=(last["position"] or 0) + 1,
        delay_minutes=(last["delay"] or 0) + FOLLOW_UP_DELAY_MINUTES,
        templates=dict(defaults.SECOND_STEP_TEMPLATES),
        is_active=False,
    )


def flow_settings_update(
    *,
    store: Store,
    flow: Flow,
    quiet_hours_start: int,
    quiet_hours_end: int,
    frequency_cap: int,
    fallback_reply: str,
    holding_reply: str,
    replies: dict | None = None,
) -> Flow:
    """The store's own sending window and cap; the law's stricter rules still apply on top of them."""
    ensure_same_store(store, flow)
    _flow_rules_check(
        quiet_hours_start=quiet_hours_start, quiet_hours_end=quiet_hours_end, frequency_cap=frequency_cap
    )
    placeholders_check(fallback_reply, field="fallback_reply")
    placeholders_check(holding_reply, field="holding_reply")
    flow.quiet_hours_start = quiet_hours_start
    flow.quiet_hours_end = quiet_hours_end
    flow.frequency_cap = frequency_cap
    flow.fallback_reply = fallback_reply.strip()
    flow.holding_reply = holding_reply.strip()
    if replies is not None:
        flow.replies = flow_replies_clean(replies)
    flow.save()
    return flow


# The router's replies a store may word per language; the shipped texts are conversations'.
_SHIPPED_REPLIES = {
    "fallback": wording.FALLBACK_REPLY,
    "holding": wording.HOLDING_REPLY,
    "opt_out": wording.OPT_OUT_CONFIRMATION,
    "opt_in": wording.OPT_IN_CONFIRMATION,
}


def flow_replies_clean(replies) -> dict[str, dict[str, str]]:
    """{kind: {language: text}}, keeping only texts that differ from the shipped one (which stays live)."""
    if not isinstance(replies, dict) or set(replies) - set(_SHIPPED_REPLIES):
        raise ApplicationError(
            "Replies are {kind: {language: text}} with kind one of " + ", ".join(_SHIPPED_REPLIES) + ".",
            extra={"field": "replies"},
        )
    cleaned: dict[str, dict[str, str]] = {}
    for kind, texts in replies.items():
        if not isinstance(texts, dict) or set(texts) - set(LANGUAGES):
            raise ApplicationError(
                f"{kind}: give one text per language ({', '.join(LANGUAGES)}).", extra={"field": "replies"}
            )
        for language, text in texts.items():
            text = str(text or "").strip()
            field = f"{kind}_{language}"
            if len(text) > TWILIO_MAX_BODY_CHARS:
                raise ApplicationError(
                    f"A text can carry at most {TWILIO_MAX_BODY_CHARS} characters.", extra={"field": field}
                )
            placeholders_check(text, field=field)
            if kind == "opt_in" and text and "STOP" not in text.upper():
                raise ApplicationError(
                    "An opt-in confirmation must say how to opt out (STOP): carriers require it.",
                    extra={"field": field},
                )
            if text and text != _SHIPPED_REPLIES[kind].get(language):
                cleaned.setdefault(kind, {})[language] = text
    return cleaned


@transaction.atomic
def step_delete(*, store: Store, step: Step) -> None:
    """Delete the flow's last step if it never scheduled a text: history stays intact, positions dense."""
    ensure_same_store(store, step)
    Flow.objects.select_for_update().filter(pk=step.flow_id).first()
    if step.position == 1:
        raise ApplicationError("The first step cannot be deleted; turn it off instead.")
    if step.flow.steps.filter(position__gt=step.position).exists():
        raise ApplicationError("Delete the later steps first, or turn this one off.")
    if step.nudges.exists():
        raise ApplicationError("This step has texts on record; turn it off instead.")
    step.delete()


def _discount_pool_extend(*, store: Store, step: Step, codes: list[str]) -> None:
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

    if (
        store_texting_problem(store)
        or not consent_confirmation_is_separate(store)
        or not customer.can_be_texted
    ):
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
