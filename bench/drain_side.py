"""The Django side of `bench_drain`, run as `python -m bench.drain_side <mode> …` with the bench settings.

Modes (each prints one JSON line):

* `setup`: a store with the default flow; its id and webhook secret.
* `progress <store>`: the store's webhook events by status, and the drain's first claim and last finish
  (seconds since the epoch, as the worker stamped them).
* `queries <size>…`: for each batch size, that many distinct checkouts recorded in a store of their own,
  then drained in-process by the worker's own task body with a query counter around it.
* `mix <webhooks> <processes>`: the load run's stream (`bench/load/plan.py`: four stores, 5 % orders, no
  re-deliveries, which the web tier answers without recording) recorded up front, then drained by that
  many processes at once, each running the drain task's body until its claim comes back empty: the rate,
  the drain's CPU per delivery, the share of the processes' time spent waiting for the stores'
  evidence chain heads (which a batch holds until it commits), statements per delivery and the
  deliveries left to one by one.
* `updates <checkouts>`: that many new checkouts drained, then a `checkouts/update` of each (the box
  ticked again, a minute later) drained in-process: CPU, statements and deliveries left to one by one,
  per update (since 2026-12-04, issue 13: known carts' updates as a set).
* `stops <count> <rounds>`: that many STOP texts from as many new numbers (as the load run's opt-outs)
  recorded in a store of their own, then drained in-process with their confirmations delivered
  in-process to the fake Twilio (`SMS_BACKEND=twilio`, the sender's limit out of the way): once with the
  replies each delivered by its own `deliver_message` (as before 2026-12-04 16:00), once collected per
  batch (`outbound_collected`: `deliver_messages`), alternately, `rounds` times each. Per STOP: wall
  and CPU time (this thread's) of the drain with its deliveries, of the deliveries alone, and the
  claims (each one durable commit).
* `cleanup <store>`: delete the store table by table.
"""

import json
import os
import resource
import sys
import time
import uuid
from datetime import UTC, datetime

import django


def _setup(*, sms_number: str = "+13035550194") -> dict:
    from flows.services import flow_seed_default
    from stores.models import Store

    store = Store.objects.create(
        name="Bench Drain",
        shop_domain=f"drain-{uuid.uuid4().hex[:8]}.myshopify.com",
        sms_number=sms_number,
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


def _mix(webhooks: int, processes: int) -> dict:
    from unittest import mock

    from django.db import connections

    from bench.load import plan as traffic
    from bench.seed import store_delete
    from stores import tasks
    from stores.models import Store, WebhookEvent
    from stores.services import webhook_event_record
    from tests.fixtures import load

    stores = [_setup(sms_number=f"+1303555018{n}") for n in range(4)]
    bench_stores = [traffic.Store(id=s["id"], secret="", number="", domain=s["domain"]) for s in stores]
    by_id = {s["id"]: Store.objects.get(pk=s["id"]) for s in stores}
    plan = traffic.plan_build(webhooks=webhooks, stores=bench_stores)
    checkout, order = load("shopify_checkouts_create.json"), load("shopify_orders_create.json")
    at = datetime.now(UTC).replace(microsecond=0)
    recorded = set()
    with mock.patch.object(tasks, "_publish"):
        for delivery in plan.deliveries:
            if delivery.webhook_id in recorded:
                continue
            recorded.add(delivery.webhook_id)
            ordered = delivery.topic == "orders/create"
            build = traffic.order_body if ordered else traffic.checkout_body
            webhook_event_record(
                store=by_id[delivery.shopper.store.id],
                source="shopify",
                key=delivery.webhook_id,
                topic=delivery.topic,
                payload=json.loads(build(order if ordered else checkout, delivery.shopper, at=at)),
            )
    connections.close_all()
    started, children = time.monotonic(), {}
    for _ in range(processes):
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read)
            os.write(write, json.dumps(_drain_until_empty()).encode())
            os._exit(0)
        os.close(write)
        children[pid] = read
    waited, statements, one_by_one = 0.0, 0, 0
    for pid, read in children.items():
        with os.fdopen(read) as pipe:
            child = json.loads(pipe.read() or "{}")
        waited += child.get("waited", 0.0)
        statements += child.get("statements", 0)
        one_by_one += child.get("one_by_one", 0)
        os.waitpid(pid, 0)
    seconds = time.monotonic() - started
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    processed = WebhookEvent.objects.filter(store__in=list(by_id.values()), status="processed").count()
    for store in by_id.values():
        store_delete(store)
    return {
        "events": len(recorded),
        "processed": processed,
        "seconds": seconds,
        "cpu_ms_per_event": 1000 * (used.ru_utime + used.ru_stime) / max(processed, 1),
        "head_wait_share": waited / (processes * seconds),
        "queries_per_event": statements / max(processed, 1),
        "one_by_one": one_by_one,
    }


