"""What the nudge engine does when the floor below announces a change (see `stores.hooks`)."""

from stores import hooks
from stores.models import ConsentEvent

from .services import (
    consent_confirmation_send,
    nudges_cancel_pending,
    nudges_schedule_for_cart,
    nudges_schedule_for_new_carts,
)


def on_cart_active(*, store, cart) -> None:
    nudges_schedule_for_cart(store=store, cart=cart)


def on_new_carts(*, store, carts, with_items) -> None:
    nudges_schedule_for_new_carts(store=store, carts=carts, with_items=with_items)


def on_consent_changed(*, store, customer, event, reason: str) -> None:
    if event.kind == ConsentEvent.Kind.REVOKED:
        nudges_cancel_pending(store=store, reason=reason, customer=customer)


def on_cart_closed(*, store, cart, customer, reason: str) -> None:
    """A bought cart ends the texts about every cart of the shopper; a closed one only its own."""
    nudges_cancel_pending(store=store, reason=reason, cart=cart)
    if customer is not None:
        nudges_cancel_pending(store=store, reason=reason, customer=customer)


def on_order_recorded(*, store, order) -> None:
    """An order that matched no cart still means the shopper bought: no more reminders."""
    if order.cart_id is None and order.customer_id is not None:
        nudges_cancel_pending(store=store, reason="ordered", customer=order.customer)


def on_customer_redacted(*, store, customer) -> None:
    nudges_cancel_pending(store=store, reason="customer data erased", customer=customer)


def register() -> None:
    hooks.hook_register(hooks.CART_ACTIVE_HOOKS, on_cart_active)
    hooks.hook_register(hooks.NEW_CARTS_HOOKS, on_new_carts)
    hooks.hook_register(hooks.CONSENT_CHANGED_HOOKS, on_consent_changed)
    hooks.hook_register(hooks.CONSENT_GRANTED_HOOKS, consent_confirmation_send)
    hooks.hook_register(hooks.CART_CLOSED_HOOKS, on_cart_closed)
    hooks.hook_register(hooks.ORDER_RECORDED_HOOKS, on_order_recorded)
    hooks.hook_register(hooks.CUSTOMER_REDACTED_HOOKS, on_customer_redacted)
