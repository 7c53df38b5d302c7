"""A local Shopify-compatible Admin API for tests (loopback only).

Serves `POST /<shop>/admin/api/<version>/graphql.json` with Shopify's answer shapes: `data`, top-level
`errors` (with `extensions.code`), and `extensions.cost` with its `throttleStatus`. Point the project at it
with `settings.SHOPIFY_ADMIN_URL = server.admin_url` (`http://127.0.0.1:<port>/{shop}`).

It is not a GraphQL engine: each operation is dispatched on the document's first root field
(`discountCodeBasicCreate`, `nodes`, …) to a handler in `GRAPHQL_HANDLERS`, which reads the variables and
answers the fields our code selects. Add an operation with `@graphql_handler("rootField")`; add other HTTP
routes (OAuth) with `@http_route("GET", r"^/(?P<shop>[^/]+)/admin/oauth/authorize$")`.

    with FakeShopifyServer() as shopify:
        settings.SHOPIFY_ADMIN_URL = shopify.admin_url
        token = shopify.install("demo.myshopify.com")
        shopify.set_variant("demo.myshopify.com", 111, available=False, inventory=0, price="20.00")
        shopify.plan(throttled(), server_error(503))
"""

import json
import re
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit

from .loopback import LoopbackServer

PORT_RANGE = range(8200, 8250)
_GRAPHQL = re.compile(r"^/(?P<shop>[^/]+)/admin/api/(?P<version>[^/]+)/graphql\.json$")
_ROOT_FIELD = re.compile(r"^\s*(?:(?:query|mutation)\b[^{]*)?\{\s*(?:\w+\s*:\s*)?(\w+)", re.S)
MAXIMUM_AVAILABLE = 2000.0
RESTORE_RATE = 100.0


@dataclass(frozen=True)
class Action:
    """How to answer one GraphQL request instead of running it."""

    status: int = 200
    throttle: bool = False
    # throttleStatus reported with a THROTTLED answer; the default means a wait of 0.05 s
    currently_available: float = 5.0
    restore_rate: float = RESTORE_RATE


def throttled(*, currently_available: float = 5.0, restore_rate: float = RESTORE_RATE) -> Action:
    """A THROTTLED answer (HTTP 200, as the GraphQL Admin API gives it) with this throttleStatus."""
    return Action(throttle=True, currently_available=currently_available, restore_rate=restore_rate)


def server_error(status: int = 503) -> Action:
    return Action(status=status)


@dataclass
class Received:
    shop: str
    version: str
    operation: str  # the root field
    variables: dict
    answered: int = 0


@dataclass
class _State:
    tokens: dict[str, str] = field(default_factory=dict)  # access token → shop
    actions: list[Action] = field(default_factory=list)
    requests: list[Received] = field(default_factory=list)
    discounts: list[dict] = field(default_factory=list)
    variants: dict[str, dict[str, dict]] = field(default_factory=dict)  # shop → gid → variant
    refuse_discounts: str = ""  # when set: every discountCodeBasicCreate is refused with this message
    extra: dict = field(default_factory=dict)  # room for added handlers' state (OAuth codes, webhooks…)
    lock: threading.Lock = field(default_factory=threading.Lock)


class GraphQLError(Exception):
    """A handler's top-level error (bad variables): answered as `errors` with this code."""

    def __init__(self, message: str, code: str = "BAD_USER_INPUT") -> None:
        super().__init__(message)
        self.code = code


# root field → handler(state, shop, variables, query) → (data for the root field, requested cost)
Handler = Callable[[_State, str, dict, str], tuple[object, int]]
GRAPHQL_HANDLERS: dict[str, Handler] = {}
# (method, compiled path pattern, handler(request_handler, match, query, body))
HTTP_ROUTES: list[tuple[str, re.Pattern, Callable]] = []


def graphql_handler(root_field: str) -> Callable[[Handler], Handler]:
    def register(function: Handler) -> Handler:
        GRAPHQL_HANDLERS[root_field] = function
        return function

    return register


def http_route(method: str, pattern: str) -> Callable[[Callable], Callable]:
    def register(function: Callable) -> Callable:
        HTTP_ROUTES.append((method, re.compile(pattern), function))
        return function

    return register


def variant_gid(variant_id: int | str) -> str:
    value = str(variant_id)
    return value if value.startswith("gid://") else f"gid://shopify/ProductVariant/{value}"


@graphql_handler("nodes")
def _nodes(state: _State, shop: str, variables: dict, query: str) -> tuple[object, int]:
    ids = variables.get("ids")
    if not isinstance(ids, list):
        raise GraphQLError("Variable $ids of type [ID!]! was provided invalid value", "INVALID_VARIABLE")
    if len(ids) > 250:
        raise GraphQLError("The maximum number of ids is 250.", "MAX_INPUT_SIZE_EXCEEDED")
    with state.lock:
        known = state.variants.get(shop, {})
        nodes = [dict(known[gid]) if gid in known else None for gid in ids]
    return nodes, 1 + len(ids)


