"""Writes of the merchant's own setup: creating a store, its webhook secret, the consent wording.

The sender is a store setting (`store_settings`); test texts are sent by `flows.merchant_texts`."""

from django.conf import settings
from django.db import transaction
from django.utils.html import escape

from .hooks import STORE_CREATED_HOOKS, hooks_run
from .models import Membership, Role, Store


@transaction.atomic
def store_create(*, owner, name: str, platform: str, shop_domain: str = "", timezone_name: str = "") -> Store:
    """A new store with its creator as owner, and the default flow and keyword rules when those exist.

    `owner` None: a store made by a Shopify install with nobody signed in, claimed at sign-in
    (`stores.shopify_install`)."""
    store = Store.objects.create(
        name=name.strip(),
        platform=platform,
        shop_domain=shop_domain.strip().lower(),
        timezone=timezone_name or "America/New_York",
    )
    if owner is not None:
        Membership.objects.create(store=store, user=owner, role=Role.OWNER)
    hooks_run(STORE_CREATED_HOOKS, store=store)
    return store


CONSENT_TEXT = (
    "Yes, text me reminders about my cart and occasional offers from {store} at the number above. "
    "Up to 3 msgs per cart. Consent is not a condition of purchase. Msg & data rates may apply. "
    "Reply HELP for help, STOP to opt out."
)


def consent_text(*, store: Store) -> str:
    """The checkbox wording: who texts, about what, how often, costs, HELP and STOP (CTIA, TCPA)."""
    return CONSENT_TEXT.format(store=store.name)


def consent_snippet_html(*, store: Store) -> str:
    """Markup a non-Shopify checkout pastes next to its phone field; the box is never pre-checked."""
    text = escape(consent_text(store=store))
    return (
        '<label class="sms-consent">\n'
        '  <input type="checkbox" name="sms_consent" value="granted">\n'
        f"  {text}\n"
        "</label>\n"
        "<!-- Send the exact text shown as customer.sms_consent.text_shown in your cart webhook. -->"
    )


def webhook_urls(*, store: Store) -> dict[str, str]:
    base = settings.PUBLIC_BASE_URL
    return {
        "shopify": f"{base}/webhooks/shopify/{store.id}/",
        "carts": f"{base}/webhooks/carts/{store.id}/",
        "twilio_sms": f"{base}/webhooks/twilio/sms/",
        "twilio_status": f"{base}/webhooks/twilio/status/",
    }
