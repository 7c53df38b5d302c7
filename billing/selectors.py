"""Reads of the billing app: the plan, the periods, what a period costs (texting at cost, invoice lines).

The funnel and the lift are read by `analytics.selectors`; the control group's maths is in `billing.holdout`.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, TypedDict, cast
from zoneinfo import ZoneInfo

from django.db.models import Case, Count, Max, OuterRef, QuerySet, Subquery, Sum, Value, When
from django.db.models.functions import Abs

from conversations.models import Message
from conversations.sms.prices import OTHER_PRICE, OTHER_REGION, PRICE_CURRENCY, SEGMENT_PRICES
from flows.models import Nudge
from stores.models import Store

from .models import Adjustment, Attribution, CodeLeak, Invoice, Plan
from .prices import cents, exchange_rate

if TYPE_CHECKING:  # a dev dependency (django-stubs): names the annotations for mypy only
    from django_stubs_ext import WithAnnotations

ZERO = Decimal("0.00")
# Twilio bills a text once it has left for the carrier, delivered or not; a failed send costs nothing.
UNBILLED_TEXT_STATUSES = (Message.Status.PENDING, Message.Status.SENDING, Message.Status.FAILED)
# A STOP and its confirmation are not engagement with the offer (nor a touch that earns a fee).
NOT_A_CONVERSATION_ROUTES = ("compliance", "test")


class EarnedBy(TypedDict):
    earned_by: int
    variant: str


def attributions_earned_by(
    *, store: Store, nudges: QuerySet[Nudge]
) -> "QuerySet[WithAnnotations[Attribution, EarnedBy]]":
    """The attributed orders these nudge texts earned, each annotated with the nudge (`earned_by`, its id)
    and that nudge's `variant`.

    The one definition of "which text, so which variant, earned this order" (the experiments and the
    analytics by step and variant both read it): the cart's nudge for the credited step
    (`Attribution.step`; a nudge is unique per cart and step). Not the credited `message`: that may be a
    later answer in the thread (a keyword rule's, an agent's), which carries no nudge.
    """
    earning = nudges.filter(cart=OuterRef("cart"), step=OuterRef("step"))
    # for_store() is typed for any StoreOwned model: name what it returns here.
    attributions = cast("QuerySet[Attribution]", Attribution.objects.for_store(store))
    return (
        attributions.filter(outcome=Attribution.Outcome.ATTRIBUTED, step__isnull=False)
        .annotate(
            earned_by=Subquery(earning.values("pk")[:1]),
            variant=Subquery(earning.values("variant")[:1]),
        )
        .filter(earned_by__isnull=False)
    )


def plan_get(*, store: Store) -> Plan:
    """The store's plan, or the default terms (unsaved) when none was set."""
    plan = Plan.objects.for_store(store).first()
    return plan or Plan(store=store, billing_currency=store.currency or "USD")


def store_zone(*, store: Store) -> ZoneInfo:
    return ZoneInfo(store.timezone or "UTC")


# --- Periods: calendar days and months in the store's time zone --------------------------------


def day_bounds(*, store: Store, start: date, end: date) -> tuple[datetime, datetime]:
    """[start 00:00, end+1 00:00) local, as aware datetimes: both dates count in full."""
    zone = store_zone(store=store)
    return (
        datetime.combine(start, time.min, tzinfo=zone),
        datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone),
    )


def month_first_day(day: date) -> date:
    return day.replace(day=1)


