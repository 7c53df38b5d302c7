"""Who may be texted when: the one table of sending rules per recipient country and state.

A recipient is resolved from their number (country, area-code state, time zones), then the cart's address,
then the store. Checks return a `Hold` (wait until a time) or a `Skip` (never for this nudge), each with a
reason a merchant can read, e.g. "held until 08:00 America/New_York — area code".
"""

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import cache, lru_cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from stores.phones import MAIN_ZONE, country_time_zones, phone_facts

from .area_codes import us_state_for_number

if TYPE_CHECKING:
    import holidays


@dataclass(frozen=True)
class Policy:
    key: str
    label: str
    start_hour: int = 8
    end_hour: int = 21
    no_sundays: bool = False
    # Texas (Bus. & Com. Code ch. 301 as amended by SB 140): Sundays open later, at noon.
    sunday_start_hour: int | None = None
    # France (AF2M/CNIL practice, as Klaviyo enforces it): no commercial texts on public holidays either;
    # the country whose holiday calendar applies (the `holidays` library), "" for none.
    no_public_holidays_of: str = ""
    # T-Mobile 2020 / CTIA 2021: one unsolicited cart reminder per abandonment, sent within 48 h.
    one_cart_text_per_abandonment: bool = False
    first_text_within: timedelta | None = None
    # Florida, Oklahoma and Maryland law: at most 3 texts on one subject per 24 h, whatever the store's cap.
    max_texts_per_24h: int | None = None
    # CASL (S.C. 2010, c. 23, s. 6(2)): every commercial text identifies the sender and says how to
    # unsubscribe, follow-ups included.
    identify_every_text: bool = False
    # Texas SB 140: sellers register with the Secretary of State unless exempt; the store says which.
    needs_texas_registration: bool = False
    source: str = ""

    @property
    def window_text(self) -> str:
        text = f"{self.start_hour}:00–{self.end_hour}:00"
        if self.sunday_start_hour is not None and not self.no_sundays:
            text += f", Sundays from {self.sunday_start_hour}:00"
        closed = ["Sundays"] if self.no_sundays else []
        if self.no_public_holidays_of:
            closed.append("public holidays")
        return text + (f", no {' or '.join(closed)}" if closed else "")

    @property
    def has_own_window(self) -> bool:
        return self.window_text != _DEFAULT_WINDOW_TEXT

    def opens_on(self, day: date, start: int) -> int | None:
        """The hour sending may start on `day` (local), given the day's usual start; None: closed all day."""
        if self.no_sundays and day.weekday() == 6:
            return None
        if self.no_public_holidays_of and day in _public_holidays(self.no_public_holidays_of, day.year):
            return None
        if self.sunday_start_hour is not None and day.weekday() == 6:
            return max(start, self.sunday_start_hour)
        return start


_DEFAULT_WINDOW_TEXT = "8:00–21:00"


@cache
def _public_holidays(country: str, year: int) -> "holidays.HolidayBase":
    # Imported here: the package and its country modules hold about 11 MB, paid only by a process that checks
    # a country closed on public holidays (France), not by every web and Celery process at start.
    import holidays

    return holidays.country_holidays(country, years=year)


_TCPA = "47 CFR 64.1200(c)(1) (TCPA): 8:00–21:00 local [S8]"
_CARRIER = "T-Mobile 2020 / CTIA 2021: one cart reminder per abandonment, within 48 h [S25,S57]"
_DEFAULT = Policy(key="*", label="Default", source="house default")
_NANP = replace(
    _DEFAULT,
    one_cart_text_per_abandonment=True,
    first_text_within=timedelta(hours=48),
)
_US_STRICT_STATE = replace(_NANP, end_hour=20, max_texts_per_24h=3)