def _drain_until_empty() -> dict:
    """In a forked child: drain until a claim is empty; the seconds spent waiting for chain heads, the
    statements sent and the deliveries left to one by one."""
    from unittest import mock

    from django.db import connection

    from stores import handlers, tasks

    lock, waited = handlers.evidence_heads_lock, [0.0]

    def timed(**kwargs):
        began = time.monotonic()
        lock(**kwargs)
        waited[0] += time.monotonic() - began

    counted: list = []
    single = mock.Mock(wraps=handlers.webhook_event_process)
    with (
        mock.patch.object(tasks, "_publish"),
        mock.patch.object(handlers, "evidence_heads_lock", timed),
        mock.patch.object(handlers, "webhook_event_process", single),
        connection.execute_wrapper(_counter(counted)),
    ):
        while tasks.process_pending_webhook_events.run():
            pass
    return {"waited": waited[0], "statements": len(counted), "one_by_one": single.call_count}


def _updates(count: int) -> dict:
    from datetime import timedelta
    from unittest import mock

    from django.db import connection

    from bench.load import plan as traffic
    from bench.seed import store_delete
    from stores import handlers, tasks
    from stores.models import Store
    from stores.services import webhook_event_record
    from tests.fixtures import load

    template = load("shopify_checkouts_create.json")
    setup = _setup()
    store = Store.objects.get(pk=setup["id"])
    bench_store = traffic.Store(id=setup["id"], secret="", number="", domain=setup["domain"])
    at = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=5)
    shoppers = [
        traffic.Shopper(
            checkout=f"u{uuid.uuid4().hex[:12]}", phone=traffic._phone(i), kind="", store=bench_store
        )
        for i in range(count)
    ]

    def drained(topic: str, when: datetime) -> dict:
        for i, shopper in enumerate(shoppers):
            payload = json.loads(traffic.checkout_body(template, shopper, at=when))
            webhook_event_record(
                store=store, source="shopify", key=f"{topic}-{i}", topic=topic, payload=payload
            )
        counted, single = [], mock.Mock(wraps=handlers.webhook_event_process)
        before = resource.getrusage(resource.RUSAGE_SELF)
        with (
            mock.patch.object(handlers, "webhook_event_process", single),
            connection.execute_wrapper(_counter(counted)),
        ):
            while tasks.process_pending_webhook_events.run():
                pass
        used = resource.getrusage(resource.RUSAGE_SELF)
        cpu = used.ru_utime - before.ru_utime + used.ru_stime - before.ru_stime
        return {
            "cpu_ms": 1000 * cpu / count,
            "queries": len(counted) / count,
            "one_by_one": single.call_count,
        }

    with mock.patch.object(tasks, "_publish"):
        created = drained("checkouts/create", at)
        updated = drained("checkouts/update", at + timedelta(minutes=1))
    store_delete(store)
    return {"per_create": created, "per_update": updated}


