"""The billing page and an invoice in a real browser: CSP-clean, phone-sized, and printable."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from billing.adjustments import order_refund_record
from billing.attribution import order_attribute
from billing.invoices import invoice_issue
from tests.billing.factories import click_add, order_for, texted_cart
from tests.browser import login, page_sound_at_both_widths

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FEBRUARY = datetime(2026, 2, 10, 15, 0, tzinfo=UTC)


def _february_invoice(store):
    for i, total in enumerate(("120.00", "86.50", "240.00")):
        at = FEBRUARY + timedelta(days=i)
        cart, text = texted_cart(store=store, at=at, price="-0.0079", price_unit="USD")
        click_add(cart=cart, at=at + timedelta(minutes=6), message=text)
        order = order_for(cart=cart, placed_at=at + timedelta(hours=1), total=total, name=f"#10{i}")
        order_attribute(store=store, order=order)
    refunded = order.__class__.objects.get(store=store, name="#102")
    refund_at = FEBRUARY + timedelta(days=5)
    order_refund_record(store=store, order=refunded, key="r1", amount=Decimal("60.00"), occurred_at=refund_at)
    return invoice_issue(store=store, month=date(2026, 2, 1), now=datetime(2026, 3, 2, tzinfo=UTC))


def test_the_billing_page(page, live_server, store, owner):
    invoice = _february_invoice(store)
    login(page, live_server, owner)

    page.goto(f"{live_server.url}/dashboard/{store.id}/billing/")

    assert page.get_by_role("heading", name="This month so far").is_visible()
    assert page.get_by_role("link", name="February 2026").is_visible()
    assert invoice.number in page.content()
    page_sound_at_both_widths(page, "billing")


def test_an_invoice_prints_without_the_app_around_it(page, live_server, store, owner):
    invoice = _february_invoice(store)
    login(page, live_server, owner)

    page.goto(f"{live_server.url}/dashboard/{store.id}/billing/invoices/{invoice.id}/")
    page.locator("details.receipt summary").first.click()

    assert page.locator("pre").first.is_visible()
    assert "Credit" in page.content()
    page.emulate_media(media="print")
    assert not page.locator("#sidebar").is_visible()
    assert page.get_by_text("Order #100: 120.00 USD").is_visible()
    page.emulate_media(media="screen")
    page_sound_at_both_widths(page, "billing-invoice")
