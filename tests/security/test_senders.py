"""Issue 11, item 1: a sender belongs to one store.

An attacker with a store of their own (or an agent's login) tries to take another tenant's sending number
or Messaging Service, so that its shoppers' replies — STOP included — land in the attacker's store.
"""

import logging

import pytest
from django.db import IntegrityError, connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse

from conversations.models import Message
from stores.models import Customer, Role, SmsStatus, Store, WebhookEvent
from tests.conversations.twilio import signed_post
from tests.security.conftest import VICTIM_NUMBER, VICTIM_SERVICE, login_as
from tests.stores.factories import CustomerFactory, StoreFactory, UserFactory

SMS_WEBHOOK = "/webhooks/twilio/sms/"
ACCOUNT = "AC" + "0" * 32  # the test settings' TWILIO_ACCOUNT_SID


def _post_sender(client: Client, store: Store, *, number: str = "", service: str = ""):
    return client.post(
        reverse("dashboard:setup_sender", kwargs={"store_id": store.id}),
        {"sms_number": number, "messaging_service_sid": service, "sender_kind": "long_code"},
    )


def _inbound(client: Client, *, to: str, body: str, service: str = "", sender: str = "+14155550123", sid="1"):
    params = {
        "MessageSid": "SM" + sid.rjust(32, "0"),
        "AccountSid": ACCOUNT,
        "From": sender,
        "To": to,
        "Body": body,
        "NumSegments": "1",
    }
    if service:
        params["MessagingServiceSid"] = service
    return signed_post(client, SMS_WEBHOOK, params)


# --- claiming another store's sender -------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.OWNER, Role.ADMIN])
@pytest.mark.parametrize(
    "typed", [VICTIM_NUMBER, "+1 303-555-0142", "(303) 555-0142", "303.555.0142", " +13035550142 "]
)
def test_a_manager_cannot_take_another_stores_number_however_it_is_written(
    attacker_store, victim_store, role, typed
):
    # given a manager of the attacker's store
    client = login_as(attacker_store, role)

    # when they save the victim's number as their sender, in any spelling
    response = _post_sender(client, attacker_store, number=typed)

    # then the page refuses it, saying why, and nothing changes
    assert response.status_code == 400
    assert "already in use by another store" in response.content.decode()
    attacker_store.refresh_from_db()
    assert str(attacker_store.sms_number) == "+13035550177"


@pytest.mark.parametrize("typed", [VICTIM_SERVICE, "MG" + VICTIM_SERVICE[2:].upper(), f" {VICTIM_SERVICE} "])
def test_an_owner_cannot_take_another_stores_messaging_service(attacker_store, victim_store, typed):
    client = login_as(attacker_store, Role.OWNER)

    response = _post_sender(client, attacker_store, service=typed)

    assert response.status_code == 400
    assert "already in use by another store" in response.content.decode()
    attacker_store.refresh_from_db()
    assert attacker_store.messaging_service_sid == ""


def test_an_agent_cannot_reach_the_sender_form_of_their_own_store(attacker_store, victim_store):
    client = login_as(victim_store, Role.AGENT)

    response = _post_sender(client, victim_store, number="+13035550188")

    assert response.status_code == 403
    victim_store.refresh_from_db()
    assert str(victim_store.sms_number) == VICTIM_NUMBER


def test_a_store_keeps_its_own_number_when_it_saves_it_again(victim_store):
    client = login_as(victim_store, Role.OWNER)

    response = _post_sender(client, victim_store, number="(303) 555-0142", service=VICTIM_SERVICE)

    assert response.status_code == 302
    victim_store.refresh_from_db()
    assert str(victim_store.sms_number) == VICTIM_NUMBER


def test_the_database_holds_one_store_per_number_and_per_service(victim_store):
    with pytest.raises(IntegrityError):
        StoreFactory(sms_number=VICTIM_NUMBER)


def test_the_database_holds_one_store_per_messaging_service(victim_store):
    with pytest.raises(IntegrityError):
        StoreFactory(messaging_service_sid=VICTIM_SERVICE)


def test_stores_without_a_sender_are_not_in_each_others_way(db):
    StoreFactory(sms_number="", messaging_service_sid="")
    StoreFactory(sms_number="", messaging_service_sid="")

    assert Store.objects.filter(sms_number="", messaging_service_sid="").count() == 2


# --- the whole attack: a STOP must reach the store that texted -----------------------------------------


def test_a_shoppers_stop_is_recorded_by_the_store_that_texted_them(
    client, attacker_store, victim_store, django_capture_on_commit_callbacks
):
    # given a subscribed shopper of the victim, and an attacker (with the older store) trying the number
    shopper = CustomerFactory(store=victim_store, phone="+14155550123", sms_status=SmsStatus.SUBSCRIBED)
    _post_sender(login_as(attacker_store, Role.OWNER), attacker_store, number=VICTIM_NUMBER)

    # when the shopper answers the victim's text with STOP
    with django_capture_on_commit_callbacks(execute=True):
        response = _inbound(client, to=VICTIM_NUMBER, body="STOP")

    # then the victim records the opt-out, and the attacker's store heard nothing
    assert response.status_code == 200
    shopper.refresh_from_db()
    assert shopper.sms_status == SmsStatus.UNSUBSCRIBED
    assert not Customer.objects.filter(store=attacker_store, phone="+14155550123").exists()
    assert not Message.objects.filter(store=attacker_store).exists()


