from django.urls import path

from . import views

app_name = "billing"

urlpatterns = [
    # Named page_* so the dashboard nav marks "Billing" active on all of them.
    path("dashboard/<uuid:store_id>/billing/", views.billing_page, name="page"),
    path("dashboard/<uuid:store_id>/billing/settings/", views.billing_settings, name="page_settings"),
    path(
        "dashboard/<uuid:store_id>/billing/invoices/<int:invoice_id>/",
        views.invoice_page,
        name="page_invoice",
    ),
    path(
        "dashboard/<uuid:store_id>/billing/invoices/<int:invoice_id>.csv",
        views.invoice_csv,
        name="page_invoice_csv",
    ),
]
