"""Shopify's OAuth (authorization code grant) for our app: the checks on what Shopify sends, the state bound
to the browser, the authorize URL and the one code exchange. No database here; `stores.shopify_install`
records what an install gives us.

Shopify signs the query of the install and callback requests: `hmac` is the hex HMAC-SHA256, keyed with
the app's secret (SHOPIFY_API_SECRET), of the other parameters decoded, sorted by name and joined as
`name=value&…` (docs/shopify.md cites the page).
"""

import hashlib
import hmac
import logging
import secrets
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

import requests
from django.conf import settings

from .validators import myshopify_domain_valid

logger = logging.getLogger(__name__)

# How far Shopify's `timestamp` may be from our clock: a captured install or callback link stops working.
TIMESTAMP_TOLERANCE_SECONDS = 5 * 60
# How long a state handed to the browser may wait for Shopify to send the merchant back.
STATE_TTL_SECONDS = 30 * 60
# States one browser may hold at once (several tabs, an abandoned try): the oldest go first.
STATES_PER_SESSION = 5
SESSION_KEY = "shopify_oauth_states"
EXCHANGE_TIMEOUT = (5, 15)  # connect, read (seconds)


class OAuthRefused(Exception):
    """What we tell the browser when an install or callback request cannot go on."""

    def __init__(self, status: int, title: str, detail: str) -> None:
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail


def app_configured() -> bool:
    return bool(settings.SHOPIFY_API_KEY and settings.SHOPIFY_API_SECRET)


def app_configured_or_refuse() -> None:
    if not app_configured():
        raise OAuthRefused(
            503,
            "The Shopify app is not set up on this server",
            "SHOPIFY_API_KEY and SHOPIFY_API_SECRET must both be set (docs/shopify.md). "
            "Until then, connect the shop with hand-made webhooks from Setup.",
        )


# --- what Shopify sends ---------------------------------------------------------------------------


def query_message(pairs: Iterable[tuple[str, str]]) -> str:
    """The signed message: every parameter but `hmac` (and the legacy `signature`), decoded, sorted.

    `%`, `&` and `=` inside names, and `%` and `&` inside values, are escaped as Shopify's own libraries do,
    so a value cannot pose as another parameter.
    """
    parts = []
    for name, value in pairs:
        if name in ("hmac", "signature"):
            continue
        name = name.replace("%", "%25").replace("=", "%3D")
        value = value.replace("%", "%25")
        parts.append(f"{name}={value}".replace("&", "%26"))
    return "&".join(sorted(parts))


def query_hmac(pairs: Iterable[tuple[str, str]], *, secret: str) -> str:
    return hmac.new(secret.encode(), query_message(pairs).encode(), hashlib.sha256).hexdigest()


def query_hmac_valid(query: Mapping, *, secret: str) -> bool:
    """`query`: a QueryDict (or a dict of lists). A repeated parameter is refused: Shopify sends none."""
    given = _single(query, "hmac")
    if not given or not secret:
        return False
    pairs = [(name, _single(query, name)) for name in query]
    if any(_repeated(query, name) for name in query):
        return False
    return hmac.compare_digest(query_hmac(pairs, secret=secret).encode(), given.lower().encode())


def _repeated(query: Mapping, name: str) -> bool:
    values = query.getlist(name) if hasattr(query, "getlist") else query[name]
    return isinstance(values, list) and len(values) > 1


def _single(query: Mapping, name: str) -> str:
    values = query.getlist(name) if hasattr(query, "getlist") else query.get(name)
    if isinstance(values, list):
        return values[0] if values else ""
    return values or ""


def signed_query_check(query: Mapping, *, now: float | None = None) -> str:
    """Check a request Shopify signed (install or callback); returns its shop's myshopify domain."""
    app_configured_or_refuse()
    if not query_hmac_valid(query, secret=settings.SHOPIFY_API_SECRET):
        raise OAuthRefused(
            400,
            "This link is not from Shopify",
            "Its signature (hmac) does not match. Start the install again from Shopify or from Setup.",
        )
    shop = _single(query, "shop")
    if not myshopify_domain_valid(shop):
        raise OAuthRefused(
            400, "Not a Shopify shop", f"{shop[:100]!r} is not a shop address like your-store.myshopify.com."
        )
    timestamp = _single(query, "timestamp")
    now = time.time() if now is None else now
    if (
        not (timestamp.isascii() and timestamp.isdigit())
        or abs(now - int(timestamp)) > TIMESTAMP_TOLERANCE_SECONDS
    ):
        raise OAuthRefused(
            400,
            "This link has expired",
            "Shopify's links work for a few minutes. Start the install again from Shopify or from Setup.",
        )
    return shop


# --- the state bound to this browser ----------------------------------------------------------------


@dataclass(frozen=True)
class PendingInstall:
    shop: str
    store_id: str  # the store a signed-in manager is connecting from Setup; "" from Shopify's install


