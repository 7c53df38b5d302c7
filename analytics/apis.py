"""`/api/v1/stores/<store_id>/analytics/`: the funnel, the money and the lift for a range of days; with
`?by=step|variant|rule` the per-message results as rows too; `?format=csv` the table as a spreadsheet."""

import io
from datetime import date, timedelta
from typing import Any

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, PolymorphicProxySerializer, extend_schema
from rest_framework import serializers
from rest_framework.renderers import BaseRenderer, BrowsableAPIRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from billing.selectors import store_zone
from cartrecovery.errors import ApplicationError
from stores.access import StoreAPIView
from stores.csv_export import csv_writer

from .selectors import analytics_summary, message_results, rule_results

DEFAULT_DAYS = 30
MAX_DAYS = 366


class _Money(serializers.DecimalField):
    def __init__(self, **kwargs):
        super().__init__(max_digits=14, decimal_places=2, coerce_to_string=True, **kwargs)


class DaySerializer(serializers.Serializer):
    date = serializers.DateField()
    texted = serializers.IntegerField()
    clicked = serializers.IntegerField()
    recovered = serializers.IntegerField()
    revenue = _Money()
    fees = _Money()


class LiftSerializer(serializers.Serializer):
    texted = serializers.IntegerField(help_text="Carts texted (nudges due in the range).")
    texted_recovered = serializers.IntegerField()
    held_out = serializers.IntegerField(help_text="Carts held out as the control group.")
    held_out_recovered = serializers.IntegerField()
    texted_rate = serializers.FloatField(allow_null=True)
    held_out_rate = serializers.FloatField(allow_null=True)
    difference = serializers.FloatField(allow_null=True, help_text="texted_rate − held_out_rate.")
    ci_low = serializers.FloatField(allow_null=True)
    ci_high = serializers.FloatField(allow_null=True)
    confidence = serializers.FloatField()
    method = serializers.CharField()
    significant = serializers.BooleanField()


class MessageRowSerializer(serializers.Serializer):
    flow_id = serializers.IntegerField()
    flow = serializers.CharField()
    step = serializers.IntegerField(help_text="The step's position in its flow, as the flow API names it.")
    step_id = serializers.IntegerField()
    variant = serializers.CharField(
        allow_null=True, help_text='The variant ("A" for a step without variants); null on a whole-step row.'
    )
    texted = serializers.IntegerField(help_text="Texts sent in the range that left for the carrier.")
    delivered = serializers.IntegerField()
    clicked = serializers.IntegerField(help_text="Of those texts, how many had their link opened.")
    replied = serializers.IntegerField(help_text="Of those texts, how many the shopper answered.")
    recovered = serializers.IntegerField(
        help_text="Attributed orders whose receipt names one of these texts."
    )
    revenue = _Money(help_text="Their attributed revenue.")
    revenue_per_text = _Money(allow_null=True)
    cost = _Money(help_text="These texts at cost, priced as the bill prices them.")
    cost_per_recovered = _Money(allow_null=True, help_text="Texting cost per recovered order.")
    probability_best = serializers.FloatField(
        allow_null=True,
        help_text="Chance this variant has the highest revenue per text (seeded Monte Carlo over Beta "
        "posteriors, 4,000 draws); null for whole-step rows and steps without variants. "
        "A report, not a stopping rule.",
    )
    lift = LiftSerializer(allow_null=True, help_text="Per step: texted vs held out, due in the range.")


class FlowResultSerializer(serializers.Serializer):
    flow_id = serializers.IntegerField()
    flow = serializers.CharField()
    texted = serializers.IntegerField()
    recovered = serializers.IntegerField()
    revenue = _Money()
    cost = _Money()
    lift = LiftSerializer()


class RuleRowSerializer(serializers.Serializer):
    rule = serializers.IntegerField(source="rule_id")
    name = serializers.CharField(source="rule")
    answered = serializers.IntegerField(help_text="Answers the rule sent in the range.")
    escalated_after = serializers.IntegerField(
        help_text="Conversations handed to a person after it answered."
    )
    recovered = serializers.IntegerField(
        help_text="Attributed orders of shoppers it answered, placed after its first answer."
    )
    revenue = _Money()
    revenue_per_answer = _Money(allow_null=True)
    cost = _Money(help_text="The answers at cost.")
    cost_per_recovered = _Money(allow_null=True)


