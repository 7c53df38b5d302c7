from decimal import Decimal

from django.db import models

from stores.tenancy import StoreOwned


class Plan(StoreOwned):
    store = models.OneToOneField("stores.Store", on_delete=models.CASCADE, related_name="plan")
    commission_percent = models.DecimalField(max_digits=5, decimal_places=2, default=Decimal("5.00"))
    fixed_fee = models.DecimalField(max_digits=10, decimal_places=2, default=Decimal("0.00"))
    billing_currency = models.CharField(max_length=3, default="USD")
    attribution_window_days = models.PositiveSmallIntegerField(default=7)
    holdout_percent = models.PositiveSmallIntegerField(default=0)


class Attribution(StoreOwned):
    """A recovered order credited to the texts, with the receipt that explains why."""

    class Touch(models.TextChoices):
        CLICK = "click", "Clicked the link"
        REPLY = "reply", "Replied"
        CODE = "code", "Redeemed the code"

    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")
    order = models.OneToOneField("stores.Order", on_delete=models.CASCADE, related_name="attribution")
    cart = models.ForeignKey("stores.Cart", on_delete=models.SET_NULL, null=True, related_name="+")
    message = models.ForeignKey(
        "conversations.Message", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    step = models.ForeignKey("flows.Step", on_delete=models.SET_NULL, null=True, related_name="+")
    touch = models.CharField(max_length=8, choices=Touch.choices)
    touch_at = models.DateTimeField()
    order_total = models.DecimalField(max_digits=14, decimal_places=2)
    order_currency = models.CharField(max_length=3)
    fee = models.DecimalField(max_digits=14, decimal_places=2)
    fee_currency = models.CharField(max_length=3)
    exchange_rate = models.DecimalField(max_digits=18, decimal_places=8, default=Decimal("1"))
    receipt = models.JSONField(default=dict)
    credited_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)


class Invoice(StoreOwned):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        ISSUED = "issued", "Issued"
        PAID = "paid", "Paid"

    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="invoices")
    period_start = models.DateField()
    period_end = models.DateField()
    currency = models.CharField(max_length=3)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.DRAFT)
    total = models.DecimalField(max_digits=14, decimal_places=2, default=Decimal("0.00"))
    issued_at = models.DateTimeField(null=True, blank=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["store", "period_start"], name="invoice_unique_period")
        ]


class InvoiceLine(models.Model):
    invoice = models.ForeignKey(Invoice, on_delete=models.CASCADE, related_name="lines")
    kind = models.CharField(max_length=16)
    description = models.CharField(max_length=300)
    amount = models.DecimalField(max_digits=14, decimal_places=2)
    attribution = models.ForeignKey(Attribution, on_delete=models.SET_NULL, null=True, related_name="+")
    receipt = models.JSONField(default=dict)
