"""May we text this person about this cart? The one answer, used when a cart is enrolled, before each
send, and wherever a page asks.

The answer is a reason (a `NotTextable`, possibly with a detail) or "" when texting is allowed; the reason
is what a cancelled or skipped nudge records.
"""

from enum import StrEnum

from .models import Cart, CartStatus, Customer, SmsStatus, Store
from .phones import phone_is_blank


class NotTextable(StrEnum):
    ORDER_PLACED = "order placed"
    CART_EMPTIED = "cart emptied"
    NO_NUMBER = "no textable number"
    OPTED_OUT = "opted out"
    NO_CONSENT = "no SMS consent"
    UNREACHABLE = "number unreachable"


def store_texting_problem(store: Store) -> str:
    """Why this store sends no cart texts at all (its Shopify app was uninstalled), or "" when it may."""
    return store.sending_stopped_reason


def customer_texting_problem(customer: Customer | None) -> str:
    """Why this shopper may not get a marketing text, or "" when they may."""
    if customer is None or phone_is_blank(customer.phone) or customer.redacted_at:
        return NotTextable.NO_NUMBER
    if customer.sms_status == SmsStatus.UNSUBSCRIBED:
        return NotTextable.OPTED_OUT
    if customer.sms_status != SmsStatus.SUBSCRIBED:
        return NotTextable.NO_CONSENT
    unreachable = customer.unreachable_reason()
    if unreachable:
        return f"{NotTextable.UNREACHABLE}: {unreachable}"
    return ""


def cart_texting_problem(cart: Cart, *, has_items: bool | None = None, ordered: bool = False) -> str:
    """Why this cart may not be texted about, or "" when it may.

    `has_items` and `ordered` let a caller that loaded them for a whole batch avoid a query per cart.
    """
    if ordered or cart.status == CartStatus.RECOVERED or cart.recovered_at:
        return NotTextable.ORDER_PLACED
    if has_items is None:
        has_items = cart.items.exists()
    if not has_items and not cart.total:
        return NotTextable.CART_EMPTIED
    return customer_texting_problem(cart.customer)
