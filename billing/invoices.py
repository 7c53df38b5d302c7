"""Invoices: issuing a closed month once, numbering per store and year, filling lines, marking paid."""

import logging
from datetime import date, datetime

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from cartrecovery.errors import ApplicationError
from stores.models import Store
from stores.tenancy import ensure_same_store

from .models import Adjustment, Attribution, Invoice, InvoiceCounter, InvoiceLine
from .selectors import (
    invoice_lines_draft,
    lines_total,
    month_bounds,
    month_first_day,
    month_last_closed,
    month_last_day,
    plan_get,
)

logger = logging.getLogger(__name__)


def invoice_issue(
    *, store: Store, month: date, now: datetime | None = None, skip_empty: bool = False
) -> Invoice | None:
    """Bill a closed month (the store's time zone): fees, credits and texting at cost, once.

    The unique (store, month) constraint makes a second run — or a concurrent one — return the first
    invoice. Items that arrived late for an earlier, already issued month land on this one.
    """
    now = now or timezone.now()
    month = month_first_day(month)
    start, end = month_bounds(store=store, month=month)
    if end > now:
        raise ApplicationError(f"{month:%Y-%m} has not ended yet in {store.timezone}.", code="period_open")
    existing = Invoice.objects.for_store(store).filter(period_start=month).first()
    if existing is not None:
        return existing
    plan = plan_get(store=store)
    lines = invoice_lines_draft(store=store, start=start, end=end, currency=plan.billing_currency)
    if skip_empty and not lines:
        return None
    try:
        with transaction.atomic():
            invoice = Invoice.objects.create(
                store=store,
                period_start=month,
                period_end=month_last_day(month),
                timezone=store.timezone,
                currency=plan.billing_currency,
                number=invoice_number_next(store=store, year=month.year),
            )
            _invoice_fill(invoice=invoice, lines=lines)
            invoice.total = lines_total(lines)
            invoice.status = Invoice.Status.ISSUED
            invoice.issued_at = now
            invoice.save(update_fields=["total", "status", "issued_at"])
    except IntegrityError:
        return Invoice.objects.for_store(store).get(period_start=month)
    logger.info(
        "store %s: invoice %s issued: %s %s", store.pk, invoice.number, invoice.total, invoice.currency
    )
    return invoice


def invoice_number_prefix(*, store: Store) -> str:
    """A store's invoice series: the first 8 characters of its id, so numbers are unique across stores."""
    return str(store.pk).replace("-", "")[:8].upper()


def invoice_number_next(*, store: Store, year: int) -> str:
    """The store's next invoice number for `year`, allocated in one statement.

    The counter row stays locked until the caller's transaction ends, so concurrent issues for one store
    take turns and never share or skip a number (a rolled-back issue gives its number back).
    """
    table = InvoiceCounter._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {table} (store_id, year, last_number) VALUES (%s, %s, 1)
            ON CONFLICT (store_id, year) DO UPDATE SET last_number = {table}.last_number + 1
            RETURNING last_number
            """,  # noqa: S608 - the table name is ours; the values are parameters
            [store.pk, year],
        )
        (sequence,) = cursor.fetchone()
    return invoice_number_format(prefix=invoice_number_prefix(store=store), year=year, sequence=sequence)


def invoice_number_format(*, prefix: str, year: int, sequence: int) -> str:
    return f"{prefix}-{year}-{sequence:04d}"


def _invoice_fill(*, invoice: Invoice, lines) -> None:
    InvoiceLine.objects.bulk_create(
        [
            InvoiceLine(
                invoice=invoice,
                position=i,
                kind=line.kind,
                description=line.description,
                amount=line.amount,
                attribution_id=line.attribution_id,
                adjustment_id=line.adjustment_id,
                receipt=line.receipt,
            )
            for i, line in enumerate(lines)
        ]
    )
    attribution_ids = [line.attribution_id for line in lines if line.attribution_id]
    adjustment_ids = [line.adjustment_id for line in lines if line.adjustment_id]
    # `invoice IS NULL` in the update: an item is billed by exactly one invoice.
    billed = Attribution.objects.filter(pk__in=attribution_ids, invoice__isnull=True).update(invoice=invoice)
    credited = Adjustment.objects.filter(pk__in=adjustment_ids, invoice__isnull=True).update(invoice=invoice)
    if billed != len(attribution_ids) or credited != len(adjustment_ids):
        raise IntegrityError("An item was billed by another invoice meanwhile.")


def invoices_issue_due(*, now: datetime | None = None, month: date | None = None) -> list[Invoice]:
    """The beat job: for every store, the last month closed in its time zone (or `month`), once."""
    now = now or timezone.now()
    issued = []
    for store in Store.objects.order_by("pk"):
        target = month or month_last_closed(store=store, now=now)
        if Invoice.objects.for_store(store).filter(period_start=month_first_day(target)).exists():
            continue
        try:
            invoice = invoice_issue(store=store, month=target, now=now, skip_empty=True)
        except ApplicationError as exc:
            logger.info("store %s: %s", store.pk, exc.message)
            continue
        if invoice is not None:
            issued.append(invoice)
    return issued


def invoice_mark_paid(*, store: Store, invoice: Invoice, paid_at: datetime | None = None) -> Invoice:
    """The one change an issued invoice accepts (payment is collected outside the app)."""
    ensure_same_store(store, invoice)
    if invoice.status == Invoice.Status.PAID:
        return invoice
    if invoice.status != Invoice.Status.ISSUED:
        raise ApplicationError("Only an issued invoice can be marked paid.")
    invoice.status = Invoice.Status.PAID
    invoice.paid_at = paid_at or timezone.now()
    invoice.save(update_fields=["status", "paid_at"])
    return invoice
