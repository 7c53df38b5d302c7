"""Signatures are compared in constant time, and no secret or full phone number reaches the logs."""

import hmac
import json
import logging
from unittest import mock

import pytest
import twilio.request_validator
from django.conf import settings

from conversations.models import Message
from conversations.sending import message_queue_outbound
from conversations.services import thread_get_or_create
from stores.phones import phone_mask, phones_masked_in
from stores.signing import generic_signature_header, shopify_hmac
from tests.conversations.twilio import signed_post
from tests.fakes.twilio_server import error
from tests.fixtures import load
from tests.stores.factories import CustomerFactory
from tests.stores.test_generic_webhooks import CART_UPDATED

pytestmark = pytest.mark.django_db

SHOPPER = "+14155552671"
# The same shopper as shops and Twilio write the number.
SHOPPER_SPELLINGS = [SHOPPER, "+1 415-555-2671", "4155552671", "415-555-2671", "%2B14155552671"]


@pytest.fixture
def compare_digest_spy():
    with mock.patch("stores.signing.hmac.compare_digest", wraps=hmac.compare_digest) as spy:
        yield spy


def _compared_values(spy) -> set[bytes]:
    return {arg for call in spy.call_args_list for arg in call.args}


def test_shopify_hmac_is_checked_with_compare_digest_against_the_header(store, client, compare_digest_spy):
    body = json.dumps(load("shopify_checkouts_create.json")).encode()
    wrong = shopify_hmac(secret="not-the-secret", body=body)

    response = client.post(
        f"/webhooks/shopify/{store.id}/",
        data=body,
        content_type="application/json",
        HTTP_X_SHOPIFY_TOPIC="checkouts/create",
        HTTP_X_SHOPIFY_HMAC_SHA256=wrong,
    )

    assert response.status_code == 401
    assert wrong.encode() in _compared_values(compare_digest_spy)
    assert shopify_hmac(secret=store.webhook_secret, body=body).encode() in _compared_values(
        compare_digest_spy
    )


def test_generic_signature_is_checked_with_compare_digest_against_the_header(
    store, client, compare_digest_spy
):
    body = json.dumps(CART_UPDATED).encode()
    header = generic_signature_header(secret="not-the-secret", body=body)
    given = header.split("v1=")[1]

    response = client.post(
        f"/webhooks/carts/{store.id}/",
        data=body,
        content_type="application/json",
        HTTP_X_CARTRECOVERY_SIGNATURE=header,
        HTTP_X_CARTRECOVERY_EVENT_ID="evt-1",
    )

    assert response.status_code == 401
    assert given.encode() in _compared_values(compare_digest_spy)


def test_twilio_signature_is_checked_by_twilios_constant_time_validator(store, client):
    with (
        mock.patch.object(
            twilio.request_validator.RequestValidator,
            "validate",
            autospec=True,
            side_effect=twilio.request_validator.RequestValidator.validate,
        ) as validate,
        mock.patch.object(
            twilio.request_validator, "compare", wraps=twilio.request_validator.compare
        ) as compare,
    ):
        response = signed_post(
            client,
            "/webhooks/twilio/sms/",
            {"MessageSid": "SM1", "From": SHOPPER, "To": "+1"},
            signature="forged",
        )

    assert response.status_code == 403
    assert validate.call_args.args[1] == settings.PUBLIC_BASE_URL + "/webhooks/twilio/sms/"
    assert validate.call_args.args[3] == "forged"
    assert any("forged" in call.args for call in compare.call_args_list)


def _logged_text(caplog) -> str:
    """Every record as a handler would write it, tracebacks included."""
    formatter = logging.Formatter("%(name)s %(message)s")
    return "\n".join(formatter.format(record) for record in caplog.records)


def test_no_secret_or_full_phone_number_reaches_the_logs(
    store, client, caplog, fake_twilio, send_shopify, django_capture_on_commit_callbacks
):
    # given everything at DEBUG, and a shopper who gives their number at checkout
    caplog.set_level(logging.DEBUG)
    checkout = load("shopify_checkouts_update.json")
    checkout.update(sms_marketing_phone="+1 415-555-2671", buyer_accepts_sms_marketing=True)
    body = json.dumps(checkout).encode()

    # when the shop reports the cart (well signed, then forged), the shopper texts in (also forged, and to an
    # unknown number), and the store answers through the real Twilio library
    send_shopify(store, body)
    client.post(
        f"/webhooks/shopify/{store.id}/",
        data=body,
        content_type="application/json",
        HTTP_X_SHOPIFY_TOPIC="checkouts/update",
        HTTP_X_SHOPIFY_HMAC_SHA256="forged",
    )
    with django_capture_on_commit_callbacks(execute=True):
        sms = {
            "MessageSid": "SM" + "1" * 32,
            "From": SHOPPER,
            "To": str(store.sms_number),
            "Body": "In blue?",
        }
        inbound = signed_post(client, "/webhooks/twilio/sms/", sms)
        signed_post(client, "/webhooks/twilio/sms/", sms, signature="forged")
        signed_post(client, "/webhooks/twilio/sms/", {**sms, "MessageSid": "SM2", "To": "+15005550006"})
    thread = thread_get_or_create(store=store, customer=store.customers.get(phone=SHOPPER))
    with django_capture_on_commit_callbacks(execute=True):
        message_queue_outbound(store=store, thread=thread, body="Yes, in navy too.", route="agent")

    # then the text went out and the logs tell the story, with no secret and no full number in them
    assert inbound.status_code == 200
    assert [m["to"] for m in fake_twilio.state.messages][-1:] == [SHOPPER]
    logged = _logged_text(caplog)
    assert phone_mask(SHOPPER) in logged
    for secret in (store.webhook_secret, settings.TWILIO_AUTH_TOKEN):
        assert secret not in logged
    for spelling in [*SHOPPER_SPELLINGS, str(store.sms_number)]:
        assert spelling not in logged, spelling


def test_a_twilio_refusal_quoting_the_number_does_not_put_it_in_the_logs(
    store, caplog, fake_twilio, django_capture_on_commit_callbacks
):
    # given Twilio's real wording for error 21211, which quotes the number back
    caplog.set_level(logging.DEBUG)
    fake_twilio.plan(error(21211, message=f"The 'To' number {SHOPPER} is not a valid phone number."))
    customer = CustomerFactory(store=store, phone=SHOPPER)
    thread = thread_get_or_create(store=store, customer=customer)

    # when the store texts the shopper and Twilio refuses
    with django_capture_on_commit_callbacks(execute=True):
        message = message_queue_outbound(store=store, thread=thread, body="Hi", route="agent")

    # then the refusal is logged, masked
    message.refresh_from_db()
    assert message.status == Message.Status.FAILED
    logged = _logged_text(caplog)
    assert "21211" in logged
    for spelling in SHOPPER_SPELLINGS:
        assert spelling not in logged, spelling


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("The 'To' number +14155552671 is not valid.", "The 'To' number +14•••••••71 is not valid."),
        ("to +1 415-555-2671 now", "to +14•••••••71 now"),
        ("Twilio 400 21211 on 2026-11-27", "Twilio 400 21211 on 2026-11-27"),
    ],
)
def test_numbers_quoted_in_provider_text_are_masked_and_codes_are_not(text, masked):
    assert phones_masked_in(text) == masked
