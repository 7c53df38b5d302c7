"""Writes of the flows app: the schedule of nudges, and the flow and its steps (API and dashboard alike)."""

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import DateTimeField, ExpressionWrapper, Max, OuterRef, Subquery
from django.utils import timezone

from cartrecovery.db import insert_many, update_many
from cartrecovery.errors import ApplicationError
from conversations import wording
from conversations.languages import LANGUAGES
from conversations.placeholders import placeholders_check
from conversations.sms.segments import TWILIO_MAX_BODY_CHARS
from stores.eligibility import cart_texting_problem, store_texting_problem
from stores.models import Cart, Customer, Store
from stores.tenancy import ensure_same_store

from . import defaults
from .experiment_stats import MIN_TEXTS_PER_VARIANT
from .models import DiscountCode, Flow, IncentiveKind, Nudge, NudgeEvent, Step
from .rendering import consent_confirmation_is_separate, consent_confirmation_text, language_base
from .variants import VARIANT_KEYS, variant_delay_minutes, variant_for, variants_fingerprint


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
            variant = variant_for(step=step, cart_id=cart.pk)
            due_at = _due_at(cart, step, variant)
            nudge = existing.get(step.id)
            if nudge is None:
                nudge = Nudge.objects.create(
                    store=store, cart=cart, step=step, due_at=due_at, variant=variant
                )
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


def nudges_schedule_for_carts(*, store: Store, carts: list[Cart], with_items: set[int]) -> list[Nudge]:
    """`nudges_schedule_for_cart` for many carts at once (each once; `with_items`: the ids of those with
    items): the carts that stopped qualifying have their pending nudges cancelled (one call per reason),
    the others' nudges are created or moved, in one statement each for the set."""
    store_problem = store_texting_problem(store)
    problems = {
        cart.pk: store_problem or cart_texting_problem(cart, has_items=cart.pk in with_items)
        for cart in carts
    }
    by_reason: dict[str, list[Cart]] = {}
    for cart in carts:
        if problems[cart.pk]:
            by_reason.setdefault(problems[cart.pk], []).append(cart)
    for reason, stopped in by_reason.items():
        nudges_cancel_pending_many(store=store, reason=reason, carts=stopped)
    qualifying = [cart for cart in carts if not problems[cart.pk]]
    flow = flow_active_for(store=store) if qualifying else None
    if flow is None:
        return []
    now = timezone.now()
    new, moved, events = [], [], []
    with transaction.atomic():
        existing = {
            (n.cart_id, n.step_id): n
            for n in Nudge.objects.for_store(store).select_for_update().filter(cart__in=qualifying)
        }
        for cart in qualifying:
            for step in flow.steps.all():
                if not step.is_active:
                    continue
                variant = variant_for(step=step, cart_id=cart.pk)
                due_at = _due_at(cart, step, variant)
                nudge = existing.get((cart.pk, step.id))
                if nudge is None:
                    new.append(Nudge(store=store, cart=cart, step=step, due_at=due_at, variant=variant))
                elif _movable(nudge) and nudge.due_at != due_at:
                    revived = nudge.state == Nudge.State.CANCELLED
                    nudge.due_at, nudge.state, nudge.reason = due_at, Nudge.State.SCHEDULED, ""
                    nudge.updated_at = now
                    moved.append(nudge)
                    events.append(
                        NudgeEvent(
                            store=store,
                            nudge=nudge,
                            kind="scheduled" if revived else "moved",
                            reason="cart active again" if revived else "cart updated",
                            at=now,
                        )
                    )
        insert_many(Nudge, new)
        if moved:
            update_many(Nudge, moved, ["due_at", "state", "reason", "updated_at"])
        events += [NudgeEvent(store=store, nudge=nudge, kind="scheduled", at=now) for nudge in new]
        insert_many(NudgeEvent, events)
    return [*new, *moved]


