from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.management import call_command

from billing.adjustments import order_cancel_record, order_refund_record
from billing.attribution import order_attribute
from billing.invoices import invoice_issue, invoice_mark_paid, invoices_issue_due
from billing.models import Adjustment, Invoice, InvoiceLine
from billing.plans import plan_update
from cartrecovery.errors import ApplicationError
from tests.billing.factories import click_add, order_for, text_send, texted_cart
from tests.stores.factories import CartFactory, StoreFactory

pytestmark = pytest.mark.django_db

LA = ZoneInfo("America/Los_Angeles")
MARCH_NOW = datetime(2026, 3, 15, 12, 0, tzinfo=UTC)


def _attributed_order(store, *, placed_at, total="100.00"):
    cart, text = texted_cart(store=store, at=placed_at - timedelta(hours=2))
    click_add(cart=cart, at=placed_at - timedelta(hours=1), message=text)
    order = order_for(cart=cart, placed_at=placed_at, total=total)
    order_attribute(store=store, order=order)
    return order


# --- Credits ---------------------------------------------------------------------------------


def test_a_cancellation_credits_the_whole_fee_once(store):
    # given
    order = _attributed_order(store, placed_at=MARCH_NOW)

    # when
    first = order_cancel_record(store=store, order=order, occurred_at=MARCH_NOW + timedelta(days=1))
    again = order_cancel_record(store=store, order=order, occurred_at=MARCH_NOW + timedelta(days=2))

    # then
    assert again is None
    assert first.credit == Decimal("5.00")
    assert isinstance(first.credit, Decimal)
    order.refresh_from_db()
    assert order.cancelled_at == MARCH_NOW + timedelta(days=1)
    assert order.attribution.credited_at is not None


def test_a_partial_refund_credits_the_commission_in_proportion(store):
    # given: a 2.00 fixed fee on top of the 5 %
    plan_update(store=store, fixed_fee=Decimal("2.00"))
    order = _attributed_order(store, placed_at=MARCH_NOW, total="80.00")

    # when
    partial = order_refund_record(store=store, order=order, key="r1", amount=Decimal("20.00"))
    repeated = order_refund_record(store=store, order=order, key="r1", amount=Decimal("20.00"))
    rest = order_refund_record(store=store, order=order, key="r2", amount=Decimal("60.00"))

    # then: 4.00 commission × 20/80 = 1.00; then the rest of the fee (6.00 − 1.00)
    assert partial.credit == Decimal("1.00")
    assert repeated is None
    assert rest.credit == Decimal("5.00")
    order.refresh_from_db()
    assert order.refunded_amount == Decimal("80.00")


def test_a_refund_of_an_unbilled_order_credits_nothing(store):
    cart = CartFactory(store=store, last_activity_at=MARCH_NOW)
    order = order_for(cart=cart, placed_at=MARCH_NOW)

    adjustment = order_refund_record(store=store, order=order, key="r9", amount=Decimal("10.00"))

    assert adjustment.credit == Decimal("0.00")
    assert adjustment.attribution is None


def test_a_cancellation_recorded_before_the_order_is_attributed_is_caught_up(store):
    # given: orders/cancelled was processed before orders/create
    cart, text = texted_cart(store=store, at=MARCH_NOW - timedelta(hours=2))
    click_add(cart=cart, at=MARCH_NOW - timedelta(hours=1), message=text)
    order = order_for(cart=cart, placed_at=MARCH_NOW)
    order_cancel_record(store=store, order=order, occurred_at=MARCH_NOW + timedelta(minutes=5))

    # when
    attribution = order_attribute(store=store, order=order)

    # then
    credits = Adjustment.objects.filter(order=order).values_list("credit", flat=True)
    assert sum(credits) == attribution.fee == Decimal("5.00")


# --- Invoices --------------------------------------------------------------------------------


def test_an_order_at_2330_on_the_last_day_in_los_angeles_belongs_to_that_month():
    # given: 23:30 on 31 January in LA is already 1 February in UTC
    store = StoreFactory(timezone="America/Los_Angeles")
    late_january = _attributed_order(store, placed_at=datetime(2026, 1, 31, 23, 30, tzinfo=LA))
    early_february = _attributed_order(store, placed_at=datetime(2026, 2, 1, 0, 30, tzinfo=LA))

    # when
    january = invoice_issue(store=store, month=date(2026, 1, 1), now=MARCH_NOW)
    february = invoice_issue(store=store, month=date(2026, 2, 1), now=MARCH_NOW)

    # then
    assert [line.attribution.order for line in january.lines.filter(kind="fee")] == [late_january]
    assert [line.attribution.order for line in february.lines.filter(kind="fee")] == [early_february]
    assert january.period_end == date(2026, 1, 31)
    assert january.timezone == "America/Los_Angeles"


