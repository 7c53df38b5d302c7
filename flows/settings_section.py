"""The flow's part of the store's settings (`stores.store_settings`): public names, partial changes."""

from cartrecovery.errors import ApplicationError
from conversations.sms.segments import TWILIO_MAX_BODY_CHARS
from stores.store_settings import SettingsInvalid

from .models import Flow
from .services import flow_settings_update

# `replies`: the router's replies per language, {"fallback"|"holding"|"opt_out"|"opt_in": {"fr": "…"}}.
FLOW_SETTINGS = frozenset({"quiet_hours", "frequency_cap", "fallback_reply", "holding_reply", "replies"})


def flow_settings_read(*, store) -> dict:
    flow = Flow.objects.for_store(store).filter(is_active=True).first()
    if flow is None:
        return {
            "quiet_hours": None,
            "frequency_cap": None,
            "fallback_reply": "",
            "holding_reply": "",
            "replies": {},
        }
    return {
        "quiet_hours": {"start": flow.quiet_hours_start, "end": flow.quiet_hours_end},
        "frequency_cap": flow.frequency_cap,
        "fallback_reply": flow.fallback_reply,
        "holding_reply": flow.holding_reply,
        "replies": flow.replies or {},
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
            replies=changes.get("replies"),
            **replies,
        )
    except ApplicationError as exc:
        field = exc.extra.get("field", "")
        raise SettingsInvalid(
            {"quiet_hours" if field.startswith("quiet_hours") else field: [exc.message]}
        ) from exc
