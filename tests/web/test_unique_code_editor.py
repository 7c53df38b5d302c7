"""The step editor sets a unique_code incentive with the API's checks (flows.services)."""

import pytest
from django.urls import reverse

from flows.models import IncentiveKind
from flows.services import flow_seed_default

pytestmark = pytest.mark.django_db


def _step_post(**overrides):
    data = {
        "language": "en",
        "template": "Hi {first_name}, {discount_code}: {link} Reply STOP to opt out.",
        "delay": "45",
        "delay_unit": "minutes",
        "is_active": "on",
        "incentive_kind": "unique_code",
        "discount_code": "",
        "incentive_text": "",
        "incentive_valid_days": "7",
        "incentive_percent": "",
        "incentive_amount": "",
    }
    return {**data, **overrides}


def test_the_step_editor_sets_a_unique_code(owner_client, store):
    step = flow_seed_default(store=store).steps.get(position=1)
    url = reverse("dashboard:flow_step", kwargs={"store_id": store.id, "step_id": step.id})

    assert 'name="incentive_percent"' in owner_client.get(url).content.decode()
    refused = owner_client.post(url, _step_post())
    saved = owner_client.post(url, _step_post(incentive_percent="15"))

    assert refused.status_code == 400
    assert "Give the code&#x27;s value: a percentage or an amount off, not both." in refused.content.decode()
    assert saved.status_code == 302
    step.refresh_from_db()
    assert (step.incentive_kind, step.incentive_percent) == (IncentiveKind.UNIQUE_CODE, 15)
