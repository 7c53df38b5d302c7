"""What an install of our Shopify app does to our data: the shop's store and its connection (the offline
token, encrypted), the app webhooks subscribed, the merchant linked; and what an uninstall undoes.

Who gets the store (docs/shopify.md, "Who owns the store"):
- connecting from Setup: the store the manager is on;
- the shop was connected before (a reinstall): its store, reconnected, whoever installs;
- a new shop installed by a signed-in person: a new store they own;
- a new shop installed with nobody signed in: a new store with no owner yet; this browser holds a claim on
  it, and the first account that signs in with that claim becomes its owner (`shopify_store_claim`).
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import onboarding
from .hooks import SENDING_STOPPED_HOOKS, hooks_run
from .models import Membership, Platform, Role, ShopifyConnection, Store
from .secrets import encrypt
from .shopify_admin import AdminClient, ShopifyAdminError
from .shopify_oauth import Grant, PendingInstall

logger = logging.getLogger(__name__)

UNINSTALLED = "Shopify app uninstalled"

# The app webhooks every install subscribes (GraphQL `WebhookSubscriptionTopic` → the topic Shopify puts in
# X-Shopify-Topic). The privacy topics are not among them: Shopify takes those from the app's settings in
# the Partner dashboard (docs/shopify.md).
APP_WEBHOOK_TOPICS = {
    "CHECKOUTS_CREATE": "checkouts/create",
    "CHECKOUTS_UPDATE": "checkouts/update",
    "ORDERS_CREATE": "orders/create",
    "ORDERS_CANCELLED": "orders/cancelled",
    "REFUNDS_CREATE": "refunds/create",
    "APP_UNINSTALLED": "app/uninstalled",
}

WEBHOOK_SUBSCRIPTION_CREATE = """
mutation webhookSubscriptionCreate(
  $topic: WebhookSubscriptionTopic!, $webhookSubscription: WebhookSubscriptionInput!
) {
  webhookSubscriptionCreate(topic: $topic, webhookSubscription: $webhookSubscription) {
    webhookSubscription { id topic }
    userErrors { field message }
  }
}
"""

SHOP_NAME_QUERY = "query shopName { shop { name } }"


class InstallRefused(Exception):
    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


@dataclass(frozen=True)
class Installed:
    store: Store
    connection: ShopifyConnection
    created: bool  # a new store
    claimable: bool  # a new store with no owner: the browser that installed it may claim it


def app_webhook_url() -> str:
    return f"{settings.PUBLIC_BASE_URL}/shopify/webhooks"


def shopify_install_record(*, grant: Grant, pending: PendingInstall, user) -> Installed:
    """Keep the install's token (encrypted) on the shop's store, creating or reconnecting that store."""
    signed_in = user is not None and user.is_authenticated
    known = ShopifyConnection.objects.filter(shop_domain=pending.shop).exists()
    # Asked before the transaction: no HTTP call while rows are locked.
    name = "" if known or pending.store_id else _shop_name(shop=pending.shop, token=grant.access_token)
    with transaction.atomic():
        connection = (
            ShopifyConnection.objects.select_for_update()
            .select_related("store")
            .filter(shop_domain=pending.shop)
            .first()
        )
        created = False
        if pending.store_id:
            store = _store_managed_by(user, store_id=pending.store_id)
            if connection is not None and connection.store_id != store.id:
                raise InstallRefused(
                    f"{pending.shop} is already connected to another store here. Sign in to that store, or "
                    "ask its owner."
                )
        elif connection is not None:
            store = connection.store
        else:
            existing = _unconnected_store_managed_by(user, shop=pending.shop) if signed_in else None
            if existing is not None:
                store = existing
            else:
                store = onboarding.store_create(
                    owner=user if signed_in else None,
                    name=name or pending.shop.removesuffix(".myshopify.com"),
                    platform=Platform.SHOPIFY,
                    shop_domain=pending.shop,
                )
                created = True
        if connection is None:
            connection = _connection_for_new_shop(store, shop=pending.shop)
        connection.access_token_encrypted = encrypt(grant.access_token)
        connection.scopes = grant.scopes
        connection.installed_at = timezone.now()
        connection.uninstalled_at = None
        connection.save()
        _store_reconnect(store, shop=pending.shop)
        claimable = created and not signed_in
    logger.info("Shopify app installed on %s for store %s (new store: %s)", pending.shop, store.id, created)
    return Installed(store=store, connection=connection, created=created, claimable=claimable)


def _unconnected_store_managed_by(user, *, shop: str) -> Store | None:
    """The signed-in person's own store on this shop that has no app connection yet (it used hand-made
    webhooks): the install joins it instead of making a second store. A store whose domain was merely typed
    by someone else is never joined: only its managers may link a token to it."""
    return (
        Store.objects.filter(
            shop_domain=shop,
            shopify_connection__isnull=True,
            memberships__user_id=user.pk,
            memberships__role__in=(Role.OWNER, Role.ADMIN),
        )
        .order_by("created_at")
        .first()
    )


def _connection_for_new_shop(store: Store, *, shop: str) -> ShopifyConnection:
    """A store holds one shop: its old connection is reused for a new shop only once that app is gone."""
    current = ShopifyConnection.objects.select_for_update().filter(store=store).first()
    if current is None:
        return ShopifyConnection(store=store, shop_domain=shop)
    if current.is_active:
        raise InstallRefused(
            f"This store is connected to {current.shop_domain}. A store connects one shop: uninstall the app "
            f"from {current.shop_domain} first, or connect {shop} to a new store."
        )
    current.shop_domain, current.webhook_topics, current.webhooks_error = shop, [], ""
    return current


def _store_managed_by(user, *, store_id: str) -> Store:
    signed_in = user is not None and user.is_authenticated
    membership = (
        Membership.objects.select_related("store")
        .filter(store_id=store_id, user_id=user.pk, role__in=(Role.OWNER, Role.ADMIN))
        .first()
        if signed_in
        else None
    )
    if membership is None:
        raise InstallRefused("Sign in as an owner or admin of the store you were connecting, then try again.")
    return membership.store


def _store_reconnect(store: Store, *, shop: str) -> None:
    """The store is a Shopify store on this shop again, and texts again if the uninstall had stopped them."""
    store.platform, store.shop_domain = Platform.SHOPIFY, shop
    fields = ["platform", "shop_domain", "updated_at"]
    if store.sending_stopped_reason == UNINSTALLED:
        store.sending_stopped_reason = ""
        fields.append("sending_stopped_reason")
    store.save(update_fields=fields)


def _shop_name(*, shop: str, token: str) -> str:
    """The shop's own name from the Admin API; its myshopify name if Shopify does not say."""
    fallback = shop.removesuffix(".myshopify.com")
    try:
        data = AdminClient(shop, token).execute(SHOP_NAME_QUERY)
    except ShopifyAdminError as exc:
        logger.warning("Shopify shop name for %s not read: %s", shop, exc)
        return fallback
    name = ((data or {}).get("shop") or {}).get("name")
    return name.strip()[:200] if isinstance(name, str) and name.strip() else fallback


