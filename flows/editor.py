"""Writes behind the dashboard's flow editor and settings: steps, their texts, the flow's rules."""

from django.db import transaction
from django.db.models import Max

from cartrecovery.errors import ApplicationError
from conversations.sms.segments import TWILIO_MAX_BODY_CHARS
from stores.store_settings import SettingsInvalid

from . import defaults
from .models import Flow, IncentiveKind, Step

FOLLOW_UP_DELAY_MINUTES = 24 * 60


def _check_same_store(*, store, obj) -> None:
    if obj.store_id != store.id:
        raise ValueError("That belongs to another store.")


def step_update(
    *,
    store,
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
) -> Step:
    """Save a step's timing and incentive, and its text in one language (or drop that language)."""
    _check_same_store(store=store, obj=step)
    template = template.strip()
    if delay_minutes < 1:
        raise ApplicationError("The delay must be at least one minute.", extra={"field": "delay"})
    if incentive_kind == IncentiveKind.FIXED_CODE and not discount_code.strip():
        raise ApplicationError("Give the discount code to send.", extra={"field": "discount_code"})
    templates = dict(step.templates)
    if remove_language:
        if language == store.default_language:
            raise ApplicationError(
                "The store's default language cannot be removed.", extra={"field": "template"}
            )
        templates.pop(language, None)
    else:
        if not template:
            raise ApplicationError("Write the text.", extra={"field": "template"})
        if len(template) > TWILIO_MAX_BODY_CHARS:
            raise ApplicationError(
                f"A text can carry at most {TWILIO_MAX_BODY_CHARS} characters.", extra={"field": "template"}
            )
        templates[language] = template
    step.delay_minutes = delay_minutes
    step.is_active = is_active
    step.incentive_kind = incentive_kind
    step.discount_code = discount_code.strip()
    step.incentive_text = incentive_text.strip()
    step.incentive_valid_days = incentive_valid_days
    step.templates = templates
    step.save()
    return step


@transaction.atomic
def step_add(*, store, flow: Flow) -> Step:
    """A follow-up after the last step, starting from the recommended follow-up texts (off until saved on)."""
    _check_same_store(store=store, obj=flow)
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
    store,
    flow: Flow,
    quiet_hours_start: int,
    quiet_hours_end: int,
    frequency_cap: int,
    fallback_reply: str,
    holding_reply: str,
) -> Flow:
    """The store's own sending window and cap; the law's stricter rules still apply on top of them."""
    _check_same_store(store=store, obj=flow)
    if not 0 <= quiet_hours_start < quiet_hours_end <= 24:
        raise ApplicationError("Texting must start before it stops.", extra={"field": "quiet_hours_end"})
    if not 1 <= frequency_cap <= 10:
        raise ApplicationError("Allow between 1 and 10 texts per day.", extra={"field": "frequency_cap"})
    flow.quiet_hours_start = quiet_hours_start
    flow.quiet_hours_end = quiet_hours_end
    flow.frequency_cap = frequency_cap
    flow.fallback_reply = fallback_reply.strip()
    flow.holding_reply = holding_reply.strip()
    flow.save()
    return flow


@transaction.atomic
def step_delete(*, store, step: Step) -> None:
    """Delete the flow's last step if it never scheduled a text: history stays intact, positions dense."""
    _check_same_store(store=store, obj=step)
    Flow.objects.select_for_update().filter(pk=step.flow_id).first()
    if step.position == 1:
        raise ApplicationError("The first step cannot be deleted; turn it off instead.")
    if step.flow.steps.filter(position__gt=step.position).exists():
        raise ApplicationError("Delete the later steps first, or turn this one off.")
    if step.nudges.exists():
        raise ApplicationError("This step has texts on record; turn it off instead.")
    step.delete()


# The flow's part of the store's settings (`stores.store_settings`): public names, partial changes.
FLOW_SETTINGS = frozenset({"quiet_hours", "frequency_cap", "fallback_reply", "holding_reply"})


def flow_settings_read(*, store) -> dict:
    flow = Flow.objects.for_store(store).filter(is_active=True).first()
    if flow is None:
        return {"quiet_hours": None, "frequency_cap": None, "fallback_reply": "", "holding_reply": ""}
    return {
        "quiet_hours": {"start": flow.quiet_hours_start, "end": flow.quiet_hours_end},
        "frequency_cap": flow.frequency_cap,
        "fallback_reply": flow.fallback_reply,
        "holding_reply": flow.holding_reply,
    }


def flow_settings_apply(*, store, changes: dict) -> None:
    flow = Flow.objects.for_store(store).select_for_update().filter(is_active=True).first()
    if flow is None:
        raise SettingsInvalid({name: ["Create the store's flow first."] for name in changes})
    current = flow_settings_read(store=store)
    merged = {**current, **changes}
    quiet = merged["quiet_hours"]
    if not (isinstance(quiet, dict) and all(type(quiet.get(key)) is int for key in ("start", "end"))):
        raise SettingsInvalid({"quiet_hours": ['Hours as {"start": 8, "end": 21}.']})
    cap = merged["frequency_cap"]
    if type(cap) is not int:
        raise SettingsInvalid({"frequency_cap": ["A whole number of texts."]})
    replies = {name: merged[name] for name in ("fallback_reply", "holding_reply")}
    bad = [
        name
        for name, text in replies.items()
        if not isinstance(text, str) or len(text) > TWILIO_MAX_BODY_CHARS
    ]
    if bad:
        raise SettingsInvalid(
            {name: [f"Text of at most {TWILIO_MAX_BODY_CHARS} characters."] for name in bad}
        )
    try:
        flow_settings_update(
            store=store,
            flow=flow,
            quiet_hours_start=quiet["start"],
            quiet_hours_end=quiet["end"],
            frequency_cap=cap,
            **replies,
        )
    except ApplicationError as exc:
        field = exc.extra.get("field", "")
        raise SettingsInvalid(
            {"quiet_hours" if field.startswith("quiet_hours") else field: [exc.message]}
        ) from exc
