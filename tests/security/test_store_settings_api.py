"""Issue 11, item 1: `GET`/`PATCH /api/v1/stores/<id>/settings/` — owners and admins of that store only,
the contract's shape, and the same rules (one service) as the dashboard's Setup and Settings pages."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from flows.models import Flow
from stores.models import Role
from stores.services import api_token_create
from tests.flows.factories import FlowFactory
from tests.security.conftest import VICTIM_NUMBER, VICTIM_SERVICE, login_as
from tests.stores.factories import MembershipFactory

CONTRACT_FIELDS = {
    "name",
    "timezone",
    "language",
    "sender_number",
    "messaging_service_sid",
    "sender_rate_per_second",
    "quiet_hours",
    "frequency_cap",
    "shipping_policy",
    "returns_policy",
    "contact_email",
    "contact_phone",
    "website_url",
    "texas_registration",
    "ships_to",
}
STORE_FACTS = {"free_shipping_over", "return_days", "processing_days"}
# The canned replies in every language (issue 16), beside the contract's fields.
REPLIES = {"replies", "replies_edited", "fallback_reply", "holding_reply"}


def api_as(store, role: str) -> APIClient:
    client = APIClient()
    _, token = api_token_create(user=MembershipFactory(store=store, role=role).user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def _url(store) -> str:
    return f"/api/v1/stores/{store.id}/settings/"


@pytest.fixture
def attacker_flow(attacker_store):
    return FlowFactory(store=attacker_store)


# --- who may read and write ----------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.OWNER, Role.ADMIN])
def test_managers_read_their_stores_settings_in_the_contracts_shape(attacker_store, attacker_flow, role):
    response = api_as(attacker_store, role).get(_url(attacker_store))

    assert response.status_code == 200
    body = response.json()
    # the contract's fields, the Settings page's CTIA choice (compliance issue) and the facts the bot
    # states (languages issue) beside them
    assert set(body) == CONTRACT_FIELDS | {"consent_confirmation"} | STORE_FACTS | REPLIES
    assert body["sender_number"] == "+13035550177"
    assert body["quiet_hours"] == {
        "start": attacker_flow.quiet_hours_start,
        "end": attacker_flow.quiet_hours_end,
    }
    assert body["texas_registration"] is None
    assert body["ships_to"] == []


def test_an_agent_is_refused_with_403(attacker_store):
    client = api_as(attacker_store, Role.AGENT)

    assert client.get(_url(attacker_store)).status_code == 403
    assert client.patch(_url(attacker_store), {"name": "Agent's"}, format="json").status_code == 403
    attacker_store.refresh_from_db()
    assert attacker_store.name == "Attacker Goods"


def test_another_stores_settings_are_a_404_for_every_role(attacker_store, victim_store, attacker_role):
    client = api_as(attacker_store, attacker_role)

    read = client.get(_url(victim_store))
    write = client.patch(_url(victim_store), {"sender_number": "+13035550177"}, format="json")

    assert (read.status_code, write.status_code) == (404, 404)
    victim_store.refresh_from_db()
    assert str(victim_store.sms_number) == VICTIM_NUMBER


def test_without_a_token_nothing_is_read(attacker_store):
    assert APIClient().get(_url(attacker_store)).status_code in (401, 403)


# --- the sender rule -----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.OWNER, Role.ADMIN])
@pytest.mark.parametrize("typed", [VICTIM_NUMBER, "(303) 555-0142", "+1 303 555 0142"])
def test_another_stores_number_is_refused_as_the_contract_says(attacker_store, victim_store, role, typed):
    response = api_as(attacker_store, role).patch(
        _url(attacker_store), {"sender_number": typed}, format="json"
    )

    assert response.status_code == 400
    assert response.json() == {
        "errors": {"sender_number": ["This number is already in use by another store."]}
    }
    attacker_store.refresh_from_db()
    assert str(attacker_store.sms_number) == "+13035550177"


def test_another_stores_messaging_service_is_refused(attacker_store, victim_store):
    response = api_as(attacker_store, Role.OWNER).patch(
        _url(attacker_store), {"messaging_service_sid": "MG" + VICTIM_SERVICE[2:].upper()}, format="json"
    )

    assert response.status_code == 400
    assert "already in use by another store" in response.json()["errors"]["messaging_service_sid"][0]


def test_a_number_outside_the_twilio_account_is_refused_by_the_api_too(fake_twilio, attacker_store):
    response = api_as(attacker_store, Role.OWNER).patch(
        _url(attacker_store), {"sender_number": "+13035550155"}, format="json"
    )

    assert response.status_code == 400
    assert "not one of your Twilio account" in response.json()["errors"]["sender_number"][0]


# --- writing -------------------------------------------------------------------------------------------


def test_a_manager_writes_every_field_and_reads_back_what_was_stored(attacker_store, attacker_flow):
    client = api_as(attacker_store, Role.ADMIN)
    changes = {
        "name": "Attacker Goods Co",
        "timezone": "Europe/Paris",
        "language": "fr",
        "sender_number": "+1 303 555 0133",
        "messaging_service_sid": "MG" + "C3" * 16,
        "sender_rate_per_second": 3,
        "quiet_hours": {"start": 9, "end": 20},
        "frequency_cap": 2,
        "shipping_policy": "Free over €50.",
        "returns_policy": "30 days.",
        "contact_email": "help@attacker.example",
        "contact_phone": "+33 1 42 68 53 00",
        "website_url": "https://attacker.example",
        "texas_registration": "exempt",
        "ships_to": ["fr", "BE", "FR"],
    }

    response = client.patch(_url(attacker_store), changes, format="json")

    assert response.status_code == 200, response.json()
    assert response.json() == client.get(_url(attacker_store)).json()
    body = response.json()
    assert body["sender_number"] == "+13035550133"
    assert body["messaging_service_sid"] == "MG" + "c3" * 16
    assert body["sender_rate_per_second"] == 3
    assert body["contact_phone"] == "+33142685300"
    assert body["ships_to"] == ["FR", "BE"]
    assert body["texas_registration"] == "exempt"
    attacker_flow.refresh_from_db()
    assert (attacker_flow.quiet_hours_start, attacker_flow.quiet_hours_end, attacker_flow.frequency_cap) == (
        9,
        20,
        2,
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("ships_to", ["US", "XX"]),
        ("ships_to", "US"),
        ("texas_registration", "pending"),
        ("timezone", "Mars/Olympus_Mons"),
        ("language", "klingon"),
        ("name", ""),
        ("name", "x" * 201),
        ("sender_number", "call me"),
        ("messaging_service_sid", "MG123"),
        ("sender_rate_per_second", "fast"),
        ("sender_rate_per_second", -1),
        ("quiet_hours", {"start": 21, "end": 8}),
        ("quiet_hours", "8-21"),
        ("frequency_cap", 50),
        ("contact_email", "not-an-email"),
        ("website_url", "javascript:alert(1)"),
        ("admin", True),
    ],
)
def test_a_bad_value_is_a_400_on_its_field_and_changes_nothing(attacker_store, attacker_flow, field, value):
    response = api_as(attacker_store, Role.OWNER).patch(
        _url(attacker_store), {"name": "Renamed", field: value}, format="json"
    )

    assert response.status_code == 400
    assert field in response.json()["errors"]
    attacker_store.refresh_from_db()
    assert attacker_store.name == "Attacker Goods"
    assert Flow.objects.get(pk=attacker_flow.pk).quiet_hours_start == attacker_flow.quiet_hours_start


def test_a_body_that_is_not_an_object_is_a_400(attacker_store):
    response = api_as(attacker_store, Role.OWNER).patch(_url(attacker_store), ["name"], format="json")

    assert response.status_code == 400
    assert "errors" in response.json()


def test_flow_settings_without_a_flow_say_so(attacker_store):
    response = api_as(attacker_store, Role.OWNER).patch(
        _url(attacker_store), {"frequency_cap": 2}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["errors"]["frequency_cap"] == ["Create the store's flow first."]


# --- one service behind the pages and the API ----------------------------------------------------------


def test_the_setup_page_and_the_api_refuse_a_taken_number_with_the_same_words(attacker_store, victim_store):
    page = login_as(attacker_store, Role.OWNER).post(
        reverse("dashboard:setup_sender", kwargs={"store_id": attacker_store.id}),
        {"sms_number": VICTIM_NUMBER, "messaging_service_sid": "", "sender_kind": "long_code"},
    )
    api = api_as(attacker_store, Role.OWNER).patch(
        _url(attacker_store), {"sender_number": VICTIM_NUMBER}, format="json"
    )

    (message,) = api.json()["errors"]["sender_number"]
    assert page.status_code == 400
    assert message in page.content.decode()


def test_the_settings_page_and_the_api_refuse_backwards_hours_with_the_same_words(
    attacker_store, attacker_flow
):
    page = login_as(attacker_store, Role.OWNER).post(
        reverse("dashboard:settings", kwargs={"store_id": attacker_store.id}),
        {
            "quiet_hours_start": 21,
            "quiet_hours_end": 8,
            "frequency_cap": 3,
            "fallback_reply": "Passing you to the team.",
            "holding_reply": "One moment.",
            "help_text": "Attacker Goods. Reply STOP to opt out.",
        },
    )
    api = api_as(attacker_store, Role.OWNER).patch(
        _url(attacker_store), {"quiet_hours": {"start": 21, "end": 8}}, format="json"
    )

    (message,) = api.json()["errors"]["quiet_hours"]
    assert page.status_code == 400
    assert message in page.content.decode()


def test_the_settings_are_in_the_openapi_document(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()

    operations = schema["paths"]["/api/v1/stores/{store_id}/settings/"]
    assert set(operations) >= {"get", "patch"}


def test_the_store_facts_are_set_through_the_settings_api(attacker_store, attacker_flow):
    client = api_as(attacker_store, Role.OWNER)

    response = client.patch(
        _url(attacker_store),
        {"free_shipping_over": "75", "return_days": 30, "processing_days": 2, "ships_to": ["ca", "US"]},
        format="json",
    )

    attacker_store.refresh_from_db()
    assert response.status_code == 200
    body = response.json()
    assert (body["free_shipping_over"], body["return_days"], body["processing_days"]) == ("75.00", 30, 2)
    assert body["ships_to"] == ["CA", "US"]
    assert (str(attacker_store.free_shipping_over), attacker_store.return_days) == ("75.00", 30)


def test_bad_store_facts_are_refused_by_name_and_nothing_is_saved(attacker_store, attacker_flow):
    client = api_as(attacker_store, Role.OWNER)

    response = client.patch(
        _url(attacker_store),
        {"free_shipping_over": "-5", "return_days": 400, "processing_days": "two", "name": "Renamed"},
        format="json",
    )

    attacker_store.refresh_from_db()
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"free_shipping_over", "return_days", "processing_days"}
    assert attacker_store.name != "Renamed"
    assert attacker_store.free_shipping_over is None
