"""Reads of the billing app: the plan, the periods, what a period costs, the funnel and the lift."""

import math
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db.models import Case, Count, Max, Q, Sum, Value, When
from django.db.models.functions import Abs, TruncDate

from conversations.models import Message
from conversations.sms.prices import OTHER_PRICE, OTHER_REGION, PRICE_CURRENCY, SEGMENT_PRICES
from flows.models import Click, Nudge
from stores.models import Cart, Store

from .models import Adjustment, Attribution, CodeLeak, Invoice, Plan
from .prices import cents, exchange_rate

ZERO = Decimal("0.00")
# Twilio bills a text once it has left for the carrier, delivered or not; a failed send costs nothing.
UNBILLED_TEXT_STATUSES = (Message.Status.PENDING, Message.Status.SENDING, Message.Status.FAILED)
# A STOP and its confirmation are not engagement with the offer.
NOT_A_CONVERSATION_ROUTES = ("compliance", "test")


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
    charges: list[TextingCharge] = []
    estimated = (
        texts.filter(price__isnull=True)
        .annotate(region=_region_of_phone())
        .values("region")
        .annotate(texts=Count("id"), segments=Sum("segments"))
        .order_by("region")
    )
    rate = exchange_rate(source=PRICE_CURRENCY, target=currency)
    unit_prices = {label: price for label, price in SEGMENT_PRICES.values()} | {OTHER_REGION: OTHER_PRICE}
    for row in estimated:
        unit = unit_prices[row["region"]]
        charges.append(
            TextingCharge(
                region=row["region"],
                texts=row["texts"],
                segments=row["segments"],
                unit_price=unit,
                source="price table",
                amount=cents(Decimal(row["segments"]) * unit * rate.rate),
                currency=currency,
                rate=rate.as_receipt(),
            )
        )
    reported = (
        texts.filter(price__isnull=False)
        .values("price_unit")
        .annotate(texts=Count("id"), segments=Sum("segments"), total=Sum(Abs("price")))
        .order_by("price_unit")
    )
    for row in reported:
        unit_rate = exchange_rate(source=row["price_unit"] or PRICE_CURRENCY, target=currency)
        charges.append(
            TextingCharge(
                region="all",
                texts=row["texts"],
                segments=row["segments"],
                unit_price=None,
                source="reported by Twilio",
                amount=cents(row["total"] * unit_rate.rate),
                currency=currency,
                rate=unit_rate.as_receipt(),
            )
        )
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


# --- Lift: texted vs held out -----------------------------------------------------------------


@dataclass(frozen=True)
class Lift:
    texted: int
    texted_recovered: int
    held_out: int
    held_out_recovered: int
    texted_rate: float | None
    held_out_rate: float | None
    difference: float | None
    ci_low: float | None
    ci_high: float | None
    confidence: float = 0.95
    method: str = "Newcombe hybrid score interval (Wilson) for a difference of proportions"

    @property
    def significant(self) -> bool:
        return self.ci_low is not None and (self.ci_low > 0 or self.ci_high < 0)


Z_95 = 1.959963984540054


def wilson_interval(successes: int, trials: int, z: float = Z_95) -> tuple[float, float]:
    if trials == 0:
        return 0.0, 1.0
    p = successes / trials
    denominator = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denominator
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def difference_interval(s1: int, n1: int, s2: int, n2: int, z: float = Z_95) -> tuple[float, float]:
    """Newcombe (1998) method 10: sound for small groups and rates near 0, unlike the Wald interval."""
    p1, p2 = s1 / n1, s2 / n2
    l1, u1 = wilson_interval(s1, n1, z)
    l2, u2 = wilson_interval(s2, n2, z)
    d = p1 - p2
    return d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)


def holdout_lift(*, store: Store, start: datetime, end: datetime) -> Lift:
    """Recovered rate of carts texted vs carts held out, for nudges that came due in [start, end)."""
    counts = (
        Nudge.objects.for_store(store)
        .filter(due_at__gte=start, due_at__lt=end)
        .aggregate(
            texted=Count("cart", distinct=True, filter=Q(state=Nudge.State.SENT, holdout=False)),
            texted_recovered=Count(
                "cart",
                distinct=True,
                filter=Q(state=Nudge.State.SENT, holdout=False, cart__recovered_at__isnull=False),
            ),
            held_out=Count("cart", distinct=True, filter=Q(holdout=True)),
            held_out_recovered=Count(
                "cart", distinct=True, filter=Q(holdout=True, cart__recovered_at__isnull=False)
            ),
        )
    )
    n1, s1 = counts["texted"], counts["texted_recovered"]
    n2, s2 = counts["held_out"], counts["held_out_recovered"]
    p1 = s1 / n1 if n1 else None
    p2 = s2 / n2 if n2 else None
    low = high = difference = None
    if n1 and n2:
        difference = p1 - p2
        low, high = difference_interval(s1, n1, s2, n2)
    return Lift(
        texted=n1,
        texted_recovered=s1,
        held_out=n2,
        held_out_recovered=s2,
        texted_rate=p1,
        held_out_rate=p2,
        difference=difference,
        ci_low=low,
        ci_high=high,
    )


