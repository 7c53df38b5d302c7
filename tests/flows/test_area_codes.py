from collections import defaultdict

import phonenumbers

from flows.area_codes import _AREA_CODES, us_state_for_number

_STATE_NAMES = {
    "Alabama": "AL", "Alaska": "AK", "Arizona": "AZ", "Arkansas": "AR", "California": "CA",
    "Colorado": "CO", "Connecticut": "CT", "Delaware": "DE", "Florida": "FL", "Georgia": "GA",
    "Hawaii": "HI", "Idaho": "ID", "Illinois": "IL", "Indiana": "IN", "Iowa": "IA", "Kansas": "KS",
    "Kentucky": "KY", "Louisiana": "LA", "Maine": "ME", "Maryland": "MD", "Massachusetts": "MA",
    "Michigan": "MI", "Minnesota": "MN", "Mississippi": "MS", "Missouri": "MO", "Montana": "MT",
    "Nebraska": "NE", "Nevada": "NV", "New Hampshire": "NH", "New Jersey": "NJ", "New Mexico": "NM",
    "New York": "NY", "North Carolina": "NC", "North Dakota": "ND", "Ohio": "OH", "Oklahoma": "OK",
    "Oregon": "OR", "Pennsylvania": "PA", "Rhode Island": "RI", "South Carolina": "SC",
    "South Dakota": "SD", "Tennessee": "TN", "Texas": "TX", "Utah": "UT", "Vermont": "VT",
    "Virginia": "VA", "Washington State": "WA", "West Virginia": "WV", "Wisconsin": "WI", "Wyoming": "WY",
    "Washington D.C.": "DC",
}  # fmt: skip


def _state(description: str) -> str:
    """The geocoder says "San Antonio, TX" for an exchange and "Texas" for a whole area code."""
    if len(description) > 4 and description[-4:-2] == ", ":
        return description[-2:]
    return _STATE_NAMES.get(description, "")


def _region(area_code: str, prefixes) -> str:
    exchanges = [p[3:6] for p in prefixes if len(p) >= 6] + ["234", "456", "555", "620"]
    for exchange in exchanges:
        number = phonenumbers.parse(f"+1{area_code}{exchange}1234")
        if region := phonenumbers.region_code_for_number(number):
            return region
    return ""


def test_every_us_prefix_of_the_geocoding_data_gets_the_geocoders_state():
    # The whole geocoding data (~100 MB), which is why the product carries the table instead.
    from phonenumbers.geodata import GEOCODE_DATA

    by_area_code = defaultdict(dict)
    for prefix, names in GEOCODE_DATA.items():
        if prefix.startswith("1") and len(prefix) >= 4 and "en" in names:
            by_area_code[prefix[1:4]][prefix[1:]] = names["en"]
    us = {code: prefixes for code, prefixes in by_area_code.items() if _region(code, prefixes) == "US"}

    wrong = {
        prefix: (us_state_for_number(prefix.ljust(10, "0")), description)
        for prefixes in us.values()
        for prefix, description in prefixes.items()
        if us_state_for_number(prefix.ljust(10, "0")) != _state(description)
    }

    assert not wrong, "flows/area_codes.py is out of date with phonenumbers' geocoding data"
    assert set(_AREA_CODES) == set(us)


def test_the_state_comes_from_the_area_code():
    assert us_state_for_number("2125550100") == "NY"
    assert us_state_for_number("3055550100") == "FL"
    assert us_state_for_number("8005550100") == ""
