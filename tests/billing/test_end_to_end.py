"""What a new merchant sees: a cart texted, the link clicked, the order posted, then billed once."""

import copy
import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from billing.models import Attribution, Invoice
from flows.dispatcher import nudge_dispatch_due
from flows.models import ShortLink
from flows.services import flow_seed_default
from tests.fixtures import load

# 17:00 UTC on a Wednesday: 09:00 for a San Francisco number, inside quiet hours everywhere in the US.
T0 = datetime(2026, 3, 4, 17, 0, tzinfo=UTC)


def _checkout() -> dict:
    payload = copy.deepcopy(load("shopify_checkouts_update.json"))
    payload.update(
        {
            "sms_marketing_phone": "+1 415-555-2671",
            "buyer_accepts_sms_marketing": True,
            "updated_at": T0.isoformat(),
            "completed_at": None,
        }
    )
    return payload


def _order() -> dict:
    payload = copy.deepcopy(load("shopify_orders_create.json"))
    placed = (T0 + timedelta(hours=2)).isoformat()
    payload.update(
        {
            "id": 7001,
            "name": "#7001",
            "checkout_token": "123123123",
            "cancelled_at": None,
            "cancel_reason": None,
            "created_at": placed,
            "processed_at": placed,
            "total_price": "421.88",
            "currency": "USD",
        }
    )
    return payload


@pytest.mark.django_db(transaction=True)
def test_texted_clicked_ordered_shows_the_fee_and_bills_once(
    store, owner, client, api_client, post_shopify, sms_outbox
):
    flow_seed_default(store=store)
    with time_machine.travel(T0, tick=False) as clock:
        # given: a consenting shopper leaves a checkout; 50 minutes later the first text goes out
        post_shopify(store, "checkouts/update", _checkout())
        clock.shift(timedelta(minutes=50))
        report = nudge_dispatch_due(deliver_inline=True)
        # when: the shopper taps the link in the text, then the order comes in
        clock.shift(timedelta(minutes=5))
        link = re.search(r"https?://\S+/r/\S+", sms_outbox[0].body).group(0)
        tapped = client.get(urlsplit(link).path, HTTP_USER_AGENT="Mobile Safari")
        clock.move_to(T0 + timedelta(hours=2, minutes=1))
        post_shopify(store, "orders/create", _order())

    # then: the order is attributed to the click, with its receipt and the 5 % fee
    assert report.sent == 1
    assert len(sms_outbox) == 1
    assert tapped.status_code == 302
    assert ShortLink.objects.get(store=store).clicks.count() == 1
    attribution = Attribution.objects.get(store=store)
    assert attribution.touch == "click"
    assert attribution.fee == Decimal("21.09")  # 5 % of 421.88 = 21.094 → 21.09

    # the dashboard's billing page shows it during the month
    client.force_login(owner)
    with time_machine.travel(T0 + timedelta(days=1)):
        page = client.get(reverse("billing:page", kwargs={"store_id": store.id})).content.decode()
        analytics = api_client.get(reverse("billing:analytics", kwargs={"store_id": store.id})).json()
    assert "#7001" in page
    assert "21.09" in page
    assert (analytics["texted"], analytics["clicked"], analytics["recovered"]) == (1, 1, 1)
    assert analytics["fees"] == "21.09"

    # and the monthly job, run twice after the month closed, issues one invoice
    with time_machine.travel(datetime(2026, 4, 1, 6, 0, tzinfo=UTC)):
        call_command("invoices_issue")
        call_command("invoices_issue")
    invoice = Invoice.objects.get(store=store)
    assert invoice.period_start.isoformat() == "2026-03-01"
    assert invoice.lines.filter(kind="fee", attribution=attribution).count() == 1