class AnalyticsSerializer(serializers.Serializer):
    store_id = serializers.UUIDField(source="store.id")
    from_ = serializers.DateField()
    to = serializers.DateField()
    timezone = serializers.CharField(help_text="Days are calendar days in the store's time zone.")
    currency = serializers.CharField(help_text="The billing currency of all money below.")
    carts = serializers.IntegerField(help_text="Carts first seen in the range.")
    texted = serializers.IntegerField(help_text="Carts that were sent at least one nudge.")
    delivered = serializers.IntegerField(help_text="Carts with a nudge the carrier confirmed delivered.")
    clicked = serializers.IntegerField(help_text="Carts whose short link was opened.")
    replied = serializers.IntegerField(help_text="Conversations with a reply (STOP and the like excluded).")
    recovered = serializers.IntegerField(help_text="Orders that completed a texted cart.")
    attributed = serializers.IntegerField(help_text="Recovered orders the texts earned (click, reply, code).")
    revenue = _Money(help_text="Attributed revenue.")
    recovered_revenue = _Money()
    cost = _Money(help_text="Texting at cost.")
    fees = _Money(help_text="Fees on attributed orders, net of credits for refunds and cancellations.")
    fees_gross = _Money()
    credits = _Money()
    messages = serializers.IntegerField()
    segments = serializers.IntegerField()
    clicks = serializers.IntegerField()
    replies = serializers.IntegerField()
    lift = LiftSerializer()
    series = DaySerializer(many=True)

    def get_fields(self):
        fields = super().get_fields()
        # `from` is a Python keyword: the field is declared as `from_` and published as `from`.
        fields["from"] = fields.pop("from_")
        return fields


# Days are turned into the store's local midnights and the day after the last one: the calendar's own
# ends (0001-01-01, 9999-12-31) would overflow there. No report needs days outside these.
EARLIEST_DAY = date(2000, 1, 1)
LATEST_DAY = date(2099, 12, 31)


def _date_param(request: Request, name: str) -> date | None:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return None
    try:
        day = date.fromisoformat(raw)
    except ValueError as exc:
        raise ApplicationError(
            f"`{name}` must be an ISO date like 2026-03-01, not {raw!r}.", code="invalid_date"
        ) from exc
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise ApplicationError(
            f"`{name}` must be between {EARLIEST_DAY} and {LATEST_DAY}.", code="invalid_date"
        )
    return day


def _range(request: Request, *, store) -> tuple[date, date]:
    today = timezone.now().astimezone(store_zone(store=store)).date()
    end = _date_param(request, "to") or today
    start = _date_param(request, "from") or end - timedelta(days=DEFAULT_DAYS - 1)
    if start > end:
        raise ApplicationError("`from` must not be after `to`.", code="invalid_range")
    if (end - start).days + 1 > MAX_DAYS:
        raise ApplicationError(f"Ask for at most {MAX_DAYS} days at a time.", code="range_too_long")
    return start, end


BY_CHOICES = ("step", "variant", "rule")


class AnalyticsWithRowsSerializer(AnalyticsSerializer):
    """The schema of the answer (the view serializes its parts): the summary, and with `by` the rows."""

    rows = PolymorphicProxySerializer(
        component_name="AnalyticsRow",
        serializers=[MessageRowSerializer, RuleRowSerializer],
        resource_type_field_name=None,
        many=True,
        required=False,
        help_text="With `by=step` or `by=variant`: MessageRow; with `by=rule`: RuleRow.",
    )
    flows = FlowResultSerializer(many=True, required=False, help_text="With `by=step`: per flow.")


