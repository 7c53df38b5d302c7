"""`/api/v1/stores/<store_id>/analytics/`: the funnel, the money and the lift for a range of days."""

from dataclasses import asdict
from datetime import date, timedelta

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from cartrecovery.errors import ApplicationError
from stores.access import StoreAPIView

from .selectors import analytics_summary, store_zone

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


class AnalyticsAPI(StoreAPIView):
    @extend_schema(
        parameters=[
            OpenApiParameter(
                "from", str, description="First day (ISO date, store time zone); default 30 days ago."
            ),
            OpenApiParameter("to", str, description="Last day, inclusive (ISO date). Default: today."),
        ],
        responses=AnalyticsSerializer,
    )
    def get(self, request: Request, store_id) -> Response:
        start, end = _range(request, store=self.store)
        summary = analytics_summary(store=self.store, start=start, end=end)
        lift = summary["lift"]
        payload = {
            **summary,
            "store": self.store,
            "lift": {**asdict(lift), "significant": lift.significant},
        }
        return Response(AnalyticsSerializer(payload).data)
