from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from flows.models import Flow
from flows.policy import POLICY_TABLE, policy_for, quiet_hours_check, recipient_resolve
from tests.stores.factories import CartFactory, StoreFactory


def _at(zone: str, *args) -> datetime:
    return datetime(*args, tzinfo=ZoneInfo(zone)).astimezone(UTC)


def _check(phone, now, *, store_zone="America/New_York", country="", province="", flow=None):
    store = StoreFactory.build(timezone=store_zone)
    cart = CartFactory.build(store=store, country=country, province=province)
    recipient = recipient_resolve(phone=phone, store=store, cart=cart)
    return quiet_hours_check(recipient=recipient, now=now, flow=flow)


# 2026-03-04 is a Wednesday, 2026-03-08 a Sunday.
@pytest.mark.parametrize(
    ("phone", "local_now", "zone", "expected"),
    [
        (
            "+12125550100",
            (2026, 3, 4, 7, 59),
            "America/New_York",
            "held until 08:00 America/New_York — area code",
        ),
        ("+12125550100", (2026, 3, 4, 8, 0), "America/New_York", None),
        ("+12125550100", (2026, 3, 4, 20, 59), "America/New_York", None),
        (
            "+12125550100",
            (2026, 3, 4, 21, 0),
            "America/New_York",
            "held until Thu 08:00 America/New_York — area code",
        ),
        (
            "+14155550100",
            (2026, 3, 4, 6, 0),
            "America/Los_Angeles",
            "held until 08:00 America/Los_Angeles — area code",
        ),
        (
            "+13055550123",
            (2026, 3, 4, 20, 0),
            "America/New_York",
            "held until Thu 08:00 America/New_York — area code, Florida 8:00–20:00",
        ),
        ("+13055550123", (2026, 3, 4, 19, 59), "America/New_York", None),
        (
            "+12065550100",
            (2026, 3, 4, 20, 30),
            "America/Los_Angeles",
            "held until Thu 08:00 America/Los_Angeles — area code, Washington 8:00–20:00",
        ),
        (
            "+18605550100",
            (2026, 3, 4, 20, 30),
            "America/New_York",
            "held until Thu 08:00 America/New_York — area code, Connecticut 8:00–20:00",
        ),
        (
            "+14105550100",
            (2026, 3, 4, 20, 30),
            "America/New_York",
            "held until Thu 08:00 America/New_York — area code, Maryland 8:00–20:00",
        ),
        (
            "+19185550100",
            (2026, 3, 4, 20, 30),
            "America/Chicago",
            "held until Thu 08:00 America/Chicago — area code, Oklahoma 8:00–20:00",
        ),
        ("+33612345678", (2026, 3, 7, 21, 30), "Europe/Paris", None),
        (
            "+33612345678",
            (2026, 3, 7, 22, 0),
            "Europe/Paris",
            "held until Mon 08:00 Europe/Paris — country code, France 8:00–22:00, "
            "no Sundays or public holidays",
        ),
        (
            "+33612345678",
            (2026, 3, 8, 11, 0),
            "Europe/Paris",
            "held until Mon 08:00 Europe/Paris — country code, France 8:00–22:00, "
            "no Sundays or public holidays",
        ),
        ("+4917612345678", (2026, 3, 8, 11, 0), "Europe/Berlin", None),
        (
            "+447400123456",
            (2026, 3, 4, 21, 15),
            "Europe/London",
            "held until Thu 08:00 Europe/London — country code",
        ),
    ],
)
def test_quiet_hours_in_the_recipients_local_time(phone, local_now, zone, expected):
    hold = _check(phone, _at(zone, *local_now))

    assert (hold.reason if hold else None) == expected


def test_a_hold_ends_at_the_next_allowed_minute():
    hold = _check("+33612345678", _at("Europe/Paris", 2026, 3, 8, 11, 0))

    assert hold.until == _at("Europe/Paris", 2026, 3, 9, 8, 0)


def test_a_number_in_two_zones_must_be_inside_the_window_in_both():
    # given a Spanish mobile: Madrid and the Canaries (one hour behind)
    eight_thirty_madrid = _at("Europe/Madrid", 2026, 3, 4, 8, 30)

    # when
    hold = _check("+34612345678", eight_thirty_madrid)

    # then it is still 07:30 on the Canaries
    assert hold.until == _at("Atlantic/Canary", 2026, 3, 4, 8, 0)
    assert hold.reason == "held until 08:00 Atlantic/Canary — country code"
    assert _check("+34612345678", _at("Europe/Madrid", 2026, 3, 4, 9, 0)) is None


def test_an_australian_mobile_waits_for_the_westernmost_zone_in_the_morning():
    # 08:30 in Sydney is 04:00 on the Cocos Islands, the westernmost of its zones
    hold = _check("+61412345678", _at("Australia/Sydney", 2026, 3, 4, 8, 30))

    assert hold is not None
    assert hold.until == _at("Indian/Cocos", 2026, 3, 4, 8, 0)


def test_a_number_whose_zones_never_share_a_window_falls_back_to_the_cart_address():
    # +1 500 numbers map to every NANP zone, from Guam to Newfoundland: no common window
    hold = _check("+15005550006", _at("America/Los_Angeles", 2026, 3, 4, 7, 0), country="US", province="CA")

    assert hold.reason == "held until 08:00 America/Los_Angeles — cart address"


def test_a_number_without_a_zone_and_no_address_uses_the_store_time_zone():
    hold = _check("+15005550006", _at("America/Denver", 2026, 3, 4, 7, 0), store_zone="America/Denver")

    assert hold.reason == "held until 08:00 America/Denver — store time zone"


def test_a_florida_shipping_address_narrows_the_window_of_an_out_of_state_number():
    hold = _check("+14155550100", _at("America/Los_Angeles", 2026, 3, 4, 20, 30), country="US", province="FL")

    assert hold.reason == "held until Thu 08:00 America/Los_Angeles — area code, Florida 8:00–20:00"


def test_the_merchants_quiet_hours_narrow_but_never_widen_the_law():
    narrow = Flow(quiet_hours_start=10, quiet_hours_end=18)
    wide = Flow(quiet_hours_start=6, quiet_hours_end=23)

    assert _check("+12125550100", _at("America/New_York", 2026, 3, 4, 9, 0), flow=narrow).until == _at(
        "America/New_York", 2026, 3, 4, 10, 0
    )
    assert _check("+12125550100", _at("America/New_York", 2026, 3, 4, 7, 0), flow=wide).until == _at(
        "America/New_York", 2026, 3, 4, 8, 0
    )


def test_the_morning_window_opens_at_8_local_on_the_day_clocks_go_forward():
    # 2026-03-08 02:00 → 03:00 in New York
    hold = _check("+12125550100", _at("America/New_York", 2026, 3, 8, 1, 30))

    assert hold.until == _at("America/New_York", 2026, 3, 8, 8, 0)


def test_the_policy_table_has_one_row_per_country_or_state_rule():
    florida = policy_for(country="US", states=("FL",))
    california = policy_for(country="US", states=("CA",))

    assert (florida.end_hour, florida.max_texts_per_24h, florida.one_cart_text_per_abandonment) == (
        20,
        3,
        True,
    )
    assert (california.end_hour, california.max_texts_per_24h) == (21, None)
    assert POLICY_TABLE["CA"].one_cart_text_per_abandonment
    assert not POLICY_TABLE["GB"].one_cart_text_per_abandonment
    assert policy_for(country="ZZ").key == "*"
