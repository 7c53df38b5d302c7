import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from billing.attribution import order_attribute
from billing.selectors import analytics_summary
from conversations.models import Message
from tests.billing.factories import click_add, order_for, reply_add, texted_cart

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)
DAY = date(2026, 3, 10)


def _url(store_id) -> str:
    return reverse("billing:analytics", kwargs={"store_id": store_id})


def _recovery(store, *, at=T0, clicked=True, total="100.00"):
    cart, text = texted_cart(store=store, at=at, segments=2)
    if clicked:
        click_add(cart=cart, at=at + timedelta(minutes=5), message=text)
    order = order_for(cart=cart, placed_at=at + timedelta(hours=1), total=total)
    order_attribute(store=store, order=order)
    return cart


def test_the_summary_counts_the_funnel_and_the_money(store):
    # given: one clicked and recovered, one only delivered and recovered, one replied
    _recovery(store)
    _recovery(store, clicked=False)
    replied_cart, _ = texted_cart(store=store, at=T0, status=Message.Status.SENT)
    reply_add(cart=replied_cart, at=T0 + timedelta(minutes=3))

    # when
    summary = analytics_summary(store=store, start=DAY, end=DAY)

    # then
    assert summary["texted"] == 3
    assert summary["delivered"] == 2
    assert summary["clicked"] == 1
    assert summary["replied"] == 1
    assert summary["recovered"] == 2
    assert summary["attributed"] == 1
    assert summary["revenue"] == Decimal("100.00")
    assert summary["fees"] == Decimal("5.00")
    # 2 + 2 + 1 US segments at 0.0083 = 0.0415 → 0.04
    assert summary["segments"] == 5
    assert summary["cost"] == Decimal("0.04")
    assert all(isinstance(summary[k], Decimal) for k in ("revenue", "cost", "fees", "credits"))
    assert summary["series"] == [
        {
            "date": DAY,
            "texted": 3,
            "clicked": 1,
            "recovered": 2,
            "revenue": Decimal("100.00"),
            "fees": Decimal("5.00"),
        }
    ]


def test_days_are_the_stores_days(store):
    # given: 03:00 UTC on the 11th is still the 10th in New York
    _recovery(store, at=datetime(2026, 3, 11, 2, 0, tzinfo=UTC))

    # when
    tenth = analytics_summary(store=store, start=DAY, end=DAY)
    eleventh = analytics_summary(store=store, start=date(2026, 3, 11), end=date(2026, 3, 11))

    # then
    assert (tenth["recovered"], eleventh["recovered"]) == (1, 0)


def test_the_summary_costs_the_same_queries_for_1_and_5_recoveries(store, other_store):
    def queries(s, n):
        for i in range(n):
            _recovery(s, at=T0 + timedelta(minutes=i))
        with CaptureQueriesContext(connection) as ctx:
            analytics_summary(store=s, start=DAY, end=DAY)
        return len(ctx.captured_queries)

    assert queries(store, 1) == queries(other_store, 5)


def test_the_api_answers_the_contract(api_client, store):
    # given
    _recovery(store)

    # when
    response = api_client.get(_url(store.id), {"from": "2026-03-10", "to": "2026-03-11"})

    # then
    assert response.status_code == 200
    body = response.json()
    for key in ("carts", "texted", "delivered", "clicked", "replied", "recovered", "revenue", "cost", "fees"):
        assert key in body
    assert body["from"] == "2026-03-10"
    assert body["revenue"] == "100.00"
    assert body["fees"] == "5.00"
    assert isinstance(body["recovered"], int)
    assert [d["date"] for d in body["series"]] == ["2026-03-10", "2026-03-11"]
    assert body["lift"]["difference"] is None


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"from": "10/03/2026"}, "ISO date"),
        ({"to": "2026-02-30"}, "ISO date"),
        ({"from": "2026-03-12", "to": "2026-03-10"}, "must not be after"),
        ({"from": "2024-01-01", "to": "2026-03-10"}, "at most 366 days"),
    ],
)
def test_bad_dates_are_a_400_that_says_why(api_client, store, params, message):
    response = api_client.get(_url(store.id), params)

    assert response.status_code == 400
    assert message in response.json()["detail"]


def test_another_store_and_a_missing_one_are_404(api_client, other_store):
    assert api_client.get(_url(other_store.id)).status_code == 404
    assert api_client.get(_url(uuid.uuid4())).status_code == 404


def test_the_api_needs_a_token(client, store):
    assert client.get(_url(store.id)).status_code == 401
