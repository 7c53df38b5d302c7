"""Twilio's webhooks with Twilio's real payloads and real signatures."""

import base64
import hashlib
import hmac

import pytest
from django.conf import settings
from twilio.request_validator import RequestValidator

from conversations.models import Message, Thread
from stores.models import Customer, SmsStatus, WebhookEvent
from tests.conversations.factories import OutboundMessageFactory, ThreadFactory
from tests.conversations.twilio import signed_post
from tests.fixtures import load, load_raw
from tests.stores.factories import CustomerFactory, StoreFactory

SMS = "/webhooks/twilio/sms/"
STATUS = "/webhooks/twilio/status/"


class _Multi(dict):
    def getlist(self, key):
        return self[key]


def _vector_params(vector) -> dict | _Multi:
    if "params_list" in vector:
        multi = _Multi()
        for key, value in vector["params_list"]:
            multi.setdefault(key, []).append(value)
        return multi
    return vector.get("params", {})


@pytest.mark.parametrize("vector", load("twilio_signature_vectors.json")["vectors"], ids=lambda v: v["name"])
def test_twilio_signature_vectors_hold_for_the_validator_we_use(vector):
    validator = RequestValidator(load("twilio_signature_vectors.json")["auth_token"])
    if "expected_signature" not in vector:
        assert validator.compute_hash(vector["body"]) == vector["expected_body_sha256_hex"]
        return
    params = vector["body"] if "body" in vector else _vector_params(vector)
    assert validator.validate(vector["url"], params, vector["expected_signature"])
    if not vector.get("validate_only") and "body" not in vector:
        signed_url = vector.get("signed_url", vector["url"])
        assert validator.compute_signature(signed_url, params) == vector["expected_signature"]
    assert not validator.validate(vector["url"], params, "AAAA" + vector["expected_signature"][4:])


def _twilio_signature(url: str, form: str) -> str:
    """Twilio's algorithm written out (HMAC-SHA1 over URL + sorted name/value pairs), to cross-check."""
    from urllib.parse import parse_qsl

    pairs = sorted(set(parse_qsl(form, keep_blank_values=True)))
    message = url + "".join(name + value for name, value in pairs)
    digest = hmac.new(settings.TWILIO_AUTH_TOKEN.encode(), message.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


@pytest.fixture
def fixture_store(db):
    return StoreFactory(sms_number=load("twilio_inbound_sms.json")["To"])


def _post_raw(client, path, raw_body, signature):
    return client.post(
        path,
        data=raw_body,
        content_type="application/x-www-form-urlencoded",
        HTTP_X_TWILIO_SIGNATURE=signature,
    )


@pytest.mark.django_db
def test_the_real_inbound_capture_is_recorded_routed_and_answered_with_empty_twiml(
    client, fixture_store, sms_outbox, django_capture_on_commit_callbacks
):
    # given
    raw = load_raw("twilio_inbound_sms.json")["_raw_body"]
    signature = _twilio_signature(settings.PUBLIC_BASE_URL + SMS, raw)

    # when
    with django_capture_on_commit_callbacks(execute=True):
        response = _post_raw(client, SMS, raw, signature)

    # then
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    assert response.content.decode().endswith("<Response/>")
    inbound = Message.objects.get(twilio_sid="SMa741ddeb574e5dda5516c73417fcd28a")
    assert (inbound.direction, inbound.body, inbound.store) == ("in", "Hi there from Twilio", fixture_store)
    stranger = Customer.objects.get(store=fixture_store, phone="+13177592786")
    assert stranger.sms_status == SmsStatus.NONE
    assert inbound.thread.customer == stranger
    assert inbound.thread.status == Thread.Status.ESCALATED  # nothing matched: fallback and a person
    assert [sms.to for sms in sms_outbox] == ["+13177592786"]
    event = WebhookEvent.objects.get(store=fixture_store, source="twilio")
    assert event.status == "processed"
    assert "Body" not in event.payload
    assert "From" not in event.payload


@pytest.mark.django_db
def test_a_repeated_message_sid_has_no_second_effect(
    client, fixture_store, sms_outbox, django_capture_on_commit_callbacks
):
    # given
    params = load("twilio_inbound_sms.json")

    # when
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            response = signed_post(client, SMS, params)
        assert response.status_code == 200

    # then
    assert Message.objects.filter(direction="in").count() == 1
    assert len(sms_outbox) == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "signature",
    ["", "not-a-signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8="],
    ids=["missing", "garbage", "another-request"],
)
def test_an_unsigned_or_badly_signed_text_is_refused(client, fixture_store, signature):
    response = signed_post(client, SMS, load("twilio_inbound_sms.json"), signature=signature)

    assert response.status_code == 403
    assert not Message.objects.exists()


