from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from stores.tenancy import StoreOwned

MIN_WINDOW_DAYS, MAX_WINDOW_DAYS = 1, 30
MAX_HOLDOUT_PERCENT = 20


class Plan(StoreOwned):
    """What a store pays: a commission on recovered orders, a fixed fee each, and texting at cost."""

    store = models.OneToOneField("stores.Store", on_delete=models.CASCADE, related_name="plan")
    commission_percent = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        default=Decimal("5.00"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
    )
    fixed_fee = models.DecimalField(
        max_digits=10, decimal_places=2, default=Decimal("0.00"), validators=[MinValueValidator(Decimal("0"))]
    )
    billing_currency = models.CharField(max_length=3, default="USD")
    attribution_window_days = models.PositiveSmallIntegerField(
        default=7, validators=[MinValueValidator(MIN_WINDOW_DAYS), MaxValueValidator(MAX_WINDOW_DAYS)]
    )
    holdout_percent = models.PositiveSmallIntegerField(
        default=0, validators=[MaxValueValidator(MAX_HOLDOUT_PERCENT)]
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(attribution_window_days__gte=MIN_WINDOW_DAYS)
                & models.Q(attribution_window_days__lte=MAX_WINDOW_DAYS),
                name="plan_window_1_to_30_days",
            ),
            models.CheckConstraint(
                condition=models.Q(holdout_percent__lte=MAX_HOLDOUT_PERCENT), name="plan_holdout_at_most_20"
            ),
            models.CheckConstraint(
                condition=models.Q(commission_percent__gte=0) & models.Q(commission_percent__lte=100),
                name="plan_commission_0_to_100",
            ),
        ]


class Invoice(StoreOwned):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        ISSUED = "issued", "Issued"
        PAID = "paid", "Paid"

    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="invoices")
    # The calendar month in the store's time zone; period_end is its last day (inclusive).
    period_start = models.DateField()
    period_end = models.DateField()
    timezone = models.CharField(max_length=64, default="UTC")
    currency = models.CharField(max_length=3)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.DRAFT)
    total = models.DecimalField(max_digits=14, decimal_places=2, default=Decimal("0.00"))
    issued_at = models.DateTimeField(null=True, blank=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # "<store prefix>-<year>-<n>", n counted per store and year (`InvoiceCounter`): a number says nothing
    # about how many invoices other stores get.
    number = models.CharField(max_length=32, blank=True, default="")

    class Meta:
        ordering = ["-period_start"]
        constraints = [
            models.UniqueConstraint(fields=["store", "period_start"], name="invoice_unique_period"),
            models.UniqueConstraint(
                fields=["store", "number"], condition=~models.Q(number=""), name="invoice_unique_number"
            ),
        ]

    def __str__(self) -> str:
        return f"Invoice {self.number or self.period_start.strftime('%Y-%m')}"


class InvoiceCounter(StoreOwned):
    """The last invoice number a store used in a year; bumped in the issuing transaction."""

    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["store", "year"], name="invoice_counter_unique_year")]


