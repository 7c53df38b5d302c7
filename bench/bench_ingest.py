"""Shopify `checkouts/update` ingest on gunicorn + PostgreSQL, against the minimal baseline view.

Both endpoints are served by one gunicorn (2 sync workers, bench settings, DEBUG off) and driven by wrk on
loopback at 32 connections with the same signed body; every request carries its own X-Shopify-Webhook-Id.
Baseline and real endpoint are measured alternately (twice each, best run kept) so that a neighbour's burst
on a shared machine does not land on one side only. The Celery tasks the real endpoint queues are not run
(no worker competes for the CPU) and are purged afterwards.
"""

import base64
import hashlib
import hmac
import json
import os
import tempfile
import uuid
from pathlib import Path

from .core import Result, WrkStats, database_ensure, env_for_bench, gunicorn, manage, wrk

CONNECTIONS = 32
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
PORT = int(os.environ.get("BENCH_INGEST_PORT", "8100"))
LUA = Path(__file__).with_name("shopify_update.lua")

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
    return _results(best(baseline_runs), best(real_runs), real_runs=real_runs, recorded=recorded)


def env_baseline_secret(env: dict[str, str]) -> str:
    return env.get("BENCH_BASELINE_SECRET", "bench-baseline-secret")


def best(runs: list[WrkStats]) -> WrkStats:
    return max(runs, key=lambda r: r.rps)


def _results(baseline: WrkStats, real: WrkStats, *, real_runs: list[WrkStats], recorded: int) -> list[Result]:
    answered = sum(r.requests for r in real_runs)
    failures = sum(r.non_2xx + r.socket_errors for r in real_runs)
    return [
        Result(
            name=f"ingest checkouts/update, {CONNECTIONS} conns",
            value=real.rps,
            baseline=baseline.rps,
            unit="req/s",
            target="≥ 0.6× baseline",
            ok=real.rps >= 0.6 * baseline.rps,
        ),
        Result(
            name="ingest checkouts/update p99",
            value=real.p99_ms,
            baseline=baseline.p99_ms,
            unit="ms",
            target="≤ 100 ms",
            ok=real.p99_ms <= 100,
        ),
        Result(
            name="ingest answers not 2xx (incl. socket errors)",
            value=failures,
            baseline=None,
            unit="",
            target="0",
            ok=failures == 0,
        ),
        Result(
            name="ingest deliveries recorded / answered",
            value=recorded,
            baseline=answered,
            unit="",
            target="all answered are recorded",
            ok=recorded >= answered,
        ),
    ]
