"""Stock and price before every cart text, read from the shop's Shopify admin (docs/shopify.md).

The variants of a dispatcher batch's carts are read in one `nodes(ids:)` query per shop (250 ids a call),
each variant's answer cached for `CACHE_SECONDS` so a burst of texts costs a few calls. What the
dispatcher does with it: a cart whose every item is sold out is not texted ("out of stock"), sold-out items
are left out of the text, and a price drop since the cart was left may be said by `{price_drop}`.

An item without a variant id, a store without the Shopify app, or Shopify down: nothing is known, and the
text goes as before (Shopify down is logged).
"""

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from uuid import UUID

from django.core.cache import cache

from stores.models import Cart, CartItem, Store
from stores.shopify_admin import AdminClient, ShopifyAdminError, admin_client

logger = logging.getLogger("cartrecovery.flows")

CACHE_SECONDS = 60
IDS_PER_CALL = 250  # Shopify's limit for nodes(ids:)
OUT_OF_STOCK = "out of stock"

_VARIANTS = """
query CartVariants($ids: [ID!]!) {
  nodes(ids: $ids) { ... on ProductVariant { id availableForSale inventoryQuantity price } }
}
"""


@dataclass(frozen=True)
class VariantState:
    available: bool
    price: Decimal | None = None
    inventory: int | None = None


@dataclass(frozen=True)
class PriceDrop:
    title: str
    was: Decimal
    now: Decimal


@dataclass
class BatchStock:
    """What Shopify said about the variants of a batch's carts: (store id, variant GID) → state."""

    variants: dict[tuple[UUID, str], VariantState] = field(default_factory=dict)

    def state(self, item: CartItem, store_id: UUID) -> VariantState | None:
        gid = variant_gid(item.variant_id)
        return self.variants.get((store_id, gid)) if gid else None

    def sold_out(self, cart: Cart, items: list[CartItem]) -> bool:
        """Every item of the cart known to be unavailable."""
        states = [self.state(item, cart.store_id) for item in items]
        return bool(states) and all(s is not None and not s.available for s in states)

    def in_stock(self, cart: Cart, items: list[CartItem]) -> list[CartItem]:
        """The items to speak of: all but those known to be sold out."""
        return [i for i in items if (s := self.state(i, cart.store_id)) is None or s.available]

    def price_drop(self, cart: Cart, items: list[CartItem]) -> PriceDrop | None:
        """The biggest drop below the price the shopper saw, among the items still for sale."""
        drops = []
        for item in self.in_stock(cart, items):
            state = self.state(item, cart.store_id)
            if state is not None and state.price is not None and state.price < item.price:
                drops.append(((item.price - state.price) * item.quantity, item.position, item, state.price))
        if not drops:
            return None
        _, _, item, now = max(drops, key=lambda d: (d[0], -d[1]))
        return PriceDrop(title=item.title, was=item.price, now=now)


def variant_gid(variant_id: str) -> str:
    variant_id = (variant_id or "").strip()
    if not variant_id or variant_id.startswith("gid://"):
        return variant_id
    return f"gid://shopify/ProductVariant/{variant_id}" if variant_id.isdigit() else ""


def batch_stock_read(carts: Iterable[Cart], items: dict[int, list[CartItem]]) -> BatchStock:
    """The stock of every variant in these carts: cache first, then one query per shop for the rest."""
    wanted: dict[UUID, set[str]] = defaultdict(set)
    stores: dict[UUID, Store] = {}
    for cart in carts:
        gids = {variant_gid(i.variant_id) for i in items.get(cart.id, [])} - {""}
        if gids:
            wanted[cart.store_id] |= gids
            stores[cart.store_id] = cart.store
    stock = BatchStock()
    for store_id, gids in wanted.items():
        client = admin_client(stores[store_id])
        if client is None:
            continue
        for gid, state in _variants_read(client, sorted(gids)).items():
            stock.variants[(store_id, gid)] = state
    return stock


def _cache_key(shop: str, gid: str) -> str:
    return f"shopify:variant:{shop}:{gid}"


def _variants_read(client: AdminClient, gids: list[str]) -> dict[str, VariantState]:
    keys = {_cache_key(client.shop_domain, gid): gid for gid in gids}
    found = {keys[key]: VariantState(**value) for key, value in cache.get_many(list(keys)).items()}
    missing = [gid for gid in gids if gid not in found]
    fresh: dict[str, VariantState] = {}
    for start in range(0, len(missing), IDS_PER_CALL):
        chunk = missing[start : start + IDS_PER_CALL]
        try:
            nodes = client.execute(_VARIANTS, {"ids": chunk}).get("nodes") or []
        except ShopifyAdminError as exc:
            logger.warning(
                "shop %s: stock of %d variants unknown, texting as before: %s",
                client.shop_domain,
                len(chunk),
                exc,
            )
            break
        fresh.update(_states(chunk, nodes))
    if fresh:
        cache.set_many(
            {_cache_key(client.shop_domain, gid): vars(state) for gid, state in fresh.items()},
            timeout=CACHE_SECONDS,
        )
    return {**found, **fresh}


def _states(gids: list[str], nodes: list) -> dict[str, VariantState]:
    """nodes(ids:) answers in the order asked, null for a variant that no longer exists (not for sale)."""
    states = {}
    for gid, node in zip(gids, nodes, strict=False):
        if not isinstance(node, dict):
            states[gid] = VariantState(available=False)
            continue
        states[gid] = VariantState(
            available=bool(node.get("availableForSale")),
            price=_decimal(node.get("price")),
            inventory=node.get("inventoryQuantity"),
        )
    return states


def _decimal(value) -> Decimal | None:
    try:
        return Decimal(str(value)) if value is not None else None
    except InvalidOperation:
        return None