def nudges_schedule_for_new_carts(*, store, carts: list[Cart], with_items: set[int]) -> list[Nudge]:
    """`nudges_schedule_for_cart` for carts created a moment ago (they have no nudges yet), in two INSERTs
    for the set. A cart that does not qualify gets nothing: it has nothing to cancel."""
    flow = flow_active_for(store=store)
    if flow is None or store_texting_problem(store):
        return []
    steps = [step for step in flow.steps.all() if step.is_active]
    qualifying = [cart for cart in carts if not cart_texting_problem(cart, has_items=cart.pk in with_items)]
    nudges = insert_many(
        Nudge,
        [
            Nudge(
                store=store,
                cart=cart,
                step=step,
                due_at=_due_at(cart, step, variant := variant_for(step=step, cart_id=cart.pk)),
                variant=variant,
            )
            for cart in qualifying
            for step in steps
        ],
    )
    now = timezone.now()
    insert_many(
        NudgeEvent, [NudgeEvent(store=store, nudge=nudge, kind="scheduled", at=now) for nudge in nudges]
    )
    return nudges


def _due_at(cart: Cart, step: Step, variant: str = ""):
    return cart.last_activity_at + timedelta(minutes=variant_delay_minutes(step, variant))


def nudges_cancel_pending(
    *, store, reason: str, cart: Cart | None = None, customer: Customer | None = None
) -> int:
    """Cancel every nudge not yet sent for a cart or for all of a customer's carts."""
    if cart is None and customer is None:
        raise ValueError("Say whose nudges to cancel: a cart or a customer.")
    return nudges_cancel_pending_many(
        store=store, reason=reason, carts=[cart] if cart else [], customers=[customer] if customer else []
    )


def nudges_cancel_pending_many(*, store, reason: str, carts=(), customers=()) -> int:
    """Cancel every nudge not yet sent for these carts and for all carts of these customers, at once."""
    cart_ids = {getattr(cart, "pk", cart) for cart in carts}
    customers = list(customers)
    if not cart_ids and not customers:
        return 0
    now = timezone.now()
    with transaction.atomic():
        if customers:
            # Their carts first, through the carts' customer index: joined in the nudges' statement, the
            # planner walked every scheduled nudge of the store to find a shopper's one or two (50–70 ms a
            # call in the 50,000-webhook load run, once per order and per STOP).
            mine = Cart.objects.for_store(store).filter(customer__in=customers)
            cart_ids.update(mine.values_list("id", flat=True))
        pending = Nudge.objects.for_store(store).filter(cart_id__in=cart_ids, state=Nudge.State.SCHEDULED)
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
    own_delay = [v["key"] for v in step.variants or [] if v.get("delay_minutes")]
    Nudge.objects.filter(step=step, state=Nudge.State.SCHEDULED, deferred_count=0).exclude(
        variant__in=own_delay
    ).update(
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
    incentive_min_cart_value: Decimal | None = None,
    incentive_only_if_not_clicked: bool = False,
) -> None:
    """The rules of one step, whichever door it comes through (fields named as the step editor's)."""
    if delay_minutes < 1:
        raise ApplicationError("The delay must be at least one minute.", extra={"field": "delay"})
    _templates_check(templates)
    if incentive_kind == IncentiveKind.FIXED_CODE and not discount_code.strip():
        raise ApplicationError("Give the discount code to send.", extra={"field": "discount_code"})
    incentive_conditions_check(
        incentive_kind=incentive_kind,
        min_cart_value=incentive_min_cart_value,
        only_if_not_clicked=incentive_only_if_not_clicked,
    )
    if incentive_kind == IncentiveKind.UNIQUE_CODE:
        _unique_code_value_check(percent=incentive_percent, amount=incentive_amount)


def _unique_code_value_check(*, percent: int | None, amount: Decimal | None) -> None:
    """A code made in Shopify takes a percentage (1–100) or an amount (above 0) off, one of the two."""
    if percent is None and amount is None:
        raise ApplicationError(
            "Give the code's value: a percentage or an amount off.", extra={"field": "incentive_percent"}
        )
    if percent is not None and amount is not None:
        raise ApplicationError(
            "Give the code's value: a percentage or an amount off, not both.",
            extra={"field": "incentive_percent"},
        )
    if percent is not None and not 1 <= percent <= 100:
        raise ApplicationError("A percentage off is between 1 and 100.", extra={"field": "incentive_percent"})
    if amount is not None and not Decimal("0") < amount <= Decimal("100000"):
        raise ApplicationError("An amount off is above 0.", extra={"field": "incentive_amount"})


