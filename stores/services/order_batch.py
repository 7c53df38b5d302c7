"""New orders for carts the store already has, written as a set: what `order_record` does for each, in a
constant number of statements for the whole set. `stores.webhook_batch` decides which orders qualify (a
new order id, its cart found by the shop's keys, nothing else in the batch naming the order, its cart,
its shopper or the shopper's other carts) and reads their customers and carts; this module only writes.
"""

import logging
from dataclasses import dataclass

from django.utils import timezone

from stores.hooks import NEW_ORDERS_HOOKS, hooks_run
from stores.models import Cart, Customer, Order, Store
from stores.schemas import OrderData

from .shoppers import carts_mark_recovered, customers_upsert, order_fields

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class NewOrder:
    data: OrderData
    phone_e164: str  # "" when the order's number cannot take texts
    customer: Customer | None  # the store's customer with that number, when there is one
    cart: Cart  # the cart `cart_find` finds for it; its customer is None or the same shopper


def orders_record_new(*, store: Store, new_orders: list[NewOrder]) -> list[Order]:
    """Customers (one INSERT for new numbers, one UPDATE for changed details), the orders (one INSERT),
    their carts marked recovered (one UPDATE) and the hooks' set forms: the carts' and their shoppers'
    pending texts cancelled, billing's attribution.

    Every order is new: a concurrent writer that recorded one first makes the INSERT fail on its unique
    key, and the caller then processes the batch one delivery at a time.
    """
    now = timezone.now()
    customers = customers_upsert(
        store=store,
        contacts={n.phone_e164: n.data.contact for n in new_orders if n.phone_e164},
        known={n.phone_e164: n.customer for n in new_orders if n.customer is not None},
    )
    orders = Order.objects.bulk_create(
        [
            Order(
                store=store,
                external_id=n.data.external_id,
                cart=n.cart,
                **order_fields(
                    store=store,
                    data=n.data,
                    customer=customers.get(n.phone_e164) or n.cart.customer,
                    placed_at=n.data.placed_at or now,
                ),
            )
            for n in new_orders
        ]
    )
    bought = [(n.cart, o.placed_at) for n, o in zip(new_orders, orders, strict=True)]
    carts_mark_recovered(store=store, bought=bought, reason="ordered")
    hooks_run(NEW_ORDERS_HOOKS, store=store, orders=orders)
    logger.info("store %s: %d orders written as a set", store.pk, len(orders))
    return orders
