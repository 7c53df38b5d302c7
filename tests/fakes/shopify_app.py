"""Our Shopify app's side of the fake Shopify (`tests.fakes.shopify_server`): OAuth and webhook subscriptions.

Importing this module adds, to every `FakeShopifyServer`:
- `GET /<shop>/admin/oauth/authorize`: the merchant approves at once; 302 back to `redirect_uri` with
  `code`, `shop`, `state`, `timestamp`, `host` and `hmac` signed with the app's secret, as Shopify does;
- `POST /<shop>/admin/oauth/access_token` (JSON or form): a code is good once, for its shop and app;
  answers `{"access_token", "scope"}` and the token then works on the GraphQL API;
- GraphQL `webhookSubscriptionCreate` (a topic + address already subscribed is a userError, as at Shopify)
  and `shop { name }`.

    with FakeShopifyServer() as shopify:
        app_register(shopify, api_key="key", secret="secret")
        ...
        uninstall(shopify, "demo.myshopify.com")   # what Shopify does before sending app/uninstalled
"""

import base64
import hashlib
import hmac
import json
import secrets
import time
from urllib.parse import parse_qs, urlencode, urlsplit

from .shopify_server import FakeShopifyServer, GraphQLError, _State, graphql_handler, http_route


def app_register(server: FakeShopifyServer, *, api_key: str, secret: str, scopes: str = "") -> None:
    """The app the fake knows (its client id and secret); `scopes`: what it grants ("" = what is asked)."""
    with server.state.lock:
        server.state.extra["app"] = {"api_key": api_key, "secret": secret, "scopes": scopes}
        server.state.extra.setdefault("codes", {})
        server.state.extra.setdefault("webhooks", {})
        server.state.extra.setdefault("authorizations", [])
        server.state.extra.setdefault("exchanges", [])


def signed_query(params: dict, *, secret: str) -> dict:
    """`params` plus Shopify's `hmac` (hex HMAC-SHA256 of the sorted `name=value&…` of the others)."""
    message = "&".join(f"{k}={v}" for k, v in sorted(params.items()))
    return {**params, "hmac": hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()}


def install_query(shop: str, *, secret: str, timestamp: int | None = None) -> dict:
    """The query Shopify puts on the app URL when a merchant installs or opens the app."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    return signed_query({"shop": shop, "timestamp": str(timestamp), "host": _host(shop)}, secret=secret)


def _host(shop: str) -> str:
    return base64.b64encode(f"admin.shopify.com/store/{shop.split('.')[0]}".encode()).decode().rstrip("=")


def webhooks(server: FakeShopifyServer, shop: str) -> list[dict]:
    with server.state.lock:
        return [dict(w) for w in server.state.extra.get("webhooks", {}).get(shop, [])]


def exchanges(server: FakeShopifyServer) -> list[dict]:
    with server.state.lock:
        return list(server.state.extra.get("exchanges", []))


def set_shop_name(server: FakeShopifyServer, shop: str, name: str) -> None:
    with server.state.lock:
        server.state.extra.setdefault("shop_names", {})[shop] = name


def uninstall(server: FakeShopifyServer, shop: str) -> None:
    """As Shopify does on uninstall: the shop's tokens stop working and its app webhooks are deleted."""
    with server.state.lock:
        for token in [t for t, s in server.state.tokens.items() if s == shop]:
            del server.state.tokens[token]
        server.state.extra.get("webhooks", {}).pop(shop, None)


