"""Rows the benchmarks and proofs seed in their Django subprocesses, and how they delete them again.

Every shopper seeded here is texted by the dispatcher's next tick at `now`: consented, a cart abandoned
50 minutes before, one item, and the flow's first step due 5 minutes before.
"""

from datetime import timedelta


def store_with_first_step(**fields):
    """A store with the default flow cut down to its first step: one text per due cart."""
    from flows.services import flow_seed_default
    from stores.models import Store

    store = Store.objects.create(timezone="America/New_York", **fields)
    step = flow_seed_default(store=store).steps.get(position=1)
    step.flow.steps.exclude(pk=step.pk).update(is_active=False)
    return store, step


def due_carts_seed(*, store, step, now, phones: list[str], key: str) -> None:
    """One shopper per phone, each with an abandoned cart whose nudge is due at `now`."""
    from flows.models import Nudge
    from stores.models import Cart, CartItem, Customer, SmsStatus

    customers = Customer.objects.bulk_create(
        [
            Customer(store=store, phone=phone, first_name="Jamie", sms_status=SmsStatus.SUBSCRIBED)
            for phone in phones
        ]
    )
    carts = Cart.objects.bulk_create(
        [
            Cart(
                store=store,
                customer=customer,
                external_id=f"{key}-{i}",
                checkout_url=f"https://bench.example/checkouts/{key}-{i}",
                total=79,
                subtotal=79,
                last_activity_at=now - timedelta(minutes=50),
            )
            for i, customer in enumerate(customers)
        ]
    )
    CartItem.objects.bulk_create(
        [CartItem(cart=cart, title="Alpine Down Jacket", price=79) for cart in carts]
    )
    Nudge.objects.bulk_create(
        [Nudge(store=store, cart=cart, step=step, due_at=now - timedelta(minutes=5)) for cart in carts]
    )


def store_delete(store) -> None:
    """Delete a seeded store's rows table by table (FKs are deferred to commit, so order is free): the
    ORM's cascade would load every row first."""
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.columns "
            "WHERE column_name = 'store_id' AND table_schema = 'public'"
        )
        tables = [row[0] for row in cursor.fetchall()]
        cursor.execute(
            "DELETE FROM stores_cartitem WHERE cart_id IN (SELECT id FROM stores_cart WHERE store_id = %s)",
            [store.id],
        )
        for table in tables:
            cursor.execute(f'DELETE FROM "{table}" WHERE store_id = %s', [store.id])  # noqa: S608
        cursor.execute("DELETE FROM stores_store WHERE id = %s", [store.id])