@pytest.mark.django_db
def test_a_signature_made_with_another_token_or_url_is_refused(client, fixture_store):
    params = load("twilio_inbound_sms.json")
    wrong_token = signed_post(client, SMS, params, token="someone-elses-token")
    other_url = RequestValidator(settings.TWILIO_AUTH_TOKEN).compute_signature(
        "https://evil.example" + SMS, params
    )

    assert wrong_token.status_code == 403
    assert signed_post(client, SMS, params, signature=other_url).status_code == 403


@pytest.mark.django_db
def test_a_tampered_body_is_refused(client, fixture_store):
    # given
    params = load("twilio_inbound_sms.json")
    signature = RequestValidator(settings.TWILIO_AUTH_TOKEN).compute_signature(
        settings.PUBLIC_BASE_URL + SMS, params
    )

    # when
    response = signed_post(client, SMS, {**params, "Body": "STOP"}, signature=signature)

    # then
    assert response.status_code == 403


@pytest.mark.django_db
def test_a_query_string_is_part_of_the_signed_url(client, fixture_store, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_post(client, SMS + "?source=pool", load("twilio_inbound_sms.json"))

    assert response.status_code == 200
    assert Message.objects.filter(direction="in").count() == 1


@pytest.mark.django_db
def test_a_text_to_an_unknown_number_gets_empty_twiml_and_leaves_no_trace(client, store):
    response = signed_post(client, SMS, {**load("twilio_inbound_sms.json"), "To": "+19995550000"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    assert not Message.objects.exists()
    assert not WebhookEvent.objects.exists()


@pytest.mark.django_db
def test_a_messaging_service_finds_its_store_even_from_a_pool_number(
    client, django_capture_on_commit_callbacks
):
    # given
    pooled = StoreFactory(sms_number="+13035550111", messaging_service_sid="MG" + "1" * 32)
    params = {**load("twilio_inbound_sms.json"), "To": "+13035550999", "MessagingServiceSid": "MG" + "1" * 32}

    # when
    with django_capture_on_commit_callbacks(execute=True):
        signed_post(client, SMS, params)

    # then
    assert Message.objects.get(direction="in").store == pooled


@pytest.mark.django_db
def test_a_store_on_its_own_subaccount_takes_only_that_subaccounts_texts(client):
    # given
    params = load("twilio_inbound_sms.json")
    StoreFactory(sms_number=params["To"], twilio_account_sid="AC" + "9" * 32)

    # when
    response = signed_post(client, SMS, params)

    # then
    assert response.status_code == 200
    assert not WebhookEvent.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "form",
    [
        {"From": "+14155550100", "To": "+13177933221"},  # no MessageSid
        {"MessageSid": "SM" + "a" * 32, "To": "+13177933221"},  # no From
        {"MessageSid": "SM" + "b" * 32, "From": "not a number", "To": "+13177933221", "Body": "hi"},
        {"MessageSid": "SM" + "c" * 32, "From": "+14155550100", "To": "+13177933221", "Body": "x" * 5000},
        {"MessageSid": "SM" + "d" * 32, "From": "+14155550100", "To": "+13177933221", "Body": "\x00💥 ok"},
    ],
    ids=["no-sid", "no-from", "from-not-a-number", "huge-body", "odd-characters"],
)
def test_bad_input_never_gets_a_server_error(client, fixture_store, form, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_post(client, SMS, form)

    assert response.status_code < 500


@pytest.mark.django_db
def test_a_get_or_a_non_form_body_is_not_a_server_error(client, fixture_store):
    assert client.get(SMS).status_code == 405
    assert client.post(SMS, data=b"\xff\xfe", content_type="application/json").status_code == 403
    invalid_utf8 = b"MessageSid=SM1&From=%2B14155550100&Body=%FF%FE"
    response = client.post(
        SMS, data=invalid_utf8, content_type="application/x-www-form-urlencoded", HTTP_X_TWILIO_SIGNATURE="x"
    )
    assert response.status_code == 403


@pytest.mark.django_db
def test_the_real_status_capture_moves_the_message_to_sent(client):
    # given
    raw = load_raw("twilio_status_callback.json")["_raw_body"]
    message = OutboundMessageFactory(twilio_sid="SM7ac25b8b7f04410093ff54e1fd2b4256", status="queued")

    # when
    response = _post_raw(client, STATUS, raw, _twilio_signature(settings.PUBLIC_BASE_URL + STATUS, raw))

    # then
    assert response.status_code == 200
    message.refresh_from_db()
    assert message.status == "sent"


def _status(client, sid, status, **extra):
    return signed_post(client, STATUS, {"MessageSid": sid, "MessageStatus": status, **extra})


@pytest.mark.django_db
def test_callbacks_out_of_order_never_move_a_status_backwards(client):
    # given
    message = OutboundMessageFactory(status="queued")

    # when
    for status in ["delivered", "sent", "queued", "sending"]:
        assert _status(client, message.twilio_sid, status).status_code == 200

    # then
    message.refresh_from_db()
    assert message.status == "delivered"


@pytest.mark.django_db
def test_a_failed_callback_keeps_its_error_code_and_price(client):
    message = OutboundMessageFactory(status="sent")

    _status(client, message.twilio_sid, "undelivered", ErrorCode="30003", Price="-0.00790", PriceUnit="USD")

    message.refresh_from_db()
    assert (message.status, message.error_code, str(message.price), message.price_unit) == (
        "undelivered",
        "30003",
        "0.00790",
        "USD",
    )


@pytest.mark.django_db
def test_error_21610_on_a_callback_unsubscribes_the_shopper(client, store):
    # given
    customer = CustomerFactory(store=store, sms_status=SmsStatus.SUBSCRIBED)
    message = OutboundMessageFactory(thread=ThreadFactory(store=store, customer=customer), status="queued")

    # when
    _status(client, message.twilio_sid, "failed", ErrorCode="21610")
    _status(client, message.twilio_sid, "failed", ErrorCode="21610")

    # then
    customer.refresh_from_db()
    assert customer.sms_status == SmsStatus.UNSUBSCRIBED
    assert customer.consent_events.filter(kind="revoked", source="carrier").count() == 1


@pytest.mark.django_db
def test_two_landline_verdicts_mark_the_number_unreachable(client, store):
    customer = CustomerFactory(store=store)
    thread = ThreadFactory(store=store, customer=customer)
    first, second = (OutboundMessageFactory(thread=thread) for _ in range(2))

    _status(client, first.twilio_sid, "undelivered", ErrorCode="30006")
    _status(client, first.twilio_sid, "undelivered", ErrorCode="30006")  # the same send, repeated
    customer.refresh_from_db()
    after_one_send = customer.can_be_texted
    _status(client, second.twilio_sid, "undelivered", ErrorCode="30006")

    customer.refresh_from_db()
    assert after_one_send
    assert "30006" in customer.phone_unreachable_reason
    assert customer.unreachable_until is not None
    assert not customer.can_be_texted


@pytest.mark.django_db
def test_status_callbacks_need_a_signature_and_ignore_unknown_messages(client):
    message = OutboundMessageFactory(status="queued")

    refused = signed_post(
        client, STATUS, {"MessageSid": message.twilio_sid, "MessageStatus": "sent"}, signature="x"
    )
    unknown = _status(client, "SM" + "f" * 32, "delivered")
    garbage = _status(client, message.twilio_sid, "teleported")

    assert (refused.status_code, unknown.status_code, garbage.status_code) == (403, 200, 200)
    message.refresh_from_db()
    assert message.status == "queued"


@pytest.mark.django_db
def test_a_status_callback_finds_a_text_by_its_id_before_its_sid_is_recorded(client):
    # given: a text the worker sent and has not recorded yet (`sending`, no SID), and another text
    message = OutboundMessageFactory(status="sending", twilio_sid=None)
    other = OutboundMessageFactory(status="sending", twilio_sid=None)

    # when: its callback, with its id in the URL Twilio was given and signed over
    answered = signed_post(
        client, f"{STATUS}?m={message.id}", {"MessageSid": "SM" + "a" * 32, "MessageStatus": "sent"}
    )
    forged = signed_post(
        client,
        f"{STATUS}?m={other.id}",
        {"MessageSid": "SM" + "b" * 32, "MessageStatus": "sent"},
        signature="x",
    )

    # then
    assert (answered.status_code, forged.status_code) == (200, 403)
    message.refresh_from_db()
    other.refresh_from_db()
    assert (message.twilio_sid, message.status) == ("SM" + "a" * 32, "sent")
    assert (other.twilio_sid, other.status) == (None, "sending")