POLICY_TABLE: dict[str, Policy] = {
    "*": _DEFAULT,
    "US": replace(_NANP, key="US", label="United States", source=f"{_TCPA}; {_CARRIER}"),
    "CA": replace(
        _NANP,
        key="CA",
        label="Canada",
        identify_every_text=True,
        source=f"CASL S.C. 2010 c. 23 s. 6(2): sender named, unsubscribe in every text [K21]; {_CARRIER}",
    ),
    "US-FL": replace(
        _US_STRICT_STATE,
        key="US-FL",
        label="Florida",
        source="Fla. Stat. § 501.059 (FTSA 2021/2023) [S9,S58]",
    ),
    "US-OK": replace(
        _US_STRICT_STATE, key="US-OK", label="Oklahoma", source="Okla. Stat. tit. 15 § 775C (OTSA 2022) [G10]"
    ),
    "US-CT": replace(
        _US_STRICT_STATE,
        key="US-CT",
        label="Connecticut",
        max_texts_per_24h=None,
        source="Conn. Gen. Stat. § 42-288a (2023) [S8]",
    ),
    "US-MD": replace(
        _US_STRICT_STATE,
        key="US-MD",
        label="Maryland",
        source="Md. Com. Law § 14-4501 ff. (Stop the Spam Calls Act 2023): 3 per 24 h, one subject [G9]",
    ),
    "US-WA": replace(
        _US_STRICT_STATE,
        key="US-WA",
        label="Washington",
        max_texts_per_24h=None,
        source="RCW 80.36.390 [S8]",
    ),
    "US-TX": replace(
        _NANP,
        key="US-TX",
        label="Texas",
        start_hour=9,
        end_hour=21,
        sunday_start_hour=12,
        needs_texas_registration=True,
        source="Tex. Bus. & Com. Code ch. 301, 302 as amended by SB 140 (1 Sep 2025) [G5,G6,G18]",
    ),
    "FR": replace(
        _DEFAULT,
        key="FR",
        label="France",
        end_hour=22,
        no_sundays=True,
        no_public_holidays_of="FR",
        source="French SMS marketing practice (AF2M/CNIL): 8–22, no Sundays or public holidays [S32]",
    ),
    "GB": replace(_DEFAULT, key="GB", label="United Kingdom"),
    "DE": replace(_DEFAULT, key="DE", label="Germany"),
    "ES": replace(_DEFAULT, key="ES", label="Spain"),
    "IT": replace(_DEFAULT, key="IT", label="Italy"),
    "NL": replace(_DEFAULT, key="NL", label="Netherlands"),
    "PT": replace(_DEFAULT, key="PT", label="Portugal"),
    "AU": replace(_DEFAULT, key="AU", label="Australia"),
}

US_STATE_ZONES = {
    "AL": "America/Chicago", "AK": "America/Anchorage", "AZ": "America/Phoenix", "AR": "America/Chicago",
    "CA": "America/Los_Angeles", "CO": "America/Denver", "CT": "America/New_York", "DE": "America/New_York",
    "DC": "America/New_York", "FL": "America/New_York", "GA": "America/New_York", "HI": "Pacific/Honolulu",
    "ID": "America/Boise", "IL": "America/Chicago", "IN": "America/Indiana/Indianapolis",
    "IA": "America/Chicago", "KS": "America/Chicago", "KY": "America/New_York", "LA": "America/Chicago",
    "ME": "America/New_York", "MD": "America/New_York", "MA": "America/New_York", "MI": "America/Detroit",
    "MN": "America/Chicago", "MS": "America/Chicago", "MO": "America/Chicago", "MT": "America/Denver",
    "NE": "America/Chicago", "NV": "America/Los_Angeles", "NH": "America/New_York",
    "NJ": "America/New_York", "NM": "America/Denver", "NY": "America/New_York", "NC": "America/New_York",
    "ND": "America/Chicago", "OH": "America/New_York", "OK": "America/Chicago", "OR": "America/Los_Angeles",
    "PA": "America/New_York", "RI": "America/New_York", "SC": "America/New_York", "SD": "America/Chicago",
    "TN": "America/Chicago", "TX": "America/Chicago", "UT": "America/Denver", "VT": "America/New_York",
    "VA": "America/New_York", "WA": "America/Los_Angeles", "WV": "America/New_York",
    "WI": "America/Chicago", "WY": "America/Denver", "PR": "America/Puerto_Rico",
}  # fmt: skip
CA_PROVINCE_ZONES = {
    "AB": "America/Edmonton", "BC": "America/Vancouver", "MB": "America/Winnipeg", "NB": "America/Moncton",
    "NL": "America/St_Johns", "NS": "America/Halifax", "NT": "America/Yellowknife", "NU": "America/Iqaluit",
    "ON": "America/Toronto", "PE": "America/Halifax", "QC": "America/Toronto", "SK": "America/Regina",
    "YT": "America/Whitehorse",
}  # fmt: skip


