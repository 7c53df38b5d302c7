"""The flow's part of the store's settings (`stores.store_settings`): public names, partial changes."""

from cartrecovery.errors import ApplicationError
from conversations.languages import LANGUAGE_NAMES, LANGUAGES
from conversations.sms.segments import TWILIO_MAX_BODY_CHARS
from stores.store_settings import SettingsInvalid

from .hooks import flow_own_reply
from .models import Flow
from .services import SHIPPED_REPLIES, flow_settings_update

# `replies`: the router's replies per language, {"fallback"|"holding"|"opt_out"|"opt_in": {"fr": "…"}}:
# read, every kind in every language as the shopper gets it (the store's text, else the shipped one);
# written, a change per kind and language ("" goes back to the shipped text), the rest kept.
# `replies_edited` (read only): the languages of each kind the store wrote itself.
FLOW_SETTINGS = frozenset(
    {"quiet_hours", "frequency_cap", "fallback_reply", "holding_reply", "replies", "replies_edited"}
)
READ_ONLY = frozenset({"replies_edited"})


def flow_settings_read(*, store) -> dict:
    flow = Flow.objects.for_store(store).filter(is_active=True).first()
    if flow is None:
        return {
            "quiet_hours": None,
            "frequency_cap": None,
            "fallback_reply": "",
            "holding_reply": "",
            "replies": {kind: dict(texts) for kind, texts in SHIPPED_REPLIES.items()},
            "replies_edited": {},
        }
    replies = {
        kind: {
            language: flow_own_reply(
                flow, store_language=store.default_language, kind=kind, language=language
            )
            or shipped.get(language, shipped["en"])
            for language in LANGUAGES
        }
        for kind, shipped in SHIPPED_REPLIES.items()
    }
    return {
        "quiet_hours": {"start": flow.quiet_hours_start, "end": flow.quiet_hours_end},
        "frequency_cap": flow.frequency_cap,
        "fallback_reply": flow.fallback_reply,
        "holding_reply": flow.holding_reply,
        "replies": replies,
        "replies_edited": {kind: sorted(texts) for kind, texts in (flow.replies or {}).items() if texts},
    }


def _replies_merged(flow: Flow, changes) -> dict:
    """The flow's own texts with these changes laid over them, per kind and language ("" resets one)."""
    if not isinstance(changes, dict) or not all(isinstance(texts, dict) for texts in changes.values()):
        raise SettingsInvalid(
            {"replies": ["Give {kind: {language: text}}, kind one of " + ", ".join(SHIPPED_REPLIES) + "."]}
        )
    merged = {kind: dict(texts) for kind, texts in (flow.replies or {}).items()}
    for kind, texts in changes.items():
        merged.setdefault(kind, {}).update(texts)
    return merged


def flow_settings_apply(*, store, changes: dict) -> None:
    flow = Flow.objects.for_store(store).select_for_update().filter(is_active=True).first()
    read_only = sorted(set(changes) & READ_ONLY)
    if read_only:
        raise SettingsInvalid({name: ["Read only: change `replies` instead."] for name in read_only})
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
    merged_replies = _replies_merged(flow, changes["replies"]) if "replies" in changes else None
    try:
        flow_settings_update(
            store=store,
            flow=flow,
            quiet_hours_start=quiet["start"],
            quiet_hours_end=quiet["end"],
            frequency_cap=cap,
            replies=merged_replies,
            **replies,
        )
    except ApplicationError as exc:
        raise SettingsInvalid(_error_for(exc)) from exc


def _error_for(exc: ApplicationError) -> dict[str, list[str]]:
    """The public setting a refusal concerns; a text per language names its kind and language."""
    field = exc.extra.get("field", "")
    if field.startswith("quiet_hours"):
        return {"quiet_hours": [exc.message]}
    kind, _, language = field.rpartition("_")
    if kind in SHIPPED_REPLIES and language in LANGUAGES:
        return {"replies": [f"{kind}, {LANGUAGE_NAMES[language]} ({language}): {exc.message}"]}
    return {field: [exc.message]}