def store_member(store: Store, user) -> bool:
    return bool(
        user is not None and user.is_authenticated and store.memberships.filter(user_id=user.pk).exists()
    )


def shopify_webhooks_subscribe(*, connection: ShopifyConnection) -> list[str]:
    """Subscribe every app webhook topic to our endpoint; returns the topics Shopify confirmed.

    Idempotent: a topic already subscribed to this address (a reinstall, a second click) counts as done.
    What failed is kept on the connection (`webhooks_error`) for Setup to show.
    """
    client = AdminClient(connection.shop_domain, connection.access_token)
    confirmed, errors = [], []
    for enum, topic in APP_WEBHOOK_TOPICS.items():
        try:
            _webhook_subscribe(client, enum)
        except ShopifyAdminError as exc:
            logger.warning("Shopify webhook %s for %s not subscribed: %s", topic, connection.shop_domain, exc)
            errors.append(f"{topic}: {exc}")
            continue
        confirmed.append(topic)
    connection.webhook_topics = confirmed
    connection.webhooks_error = "; ".join(errors)[:2000]
    connection.save(update_fields=["webhook_topics", "webhooks_error", "updated_at"])
    return confirmed


def _address_spellings() -> list[dict]:
    """Shopify named a subscription's address `callbackUrl` until 2025-04 and `uri` since (`callbackUrl` is
    deprecated but still in 2025-10's input). Both at once first, then each alone, the configured version's
    own first: an app pinned to another version, or a Shopify-compatible server that knows one spelling,
    still subscribes."""
    url = app_webhook_url()
    newer = settings.SHOPIFY_API_VERSION >= "2025-04"
    own, other = ("uri", "callbackUrl") if newer else ("callbackUrl", "uri")
    return [{"uri": url, "callbackUrl": url}, {own: url}, {other: url}]