@dataclass(frozen=True)
class Recipient:
    """Where a shopper is, as far as the law is concerned."""

    country: str  # ISO 3166 alpha-2 of the number (else the address)
    states: tuple[tuple[str, str], ...]  # ((state, source), …): area code and/or address
    zones: tuple[str, ...]
    zone_source: str  # "area code", "country code", "cart address", "store time zone"
    fallback_zones: tuple[tuple[tuple[str, ...], str], ...] = ()
    policy: Policy = field(default=_DEFAULT)


@dataclass(frozen=True)
class Hold:
    until: datetime
    reason: str


@dataclass(frozen=True)
class Skip:
    reason: str
    cancel: bool = False  # an exit condition (the nudge can never be sent) rather than a rule saying no


def _valid_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _number_facts(e164: str) -> tuple[str, str, tuple[str, ...]]:
    """(country, state from the area code, zones) for a number; blanks where unknown."""
    # In North America all three follow from the area code and exchange (+1 NPA NXX): one lookup per
    # exchange, not per shopper (phonenumbers' lookups cost about a millisecond each).
    if e164.startswith("+1") and len(e164) == 12 and e164[2:].isdigit():
        return _number_facts_uncached(e164[:8] + "0000")
    return _number_facts_uncached(e164)


# Bounded: outside North America the key is the whole number, and a worker lives for months.
@lru_cache(maxsize=20_000)
def _number_facts_uncached(e164: str) -> tuple[str, str, tuple[str, ...]]:
    facts = phone_facts(e164)
    zones = tuple(z for z in facts.zones if _valid_zone(z))
    state = us_state_for_number(facts.national_number) if facts.country == "US" else ""
    return facts.country, state, zones


# A number whose zones lie further apart than this (a +1 toll-free or +1 500 number lists every zone from
# Guam to Newfoundland) says nothing useful about where its owner sleeps: the address or store decides.
MAX_ZONE_SPREAD = timedelta(hours=6)


def _offset_spread(zones: tuple[str, ...]) -> timedelta:
    now = datetime.now(UTC)
    # A zone-aware time always has an offset; `or` only tells the type checker so.
    offsets = [now.astimezone(ZoneInfo(z)).utcoffset() or timedelta(0) for z in zones]
    return max(offsets) - min(offsets)


def _address_zone(country: str, province: str) -> str:
    country, province = (country or "").upper(), (province or "").upper()
    if country == "US":
        return US_STATE_ZONES.get(province, "")
    if country == "CA":
        return CA_PROVINCE_ZONES.get(province, "")
    if not country:
        return ""
    zones = _country_zones(country)
    return zones[0] if len(zones) == 1 or (zones and zones[0] == MAIN_ZONE.get(country)) else ""


@cache
def _country_zones(country: str) -> tuple[str, ...]:
    return tuple(z for z in country_time_zones(country) if _valid_zone(z))


