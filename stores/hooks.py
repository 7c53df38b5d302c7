"""The named hook registries through which `stores`, the ground floor, causes effects in the apps above it.

`stores` imports no other domain app. When something happens here that an upper app must follow up (flows
cancels pending texts, billing attributes an order), the upper app adds a function to a registry in its
`AppConfig.ready()`, and the service here calls every function in it, inside its own transaction.

The registries, each called with keyword arguments:
- STORE_CREATED_HOOKS (store): a store was created (or the demo store found); each hook is idempotent.
  Flows seeds the recommended flow, conversations the starter keyword rules.
- CART_ACTIVE_HOOKS (store, cart): a shopper's cart was seen or changed and is not bought. Flows enrolls it
  in the flow or moves its pending texts.
- CARTS_ACTIVE_HOOKS (store, carts, with_items): the set form of CART_ACTIVE_HOOKS, for known carts
  updated together by the webhook drain (each once, none bought; `with_items`: the ids of those with
  items). The drain runs CART_ACTIVE_HOOKS per cart instead unless both registries hold as many hooks.
- NEW_CARTS_HOOKS (store, carts, with_items): the set form of CART_ACTIVE_HOOKS, for carts just created
  together by the webhook drain (none bought, none with pending texts; `with_items`: the ids of those
  with items). Every app on CART_ACTIVE_HOOKS adds its set form here too: the drain writes a set only
  while both registries hold as many hooks.
- CONSENT_GRANTED_HOOKS (store, customer, event): a shopper newly subscribed. Flows sends the CTIA
  confirmation text when the store chose a separate one.
- CART_CLOSED_HOOKS (store, cart, customer, reason): a cart was bought (customer given: all their carts
  stop) or closed by the shop (customer None). Flows cancels pending texts.
- CARTS_BOUGHT_HOOKS (store, carts, reason): the set form of CART_CLOSED_HOOKS for carts bought (each
  with its own customer), written together by the webhook drain. Flows cancels their pending texts.
- ORDER_RECORDED_HOOKS (store, order): a new order was recorded. Flows cancels the texts of a shopper whose
  order matched no cart; billing attributes the order.
- NEW_ORDERS_HOOKS (store, orders): the set form of ORDER_RECORDED_HOOKS, for orders recorded together by
  the webhook drain, in the order received. Every app on CART_CLOSED_HOOKS and ORDER_RECORDED_HOOKS adds
  its set form to these two: the drain writes orders as a set only while the registries pair up.
- CONSENT_CHANGED_HOOKS (store, customer, event, reason): a consent event was recorded. Flows cancels the
  pending texts of a revocation, with `reason`.
- CUSTOMER_REDACTED_HOOKS (store, customer): a shopper's data is being erased. Flows cancels their texts;
  conversations blanks their messages.
- SENDING_STOPPED_HOOKS (store, reason): the store's sending was stopped (its Shopify app uninstalled).
  Flows cancels every pending text of the store, with `reason`.
- CUSTOMER_DATA_SECTIONS, name -> rows(store, customers): the sections other apps add to a shopper's data
  export (conversations: "messages").
- WEBHOOK_BATCH_SCOPES, () -> context manager: entered around a claimed batch of webhook deliveries (the
  drain), outside its transactions, and left once the batch is done, committed or not. Conversations
  collects the texts the batch queues (the router's replies) and delivers them in chunks after it.
"""

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TypeVar

Hook = Callable[..., None]
AnyHook = TypeVar("AnyHook", bound=Callable)

STORE_CREATED_HOOKS: list[Hook] = []
CART_ACTIVE_HOOKS: list[Hook] = []
CARTS_ACTIVE_HOOKS: list[Hook] = []
NEW_CARTS_HOOKS: list[Hook] = []
CONSENT_CHANGED_HOOKS: list[Hook] = []
CONSENT_GRANTED_HOOKS: list[Hook] = []
CART_CLOSED_HOOKS: list[Hook] = []
ORDER_RECORDED_HOOKS: list[Hook] = []
CARTS_BOUGHT_HOOKS: list[Hook] = []
NEW_ORDERS_HOOKS: list[Hook] = []
CUSTOMER_REDACTED_HOOKS: list[Hook] = []
SENDING_STOPPED_HOOKS: list[Hook] = []
CUSTOMER_DATA_SECTIONS: dict[str, Callable[..., list]] = {}
WEBHOOK_BATCH_SCOPES: list[Callable[[], AbstractContextManager]] = []


def hook_register(registry: list[AnyHook], hook: AnyHook) -> None:
    """Add a hook once, however often `ready()` runs (tests and management commands may run it again)."""
    if hook not in registry:
        registry.append(hook)


def hooks_run(registry: list[Hook], **kwargs) -> None:
    for hook in registry:
        hook(**kwargs)
