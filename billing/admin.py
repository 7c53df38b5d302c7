"""Operators set a store's commercial terms and mark invoices paid; everything billed stays read-only."""

from django.contrib import admin, messages

from .invoices import invoice_mark_paid
from .models import Adjustment, Attribution, Invoice, InvoiceLine, Plan


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = (
        "store",
        "commission_percent",
        "fixed_fee",
        "billing_currency",
        "attribution_window_days",
        "holdout_percent",
    )
    search_fields = ("store__name",)


class _ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class InvoiceLineInline(admin.TabularInline):
    model = InvoiceLine
    fields = ("position", "kind", "description", "amount")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Invoice)
class InvoiceAdmin(_ReadOnly):
    list_display = ("store", "period_start", "status", "total", "currency", "issued_at", "paid_at")
    list_filter = ("status",)
    search_fields = ("store__name",)
    inlines = [InvoiceLineInline]
    actions = ["mark_paid"]

    def has_view_permission(self, request, obj=None):
        return True

    @admin.action(description="Mark paid")
    def mark_paid(self, request, queryset):
        for invoice in queryset.select_related("store"):
            invoice_mark_paid(store=invoice.store, invoice=invoice)
        messages.success(request, f"{queryset.count()} invoice(s) marked paid.")


@admin.register(Attribution)
class AttributionAdmin(_ReadOnly):
    list_display = ("order", "store", "outcome", "touch", "fee", "fee_currency", "placed_at", "invoice")
    list_filter = ("outcome", "touch")
    search_fields = ("order__external_id", "order__name")


@admin.register(Adjustment)
class AdjustmentAdmin(_ReadOnly):
    list_display = ("order", "store", "kind", "refunded_amount", "credit", "occurred_at", "invoice")
    list_filter = ("kind",)