def policy_for(*, country: str, states: tuple[str, ...] = ()) -> Policy:
    """The rules for a country, narrowed by every state rule that applies (area code or address)."""
    policy = POLICY_TABLE.get(country, POLICY_TABLE["*"])
    for state in states:
        strict = POLICY_TABLE.get(f"{country}-{state}")
        if strict is None:
            continue
        policy = replace(
            policy,
            key=strict.key,
            label=strict.label if policy.key in (country, "*") else f"{policy.label}/{strict.label}",
            start_hour=max(policy.start_hour, strict.start_hour),
            end_hour=min(policy.end_hour, strict.end_hour),
            no_sundays=policy.no_sundays or strict.no_sundays,
            sunday_start_hour=max(
                (h for h in (policy.sunday_start_hour, strict.sunday_start_hour) if h is not None),
                default=None,
            ),
            no_public_holidays_of=policy.no_public_holidays_of or strict.no_public_holidays_of,
            identify_every_text=policy.identify_every_text or strict.identify_every_text,
            needs_texas_registration=policy.needs_texas_registration or strict.needs_texas_registration,
            source="; ".join(s for s in (strict.source, policy.source) if s),
            max_texts_per_24h=min(
                (c for c in (policy.max_texts_per_24h, strict.max_texts_per_24h) if c), default=None
            ),
        )
    return policy


def recipient_resolve(*, phone: str, store, cart=None) -> Recipient:
    """Country, states, time zones and policy of a recipient: number first, then cart address, then store."""
    country, area_state, number_zones = _number_facts(str(phone or ""))
    address_country = ((cart.country if cart else "") or "").upper()
    address_province = ((cart.province if cart else "") or "").upper()
    country = country or address_country
    states: list[tuple[str, str]] = []
    if area_state:
        states.append((area_state, "area code"))
    if address_country == country == "US" and address_province and address_province != area_state:
        states.append((address_province, "cart address"))
    candidates: list[tuple[tuple[str, ...], str]] = []
    if number_zones and _offset_spread(number_zones) <= MAX_ZONE_SPREAD:
        candidates.append((number_zones, "area code" if country in ("US", "CA") else "country code"))
    address_zone = _address_zone(address_country, address_province)
    if address_zone:
        candidates.append(((address_zone,), "cart address"))
    store_zone = store.timezone if _valid_zone(store.timezone or "") else "UTC"
    candidates.append(((store_zone,), "store time zone"))
    (zones, source), *fallbacks = candidates
    return Recipient(
        country=country,
        states=tuple(states),
        zones=zones,
        zone_source=source,
        fallback_zones=tuple(fallbacks),
        policy=policy_for(country=country, states=tuple(s for s, _ in states)),
    )


def _window(policy: Policy, flow) -> tuple[int, int]:
    """The law's window, narrowed (never widened) by the merchant's own quiet hours."""
    start, end = policy.start_hour, policy.end_hour
    if flow is not None:
        start = max(start, flow.quiet_hours_start)
        end = min(end, flow.quiet_hours_end)
    return start, end


def _next_open_in_zone(
    moment: datetime, zone: str, *, start: int, end: int, policy: Policy
) -> datetime | None:
    tz = ZoneInfo(zone)
    local = moment.astimezone(tz)
    # Up to 9 days ahead: a French Sunday next to two public holidays still opens within the range.
    for offset in range(10):
        day = local.date() + timedelta(days=offset)
        day_start = policy.opens_on(day, start)
        if day_start is None or day_start >= end:
            continue
        opens = datetime.combine(day, time(day_start), tzinfo=tz)
        closes = datetime.combine(day, time(end), tzinfo=tz) if end < 24 else opens + timedelta(hours=24)
        if moment < opens:
            return opens.astimezone(UTC)
        if moment < closes:
            return moment
    return None


