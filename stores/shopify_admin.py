"""Shopify's Admin GraphQL API: the one client every Admin call goes through (docs/shopify.md).

`requests` (already installed for `twilio`, a well-kept HTTP library) gives a kept-alive session and clean
timeouts; urllib would need both written by hand.

What the client owns, so no caller repeats it:
- the URL (`SHOPIFY_ADMIN_URL` + `/admin/api/<SHOPIFY_API_VERSION>/graphql.json`) and the token header;
- timeouts, and retries with exponential back-off on connection errors and 5xx answers;
- Shopify's cost-based throttling: a `THROTTLED` answer (HTTP 200 or 429) waits
  (requested cost − currently available) / restore rate seconds, as `extensions.cost.throttleStatus` says,
  capped, then tries again;
- top-level GraphQL `errors` → `ShopifyAdminError`; a mutation's `userErrors` → `ShopifyUserError`;
- one log line per call (operation, shop, cost, duration, tries) — never the token.
"""

import logging
import re
import time
from typing import Any

import requests
from django.conf import settings

logger = logging.getLogger("cartrecovery.shopify")

MAX_TRIES = 4
BACKOFF_SECONDS = 0.5  # settings.SHOPIFY_RETRY_BACKOFF overrides: 0.5, 1, 2 s between the tries
THROTTLE_WAIT_MAX_SECONDS = 5.0  # settings.SHOPIFY_THROTTLE_WAIT_MAX overrides
_OPERATION = re.compile(r"^\s*(?:query|mutation)\s+(\w+)")
_ROOT_FIELD = re.compile(r"\{\s*(\w+)")


