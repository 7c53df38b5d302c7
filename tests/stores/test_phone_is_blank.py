"""`phone_is_blank`: what `not phone` says of a phone field's value, without validating the number."""

import phonenumbers
import pytest
from phonenumber_field.phonenumber import PhoneNumber

from stores.phones import phone_is_blank


def _without_raw_input(number: str) -> PhoneNumber:
    phone = PhoneNumber()
    phone.merge_from(phonenumbers.parse(number, "US"))
    return phone


@pytest.mark.parametrize(
    "phone",
    [
        None,
        "",
        PhoneNumber.from_string("+14155550100"),
        PhoneNumber(raw_input="12"),  # a value the field could not parse
        PhoneNumber(raw_input=""),
        _without_raw_input("+14155550100"),  # valid: str() formats it
    ],
    ids=["none", "empty", "valid", "unparsed", "empty-input", "valid-no-input"],
)
def test_it_says_what_not_phone_says(phone):
    assert phone_is_blank(phone) == (not phone)


def test_a_number_object_with_neither_a_valid_number_nor_an_input_is_blank():
    # `not phone` raises here (its str() returns None): no field value read from the database is like it
    assert phone_is_blank(PhoneNumber()) is True
    assert phone_is_blank(_without_raw_input("+1415")) is True


def test_a_number_read_from_the_database_is_not_validated_to_say_so(monkeypatch):
    phone = PhoneNumber.from_string("+14155550100")
    monkeypatch.setattr(PhoneNumber, "is_valid", lambda self: pytest.fail("validated"))

    assert phone_is_blank(phone) is False
