"""Setup shows whether the sender is registered for US traffic, read from Twilio's API."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db(transaction=True)

SERVICE = "MG" + "1" * 32


def _setup(client, store):
    return client.get(reverse("dashboard:setup", kwargs={"store_id": store.id})).content.decode()


def test_a_long_code_without_a_verified_campaign_is_warned_about(owner_client, store, fake_twilio):
    # given a US long code in a Messaging Service whose campaign is still pending
    store.messaging_service_sid = SERVICE
    store.save()
    fake_twilio.register_campaign(SERVICE, "PENDING")

    html = _setup(owner_client, store)

    assert "Not registered for US texts: A2P 10DLC campaign pending." in html
    assert 'data-testid="sender-warning"' in html


def test_a_verified_campaign_shows_as_registered(owner_client, store, fake_twilio):
    store.messaging_service_sid = SERVICE
    store.save()
    fake_twilio.register_campaign(SERVICE, "FAILED")
    fake_twilio.register_campaign(SERVICE, "VERIFIED")

    html = _setup(owner_client, store)

    assert "Registered for US texts: A2P 10DLC campaign verified." in html
    assert 'data-testid="sender-warning"' not in html


def test_a_long_code_outside_any_messaging_service_is_unregistered(owner_client, store, fake_twilio):
    html = _setup(owner_client, store)

    assert "Not registered for US texts: US long codes need a Messaging Service" in html


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        (("TWILIO_APPROVED",), "Registered for US texts: toll-free number verified."),
        (("PENDING_REVIEW",), "Not registered for US texts: toll-free verification pending_review."),
        ((), "Not registered for US texts: no toll-free verification submitted."),
    ],
)
def test_a_toll_free_number_shows_its_verification(owner_client, store, fake_twilio, statuses, expected):
    store.sms_number = "+18445550100"
    store.sender_kind = "toll_free"
    store.save()
    fake_twilio.own_toll_free_number("+18445550100", toll_free_statuses=statuses)

    assert expected in _setup(owner_client, store)


def test_without_the_twilio_backend_nothing_is_claimed(owner_client, store):
    html = _setup(owner_client, store)

    assert 'data-testid="sender-registration"' not in html


def test_twilio_down_says_it_could_not_check(owner_client, store, settings):
    settings.SMS_BACKEND = "twilio"
    settings.TWILIO_API_BASE_URL = "http://127.0.0.1:9"  # nothing listens
    settings.TWILIO_HTTP_TIMEOUT = 0.5
    store.messaging_service_sid = SERVICE
    store.save()

    html = _setup(owner_client, store)

    assert "US registration unknown: could not ask Twilio" in html
