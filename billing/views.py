"""The billing pages: the period to date, past invoices (printable, CSV) and the receipts behind each line."""

import json
from datetime import datetime, timedelta

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from stores.access import store_page
from stores.csv_export import csv_writer

from .forms import PlanSettingsForm
from .plans import plan_update
from .selectors import (
    billing_period_to_date,
    holdout_lift,
    invoice_get,
    invoices_list,
    plan_get,
    store_zone,
)


def _local(value: str | None, zone) -> str:
    if not value:
        return "?"
    return datetime.fromisoformat(value).astimezone(zone).strftime("%-d %b %Y %H:%M %Z")


def _fee_terms(amounts: dict) -> str:
    terms = f"{amounts['commission_percent']}% of {amounts['revenue']} {amounts['fee_currency']}"
    if amounts["fixed_fee"] != "0.00":
        terms += f" + {amounts['fixed_fee']} fixed"
    rate = amounts["exchange_rate"]
    if rate["rate"] != "1":
        terms += f" (rate {rate['from']}→{rate['to']} {rate['rate']}, {rate['source']})"
    return terms


def receipt_summary(receipt: dict, *, zone) -> str:
    """The receipt in one sentence a merchant can check against their shop's order page."""
    touch = receipt.get("touch")
    if touch:
        how = {"click": "Tapped the link", "reply": "Replied", "code": f"Redeemed code {touch.get('code')}"}
        step = f" (step {receipt['step']['position']})" if receipt.get("step") else ""
        return (
            f"{how.get(touch['kind'], touch['kind'])} {_local(touch['at'], zone)} after the text of "
            f"{_local(receipt['message']['sent_at'], zone)}{step}; ordered "
            f"{_local(receipt['order']['placed_at'], zone)}, within {receipt['window']['days']} days of "
            f"the last text. Fee: {_fee_terms(receipt['amounts'])} = {receipt['amounts']['fee']}."
        )
    if "credited_before" in receipt:
        order = receipt["order"]
        return (
            f"{receipt['rule'].capitalize()}. Refunded {receipt['refunded_amount']} {order['currency']} "
            f"of {order['total']}; fee {receipt['fee']}, credited before {receipt['credited_before']}."
        )
    return ""


def _receipt_rows(lines, *, store) -> list[dict]:
    zone = store_zone(store=store)
    return [
        {
            "line": line,
            "summary": receipt_summary(line.receipt or {}, zone=zone),
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


LIFT_DAYS = 90


def _points(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:+.1f}"


def _render_page(request, *, plan, form, status: int = 200) -> HttpResponse:
    store = request.store
    now = timezone.now()
    to_date = billing_period_to_date(store=store, now=now)
    lift = holdout_lift(store=store, start=now - timedelta(days=LIFT_DAYS), end=now)
    return render(
        request,
        "billing/page.html",
        {
            "plan": plan,
            "form": form,
            "to_date": to_date,
            "rows": _receipt_rows(to_date.lines, store=store),
            "invoices": invoices_list(store=store),
            "lift": lift,
            "lift_days": LIFT_DAYS,
            "lift_points": {
                "difference": _points(lift.difference),
                "low": _points(lift.ci_low),
                "high": _points(lift.ci_high),
            },
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
        {"invoice": invoice, "rows": _receipt_rows(invoice.lines.all(), store=request.store)},
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
    writer = csv_writer(response)
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