class ShopifyAdminError(Exception):
    """The call failed: transport or 5xx after the retries, throttled too long, refused (401/403/404…), or
    GraphQL's top-level errors. `code` is Shopify's error code (e.g. "THROTTLED") or "HTTP_<status>"."""

    def __init__(self, message: str, *, code: str = "", status: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.status = status


class ShopifyUserError(ShopifyAdminError):
    """A mutation's `userErrors`: Shopify understood the call and refused the input."""

    def __init__(self, operation: str, user_errors: list[dict]) -> None:
        self.user_errors = user_errors
        super().__init__(f"{operation} refused: {_user_errors_text(user_errors)}", code="USER_ERRORS")


def _user_errors_text(user_errors: list[dict]) -> str:
    parts = []
    for error in user_errors:
        field = ".".join(str(f) for f in (error.get("field") or []))
        message = error.get("message") or error.get("code") or "invalid"
        parts.append(f"{field}: {message}" if field else str(message))
    return "; ".join(parts)


def operation_name(query: str) -> str:
    """The named operation (`query VariantStock(...)` → "VariantStock"), else the first root field."""
    if match := _OPERATION.match(query):
        return match[1]
    match = _ROOT_FIELD.search(query)
    return match[1] if match else "anonymous"


class _Retry(Exception):
    def __init__(self, error: ShopifyAdminError, wait: float) -> None:
        self.error = error
        self.wait = wait


class AdminClient:
    """One shop's Admin GraphQL API. Cheap to build; keeps its HTTP connection open between calls."""

    def __init__(self, shop_domain: str, access_token: str, *, timeout: float = 10.0) -> None:
        self.shop_domain = shop_domain
        self._access_token = access_token
        self.timeout = timeout
        self.url = (
            settings.SHOPIFY_ADMIN_URL.format(shop=shop_domain)
            + f"/admin/api/{settings.SHOPIFY_API_VERSION}/graphql.json"
        )
        self._session = requests.Session()

    def __repr__(self) -> str:  # no token in tracebacks' locals or debug output
        return f"<AdminClient {self.shop_domain}>"

    def execute(self, query: str, variables: dict | None = None) -> dict:
        """Run a query or mutation; returns its `data`."""
        operation = operation_name(query)
        started = time.monotonic()
        tries = 0
        cost: Any = None
        try:
            while True:
                tries += 1
                try:
                    body = self._post(query, variables)
                    cost = _cost(body)
                    return self._data(body)
                except _Retry as retry:
                    if tries >= MAX_TRIES:
                        raise retry.error from None
                    logger.info(
                        "shopify %s shop=%s retry %d in %.2fs: %s",
                        operation,
                        self.shop_domain,
                        tries,
                        retry.wait,
                        retry.error,
                    )
                    time.sleep(retry.wait * _backoff_factor(retry, tries))
        except ShopifyAdminError as exc:
            logger.warning(
                "shopify %s shop=%s failed after %d tries in %dms: %s",
                operation,
                self.shop_domain,
                tries,
                (time.monotonic() - started) * 1000,
                exc,
            )
            raise
        finally:
            logger.info(
                "shopify %s shop=%s cost=%s duration_ms=%d tries=%d",
                operation,
                self.shop_domain,
                cost,
                (time.monotonic() - started) * 1000,
                tries,
            )

    def mutate(self, query: str, variables: dict, payload_key: str) -> dict:
        """Run a mutation; returns `data[payload_key]`, or raises `ShopifyUserError` on its `userErrors`."""
        payload = self.execute(query, variables).get(payload_key)
        if payload is None:
            raise ShopifyAdminError(f"{payload_key}: no payload in Shopify's answer", code="NO_PAYLOAD")
        if payload.get("userErrors"):
            raise ShopifyUserError(payload_key, payload["userErrors"])
        return payload

    def _post(self, query: str, variables: dict | None) -> dict:
        try:
            response = self._session.post(
                self.url,
                json={"query": query, "variables": variables or {}},
                headers={"X-Shopify-Access-Token": self._access_token, "Accept": "application/json"},
                timeout=self.timeout,
            )
        except requests.RequestException as exc:
            raise _Retry(
                ShopifyAdminError(f"Shopify unreachable: {type(exc).__name__}", code="TRANSPORT"), 1
            ) from exc
        body = _json(response)
        if response.status_code == 429 or _throttled(body):
            raise _Retry(
                ShopifyAdminError(
                    "Shopify throttled the call", code="THROTTLED", status=response.status_code
                ),
                _throttle_wait(body, response),
            )
        if response.status_code >= 500:
            raise _Retry(
                ShopifyAdminError(
                    f"Shopify answered {response.status_code}",
                    code=f"HTTP_{response.status_code}",
                    status=response.status_code,
                ),
                1,
            )
        if response.status_code != 200:
            detail = body.get("errors") if isinstance(body, dict) else None
            raise ShopifyAdminError(
                f"Shopify answered {response.status_code}: {str(detail or response.reason)[:200]}",
                code=f"HTTP_{response.status_code}",
                status=response.status_code,
            )
        return body

    @staticmethod
    def _data(body: dict) -> dict:
        errors = body.get("errors")
        if errors:
            raise ShopifyAdminError(_errors_text(errors), code=_errors_code(errors))
        data = body.get("data")
        if not isinstance(data, dict):
            raise ShopifyAdminError("Shopify's answer has no data", code="NO_DATA")
        return data


def _backoff_factor(retry: _Retry, tries: int) -> float:
    """Throttle waits are already computed from the bucket; other waits grow 0.5, 1, 2 s."""
    if retry.error.code == "THROTTLED":
        return 1.0
    return float(getattr(settings, "SHOPIFY_RETRY_BACKOFF", BACKOFF_SECONDS)) * 2 ** (tries - 1)


def _json(response: requests.Response) -> dict:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _cost(body: dict) -> Any:
    cost = (body.get("extensions") or {}).get("cost") or {}
    return cost.get("actualQueryCost", cost.get("requestedQueryCost"))


def _throttled(body: dict) -> bool:
    errors = body.get("errors")
    return isinstance(errors, list) and any(
        isinstance(e, dict) and (e.get("extensions") or {}).get("code") == "THROTTLED" for e in errors
    )


def _throttle_wait(body: dict, response: requests.Response) -> float:
    """Seconds until the bucket holds the requested cost: (requested − available) / restore rate."""
    cap = float(getattr(settings, "SHOPIFY_THROTTLE_WAIT_MAX", THROTTLE_WAIT_MAX_SECONDS))
    cost = (body.get("extensions") or {}).get("cost") or {}
    status = cost.get("throttleStatus") or {}
    try:
        missing = float(cost["requestedQueryCost"]) - float(status["currentlyAvailable"])
        wait = max(missing, 1.0) / float(status["restoreRate"])
    except (KeyError, TypeError, ValueError, ZeroDivisionError):
        try:
            wait = float(response.headers.get("Retry-After", "1"))
        except ValueError:
            wait = 1.0
    return min(max(wait, 0.0), cap)


def _errors_text(errors: Any) -> str:
    if isinstance(errors, list):
        return "; ".join(str(e.get("message", e)) if isinstance(e, dict) else str(e) for e in errors)[:500]
    return str(errors)[:500]


def _errors_code(errors: Any) -> str:
    if isinstance(errors, list):
        for error in errors:
            if isinstance(error, dict) and (code := (error.get("extensions") or {}).get("code")):
                return str(code)
    return "GRAPHQL_ERRORS"


def admin_client(store: Any, *, timeout: float = 10.0) -> AdminClient | None:
    """The store's Admin API client, or None when it has no active Shopify connection."""
    from .models import ShopifyConnection

    try:
        connection = store.shopify_connection
    except ShopifyConnection.DoesNotExist:
        return None
    if not connection.is_active:
        return None
    return AdminClient(connection.shop_domain, connection.access_token, timeout=timeout)
