import pytest

from flows.models import DiscountCode, Flow, Nudge
from flows.services import flow_seed_default, nudges_schedule_for_cart
from stores.models import Role
from tests.flows.conftest import WEDNESDAY_NOON_NY


def _url(store) -> str:
    return f"/api/v1/stores/{store.id}/flow/"


def _body(**changes) -> dict:
    body = {
        "quiet_hours": {"start": 9, "end": 20},
        "frequency_cap": 2,
        "steps": [
            {"position": 1, "delay_minutes": 30, "templates": {"en": "Hi {first_name}! {product}? {link}"}},
            {
                "position": 2,
                "delay_minutes": 1440,
                "templates": {"en": "Still there? {discount_code} {link}"},
                "incentive": {"kind": "code_pool", "pool_codes": ["P-1", "P-2", "P-1"], "valid_days": 3},
            },
        ],
    }
    body.update(changes)
    return body


@pytest.mark.django_db
def test_get_shows_the_active_flow_with_previews(api_client, store):
    response = api_client.get(_url(store))

    assert response.status_code == 200
    data = response.json()
    assert data["quiet_hours"] == {"start": 8, "end": 21}
    assert data["frequency_cap"] == 3
    assert [s["delay_minutes"] for s in data["steps"]] == [45, 1440]
    assert data["steps"][1]["incentive"]["discount_code"] == "COMEBACK10"
    preview = data["steps"][0]["previews"]["en"]
    assert preview["worst_case"]["encoding"] == "GSM-7"
    assert preview["estimated_cost"]


@pytest.mark.django_db
def test_put_replaces_steps_rules_and_moves_pending_nudges(api_client, store, make_cart):
    # given a cart waiting for the 45-minute text
    flow_seed_default(store=store)
    cart = make_cart()
    nudges_schedule_for_cart(store=store, cart=cart)

    # when
    response = api_client.put(_url(store), _body(), format="json")

    # then
    assert response.status_code == 200, response.json()
    flow = Flow.objects.for_store(store).get(is_active=True)
    assert (flow.quiet_hours_start, flow.quiet_hours_end, flow.frequency_cap) == (9, 20, 2)
    assert Nudge.objects.get(cart=cart, step__position=1).due_at == WEDNESDAY_NOON_NY.replace(minute=30)
    assert sorted(DiscountCode.objects.for_store(store).values_list("code", flat=True)) == ["P-1", "P-2"]
    assert response.json()["steps"][1]["incentive"]["pool_available"] == 2


@pytest.mark.django_db
def test_a_step_left_out_is_switched_off_not_deleted(api_client, store):
    body = _body()
    body["steps"] = body["steps"][:1]

    response = api_client.put(_url(store), body, format="json")

    assert [s["active"] for s in response.json()["steps"]] == [True, False]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "changes",
    [
        {"quiet_hours": {"start": 21, "end": 8}},
        {"steps": []},
        {"steps": [{"position": 1, "delay_minutes": 45, "templates": {"en": "  "}}]},
        {"steps": [{"position": 1, "delay_minutes": 45, "templates": {"en": "x" * 1601}}]},
        {
            "steps": [
                {
                    "position": 1,
                    "delay_minutes": 45,
                    "templates": {"en": "x"},
                    "incentive": {"kind": "fixed_code"},
                }
            ]
        },
        {"frequency_cap": 0},
    ],
)
def test_an_invalid_flow_is_refused_and_nothing_changes(api_client, store, changes):
    flow_seed_default(store=store)

    response = api_client.put(_url(store), _body(**changes), format="json")

    assert response.status_code == 400
    assert Flow.objects.for_store(store).get().frequency_cap == 3


@pytest.mark.django_db
def test_another_stores_flow_is_a_404(api_client, other_store):
    flow_seed_default(store=other_store)

    assert api_client.get(_url(other_store)).status_code == 404
    assert api_client.put(_url(other_store), _body(), format="json").status_code == 404
    assert api_client.get("/api/v1/stores/not-a-uuid/flow/").status_code == 404
    assert Flow.objects.for_store(other_store).get().frequency_cap == 3


@pytest.mark.django_db
def test_an_agent_may_not_change_the_flow(api_client, store, owner):
    store.memberships.filter(user=owner).update(role=Role.AGENT)

    assert api_client.put(_url(store), _body(), format="json").status_code == 403


@pytest.mark.django_db
def test_the_flow_needs_a_login(client, store):
    assert client.get(_url(store)).status_code in (401, 403)