def _next_open_everywhere(
    moment: datetime, zones: tuple[str, ...], *, start: int, end: int, policy: Policy
) -> tuple[datetime, str] | None:
    """The first minute from `moment` inside the window in every zone, and the zone that held it last."""
    binding = zones[0]
    for _ in range(4 * len(zones) + 4):
        latest = moment
        for zone in zones:
            opens = _next_open_in_zone(moment, zone, start=start, end=end, policy=policy)
            if opens is None:
                return None
            if opens > latest:
                latest, binding = opens, zone
        if latest == moment:
            return moment, binding
        moment = latest
    return None


def held_until_text(until: datetime, zone: str, now: datetime) -> str:
    local, local_now = until.astimezone(ZoneInfo(zone)), now.astimezone(ZoneInfo(zone))
    when = f"{local:%H:%M}" if local.date() == local_now.date() else f"{local:%a} {local:%H:%M}"
    return f"held until {when} {zone}"


def quiet_hours_check(*, recipient: Recipient, now: datetime, flow=None) -> Hold | None:
    """None when `now` is inside the sending window in every zone of the recipient, else when it opens."""
    policy = recipient.policy
    start, end = _window(policy, flow)
    if start >= end:
        start, end = policy.start_hour, policy.end_hour
    for zones, source in ((recipient.zones, recipient.zone_source), *recipient.fallback_zones):
        found = _next_open_everywhere(now, zones, start=start, end=end, policy=policy)
        if found is None:
            # The number's zones never share a window (a non-geographic number): the next source decides.
            continue
        opens, binding = found
        if opens == now:
            return None
        rule = ""
        if policy.key != "*" and policy.has_own_window:
            rule = f", {policy.label} {policy.window_text}"
        return Hold(until=opens, reason=f"{held_until_text(opens, binding, now)} — {source}{rule}")
    return None


TEXAS_REGISTRATION_RECHECK = timedelta(hours=1)
TEXAS_REGISTRATION_UNSET = (
    "held: Texas registration not set — say in Settings whether the store is registered with the Texas "
    "Secretary of State or exempt (SB 140)"
)


def registration_hold(*, recipient: Recipient, store, now: datetime) -> Hold | None:
    """Texts to Texas wait while the store has not said it is registered or exempt (SB 140)."""
    if not recipient.policy.needs_texas_registration or store.texas_registration in ("registered", "exempt"):
        return None
    return Hold(until=now + TEXAS_REGISTRATION_RECHECK, reason=TEXAS_REGISTRATION_UNSET)


def frequency_cap_hold(*, cap: int, recipient: Recipient, sent: list[datetime], now: datetime) -> Hold | None:
    """The frequency cap: at most `cap` texts to a phone in 24 h (the law's lower cap where it has one).

    `sent` are the times texts went to this phone; a hold says until when the phone is capped.
    """
    if recipient.policy.max_texts_per_24h:
        cap = min(cap, recipient.policy.max_texts_per_24h)
    recent = sorted(t for t in sent if now - timedelta(hours=24) < t <= now)
    if len(recent) < cap:
        return None
    until = recent[-cap] + timedelta(hours=24)
    return Hold(
        until=until,
        reason=f"{held_until_text(until, recipient.zones[0], now)} — frequency cap ({cap} per 24 h)",
    )


SNOOZED_REASON = "held: the shopper asked for a pause"


def snooze_hold(*, customer, recipient: Recipient, now: datetime) -> Hold | None:
    """A shopper who asked for a pause ("not now") gets no cart text before it ends."""
    until = customer.snoozed_until
    if until is None or until <= now:
        return None
    return Hold(until=until, reason=f"{SNOOZED_REASON} — {held_until_text(until, recipient.zones[0], now)}")


def display_zone(recipient: Recipient) -> str:
    return recipient.zones[0]


__all__ = [
    "POLICY_TABLE",
    "Hold",
    "Policy",
    "Recipient",
    "Skip",
    "display_zone",
    "policy_for",
    "quiet_hours_check",
    "recipient_resolve",
    "registration_hold",
    "snooze_hold",
]