def _templates_check(templates, *, field: str = "template", whose: str = "") -> None:
    """The texts of a step or variant: one language or more, each written, short, known placeholders."""
    if not isinstance(templates, dict) or not templates:
        raise ApplicationError(
            f"{whose}Every step needs a text in at least one language.", extra={"field": field}
        )
    for language, template in templates.items():
        if not isinstance(template, str) or not template.strip():
            raise ApplicationError(f"{whose}Write the text.", extra={"field": field, "language": language})
        if len(template) > TWILIO_MAX_BODY_CHARS:
            raise ApplicationError(
                f"{whose}A text can carry at most {TWILIO_MAX_BODY_CHARS} characters.",
                extra={"field": field, "language": language},
            )
        try:
            placeholders_check(template, field=field)
        except ApplicationError as exc:
            raise ApplicationError(whose + exc.message, extra=exc.extra, code=exc.code) from exc


# --- Variants of a step and the experiment over them ---------------------------------------------

_INCENTIVE_DEFAULTS = {"kind": IncentiveKind.NONE, "discount_code": "", "text": "", "valid_days": 7}


def variants_clean(raw, *, field: str = "variants") -> list[dict]:
    """A step's variants as stored: [] (the step's own text) or 2–4 of {key A–D, weight, templates,
    incentive, delay_minutes}, each checked like a step. Every refusal names the variant and the rule."""
    if raw in (None, []):
        return []
    if not isinstance(raw, list) or not 2 <= len(raw) <= len(VARIANT_KEYS):
        raise ApplicationError(
            f"A step tests 2 to {len(VARIANT_KEYS)} variants (or none).", extra={"field": field}
        )
    cleaned, seen = [], set()
    for item in raw:
        if not isinstance(item, dict):
            raise ApplicationError(
                "Each variant is an object with key, weight and templates.", extra={"field": field}
            )
        key = str(item.get("key", "")).strip().upper()
        if key not in VARIANT_KEYS:
            raise ApplicationError(
                f"Variant keys are {', '.join(VARIANT_KEYS)}; got {item.get('key')!r}.",
                extra={"field": field},
            )
        if key in seen:
            raise ApplicationError(
                f"Variant {key} is given twice: keys must be unique.", extra={"field": field}
            )
        seen.add(key)
        whose = f"Variant {key}: "
        weight = item.get("weight", 1)
        if isinstance(weight, bool) or not isinstance(weight, int) or not 1 <= weight <= 1000:
            raise ApplicationError(
                whose + "the weight must be a whole number from 1 to 1000.", extra={"field": field}
            )
        templates = item.get("templates") or {}
        _templates_check(templates, field=field, whose=whose)
        incentive = _variant_incentive_clean(item.get("incentive") or {}, field=field, whose=whose)
        delay = item.get("delay_minutes")
        if delay is not None and (
            isinstance(delay, bool) or not isinstance(delay, int) or not 1 <= delay <= 30 * 24 * 60
        ):
            raise ApplicationError(
                whose + "the delay must be whole minutes, from 1 to 30 days.", extra={"field": field}
            )
        cleaned.append(
            {
                "key": key,
                "weight": weight,
                "templates": {lang.lower(): text.strip() for lang, text in templates.items()},
                "incentive": incentive,
                "delay_minutes": delay,
            }
        )
    return sorted(cleaned, key=lambda v: v["key"])


def _variant_incentive_clean(incentive, *, field: str, whose: str) -> dict:
    if not isinstance(incentive, dict) or set(incentive) - {*_INCENTIVE_DEFAULTS, *_CONDITIONS, "pool_codes"}:
        raise ApplicationError(
            whose + "the incentive is {kind, discount_code, text, valid_days, min_cart_value, "
            "only_if_not_clicked}.",
            extra={"field": field},
        )
    if incentive.get("pool_codes"):
        raise ApplicationError(
            whose + "pool codes go on the step's own incentive: its variants share the step's pool.",
            extra={"field": field},
        )
    merged = {**_INCENTIVE_DEFAULTS, **{k: v for k, v in incentive.items() if k != "pool_codes"}}
    if merged["kind"] not in IncentiveKind.values:
        raise ApplicationError(
            whose + f"the incentive kind is one of {', '.join(IncentiveKind.values)}.", extra={"field": field}
        )
    code, text, days = merged["discount_code"], merged["text"], merged["valid_days"]
    if not isinstance(code, str) or len(code) > 64 or not isinstance(text, str) or len(text) > 200:
        raise ApplicationError(
            whose + "a discount code has at most 64 characters, an incentive text 200.",
            extra={"field": field},
        )
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 365:
        raise ApplicationError(whose + "an offer lasts 1 to 365 days.", extra={"field": field})
    if merged["kind"] == IncentiveKind.FIXED_CODE and not code.strip():
        raise ApplicationError(whose + "give the discount code to send.", extra={"field": field})
    conditions = _variant_conditions_clean(incentive, kind=merged["kind"], field=field, whose=whose)
    return {
        "kind": merged["kind"],
        "discount_code": code.strip(),
        "text": text.strip(),
        "valid_days": days,
        **conditions,
    }


