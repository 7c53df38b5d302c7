"""Reads behind the merchant dashboard's overview: the funnel, the chart by day, the setup checklist."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from billing.models import Attribution
from conversations.models import Message
from flows.models import Click, Flow, KeywordRule, Nudge

from .models import Cart, CartStatus, Store

PERIODS = {"7": 7, "30": 30, "90": 90}
DEFAULT_PERIOD = "30"


@dataclass(frozen=True)
class Period:
    key: str
    start: datetime
    end: datetime
    days: list[date]


def period_for(*, store: Store, key: str | None, now: datetime | None = None) -> Period:
    """The last N whole days in the store's time zone, today included."""
    key = key if key in PERIODS else DEFAULT_PERIOD
    tz = ZoneInfo(store.timezone)
    today = (now or timezone.now()).astimezone(tz).date()
    first = today - timedelta(days=PERIODS[key] - 1)
    start = datetime.combine(first, datetime.min.time(), tzinfo=tz)
    end = datetime.combine(today + timedelta(days=1), datetime.min.time(), tzinfo=tz)
    return Period(
        key=key, start=start, end=end, days=[first + timedelta(days=i) for i in range(PERIODS[key])]
    )


def funnel_summary(*, store: Store, start: datetime, end: datetime) -> dict:
    """Carts abandoned in the period and how far each got; money in the store's currency."""
    carts = Cart.objects.for_store(store).filter(last_activity_at__gte=start, last_activity_at__lt=end)
    abandoned = carts.filter(Q(nudges__isnull=False) | ~Q(status=CartStatus.ACTIVE)).distinct()
    cart_ids = abandoned.values("id")
    sent = Nudge.objects.for_store(store).filter(cart_id__in=cart_ids, state=Nudge.State.SENT)
    counts = {
        "carts": abandoned.count(),
        "texted": sent.values("cart_id").distinct().count(),
        "delivered": sent.filter(message__status=Message.Status.DELIVERED)
        .values("cart_id")
        .distinct()
        .count(),
        "clicked": Click.objects.for_store(store)
        .filter(link__cart_id__in=cart_ids)
        .values("link__cart_id")
        .distinct()
        .count(),
        "replied": abandoned.filter(
            customer__threads__messages__direction=Message.Direction.IN,
            customer__threads__messages__created_at__gte=start,
        )
        .distinct()
        .count(),
    }
    attributions = Attribution.objects.for_store(store).filter(
        order__placed_at__gte=start, order__placed_at__lt=end
    )
    money = attributions.aggregate(recovered=Count("id"), revenue=Sum("order_total"), fees=Sum("fee"))
    cost = (
        Message.objects.for_store(store)
        .filter(direction=Message.Direction.OUT, created_at__gte=start, created_at__lt=end)
        .aggregate(cost=Sum("price"))["cost"]
    )
    revenue = money["revenue"] or Decimal("0")
    # Twilio reports prices as negative amounts; the merchant thinks of cost as positive.
    cost = abs(cost or Decimal("0")).quantize(Decimal("0.01"))
    fees = money["fees"] or Decimal("0")
    spend = cost + fees
    return {
        **counts,
        "recovered": money["recovered"],
        "revenue": revenue,
        "cost": cost,
        "fees": fees,
        "roi": (revenue / spend).quantize(Decimal("0.1")) if spend else None,
    }


def daily_series(*, store: Store, period: Period) -> list[dict]:
    """Texts sent and carts recovered per local day of the period (zeros included)."""
    tz = ZoneInfo(store.timezone)
    texted = dict(
        Nudge.objects.for_store(store)
        .filter(state=Nudge.State.SENT, sent_at__gte=period.start, sent_at__lt=period.end)
        .annotate(day=TruncDate("sent_at", tzinfo=tz))
        .values_list("day")
        .annotate(n=Count("id"))
    )
    recovered = dict(
        Attribution.objects.for_store(store)
        .filter(order__placed_at__gte=period.start, order__placed_at__lt=period.end)
        .annotate(day=TruncDate("order__placed_at", tzinfo=tz))
        .values_list("day")
        .annotate(n=Count("id"))
    )
    return [{"day": d, "texted": texted.get(d, 0), "recovered": recovered.get(d, 0)} for d in period.days]


def setup_checklist(*, store: Store) -> list[dict]:
    """What a new merchant still has to do, in order, with whether it is done."""
    flow = Flow.objects.for_store(store).filter(is_active=True).first()
    has_steps = bool(flow) and flow.steps.filter(is_active=True).exists()
    return [
        {
            "key": "sender",
            "title": "Connect a sending number",
            "detail": "Your Twilio number or Messaging Service: the texts come from it.",
            "done": bool(store.sms_number or store.messaging_service_sid),
        },
        {
            "key": "webhooks",
            "title": "Send us your carts",
            "detail": "Point your shop's cart and order webhooks at the URLs on the Setup page.",
            "done": Cart.objects.for_store(store).exists(),
        },
        {
            "key": "flow",
            "title": "Write your first text",
            "detail": "The reminder a shopper gets 30–60 minutes after leaving a cart.",
            "done": has_steps,
        },
        {
            "key": "rules",
            "title": "Answer common questions automatically",
            "detail": "Keyword rules reply to “shipping?” or “discount?” without a person.",
            "done": KeywordRule.objects.for_store(store).filter(is_active=True).exists(),
        },
    ]
