"""The billing pages: the period to date, past invoices (printable, CSV) and the receipts behind each line."""

import csv
import json

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from stores.access import store_page

from .forms import PlanSettingsForm
from .selectors import billing_period_to_date, invoice_get, invoices_list, plan_get
from .services import plan_update


def _receipt_rows(lines) -> list[dict]:
    return [
        {
            "line": line,
            "receipt": line.receipt,
            "receipt_json": json.dumps(line.receipt, indent=2, sort_keys=True),
        }
        for line in lines
    ]


@store_page()
def billing_page(request: HttpRequest) -> HttpResponse:
    store = request.store
    plan = plan_get(store=store)
    form = PlanSettingsForm(
        initial={
            "attribution_window_days": plan.attribution_window_days,
            "holdout_percent": plan.holdout_percent,
        }
    )
    return _render_page(request, plan=plan, form=form)


def _render_page(request, *, plan, form, status: int = 200) -> HttpResponse:
    store = request.store
    to_date = billing_period_to_date(store=store, now=timezone.now())
    return render(
        request,
        "billing/page.html",
        {
            "plan": plan,
            "form": form,
            "to_date": to_date,
            "rows": _receipt_rows(to_date.lines),
            "invoices": invoices_list(store=store),
        },
        status=status,
    )


@require_POST
@store_page()
def billing_settings(request: HttpRequest) -> HttpResponse:
    form = PlanSettingsForm(request.POST)
    if not form.is_valid():
        return _render_page(request, plan=plan_get(store=request.store), form=form, status=400)
    plan_update(store=request.store, **form.cleaned_data)
    messages.success(request, "Attribution window and control group saved.")
    return redirect("billing:page", store_id=request.store.id)


@store_page()
def invoice_page(request: HttpRequest, invoice_id: int) -> HttpResponse:
    invoice = invoice_get(store=request.store, invoice_id=invoice_id)
    return render(
        request,
        "billing/invoice.html",
        {"invoice": invoice, "rows": _receipt_rows(invoice.lines.all())},
    )


CSV_COLUMNS = [
    "invoice",
    "period_start",
    "period_end",
    "currency",
    "line",
    "kind",
    "description",
    "amount",
    "order",
    "touch",
    "touch_at",
    "message_id",
    "window_days",
    "fee_rule",
    "receipt",
]


@store_page()
def invoice_csv(request: HttpRequest, invoice_id: int) -> HttpResponse:
    invoice = invoice_get(store=request.store, invoice_id=invoice_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{invoice.number}.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for line in invoice.lines.all():
        receipt = line.receipt or {}
        touch = receipt.get("touch") or {}
        writer.writerow(
            [
                invoice.number,
                invoice.period_start.isoformat(),
                invoice.period_end.isoformat(),
                invoice.currency,
                line.position + 1,
                line.kind,
                line.description,
                str(line.amount),
                (receipt.get("order") or {}).get("name")
                or (receipt.get("order") or {}).get("external_id", ""),
                touch.get("kind", ""),
                touch.get("at", ""),
                (receipt.get("message") or {}).get("id", ""),
                (receipt.get("window") or {}).get("days", ""),
                receipt.get("rule", ""),
                json.dumps(receipt, sort_keys=True),
            ]
        )
    return response
