"""A store's settings: the one service behind the Setup and Settings pages and `/api/v1/…/settings/`.

Names are the public ones (`sender_number`, `language`, `quiet_hours`…). `stores` owns the store's own
fields and the rule that a sender belongs to one store. What the layers above own joins in through two
registries filled in their `AppConfig.ready()`, so this ground floor imports none of them:
- `SENDER_VERIFIERS` (conversations): is a new sender really this account's (Twilio's own records)?
- `SETTINGS_SECTIONS` (flows): the flow's quiet hours, frequency cap and replies.
"""

import re
import zoneinfo
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import IntegrityError, transaction

from cartrecovery.errors import ApplicationError

from .models import Store, TexasRegistration
from .phones import PhoneMode, is_country_code, phone_parse, store_region

SENDER_IN_USE = "This {what} is already in use by another store."


class SettingsInvalid(ApplicationError):
    """Some settings were refused; `errors` maps each public field name to its messages."""

    def __init__(self, errors: Mapping[str, list[str]]) -> None:
        self.errors = dict(errors)
        super().__init__(
            "Some settings are not valid.", extra={"errors": self.errors}, code="invalid_settings"
        )


@dataclass(frozen=True)
class SettingsSection:
    """Settings an upper app keeps: `read(store=)` → {field: value}; `update(store=, changes=)` validates
    and writes them, raising `SettingsInvalid`; it runs inside the settings transaction."""

    fields: frozenset[str]
    read: Callable[..., dict[str, Any]]
    update: Callable[..., None]


SETTINGS_SECTIONS: list[SettingsSection] = []
# Each gets (store=, sms_number=, messaging_service_sid=): the sender as it would be saved, whenever it
# changes; it answers {field: problem} ({} when the provider vouches for it).
SENDER_VERIFIERS: list[Callable[..., dict[str, str]]] = []


class _Invalid(Exception):
    pass


def _text(max_length: int, *, required: bool = False) -> Callable[[Store, Any], str]:
    def clean(store: Store, value: Any) -> str:
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise _Invalid("Must be text.")
        value = value.replace("\x00", "").strip()
        if required and not value:
            raise _Invalid("This cannot be empty.")
        if len(value) > max_length:
            raise _Invalid(f"At most {max_length} characters.")
        return value

    return clean


def _clean_timezone(store: Store, value: Any) -> str:
    if not isinstance(value, str) or value not in _time_zones():
        raise _Invalid("Pick a time zone such as America/New_York.")
    return value


@cache
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def _clean_language(store: Store, value: Any) -> str:
    codes = {code for code, _ in settings.LANGUAGES}
    value = value.strip().lower() if isinstance(value, str) else ""
    if value not in codes or len(value) > (Store._meta.get_field("default_language").max_length or 0):
        raise _Invalid("Pick a language code such as en, es or fr.")
    return value


def _store_line(hint: str = "") -> Callable[[Store, Any], str]:
    """A store's own number (sender or contact line): any valid number, read in the store's region."""

    def clean(store: Store, value: Any) -> str:
        raw = _text(40)(store, value)
        if not raw:
            return ""
        parsed = phone_parse(raw, region=store_region(store) or "US", mode=PhoneMode.STORE_LINE)
        if not parsed.ok:
            raise _Invalid(f"That is {parsed.problem}{hint}.")
        return parsed.e164

    return clean


_clean_sender_number = _store_line("; write it in international format: +1 303 555 0142")


_SERVICE_SID = re.compile(r"^MG[0-9a-f]{32}$", re.IGNORECASE)


def _clean_messaging_service_sid(store: Store, value: Any) -> str:
    raw = _text(64)(store, value)
    if not raw:
        return ""
    if not _SERVICE_SID.match(raw):
        raise _Invalid("A Messaging Service SID is MG followed by 32 hex characters.")
    return "MG" + raw[2:].lower()