class CSVRenderer(BaseRenderer):
    """`?format=csv`: the view hands a table (a header and rows); cells pass `stores.csv_export`."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        out = io.StringIO()
        writer = csv_writer(out)
        for row in data:
            writer.writerow(row)
        return out.getvalue().encode("utf-8")


MESSAGE_CSV_COLUMNS = (
    "flow",
    "step",
    "variant",
    "texted",
    "delivered",
    "clicked",
    "replied",
    "recovered",
    "revenue",
    "revenue_per_text",
    "cost",
    "cost_per_recovered",
    "probability_best",
)
LIFT_CSV_COLUMNS = ("difference", "ci_low", "ci_high")
RULE_CSV_COLUMNS = tuple(RuleRowSerializer().fields)
DAY_CSV_COLUMNS = tuple(DaySerializer().fields)


def _csv_table(body: dict[str, Any], *, by: str | None) -> list[list[Any]]:
    """The JSON body's table as CSV rows: the same numbers, column for column."""
    if by == "rule":
        return [list(RULE_CSV_COLUMNS)] + [[row[c] for c in RULE_CSV_COLUMNS] for row in body["rows"]]
    if by in ("step", "variant"):
        header = list(MESSAGE_CSV_COLUMNS) + [f"lift_{c}" for c in LIFT_CSV_COLUMNS] * (by == "step")
        table: list[list[Any]] = [header]
        for row in body["rows"]:
            cells = [row[c] for c in MESSAGE_CSV_COLUMNS]
            if by == "step":
                cells += [row["lift"][c] for c in LIFT_CSV_COLUMNS]
            table.append(cells)
        return table
    return [list(DAY_CSV_COLUMNS)] + [[day[c] for c in DAY_CSV_COLUMNS] for day in body["series"]]


def _rows(*, store, start: date, end: date, by: str) -> dict[str, Any]:
    if by == "rule":
        return {
            "rows": RuleRowSerializer(rule_results(store=store, start=start, end=end).rows, many=True).data
        }
    results = message_results(store=store, start=start, end=end, by=by)
    extra: dict[str, Any] = {"rows": MessageRowSerializer(results.rows, many=True).data}
    if by == "step":
        extra["flows"] = FlowResultSerializer(results.flows, many=True).data
    return extra


class AnalyticsApi(StoreAPIView):
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer, CSVRenderer]

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "from", str, description="First day (ISO date, store time zone); default 30 days ago."
            ),
            OpenApiParameter("to", str, description="Last day, inclusive (ISO date). Default: today."),
            OpenApiParameter(
                "by",
                str,
                enum=BY_CHOICES,
                description="Add `rows`: per step, per variant of each step, or per keyword rule.",
            ),
            OpenApiParameter(
                "format", str, enum=("json", "csv"), description="`csv`: the rows (or the days) as CSV."
            ),
        ],
        responses=AnalyticsWithRowsSerializer,
    )
    def get(self, request: Request, store_id) -> Response:
        by = request.query_params.get("by") or None
        if by is not None and by not in BY_CHOICES:
            return Response({"errors": {"by": [f"Use one of {', '.join(BY_CHOICES)}."]}}, status=400)
        start, end = _range(request, store=self.store)
        summary = analytics_summary(store=self.store, start=start, end=end)
        payload = {**summary.as_dict(), "from": start, "to": end, "store": self.store}
        body = dict(AnalyticsSerializer(payload).data)
        if by is not None:
            body.update(_rows(store=self.store, start=start, end=end, by=by))
        if request.accepted_renderer.format == "csv":
            filename = f"analytics-{by or 'days'}-{start}-{end}.csv"
            return Response(
                _csv_table(body, by=by), headers={"Content-Disposition": f'attachment; filename="{filename}"'}
            )
        return Response(body)

    def finalize_response(self, request, response, *args, **kwargs):
        # An error asked for as CSV is still told as JSON: a spreadsheet of one error helps nobody.
        renderer = getattr(request, "accepted_renderer", None)
        if response.status_code >= 400 and renderer is not None and renderer.format == "csv":
            request.accepted_renderer, request.accepted_media_type = JSONRenderer(), "application/json"
        return super().finalize_response(request, response, *args, **kwargs)
