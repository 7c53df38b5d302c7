"""The analytics read model: the funnel and the money for a range of days, and the per-message results by
step, by variant and by keyword rule. Reads only; typed results.

The money (texting cost and count, revenue, fees) is computed here once, for the Overview, the analytics
API and (through `billing.selectors.texting_charges`, which this calls) the Billing page alike.
"""

from collections import defaultdict
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import DateTimeField, Exists, F, Min, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.aggregates import Count
from django.db.models.functions import Coalesce, TruncDate

from billing.holdout import Lift, holdout_counts, holdout_lift, lift_from_counts
from billing.models import Adjustment, Attribution
from billing.selectors import (
    NOT_A_CONVERSATION_ROUTES,
    UNBILLED_TEXT_STATUSES,
    attributions_earned_by,
    day_bounds,
    plan_get,
    store_zone,
    texting_charges,
    texting_cost_by,
)
from conversations.models import KeywordRule, Message
from flows.models import Click, Nudge, Step
from stores.models import Cart, Store

from .stats import VariantCounts, probability_best

ZERO = Decimal("0.00")
# Nudge.variant is "" on a step without variants: its one variant is reported as "A".
SOLE_VARIANT = "A"
_NEVER = datetime(9999, 1, 1, tzinfo=ZoneInfo("UTC"))


def _sum(value: Decimal | None) -> Decimal:
    return value if value is not None else ZERO


def _ratio(amount: Decimal, count: int) -> Decimal | None:
    return (amount / count).quantize(Decimal("0.01")) if count else None


# --- The summary: funnel, money, lift, and a series by day -------------------------------------


@dataclass(frozen=True)
class DayRow:
    date: date
    texted: int
    clicked: int
    recovered: int
    revenue: Decimal
    fees: Decimal


