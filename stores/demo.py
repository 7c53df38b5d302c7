"""The demo store (`manage.py seed_demo`): Summit Outfitters, its owner and agent logins, an API token.

Kept apart from the tenant's services: nothing in the product depends on it, and the published demo
password lives only here.
"""

from decimal import Decimal

from django.db import transaction

from stores.hooks import STORE_CREATED_HOOKS, hooks_run
from stores.models import Role, Store
from stores.services import api_token_create, membership_ensure, user_ensure

DEMO_STORE_NAME = "Summit Outfitters"
DEMO_OWNER_EMAIL = "owner@summit-outfitters.example"
DEMO_AGENT_EMAIL = "agent@summit-outfitters.example"
DEMO_PASSWORD = "summit-demo-2026"  # noqa: S105 - the published demo login, printed by seed_demo


# What the demo's policies say, as the structured facts the bot answers from ("do you ship to Canada?").
DEMO_FACTS = {
    "ships_to": ["US", "CA"],
    "free_shipping_over": Decimal("75.00"),
    "return_days": 30,
    "processing_days": 1,
}


def _demo_facts_fill(store: Store) -> None:
    """Set the facts the demo store does not have yet; one a merchant already set is left as it is."""
    missing = {name: value for name, value in DEMO_FACTS.items() if getattr(store, name) in (None, [])}
    for name, value in missing.items():
        setattr(store, name, value)
    if missing:
        store.save(update_fields=list(missing))


@transaction.atomic
def demo_seed() -> dict:
    """Create (or find) the demo store and its logins, and mint an API token for the owner. Safe to run any
    number of times; tokens printed by earlier runs stay valid until they expire."""
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
    _demo_facts_fill(store)
    owner = user_ensure(email=DEMO_OWNER_EMAIL, password=DEMO_PASSWORD, first_name="Olivia")
    agent = user_ensure(email=DEMO_AGENT_EMAIL, password=DEMO_PASSWORD, first_name="Alex")
    membership_ensure(store=store, user=owner, role=Role.OWNER)
    membership_ensure(store=store, user=agent, role=Role.AGENT)
    # Tokens are stored hashed, so the one printed must be a fresh one: each run mints another.
    _, api_token = api_token_create(user=owner)
    hooks_run(STORE_CREATED_HOOKS, store=store)
    return {
        "store_id": str(store.id),
        "webhook_secret": store.webhook_secret,
        "sms_number": str(store.sms_number),
        "api_token": api_token,
        "login": {"email": DEMO_OWNER_EMAIL, "password": DEMO_PASSWORD},
        "agent_login": {"email": DEMO_AGENT_EMAIL, "password": DEMO_PASSWORD},
    }
