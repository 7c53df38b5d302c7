"""The messaging app's side of the cross-app hooks.

What it does when `stores` announces a change (see `stores.hooks`), and the registries through which it
announces its own to the apps above it, which fill them in their `AppConfig.ready()`:
- MESSAGE_REFUSED_HOOKS (store, message, reason): the provider refused a text for good. Flows marks the
  nudge that sent it failed.
- NUMBER_UNREACHABLE_HOOKS (store, customer, reason): a number cannot take texts (landline, invalid).
  Flows cancels its pending texts.
"""

from collections.abc import Callable

from stores import hooks
from stores.privacy import REDACTED

from .models import Message
from .rules import keyword_rules_seed_default

MESSAGE_REFUSED_HOOKS: list[Callable[..., None]] = []
# Providers the apps above fill, asked while a reply is written:
# - CART_LINK_PROVIDERS (store, cart) -> str: the cart's short link ("" when none; flows' short links).
# - REPLY_WORDING_PROVIDERS (store, kind, language) -> str: the store's own wording of one of the router's
#   replies ("fallback", "holding", "opt_out", "opt_in") in that language ("" for the shipped one).
# - CART_ACTIVITY_PROVIDERS (store, cart) -> (sent reminders, link clicks): the inbox's cart panel.
# - FIRST_TEXT_DELAY_PROVIDERS (store) -> minutes or None: when the flow's first text goes (the simulator).
# - CART_DISCOUNT_CODE_PROVIDERS (store, cart) -> str: the cart's discount code (composer insert).
CART_LINK_PROVIDERS: list[Callable[..., str]] = []
CART_ACTIVITY_PROVIDERS: list[Callable[..., tuple[list, int]]] = []
FIRST_TEXT_DELAY_PROVIDERS: list[Callable[..., int | None]] = []
CART_DISCOUNT_CODE_PROVIDERS: list[Callable[..., str]] = []
REPLY_WORDING_PROVIDERS: list[Callable[..., str]] = []
NUMBER_UNREACHABLE_HOOKS: list[Callable[..., None]] = []


def on_customer_redacted(*, store, customer) -> None:
    Message.objects.for_store(store).filter(thread__customer=customer).update(body=REDACTED)


def customer_messages(*, store, customers) -> list[dict]:
    messages = Message.objects.for_store(store).filter(thread__customer__in=customers)
    return list(messages.values("thread__customer_id", "direction", "body", "status", "created_at"))


def on_store_created(*, store) -> None:
    keyword_rules_seed_default(store=store)


def register() -> None:
    from .sending import outbound_collected  # sending imports this module's registries

    hooks.hook_register(hooks.STORE_CREATED_HOOKS, on_store_created)
    # The replies to a batch of inbound texts go out in chunks once the batch is done.
    hooks.hook_register(hooks.WEBHOOK_BATCH_SCOPES, outbound_collected)
    hooks.hook_register(hooks.CUSTOMER_REDACTED_HOOKS, on_customer_redacted)
    hooks.CUSTOMER_DATA_SECTIONS.setdefault("messages", customer_messages)