@dataclass(frozen=True)
class Summary:
    """[start, end] in the store's time zone; money in the plan's billing currency."""

    start: date
    end: date
    timezone: str
    currency: str
    carts: int  # carts first seen in the range
    texted: int  # carts sent at least one nudge
    delivered: int
    clicked: int
    replied: int  # conversations with a reply (STOP and the like excluded)
    recovered: int  # orders that completed a texted cart
    attributed: int  # of which the texts earned (click, reply, code)
    revenue: Decimal  # attributed revenue
    recovered_revenue: Decimal
    cost: Decimal  # texting at cost: the bill's own lines
    fees: Decimal  # net of credits
    fees_gross: Decimal
    credits: Decimal
    messages: int  # billed texts, all of them (not only nudges): the bill's count
    segments: int
    clicks: int
    replies: int
    lift: Lift
    series: list[DayRow]

    def as_dict(self) -> dict[str, Any]:
        """Shallow: the fields by name (the series and the lift stay typed)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _nudge_texts(*, store: Store, since: datetime, until: datetime) -> QuerySet[Message]:
    return Message.objects.for_store(store).filter(
        direction=Message.Direction.OUT, nudge__isnull=False, created_at__gte=since, created_at__lt=until
    )


def _conversation_replies(*, store: Store) -> QuerySet[Message]:
    return (
        Message.objects.for_store(store)
        .filter(direction=Message.Direction.IN)
        .exclude(route__in=NOT_A_CONVERSATION_ROUTES)
    )


def analytics_summary(*, store: Store, start: date, end: date) -> Summary:
    """The funnel, the money and a per-day series for [start, end], both dates in the store's zone.

    A fixed number of aggregate queries, whatever the volume.
    """
    zone = store_zone(store=store)
    since, until = day_bounds(store=store, start=start, end=end)
    currency = plan_get(store=store).billing_currency

    carts = Cart.objects.for_store(store).filter(created_at__gte=since, created_at__lt=until).count()
    nudge_texts = _nudge_texts(store=store, since=since, until=until)
    texts = nudge_texts.exclude(status__in=UNBILLED_TEXT_STATUSES).aggregate(
        texted=Count("nudge__cart", distinct=True),
        delivered=Count("nudge__cart", distinct=True, filter=Q(status=Message.Status.DELIVERED)),
    )
    clicks = Click.objects.for_store(store).filter(at__gte=since, at__lt=until)
    click_counts = clicks.aggregate(clicked=Count("link__cart", distinct=True), clicks=Count("id"))
    replied = (
        _conversation_replies(store=store)
        .filter(created_at__gte=since, created_at__lt=until)
        .aggregate(replied=Count("thread", distinct=True), replies=Count("id"))
    )
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
    fees_gross = _sum(money["fees"])
    return Summary(
        start=start,
        end=end,
        timezone=str(zone),
        currency=currency,
        carts=carts,
        texted=texts["texted"],
        delivered=texts["delivered"],
        clicked=click_counts["clicked"],
        replied=replied["replied"],
        recovered=money["recovered"],
        attributed=money["attributed"],
        revenue=_sum(money["attributed_revenue"]),
        recovered_revenue=_sum(money["recovered_revenue"]),
        cost=sum((c.amount for c in charges), ZERO),
        fees=fees_gross - credits,
        fees_gross=fees_gross,
        credits=credits,
        messages=sum(c.texts for c in charges),
        segments=sum(c.segments or 0 for c in charges),
        clicks=click_counts["clicks"],
        replies=replied["replies"],
        lift=holdout_lift(store=store, start=since, end=until),
        series=_daily_series(
            start=start,
            end=end,
            zone=zone,
            nudge_texts=nudge_texts,
            clicks=clicks,
            attributions=attributions,
        ),
    )


def _daily_series(
    *,
    start: date,
    end: date,
    zone: ZoneInfo,
    nudge_texts: QuerySet[Message],
    clicks: QuerySet[Click],
    attributions: QuerySet[Attribution],
) -> list[DayRow]:
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
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
    money: dict[date, dict[str, Any]] = {
        row["day"]: dict(row)
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
            DayRow(
                date=day,
                texted=texted.get(day, 0),
                clicked=clicked.get(day, 0),
                recovered=row.get("recovered", 0),
                revenue=_sum(row.get("attributed_revenue")),
                fees=_sum(row.get("attributed_fees")),
            )
        )
    return series


# --- Per-message results: by step and by variant ----------------------------------------------


@dataclass(frozen=True)
class MessageRow:
    """The texts of one step (or one variant of it) sent in the range, and what came of them."""

    flow_id: int
    flow: str
    step_id: int
    step: int  # the step's position in its flow, as the flow API names steps
    variant: str | None  # None when the row is the whole step
    texted: int
    delivered: int
    clicked: int
    replied: int
    recovered: int  # attributed orders whose receipt names one of these texts
    revenue: Decimal
    cost: Decimal  # texting at cost, priced as the bill prices it
    probability_best: float | None  # among the step's variants; None for a step without variants
    lift: Lift | None  # per step only: texted vs held out for the step's nudges due in the range

    @property
    def revenue_per_text(self) -> Decimal | None:
        return _ratio(self.revenue, self.texted)

    @property
    def cost_per_recovered(self) -> Decimal | None:
        return _ratio(self.cost, self.recovered)


@dataclass(frozen=True)
class FlowResult:
    flow_id: int
    flow: str
    texted: int
    recovered: int
    revenue: Decimal
    cost: Decimal
    lift: Lift


@dataclass(frozen=True)
class MessageResults:
    currency: str
    rows: list[MessageRow]
    flows: list[FlowResult]


_KEY = ("nudge__step", "nudge__variant")


def _texts_with_outcomes(texts: QuerySet[Message], *, store: Store) -> QuerySet[Message]:
    """Each text with whether its link was opened and whether the shopper answered it.

    A reply belongs to the latest nudge text before it in the thread (a later text takes over).
    """
    next_text_at = (
        Message.objects.for_store(store)
        .filter(
            direction=Message.Direction.OUT,
            nudge__isnull=False,
            thread=OuterRef("thread"),
            created_at__gt=OuterRef("created_at"),
        )
        .order_by("created_at")
        .values("created_at")[:1]
    )
    return texts.annotate(
        next_text_at=Coalesce(Subquery(next_text_at), Value(_NEVER, output_field=DateTimeField())),
    ).annotate(
        was_clicked=Exists(Click.objects.for_store(store).filter(link__nudge=OuterRef("nudge"))),
        was_answered=Exists(
            _conversation_replies(store=store).filter(
                thread=OuterRef("thread"),
                created_at__gte=OuterRef("created_at"),
                created_at__lt=OuterRef("next_text_at"),
            )
        ),
    )


def _funnel_by_key(texts: QuerySet[Message], *, store: Store) -> dict[tuple, dict[str, int]]:
    rows = (
        _texts_with_outcomes(texts, store=store)
        .values(*_KEY)
        .annotate(
            texted=Count("id"),
            delivered=Count("id", filter=Q(status=Message.Status.DELIVERED)),
            clicked=Count("id", filter=Q(was_clicked=True)),
            replied=Count("id", filter=Q(was_answered=True)),
        )
        .order_by()
    )
    return {(row["nudge__step"], row["nudge__variant"]): row for row in rows}


def _money_by_key(texts: QuerySet[Message], *, store: Store, since: datetime) -> dict[tuple, dict[str, Any]]:
    """Attributed orders per (step, variant) of these texts, earned as billing defines it (the cart's
    text for the credited step, whatever answer in the thread was credited)."""
    nudges = Nudge.objects.for_store(store).filter(pk__in=texts.values("nudge"))
    rows = (
        attributions_earned_by(store=store, nudges=nudges)
        # An order comes after its text: none placed before the range can credit a text sent in it.
        .filter(placed_at__gte=since)
        .values("step", "variant")
        .annotate(recovered=Count("id"), revenue=Sum("revenue"))
        .order_by()
    )
    return {
        (row["step"], row["variant"]): {"recovered": row["recovered"], "revenue": row["revenue"]}
        for row in rows
    }


def _lifts_by(
    *, store: Store, since: datetime, until: datetime, field: str, step: Step | None = None
) -> dict[int, Lift]:
    nudges = Nudge.objects.for_store(store).filter(due_at__gte=since, due_at__lt=until)
    if step is not None:
        nudges = nudges.filter(step=step)
    rows = nudges.values(field).annotate(**holdout_counts()).order_by()
    return {row.pop(field): lift_from_counts(**row) for row in rows}


NO_LIFT = lift_from_counts(texted=0, texted_recovered=0, held_out=0, held_out_recovered=0)
_COUNTS = ("texted", "delivered", "clicked", "replied", "recovered")


def _merged(cells: list[dict[str, Any]]) -> dict[str, Any]:
    merged: dict[str, Any] = {name: sum(c[name] for c in cells) for name in _COUNTS}
    merged["revenue"] = sum((c["revenue"] for c in cells), ZERO)
    merged["cost"] = sum((c["cost"] for c in cells), ZERO)
    return merged


def _chances(variants: dict[str, dict[str, Any]]) -> dict[str, float]:
    """Probability of being best among the variants that have texts; none until two of them have."""
    if len(variants) < 2:
        return {}
    return probability_best(
        {
            k: VariantCounts(texted=c["texted"], recovered=c["recovered"], revenue=c["revenue"])
            for k, c in variants.items()
        }
    )


def _variant_label(variant: str) -> str:
    return variant or SOLE_VARIANT


def message_results(
    *, store: Store, start: date, end: date, by: str, step: Step | None = None
) -> MessageResults:
    """Per step (`by="step"`) or per variant of each step (`by="variant"`) for texts sent in [start, end].

    Each row follows one cohort: the nudge texts sent in the range, and what they led to whenever it came
    (click, reply, an attributed order naming the text). Rows are ordered by flow, step, variant.
    """
    if by not in ("step", "variant"):
        raise ValueError(by)
    since, until = day_bounds(store=store, start=start, end=end)
    currency = plan_get(store=store).billing_currency
    texts = _nudge_texts(store=store, since=since, until=until)
    if step is not None:
        texts = texts.filter(nudge__step=step)
    billed = texts.exclude(status__in=UNBILLED_TEXT_STATUSES)
    funnel = _funnel_by_key(billed, store=store)
    money = _money_by_key(billed, store=store, since=since)
    costs = texting_cost_by(texts=texts, currency=currency, by=_KEY)
    step_lifts = _lifts_by(store=store, since=since, until=until, field="step", step=step)
    keys = set(funnel) | set(money)
    steps = {
        s.pk: s
        for s in Step.objects.for_store(store)
        .filter(pk__in={step_id for step_id, _ in keys} | set(step_lifts))
        .select_related("flow")
    }

    # Group the (step, variant) cells per step, variants merged when the row is the whole step.
    cells: dict[int, dict[str, dict[str, Any]]] = defaultdict(dict)
    for step_id, variant in keys:
        f = funnel.get((step_id, variant), {})
        m = money.get((step_id, variant), {})
        cell = {
            "texted": f.get("texted", 0),
            "delivered": f.get("delivered", 0),
            "clicked": f.get("clicked", 0),
            "replied": f.get("replied", 0),
            "recovered": m.get("recovered", 0),
            "revenue": _sum(m.get("revenue")),
            "cost": costs.get((step_id, variant), ZERO),
        }
        label = _variant_label(variant)
        # Texts from before the step had variants ("") are its variant A, as the experiment's control.
        earlier = cells[step_id].get(label)
        cells[step_id][label] = _merged([earlier, cell]) if earlier else cell
    for step_id in step_lifts:
        cells.setdefault(step_id, {})

    with_variants = {step_id for step_id, variant in keys if variant}
    rows: list[MessageRow] = []
    for step_id, variants in cells.items():
        row_step = steps[step_id]
        common: dict[str, Any] = {
            "flow_id": row_step.flow_id,
            "flow": row_step.flow.name,
            "step_id": row_step.pk,
            "step": row_step.position,
        }
        if by == "step":
            rows.append(
                MessageRow(
                    **common,
                    variant=None,
                    **_merged(list(variants.values())),
                    probability_best=None,
                    lift=step_lifts.get(step_id) or NO_LIFT,
                )
            )
            continue
        chances = _chances(variants) if step_id in with_variants else {}
        for key, c in variants.items():
            rows.append(MessageRow(**common, variant=key, **c, probability_best=chances.get(key), lift=None))
    rows.sort(key=lambda r: (r.flow_id, r.step, r.variant or ""))
    flows = _flow_results(store=store, since=since, until=until, rows=rows) if step is None else []
    return MessageResults(currency=currency, rows=rows, flows=flows)


def _flow_results(
    *, store: Store, since: datetime, until: datetime, rows: list[MessageRow]
) -> list[FlowResult]:
    lifts = _lifts_by(store=store, since=since, until=until, field="step__flow")
    names = {row.flow_id: row.flow for row in rows}
    totals: dict[int, dict[str, Any]] = defaultdict(
        lambda: {"texted": 0, "recovered": 0, "revenue": ZERO, "cost": ZERO}
    )
    for row in rows:
        t = totals[row.flow_id]
        t["texted"] += row.texted
        t["recovered"] += row.recovered
        t["revenue"] += row.revenue
        t["cost"] += row.cost
    return [
        FlowResult(
            flow_id=flow_id,
            flow=names[flow_id],
            lift=lifts.get(flow_id) or NO_LIFT,
            **totals[flow_id],
        )
        for flow_id in sorted(totals)
    ]


@dataclass(frozen=True)
class StepResults:
    """The step editor's table: the whole step, then one row per variant; money in `currency`."""

    start: date
    end: date
    currency: str
    whole: MessageRow | None  # None until the step has texted or held out anyone in the range
    variants: list[MessageRow]