def test_the_invoice_job_twice_bills_once(store):
    # given
    _attributed_order(store, placed_at=datetime(2026, 2, 10, 12, tzinfo=UTC))

    # when
    first = invoices_issue_due(now=MARCH_NOW)
    second = invoices_issue_due(now=MARCH_NOW)
    again = invoice_issue(store=store, month=date(2026, 2, 1), now=MARCH_NOW)

    # then
    assert [i.store for i in first] == [store]
    assert second == []
    assert again.pk == first[0].pk
    assert Invoice.objects.filter(store=store).count() == 1
    invoice = first[0]
    assert invoice.status == Invoice.Status.ISSUED
    # the 5.00 fee and one US segment at cost (0.0083 → 0.01)
    assert invoice.total == Decimal("5.01")
    assert isinstance(invoice.total, Decimal)


def test_an_open_month_cannot_be_invoiced(store):
    with pytest.raises(ApplicationError, match="has not ended"):
        invoice_issue(store=store, month=date(2026, 3, 1), now=MARCH_NOW)


def test_a_refund_in_the_same_month_is_a_credit_line_on_that_invoice(store):
    # given
    order = _attributed_order(store, placed_at=datetime(2026, 2, 10, tzinfo=UTC))
    order_refund_record(
        store=store,
        order=order,
        key="r1",
        amount=Decimal("50.00"),
        occurred_at=datetime(2026, 2, 12, tzinfo=UTC),
    )

    # when
    invoice = invoice_issue(store=store, month=date(2026, 2, 1), now=MARCH_NOW)

    # then
    lines = list(invoice.lines.values_list("kind", "amount"))
    assert lines == [("fee", Decimal("5.00")), ("credit", Decimal("-2.50")), ("texting", Decimal("0.01"))]
    assert invoice.total == Decimal("2.51")


def test_a_refund_after_the_period_closed_is_credited_on_the_next_invoice(store):
    # given: February is invoiced, then the order is cancelled in March
    order = _attributed_order(store, placed_at=datetime(2026, 2, 10, tzinfo=UTC))
    february = invoice_issue(store=store, month=date(2026, 2, 1), now=MARCH_NOW)
    order_cancel_record(store=store, order=order, occurred_at=MARCH_NOW)

    # when
    march = invoice_issue(store=store, month=date(2026, 3, 1), now=datetime(2026, 4, 2, tzinfo=UTC))

    # then: February did not change; March carries the credit
    assert february.lines.count() == 2
    february.refresh_from_db()
    assert february.total == Decimal("5.01")
    assert list(march.lines.values_list("kind", "amount")) == [("credit", Decimal("-5.00"))]
    assert march.total == Decimal("-5.00")


def test_texting_at_cost_uses_the_table_unless_twilio_reported_a_price(store):
    # given: two 2-segment texts to a US number at the table price, one priced by Twilio
    cart = CartFactory(store=store, last_activity_at=datetime(2026, 2, 3, tzinfo=UTC))
    text_send(cart=cart, at=datetime(2026, 2, 3, tzinfo=UTC), segments=2)
    text_send(cart=cart, at=datetime(2026, 2, 4, tzinfo=UTC), segments=2)
    text_send(
        cart=cart,
        at=datetime(2026, 2, 5, tzinfo=UTC),
        segments=3,
        price=Decimal("-0.02490"),
        price_unit="USD",
    )

    # when
    invoice = invoice_issue(store=store, month=date(2026, 2, 1), now=MARCH_NOW)

    # then: 4 × 0.0083 = 0.0332 → 0.03; Twilio's 0.0249 → 0.02
    texting = list(invoice.lines.filter(kind="texting").order_by("position"))
    assert [line.amount for line in texting] == [Decimal("0.03"), Decimal("0.02")]
    assert texting[0].receipt["segments"] == 4
    assert texting[0].receipt["unit_price"] == "0.0083"
    assert texting[1].receipt["source"] == "reported by Twilio"
    assert all(isinstance(line.amount, Decimal) for line in texting)


def test_the_invoice_command_bills_a_given_month_once(store, capsys):
    _attributed_order(store, placed_at=datetime(2026, 2, 10, tzinfo=UTC))

    call_command("invoices_issue", "--month", "2026-02")
    call_command("invoices_issue", "--month", "2026-02")

    out = capsys.readouterr().out
    assert "1 invoice(s) issued." in out
    assert "0 invoice(s) issued." in out
    assert Invoice.objects.filter(store=store, period_start=date(2026, 2, 1)).count() == 1


def test_the_invoice_job_is_on_the_beat_schedule():
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}

    assert "billing.tasks.invoices_issue_due" in tasks


def test_marking_paid_is_the_only_change_after_issue(store):
    _attributed_order(store, placed_at=datetime(2026, 2, 10, tzinfo=UTC))
    invoice = invoice_issue(store=store, month=date(2026, 2, 1), now=MARCH_NOW)

    paid = invoice_mark_paid(store=store, invoice=invoice, paid_at=MARCH_NOW)

    assert paid.status == Invoice.Status.PAID
    assert InvoiceLine.objects.filter(invoice=invoice).count() == 2
