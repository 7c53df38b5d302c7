import json
from io import StringIO

import pytest
from django.core.management import call_command

from stores.models import Membership, Store


def _seed_json() -> dict:
    out = StringIO()
    call_command("seed_demo", "--json", stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_seed_demo_prints_the_contract_keys_and_is_idempotent(client):
    first = _seed_json()
    second = _seed_json()

    assert {"store_id", "webhook_secret", "sms_number", "api_token", "login"} <= first.keys()
    # API tokens are stored hashed, so each run prints a fresh one; everything else is the same
    assert first["api_token"] != second["api_token"]
    assert {**first, "api_token": ""} == {**second, "api_token": ""}
    assert Store.objects.filter(is_demo=True).count() == 1
    assert Membership.objects.filter(store_id=first["store_id"]).count() == 2
    signed_in = client.post(
        "/accounts/login/", {"username": first["login"]["email"], "password": first["login"]["password"]}
    )
    assert signed_in.status_code == 302


@pytest.mark.django_db
def test_the_demo_store_answers_where_it_ships_truly_in_the_shoppers_language():
    # given the demo store as seed_demo makes it (its default rules come with it)
    from conversations.router import Step, reply_try

    store = Store.objects.get(id=_seed_json()["store_id"])

    # when shoppers ask about countries
    canada = reply_try(store=store, text="do you ship to Canada?")
    mexico = reply_try(store=store, text="¿Hacen envíos a México?")

    # then the answers come from its facts, in the question's language
    assert (store.ships_to, store.return_days, store.processing_days) == (["US", "CA"], 30, 1)
    assert str(store.free_shipping_over) == "75.00"
    assert canada.step == Step.RULE
    assert "Canada" in canada.reply
    assert "don't" not in canada.reply
    assert mexico.step == Step.RULE
    assert mexico.language == "es"
    assert "México" in mexico.reply
    assert "Estados Unidos" in mexico.reply  # where it does ship, named in Spanish


@pytest.mark.django_db
def test_seed_demo_keeps_facts_a_merchant_changed():
    store = Store.objects.get(id=_seed_json()["store_id"])
    store.ships_to = ["US"]
    store.save(update_fields=["ships_to"])

    _seed_json()

    store.refresh_from_db()
    assert store.ships_to == ["US"]
