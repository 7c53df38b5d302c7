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
    assert "Give the code&#x27;s value: a percentage or an amount off." in refused.content.decode()
    assert saved.status_code == 302
    step.refresh_from_db()
    assert (step.incentive_kind, step.incentive_percent) == (IncentiveKind.UNIQUE_CODE, 15)


@pytest.mark.parametrize(
    ("percent", "amount", "said"),
    [
        ("", "", "Give the code&#x27;s value: a percentage or an amount off.<"),
        ("10", "5.00", "Give the code&#x27;s value: a percentage or an amount off, not both.<"),
    ],
)
def test_a_unique_code_without_one_value_is_named_at_the_top_and_at_the_field(
    owner_client, store, percent, amount, said
):
    # given a step set to a Shopify code per cart
    step = flow_seed_default(store=store).steps.get(position=1)
    url = reverse("dashboard:flow_step", kwargs={"store_id": store.id, "step_id": step.id})

    # when it is saved with neither value, or with both
    response = owner_client.post(url, _step_post(incentive_percent=percent, incentive_amount=amount))

    # then the message says which, once in the summary at the form's top (linked to the field) and once
    # under the field
    html = response.content.decode()
    assert response.status_code == 400
    summary = html.split('data-testid="form-error-summary"', 1)[1].split("</div>", 1)[0]
    assert '<a href="#id_incentive_percent">Percent off</a>: ' + said in summary
    assert html.count(said) == 2
