from datetime import date, datetime

from django.core.management.base import BaseCommand, CommandError

from billing.invoices import invoices_issue_due


def _month(value: str) -> date:
    try:
        return datetime.strptime(value, "%Y-%m").date()  # noqa: DTZ007 - a calendar month, no time
    except ValueError as exc:
        raise CommandError(f"--month must look like 2026-03, not {value!r}.") from exc


class Command(BaseCommand):
    help = (
        "Issue the monthly invoices: for each store, the last month closed in its time zone "
        "(or --month YYYY-MM). Safe to run twice: a month is billed once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--month", type=_month, help="The calendar month to bill, e.g. 2026-03.")

    def handle(self, *args, month=None, **options):
        invoices = invoices_issue_due(month=month)
        for invoice in invoices:
            self.stdout.write(
                f"{invoice.store.name}: invoice {invoice.number} for {invoice.period_start:%Y-%m}, "
                f"{invoice.total} {invoice.currency}"
            )
        self.stdout.write(f"{len(invoices)} invoice(s) issued.")
