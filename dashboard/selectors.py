"""Reads behind the merchant dashboard's overview: the funnel, the chart by day, the setup checklist."""

import json
import re
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db.models import QuerySet
from django.utils import timezone

from analytics.selectors import analytics_summary
from billing.selectors import code_leaks
from conversations.models import KeywordRule
from flows.models import Flow
from flows.pending import texts_pending
from stores.models import Cart, ConsentEvent, Invitation, Membership, Role, Store
from stores.phones import phone_parse, store_region
from stores.selectors import shopify_connection_for
from stores.shopify_install import APP_WEBHOOK_TOPICS

PERIODS = {"7": 7, "30": 30, "90": 90}
DEFAULT_PERIOD = "30"


@dataclass(frozen=True)
class Period:
    key: str
    start: date
    end: date  # inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def period_for(*, store: Store, key: str | None, now: datetime | None = None) -> Period:
    """The last N whole days in the store's time zone, today included."""
    key = key if key in PERIODS else DEFAULT_PERIOD
    today = (now or timezone.now()).astimezone(ZoneInfo(store.timezone)).date()
    return Period(key=key, start=today - timedelta(days=PERIODS[key] - 1), end=today)


def overview(*, store: Store, period: Period) -> dict:
    """The overview's figures: billing's funnel and money, plus the return on what the merchant spent."""
    summary = analytics_summary(store=store, start=period.start, end=period.end)
    spend = summary.cost + summary.fees
    roi = (summary.revenue / spend).quantize(Decimal("0.1")) if spend > 0 else None
    return {
        **summary.as_dict(),
        "series": [asdict(day) for day in summary.series],
        "spend": spend,
        "net": summary.revenue - spend,
        "roi": roi,
        # What leaves the merchant's pocket, as the negative amounts the money table shows.
        "cost_out": -summary.cost,
        "fees_out": -summary.fees,
    }


def code_leak_warnings(*, store: Store, period: Period) -> list[dict]:
    """Leaked discount codes flagged in the period: orders they were on were not attributed."""
    return code_leaks(store=store, start=period.start, end=period.end)


def texts_scheduled(*, store: Store, limit: int = 10) -> list:
    """The store's next texts, each with when it goes and why (held by quiet hours or due)."""
    return texts_pending(store=store, limit=limit)


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
            "detail": "Connect Shopify, or have your shop post its cart and order webhooks to this store's "
            "webhook URL.",
            "done": _shopify_webhooks_registered(store) or Cart.objects.for_store(store).exists(),
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


def _shopify_webhooks_registered(store: Store) -> bool:
    connection = shopify_connection_for(store=store)
    return (
        connection is not None
        and connection.is_active
        and set(APP_WEBHOOK_TOPICS.values()) <= set(connection.webhook_topics)
    )


def consent_events_search(*, store: Store, phone: str = "") -> QuerySet[ConsentEvent]:
    """The store's consent events, newest first; `phone` matches a whole number or a run of its digits."""
    events = ConsentEvent.objects.for_store(store).select_related("customer").order_by("-occurred_at", "-id")
    phone = phone.strip()
    if not phone:
        return events
    parsed = phone_parse(phone, region=store_region(store) or "US")
    if parsed.ok:
        return events.filter(customer__phone=parsed.e164)
    digits = re.sub(r"\D", "", phone)
    if len(digits) < 3:
        return events.none()
    return events.filter(customer__phone__contains=digits)


CONSENT_CSV_HEADER = [
    "occurred_at",
    "phone",
    "first_name",
    "kind",
    "source",
    "text_shown",
    "language",
    "ip_address",
    "user_agent",
    "evidence",
    "current_status",
]


def consent_events_csv_rows(*, store: Store, phone: str = ""):
    """The rows of the consent log's CSV; write them with `stores.csv_export.csv_writer`."""
    yield CONSENT_CSV_HEADER
    for event in consent_events_search(store=store, phone=phone).iterator(chunk_size=500):
        customer = event.customer
        yield [
            event.occurred_at.isoformat(),
            str(customer.phone or ""),
            customer.first_name,
            event.kind,
            event.source,
            event.text_shown,
            event.language,
            event.ip_address or "",
            event.user_agent,
            json.dumps(event.evidence, sort_keys=True) if event.evidence else "",
            customer.sms_status,
        ]


_ROLE_ORDER = {Role.OWNER: 0, Role.ADMIN: 1, Role.AGENT: 2}


def team_invitations_pending(*, store: Store) -> list[Invitation]:
    """Invitations not yet answered, newest first; expired ones too (shown as expired)."""
    return list(
        Invitation.objects.for_store(store)
        .filter(status=Invitation.Status.PENDING)
        .select_related("invited_by")
        .order_by("-created_at")
    )


def team_members(*, store: Store) -> list[Membership]:
    """Owners first, then admins, then agents; each group by email."""
    members = Membership.objects.for_store(store).select_related("user")
    return sorted(members, key=lambda m: (_ROLE_ORDER.get(m.role, 9), m.user.email or m.user.username))