def _clean_rate(store: Store, value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        rate = Decimal(str(value))
    except InvalidOperation as exc:
        raise _Invalid("A number of texts per second, such as 1 or 3.") from exc
    if not rate.is_finite() or not Decimal("0.01") <= rate <= Decimal(1000):
        raise _Invalid("Between 0.01 and 1000 texts per second.")
    return rate.quantize(Decimal("0.01"))


def _clean_sender_kind(store: Store, value: Any) -> str:
    kinds = {key for key, _ in Store._meta.get_field("sender_kind").choices or ()}
    if value not in kinds:
        raise _Invalid(f"One of {', '.join(sorted(kinds))}.")
    return value


def _validated(validator, message: str, max_length: int) -> Callable[[Store, Any], str]:
    def clean(store: Store, value: Any) -> str:
        value = _text(max_length)(store, value)
        if value:
            try:
                validator(value)
            except ValidationError as exc:
                raise _Invalid(message) from exc
        return value

    return clean


_clean_contact_phone = _store_line()


def _clean_texas_registration(store: Store, value: Any) -> str | None:
    if value in (None, ""):
        return None
    if value not in TexasRegistration.values:
        raise _Invalid('One of "registered", "exempt" or null.')
    return value


def _clean_consent_confirmation(store: Store, value: Any) -> str:
    choices = [key for key, _ in Store._meta.get_field("consent_confirmation").choices or ()]
    if value not in choices:
        raise _Invalid(f"One of {', '.join(choices)}.")
    return value


def _clean_ships_to(store: Store, value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        raise _Invalid('A list of two-letter country codes, such as ["US", "CA"].')
    codes = list(dict.fromkeys(code.strip().upper() for code in value))
    unknown = [code for code in codes if not is_country_code(code)]
    if unknown:
        raise _Invalid(f"Not a country code: {', '.join(c[:8] for c in unknown[:5])}.")
    return codes


def _clean_free_shipping_over(store: Store, value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        raise _Invalid("An amount of money, such as 50 or 49.99.")
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation as exc:
        raise _Invalid("An amount of money, such as 50 or 49.99.") from exc
    if not amount.is_finite() or not Decimal(0) <= amount < Decimal(100_000_000):
        raise _Invalid("An amount from 0 to 99999999.99.")
    return amount.quantize(Decimal("0.01"))


def _clean_days(store: Store, value: Any) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 365:
        raise _Invalid("Give a number of days from 0 to 365.")
    return value


def _clean_help_text(store: Store, value: Any) -> str:
    text = _text(1600, required=True)(store, value)
    if "STOP" not in text.upper():
        raise _Invalid("Say how to opt out, e.g. “Reply STOP to opt out.” (carriers require it).")
    return text


# Public name → (the Store field it writes, its cleaner).
STORE_FIELDS: dict[str, tuple[str, Callable[[Store, Any], Any]]] = {
    "name": ("name", _text(200, required=True)),
    "timezone": ("timezone", _clean_timezone),
    "language": ("default_language", _clean_language),
    "sender_number": ("sms_number", _clean_sender_number),
    "messaging_service_sid": ("messaging_service_sid", _clean_messaging_service_sid),
    "sender_kind": ("sender_kind", _clean_sender_kind),
    "sender_rate_per_second": ("sender_rate_per_second", _clean_rate),
    "shipping_policy": ("shipping_policy", _text(2000)),
    "returns_policy": ("returns_policy", _text(2000)),
    "help_text": ("help_text", _clean_help_text),
    "contact_email": ("contact_email", _validated(EmailValidator(), "Enter a valid email address.", 254)),
    "contact_phone": ("contact_phone", _clean_contact_phone),
    "website_url": (
        "website_url",
        _validated(URLValidator(schemes=["http", "https"]), "Enter a full http(s):// address.", 200),
    ),
    "texas_registration": ("texas_registration", _clean_texas_registration),
    "ships_to": ("ships_to", _clean_ships_to),
    "consent_confirmation": ("consent_confirmation", _clean_consent_confirmation),
    # Facts the bot states as they are ({free_shipping_over}, {return_days}, {processing_days}); None: unsaid.
    "free_shipping_over": ("free_shipping_over", _clean_free_shipping_over),
    "return_days": ("return_days", _clean_days),
    "processing_days": ("processing_days", _clean_days),
}
_SENDER_FIELDS = {"sender_number": "number", "messaging_service_sid": "Messaging Service"}


def store_settings_read(*, store: Store) -> dict[str, Any]:
    values = {name: getattr(store, field) for name, (field, _) in STORE_FIELDS.items()}
    values["sender_number"] = str(store.sms_number or "")
    for section in SETTINGS_SECTIONS:
        values.update(section.read(store=store))
    return values


def store_settings_update(*, store: Store, changes: Mapping[str, Any]) -> Store:
    """Validate every change, then write them all or none. Raises `SettingsInvalid` with every problem."""
    known = set(STORE_FIELDS).union(*(section.fields for section in SETTINGS_SECTIONS))
    errors: dict[str, list[str]] = {name: ["Unknown setting."] for name in changes if name not in known}
    cleaned: dict[str, Any] = {}
    for name, value in changes.items():
        if name in STORE_FIELDS:
            try:
                cleaned[name] = STORE_FIELDS[name][1](store, value)
            except _Invalid as exc:
                errors[name] = [str(exc)]
    for name, problem in _sender_problems(store=store, cleaned=cleaned, errors=errors).items():
        errors.setdefault(name, []).append(problem)
    with transaction.atomic():
        for section in SETTINGS_SECTIONS:
            part = {name: value for name, value in changes.items() if name in section.fields}
            if part:
                try:
                    section.update(store=store, changes=part)
                except SettingsInvalid as exc:
                    errors.update(exc.errors)
        if errors:
            raise SettingsInvalid(errors)
        _store_write(store=store, cleaned=cleaned)
    return store


def _changed_senders(*, store: Store, cleaned: dict[str, Any]) -> dict[str, str]:
    current = {
        "sender_number": str(store.sms_number or ""),
        "messaging_service_sid": store.messaging_service_sid,
    }
    return {
        name: cleaned[name] for name in _SENDER_FIELDS if name in cleaned and cleaned[name] != current[name]
    }


def _sender_problems(*, store: Store, cleaned: dict[str, Any], errors: dict) -> dict[str, str]:
    """A new sender must be free (no other store holds it) and, where a provider can tell, really ours."""
    changed = {name: value for name, value in _changed_senders(store=store, cleaned=cleaned).items() if value}
    if not changed or any(name in errors for name in _SENDER_FIELDS):
        return {}
    problems = {
        name: _sender_in_use(name) for name, value in changed.items() if _held_elsewhere(store, name, value)
    }
    if problems:
        return problems
    sender = {
        "sms_number": cleaned.get("sender_number", str(store.sms_number or "")),
        "messaging_service_sid": cleaned.get("messaging_service_sid", store.messaging_service_sid),
    }
    for verify in SENDER_VERIFIERS:
        problems.update(verify(store=store, **sender))
    return problems


def _sender_in_use(name: str) -> str:
    return SENDER_IN_USE.format(what=_SENDER_FIELDS[name])


def _held_elsewhere(store: Store, name: str, value: str) -> bool:
    field = STORE_FIELDS[name][0]
    return Store.objects.exclude(pk=store.pk).filter(**{field: value}).exists()


def _store_write(*, store: Store, cleaned: dict[str, Any]) -> None:
    if not cleaned:
        return
    for name, value in cleaned.items():
        setattr(store, STORE_FIELDS[name][0], value)
    try:
        # Two stores claiming one sender at once: the constraint decides, the loser hears why.
        with transaction.atomic():
            store.save(update_fields=[STORE_FIELDS[name][0] for name in cleaned] + ["updated_at"])
    except IntegrityError as exc:
        store.refresh_from_db()
        taken = [name for name in _SENDER_FIELDS if name in cleaned] or ["sender_number"]
        raise SettingsInvalid({name: [_sender_in_use(name)] for name in taken}) from exc