_CONDITIONS = ("min_cart_value", "only_if_not_clicked")


def _variant_conditions_clean(incentive: dict, *, kind: str, field: str, whose: str) -> dict:
    """A variant's "only when needed" conditions, checked by the step's rule; kept only when set."""
    raw_minimum, only_if_not_clicked = incentive.get("min_cart_value"), incentive.get("only_if_not_clicked")
    if only_if_not_clicked not in (None, True, False):
        raise ApplicationError(whose + "only_if_not_clicked is true or false.", extra={"field": field})
    try:
        minimum = None if raw_minimum in (None, "") else Decimal(str(raw_minimum))
    except ArithmeticError as exc:
        raise ApplicationError(whose + "min_cart_value is a number.", extra={"field": field}) from exc
    try:
        incentive_conditions_check(
            incentive_kind=kind, min_cart_value=minimum, only_if_not_clicked=bool(only_if_not_clicked)
        )
    except ApplicationError as exc:
        raise ApplicationError(whose + exc.message, extra={"field": field}) from exc
    conditions: dict = {}
    if minimum is not None:
        conditions["min_cart_value"] = str(minimum.quantize(Decimal("0.01")))
    if only_if_not_clicked:
        conditions["only_if_not_clicked"] = True
    return conditions


def _experiment_follow(step: Step, variants: list[dict]) -> dict:
    """The experiment after the step's variants are (re)written: new or changed variants start a fresh
    one (texts of other versions would mix into its numbers); removing them stops a running one."""
    current = dict(step.experiment or {})
    if not variants:
        if current.get("status") == "running":
            current.update(status="stopped", stopped_at=timezone.now().isoformat())
        return current
    fingerprint = variants_fingerprint(variants)
    if current.get("fingerprint") == fingerprint and current.get("status") in ("running", "decided"):
        return current
    return {
        "status": "running",
        "winner": None,
        "started_at": timezone.now().isoformat(),
        "decided_at": None,
        "fingerprint": fingerprint,
        "statement": f"Collecting texts: each variant needs {MIN_TEXTS_PER_VARIANT} before any decision.",
        "numbers": {},
    }


def step_variants_update(*, store: Store, step: Step, variants) -> Step:
    """Replace a step's variants (dashboard and API alike); the experiment follows."""
    ensure_same_store(store, step)
    cleaned = variants_clean(variants)
    with transaction.atomic():
        Flow.objects.select_for_update().filter(pk=step.flow_id).first()
        step.refresh_from_db(fields=["variants", "experiment"])
        step.experiment = _experiment_follow(step, cleaned)
        step.variants = cleaned
        step.save(update_fields=["variants", "experiment"])
    return step


def step_experiment_record(*, store: Store, step: Step, fingerprint: str, outcome: dict) -> bool:
    """Keep the scheduler's latest reading of a running experiment (its numbers, its statement and, once
    decided, the winner). Ignored when the variants changed meanwhile: the reading is of another test."""
    ensure_same_store(store, step)
    with transaction.atomic():
        locked = Step.objects.for_store(store).select_for_update().filter(pk=step.pk).first()
        if locked is None:
            return False
        experiment = dict(locked.experiment or {})
        if experiment.get("status") != "running" or experiment.get("fingerprint") != fingerprint:
            return False
        experiment["numbers"] = outcome.get("numbers", {})
        experiment["statement"] = outcome.get("statement", "")
        if outcome.get("winner"):
            experiment.update(
                status="decided", winner=outcome["winner"], decided_at=timezone.now().isoformat()
            )
        if experiment == locked.experiment:
            return False
        locked.experiment = experiment
        locked.save(update_fields=["experiment"])
        step.experiment = experiment
    return True


