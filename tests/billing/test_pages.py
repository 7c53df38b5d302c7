import csv
import io
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse

from billing.attribution import order_attribute
from billing.invoices import invoice_issue
from billing.plans import plan_update
from billing.selectors import plan_get
from flows.models import Nudge
from stores.models import Role
from tests.billing.factories import StepFactory, click_add, order_for, texted_cart
from tests.stores.factories import CartFactory, MembershipFactory

pytestmark = pytest.mark.django_db

MARCH_NOW = datetime(2026, 3, 15, 12, 0, tzinfo=UTC)


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client


def _invoice(store):
    placed_at = datetime(2026, 2, 10, 12, tzinfo=UTC)
    cart, text = texted_cart(store=store, at=placed_at - timedelta(hours=2))
    click_add(cart=cart, at=placed_at - timedelta(hours=1), message=text)
    order = order_for(cart=cart, placed_at=placed_at, name="#1042")
    order_attribute(store=store, order=order)
    return invoice_issue(store=store, month=date(2026, 2, 1), now=MARCH_NOW)


def test_the_billing_page_shows_the_period_to_date_and_past_invoices(owner_client, store, time_machine):
    # given: an issued invoice, and an order recovered this month
    now = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)
    time_machine.move_to(now)
    invoice = _invoice(store)
    cart, text = texted_cart(store=store, at=now - timedelta(minutes=30))
    click_add(cart=cart, at=now - timedelta(minutes=20), message=text)
    order = order_for(cart=cart, placed_at=now - timedelta(minutes=10), name="#2001")
    order_attribute(store=store, order=order)

    # when
    response = owner_client.get(reverse("billing:page", kwargs={"store_id": store.id}))

    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert "#2001" in html
    assert "Receipt" in html
    assert invoice.number in html
    assert 'aria-current="page"' in html  # "Billing" is active in the nav


def test_an_invoice_page_shows_every_line_with_its_receipt(owner_client, store):
    invoice = _invoice(store)

    response = owner_client.get(
        reverse("billing:page_invoice", kwargs={"store_id": store.id, "invoice_id": invoice.id})
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Order #1042: 100.00 USD" in html
    # the receipt in words, in the store's time zone (New York): 12:00 UTC is 07:00 EST
    assert "Tapped the link 10 Feb 2026 06:00 EST after the text of 10 Feb 2026 05:00 EST" in html
    assert "css/billing.css" in html  # the print stylesheet


def test_the_csv_export_has_one_row_per_line(owner_client, store):
    invoice = _invoice(store)

    response = owner_client.get(
        reverse("billing:page_invoice_csv", kwargs={"store_id": store.id, "invoice_id": invoice.id})
    )

    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert response["Content-Type"].startswith("text/csv")
    assert [(r["kind"], r["amount"]) for r in rows] == [("fee", "5.00"), ("texting", "0.01")]
    assert rows[0]["order"] == "#1042"
    assert rows[0]["touch"] == "click"


def test_another_stores_invoice_is_404(owner_client, store, other_store):
    theirs = _invoice(other_store)
    page = reverse("billing:page_invoice", kwargs={"store_id": store.id, "invoice_id": theirs.id})
    foreign = reverse("billing:page_invoice", kwargs={"store_id": other_store.id, "invoice_id": theirs.id})
    missing = reverse("billing:page", kwargs={"store_id": uuid.uuid4()})

    assert owner_client.get(page).status_code == 404
    assert owner_client.get(foreign).status_code == 404
    assert owner_client.get(missing).status_code == 404


def test_agents_cannot_see_billing(client, store):
    client.force_login(MembershipFactory(store=store, role=Role.AGENT).user)

    assert client.get(reverse("billing:page", kwargs={"store_id": store.id})).status_code == 403


def test_the_merchant_sets_the_window_and_the_control_group(owner_client, store):
    url = reverse("billing:page_settings", kwargs={"store_id": store.id})

    saved = owner_client.post(url, {"attribution_window_days": "14", "holdout_percent": "10"})
    refused = owner_client.post(url, {"attribution_window_days": "45", "holdout_percent": "10"})

    assert saved.status_code == 302
    assert refused.status_code == 400
    plan = plan_get(store=store)
    assert (plan.attribution_window_days, plan.holdout_percent) == (14, 10)


def test_the_billing_page_shows_the_measured_lift_with_a_control_group(owner_client, store):
    # given: a control group, 2 of 4 texted carts recovered and 0 of 2 held out
    plan_update(store=store, holdout_percent=10)
    step = StepFactory(store=store)
    now = datetime.now(tz=UTC)
    for i, (holdout, recovered) in enumerate(
        [(False, True)] * 2 + [(False, False)] * 2 + [(True, False)] * 2
    ):
        cart = CartFactory(store=store, recovered_at=now if recovered else None)
        Nudge.objects.create(
            store=store, cart=cart, step=step, due_at=now - timedelta(hours=i + 1), holdout=holdout,
            state=Nudge.State.SKIPPED if holdout else Nudge.State.SENT,
        )  # fmt: skip

    # when
    html = owner_client.get(reverse("billing:page", kwargs={"store_id": store.id})).content.decode()

    # then
    assert "Measured lift" in html
    assert "2 of 4 carts" in html
    assert "0 of 2 carts" in html
    assert "+50.0 pts" in html
