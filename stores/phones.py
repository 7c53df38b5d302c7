"""Phone numbers as shops send them ("555-555-BILL", "(303) 555-0142", "+44 7700 900123") to E.164."""

import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumberType
from phonenumbers import timezone as phone_timezone


@dataclass(frozen=True)
class ParsedPhone:
    e164: str = ""
    problem: str = ""

    @property
    def ok(self) -> bool:
        return bool(self.e164)


_TEXTABLE = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}


def phone_parse(raw: str | None, *, region: str | None = None, mobile_only: bool = True) -> ParsedPhone:
    """E.164 for a number that can take texts, else the reason it can't (kept to show the merchant).

    `mobile_only=False` accepts any valid number: a store's own sender or contact line (toll-free numbers
    and landlines can send texts through Twilio even though a shopper's must be mobile).
    """
    raw = (raw or "").strip()
    if not raw:
        return ParsedPhone(problem="no phone number")
    if len(raw) > 40:
        return ParsedPhone(problem="not a phone number")
    try:
        number = phonenumbers.parse(raw, (region or "").upper() or None)
    except phonenumbers.NumberParseException:
        return ParsedPhone(problem="not a phone number")
    if not phonenumbers.is_valid_number(number):
        return ParsedPhone(problem="not a valid phone number")
    if mobile_only and phonenumbers.number_type(number) not in _TEXTABLE:
        return ParsedPhone(problem="not a mobile number")
    return ParsedPhone(e164=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


# A country's main zone first: libphonenumber lists a UK number's zones alphabetically (Europe/Guernsey before
# Europe/London), and the first zone is the one a reason or a clock names.
MAIN_ZONE = {
    "GB": "Europe/London", "ES": "Europe/Madrid", "PT": "Europe/Lisbon", "AU": "Australia/Sydney",
    "NZ": "Pacific/Auckland", "RU": "Europe/Moscow", "CA": "America/Toronto", "US": "America/New_York",
    "BR": "America/Sao_Paulo", "MX": "America/Mexico_City", "DK": "Europe/Copenhagen",
}  # fmt: skip


def phone_time_zones(number: phonenumbers.PhoneNumber) -> tuple[str, ...]:
    """The zones a number may ring in, its country's main zone first ('Etc/Unknown' left out)."""
    zones = tuple(z for z in phone_timezone.time_zones_for_number(number) if z != "Etc/Unknown")
    main = MAIN_ZONE.get(phonenumbers.region_code_for_number(number) or "")
    if main in zones:
        zones = (main, *(z for z in zones if z != main))
    return zones


def phone_mask(e164: str | None) -> str:
    """For logs: enough to tell numbers apart, not enough to text them."""
    e164 = str(e164 or "")
    return e164[:3] + "•" * max(len(e164) - 5, 0) + e164[-2:] if len(e164) > 5 else "•" * len(e164)


# International numbers as providers quote them ("+14155552671", "+1 415-555-2671") and long digit runs; error
# codes ("400 21211") and dates stay readable.
_NUMBER_IN_TEXT = re.compile(r"\+\d[\d\s().-]{5,}\d|\d{9,}")


def phones_masked_in(text: str) -> str:
    """For logs of text we do not write ourselves (a provider's error quotes the number back)."""
    return _NUMBER_IN_TEXT.sub(lambda match: phone_mask(re.sub(r"[^\d+]", "", match.group())), text)