class Attribution(StoreOwned):
    """A recovered order (it matched a texted cart) and the receipt saying whether the texts earned it."""

    class Outcome(models.TextChoices):
        ATTRIBUTED = "attributed", "Attributed to the texts"
        NOT_ATTRIBUTED = "not_attributed", "Recovered, not attributed"

    class Touch(models.TextChoices):
        CLICK = "click", "Clicked the link"
        REPLY = "reply", "Replied"
        CODE = "code", "Redeemed the code"

    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")
    # One per order: a repeated order webhook cannot bill twice.
    order = models.OneToOneField("stores.Order", on_delete=models.CASCADE, related_name="attribution")
    cart = models.ForeignKey("stores.Cart", on_delete=models.SET_NULL, null=True, related_name="+")
    outcome = models.CharField(max_length=16, choices=Outcome.choices, default=Outcome.ATTRIBUTED)
    message = models.ForeignKey(
        "conversations.Message", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    step = models.ForeignKey("flows.Step", on_delete=models.SET_NULL, null=True, related_name="+")
    touch = models.CharField(max_length=8, choices=Touch.choices, blank=True)
    touch_at = models.DateTimeField(null=True, blank=True)
    placed_at = models.DateTimeField()
    order_total = models.DecimalField(max_digits=14, decimal_places=2)
    order_currency = models.CharField(max_length=3)
    # Money below is in the plan's billing currency, converted at `exchange_rate`.
    revenue = models.DecimalField(max_digits=14, decimal_places=2, default=Decimal("0.00"))
    commission = models.DecimalField(max_digits=14, decimal_places=2, default=Decimal("0.00"))
    fixed_fee = models.DecimalField(max_digits=14, decimal_places=2, default=Decimal("0.00"))
    fee = models.DecimalField(max_digits=14, decimal_places=2)
    fee_currency = models.CharField(max_length=3)
    exchange_rate = models.DecimalField(max_digits=18, decimal_places=8, default=Decimal("1"))
    receipt = models.JSONField(default=dict)
    invoice = models.ForeignKey(Invoice, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    credited_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [
            models.Index(fields=["store", "placed_at"], name="attribution_store_placed_idx"),
            models.Index(
                fields=["store", "placed_at"],
                condition=models.Q(invoice__isnull=True, outcome="attributed"),
                name="attribution_uninvoiced_idx",
            ),
        ]


class Adjustment(StoreOwned):
    """A cancellation or refund of an order, and the fee it credits back (zero for unbilled orders)."""

    class Kind(models.TextChoices):
        REFUND = "refund", "Refund"
        CANCELLATION = "cancellation", "Cancellation"

    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")
    order = models.ForeignKey("stores.Order", on_delete=models.CASCADE, related_name="adjustments")
    attribution = models.ForeignKey(
        Attribution, on_delete=models.CASCADE, null=True, blank=True, related_name="adjustments"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    # The shop's id for the event (refund id, "cancel:<order id>"): a repeated webhook is a no-op.
    key = models.CharField(max_length=255)
    refunded_amount = models.DecimalField(max_digits=14, decimal_places=2, default=Decimal("0.00"))
    occurred_at = models.DateTimeField()
    credit = models.DecimalField(max_digits=14, decimal_places=2, default=Decimal("0.00"))
    credit_currency = models.CharField(max_length=3, blank=True)
    receipt = models.JSONField(default=dict)
    invoice = models.ForeignKey(Invoice, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["store", "key"], name="adjustment_unique_key")]
        indexes = [models.Index(fields=["store", "occurred_at"], name="adjustment_store_at_idx")]


class InvoiceLine(models.Model):
    class Kind(models.TextChoices):
        FEE = "fee", "Recovered order"
        CREDIT = "credit", "Credit"
        TEXTING = "texting", "Texting at cost"

    invoice = models.ForeignKey(Invoice, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveIntegerField(default=0)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    description = models.CharField(max_length=300)
    amount = models.DecimalField(max_digits=14, decimal_places=2)
    attribution = models.ForeignKey(Attribution, on_delete=models.SET_NULL, null=True, related_name="+")
    adjustment = models.ForeignKey(Adjustment, on_delete=models.SET_NULL, null=True, related_name="+")
    receipt = models.JSONField(default=dict)

    class Meta:
        ordering = ["position", "id"]


class CodeLeak(StoreOwned):
    """A discount code an order redeemed that our texts did not earn (billing.leaks): a cart's own code
    used by another customer, or a code redeemed far more often than texts carried it. Such an order is
    not attributed; the Overview lists them."""

    class Kind(models.TextChoices):
        OTHER_CUSTOMER = "other_customer", "Redeemed by another customer"
        OVER_REDEEMED = "over_redeemed", "Redeemed far more often than sent"

    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")
    order = models.ForeignKey("stores.Order", on_delete=models.CASCADE, related_name="+")
    code = models.CharField(max_length=64)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    redemptions = models.PositiveIntegerField(default=0)  # orders of the store with this code, so far
    texts = models.PositiveIntegerField(default=0)  # texts that carried it
    detail = models.CharField(max_length=300)
    flagged_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["order", "code"], name="code_leak_unique_order_code")]
        indexes = [models.Index(fields=["store", "flagged_at"], name="code_leak_store_at_idx")]
