""" "Only when needed" through both doors: the flow API and the dashboard's step editor, one set of checks."""

from decimal import Decimal

import pytest
from django.urls import reverse

from flows.models import Step
from flows.services import flow_seed_default

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client


def _api_url(store) -> str:
    return f"/api/v1/stores/{store.id}/flow/"


def _body(incentive: dict) -> dict:
    return {
        "quiet_hours": {"start": 9, "end": 20},
        "frequency_cap": 2,
        "steps": [
            {"position": 1, "delay_minutes": 45, "templates": {"en": "Hi {first_name}! {product}? {link}"}},
            {
                "position": 2,
                "delay_minutes": 1440,
                "templates": {"en": "Code {discount_code} ends {code_expires}. {link}"},
                "incentive": incentive,
            },
        ],
    }


def test_the_api_keeps_and_shows_the_conditions(api_client, store):
    incentive = {
        "kind": "fixed_code",
        "discount_code": "BIGCART",
        "min_cart_value": "150.00",
        "only_if_not_clicked": True,
    }

    response = api_client.put(_api_url(store), _body(incentive), format="json")

    assert response.status_code == 200, response.content
    shown = response.json()["steps"][1]["incentive"]
    assert (shown["min_cart_value"], shown["only_if_not_clicked"]) == ("150.00", True)
    step = Step.objects.for_store(store).get(position=2, is_active=True)
    assert step.incentive_min_cart_value == Decimal("150.00")
    assert step.incentive_only_if_not_clicked is True
    again = api_client.get(_api_url(store)).json()["steps"][1]["incentive"]
    assert again["min_cart_value"] == "150.00"


@pytest.mark.parametrize(
    ("incentive", "words"),
    [
        ({"kind": "fixed_code", "discount_code": "X", "min_cart_value": "0"}, "more than 0"),
        ({"kind": "fixed_code", "discount_code": "X", "min_cart_value": "-5"}, "more than 0"),
        ({"kind": "none", "only_if_not_clicked": True}, "Conditions apply to an incentive"),
    ],
)
def test_the_api_refuses_bad_conditions_and_changes_nothing(api_client, store, incentive, words):
    flow_seed_default(store=store)

    response = api_client.put(_api_url(store), _body(incentive), format="json")

    assert response.status_code == 400
    assert words in str(response.json())
    step = Step.objects.for_store(store).get(position=2)
    assert step.incentive_min_cart_value is None
    assert step.discount_code == "COMEBACK10"


def test_the_api_refuses_a_value_that_is_not_a_number(api_client, store):
    flow_seed_default(store=store)
    incentive = {"kind": "fixed_code", "discount_code": "X", "min_cart_value": "lots"}

    response = api_client.put(_api_url(store), _body(incentive), format="json")

    assert response.status_code == 400
    assert "min_cart_value" in str(response.json())


def _step_post(**overrides):
    data = {
        "language": "en",
        "template": "Hi {first_name}, still there? {link}",
        "delay": "24",
        "delay_unit": "hours",
        "is_active": "on",
        "incentive_kind": "fixed_code",
        "discount_code": "COMEBACK10",
        "incentive_text": "",
        "incentive_valid_days": "7",
    }
    return {**data, **overrides}


def test_the_step_editor_saves_the_conditions(owner_client, store):
    step = flow_seed_default(store=store).steps.get(position=2)
    url = reverse("dashboard:flow_step", kwargs={"store_id": store.id, "step_id": step.id})

    page = owner_client.get(url).content.decode()
    assert "Only for carts worth at least" in page
    response = owner_client.post(
        url, _step_post(incentive_min_cart_value="80", incentive_only_if_not_clicked="on")
    )

    assert response.status_code == 302
    step.refresh_from_db()
    assert step.incentive_min_cart_value == Decimal("80")
    assert step.incentive_only_if_not_clicked is True
    assert 'value="80.00"' in owner_client.get(url).content.decode()


def test_the_step_editor_refuses_conditions_without_an_incentive(owner_client, store):
    step = flow_seed_default(store=store).steps.get(position=2)
    url = reverse("dashboard:flow_step", kwargs={"store_id": store.id, "step_id": step.id})

    response = owner_client.post(
        url, _step_post(incentive_kind="none", discount_code="", incentive_min_cart_value="80")
    )

    assert response.status_code == 400
    assert "Conditions apply to an incentive" in response.content.decode()
    step.refresh_from_db()
    assert step.incentive_min_cart_value is None