MAX_MIN_CART_VALUE = Decimal("1000000")


def incentive_conditions_check(
    *, incentive_kind: str, min_cart_value: Decimal | None, only_if_not_clicked: bool
) -> None:
    """ "Only when needed": the conditions of an incentive (a step's or a variant's), checked one way."""
    if min_cart_value is not None:
        if not min_cart_value.is_finite() or not Decimal(0) < min_cart_value < MAX_MIN_CART_VALUE:
            raise ApplicationError(
                "The minimum cart value must be more than 0 and less than 1,000,000.",
                extra={"field": "incentive_min_cart_value"},
            )
        exponent = min_cart_value.as_tuple().exponent
        if isinstance(exponent, int) and exponent < -2:
            raise ApplicationError(
                "Give the minimum cart value with at most two decimals.",
                extra={"field": "incentive_min_cart_value"},
            )
    if incentive_kind == IncentiveKind.NONE and (min_cart_value is not None or only_if_not_clicked):
        raise ApplicationError(
            "Conditions apply to an incentive: choose one, or clear the conditions.",
            extra={"field": "incentive_kind"},
        )


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
                incentive_min_cart_value=step.get("incentive_min_cart_value"),
                incentive_only_if_not_clicked=step.get("incentive_only_if_not_clicked", False),
            )
            step["variants"] = variants_clean(step.get("variants"), field="variants")
        except ApplicationError as exc:
            field = f"steps[{step['position']}]"
            if exc.extra.get("field") == "variants":
                field += ".variants"
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
            experiment=_experiment_follow(step, data["variants"]),
            variants=data["variants"],
            incentive_min_cart_value=data.get("incentive_min_cart_value"),
            incentive_only_if_not_clicked=data.get("incentive_only_if_not_clicked", False),
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
    incentive_min_cart_value: Decimal | None = None,
    incentive_only_if_not_clicked: bool = False,
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
        incentive_min_cart_value=incentive_min_cart_value,
        incentive_only_if_not_clicked=incentive_only_if_not_clicked,
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
        incentive_min_cart_value=incentive_min_cart_value,
        incentive_only_if_not_clicked=incentive_only_if_not_clicked,
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
SHIPPED_REPLIES = {
    "fallback": wording.FALLBACK_REPLY,
    "holding": wording.HOLDING_REPLY,
    "opt_out": wording.OPT_OUT_CONFIRMATION,
    "opt_in": wording.OPT_IN_CONFIRMATION,
}


def flow_replies_clean(replies) -> dict[str, dict[str, str]]:
    """{kind: {language: text}}, keeping only texts that differ from the shipped one (which stays live)."""
    if not isinstance(replies, dict):
        raise ApplicationError(
            "Give {kind: {language: text}}, kind one of " + ", ".join(SHIPPED_REPLIES) + ".",
            extra={"field": "replies"},
        )
    unknown_kinds = sorted(set(replies) - set(SHIPPED_REPLIES))
    if unknown_kinds:
        raise ApplicationError(
            f"Unknown reply “{unknown_kinds[0]}”: use one of {', '.join(SHIPPED_REPLIES)}.",
            extra={"field": "replies"},
        )
    for kind, texts in replies.items():
        unknown_languages = sorted(set(texts) - set(LANGUAGES)) if isinstance(texts, dict) else []
        if unknown_languages:
            raise ApplicationError(
                f"{kind}: unknown language “{unknown_languages[0]}”: use one of {', '.join(LANGUAGES)}.",
                extra={"field": "replies"},
            )
    cleaned: dict[str, dict[str, str]] = {}
    for kind, texts in replies.items():
        if not isinstance(texts, dict) or set(texts) - set(LANGUAGES):
            raise ApplicationError(
                f"{kind}: give {{language: text}} with languages among {', '.join(LANGUAGES)}.",
                extra={"field": "replies"},
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
            if text and text != SHIPPED_REPLIES[kind].get(language):
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