def step_results(*, store: Store, step: Step, start: date, end: date) -> StepResults:
    whole = message_results(store=store, start=start, end=end, by="step", step=step).rows
    variants = message_results(store=store, start=start, end=end, by="variant", step=step).rows
    return StepResults(
        start=start,
        end=end,
        currency=plan_get(store=store).billing_currency,
        whole=whole[0] if whole else None,
        variants=variants,
    )


# --- Per keyword rule -------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleRow:
    """What a keyword rule's automatic answers sent in the range led to."""

    rule_id: int
    rule: str
    answered: int  # answers the rule sent
    escalated_after: int  # conversations handed to a person after the rule answered
    recovered: int  # attributed orders by a shopper the rule answered, placed after its first answer
    revenue: Decimal
    cost: Decimal  # the answers' texting at cost

    @property
    def revenue_per_answer(self) -> Decimal | None:
        return _ratio(self.revenue, self.answered)

    @property
    def cost_per_recovered(self) -> Decimal | None:
        return _ratio(self.cost, self.recovered)


@dataclass(frozen=True)
class RuleResults:
    start: date
    end: date
    currency: str
    rows: list[RuleRow]


def rule_results(*, store: Store, start: date, end: date) -> RuleResults:
    """One row per keyword rule of the store (rules that answered nobody show zeros), by priority."""
    since, until = day_bounds(store=store, start=start, end=end)
    currency = plan_get(store=store).billing_currency
    answers = Message.objects.for_store(store).filter(
        direction=Message.Direction.OUT, rule__isnull=False, created_at__gte=since, created_at__lt=until
    )
    sent = answers.exclude(status__in=UNBILLED_TEXT_STATUSES)
    counts = {
        row["rule"]: row
        for row in sent.values("rule")
        .annotate(
            answered=Count("id"),
            escalated_after=Count(
                "thread", distinct=True, filter=Q(thread__escalated_at__gt=F("created_at"))
            ),
        )
        .order_by()
    }
    costs = texting_cost_by(texts=answers, currency=currency, by=("rule",))
    first_answers = sent.values("rule", "thread__customer").annotate(first=Min("created_at")).order_by()
    customers = {row["thread__customer"] for row in first_answers}
    orders = (
        Attribution.objects.for_store(store)
        .filter(outcome=Attribution.Outcome.ATTRIBUTED, placed_at__gte=since, cart__customer__in=customers)
        .values_list("cart__customer", "placed_at", "revenue")
    )
    orders_by_customer: dict[int, list[tuple[datetime, Decimal]]] = defaultdict(list)
    for customer, placed_at, revenue in orders:
        orders_by_customer[customer].append((placed_at, revenue))
    recovered: dict[int, list[Decimal]] = defaultdict(list)
    for row in first_answers:
        for placed_at, revenue in orders_by_customer.get(row["thread__customer"], []):
            if placed_at >= row["first"]:
                recovered[row["rule"]].append(revenue)
    rows = [
        RuleRow(
            rule_id=rule.pk,
            rule=rule.name,
            answered=counts.get(rule.pk, {}).get("answered", 0),
            escalated_after=counts.get(rule.pk, {}).get("escalated_after", 0),
            recovered=len(recovered[rule.pk]),
            revenue=sum(recovered[rule.pk], ZERO),
            cost=costs.get((rule.pk,), ZERO),
        )
        for rule in KeywordRule.objects.for_store(store).order_by("priority", "id")
    ]
    return RuleResults(start=start, end=end, currency=currency, rows=rows)
