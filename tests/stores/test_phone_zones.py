"""A number's zone is its country's main zone, not the first of libphonenumber's alphabetical list."""

import phonenumbers
import pytest

from flows.policy import recipient_resolve
from stores.phones import phone_time_zones
from tests.stores.factories import CartFactory


def test_a_uk_mobile_rings_in_london_first():
    zones = phone_time_zones(phonenumbers.parse("+447400123456"))

    assert zones[0] == "Europe/London"
    assert "Europe/Guernsey" in zones


@pytest.mark.django_db
def test_a_uk_shopper_is_held_and_shown_in_london_time(store):
    assert recipient_resolve(phone="+447400123456", store=store).zones[0] == "Europe/London"


@pytest.mark.django_db
def test_a_uk_cart_address_without_a_zoned_number_means_london(store):
    cart = CartFactory(store=store, country="GB", province="")

    recipient = recipient_resolve(phone="", store=store, cart=cart)

    assert recipient.zones == ("Europe/London",)
    assert recipient.zone_source == "cart address"