def _stops(count: int, rounds: int) -> dict:
    from unittest import mock

    from django.conf import settings
    from django.db import connection

    from bench.seed import store_delete
    from conversations import sending
    from conversations import tasks as sms_tasks
    from conversations.models import Message
    from conversations.services import inbound_event_record
    from conversations.sms import twilio as twilio_backend
    from stores import tasks
    from stores.hooks import WEBHOOK_BATCH_SCOPES
    from stores.models import Store
    from tests.fakes.twilio_server import FakeTwilioServer

    claim = f"UPDATE {Message._meta.db_table} AS m SET status"  # noqa: S608 - a prefix to look for
    scopes = list(WEBHOOK_BATCH_SCOPES)

    def inline(task):  # the delivery tasks run here, as a worker process would run them
        return lambda *args, **kwargs: task.apply(args, kwargs)

    delivering = {"depth": 0, "wall": 0.0, "cpu": 0.0}

    def timed(function):  # the time spent delivering (outermost calls only: a chunk hands texts back)
        def run(**kwargs):
            delivering["depth"] += 1
            wall, cpu = time.monotonic(), time.thread_time()
            try:
                return function(**kwargs)
            finally:
                delivering["depth"] -= 1
                if not delivering["depth"]:
                    delivering["wall"] += time.monotonic() - wall
                    delivering["cpu"] += time.thread_time() - cpu

        return run

    def one_round(mode: str, n: int) -> dict:
        setup = _setup(sms_number=f"+1303555017{n % 10}")
        store = Store.objects.get(pk=setup["id"])
        Store.objects.filter(pk=store.pk).update(sender_rate_per_second=9_999)
        store.refresh_from_db()
        for i in range(count):
            sid = f"SMstops{n:04d}{i:08d}{uuid.uuid4().hex[:12]}"
            phone = f"+1212{n % 10}{i:06d}"
            inbound_event_record(
                store=store,
                params={"MessageSid": sid, "From": phone, "To": str(store.sms_number), "Body": "STOP"},
            )
        WEBHOOK_BATCH_SCOPES[:] = scopes if mode == "batched" else []
        counted: list = []
        delivering.update(wall=0.0, cpu=0.0)
        # This thread's CPU only: the fake Twilio answers from another thread of this process.
        before, began = time.thread_time(), time.monotonic()
        with (
            mock.patch.object(sending, "message_deliver", timed(sending.message_deliver)),
            mock.patch.object(sending, "messages_deliver", timed(sending.messages_deliver)),
            mock.patch.object(sms_tasks.deliver_message, "delay", inline(sms_tasks.deliver_message)),
            mock.patch.object(
                sms_tasks.deliver_message,
                "apply_async",
                lambda args, **kw: sms_tasks.deliver_message.apply(args),
            ),
            mock.patch.object(sms_tasks.deliver_messages, "delay", inline(sms_tasks.deliver_messages)),
            connection.execute_wrapper(_counter(counted)),
        ):
            while tasks.process_pending_webhook_events.run():
                pass
        seconds, cpu = time.monotonic() - began, time.thread_time() - before
        WEBHOOK_BATCH_SCOPES[:] = scopes
        sent = Message.objects.filter(store=store, direction="out", status="queued").count()
        store_delete(store)
        return {
            "mode": mode,
            "wall_ms": 1000 * seconds / count,
            "cpu_ms": 1000 * cpu / count,
            "delivery_wall_ms": 1000 * delivering["wall"] / count,
            "delivery_cpu_ms": 1000 * delivering["cpu"] / count,
            "claims": sum(1 for sql in counted if sql.startswith(claim)),
            "sent": sent,
        }

    results = []
    with FakeTwilioServer() as twilio, mock.patch.object(tasks, "_publish"):
        settings.SMS_BACKEND = "twilio"
        settings.TWILIO_API_BASE_URL = twilio.url
        settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN = "AC" + "0" * 32, "bench-token"
        twilio_backend._clients.clear()
        for n in range(rounds):
            for mode in ("per-text", "batched"):
                results.append(one_round(mode, 2 * n + (mode == "batched")))
    return {"stops": count, "rounds": results}


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
    elif mode == "mix":
        result = _mix(int(args[0]), int(args[1]))
    elif mode == "updates":
        result = _updates(int(args[0]))
    elif mode == "stops":
        result = _stops(int(args[0]), int(args[1]))
    elif mode == "cleanup":
        result = _cleanup(args[0])
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    print(json.dumps(result))


if __name__ == "__main__":
    main(*sys.argv[1:])
