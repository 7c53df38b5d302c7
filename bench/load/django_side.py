"""The load run's Django work, run in a subprocess with the bench settings.

python -m bench.load.django_side seed 4           → the stores: [{"id", "secret", "number", "domain"}, …]
python -m bench.load.django_side watch <parts> <id>… → every 2 s, a line: deliveries, first steps, texts by
                                                     state (those of the comma-separated parts)
python -m bench.load.django_side outcome <id>…    → what the verdict compares with the plan
python -m bench.load.django_side cleanup          → deletes every load store and its rows
"""

import json
import os
import sys
import time

STORE_NAME = "Load Store"


def seed(count: int) -> list[dict]:
    from flows.services import flow_seed_default
    from stores.models import Store

    cleanup()
    stores = []
    for i in range(count):
        store = Store.objects.create(
            name=f"{STORE_NAME} {i + 1}",
            shop_domain=f"load-{i + 1}.myshopify.com",
            sms_number=f"+130355501{i:02d}",
            timezone="America/New_York",
            # A test store: its sender is not what is measured, so it is never the bottleneck.
            sender_rate_per_second=9_999,
        )
        flow_seed_default(store=store)
        stores.append(
            {
                "id": str(store.id),
                "secret": store.webhook_secret,
                "number": store.sms_number,
                "domain": store.shop_domain,
            }
        )
    return stores


def watch(parts: str, store_ids: list[str]) -> None:
    """One process for the whole wait: a Django start-up per look would cost more CPU than the looks.
    `parts`: the comma-separated parts of `progress` the wait looks at (each count reads every row of the
    run: counting the 47,500 deliveries every 2 s while the texts go out cost PostgreSQL 0.1–0.2 s a look)."""
    while True:
        print(json.dumps(progress(store_ids, parts=parts.split(","))), flush=True)
        time.sleep(2)


def progress(store_ids: list[str], *, parts=("events", "first_steps", "texts")) -> dict:
    from django.db.models import Count

    from conversations.models import Message
    from flows.models import Nudge
    from stores.models import WebhookEvent

    def by(queryset, name: str) -> dict:
        return dict(queryset.values_list(name).annotate(n=Count("id")).order_by())

    counts = {
        "events": lambda: by(WebhookEvent.objects.filter(store_id__in=store_ids), "status"),
        "first_steps": lambda: by(Nudge.objects.filter(store_id__in=store_ids, step__position=1), "state"),
        "texts": lambda: by(Message.objects.filter(store_id__in=store_ids, direction="out"), "status"),
    }
    return {part: counts[part]() for part in parts}


def outcome(store_ids: list[str]) -> dict:
    from django.db.models import Max, Min

    from conversations.models import Message
    from flows.models import Nudge
    from stores.models import Cart, WebhookEvent

    mine = {"store_id__in": store_ids}
    first_texts = Nudge.objects.filter(**mine, step__position=1, state="sent").aggregate(
        first=Min("sent_at"), last=Max("sent_at")
    )
    return {
        "first_texts_at": [first_texts["first"], first_texts["last"]],
        "events": list(WebhookEvent.objects.filter(**mine).values_list("source", "key", "status")),
        "carts": list(Cart.objects.filter(**mine).values_list("external_id", "status")),
        "nudges": list(
            Nudge.objects.filter(**mine).values_list("cart__external_id", "step__position", "state")
        ),
        "texts": list(
            Message.objects.filter(**mine, direction="out").values_list(
                "thread__customer__phone", "route", "status", "body"
            )
        ),
    }


def cleanup() -> dict:
    from bench.seed import store_delete
    from stores.models import Store

    stores = list(Store.objects.filter(name__startswith=STORE_NAME))
    for store in stores:
        store_delete(store)
    return {"deleted": len(stores)}


def main(argv: list[str]):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    mode, *args = argv
    if mode == "seed":
        return seed(int(args[0]))
    if mode == "watch":
        return watch(args[0], args[1:])
    if mode == "outcome":
        return outcome(args)
    if mode == "cleanup":
        return cleanup()
    raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:]), default=str))
