"""Overview, Billing and the analytics API tell the same money for the same period: one computation."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from billing.adjustments import order_refund_record
from billing.attribution import order_attribute
from conversations.models import Message
from dashboard.templatetags.ui import money
from tests.billing.factories import click_add, message_add, order_for, texted_cart
from tests.stores.factories import CustomerFactory

pytestmark = pytest.mark.django_db

# The 7th of the month: the Overview's last 7 days, Billing's month to date and the API's 1st–7th are one
# period.
NOW = datetime(2026, 3, 7, 18, 0, tzinfo=UTC)
AT = datetime(2026, 3, 5, 15, 0, tzinfo=UTC)


def _seed(store):
    store.timezone = "UTC"
    store.save(update_fields=["timezone"])
    recovered, text = texted_cart(store=store, at=AT, segments=2)
    recovered.customer.phone = "+12125550100"
    recovered.customer.save(update_fields=["phone"])
    texted_cart(store=store, at=AT, segments=1, price=Decimal("-0.0120"), price_unit="USD")
    texted_cart(store=store, at=AT, status=Message.Status.FAILED)  # never left: not billed
    for minute in range(2):
        message_add(
            cart=recovered,
            at=AT + timedelta(minutes=minute + 1),
            direction=Message.Direction.OUT,
            body="Shipping takes two days.",
            route="rule",
        )
    click_add(cart=recovered, at=AT + timedelta(minutes=5), message=text)
    order = order_for(cart=recovered, placed_at=AT + timedelta(hours=2), total="240.00")
    order_attribute(store=store, order=order)
    order_refund_record(
        store=store, order=order, key="r1", amount=Decimal("60.00"), occurred_at=NOW - timedelta(hours=1)
    )


@time_machine.travel(NOW, tick=False)
def test_overview_billing_and_the_api_agree_on_the_money(store, other_store, owner_client, api_client):
    # given texts priced by the table and by Twilio, a failed one, an attributed order and a partial refund,
    # and the same again in another store (which must change nothing here)
    _seed(store)
    CustomerFactory(store=other_store)
    _seed(other_store)

    # when the three read the same period
    overview = owner_client.get(reverse("dashboard:home", kwargs={"store_id": store.id}), {"period": "7"})
    billing = owner_client.get(reverse("billing:page", kwargs={"store_id": store.id}))
    api = api_client.get(
        reverse("billing:analytics", kwargs={"store_id": store.id}),
        {"from": "2026-03-01", "to": "2026-03-07"},
    ).json()

    # then texting count, segments and cost, revenue and fees (net of the credit) are one set of numbers
    summary = overview.context["summary"]
    lines = billing.context["to_date"].lines
    texting = [line for line in lines if line.kind == "texting"]
    fee_lines = [line for line in lines if line.kind in ("fee", "credit")]
    attributed = [line for line in lines if line.kind == "fee"]
    from_billing = {
        "messages": sum(line.receipt["texts"] for line in texting),
        "segments": sum(line.receipt["segments"] for line in texting),
        "cost": sum(line.amount for line in texting),
        "revenue": sum(Decimal(line.receipt["amounts"]["revenue"]) for line in attributed),
        "fees": sum(line.amount for line in fee_lines),
    }
    from_overview = {key: summary[key] for key in from_billing}
    from_api = {key: api[key] if isinstance(api[key], int) else Decimal(api[key]) for key in from_billing}
    assert from_overview == from_billing == from_api
    # table-priced: 2 + 1 + 1 segments at $0.0083 → $0.03; Twilio's $0.012 → $0.01;
    # fees: 5% of $240 = $12, less the refund's quarter ($3)
    assert from_api == {
        "messages": 4,
        "segments": 5,
        "cost": Decimal("0.04"),
        "revenue": Decimal("240.00"),
        "fees": Decimal("9.00"),
    }
    # and the pages print them through Babel: the Overview its cost and fees, Billing their sum as its total
    owed = from_api["cost"] + from_api["fees"]
    assert billing.context["to_date"].total == summary["spend"] == owed
    page = overview.content.decode()
    assert f'Texting cost</div><div class="kpi-value">{money(from_api["cost"], "USD")}<' in page
    assert f'Our fees</div><div class="kpi-value">{money(from_api["fees"], "USD")}<' in page
    assert f"<strong>{money(owed, 'USD')}</strong>" in billing.content.decode()
