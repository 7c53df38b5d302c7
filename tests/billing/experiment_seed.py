"""Hundreds of texts of a step experiment, with the orders they recovered, in a handful of INSERTs."""

from datetime import datetime, timedelta
from decimal import Decimal
from itertools import count

from billing.models import Attribution
from conversations.models import Message, Thread
from flows.models import Click, Nudge, ShortLink, Step
from flows.variants import variant_assign
from stores.models import Cart, Customer, Order
from tests.stores.factories import CartFactory, CustomerFactory

_serial = count()


def experiment_texts_seed(
    *,
    step: Step,
    at: datetime,
    texts: dict[str, int],
    recovered: dict[str, int],
    order_total: str = "100.00",
    clicked: dict[str, int] | None = None,
) -> list[Nudge]:
    """`texts[key]` sent texts per variant, carts picked so the assignment hash really gives that variant;
    the first `recovered[key]` of each bought (an attributed order of `order_total`), the first `clicked`
    clicked their link."""
    store = step.store
    wanted = dict(texts)
    picked: list[tuple[str, int]] = []
    serial = next(_serial) * 1_000_000
    # Cart ids are not known before the INSERT: draw ids from the sequence's future by creating carts
    # and keeping those whose hash lands in a variant still short of texts.
    while any(wanted.values()):
        need = sum(wanted.values())
        customers = Customer.objects.bulk_create(
            [
                CustomerFactory.build(store=store, phone=f"+1415{(serial + len(picked) + i) % 10**7:07d}")
                for i in range(need * 2)
            ]
        )
        carts = Cart.objects.bulk_create(
            [
                CartFactory.build(
                    store=store,
                    customer=c,
                    last_activity_at=at,
                    checkout_token=f"exp-{serial}-{c.pk}",
                )
                for c in customers
            ]
        )
        for cart in carts:
            key = variant_assign(step_id=step.pk, cart_id=cart.pk, variants=step.variants)
            if wanted.get(key, 0) > 0:
                wanted[key] -= 1
                picked.append((key, cart.pk))
    carts_by_id = Cart.objects.select_related("customer").in_bulk([pk for _, pk in picked])
    nudges = Nudge.objects.bulk_create(
        [
            Nudge(
                store=store,
                cart_id=pk,
                step=step,
                state=Nudge.State.SENT,
                due_at=at,
                sent_at=at,
                variant=key,
            )
            for key, pk in picked
        ]
    )
    threads = Thread.objects.bulk_create(
        [
            Thread(store=store, customer_id=carts_by_id[n.cart_id].customer_id, status=Thread.Status.BOT)
            for n in nudges
        ]
    )
    messages = Message.objects.bulk_create(
        [
            Message(
                store=store,
                thread=thread,
                direction=Message.Direction.OUT,
                body=f"variant {n.variant}",
                status=Message.Status.DELIVERED,
                route="nudge",
                nudge=n,
            )
            for n, thread in zip(nudges, threads, strict=True)
        ]
    )
    left = dict(recovered)
    clicks_left = dict(clicked or {})
    orders, attributions, links = [], [], []
    for nudge, message in zip(nudges, messages, strict=True):
        cart = carts_by_id[nudge.cart_id]
        if clicks_left.get(nudge.variant, 0) > 0:
            clicks_left[nudge.variant] -= 1
            links.append(
                ShortLink(
                    store=store,
                    code=f"x{serial}n{nudge.pk}",
                    cart=cart,
                    nudge=nudge,
                    message=message,
                    target_url=cart.checkout_url,
                )
            )
        if left.get(nudge.variant, 0) <= 0:
            continue
        left[nudge.variant] -= 1
        order = Order(
            store=store,
            external_id=f"exp-{serial}-{nudge.pk}",
            cart=cart,
            customer=cart.customer,
            checkout_token=cart.checkout_token,
            total=Decimal(order_total),
            placed_at=at + timedelta(hours=1),
        )
        orders.append(order)
        attributions.append((order, message))
    Order.objects.bulk_create(orders)
    Attribution.objects.bulk_create(
        [
            Attribution(
                store=store,
                order=order,
                cart=order.cart,
                message=message,
                step=step,
                touch=Attribution.Touch.CLICK,
                placed_at=order.placed_at,
                order_total=order.total,
                order_currency="USD",
                revenue=order.total,
                fee=Decimal("5.00"),
                fee_currency="USD",
            )
            for order, message in attributions
        ]
    )
    for link in ShortLink.objects.bulk_create(links):
        Click.objects.create(store=store, link=link, at=at + timedelta(minutes=5))
    return nudges
