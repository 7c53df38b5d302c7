"""Correctly signed but hostile forms on Twilio's two webhooks: never a 5xx, always a contract answer."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conversations.models import Message
from tests.conversations.factories import OutboundMessageFactory

from .conftest import CONTRACT_ANSWERS, PROOF, phone_texts

pytestmark = pytest.mark.django_db

SMS = "/webhooks/twilio/sms/"
STATUS = "/webhooks/twilio/status/"
# Form text never holds lone surrogates (they cannot be sent as UTF-8); everything else is fair game.
form_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)
odd_numbers = (
    st.sampled_from(
        [
            "",
            "NaN",
            "-NaN",
            "sNaN",
            "Infinity",
            "-inf",
            "1e999999",
            "-1e-999999",
            "0.00000000000000000001",
            "99999999999999999999999",
            "-0.0075",
            "1,5",
            "  2 ",
            "0x10",
            "١٢",
        ]
    )
    | form_text
)


def _sendable(text: str) -> bool:
    return not any(0xD800 <= ord(c) <= 0xDFFF for c in text)


def _answered_within_contract(response) -> None:
    assert response.status_code in CONTRACT_ANSWERS, (response.status_code, response.content[:300])


@PROOF
@given(
    sender=phone_texts.filter(_sendable),
    body=form_text,
    sid=form_text,
    to_known=st.booleans(),
    extra=st.lists(st.tuples(form_text, form_text), max_size=4),
)
def test_inbound_sms_with_any_text_and_any_numbers_never_5xx(
    store, send_twilio, sender, body, sid, to_known, extra
):
    # given a store's own number (or not) and any sender, body and SID Twilio could be made to carry
    to = str(store.sms_number) if to_known else sender
    form = [("MessageSid", sid), ("From", sender), ("To", to), ("Body", body), *extra]

    # when Twilio posts it, correctly signed
    response = send_twilio(SMS, form)

    # then the answer is in the contract, and an accepted text is answered with TwiML
    _answered_within_contract(response)
    if response.status_code == 200:
        assert response["Content-Type"].startswith("application/xml")


@PROOF
@given(raw=st.binary(max_size=200))
def test_inbound_sms_with_invalid_utf8_never_5xx(store, send_twilio, raw):
    body = b"MessageSid=SM1&From=%2B14155552671&To=" + str(store.sms_number).encode().replace(b"+", b"%2B")
    body += b"&Body=" + raw

    response = send_twilio(SMS, body)

    _answered_within_contract(response)


@PROOF
@given(
    status=st.sampled_from(["queued", "sent", "delivered", "undelivered", "failed", "read"]) | form_text,
    error_code=st.sampled_from(["", "30003", "30005", "21610", "30007"]) | form_text,
    price=odd_numbers,
    price_unit=form_text,
)
def test_status_callback_with_any_status_price_and_error_never_5xx(
    store, send_twilio, status, error_code, price, price_unit
):
    # given a text we sent, and a callback about it with any status, error code and price
    message = OutboundMessageFactory(store=store, thread__store=store, thread__customer__store=store)
    form = [
        ("MessageSid", message.twilio_sid),
        ("MessageStatus", status),
        ("ErrorCode", error_code),
        ("Price", price),
        ("PriceUnit", price_unit),
    ]

    # when Twilio posts it
    response = send_twilio(STATUS, form)

    # then the answer is in the contract and the message is still readable
    _answered_within_contract(response)
    assert Message.objects.filter(pk=message.pk).exists()


@PROOF
@given(sid=form_text, raw=st.binary(max_size=100))
def test_status_callback_for_unknown_or_garbled_sids_never_5xx(store, send_twilio, sid, raw):
    response = send_twilio(STATUS, [("MessageSid", sid), ("MessageStatus", "delivered")])
    garbled = send_twilio(STATUS, b"MessageSid=" + raw + b"&MessageStatus=" + raw)

    _answered_within_contract(response)
    _answered_within_contract(garbled)


@pytest.mark.parametrize("path", [SMS, STATUS])
def test_twilio_forms_over_the_size_limit_are_refused_not_crashed(store, send_twilio, path):
    form = [
        ("MessageSid", "SM1"),
        ("From", "+14155552671"),
        ("To", str(store.sms_number)),
        ("Body", "x" * 2_000_000),
    ]

    response = send_twilio(path, form)

    assert response.status_code in {400, 413}


@pytest.mark.parametrize("price", ["1e999999", "NaN", "sNaN", "-Infinity", "123456.7"])
def test_status_callback_with_a_price_that_does_not_fit_is_accepted_without_a_price(
    store, send_twilio, price
):
    # These once reached the NUMERIC(10, 5) column and failed there: a 500 for Twilio to retry forever.
    message = OutboundMessageFactory(store=store, thread__store=store, thread__customer__store=store)

    response = send_twilio(
        STATUS, [("MessageSid", message.twilio_sid), ("MessageStatus", "sent"), ("Price", price)]
    )

    assert response.status_code == 200
    message.refresh_from_db()
    assert (message.status, message.price) == (Message.Status.SENT, None)


@pytest.mark.parametrize(("price", "kept"), [("-0.0075000001", "0.00750"), ("1e-999999", "0.00000")])
def test_status_callback_price_is_kept_to_five_places(store, send_twilio, price, kept):
    # "1e-999999" once failed in the database too (numeric overflow): it is a price of nothing.
    message = OutboundMessageFactory(store=store, thread__store=store, thread__customer__store=store)

    send_twilio(STATUS, [("MessageSid", message.twilio_sid), ("Price", price), ("PriceUnit", "USD")])

    message.refresh_from_db()
    assert (str(message.price), message.price_unit) == (kept, "USD")
