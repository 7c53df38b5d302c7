"""Our Shopify app's public endpoints: the install (`/shopify/install`), Shopify's return with the code
(`/shopify/callback`), the claim of a store installed with nobody signed in (`/shopify/finish`), and the
app's webhooks (`/shopify/webhooks`, signed with the app's secret).

The views check and hand on; `stores.shopify_oauth` holds the checks, `stores.shopify_install` the writes.
"""

import logging
from datetime import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from . import signing, webhooks
from .handlers import SHOPIFY_APP
from .models import ShopifyConnection, Store
from .shopify_install import (
    APP_WEBHOOK_TOPICS,
    InstallRefused,
    shopify_app_uninstalled,
    shopify_install_record,
    shopify_store_claim,
    shopify_webhooks_subscribe,
    store_member,
)
from .shopify_oauth import (
    OAuthRefused,
    app_configured_or_refuse,
    authorize_url,
    code_exchange,
    scopes_missing,
    signed_query_check,
    state_issue,
    state_take,
)
from .validators import myshopify_domain_valid

logger = logging.getLogger(__name__)

CLAIM_SESSION_KEY = "shopify_store_claim"
# Shopify's mandatory privacy topics: answered 200 even for a shop we hold nothing on.
PRIVACY_TOPICS = ("customers/data_request", "customers/redact", "shop/redact")


def _refused(request: HttpRequest, exc: OAuthRefused) -> HttpResponse:
    context = {"title": exc.title, "detail": exc.detail}
    return render(request, "shopify/refused.html", context, status=exc.status)


def authorize_redirect(request: HttpRequest, *, shop: str, store_id: str = "") -> HttpResponseRedirect:
    """Send this browser to Shopify's authorize page with a state only it holds (its session)."""
    app_configured_or_refuse()
    state = state_issue(request.session, shop=shop, store_id=store_id)
    return HttpResponseRedirect(authorize_url(shop=shop, state=state))


@require_GET
def install(request: HttpRequest) -> HttpResponse:
    """Shopify's app URL: the merchant pressed Install (or opened the app) in their admin."""
    try:
        shop = signed_query_check(request.GET)
        return authorize_redirect(request, shop=shop)
    except OAuthRefused as exc:
        logger.info("Shopify install refused: %s", exc.title)
        return _refused(request, exc)


@require_GET
def callback(request: HttpRequest) -> HttpResponse:
    """Shopify sends the merchant back with a code: check it came from Shopify for this browser, trade the
    code for the token once, keep it, subscribe the webhooks and send the merchant on to Setup."""
    try:
        shop = signed_query_check(request.GET)
        pending = state_take(request.session, state=request.GET.get("state", ""), shop=shop)
        code = request.GET.get("code", "")
        if not code:
            raise OAuthRefused(400, "Shopify sent no code", "Start the install again from Setup or Shopify.")
        grant = code_exchange(shop=shop, code=code)
        installed = shopify_install_record(grant=grant, pending=pending, user=request.user)
    except OAuthRefused as exc:
        logger.info("Shopify callback refused: %s", exc.title)
        return _refused(request, exc)
    except InstallRefused as exc:
        return _refused(request, OAuthRefused(409, "This shop cannot be connected here", exc.detail))
    topics = shopify_webhooks_subscribe(connection=installed.connection)
    _install_messages(request, shop=shop, topics=topics, missing=scopes_missing(grant.scopes))
    setup_url = reverse("dashboard:setup", kwargs={"store_id": installed.store.id})
    if installed.claimable:
        request.session[CLAIM_SESSION_KEY] = str(installed.store.id)
        return redirect_to_login(reverse("shopify-finish"))
    if not request.user.is_authenticated:
        return redirect_to_login(setup_url)
    if not store_member(installed.store, request.user):
        messages.info(
            request,
            f"{shop} is connected to {installed.store.name}, a store you are not a member of: ask its owner "
            "to invite you.",
        )
        return redirect("home")
    return redirect(setup_url)


def _install_messages(request: HttpRequest, *, shop: str, topics: list[str], missing: list[str]) -> None:
    messages.success(request, f"Shopify connected: {shop}.")
    if missing:
        messages.warning(request, f"Shopify did not grant {', '.join(missing)}: some features will not work.")
    if len(topics) < len(APP_WEBHOOK_TOPICS):
        messages.warning(
            request,
            "Some Shopify webhooks could not be registered (see the Shopify card). Press Connect Shopify "
            "again to retry.",
        )


@login_required
def finish(request: HttpRequest) -> HttpResponse:
    """After sign-in: the store this browser installed with nobody signed in becomes the account's."""
    store_id = request.session.pop(CLAIM_SESSION_KEY, "")
    store = shopify_store_claim(store_id=store_id, user=request.user) if store_id else None
    if store is None:
        return redirect("home")  # their own start page (their stores, or creating one)
    messages.success(request, f"{store.name} is yours: finish setting it up.")
    return redirect("dashboard:setup", store_id=store.id)


# --- the app's webhooks -----------------------------------------------------------------------------


class _AppDelivery:
    """Authenticates one app delivery: the app's secret, then the store by the shop's domain."""

    def __init__(self) -> None:
        self.store: Store | None = None

    def __call__(self, request: HttpRequest, body: bytes) -> Store:
        secret = settings.SHOPIFY_API_SECRET
        header = request.headers.get("X-Shopify-Hmac-Sha256", "")
        if not secret or not signing.shopify_hmac_valid(body=body, header=header, secrets=[secret]):
            logger.info("Shopify app webhook refused: bad or missing signature")
            raise webhooks.Reject(401, "Bad or missing signature.")
        shop = request.headers.get("X-Shopify-Shop-Domain", "").strip().lower()
        if not myshopify_domain_valid(shop):
            raise webhooks.Reject(
                400,
                "Missing or bad X-Shopify-Shop-Domain.",
                {"X-Shopify-Shop-Domain": ["A myshopify domain."]},
            )
        connection = ShopifyConnection.objects.select_related("store").filter(shop_domain=shop).first()
        if connection is None:
            if request.headers.get("X-Shopify-Topic", "").strip() in PRIVACY_TOPICS:
                # Signed by Shopify for a shop we never held: nothing to export or erase, and Shopify must
                # hear a 2xx.
                raise webhooks.Reject(200, "No data held for this shop.")
            raise webhooks.Reject(404, "No store for this shop.")
        self.store = connection.store
        return connection.store


@csrf_exempt
@require_POST
def app_webhook(request: HttpRequest) -> JsonResponse:
    """Every app webhook topic, told apart by X-Shopify-Topic, through the same path as the hand-made ones."""
    authenticate = _AppDelivery()
    response = webhooks.receive(
        request, source=SHOPIFY_APP, authenticate=authenticate, describe=webhooks.shopify_describe
    )
    topic = request.headers.get("X-Shopify-Topic", "").strip()
    if topic == "app/uninstalled" and response.status_code == 200 and authenticate.store is not None:
        # Not left to the worker's queue: no text may go out once the merchant has removed the app.
        shopify_app_uninstalled(store=authenticate.store, at=_triggered_at(request))
    return response


def _triggered_at(request: HttpRequest) -> datetime:
    raw = request.headers.get("X-Shopify-Triggered-At", "")
    try:
        at = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return timezone.now()
    return at if at.tzinfo else timezone.now()