def state_issue(session, *, shop: str, store_id: str = "", now: float | None = None) -> str:
    """A random state for one authorize round trip, kept in this browser's session until it comes back."""
    now = time.time() if now is None else now
    states = {k: v for k, v in session.get(SESSION_KEY, {}).items() if now - v["at"] < STATE_TTL_SECONDS}
    while len(states) >= STATES_PER_SESSION:
        states.pop(min(states, key=lambda k: states[k]["at"]))
    state = secrets.token_urlsafe(24)
    states[state] = {"shop": shop, "store_id": store_id, "at": now}
    session[SESSION_KEY] = states
    return state


def state_take(session, *, state: str, shop: str, now: float | None = None) -> PendingInstall:
    """The install this state was issued for, once: the state is gone from the session afterwards."""
    now = time.time() if now is None else now
    states = dict(session.get(SESSION_KEY, {}))
    pending = states.pop(state, None) if state else None
    session[SESSION_KEY] = states
    if pending is None or now - pending["at"] >= STATE_TTL_SECONDS:
        raise OAuthRefused(
            400,
            "This install link was already used or was not started here",
            "The state does not match one this browser was given (or it was used before). "
            "Start again from Setup or from Shopify, in the same browser.",
        )
    if not hmac.compare_digest(pending["shop"].encode(), shop.encode()):
        raise OAuthRefused(
            400, "Another shop answered", "Shopify sent back a different shop than the one asked."
        )
    return PendingInstall(shop=pending["shop"], store_id=pending["store_id"])


# --- to Shopify and back ------------------------------------------------------------------------------


def admin_base_url(shop: str) -> str:
    """Where this shop's OAuth and Admin API live (SHOPIFY_ADMIN_URL, `{shop}` filled in)."""
    return settings.SHOPIFY_ADMIN_URL.format(shop=shop).rstrip("/")


def redirect_uri() -> str:
    return f"{settings.PUBLIC_BASE_URL}/shopify/callback"


def scopes_requested() -> str:
    return ",".join(s.strip() for s in settings.SHOPIFY_SCOPES.split(",") if s.strip())


def authorize_url(*, shop: str, state: str) -> str:
    query = urlencode(
        {
            "client_id": settings.SHOPIFY_API_KEY,
            "scope": scopes_requested(),
            "redirect_uri": redirect_uri(),
            "state": state,
        }
    )
    return f"{admin_base_url(shop)}/admin/oauth/authorize?{query}"


def form_action_origins() -> list[str]:
    """Where a form that starts the install may end up after its redirects (the page's CSP form-action)."""
    template = settings.SHOPIFY_ADMIN_URL
    if urlsplit(template.format(shop="x.myshopify.com")).hostname == "x.myshopify.com":
        # Shopify's authorize page moves on to its admin and its sign-in.
        scheme = urlsplit(template).scheme
        return [f"{scheme}://*.myshopify.com", "https://admin.shopify.com", "https://accounts.shopify.com"]
    parts = urlsplit(template.format(shop="x"))
    return [f"{parts.scheme}://{parts.netloc}"]


@dataclass(frozen=True)
class Grant:
    access_token: str
    scopes: str


def code_exchange(*, shop: str, code: str) -> Grant:
    """Trade the callback's code for the shop's offline token (once: Shopify refuses a code used before)."""
    url = f"{admin_base_url(shop)}/admin/oauth/access_token"
    data = {
        "client_id": settings.SHOPIFY_API_KEY,
        "client_secret": settings.SHOPIFY_API_SECRET,
        "code": code,
    }
    try:
        response = requests.post(
            url, json=data, timeout=EXCHANGE_TIMEOUT, headers={"Accept": "application/json"}
        )
    except requests.RequestException as exc:
        logger.warning("Shopify code exchange for %s failed: %s", shop, type(exc).__name__)
        raise OAuthRefused(
            502, "Shopify did not answer", "We could not reach Shopify to finish the install; try again."
        ) from exc
    body = _json_or_empty(response)
    token = body.get("access_token") if isinstance(body, dict) else None
    if response.status_code != 200 or not isinstance(token, str) or not token:
        logger.warning("Shopify refused the code exchange for %s: HTTP %s", shop, response.status_code)
        raise OAuthRefused(
            400,
            "Shopify refused the install",
            "Shopify did not accept the authorization code (it may have been used already). "
            "Start again from Setup or from Shopify.",
        )
    scope = body.get("scope")
    scope = scope if isinstance(scope, str) else ""
    logger.info("Shopify install of %s granted scopes %s", shop, scope)
    return Grant(access_token=token, scopes=scope)


def _json_or_empty(response: requests.Response) -> dict:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def scopes_missing(granted: str) -> list[str]:
    """Requested scopes the grant lacks. A `write_x` grant covers `read_x`, as Shopify's scopes do."""
    have = {s.strip() for s in granted.split(",") if s.strip()}
    have |= {"read_" + s.removeprefix("write_") for s in have if s.startswith("write_")}
    return [s for s in scopes_requested().split(",") if s and s not in have]
