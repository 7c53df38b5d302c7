"""The proofs' Django work, run in a subprocess with the proof settings: seed, tick, count, clean up.

python -m bench.proof.django_side seed 200        → {"store_id": …, "webhook_secret": …}
python -m bench.proof.django_side tick [batch]    → the tick's report
python -m bench.proof.django_side status <store>  → messages and nudges by state
python -m bench.proof.django_side webhooks <store> → the keys of the webhook deliveries committed
python -m bench.proof.django_side cleanup <store>
"""

import json
import os
import sys
from datetime import UTC, datetime, timedelta

# 12:00 in New York on a Wednesday: inside every quiet-hours window whatever the wall clock says.
TICK_AT = datetime(2026, 3, 4, 17, 0, tzinfo=UTC)
STORE_NAME = "Proof Faults"


def seed(count: int) -> dict:
    from flows.models import Nudge
    from flows.services import flow_seed_default
    from stores.models import Cart, CartItem, Customer, SmsStatus, Store

    for leftover in Store.objects.filter(name=STORE_NAME):  # from a run that was interrupted
        cleanup(str(leftover.id))
    store = Store.objects.create(
        name=STORE_NAME,
        sms_number="+13035550197",
        timezone="America/New_York",
        sender_rate_per_second=9_999,
    )
    step = flow_seed_default(store=store).steps.get(position=1)
    step.flow.steps.exclude(pk=step.pk).update(is_active=False)
    customers = Customer.objects.bulk_create(
        [
            Customer(
                store=store, phone=f"+1212555{i:04d}", first_name="Jamie", sms_status=SmsStatus.SUBSCRIBED
            )
            for i in range(count)
        ]
    )
    carts = Cart.objects.bulk_create(
        [
            Cart(
                store=store,
                customer=customer,
                external_id=f"proof-{i}",
                checkout_url=f"https://proof.example/checkouts/{i}",
                total=79,
                subtotal=79,
                last_activity_at=TICK_AT - timedelta(minutes=50),
            )
            for i, customer in enumerate(customers)
        ]
    )
    CartItem.objects.bulk_create(
        [CartItem(cart=cart, title="Alpine Down Jacket", price=79) for cart in carts]
    )
    Nudge.objects.bulk_create(
        [Nudge(store=store, cart=cart, step=step, due_at=TICK_AT - timedelta(minutes=5)) for cart in carts]
    )
    return {"store_id": str(store.id), "webhook_secret": store.webhook_secret}


def tick(batch_size: int | None = None) -> dict:
    """What Celery beat's `dispatch_due` runs, at TICK_AT; the texts go to the workers via the broker.
    A small `batch_size` makes two concurrent ticks interleave batch by batch."""
    from flows.dispatcher import BATCH_SIZE, nudge_dispatch_due

    return nudge_dispatch_due(now=TICK_AT, batch_size=batch_size or BATCH_SIZE).as_dict()


def status(store_id: str) -> dict:
    from django.db.models import Count

    from conversations.models import Message, SendAttempt
    from flows.models import Nudge

    messages = Message.objects.filter(store_id=store_id, route="nudge")
    return {
        "messages": dict(messages.values_list("status").annotate(n=Count("id"))),
        "nudges": dict(Nudge.objects.filter(store_id=store_id).values_list("state").annotate(n=Count("id"))),
        "attempts": dict(
            SendAttempt.objects.filter(store_id=store_id).values_list("outcome").annotate(n=Count("id"))
        ),
        "bodies": list(messages.values_list("body", "status", "error_code")),
    }


def webhooks(store_id: str) -> dict:
    from stores.models import WebhookEvent

    return {"keys": list(WebhookEvent.objects.filter(store_id=store_id).values_list("key", flat=True))}


def cleanup(store_id: str) -> dict:
    from bench.bench_dispatcher import _cleanup
    from stores.models import Store

    store = Store.objects.filter(id=store_id).first()
    if store is not None:
        _cleanup(store)
    return {"deleted": store_id}


def main(argv: list[str]) -> dict:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.proof.settings")
    import django

    django.setup()
    mode, *args = argv
    if mode == "seed":
        return seed(int(args[0]))
    if mode == "tick":
        return tick(*(int(a) for a in args))
    if mode == "status":
        return status(args[0])
    if mode == "webhooks":
        return webhooks(args[0])
    if mode == "cleanup":
        return cleanup(args[0])
    raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:])))
