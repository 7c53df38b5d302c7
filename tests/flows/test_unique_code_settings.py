"""A unique_code incentive through the API (the step editor: tests/web/test_unique_code_editor.py)."""

from decimal import Decimal

import pytest

from flows.models import IncentiveKind, Step
from flows.services import flow_seed_default

pytestmark = pytest.mark.django_db


def _url(store) -> str:
    return f"/api/v1/stores/{store.id}/flow/"


def _body(incentive: dict) -> dict:
    return {
        "quiet_hours": {"start": 9, "end": 20},
        "frequency_cap": 2,
        "steps": [
            {
                "position": 1,
                "delay_minutes": 45,
                "templates": {"en": "Hi {first_name}! {discount_code} {link}"},
                "incentive": incentive,
            }
        ],
    }


def test_the_api_saves_and_shows_a_unique_code_step(api_client, store):
    body = _body({"kind": "unique_code", "percent": 10, "valid_days": 5, "text": "10% off this week"})

    response = api_client.put(_url(store), body, format="json")

    assert response.status_code == 200, response.json()
    incentive = response.json()["steps"][0]["incentive"]
    assert (incentive["kind"], incentive["percent"], incentive["amount"]) == ("unique_code", 10, None)
    assert incentive["valid_days"] == 5
    step = Step.objects.for_store(store).get(position=1)
    assert (step.incentive_kind, step.incentive_percent, step.incentive_text) == (
        IncentiveKind.UNIQUE_CODE,
        10,
        "10% off this week",
    )


def test_the_api_takes_an_amount_instead(api_client, store):
    response = api_client.put(_url(store), _body({"kind": "unique_code", "amount": "5.00"}), format="json")

    assert response.status_code == 200, response.json()
    assert response.json()["steps"][0]["incentive"]["amount"] == "5.00"
    assert Step.objects.for_store(store).get(position=1).incentive_amount == Decimal("5.00")


@pytest.mark.parametrize(
    ("incentive", "said"),
    [
        ({"kind": "unique_code"}, "a percentage or an amount off."),
        ({"kind": "unique_code", "percent": 10, "amount": "5.00"}, "not both"),
        ({"kind": "unique_code", "percent": 0}, "percent"),
        ({"kind": "unique_code", "percent": 101}, "percent"),
        ({"kind": "unique_code", "amount": "0.00"}, "amount"),
    ],
)
def test_a_unique_code_needs_one_value(api_client, store, incentive, said):
    flow_seed_default(store=store)

    response = api_client.put(_url(store), _body(incentive), format="json")

    assert response.status_code == 400
    assert said in str(response.json())
    assert Step.objects.for_store(store).get(position=1).incentive_kind != IncentiveKind.UNIQUE_CODE


def test_other_kinds_keep_no_unique_code_value(api_client, store):
    response = api_client.put(
        _url(store), _body({"kind": "fixed_code", "discount_code": "X", "percent": 10}), format="json"
    )

    assert response.status_code == 200
    assert Step.objects.for_store(store).get(position=1).incentive_percent is None
