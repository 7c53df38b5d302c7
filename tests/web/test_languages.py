"""The dashboard and inbox side of issue 16: texts per language, the lexicon per rule, facts, agent assist."""

import pytest
from django.urls import reverse

from conversations.models import KeywordRule
from conversations.rules import keyword_rule_create
from conversations.services import inbound_receive
from flows.models import Flow
from flows.services import flow_seed_default
from stores.models import SmsStatus
from tests.conversations.factories import CannedResponseFactory
from tests.stores.factories import CustomerFactory
from tests.web.factories import settings_form

pytestmark = pytest.mark.django_db


def _url(name, store, **kwargs):
    return reverse(name, kwargs={"store_id": store.id, **kwargs})


def test_settings_save_store_facts_and_a_reply_per_language(owner_client, store):
    flow_seed_default(store=store)

    response = owner_client.post(
        _url("dashboard:settings", store),
        settings_form(
            ships_to="us, CA ,mx",
            free_shipping_over="75",
            return_days="30",
            processing_days="2",
            fallback_fr="Je transmets à l'équipe {store}.",
        ),
    )

    store.refresh_from_db()
    flow = Flow.objects.get(store=store)
    assert response.status_code == 302
    assert store.ships_to == ["US", "CA", "MX"]
    assert (str(store.free_shipping_over), store.return_days, store.processing_days) == ("75.00", 30, 2)
    assert flow.replies == {"fallback": {"fr": "Je transmets à l'équipe {store}."}}


def test_settings_refuse_an_unknown_country_code_and_save_nothing(owner_client, store):
    flow_seed_default(store=store)

    response = owner_client.post(_url("dashboard:settings", store), settings_form(ships_to="US, XX"))

    store.refresh_from_db()
    assert response.status_code == 400
    assert "Not a country code: XX." in response.content.decode()
    assert store.ships_to == []
    assert store.shipping_policy == ""


def test_settings_show_each_reply_in_each_language(owner_client, store):
    flow_seed_default(store=store)

    html = owner_client.get(_url("dashboard:settings", store)).content.decode()

    assert "Holding reply (Dutch)" in html
    assert "Iemand van het team van {store}" in html
    assert "Opt-out confirmation (German)" in html


def test_the_rule_editor_shows_and_saves_the_lexicon_per_language(owner_client, store):
    rule = keyword_rule_create(store=store, name="Shipping", keywords=["shipping"], reply="Free.")

    page = owner_client.get(_url("dashboard:rules_edit", store, rule_id=rule.id)).content.decode()
    owner_client.post(
        _url("dashboard:rules_edit", store, rule_id=rule.id),
        {
            "name": "Shipping",
            "keywords": "shipping",
            "reply": "Free.",
            "priority": "10",
            "active": "on",
            "reply_de": "Kostenloser Versand.",
            "lexicon_fr": "colis, livraison",
            "lexicon_de": "",
        },
    )

    rule = KeywordRule.objects.get(pk=rule.pk)
    assert "versandkosten" in page
    assert "verzendkosten" in page
    assert rule.replies == {"de": "Kostenloser Versand."}
    assert rule.lexicon == {"fr": ["colis", "livraison"]}


def test_the_inbox_shows_the_language_the_note_and_a_suggested_reply(agent_client, store):
    keyword_rule_create(store=store, name="Shipping", keywords=["shipping"], reply="Free over $75.")
    CannedResponseFactory(
        store=store, title="Livraison", body="Bonjour {first_name}, la livraison est offerte."
    )
    CustomerFactory(store=store, phone="+33612345678", first_name="Léa", sms_status=SmsStatus.SUBSCRIBED)
    result = inbound_receive(
        store=store, from_phone="+33612345678", body="les frais de livraison pour Lyon ?"
    )

    html = agent_client.get(
        reverse("inbox:list_thread", kwargs={"store_id": store.id, "thread_id": result.message.thread_id})
    ).content.decode()

    assert "Writes in French" in html
    assert ">FR<" in html
    assert "Note: No French text for rule" in html
    assert "canned reply &quot;Livraison&quot;" in html
    assert 'data-text="Bonjour Léa, la livraison est offerte."' in html


def test_the_stores_own_language_is_edited_in_the_main_fields_only(owner_client, store):
    from conversations.router import reply_try

    flow_seed_default(store=store)

    page = owner_client.get(_url("dashboard:settings", store)).content.decode()
    owner_client.post(
        _url("dashboard:settings", store), settings_form(fallback_reply="Our team will text you.")
    )

    assert "Fallback reply (English)" not in page
    assert "Fallback reply (Spanish)" in page
    assert (
        reply_try(store=store, text="is the jacket warm enough for skiing?").reply
        == "Our team will text you."
    )