def month_last_day(day: date) -> date:
    return (month_first_day(day) + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def month_bounds(*, store: Store, month: date) -> tuple[datetime, datetime]:
    return day_bounds(store=store, start=month_first_day(month), end=month_last_day(month))


def month_last_closed(*, store: Store, now: datetime) -> date:
    """The first day of the last month that has ended in the store's time zone."""
    local_today = now.astimezone(store_zone(store=store)).date()
    return month_first_day(month_first_day(local_today) - timedelta(days=1))


# --- Texting at cost --------------------------------------------------------------------------


@dataclass(frozen=True)
class TextingCharge:
    region: str
    texts: int
    segments: int
    unit_price: Decimal | None  # per segment in PRICE_CURRENCY; None when the provider reported it
    source: str  # "price table" or "reported by Twilio"
    amount: Decimal
    currency: str
    rate: dict

    def as_receipt(self) -> dict:
        return {
            "region": self.region,
            "texts": self.texts,
            "segments": self.segments,
            "unit_price": None if self.unit_price is None else str(self.unit_price),
            "price_currency": PRICE_CURRENCY,
            "source": self.source,
            "amount": str(self.amount),
            "currency": self.currency,
            "exchange_rate": self.rate,
        }


def _billed_texts(*, store: Store, start: datetime, end: datetime):
    return (
        Message.objects.for_store(store)
        .filter(direction=Message.Direction.OUT, created_at__gte=start, created_at__lt=end)
        .exclude(status__in=UNBILLED_TEXT_STATUSES)
    )


def _region_of_phone():
    prefixes = sorted(SEGMENT_PRICES, key=len, reverse=True)
    return Case(
        *[When(thread__customer__phone__startswith=p, then=Value(SEGMENT_PRICES[p][0])) for p in prefixes],
        default=Value(OTHER_REGION),
    )


def texting_charges(*, store: Store, start: datetime, end: datetime, currency: str) -> list[TextingCharge]:
    """Outbound texts in [start, end) at cost: Twilio's reported price where known, else segments × table.

    Two grouped queries whatever the volume.
    """
    texts = _billed_texts(store=store, start=start, end=end)
    return [charge for _, charge in _charges_grouped(texts=texts, currency=currency, by=())]


def texting_cost_by(*, texts: QuerySet[Message], currency: str, by: tuple[str, ...]) -> dict[tuple, Decimal]:
    """The cost of these texts per group of `by` fields (e.g. the nudge's step and variant), priced exactly
    as the bill prices them: billed statuses only, reported price else segments × the one price table."""
    costs: dict[tuple, Decimal] = {}
    billed = texts.exclude(status__in=UNBILLED_TEXT_STATUSES)
    for key, charge in _charges_grouped(texts=billed, currency=currency, by=by):
        costs[key] = costs.get(key, ZERO) + charge.amount
    return costs


def _charges_grouped(
    *, texts: QuerySet[Message], currency: str, by: tuple[str, ...]
) -> list[tuple[tuple, TextingCharge]]:
    charges: list[tuple[tuple, TextingCharge]] = []
    estimated = (
        texts.filter(price__isnull=True)
        .annotate(region=_region_of_phone())
        .values(*by, "region")
        .annotate(texts=Count("id"), segments=Sum("segments"))
        .order_by(*by, "region")
    )
    rate = exchange_rate(source=PRICE_CURRENCY, target=currency)
    unit_prices = {label: price for label, price in SEGMENT_PRICES.values()} | {OTHER_REGION: OTHER_PRICE}
    for row in estimated:
        unit = unit_prices[row["region"]]
        charge = TextingCharge(
            region=row["region"],
            texts=row["texts"],
            segments=row["segments"],
            unit_price=unit,
            source="price table",
            amount=cents(Decimal(row["segments"]) * unit * rate.rate),
            currency=currency,
            rate=rate.as_receipt(),
        )
        charges.append((tuple(row[k] for k in by), charge))
    reported = (
        texts.filter(price__isnull=False)
        .values(*by, "price_unit")
        .annotate(texts=Count("id"), segments=Sum("segments"), total=Sum(Abs("price")))
        .order_by(*by, "price_unit")
    )
    for row in reported:
        unit_rate = exchange_rate(source=row["price_unit"] or PRICE_CURRENCY, target=currency)
        charge = TextingCharge(
            region="all",
            texts=row["texts"],
            segments=row["segments"],
            unit_price=None,
            source="reported by Twilio",
            amount=cents(row["total"] * unit_rate.rate),
            currency=currency,
            rate=unit_rate.as_receipt(),
        )
        charges.append((tuple(row[k] for k in by), charge))
    return charges


# --- Invoice lines (shared by the invoice job and the period-to-date view) ----------------------


@dataclass
class LineDraft:
    kind: str
    description: str
    amount: Decimal
    receipt: dict = field(default_factory=dict)
    attribution_id: int | None = None
    adjustment_id: int | None = None
    placed_at: datetime | None = None


def _in_currency(amount: Decimal, *, source: str, target: str) -> tuple[Decimal, dict]:
    rate = exchange_rate(source=source, target=target)
    return cents(amount * rate.rate), rate.as_receipt()


def _fee_line(attribution: Attribution, *, currency: str) -> LineDraft:
    amount, rate = _in_currency(attribution.fee, source=attribution.fee_currency, target=currency)
    order = attribution.order
    label = order.name or f"#{order.external_id}"
    receipt = dict(attribution.receipt)
    if attribution.fee_currency != currency:
        receipt["invoice_conversion"] = rate
    return LineDraft(
        kind="fee",
        description=f"Order {label}: {attribution.order_total} {attribution.order_currency}"[:300],
        amount=amount,
        receipt=receipt,
        attribution_id=attribution.pk,
        placed_at=attribution.placed_at,
    )


def _credit_line(adjustment: Adjustment, *, currency: str) -> LineDraft:
    amount, rate = _in_currency(adjustment.credit, source=adjustment.credit_currency, target=currency)
    order = adjustment.order
    label = order.name or f"#{order.external_id}"
    receipt = dict(adjustment.receipt)
    if adjustment.credit_currency != currency:
        receipt["invoice_conversion"] = rate
    return LineDraft(
        kind="credit",
        description=f"Credit: {adjustment.get_kind_display().lower()} of order {label}"[:300],
        amount=-amount,
        receipt=receipt,
        adjustment_id=adjustment.pk,
        placed_at=adjustment.occurred_at,
    )


def _texting_line(charge: TextingCharge) -> LineDraft:
    if charge.unit_price is None:
        what = f"{charge.texts} texts ({charge.segments} segments), price reported by Twilio"
    else:
        what = (
            f"{charge.texts} texts to {charge.region}: {charge.segments} segments × "
            f"{charge.unit_price} {PRICE_CURRENCY}"
        )
    return LineDraft(
        kind="texting",
        description=f"Texting at cost: {what}"[:300],
        amount=charge.amount,
        receipt=charge.as_receipt(),
    )


def billable_attributions(*, store: Store, end: datetime, since: datetime | None = None):
    """Attributed orders placed before `end` that no invoice has billed yet (late ones included)."""
    rows = Attribution.objects.for_store(store).filter(
        outcome=Attribution.Outcome.ATTRIBUTED, invoice__isnull=True, placed_at__lt=end
    )
    if since is not None:
        rows = rows.filter(placed_at__gte=since)
    return rows.select_related("order").order_by("placed_at", "id")


def billable_credits(*, store: Store, end: datetime, since: datetime | None = None):
    rows = Adjustment.objects.for_store(store).filter(invoice__isnull=True, occurred_at__lt=end, credit__gt=0)
    if since is not None:
        rows = rows.filter(occurred_at__gte=since)
    return rows.select_related("order").order_by("occurred_at", "id")


def invoice_lines_draft(
    *, store, start: datetime, end: datetime, currency: str, include_earlier: bool = True
) -> list[LineDraft]:
    """The lines an invoice for [start, end) would carry: fees, credits, then texting at cost."""
    since = None if include_earlier else start
    fees = billable_attributions(store=store, end=end, since=since)
    credits = billable_credits(store=store, end=end, since=since)
    lines = [_fee_line(a, currency=currency) for a in fees]
    lines += [_credit_line(a, currency=currency) for a in credits]
    lines += [
        _texting_line(c)
        for c in texting_charges(store=store, start=start, end=end, currency=currency)
        if c.amount or c.texts
    ]
    return lines


def lines_total(lines: list[LineDraft]) -> Decimal:
    return sum((line.amount for line in lines), ZERO)


@dataclass
class PeriodToDate:
    start: datetime
    end: datetime
    currency: str
    lines: list[LineDraft]
    total: Decimal


def billing_period_to_date(*, store: Store, now: datetime) -> PeriodToDate:
    """What the open month has earned so far (nothing stored: the invoice job does that)."""
    plan = plan_get(store=store)
    local_today = now.astimezone(store_zone(store=store)).date()
    start, _ = month_bounds(store=store, month=local_today)
    lines = invoice_lines_draft(
        store=store, start=start, end=now, currency=plan.billing_currency, include_earlier=False
    )
    return PeriodToDate(
        start=start, end=now, currency=plan.billing_currency, lines=lines, total=lines_total(lines)
    )


def invoices_list(*, store: Store):
    return Invoice.objects.for_store(store).exclude(status=Invoice.Status.DRAFT).order_by("-period_start")


def invoice_get(*, store: Store, invoice_id: int) -> Invoice:
    from stores.tenancy import get_for_store_or_404

    return get_for_store_or_404(Invoice.objects.prefetch_related("lines"), store=store, pk=invoice_id)


def code_leaks(*, store: Store, start: date, end: date, limit: int = 10) -> list[dict]:
    """Leaked codes flagged in the period's days (billing.leaks), one row per code and kind, newest first:
    {"code", "kind", "label", "orders", "redemptions", "texts", "last_at"}."""
    since, until = day_bounds(store=store, start=start, end=end)
    rows = (
        CodeLeak.objects.for_store(store)
        .filter(flagged_at__gte=since, flagged_at__lt=until)
        .values("code", "kind")
        .annotate(
            orders=Count("order", distinct=True),
            redemptions=Max("redemptions"),
            texts=Max("texts"),
            last_at=Max("flagged_at"),
        )
        .order_by("-last_at", "code")[:limit]
    )
    labels = dict(CodeLeak.Kind.choices)
    return [{**row, "label": labels.get(row["kind"], row["kind"])} for row in rows]
