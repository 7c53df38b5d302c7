"""Per-message results over real HTTP: `?by=step|variant|rule`, their CSV, and tenancy."""

import csv
import io
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from analytics.selectors import message_results, rule_results
from billing.attribution import order_attribute
from conversations.models import KeywordRule, Message, Thread
from flows.models import Nudge
from stores.models import Cart
from tests.billing.factories import StepFactory, click_add, order_for, reply_add, texted_cart
from tests.conversations.factories import KeywordRuleFactory
from tests.stores.factories import CartFactory

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)
RANGE = {"from": "2026-03-10", "to": "2026-03-10"}


def _url(store_id) -> str:
    return reverse("billing:analytics", kwargs={"store_id": store_id})


def _text(store, step, *, variant: str = "", status=Message.Status.DELIVERED):
    cart, text = texted_cart(store=store, at=T0, step=step, status=status)
    Nudge.objects.filter(pk=text.nudge_id).update(variant=variant)
    return cart, text


def _recover(cart, text, *, total: str):
    click_add(cart=cart, at=T0 + timedelta(minutes=5), message=text)
    Cart.objects.filter(pk=cart.pk).update(recovered_at=T0 + timedelta(hours=1))
    order_attribute(
        store=cart.store, order=order_for(cart=cart, placed_at=T0 + timedelta(hours=1), total=total)
    )


def _rule_answer(cart, rule: KeywordRule, *, at):
    thread = Thread.objects.get(store=cart.store, customer=cart.customer)
    message = Message.objects.create(
        store=cart.store,
        thread=thread,
        direction=Message.Direction.OUT,
        body=rule.reply,
        status=Message.Status.DELIVERED,
        route="rule",
        rule=rule,
    )
    Message.objects.filter(pk=message.pk).update(created_at=at)


def _seed(store, *, scale: int = 1) -> dict:
    """Step 1 runs variants A and B, step 2 has none; one rule answered the shopper who then bought."""
    step1 = StepFactory(store=store, position=1)
    step2 = StepFactory(store=store, position=2, flow=step1.flow)
    a = [_text(store, step1, variant="A") for _ in range(3 * scale)]
    b = [_text(store, step1, variant="B") for _ in range(2 * scale)]
    _text(store, step2)
    _text(store, step2, status=Message.Status.FAILED)  # never left: neither counted nor billed
    _recover(*a[0], total="100.00")
    click_add(cart=b[1][0], at=T0 + timedelta(minutes=2), message=b[1][1])
    rule = KeywordRuleFactory(store=store, name="Shipping")
    KeywordRuleFactory(store=store, name="Returns")  # answered nobody
    reply_add(cart=b[0][0], at=T0 + timedelta(minutes=3))
    _rule_answer(b[0][0], rule, at=T0 + timedelta(minutes=4))
    Thread.objects.filter(store=store, customer=b[0][0].customer).update(
        status=Thread.Status.ESCALATED, escalated_at=T0 + timedelta(minutes=20)
    )
    _recover(*b[0], total="300.00")
    held_out = CartFactory(store=store)
    Nudge.objects.create(
        store=store, cart=held_out, step=step1, state=Nudge.State.SKIPPED, due_at=T0, holdout=True
    )
    return {"step1": step1, "step2": step2, "rule": rule}


@pytest.fixture
def seeded(store, other_store):
    seeded = _seed(store)
    _seed(other_store, scale=3)  # larger numbers that must never show up in `store`'s answers
    return seeded


def test_by_variant_counts_each_variant_of_each_step(api_client, store, seeded):
    response = api_client.get(_url(store.id), {**RANGE, "by": "variant"})

    assert response.status_code == 200
    rows = {(r["step"], r["variant"]): r for r in response.json()["rows"]}
    assert set(rows) == {(1, "A"), (1, "B"), (2, "A")}
    a, b, sole = rows[(1, "A")], rows[(1, "B")], rows[(2, "A")]
    assert [a[k] for k in ("texted", "delivered", "clicked", "replied", "recovered")] == [3, 3, 1, 0, 1]
    assert [b[k] for k in ("texted", "delivered", "clicked", "replied", "recovered")] == [2, 2, 2, 1, 1]
    assert (a["revenue"], a["revenue_per_text"]) == ("100.00", "33.33")
    assert (b["revenue"], b["revenue_per_text"]) == ("300.00", "150.00")
    # 2 US texts × 1 segment × $0.0083 = $0.0166 → $0.02, for its one recovered order
    assert (b["cost"], b["cost_per_recovered"]) == ("0.02", "0.02")
    assert a["probability_best"] + b["probability_best"] == pytest.approx(1.0, abs=1e-3)
    assert b["probability_best"] > a["probability_best"]
    # a step without variants is its own variant "A", with nothing to compare
    assert sole["texted"] == 1
    assert sole["probability_best"] is None
    assert sole["revenue_per_text"] == "0.00"
    assert sole["cost_per_recovered"] is None


def test_by_step_merges_the_variants_and_shows_the_lift(api_client, store, seeded):
    body = api_client.get(_url(store.id), {**RANGE, "by": "step"}).json()

    first, second = body["rows"]
    assert (first["step"], first["variant"], first["probability_best"]) == (1, None, None)
    assert [first[k] for k in ("texted", "clicked", "replied", "recovered", "revenue")] == [
        5,
        3,
        1,
        2,
        "400.00",
    ]
    assert first["revenue_per_text"] == "80.00"
    assert (first["lift"]["texted"], first["lift"]["held_out"], first["lift"]["texted_recovered"]) == (
        5,
        1,
        2,
    )
    assert first["lift"]["ci_low"] is not None
    assert second["step"] == 2
    assert second["lift"]["held_out"] == 0
    assert second["lift"]["difference"] is None
    (flow,) = body["flows"]
    assert (flow["texted"], flow["recovered"], flow["revenue"]) == (6, 2, "400.00")
    assert flow["lift"]["held_out"] == 1
    # the summary is still there, unchanged, beside the rows
    assert body["revenue"] == "400.00"