# --- The funnel -------------------------------------------------------------------------------


def _sum(value) -> Decimal:
    return value if value is not None else ZERO


def analytics_summary(*, store: Store, start: date, end: date) -> dict:
    """The funnel, the money and a per-day series for [start, end], both dates in the store's zone.

    A fixed number of aggregate queries, whatever the volume.
    """
    zone = store_zone(store=store)
    since, until = day_bounds(store=store, start=start, end=end)
    plan = plan_get(store=store)
    currency = plan.billing_currency

    carts = Cart.objects.for_store(store).filter(created_at__gte=since, created_at__lt=until).count()
    nudge_texts = Message.objects.for_store(store).filter(
        direction=Message.Direction.OUT,
        nudge__isnull=False,
        created_at__gte=since,
        created_at__lt=until,
    )
    texts = nudge_texts.exclude(status__in=UNBILLED_TEXT_STATUSES).aggregate(
        texted=Count("nudge__cart", distinct=True),
        delivered=Count("nudge__cart", distinct=True, filter=Q(status=Message.Status.DELIVERED)),
    )
    clicks = Click.objects.for_store(store).filter(at__gte=since, at__lt=until)
    click_counts = clicks.aggregate(clicked=Count("link__cart", distinct=True), clicks=Count("id"))
    replies = (
        Message.objects.for_store(store)
        .filter(direction=Message.Direction.IN, created_at__gte=since, created_at__lt=until)
        .exclude(route__in=NOT_A_CONVERSATION_ROUTES)
    )
    replied = replies.aggregate(replied=Count("thread", distinct=True), replies=Count("id"))
    attributions = Attribution.objects.for_store(store).filter(placed_at__gte=since, placed_at__lt=until)
    attributed = Q(outcome=Attribution.Outcome.ATTRIBUTED)
    money = attributions.aggregate(
        recovered=Count("id"),
        attributed=Count("id", filter=attributed),
        attributed_revenue=Sum("revenue", filter=attributed),
        recovered_revenue=Sum("revenue"),
        fees=Sum("fee", filter=attributed),
    )
    credits = _sum(
        Adjustment.objects.for_store(store)
        .filter(occurred_at__gte=since, occurred_at__lt=until)
        .aggregate(total=Sum("credit"))["total"]
    )
    # The texting count, segments and cost are the bill's, line for line: every billed text, not only nudges.
    charges = texting_charges(store=store, start=since, end=until, currency=currency)
    cost = sum((c.amount for c in charges), ZERO)
    fees_gross = _sum(money["fees"])
    lift = holdout_lift(store=store, start=since, end=until)
    return {
        "from": start,
        "to": end,
        "timezone": str(zone),
        "currency": currency,
        "carts": carts,
        "texted": texts["texted"],
        "delivered": texts["delivered"],
        "clicked": click_counts["clicked"],
        "replied": replied["replied"],
        "recovered": money["recovered"],
        "attributed": money["attributed"],
        "revenue": _sum(money["attributed_revenue"]),
        "recovered_revenue": _sum(money["recovered_revenue"]),
        "cost": cost,
        "fees": fees_gross - credits,
        "fees_gross": fees_gross,
        "credits": credits,
        "messages": sum(c.texts for c in charges),
        "segments": sum(c.segments or 0 for c in charges),
        "clicks": click_counts["clicks"],
        "replies": replied["replies"],
        "lift": lift,
        "series": _daily_series(
            store=store,
            start=start,
            end=end,
            since=since,
            until=until,
            zone=zone,
            nudge_texts=nudge_texts,
            clicks=clicks,
            attributions=attributions,
        ),
    }


def _daily_series(
    *, store: Store, start, end, since, until, zone, nudge_texts, clicks, attributions
) -> list[dict]:
    days = {start + timedelta(days=i): None for i in range((end - start).days + 1)}
    texted = dict(
        nudge_texts.exclude(status__in=UNBILLED_TEXT_STATUSES)
        .annotate(day=TruncDate("created_at", tzinfo=zone))
        .values("day")
        .annotate(n=Count("nudge__cart", distinct=True))
        .values_list("day", "n")
    )
    clicked = dict(
        clicks.annotate(day=TruncDate("at", tzinfo=zone))
        .values("day")
        .annotate(n=Count("link__cart", distinct=True))
        .values_list("day", "n")
    )
    attributed = Q(outcome=Attribution.Outcome.ATTRIBUTED)
    money = {
        row["day"]: row
        for row in attributions.annotate(day=TruncDate("placed_at", tzinfo=zone))
        .values("day")
        .annotate(
            recovered=Count("id"),
            attributed_revenue=Sum("revenue", filter=attributed),
            attributed_fees=Sum("fee", filter=attributed),
        )
    }
    series = []
    for day in days:
        row = money.get(day, {})
        series.append(
            {
                "date": day,
                "texted": texted.get(day, 0),
                "clicked": clicked.get(day, 0),
                "recovered": row.get("recovered", 0),
                "revenue": _sum(row.get("attributed_revenue")),
                "fees": _sum(row.get("attributed_fees")),
            }
        )
    return series


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