# --- inbound routing never guesses ---------------------------------------------------------------------


def test_a_text_to_an_unknown_number_is_logged_and_answered_with_empty_twiml(client, victim_store, caplog):
    with caplog.at_level(logging.WARNING, logger="conversations.webhooks"):
        response = _inbound(client, to="+13035550999", body="hello?")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    assert response.content.decode().endswith("<Response/>")
    assert "unknown number" in caplog.text
    assert not WebhookEvent.objects.exists()


def test_a_service_and_a_number_of_two_stores_route_to_neither(client, attacker_store, victim_store, caplog):
    # given the victim's Messaging Service, and a To number that is the attacker's
    with caplog.at_level(logging.WARNING, logger="conversations.webhooks"):
        response = _inbound(client, to=str(attacker_store.sms_number), service=VICTIM_SERVICE, body="STOP")

    # then nobody's store takes it: a guess would put one tenant's STOP in the other's
    assert response.status_code == 200
    assert response.content.decode().endswith("<Response/>")
    assert not WebhookEvent.objects.exists()
    assert "several stores" in caplog.text


def test_a_pool_number_of_a_known_service_reaches_that_services_store(
    client, victim_store, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _inbound(client, to="+13035550999", service=VICTIM_SERVICE, body="hi")

    assert Message.objects.get(direction="in").store == victim_store


# --- who may create a store ----------------------------------------------------------------------------


def test_an_agent_cannot_create_a_store_by_url(attacker_store):
    client = login_as(attacker_store, Role.AGENT)

    response = client.post(
        reverse("dashboard:onboarding"),
        {"name": "Mine now", "platform": "custom", "timezone": "UTC"},
    )

    assert response.status_code == 403
    assert not Store.objects.filter(name="Mine now").exists()


def test_an_agent_never_sees_add_a_store(attacker_store):
    client = login_as(attacker_store, Role.AGENT)

    page = client.get(reverse("inbox:list", kwargs={"store_id": attacker_store.id})).content.decode()

    assert page.count("<body") == 1
    assert reverse("dashboard:onboarding") not in page
    assert "Add a store" not in page


@pytest.mark.parametrize("role", [Role.OWNER, Role.ADMIN])
def test_only_owners_see_and_use_add_a_store_by_default(attacker_store, role):
    client = login_as(attacker_store, role)

    page = client.get(reverse("dashboard:home", kwargs={"store_id": attacker_store.id})).content.decode()
    response = client.post(
        reverse("dashboard:onboarding"), {"name": "Second shop", "platform": "custom", "timezone": "UTC"}
    )

    assert ("Add a store" in page) is (role == Role.OWNER)
    assert response.status_code == (302 if role == Role.OWNER else 403)
    assert Store.objects.filter(name="Second shop").exists() is (role == Role.OWNER)


def test_a_person_without_a_store_cannot_create_one_by_default(db):
    client = Client()
    client.force_login(UserFactory())

    response = client.post(
        reverse("dashboard:onboarding"), {"name": "Fresh", "platform": "custom", "timezone": "UTC"}
    )

    assert response.status_code == 403
    assert "Ask an owner" in response.content.decode()
    assert not Store.objects.filter(name="Fresh").exists()


def test_staff_may_create_a_store(db):
    client = Client()
    client.force_login(UserFactory(is_staff=True))

    response = client.post(
        reverse("dashboard:onboarding"), {"name": "Operator's", "platform": "custom", "timezone": "UTC"}
    )

    assert response.status_code == 302


@pytest.mark.parametrize(
    ("policy", "allowed"), [("anyone", True), ("staff", False), ("owners", False), ("nonsense", False)]
)
def test_store_creation_follows_the_setting(db, settings, policy, allowed):
    settings.STORE_CREATION = policy
    client = Client()
    client.force_login(UserFactory())

    response = client.post(
        reverse("dashboard:onboarding"), {"name": "Policy shop", "platform": "custom", "timezone": "UTC"}
    )

    assert response.status_code == (302 if allowed else 403)


# --- checked with Twilio before saving (SMS_BACKEND=twilio, against the local Twilio-compatible server) --


FREE_NUMBER = "+13035550155"
OUR_SERVICE = "MG" + "b2" * 16


def test_a_number_outside_the_twilio_account_is_refused(fake_twilio, victim_store):
    # given a number that is no store's, but not this Twilio account's either
    fake_twilio.own_number("AC" + "9" * 32, FREE_NUMBER)
    client = login_as(victim_store, Role.OWNER)

    response = _post_sender(client, victim_store, number=FREE_NUMBER)

    assert response.status_code == 400
    assert "not one of your Twilio account" in response.content.decode()
    assert any("IncomingPhoneNumbers.json?PhoneNumber=%2B13035550155" in path for path in fake_twilio.lookups)
    victim_store.refresh_from_db()
    assert str(victim_store.sms_number) == VICTIM_NUMBER


def test_a_number_of_the_account_is_saved(fake_twilio, victim_store):
    fake_twilio.own_number(ACCOUNT, FREE_NUMBER)
    client = login_as(victim_store, Role.OWNER)

    response = _post_sender(client, victim_store, number=FREE_NUMBER)

    assert response.status_code == 302
    victim_store.refresh_from_db()
    assert str(victim_store.sms_number) == FREE_NUMBER


def test_a_number_that_only_contains_the_typed_digits_is_not_a_match(fake_twilio, victim_store):
    # Twilio's PhoneNumber filter matches part of a number: +1303555015 is in +13035550155
    fake_twilio.own_number(ACCOUNT, FREE_NUMBER)
    client = login_as(victim_store, Role.OWNER)

    response = _post_sender(client, victim_store, number="+1 303 555 0150")

    assert response.status_code == 400
    assert "not one of your Twilio account" in response.content.decode()


def test_a_messaging_service_of_another_account_is_refused(fake_twilio, attacker_store):
    fake_twilio.own_service("AC" + "9" * 32, OUR_SERVICE, numbers=(FREE_NUMBER,))
    client = login_as(attacker_store, Role.OWNER)

    response = _post_sender(client, attacker_store, service=OUR_SERVICE)

    assert response.status_code == 400
    assert "no Messaging Service with this SID" in response.content.decode()
    assert f"/v1/Services/{OUR_SERVICE}" in fake_twilio.lookups
    attacker_store.refresh_from_db()
    assert attacker_store.messaging_service_sid == ""


def test_a_messaging_service_of_the_account_and_a_number_in_its_pool_are_saved(fake_twilio, attacker_store):
    fake_twilio.own_service(ACCOUNT, OUR_SERVICE, numbers=(FREE_NUMBER,))
    client = login_as(attacker_store, Role.OWNER)

    response = _post_sender(client, attacker_store, number=FREE_NUMBER, service=OUR_SERVICE)

    assert response.status_code == 302
    attacker_store.refresh_from_db()
    assert (str(attacker_store.sms_number), attacker_store.messaging_service_sid) == (
        FREE_NUMBER,
        OUR_SERVICE,
    )
    assert any(path.startswith(f"/v1/Services/{OUR_SERVICE}/PhoneNumbers?") for path in fake_twilio.lookups)


def test_a_taken_sender_is_refused_before_twilio_is_asked(fake_twilio, attacker_store, victim_store):
    fake_twilio.own_number(ACCOUNT, VICTIM_NUMBER)
    client = login_as(attacker_store, Role.OWNER)

    response = _post_sender(client, attacker_store, number=VICTIM_NUMBER)

    assert response.status_code == 400
    assert "already in use by another store" in response.content.decode()
    assert fake_twilio.lookups == []


def test_twilio_unreachable_saves_nothing_and_says_so(fake_twilio, settings, victim_store):
    settings.TWILIO_API_BASE_URL = "http://127.0.0.1:9"  # discard: nothing listens
    client = login_as(victim_store, Role.OWNER)

    response = _post_sender(client, victim_store, number=FREE_NUMBER)

    assert response.status_code == 400
    assert "could not confirm this sender" in response.content.decode()
    victim_store.refresh_from_db()
    assert str(victim_store.sms_number) == VICTIM_NUMBER


def test_an_unchanged_sender_is_not_asked_again(fake_twilio, victim_store):
    client = login_as(victim_store, Role.OWNER)

    response = _post_sender(client, victim_store, number=VICTIM_NUMBER, service=VICTIM_SERVICE)

    assert response.status_code == 302
    assert fake_twilio.lookups == []


# --- the migration settles senders that two stores already share ---------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_the_oldest_holder_and_frees_the_others():
    executor = MigrationExecutor(connection)
    before, after = (
        [("stores", "0004_order_token_indexes")],
        [("stores", "0006_store_texas_registration_ships_to")],
    )
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    OldStore = old_apps.get_model("stores", "Store")
    first = OldStore.objects.create(
        name="First", sms_number=VICTIM_NUMBER, messaging_service_sid=VICTIM_SERVICE
    )
    second = OldStore.objects.create(
        name="Second", sms_number=VICTIM_NUMBER, messaging_service_sid="MG" + VICTIM_SERVICE[2:].upper()
    )
    third = OldStore.objects.create(name="Third", sms_number="+13035550166", messaging_service_sid="")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    settled = {s.name: (str(s.sms_number), s.messaging_service_sid) for s in Store.objects.all()}
    assert settled == {
        first.name: (VICTIM_NUMBER, VICTIM_SERVICE),
        second.name: ("", ""),
        third.name: ("+13035550166", ""),
    }
