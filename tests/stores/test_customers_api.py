"""`GET /api/v1/stores/<store_id>/customers/?phone=`: a shopper's SMS status and consent history."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from stores.models import Role
from stores.services import consent_record
from tests.stores.factories import CustomerFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def url(store) -> str:
    return f"/api/v1/stores/{store.id}/customers/"


def test_lists_customers_with_their_consent_history(store, api_client):
    # given
    customer = CustomerFactory(store=store, phone="+14155552671", first_name="Jamie", sms_status="none")
    consent_record(
        store=store,
        customer=customer,
        kind="granted",
        source="shopify_checkout",
        text_shown="Text me reminders.",
    )
    consent_record(store=store, customer=customer, kind="revoked", source="keyword")

    # when
    response = api_client.get(url(store))

    # then
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    [row] = body["results"]
    assert (row["phone"], row["first_name"], row["sms_status"]) == ("+14155552671", "Jamie", "unsubscribed")
    assert [(e["kind"], e["source"]) for e in row["consent_events"]] == [
        ("granted", "shopify_checkout"),
        ("revoked", "keyword"),
    ]
    assert row["consent_events"][0]["text_shown"] == "Text me reminders."


@pytest.mark.parametrize("typed", ["+1 415-555-2671", "(415) 555-2671", "415.555.2671", "+14155552671"])
def test_the_phone_filter_accepts_any_format(store, api_client, typed):
    CustomerFactory(store=store, phone="+14155552671")
    CustomerFactory(store=store, phone="+14155550000")

    response = api_client.get(url(store), {"phone": typed})

    assert [r["phone"] for r in response.json()["results"]] == ["+14155552671"]


def test_an_unreadable_phone_filter_finds_nobody(store, api_client):
    CustomerFactory(store=store)

    response = api_client.get(url(store), {"phone": "not a phone"})

    assert (response.status_code, response.json()["count"]) == (200, 0)


def test_another_stores_customers_are_404(store, other_store, api_client):
    CustomerFactory(store=other_store, phone="+14155552671")

    response = api_client.get(url(other_store), {"phone": "+14155552671"})

    assert response.status_code == 404


def test_a_missing_or_malformed_store_is_404(api_client):
    assert api_client.get("/api/v1/stores/00000000-0000-0000-0000-000000000000/customers/").status_code == 404
    assert api_client.get("/api/v1/stores/nope/customers/").status_code == 404


def test_it_never_shows_another_stores_customers_in_its_own_list(store, other_store, api_client):
    CustomerFactory(store=other_store)

    assert api_client.get(url(store)).json()["count"] == 0


def test_requires_a_token(store):
    assert APIClient().get(url(store)).status_code == 401


def test_agents_may_not_read_the_consent_log(store):
    agent = MembershipFactory(store=store, role=Role.AGENT).user
    client = APIClient()
    client.force_authenticate(agent)

    assert client.get(url(store)).status_code == 403


def _queries(api_client, store) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert api_client.get(url(store)).status_code == 200
    return len(queries)


def test_the_query_count_does_not_grow_with_the_rows(store, api_client):
    customer = CustomerFactory(store=store)
    consent_record(store=store, customer=customer, kind="granted", source="form")
    one = _queries(api_client, store)
    for _ in range(4):
        more = CustomerFactory(store=store)
        consent_record(store=store, customer=more, kind="granted", source="form")

    five = _queries(api_client, store)

    assert one == five
