"""Regressions for the rules that were written twice and drifted apart (issue 12).

Each test drives both doors to the same rule (the API and the dashboard, the preview and the bill, the
Overview and the Billing page) and asserts they agree.
"""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from billing.selectors import texting_charges
from conversations.models import Message
from flows.models import Nudge
from flows.rendering import template_preview
from flows.services import flow_seed_default, nudges_schedule_for_cart
from tests.billing.factories import message_add, text_send
from tests.stores.factories import CartFactory, CartItemFactory, CustomerFactory

pytestmark = pytest.mark.django_db

QUIET_AT = datetime(2026, 3, 4, 17, 0, tzinfo=UTC)


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client


def _waiting_cart(store, phone="+12125550100"):
    flow_seed_default(store=store)
    customer = CustomerFactory(store=store, phone=phone, first_name="Jamie")
    cart = CartFactory(store=store, customer=customer, last_activity_at=QUIET_AT)
    CartItemFactory(cart=cart, title="Alpine Down Jacket", position=0)
    nudges_schedule_for_cart(store=store, cart=cart)
    return cart


def _api_steps(flow, *, first_delay: int, first_template: str | None = None) -> list[dict]:
    steps = []
    for step in flow.steps.all():
        templates = dict(step.templates)
        delay = step.delay_minutes
        if step.position == 1:
            delay = first_delay
            if first_template is not None:
                templates["en"] = first_template
        incentive = {"kind": step.incentive_kind, "discount_code": step.discount_code}
        steps.append(
            {
                "position": step.position,
                "delay_minutes": delay,
                "templates": templates,
                "incentive": incentive,
            }
        )
    return steps


def _api_put_flow(api_client, store, *, first_delay: int, first_template: str | None = None):
    flow = flow_seed_default(store=store)
    body = {
        "quiet_hours": {"start": flow.quiet_hours_start, "end": flow.quiet_hours_end},
        "frequency_cap": flow.frequency_cap,
        "steps": _api_steps(flow, first_delay=first_delay, first_template=first_template),
    }
    return api_client.put(f"/api/v1/stores/{store.id}/flow/", body, format="json")


def _dashboard_post_step(owner_client, store, *, delay: int, template: str | None = None):
    step = flow_seed_default(store=store).steps.get(position=1)
    url = reverse("dashboard:flow_step", kwargs={"store_id": store.id, "step_id": step.id}) + "?lang=en"
    return owner_client.post(
        url,
        {
            "language": "en",
            "template": template if template is not None else step.templates["en"],
            "delay": str(delay),
            "delay_unit": "minutes",
            "is_active": "on",
            "incentive_kind": step.incentive_kind,
            "discount_code": step.discount_code,
            "incentive_text": "",
            "incentive_valid_days": "7",
        },
    )


# --- One flow write service behind the API and the dashboard -----------------------------------------


@pytest.mark.parametrize("door", ["api", "dashboard"])
def test_a_delay_change_moves_pending_nudges_through_either_door(door, store, api_client, owner_client):
    # given a cart waiting for the 45-minute text
    cart = _waiting_cart(store)
    nudge = Nudge.objects.get(cart=cart, step__position=1)
    assert nudge.due_at == QUIET_AT + timedelta(minutes=45)

    # when the first step's delay becomes 30 minutes
    if door == "api":
        response = _api_put_flow(api_client, store, first_delay=30)
        assert response.status_code == 200, response.content
    else:
        response = _dashboard_post_step(owner_client, store, delay=30)
        assert response.status_code == 302, response.content

    # then the waiting text moves with it
    nudge.refresh_from_db()
    assert nudge.state == Nudge.State.SCHEDULED
    assert nudge.due_at == QUIET_AT + timedelta(minutes=30)


def test_the_dashboard_and_the_api_refuse_bad_quiet_hours_in_the_same_words(store, api_client, owner_client):
    flow = flow_seed_default(store=store)
    api_response = api_client.put(
        f"/api/v1/stores/{store.id}/flow/",
        {
            "quiet_hours": {"start": 20, "end": 9},
            "frequency_cap": 3,
            "steps": _api_steps(flow, first_delay=45),
        },
        format="json",
    )
    page = owner_client.post(
        reverse("dashboard:settings", kwargs={"store_id": store.id}),
        {
            "quiet_hours_start": "20",
            "quiet_hours_end": "9",
            "frequency_cap": "3",
            "fallback_reply": flow.fallback_reply,
            "holding_reply": flow.holding_reply,
            "help_text": "Summit: cart reminders. Reply STOP to opt out.",
            "shipping_policy": "",
            "returns_policy": "",
        },
    )

    assert api_response.status_code == 400
    assert page.status_code == 400
    message = api_response.json()["detail"]
    assert message in page.content.decode()