def _discount_value(gets: dict) -> tuple[dict, list[dict]]:
    """customerGets.value → (the DiscountCodeBasic value, userErrors)."""
    value = (gets or {}).get("value") or {}
    path = ["basicCodeDiscount", "customerGets", "value"]
    if "percentage" in value:
        try:
            percentage = float(value["percentage"])
        except (TypeError, ValueError):
            percentage = -1.0
        if not 0 < percentage <= 1:
            return {}, [
                _user_error([*path, "percentage"], "VALUE_OUTSIDE_RANGE", "Value must be between 0.0 and 1.0")
            ]
        return {"__typename": "DiscountPercentage", "percentage": percentage}, []
    if "discountAmount" in value:
        amount = (value["discountAmount"] or {}).get("amount")
        try:
            decimal = Decimal(str(amount))
        except InvalidOperation:
            decimal = Decimal(-1)
        if decimal <= 0:
            return {}, [
                _user_error(
                    [*path, "discountAmount", "amount"], "GREATER_THAN", "Value must be greater than 0"
                )
            ]
        return {
            "__typename": "DiscountAmount",
            "amount": {"amount": str(decimal), "currencyCode": "USD"},
            "appliesOnEachItem": bool(value["discountAmount"].get("appliesOnEachItem")),
        }, []
    return {}, [_user_error(path, "BLANK", "Value can't be blank")]


def _user_error(path: list[str], code: str, message: str) -> dict:
    return {"field": path, "code": code, "message": message, "extraInfo": None}


@graphql_handler("discountCodeBasicCreate")
def _discount_code_basic_create(state: _State, shop: str, variables: dict, query: str) -> tuple[object, int]:
    given = variables.get("basicCodeDiscount")
    if not isinstance(given, dict):
        raise GraphQLError(
            "Variable $basicCodeDiscount of type DiscountCodeBasicInput! was provided invalid value"
        )
    errors: list[dict] = []
    code = str(given.get("code") or "")
    if not code:
        errors.append(_user_error(["basicCodeDiscount", "code"], "BLANK", "Code can't be blank"))
    if not given.get("title"):
        errors.append(_user_error(["basicCodeDiscount", "title"], "BLANK", "Title can't be blank"))
    value, value_errors = _discount_value(given.get("customerGets") or {})
    errors += value_errors
    starts, ends = given.get("startsAt"), given.get("endsAt")
    if starts and ends and _moment(ends) <= _moment(starts):
        errors.append(
            _user_error(["basicCodeDiscount", "endsAt"], "INVALID", "Ends at needs to be after starts_at")
        )
    with state.lock:
        if state.refuse_discounts:
            errors.append(_user_error(["basicCodeDiscount"], "INVALID", state.refuse_discounts))
        taken = any(d["code"].lower() == code.lower() for d in state.discounts if d["shop"] == shop)
        if code and taken:
            errors.append(
                _user_error(
                    ["basicCodeDiscount", "code"],
                    "TAKEN",
                    "Code must be unique. Please try a different code.",
                )
            )
        if errors:
            return {"codeDiscountNode": None, "userErrors": errors}, 10
        discount = {
            "shop": shop,
            "id": f"gid://shopify/DiscountCodeNode/{len(state.discounts) + 1}",
            "code": code,
            "title": given.get("title"),
            "startsAt": starts,
            "endsAt": ends,
            "usageLimit": given.get("usageLimit"),
            "appliesOncePerCustomer": bool(given.get("appliesOncePerCustomer")),
            "context": given.get("context"),
            "value": value,
            "items": ((given.get("customerGets") or {}).get("items")),
        }
        state.discounts.append(discount)
    node = {
        "id": discount["id"],
        "codeDiscount": {
            "__typename": "DiscountCodeBasic",
            "title": discount["title"],
            "startsAt": starts,
            "endsAt": ends,
            "usageLimit": discount["usageLimit"],
            "appliesOncePerCustomer": discount["appliesOncePerCustomer"],
            "codes": {"nodes": [{"code": code}]},
            "customerGets": {"value": value},
        },
    }
    return {"codeDiscountNode": node, "userErrors": []}, 10


def _moment(value: str) -> datetime:
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError as exc:
        raise GraphQLError(f"Invalid DateTime: {value}", "INVALID_VARIABLE") from exc


