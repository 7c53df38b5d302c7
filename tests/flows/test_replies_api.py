"""The router's replies per language (fallback, holding, opt-out, opt-in) in the flow and settings API."""

import json

import pytest

from conversations.languages import LANGUAGES
from conversations.router import Step, reply_try
from conversations.wording import FALLBACK_REPLY, OPT_OUT_CONFIRMATION
from flows.models import Flow
from flows.services import flow_seed_default
from tests.stores.factories import CustomerFactory

pytestmark = pytest.mark.django_db

KINDS = {"fallback", "holding", "opt_out", "opt_in"}
FRENCH_FALLBACK = "Je transmets votre question à l'équipe {store}, on vous répond vite."


def _flow_url(store) -> str:
    return f"/api/v1/stores/{store.id}/flow/"


def _settings_url(store) -> str:
    return f"/api/v1/stores/{store.id}/settings/"


def _flow_body(api_client, store, **changes) -> dict:
    current = api_client.get(_flow_url(store)).json()
    body = {
        "quiet_hours": current["quiet_hours"],
        "frequency_cap": current["frequency_cap"],
        "steps": [
            {"position": s["position"], "delay_minutes": s["delay_minutes"], "templates": s["templates"]}
            for s in current["steps"]
        ],
    }
    return {**body, **changes}


def test_the_flow_api_shows_every_reply_in_every_language(api_client, store):
    data = api_client.get(_flow_url(store)).json()

    assert set(data["replies"]) == KINDS
    assert all(set(texts) == set(LANGUAGES) for texts in data["replies"].values())
    assert data["replies"]["fallback"]["it"] == FALLBACK_REPLY["it"]
    assert data["replies_edited"] == {}


def test_a_reply_written_through_the_flow_api_is_what_a_french_shopper_gets(api_client, store):
    # when
    response = api_client.put(
        _flow_url(store),
        _flow_body(api_client, store, replies={"fallback": {"fr": FRENCH_FALLBACK}}),
        format="json",
    )

    # then
    assert response.status_code == 200, response.json()
    assert response.json()["replies"]["fallback"]["fr"] == FRENCH_FALLBACK
    assert response.json()["replies_edited"] == {"fallback": ["fr"]}
    shopper = CustomerFactory(store=store, locale="fr")
    decision = reply_try(store=store, text="c'est en coton ?", customer=shopper)
    assert decision.step == Step.FALLBACK
    assert decision.reply.startswith("Je transmets votre question à l'équipe")


@pytest.mark.parametrize(
    ("replies", "words"),
    [
        ({"fallback": {"xx": "Hallo"}}, "unknown language “xx”"),
        ({"goodbye": {"fr": "Au revoir"}}, "Unknown reply “goodbye”"),
        ({"fallback": {"fr": "Voici {coupon}"}}, "fallback, French (fr): Unknown placeholder: {coupon}"),
        ({"opt_in": {"de": "Willkommen zurück"}}, "opt_in, German (de): An opt-in confirmation must say"),
        ({"fallback": "Bonjour"}, "Expected a dictionary"),
    ],
)
def test_a_bad_reply_is_a_400_naming_it_and_nothing_of_the_request_is_kept(api_client, store, replies, words):
    flow = flow_seed_default(store=store)
    before = list(flow.steps.values_list("delay_minutes", flat=True))
    body = _flow_body(api_client, store, replies=replies)
    body["steps"][0]["delay_minutes"] = 99

    response = api_client.put(_flow_url(store), body, format="json")

    assert response.status_code == 400
    assert set(response.json()) == {"replies"}
    assert words in json.dumps(response.json()["replies"], ensure_ascii=False)
    flow.refresh_from_db()
    assert list(flow.steps.values_list("delay_minutes", flat=True)) == before
    assert flow.replies == {}


def test_the_settings_api_reads_and_merges_replies_per_language(api_client, store):
    flow_seed_default(store=store)
    german_stop = "Du bist von {store} abgemeldet und bekommst keine SMS mehr."

    # when two changes arrive one after the other
    first = api_client.patch(
        _settings_url(store), {"replies": {"opt_out": {"de": german_stop}}}, format="json"
    )
    second = api_client.patch(
        _settings_url(store), {"replies": {"fallback": {"fr": FRENCH_FALLBACK}}}, format="json"
    )

    # then both are kept, every other text is the shipped one
    assert first.status_code == 200, first.json()
    assert second.status_code == 200, second.json()
    data = api_client.get(_settings_url(store)).json()
    assert data["replies"]["opt_out"]["de"] == german_stop
    assert data["replies"]["fallback"]["fr"] == FRENCH_FALLBACK
    assert data["replies"]["opt_out"]["es"] == OPT_OUT_CONFIRMATION["es"]
    assert data["replies_edited"] == {"fallback": ["fr"], "opt_out": ["de"]}
    assert data["fallback_reply"] == Flow.objects.get(store=store, is_active=True).fallback_reply

    # and "" goes back to the shipped text
    reset = api_client.patch(_settings_url(store), {"replies": {"opt_out": {"de": ""}}}, format="json")
    assert reset.json()["replies"]["opt_out"]["de"] == OPT_OUT_CONFIRMATION["de"]
    assert Flow.objects.get(store=store, is_active=True).replies == {"fallback": {"fr": FRENCH_FALLBACK}}


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"replies": {"holding": {"pt": "Já volto {nome}"}}}, "replies", "holding, Portuguese (pt)"),
        ({"replies": {"holding": {"klingon": "Qapla"}}}, "replies", "unknown language “klingon”"),
        ({"replies": ["fallback"]}, "replies", "Give {kind: {language: text}}"),
        ({"replies_edited": {"fallback": ["fr"]}}, "replies_edited", "Read only"),
    ],
)
def test_the_settings_api_refuses_bad_replies_with_a_clear_400(api_client, store, changes, field, words):
    flow_seed_default(store=store)

    response = api_client.patch(_settings_url(store), changes, format="json")

    assert response.status_code == 400
    assert words in " ".join(response.json()["errors"][field]), response.json()
    assert Flow.objects.get(store=store, is_active=True).replies == {}