# --- One placeholder engine, one vocabulary ------------------------------------------------------------


def test_the_step_editor_refuses_an_unknown_placeholder(store, owner_client):
    step = flow_seed_default(store=store).steps.get(position=1)
    before = dict(step.templates)

    response = _dashboard_post_step(owner_client, store, delay=45, template="Hi {name}, your cart: {link}")

    assert response.status_code == 400
    assert "Unknown placeholder: {name}" in response.content.decode()
    step.refresh_from_db()
    assert step.templates == before


def test_the_flow_api_refuses_an_unknown_placeholder(store, api_client):
    flow = flow_seed_default(store=store)
    before = dict(flow.steps.get(position=1).templates)

    response = _api_put_flow(api_client, store, first_delay=45, first_template="Hi {name}! {link}")

    assert response.status_code == 400
    assert "Unknown placeholder: {name}" in response.json()["detail"]
    assert flow.steps.get(position=1).templates == before


def test_the_rule_form_and_the_step_editor_speak_one_vocabulary(store, api_client):
    # {shipping_policy} is a word of the one vocabulary: a flow text may use it as a rule's reply may.
    flow = flow_seed_default(store=store)

    response = _api_put_flow(
        api_client, store, first_delay=45, first_template="{shipping_policy} Your cart: {link}"
    )
    rule = api_client.post(
        f"/api/v1/stores/{store.id}/keyword-rules/",
        {"name": "Totals", "keywords": ["total"], "reply": "Your total: {cart_total} {link}"},
        format="json",
    )

    assert response.status_code == 200, response.content
    assert flow.steps.get(position=1).templates["en"].startswith("{shipping_policy}")
    assert rule.status_code == 201, rule.content


# --- One price table for the preview and the bill ------------------------------------------------------


@pytest.mark.parametrize(
    ("country", "phone"), [("US", "+12125550100"), ("CA", "+14165550100"), ("GB", "+447700900123")]
)
def test_the_preview_price_is_the_billed_price(store, country, phone):
    # given the editor's estimate for a two-segment text to this country
    template = "Hi {first_name}, " + "your cart is waiting for you at the store " * 3 + "{link}"
    preview = template_preview(store=store, template=template, country=country, first_text=False)
    segments = preview.worst_case.segments
    assert segments >= 2

    # when a text of that many segments goes to a number there and is billed from the table
    cart = CartFactory(store=store, customer=CustomerFactory(store=store, phone=phone))
    text_send(cart=cart, at=QUIET_AT, segments=segments)
    charges = texting_charges(
        store=store, start=QUIET_AT - timedelta(hours=1), end=QUIET_AT + timedelta(hours=1), currency="USD"
    )

    # then the bill's price per segment is the one the preview used
    (charge,) = charges
    assert charge.unit_price * segments == preview.estimated_cost
    assert charge.amount == preview.estimated_cost.quantize(Decimal("0.01"))


# --- One texting cost for the Overview and the Billing page ---------------------------------------------


@time_machine.travel(datetime(2026, 3, 7, 18, 0, tzinfo=UTC), tick=False)
def test_overview_and_billing_show_the_same_texting_cost_and_count(store, owner_client):
    # given (the 7th of the month, so the Overview's last 7 days are Billing's month to date) two nudge
    # texts of two segments and a few replies the bot sent
    store.timezone = "UTC"
    store.save(update_fields=["timezone"])
    at = datetime(2026, 3, 5, 15, 0, tzinfo=UTC)
    cart = CartFactory(store=store, customer=CustomerFactory(store=store, phone="+12125550100"))
    other = CartFactory(store=store, customer=CustomerFactory(store=store, phone="+12125550101"))
    text_send(cart=cart, at=at, segments=2)
    text_send(cart=other, at=at, segments=2)
    for minute in range(3):
        message_add(
            cart=cart,
            at=at + timedelta(minutes=minute + 1),
            direction=Message.Direction.OUT,
            body="Our shipping takes 2 days.",
            route="rule",
        )

    # when
    overview = owner_client.get(reverse("dashboard:home", kwargs={"store_id": store.id}), {"period": "7"})
    billing = owner_client.get(reverse("billing:page", kwargs={"store_id": store.id}))

    # then both count the five texts and seven segments, at one cost
    summary = overview.context["summary"]
    lines = [line for line in billing.context["to_date"].lines if line.kind == "texting"]
    assert (summary["messages"], summary["segments"]) == (5, 7)
    assert sum(line.receipt["texts"] for line in lines) == summary["messages"]
    assert sum(line.receipt["segments"] for line in lines) == summary["segments"]
    assert sum(line.amount for line in lines) == summary["cost"]
    assert "5 texts, 7 segments" in overview.content.decode()