def _cost(requested: float, actual: float | None, available: float, restore_rate: float) -> dict:
    return {
        "cost": {
            "requestedQueryCost": requested,
            "actualQueryCost": actual,
            "throttleStatus": {
                "maximumAvailable": MAXIMUM_AVAILABLE,
                "currentlyAvailable": available,
                "restoreRate": restore_rate,
            },
        }
    }


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, *args):  # quiet test output
        pass

    @property
    def state(self) -> _State:
        return self.server.state

    def answer(self, status: int, payload: object, headers: dict | None = None) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _route(self, method: str) -> bool:
        parts = urlsplit(self.path)
        for route_method, pattern, function in HTTP_ROUTES:
            if route_method == method and (match := pattern.match(parts.path)):
                query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                function(self, match, query, self._body() if method == "POST" else b"")
                return True
        return False

    def do_GET(self):
        if not self._route("GET"):
            self.answer(404, {"errors": "Not Found"})

    def do_POST(self):
        match = _GRAPHQL.match(urlsplit(self.path).path)
        if match is None:
            if not self._route("POST"):
                self.answer(404, {"errors": "Not Found"})
            return
        body = self._body()
        shop = match["shop"]
        with self.state.lock:
            token_shop = self.state.tokens.get(self.headers.get("X-Shopify-Access-Token", ""))
        if token_shop != shop:
            return self.answer(
                401,
                {"errors": "[API] Invalid API key or access token (unrecognized login or wrong password)"},
            )
        try:
            request = json.loads(body)
            query, variables = request["query"], request.get("variables") or {}
        except (ValueError, KeyError, TypeError):
            return self.answer(400, {"errors": {"query": "Required parameter missing or invalid"}})
        root = _ROOT_FIELD.match(query)
        received = Received(shop, match["version"], root[1] if root else "", variables)
        with self.state.lock:
            self.state.requests.append(received)
            action = self.state.actions.pop(0) if self.state.actions else None
        status, payload = self._graphql(received, query, action)
        received.answered = status  # before answering: a test may look as soon as the client returns
        self.answer(status, payload)

    def _graphql(self, received: Received, query: str, action: Action | None) -> tuple[int, object]:
        """The status and body of one GraphQL request."""
        if action is not None and action.throttle:
            throttled_error = {
                "message": "Throttled",
                "extensions": {
                    "code": "THROTTLED",
                    "documentation": "https://shopify.dev/api/usage/rate-limits",
                },
            }
            cost = _cost(10, None, action.currently_available, action.restore_rate)
            return 200, {"errors": [throttled_error], "extensions": cost}
        if action is not None:
            return action.status, {"errors": "Internal Server Error"}
        handler = GRAPHQL_HANDLERS.get(received.operation)
        if handler is None:
            undefined = {
                "message": f"Field '{received.operation}' doesn't exist on type 'QueryRoot'",
                "extensions": {"code": "undefinedField", "fieldName": received.operation},
            }
            return 200, {"errors": [undefined]}
        try:
            data, cost = handler(self.state, received.shop, received.variables, query)
        except GraphQLError as exc:
            return 200, {"errors": [{"message": str(exc), "extensions": {"code": exc.code}}]}
        extensions = _cost(cost, cost, MAXIMUM_AVAILABLE - cost, RESTORE_RATE)
        return 200, {"data": {received.operation: data}, "extensions": extensions}


class FakeShopifyServer(LoopbackServer):
    """A threaded server on the first free port of `ports` (8200–8249); use as a context manager."""

    name = "fake Shopify"
    handler = _Handler

    def __init__(self, ports: range = PORT_RANGE) -> None:
        super().__init__(ports, _State())

    @property
    def admin_url(self) -> str:
        """The value for settings.SHOPIFY_ADMIN_URL."""
        return self.url + "/{shop}"

    def install(self, shop: str, token: str = "") -> str:
        """Give `shop` an Admin API access token (as OAuth would); returns it."""
        token = token or "shpat_" + uuid.uuid4().hex
        with self.state.lock:
            self.state.tokens[token] = shop
        return token

    def plan(self, *actions: Action) -> None:
        """How to answer the next GraphQL requests, in order; afterwards every request runs."""
        with self.state.lock:
            self.state.actions.extend(actions)

    def set_variant(
        self,
        shop: str,
        variant_id: int | str,
        *,
        available: bool = True,
        inventory: int = 10,
        price: str = "10.00",
        compare_at_price: str | None = None,
        title: str = "Default Title",
        product_title: str = "Product",
    ) -> str:
        """Create or replace a product variant of `shop`; returns its GID."""
        gid = variant_gid(variant_id)
        with self.state.lock:
            self.state.variants.setdefault(shop, {})[gid] = {
                "__typename": "ProductVariant",
                "id": gid,
                "title": title,
                "displayName": f"{product_title} - {title}",
                "availableForSale": available,
                "inventoryQuantity": inventory,
                "price": price,
                "compareAtPrice": compare_at_price,
                "product": {"title": product_title},
            }
        return gid

    def refuse_discounts(self, message: str = "Discount limit reached") -> None:
        """Refuse every later discountCodeBasicCreate with a userError ("" to accept again)."""
        with self.state.lock:
            self.state.refuse_discounts = message

    @property
    def requests(self) -> list[Received]:
        with self.state.lock:
            return list(self.state.requests)

    def calls(self, operation: str) -> list[Received]:
        return [r for r in self.requests if r.operation == operation]

    @property
    def discounts(self) -> list[dict]:
        with self.state.lock:
            return list(self.state.discounts)
