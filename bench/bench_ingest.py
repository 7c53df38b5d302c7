"""Shopify `checkouts/update` ingest on gunicorn + PostgreSQL, against the minimal baseline view.

Both endpoints are served by one gunicorn (2 sync workers, bench settings, DEBUG off) and driven by wrk on
loopback at 32 connections with the same signed body; every request carries its own X-Shopify-Webhook-Id.
Baseline and real endpoint are measured alternately (twice each, best run kept) so that a neighbour's burst
on a shared machine does not land on one side only. The Celery tasks the real endpoint queues are not run
(no worker competes for the CPU) and are purged afterwards.

Then the CPU each delivery costs, in-process (`bench/ingest_side.py`): the WSGI application called as gunicorn
calls it, for the same signed body, real and baseline alternately; this process's CPU time and the
PostgreSQL backend's, per delivery.
"""

import base64
import hashlib
import hmac
import json
import os
import tempfile
import uuid
from pathlib import Path

from .core import Result, database_ensure, env_for_bench, gunicorn, manage, python_json, webhook_results, wrk

CONNECTIONS = 32
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
PORT = int(os.environ.get("BENCH_INGEST_PORT", "8100"))
LUA = Path(__file__).with_name("shopify_update.lua")
# In-process CPU: this many deliveries per side, one of each in turn.
CPU_DELIVERIES = int(os.environ.get("BENCH_INGEST_CPU_DELIVERIES", "2000"))

_STORE_SCRIPT = """
import json
from stores.models import Store
store, _ = Store.objects.get_or_create(
    name="Bench Store", shop_domain="bench.myshopify.com", defaults={"sms_number": "+13035550199"}
)
print(json.dumps({"id": str(store.id), "secret": store.webhook_secret}))
"""

_COUNT_SCRIPT = """
from stores.models import WebhookEvent
print(WebhookEvent.objects.filter(key__startswith={prefix!r}).count())
"""

_CLEANUP_SCRIPT = """
from cartrecovery.celery import app
from stores.models import WebhookEvent
app.control.purge()
WebhookEvent.objects.filter(key__startswith={prefix!r}).delete()
"""


def _body() -> bytes:
    """Shopify's checkouts/update sample, with an SMS opt-in so the real path does its full parse."""
    from tests.fixtures import load

    payload = load("shopify_checkouts_update.json")
    payload.update({"sms_marketing_phone": "+14155552671", "buyer_accepts_sms_marketing": True})
    return json.dumps(payload).encode()


TABLE_SQL = """
CREATE TABLE IF NOT EXISTS bench_baseline_cart (
    external_id varchar(255) PRIMARY KEY,
    payload jsonb NOT NULL,
    updated_at timestamptz NOT NULL
)
"""


def _hmac(secret: str, body: bytes) -> str:
    """Shopify's signature, computed here: the runner does not set Django up."""
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def _baseline_table(env: dict[str, str]) -> None:
    import psycopg

    with psycopg.connect(env["DATABASE_URL"], autocommit=True) as conn:
        conn.execute(TABLE_SQL)


def run() -> list[Result]:
    env = env_for_bench()
    database_ensure(env)
    _baseline_table(env)
    store = json.loads(manage("shell", "-c", _STORE_SCRIPT, env=env).strip().splitlines()[-1])
    body = _body()
    prefix = f"bench-{uuid.uuid4().hex[:8]}"
    with tempfile.NamedTemporaryFile(suffix=".json") as body_file:
        body_file.write(body)
        body_file.flush()
        real_args = [body_file.name, _hmac(store["secret"], body), prefix]
        base_args = [body_file.name, _hmac(env_baseline_secret(env), body), prefix + "b"]
        with gunicorn(port=PORT, env=env) as url:
            real_url = f"{url}/webhooks/shopify/{store['id']}/"
            base_url = f"{url}/bench/baseline/shopify/"
            wrk(base_url, script=LUA, args=[*base_args[:2], prefix + "w"], seconds=2)
            wrk(real_url, script=LUA, args=[*real_args[:2], prefix + "w"], seconds=2)
            baseline_runs, real_runs = [], []
            for round_ in range(2):
                baseline_runs.append(wrk(base_url, script=LUA, args=base_args, seconds=SECONDS))
                real_runs.append(
                    wrk(real_url, script=LUA, args=[*real_args[:2], f"{prefix}{round_}"], seconds=SECONDS)
                )
    recorded = int(
        manage("shell", "-c", _COUNT_SCRIPT.format(prefix=prefix), env=env).strip().splitlines()[-1]
    )
    manage("shell", "-c", _CLEANUP_SCRIPT.format(prefix=prefix + "w"), env=env)
    manage("shell", "-c", _CLEANUP_SCRIPT.format(prefix=prefix), env=env)
    cpu = python_json("-m", "bench.ingest_side", "cpu", str(CPU_DELIVERIES), env=env)
    return [
        *_wrk_results(baseline_runs, real_runs, recorded),
        *_cpu_results(cpu),
    ]


def _wrk_results(baseline_runs, real_runs, recorded: int) -> list[Result]:
    return webhook_results(
        endpoint="ingest checkouts/update",
        baseline_runs=baseline_runs,
        real_runs=real_runs,
        recorded=recorded,
        connections=CONNECTIONS,
        p99_max_ms=100,
        p99_target="≤ 100 ms",
    )


def _cpu_results(cpu: dict) -> list[Result]:
    name = "ingest checkouts/update, in-process"
    real, base = cpu["real"], cpu["baseline"]
    rows = [
        Result(
            f"{name}: CPU per delivery, median (web process)",
            real["cpu_ms"],
            base["cpu_ms"],
            "ms",
            "reported",
            True,
        )
    ]
    if real["db_cpu_ms"] is not None:
        rows.append(
            Result(
                f"{name}: CPU per delivery, sampled (PostgreSQL backend)",
                real["db_cpu_ms"],
                base["db_cpu_ms"],
                "ms",
                "reported",
                True,
            )
        )
    rows.append(
        Result(
            f"{name}: recorded / answered; a repeat answered duplicate",
            cpu["recorded"],
            cpu["answered"],
            "deliveries",
            "all recorded, repeat `duplicate`",
            cpu["recorded"] == cpu["answered"] and cpu["repeat"] == "duplicate",
        )
    )
    return rows


def env_baseline_secret(env: dict[str, str]) -> str:
    return env.get("BENCH_BASELINE_SECRET", "bench-baseline-secret")
