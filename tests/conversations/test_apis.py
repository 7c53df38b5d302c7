"""Keyword rules, "try a reply" and threads over the management API."""

import pytest
from rest_framework.test import APIClient

from conversations.models import KeywordRule, Thread
from stores.services import api_token_create
from tests.conversations.factories import (
    KeywordRuleFactory,
    MessageFactory,
    OutboundMessageFactory,
    ThreadFactory,
)
from tests.stores.factories import CustomerFactory, MembershipFactory


def _rules(store):
    return f"/api/v1/stores/{store.id}/keyword-rules/"


def _threads(store):
    return f"/api/v1/stores/{store.id}/threads/"


@pytest.mark.django_db
def test_a_rule_is_created_read_updated_and_deleted(api_client, store):
    # when
    created = api_client.post(
        _rules(store),
        {"name": "Shipping", "keywords": ["shipping", "envío"], "reply": "Free over $75.", "priority": 5},
        format="json",
    )
    rule_url = f"{_rules(store)}{created.json()['id']}/"
    patched = api_client.patch(rule_url, {"active": False}, format="json")
    put = api_client.put(
        rule_url,
        {"name": "Envíos", "keywords": ["ship"], "reply": "{shipping_policy}", "priority": 7},
        format="json",
    )
    listed = api_client.get(_rules(store))
    deleted = api_client.delete(rule_url)

    # then
    assert created.status_code == 201
    body = created.json()
    assert {k: body[k] for k in ("id", "name", "keywords", "reply", "priority", "active")} == {
        "id": body["id"],
        "name": "Shipping",
        "keywords": ["shipping", "envío"],
        "reply": "Free over $75.",
        "priority": 5,
        "active": True,
    }
    assert body["replies"] == {}
    assert body["lexicon"]["intents"] == ["Shipping"]
    assert "versandkosten" in body["lexicon"]["words"]["de"]
    assert patched.json()["active"] is False
    assert put.json()["name"] == "Envíos"
    assert put.json()["active"] is True
    assert [r["name"] for r in listed.json()["results"]] == ["Envíos"]
    assert deleted.status_code == 204
    assert not KeywordRule.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("keywords", "reply"),
    [
        ([], "Hi"),
        ([""], "Hi"),
        (["  "], "Hi"),
        (["STOP"], "Hi"),
        (["help"], "Hi"),
        (["Start"], "Hi"),
        (["unsubscribe me"], "Hi"),
        (["shipping"], ""),
        (["shipping"], "Hi {nickname}"),
    ],
    ids=[
        "none",
        "empty",
        "blank",
        "stop",
        "help",
        "start",
        "revocation",
        "empty-reply",
        "unknown-placeholder",
    ],
)
def test_a_rule_that_is_empty_or_shadows_compliance_is_refused(api_client, store, keywords, reply):
    response = api_client.post(
        _rules(store), {"name": "Bad", "keywords": keywords, "reply": reply}, format="json"
    )

    assert response.status_code == 400
    assert not KeywordRule.objects.exists()


@pytest.mark.django_db
def test_try_shows_the_decision_without_sending_or_saving(api_client, store, sms_outbox):
    rule = KeywordRuleFactory(store=store, keywords=["shipping"], reply="Hi {first_name}, free shipping.")

    response = api_client.post(f"{_rules(store)}try/", {"text": "SHIPPING?? 📦"}, format="json")
    stop = api_client.post(f"{_rules(store)}try/", {"text": "stop texting me"}, format="json")

    assert response.json() == {
        "step": "rule",
        "rule": {"id": rule.id, "name": rule.name},
        "reply": "Hi there, free shipping.",
        "escalate": False,
        "reason": f'keyword "shipping" of rule "{rule.name}"',
        "language": "en",
        "language_reason": response.json()["language_reason"],
        "intent": "shipping",
        "matched": "shipping",
        "note": "",
    }
    assert stop.json()["step"] == "compliance"
    assert sms_outbox == []
    assert not Thread.objects.exists()


