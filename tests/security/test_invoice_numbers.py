"""Invoice numbers are per store (issue 11, item 13).

They used to carry the global row id ("CR-202602-00051"), so a merchant could read from two invoices how
many invoices every other store got in between: the platform's volume. Now: "<store prefix>-<year>-<n>".
"""

import importlib
import threading
from datetime import UTC, date, datetime, timedelta

import pytest
from django.apps import apps
from django.db import connection
from django.urls import reverse

from billing.attribution import order_attribute
from billing.invoices import invoice_issue, invoice_number_prefix
from billing.models import Invoice, InvoiceCounter
from tests.billing.factories import click_add, order_for, texted_cart
from tests.stores.factories import StoreFactory

NOW = datetime(2026, 12, 15, 12, 0, tzinfo=UTC)


def _billable_month(store, month: date) -> None:
    placed = datetime(month.year, month.month, 10, 12, 0, tzinfo=UTC)
    cart, text = texted_cart(store=store, at=placed - timedelta(hours=2))
    click_add(cart=cart, at=placed - timedelta(hours=1), message=text)
    order_attribute(store=store, order=order_for(cart=cart, placed_at=placed))


@pytest.mark.django_db
def test_an_invoice_number_tells_nothing_of_other_stores_volume(client, store, owner):
    # given a dozen other stores were invoiced for January before ours
    for _ in range(12):
        other = StoreFactory()
        _billable_month(other, date(2026, 1, 1))
        invoice_issue(store=other, month=date(2026, 1, 1), now=NOW)
    _billable_month(store, date(2026, 1, 1))

    # when our store's January and February invoices are issued
    january = invoice_issue(store=store, month=date(2026, 1, 1), now=NOW)
    february = invoice_issue(store=store, month=date(2026, 2, 1), now=NOW)

    # then they are our first and second, whatever the others got, and the pages and CSV say so
    prefix = invoice_number_prefix(store=store)
    assert (january.number, february.number) == (f"{prefix}-2026-0001", f"{prefix}-2026-0002")
    client.force_login(owner)
    page = client.get(
        reverse("billing:page_invoice", kwargs={"store_id": store.id, "invoice_id": january.id})
    )
    csv = client.get(
        reverse("billing:page_invoice_csv", kwargs={"store_id": store.id, "invoice_id": january.id})
    )
    assert f"{prefix}-2026-0001" in page.content.decode()
    assert f'filename="{prefix}-2026-0001.csv"' in csv["Content-Disposition"]
    assert f"{prefix}-2026-0001" in csv.content.decode()


@pytest.mark.django_db
def test_the_count_starts_again_each_year_and_stores_never_share_a_number(store, other_store):
    numbers = [
        invoice_issue(store=s, month=month, now=NOW).number
        for month in (date(2025, 11, 1), date(2025, 12, 1), date(2026, 1, 1))
        for s in (store, other_store)
    ]

    ours, theirs = numbers[0::2], numbers[1::2]
    prefix, their_prefix = invoice_number_prefix(store=store), invoice_number_prefix(store=other_store)
    assert ours == [f"{prefix}-2025-0001", f"{prefix}-2025-0002", f"{prefix}-2026-0001"]
    assert theirs == [f"{their_prefix}-2025-0001", f"{their_prefix}-2025-0002", f"{their_prefix}-2026-0001"]
    assert prefix != their_prefix


@pytest.mark.django_db
def test_issuing_the_same_month_twice_uses_no_second_number(store):
    first = invoice_issue(store=store, month=date(2026, 1, 1), now=NOW)
    again = invoice_issue(store=store, month=date(2026, 1, 1), now=NOW)
    february = invoice_issue(store=store, month=date(2026, 2, 1), now=NOW)

    assert again.number == first.number
    assert february.number.endswith("-2026-0002")
    assert InvoiceCounter.objects.get(store=store, year=2026).last_number == 2


@pytest.mark.django_db(transaction=True)
def test_concurrent_issues_for_one_store_get_distinct_consecutive_numbers():
    # given one store with six closed months, issued by six workers at once
    store = StoreFactory()
    months = [date(2026, m, 1) for m in range(1, 7)]
    barrier = threading.Barrier(len(months))
    errors = []

    def issue(month):
        try:
            barrier.wait(timeout=10)
            invoice_issue(store=store, month=month, now=NOW)
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    # when
    threads = [threading.Thread(target=issue, args=(month,)) for month in months]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    # then every month has a number, none shared, none skipped
    assert errors == []
    numbers = sorted(Invoice.objects.filter(store=store).values_list("number", flat=True))
    prefix = invoice_number_prefix(store=store)
    assert numbers == [f"{prefix}-2026-{n:04d}" for n in range(1, 7)]


@pytest.mark.django_db
def test_the_migration_numbers_existing_invoices_per_store_and_year(store, other_store):
    # given invoices from before per-store numbers, interleaved between two stores
    for month in (date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)):
        for s in (other_store, store):
            Invoice.objects.create(
                store=s, period_start=month, period_end=month + timedelta(days=27), currency="USD"
            )

    # when the migration's data step runs
    migration = importlib.import_module("billing.migrations.0004_invoice_numbers_per_store")
    migration.number_existing_invoices(apps, None)

    # then each store's invoices are numbered by year, oldest first, and the counters carry on from there
    prefix = invoice_number_prefix(store=store)
    ours = list(Invoice.objects.filter(store=store).order_by("period_start").values_list("number", flat=True))
    assert ours == [f"{prefix}-2025-0001", f"{prefix}-2026-0001", f"{prefix}-2026-0002"]
    assert InvoiceCounter.objects.get(store=store, year=2026).last_number == 2
    march = invoice_issue(store=store, month=date(2026, 3, 1), now=NOW)
    assert march.number == f"{prefix}-2026-0003"
