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
