"""Writes of the stores app: the tenant, its people, shoppers, carts, orders and consent."""

from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from rest_framework.authtoken.models import Token

from flows.rules import keyword_rules_seed_default

from .models import ConsentEvent, Customer, Membership, Role, SmsStatus, Store

DEMO_STORE_NAME = "Summit Outfitters"
DEMO_OWNER_EMAIL = "owner@summit-outfitters.example"
DEMO_AGENT_EMAIL = "agent@summit-outfitters.example"
DEMO_PASSWORD = "summit-demo-2026"  # noqa: S105 - the published demo login, printed by seed_demo


def user_ensure(*, email: str, password: str, first_name: str = ""):
    """Find or create a login whose username is its email, with this password."""
    user_model = get_user_model()
    user, _ = user_model.objects.get_or_create(
        username=email, defaults={"email": email, "first_name": first_name}
    )
    if not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
    return user


def membership_ensure(*, store: Store, user, role: str) -> Membership:
    membership, _ = Membership.objects.update_or_create(store=store, user=user, defaults={"role": role})
    return membership


@transaction.atomic
def demo_seed() -> dict:
    """Create (or find) the demo store and its logins. Safe to run any number of times."""
    store, _ = Store.objects.get_or_create(
        name=DEMO_STORE_NAME,
        is_demo=True,
        defaults={
            "platform": "shopify",
            "shop_domain": "summit-outfitters.myshopify.com",
            "website_url": "https://summit-outfitters.example",
            "sms_number": "+15005550006",
            "timezone": "America/Denver",
            "default_language": "en",
            "currency": "USD",
            "contact_email": "help@summit-outfitters.example",
            "contact_phone": "+1 303 555 0142",
            "shipping_policy": "Free shipping on orders over $75; everything else ships for $6. "
            "Orders leave our Denver warehouse within 1 business day.",
            "returns_policy": "Returns are free within 30 days; unworn gear, tags on.",
            "help_text": "Summit Outfitters: cart reminders by text. Help: help@summit-outfitters.example "
            "or +1 303 555 0142. Msg & data rates may apply. Reply STOP to opt out.",
        },
    )
    owner = user_ensure(email=DEMO_OWNER_EMAIL, password=DEMO_PASSWORD, first_name="Olivia")
    agent = user_ensure(email=DEMO_AGENT_EMAIL, password=DEMO_PASSWORD, first_name="Alex")
    membership_ensure(store=store, user=owner, role=Role.OWNER)
    membership_ensure(store=store, user=agent, role=Role.AGENT)
    token, _ = Token.objects.get_or_create(user=owner)
    keyword_rules_seed_default(store=store)
    return {
        "store_id": str(store.id),
        "webhook_secret": store.webhook_secret,
        "sms_number": str(store.sms_number),
        "api_token": token.key,
        "login": {"email": DEMO_OWNER_EMAIL, "password": DEMO_PASSWORD},
        "agent_login": {"email": DEMO_AGENT_EMAIL, "password": DEMO_PASSWORD},
    }


def consent_record(
    *,
    store: Store,
    customer: Customer,
    kind: str,
    source: str,
    occurred_at: datetime | None = None,
    text_shown: str = "",
    language: str = "",
    ip_address: str | None = None,
    user_agent: str = "",
    evidence: dict | None = None,
    dedupe_key: str = "",
) -> ConsentEvent | None:
    """Append a consent event and set the customer's SMS status from it.

    Returns None when `dedupe_key` was recorded before (a repeated delivery of the same evidence).
    """
    if customer.store_id != store.id:
        raise ValueError("The customer belongs to another store.")
    if kind not in ConsentEvent.Kind.values:
        raise ValueError(f"Unknown consent kind {kind!r}.")
    occurred_at = occurred_at or timezone.now()
    try:
        with transaction.atomic():
            event = ConsentEvent.objects.create(
                store=store,
                customer=customer,
                kind=kind,
                source=source,
                occurred_at=occurred_at,
                text_shown=text_shown,
                language=language,
                ip_address=ip_address,
                user_agent=user_agent[:500],
                evidence=evidence or {},
                dedupe_key=dedupe_key,
            )
    except IntegrityError:
        if not dedupe_key:
            raise
        return None
    _customer_status_follow_latest_consent(customer=customer)
    return event


def _customer_status_follow_latest_consent(*, customer: Customer) -> None:
    """The newest event by time wins, so late-arriving old evidence cannot undo a newer STOP."""
    latest = ConsentEvent.objects.filter(customer=customer).order_by("-occurred_at", "-id").first()
    status = SmsStatus.SUBSCRIBED if latest.kind == ConsentEvent.Kind.GRANTED else SmsStatus.UNSUBSCRIBED
    if customer.sms_status != status:
        customer.sms_status = status
        customer.save(update_fields=["sms_status", "updated_at"])