def test_by_rule_follows_each_rule_to_the_order(api_client, store, seeded):
    body = api_client.get(_url(store.id), {**RANGE, "by": "rule"}).json()

    rows = {r["name"]: r for r in body["rows"]}
    assert set(rows) == {"Shipping", "Returns"}
    shipping = rows["Shipping"]
    assert shipping["rule"] == seeded["rule"].pk
    assert [shipping[k] for k in ("answered", "escalated_after", "recovered", "revenue")] == [
        1,
        1,
        1,
        "300.00",
    ]
    assert shipping["cost"] == "0.01"
    assert [rows["Returns"][k] for k in ("answered", "recovered", "revenue")] == [0, 0, "0.00"]


def test_the_other_stores_texts_never_count(api_client, store, other_store, seeded):
    # the other store has three times the texts; our store's numbers are the ones seeded for it alone
    by_step = api_client.get(_url(store.id), {**RANGE, "by": "step"}).json()
    assert sum(r["texted"] for r in by_step["rows"]) == 6
    by_rule = api_client.get(_url(store.id), {**RANGE, "by": "rule"}).json()
    assert len(by_rule["rows"]) == 2


@pytest.mark.parametrize("params", [{"by": "step"}, {"by": "rule", "format": "csv"}])
def test_another_store_and_a_missing_one_are_404(api_client, other_store, seeded, params):
    assert api_client.get(_url(other_store.id), params).status_code == 404
    assert api_client.get(_url(uuid.uuid4()), params).status_code == 404


def test_an_unknown_by_is_a_400_that_names_the_choices(api_client, store):
    response = api_client.get(_url(store.id), {"by": "day"})

    assert response.status_code == 400
    assert response.json() == {"errors": {"by": ["Use one of step, variant, rule."]}}


def test_a_bad_date_asked_as_csv_is_still_told_in_json(api_client, store):
    response = api_client.get(_url(store.id), {"from": "soon", "format": "csv"})

    assert response.status_code == 400
    assert "ISO date" in response.json()["detail"]


def _csv(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_the_csv_carries_the_same_numbers_as_the_json(api_client, store, seeded):
    json_rows = api_client.get(_url(store.id), {**RANGE, "by": "variant"}).json()["rows"]

    response = api_client.get(_url(store.id), {**RANGE, "by": "variant", "format": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="analytics-variant-2026-03-10-2026-03-10.csv"' in response["Content-Disposition"]
    rows = _csv(response)
    assert [(r["step"], r["variant"], r["texted"], r["revenue"]) for r in rows] == [
        (str(r["step"]), r["variant"], str(r["texted"]), r["revenue"]) for r in json_rows
    ]
    assert rows[2]["probability_best"] == ""  # null in JSON, an empty cell in the sheet


def test_the_step_and_rule_csvs_and_the_days(api_client, store, seeded):
    steps = _csv(api_client.get(_url(store.id), {**RANGE, "by": "step", "format": "csv"}))
    rules = _csv(api_client.get(_url(store.id), {**RANGE, "by": "rule", "format": "csv"}))
    days = _csv(api_client.get(_url(store.id), {**RANGE, "format": "csv"}))

    assert [r["lift_ci_low"] != "" for r in steps] == [True, False]
    assert {r["name"]: r["revenue"] for r in rules} == {"Shipping": "300.00", "Returns": "0.00"}
    assert days == [
        {
            "date": "2026-03-10",
            "texted": "6",
            "clicked": "3",
            "recovered": "2",
            "revenue": "400.00",
            "fees": "20.00",
        }
    ]


def test_a_rule_name_that_looks_like_a_formula_is_defused_in_the_csv(api_client, store):
    KeywordRuleFactory(store=store, name='=HYPERLINK("https://evil.example")')

    rows = _csv(api_client.get(_url(store.id), {"by": "rule", "format": "csv", "to": timezone.localdate()}))

    assert rows[0]["name"].startswith("'=")


@pytest.mark.parametrize("by", ["step", "variant", "rule"])
def test_the_rows_cost_the_same_queries_for_few_and_many_texts(by, store, other_store):
    def queries(s, scale):
        _seed(s, scale=scale)
        with CaptureQueriesContext(connection) as ctx:
            if by == "rule":
                rule_results(store=s, start=T0.date(), end=T0.date())
            else:
                message_results(store=s, start=T0.date(), end=T0.date(), by=by)
        return len(ctx.captured_queries)

    assert queries(store, 1) == queries(other_store, 4)


def test_texts_from_before_the_variants_count_as_variant_a(api_client, store):
    step = StepFactory(store=store, position=1)
    _text(store, step, variant="")
    _text(store, step, variant="A")
    _text(store, step, variant="B")

    rows = api_client.get(_url(store.id), {**RANGE, "by": "variant"}).json()["rows"]

    assert [(r["variant"], r["texted"]) for r in rows] == [("A", 2), ("B", 1)]
    assert all(r["probability_best"] is not None for r in rows)