@pytest.mark.django_db
def test_threads_list_with_messages_filtered_by_phone_and_status(api_client, store):
    # given
    rule = KeywordRuleFactory(store=store, name="Shipping")
    mine = ThreadFactory(
        store=store, status="bot", customer=CustomerFactory(store=store, phone="+14155550111")
    )
    MessageFactory(thread=mine, body="shipping?")
    OutboundMessageFactory(thread=mine, body="Free over $75.", rule=rule, status="delivered")
    ThreadFactory(store=store, status="escalated")

    # when
    by_phone = api_client.get(_threads(store), {"phone": "+14155550111"}).json()["results"]
    escalated = api_client.get(_threads(store), {"status": "escalated"}).json()["results"]
    bad_status = api_client.get(_threads(store), {"status": "sleeping"})

    # then
    assert by_phone == [
        {
            "id": mine.id,
            "customer_phone": "+14155550111",
            "status": "bot",
            "messages": [
                {
                    "direction": "in",
                    "body": "shipping?",
                    "rule": None,
                    "status": "received",
                    "created_at": by_phone[0]["messages"][0]["created_at"],
                    "language": "",
                    "note": "",
                },
                {
                    "direction": "out",
                    "body": "Free over $75.",
                    "rule": "Shipping",
                    "status": "delivered",
                    "created_at": by_phone[0]["messages"][1]["created_at"],
                    "language": "",
                    "note": "",
                },
            ],
        }
    ]
    assert [t["status"] for t in escalated] == ["escalated"]
    assert bad_status.status_code == 400
    assert api_client.get(f"{_threads(store)}{mine.id}/").json() == by_phone[0]


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [1, 5])
def test_the_threads_list_costs_the_same_queries_for_1_and_5_threads(
    api_client, store, rows, django_assert_num_queries
):
    for _ in range(rows):
        thread = ThreadFactory(store=store)
        MessageFactory.create_batch(3, thread=thread, rule=KeywordRuleFactory(store=store))

    # token and its login's other tokens (knox drops expired ones), membership, count, threads, messages
    with django_assert_num_queries(6):
        response = api_client.get(_threads(store))

    assert len(response.json()["results"]) == rows


@pytest.mark.django_db
def test_an_agent_reads_threads_but_cannot_manage_rules(store):
    agent = MembershipFactory(store=store, role="agent").user
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token_create(user=agent)[1]}")

    assert client.get(_threads(store)).status_code == 200
    assert client.get(_rules(store)).status_code == 403


@pytest.mark.django_db
def test_another_store_is_a_404_on_every_endpoint(api_client, other_store):
    # given
    rule = KeywordRuleFactory(store=other_store)
    thread = ThreadFactory(store=other_store)
    base = _rules(other_store)

    # when
    responses = [
        api_client.get(base),
        api_client.post(base, {"name": "x", "keywords": ["x"], "reply": "x"}, format="json"),
        api_client.get(f"{base}{rule.id}/"),
        api_client.patch(f"{base}{rule.id}/", {"active": False}, format="json"),
        api_client.delete(f"{base}{rule.id}/"),
        api_client.post(f"{base}try/", {"text": "shipping"}, format="json"),
        api_client.get(_threads(other_store)),
        api_client.get(f"{_threads(other_store)}{thread.id}/"),
    ]

    # then
    assert [r.status_code for r in responses] == [404] * len(responses)
    rule.refresh_from_db()
    assert rule.is_active


@pytest.mark.django_db
def test_my_store_cannot_reach_another_stores_rule_or_thread(api_client, store, other_store):
    rule = KeywordRuleFactory(store=other_store)
    thread = ThreadFactory(store=other_store)

    assert api_client.get(f"{_rules(store)}{rule.id}/").status_code == 404
    assert api_client.delete(f"{_rules(store)}{rule.id}/").status_code == 404
    assert api_client.get(f"{_threads(store)}{thread.id}/").status_code == 404


@pytest.mark.django_db
def test_a_rules_replies_per_language_are_written_read_and_validated(api_client, store):
    # given
    created = api_client.post(
        _rules(store),
        {
            "name": "Shipping",
            "keywords": ["shipping"],
            "reply": "{shipping_policy}",
            "replies": {"fr": "Livraison : {shipping_policy}", "nl": "Verzending: {shipping_policy}"},
        },
        format="json",
    )
    rule_url = f"{_rules(store)}{created.json()['id']}/"

    # when
    unknown_language = api_client.patch(rule_url, {"replies": {"jp": "配送"}}, format="json")
    unknown_placeholder = api_client.patch(rule_url, {"replies": {"de": "Versand {porto}"}}, format="json")
    not_a_mapping = api_client.patch(rule_url, {"replies": ["fr"]}, format="json")

    # then
    assert created.status_code == 201
    assert api_client.get(rule_url).json()["replies"] == {
        "fr": "Livraison : {shipping_policy}",
        "nl": "Verzending: {shipping_policy}",
    }
    assert unknown_language.status_code == 400
    assert "Unknown language “jp”" in unknown_language.json()["detail"]
    assert unknown_placeholder.status_code == 400
    assert unknown_placeholder.json()["detail"].startswith("German reply: Unknown placeholder: {porto}")
    assert not_a_mapping.status_code == 400
    assert KeywordRule.objects.get().replies == {
        "fr": "Livraison : {shipping_policy}",
        "nl": "Verzending: {shipping_policy}",
    }
