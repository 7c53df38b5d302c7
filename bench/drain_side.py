"""The Django side of `bench_drain`, run as `python -m bench.drain_side <mode> …` with the bench settings.

Modes (each prints one JSON line):

* `setup`: a store with the default flow; its id and webhook secret.
* `progress <store>`: the store's webhook events by status, and the drain's first claim and last finish
  (seconds since the epoch, as the worker stamped them).
* `queries <size>…`: for each batch size, that many distinct checkouts recorded in a store of their own,
  then drained in-process by the worker's own task body with a query counter around it.
* `cleanup <store>`: delete the store table by table.
"""

import json
import sys
import uuid
from datetime import UTC, datetime

import django


def _setup() -> dict:
    from flows.services import flow_seed_default
    from stores.models import Store

    store = Store.objects.create(
        name="Bench Drain",
        shop_domain=f"drain-{uuid.uuid4().hex[:8]}.myshopify.com",
        sms_number="+13035550194",
    )
    flow_seed_default(store=store)
    return {"id": str(store.id), "secret": store.webhook_secret, "domain": store.shop_domain}


def _progress(store_id: str) -> dict:
    from django.db.models import Count, Max, Min

    from stores.models import WebhookEvent

    events = WebhookEvent.objects.filter(store_id=store_id)
    by_status = dict(events.values_list("status").annotate(n=Count("id")).order_by())
    span = events.aggregate(first=Min("claimed_at"), last=Max("processed_at"))
    return {
        "events": by_status,
        "first_claimed": span["first"].timestamp() if span["first"] else None,
        "last_processed": span["last"].timestamp() if span["last"] else None,
    }


def _queries(sizes: list[int]) -> dict:
    """Queries per processed checkout, counted around the drain task's own body (publishing the next drain
    is switched off: the counter wants this process to do all of it)."""
    from unittest import mock

    from django.db import connection

    from bench.load import plan as traffic
    from bench.seed import store_delete
    from stores import tasks
    from stores.models import WebhookEvent
    from stores.services import webhook_event_record
    from tests.fixtures import load

    template = load("shopify_checkouts_create.json")
    figures = {}
    for size in sizes:
        setup = _setup()
        from stores.models import Store

        store = Store.objects.get(pk=setup["id"])
        bench_store = traffic.Store(id=setup["id"], secret="", number="", domain=setup["domain"])
        at = datetime.now(UTC).replace(microsecond=0)
        with mock.patch.object(tasks, "_publish"):
            for i in range(size):
                shopper = traffic.Shopper(
                    checkout=f"q{uuid.uuid4().hex[:12]}", phone=traffic._phone(i), kind="", store=bench_store
                )
                webhook_event_record(
                    store=store,
                    source="shopify",
                    key=f"q-{i}",
                    topic="checkouts/create",
                    payload=json.loads(traffic.checkout_body(template, shopper, at=at)),
                )
            counted = []
            with mock.patch.object(tasks, "DRAIN_BATCH", size), connection.execute_wrapper(_counter(counted)):
                tasks.process_pending_webhook_events.run()
        processed = WebhookEvent.objects.filter(store=store, status=WebhookEvent.Status.PROCESSED).count()
        figures[str(size)] = {"queries": len(counted), "processed": processed}
        store_delete(store)
    return figures


def _counter(counted: list):
    """Counts every statement sent (Django's own query log keeps only the last 9,000)."""

    def count(execute, sql, params, many, context):
        counted.append(sql)
        return execute(sql, params, many, context)

    return count


def _cleanup(store_id: str) -> dict:
    from bench.seed import store_delete
    from stores.models import Store

    store = Store.objects.filter(pk=store_id).first()
    if store is not None:
        store_delete(store)
    return {"deleted": store is not None}


def main(mode: str, *args: str) -> None:
    django.setup()
    if mode == "setup":
        result = _setup()
    elif mode == "progress":
        result = _progress(args[0])
    elif mode == "queries":
        result = _queries([int(a) for a in args])
    elif mode == "cleanup":
        result = _cleanup(args[0])
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    print(json.dumps(result))


if __name__ == "__main__":
    main(*sys.argv[1:])
