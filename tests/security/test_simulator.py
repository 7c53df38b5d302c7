"""Issue 11, item 9: the phone simulator plays test numbers only and is off in production unless turned on.

Every role may use the simulator, so an agent is the attacker here as much as an owner: "texting" START
or leaving a cart as a real person's number would record consent that person never gave, and opening a real
shopper's number would read their thread through a page that is not the inbox.
"""

import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from conversations.models import Message
from stores.models import ConsentEvent, Customer, Role, WebhookEvent
from tests.conversations.factories import OutboundMessageFactory, ThreadFactory
from tests.flows.factories import FlowFactory, StepFactory
from tests.security.conftest import login_as
from tests.stores.factories import CustomerFactory

REAL_LOOKING = ["+14155552671", "+1 (303) 555-2671", "+447911123456", "+13035550200", "+13035550099"]
TEST_NUMBER = "+14155550142"


def _url(store, name="inbox:simulator") -> str:
    return reverse(name, kwargs={"store_id": store.id})


@pytest.fixture
def demo_store(attacker_store):
    attacker_store.is_demo = True
    attacker_store.save(update_fields=["is_demo"])
    step = StepFactory(flow=FlowFactory(store=attacker_store), position=1, delay_minutes=45)
    return step.flow.store


@pytest.mark.parametrize("number", REAL_LOOKING)
def test_no_role_can_text_start_as_a_real_number(demo_store, attacker_role, number):
    client = login_as(demo_store, attacker_role)

    page = client.post(
        _url(demo_store, "inbox:simulator_send"), {"number": number, "body": "START"}, follow=True
    )

    assert "test numbers only" in page.content.decode()
    assert not ConsentEvent.objects.exists()
    assert not Customer.objects.filter(store=demo_store).exists()
    assert not Message.objects.exists()


@pytest.mark.parametrize("number", REAL_LOOKING)
def test_no_role_can_leave_a_cart_with_consent_as_a_real_number(
    demo_store, attacker_role, number, django_capture_on_commit_callbacks
):
    client = login_as(demo_store, attacker_role)

    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(_url(demo_store, "inbox:simulator_cart"), {"number": number}, follow=True)

    assert "test numbers only" in page.content.decode()
    assert not WebhookEvent.objects.exists()
    assert not ConsentEvent.objects.exists()


def test_a_test_number_plays_the_shopper_end_to_end(demo_store, django_capture_on_commit_callbacks):
    client = login_as(demo_store, Role.AGENT)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url(demo_store, "inbox:simulator_cart"), {"number": "+1 415 555 0142"})
        client.post(_url(demo_store, "inbox:simulator_send"), {"number": TEST_NUMBER, "body": "STOP"})

    (granted, revoked) = ConsentEvent.objects.filter(customer__phone=TEST_NUMBER).order_by(
        "occurred_at", "id"
    )
    assert (granted.kind, granted.source) == ("granted", "phone_simulator")
    assert revoked.kind == "revoked"


def test_a_real_shoppers_thread_cannot_be_read_through_the_simulator(demo_store, attacker_role):
    shopper = CustomerFactory(store=demo_store, phone="+14155552671")
    OutboundMessageFactory(
        store=demo_store,
        thread=ThreadFactory(store=demo_store, customer=shopper),
        body="Your order 8841 ships to 12 Elm St",
    )
    client = login_as(demo_store, attacker_role)

    page = client.get(_url(demo_store), {"number": "+14155552671"}).content.decode()
    screen = client.get(
        _url(demo_store, "inbox:simulator_screen"), {"number": "+14155552671"}
    ).content.decode()

    assert "12 Elm St" not in page
    assert "12 Elm St" not in screen
    assert "not a test number" in page


def test_only_test_numbers_are_offered_as_recent_numbers(demo_store):
    real = CustomerFactory(store=demo_store, phone="+14155552671", first_name="Real")
    fictional = CustomerFactory(store=demo_store, phone=TEST_NUMBER, first_name="Fiction")
    for customer in (real, fictional):
        ThreadFactory(store=demo_store, customer=customer)

    page = login_as(demo_store, Role.OWNER).get(_url(demo_store)).content.decode()

    assert TEST_NUMBER in page
    assert "+14155552671" not in page


def test_the_page_shows_the_test_number_range(demo_store):
    page = login_as(demo_store, Role.AGENT).get(_url(demo_store)).content.decode()

    assert "Test numbers only: +1 (any area code) 555-0100 to 555-0199" in page


def test_turned_off_by_the_setting_it_is_off_even_for_a_demo_store(demo_store, settings, attacker_role):
    settings.PHONE_SIMULATOR = False
    settings.SMS_BACKEND = "console"
    client = login_as(demo_store, attacker_role)

    page = client.get(_url(demo_store))
    send = client.post(_url(demo_store, "inbox:simulator_send"), {"number": TEST_NUMBER, "body": "START"})
    cart = client.post(_url(demo_store, "inbox:simulator_cart"), {"number": TEST_NUMBER})
    screen = client.get(_url(demo_store, "inbox:simulator_screen"), {"number": TEST_NUMBER})

    assert "turned off on this deployment" in page.content.decode()
    assert (send.status_code, cart.status_code, screen.status_code) == (404, 404, 404)
    assert not ConsentEvent.objects.exists()


def _production_setting(**env) -> str:
    environment = {name: value for name, value in os.environ.items() if name != "PHONE_SIMULATOR"}
    environment.update(
        DJANGO_SETTINGS_MODULE="cartrecovery.settings.production",
        SECRET_KEY="a-real-production-secret-for-this-check-only-0123456789",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/unused",
        REDIS_URL="redis://127.0.0.1:6379/0",
        SMS_BACKEND="twilio",
        TWILIO_ACCOUNT_SID="AC" + "1" * 32,
        TWILIO_AUTH_TOKEN="a-real-looking-twilio-token-0123456789",
        **env,
    )
    code = "from django.conf import settings; print(settings.PHONE_SIMULATOR)"
    result = subprocess.run(  # noqa: S603 - our own interpreter, fixed code
        [sys.executable, "-c", code],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        cwd=django_settings.BASE_DIR,
    )
    return result.stdout.strip()


def test_production_keeps_the_simulator_off_unless_a_setting_turns_it_on():
    assert _production_setting() == "False"
    assert _production_setting(PHONE_SIMULATOR="true") == "True"
