"""Money as people read it: one filter, Babel's symbols and grouping, one minus sign."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.urls import reverse

from dashboard.templatetags.ui import money


@pytest.mark.parametrize(
    ("amount", "currency", "shown"),
    [
        (Decimal("1234.5"), "USD", "$1,234.50"),
        (Decimal("12"), "EUR", "€12.00"),
        (Decimal("12"), "GBP", "£12.00"),
        (Decimal("1200"), "JPY", "¥1,200"),
        (Decimal("-0.79"), "USD", "\u2212$0.79"),
        ("-3", "usd", "\u2212$3.00"),
        ("not money", "USD", "—"),
        (None, "USD", "—"),
    ],
)
def test_money_formats_with_symbols_and_one_minus(amount, currency, shown):
    assert money(amount, currency) == shown


def test_the_filter_is_what_templates_use():
    html = Template("{% load ui %}{{ amount|money:'EUR' }}").render(Context({"amount": Decimal("-5")}))

    assert html == "\u2212€5.00"


@pytest.mark.django_db
def test_the_overview_shows_costs_with_one_minus_sign(owner_client, store):
    html = owner_client.get(reverse("dashboard:home", kwargs={"store_id": store.id})).content.decode()

    assert "$0.00" in html
    assert "−−" not in html
    assert "−-" not in html