@http_route("GET", r"^/(?P<shop>[^/]+)/admin/oauth/authorize$")
def _authorize(handler, match, query: dict, body: bytes) -> None:
    state: _State = handler.state
    shop = match["shop"]
    with state.lock:
        app = state.extra.get("app")
        if not app or query.get("client_id") != app["api_key"]:
            return handler.answer(400, {"error": "invalid_request", "error_description": "Unknown client_id"})
        code = secrets.token_hex(16)
        state.extra["codes"][code] = {
            "shop": shop,
            "scope": app["scopes"] or query.get("scope", ""),
            "used": False,
        }
        state.extra["authorizations"].append(dict(query, shop=shop))
    params = {
        "code": code,
        "host": _host(shop),
        "shop": shop,
        "state": query.get("state", ""),
        "timestamp": str(int(time.time())),
    }
    location = query.get("redirect_uri", "") + "?" + urlencode(signed_query(params, secret=app["secret"]))
    handler.send_response(302)
    handler.send_header("Location", location)
    handler.send_header("Content-Length", "0")
    handler.end_headers()


@http_route("POST", r"^/(?P<shop>[^/]+)/admin/oauth/access_token$")
def _access_token(handler, match, query: dict, body: bytes) -> None:
    state: _State = handler.state
    shop = match["shop"]
    if (handler.headers.get("Content-Type") or "").startswith("application/json"):
        given = json.loads(body or b"{}")
    else:
        given = {k: v[0] for k, v in parse_qs(body.decode()).items()}
    with state.lock:
        app = state.extra.get("app") or {}
        grant = state.extra.get("codes", {}).get(given.get("code", ""))
        state.extra.setdefault("exchanges", []).append({"shop": shop, "code": given.get("code", "")})
        good_app = given.get("client_id") == app.get("api_key") and given.get("client_secret") == app.get(
            "secret"
        )
        if not good_app or grant is None or grant["used"] or grant["shop"] != shop:
            return handler.answer(
                400,
                {
                    "error": "invalid_request",
                    "error_description": "The authorization code was not found or was already used",
                },
            )
        grant["used"] = True
        token = "shpat_" + secrets.token_hex(16)
        state.tokens[token] = shop
    handler.answer(200, {"access_token": token, "scope": grant["scope"]})


@graphql_handler("webhookSubscriptionCreate")
def _webhook_subscription_create(state: _State, shop: str, variables: dict, query: str) -> tuple[object, int]:
    topic = variables.get("topic")
    given = variables.get("webhookSubscription")
    if not isinstance(topic, str) or not isinstance(given, dict):
        raise GraphQLError("Variable $topic of type WebhookSubscriptionTopic! was provided invalid value")
    # The input fields this Shopify knows (2025-10: both; older versions: callbackUrl only).
    known = state.extra.get("address_fields", {"uri", "callbackUrl"})
    for field in {"uri", "callbackUrl"} & set(given) - known:
        raise GraphQLError(f"InputObject 'WebhookSubscriptionInput' doesn't accept argument '{field}'")
    uri = given.get("uri") or given.get("callbackUrl") or ""
    with state.lock:
        subscriptions = state.extra.setdefault("webhooks", {}).setdefault(shop, [])
        if any(w["topic"] == topic and w["uri"] == uri for w in subscriptions):
            error = {
                "field": ["webhookSubscription", "callbackUrl"],
                "message": "Address for this topic has already been taken",
            }
            return {"webhookSubscription": None, "userErrors": [error]}, 10
        if urlsplit(uri).scheme not in ("https", "http"):
            error = {"field": ["webhookSubscription", "uri"], "message": "Address is invalid"}
            return {"webhookSubscription": None, "userErrors": [error]}, 10
        subscription = {
            "id": f"gid://shopify/WebhookSubscription/{secrets.randbelow(10**9)}",
            "topic": topic,
            "uri": uri,
            "format": given.get("format", "JSON"),
        }
        subscriptions.append(subscription)
    return {"webhookSubscription": {k: subscription[k] for k in ("id", "topic", "uri")}, "userErrors": []}, 10


@graphql_handler("shop")
def _shop(state: _State, shop: str, variables: dict, query: str) -> tuple[object, int]:
    with state.lock:
        name = state.extra.get("shop_names", {}).get(shop) or shop.split(".")[0].replace("-", " ").title()
    return {"name": name}, 1