def _webhook_subscribe(client: AdminClient, enum: str) -> None:
    """One topic subscribed (or already subscribed to this address); the last refusal raised otherwise."""
    *first, last = _address_spellings()
    for address in first:
        try:
            _webhook_subscription_create(client, enum, address)
            return
        except ShopifyAdminError as exc:
            if exc.status is not None or exc.code == "THROTTLED":
                raise  # Shopify is down or busy, not refusing the spelling: another one would fare no better
    _webhook_subscription_create(client, enum, last)


def _webhook_subscription_create(client: AdminClient, enum: str, address: dict) -> None:
    variables = {"topic": enum, "webhookSubscription": {**address, "format": "JSON"}}
    try:
        client.mutate(WEBHOOK_SUBSCRIPTION_CREATE, variables, "webhookSubscriptionCreate")
    except ShopifyAdminError as exc:
        if "already been taken" not in str(exc).lower():
            raise


def shopify_store_claim(*, store_id: str, user) -> Store | None:
    """The store a browser installed with nobody signed in, now owned by `user` if it has no owner yet."""
    with transaction.atomic():
        store = Store.objects.select_for_update().filter(id=store_id).first()
        if store is None:
            return None
        owned = Membership.objects.filter(store=store, role=Role.OWNER)
        if not owned.exists():
            Membership.objects.get_or_create(store=store, user=user, defaults={"role": Role.OWNER})
            logger.info("store %s claimed by its installer, user %s", store.id, user.pk)
        elif not Membership.objects.filter(store=store, user=user).exists():
            return None
    return store


def shopify_app_uninstalled(*, store: Store, at: datetime | None = None) -> bool:
    """`app/uninstalled`: no text goes out for the store from now on, its pending texts are cancelled, and
    the token is thrown away (Shopify has revoked it anyway). Idempotent; reinstalling undoes it.

    `at`: when Shopify says the uninstall happened. One from before the latest install (a late retry after
    a reinstall) changes nothing. Returns whether the uninstall was applied.
    """
    with transaction.atomic():
        now = timezone.now()
        connections = ShopifyConnection.objects.for_store(store).select_for_update()
        latest = connections.first()
        if latest is not None and at is not None and latest.installed_at and at < latest.installed_at:
            logger.info("Shopify app/uninstalled of %s before its reinstall: ignored", store.id)
            return False
        connections.update(access_token_encrypted="", webhook_topics=[], updated_at=now)
        connections.filter(uninstalled_at__isnull=True).update(uninstalled_at=now)
        Store.objects.filter(id=store.id).update(sending_stopped_reason=UNINSTALLED, updated_at=now)
        store.sending_stopped_reason = UNINSTALLED
        hooks_run(SENDING_STOPPED_HOOKS, store=store, reason=UNINSTALLED)
    logger.info("Shopify app uninstalled from store %s: sending stopped, token discarded", store.id)
    return True
