"""Phone numbers to E.164: the one phone module, with a mode for each kind of number we are handed.

- SHOP_SUPPLIED: a number a shop or a merchant gives us to text ("555-555-BILL", "(303) 555-0142",
  "+44 7700 900123"), read in a region when national: it must be a valid mobile number.
- INBOUND_SENDER: the sender of a text we received: international already, taken as long as it is a
  possible number (a carrier delivered it; we answer it even if it is not a mobile).
- API_FILTER: a number an API caller looks up by: any number in international form.
"""

import re
from dataclasses import dataclass
from enum import StrEnum

import phonenumbers
from phonenumber_field.phonenumber import PhoneNumber as FieldPhoneNumber
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


class PhoneMode(StrEnum):
    SHOP_SUPPLIED = "shop_supplied"
    INBOUND_SENDER = "inbound_sender"
    API_FILTER = "api_filter"
    # A store's own sender or contact line: any valid number (toll-free numbers and landlines can send
    # texts through Twilio even though a shopper's must be mobile).
    STORE_LINE = "store_line"


def phone_parse(
    raw: str | None, *, region: str | None = None, mode: PhoneMode = PhoneMode.SHOP_SUPPLIED
) -> ParsedPhone:
    """E.164 for a number that passes the mode's test, else the reason it doesn't (kept to show)."""
    raw = (raw or "").strip()
    if not raw:
        return ParsedPhone(problem="no phone number")
    if len(raw) > 40:
        return ParsedPhone(problem="not a phone number")
    try:
        number = phonenumbers.parse(raw, (region or "").upper() or None)
    except phonenumbers.NumberParseException:
        return ParsedPhone(problem="not a phone number")
    if mode == PhoneMode.API_FILTER:
        return ParsedPhone(e164=_e164(number))
    if mode == PhoneMode.INBOUND_SENDER:
        possible = phonenumbers.is_possible_number(number)
        return ParsedPhone(e164=_e164(number)) if possible else ParsedPhone(problem="not a phone number")
    if not phonenumbers.is_valid_number(number):
        return ParsedPhone(problem="not a valid phone number")
    if mode != PhoneMode.STORE_LINE and phonenumbers.number_type(number) not in _TEXTABLE:
        return ParsedPhone(problem="not a mobile number")
    return ParsedPhone(e164=_e164(number))


def _e164(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_region(e164: str) -> str | None:
    """The region (ISO country) of an E.164 number, None when it has none or does not parse."""
    try:
        number = e164 if isinstance(e164, phonenumbers.PhoneNumber) else phonenumbers.parse(str(e164), None)
    except phonenumbers.NumberParseException:
        return None
    return phonenumbers.region_code_for_number(number) or None


@dataclass(frozen=True)
class PhoneFacts:
    """What an international number tells by itself; blanks when it does not parse."""

    country: str = ""  # ISO region ("US"), "" when unknown
    calling_code: int | None = None  # 1 for the US and Canada
    national_number: str = ""  # the digits after the calling code ("4155552671")
    zones: tuple[str, ...] = ()  # where it may ring, the country's main zone first


def phone_facts(e164: str) -> PhoneFacts:
    """Country, calling code, national digits and zones of a number in international form."""
    try:
        number = phonenumbers.parse(str(e164 or ""), None)
    except phonenumbers.NumberParseException:
        return PhoneFacts()
    return PhoneFacts(
        country=phonenumbers.region_code_for_number(number) or "",
        calling_code=number.country_code,
        national_number=str(number.national_number),
        zones=phone_time_zones(number),
    )


def is_country_code(code: str) -> bool:
    """A two-letter region the numbering plan knows ("US", "CA"); the check for settings such as ships_to."""
    return code in phonenumbers.SUPPORTED_REGIONS


def country_calling_code(country: str) -> int | None:
    """The calling code of a country ("US" → 1, "us-fl" → 1), None for an unknown one."""
    return phonenumbers.country_code_for_region(country.split("-")[0].upper()) or None


def country_time_zones(country: str) -> tuple[str, ...]:
    """The zones a country's mobile numbers may ring in, its main zone first (() for an unknown country)."""
    example = phonenumbers.example_number_for_type(country, PhoneNumberType.MOBILE)
    return phone_time_zones(example) if example is not None else ()


def store_region(store) -> str | None:
    """Where the store texts from: the region a national number typed for this store is read in."""
    return phone_region(store.sms_number) if store.sms_number else None


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


# NANPA keeps 555-0100 through 555-0199 of every area code for fiction: no real phone has these numbers.
# The phone simulator plays only these, so nothing it does (consent, STOP) can touch a real person.
TEST_NUMBER_PATTERN = r"^\+1[2-9][0-9]{2}55501[0-9]{2}$"
TEST_NUMBER_RANGE = "+1 (any area code) 555-0100 to 555-0199"
_TEST_NUMBER = re.compile(TEST_NUMBER_PATTERN)


def phone_is_blank(phone) -> bool:
    """`not phone` for a phone field's value, without validating the number: phonenumber_field's
    PhoneNumber is true when its `str()` is not empty, and `str()` validates and formats it (0.1 ms, a few
    times a text in a dispatcher tick). That string is the formatted number when valid, else the input."""
    if isinstance(phone, FieldPhoneNumber):
        return not phone.raw_input and not phone.is_valid()
    return not phone


def phone_is_test_number(e164: str | None) -> bool:
    return bool(_TEST_NUMBER.match(str(e164 or "")))


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


# A phone number as it appears in a URL or request line, raw or percent-encoded: "+14155552671",
# "%2B14155552671", "%2B1%20415%20555%202671", "(415)%20555-2671", "+1+415+555+2671" (a form's spaces).
_SEPARATOR_IN_URL = r"(?:%20|%28|%29|%2[dD]|%2[eE]|[\s().+-])"
_NUMBER_IN_URL = re.compile(rf"(?:%2[bB]|\+)?\d(?:\d|{_SEPARATOR_IN_URL})*\d")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
MIN_PHONE_DIGITS = 7
# Fewer digits than that in the whole text: nothing to mask, and no pass of the regexes below.
_ENOUGH_DIGITS = re.compile(rf"\d(?:\D*\d){{{MIN_PHONE_DIGITS - 1}}}")
_NOT_DIGIT = re.compile(r"%2[0-9a-fA-F]|\D")


def phones_masked_in_url(text: str) -> str:
    """For access and request logs: phone numbers in paths and query strings (`?phone=%2B1415…`)
    masked like `phone_mask`, encoded or not. Dates and UUIDs (our ids) stay readable.

    gunicorn's access log runs this on every header and environ value of every request (about 40), so
    the cheap tests come first: a run of digits shorter than a phone number is left at once, and the
    ids are looked for only when a run is long enough.
    """
    if not _ENOUGH_DIGITS.search(text):
        return text
    ids: list[tuple[int, int]] | None = None

    def mask(match: re.Match) -> str:
        nonlocal ids
        found = match.group()
        if len(found) < MIN_PHONE_DIGITS:  # most runs: a port, a version, a length
            return found
        digits = _NOT_DIGIT.sub("", found)
        if len(digits) < MIN_PHONE_DIGITS or _ISO_DATE.fullmatch(found):
            return found
        if ids is None:
            ids = [span.span() for span in _UUID.finditer(text)]
        if any(start <= match.start() < end for start, end in ids):
            return found
        plus = "+" if found.startswith(("+", "%2B", "%2b")) else ""
        return phone_mask(plus + digits)

    return _NUMBER_IN_URL.sub(mask, text)
