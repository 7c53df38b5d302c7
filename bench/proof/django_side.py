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
from datetime import UTC, datetime

# 12:00 in New York on a Wednesday: inside every quiet-hours window whatever the wall clock says.
TICK_AT = datetime(2026, 3, 4, 17, 0, tzinfo=UTC)
STORE_NAME = "Proof Faults"


def seed(count: int) -> dict:
    from bench.seed import due_carts_seed, store_with_first_step
    from stores.models import Store

    for leftover in Store.objects.filter(name=STORE_NAME):  # from a run that was interrupted
        cleanup(str(leftover.id))
    store, step = store_with_first_step(
        name=STORE_NAME, sms_number="+13035550197", sender_rate_per_second=9_999
    )
    phones = [f"+1212555{i:04d}" for i in range(count)]
    due_carts_seed(store=store, step=step, now=TICK_AT, phones=phones, key="proof")
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
    from bench.seed import store_delete
    from stores.models import Store

    store = Store.objects.filter(id=store_id).first()
    if store is not None:
        store_delete(store)
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
