"""Do the workers keep up with the web tier? Ingest N distinct checkouts, then drain them; both rates.

1. gunicorn (2 sync workers, bench settings) takes N (`BENCH_DRAIN_WEBHOOKS`, 3,000) distinct signed
   Shopify `checkouts/create` deliveries, each a new shopper with a ticked SMS box, built from the
   fixture and sent by wrk (2 threads, 32 connections) once each, with no Celery worker running. Ingest
   rate = N / the seconds from the first request to the last answer.
2. gunicorn stops; one `celery worker` (prefork, 2 processes) starts and drains the doorbell tasks the
   deliveries queued. Processing rate = N / the seconds from the first claim to the last processed event
   (both stamped by the worker, so its start-up is not counted).
3. In a Django subprocess, the worker's own drain task body runs in-process under a query counter, over a
   batch of `DRAIN_BATCH` (the worker's) and one of `LARGE`: queries per processed checkout, amortised
   over a batch, and whether the queries per batch stay the same as the batch grows.
4. The load run's mix (`BENCH_DRAIN_MIX`, 4,000 webhooks: four stores, 5 % orders) recorded up front and
   drained by two processes at once with the drain task's body: the rate, CPU per delivery, and the share
   of the processes' time spent waiting for the stores' evidence chain heads, which a batch holds until
   it commits (a batch spanning every store made the other process wait for it).

The ratio processing / ingest is the figure that carries over between machines: both sides run on the
same cores, one after the other.
"""

import contextlib
import os
import re
import signal
import subprocess
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from .core import ROOT, Result, database_ensure, env_for_bench, gunicorn, python_json, wrk_ensure
from .load import plan as traffic
from .proof.harness import broker_purge, celery_stop, worker_start

WEBHOOKS = int(os.environ.get("BENCH_DRAIN_WEBHOOKS", "3000"))
PORT = int(os.environ.get("BENCH_DRAIN_PORT", "8103"))
CONNECTIONS = 32
# The worker's batch, and a larger one: a set-based drain sends as many queries for either.
DRAIN_BATCH, LARGE = 100, 400
LUA = ROOT / "bench" / "load" / "requests.lua"
# Bounded: slower than 20 deliveries/s either way fails the run instead of waiting.
SEND_SECONDS = DRAIN_SECONDS = max(60, WEBHOOKS // 20)
SIDE = "bench.drain_side"
MIX, MIX_PROCESSES = int(os.environ.get("BENCH_DRAIN_MIX", "4000")), 2


def run() -> list[Result]:
    env = env_for_bench()
    database_ensure(env)
    broker_purge(env)
    store = _django("setup", env=env)
    try:
        with tempfile.TemporaryDirectory(prefix="bench-drain-") as folder:
            prefix = Path(folder) / "checkouts-"
            _requests_write(store, prefix=prefix)
            with gunicorn(port=PORT, env=env):
                ingest_seconds = _send(prefix)
        drained, progress = _drain(store, env=env)
    finally:
        _django("cleanup", store["id"], env=env)
        broker_purge(env)
    queries = _django("queries", str(DRAIN_BATCH), str(LARGE), env=env, timeout=600)
    mix = _django("mix", str(MIX), str(MIX_PROCESSES), env=env, timeout=900)
    return _results(ingest_seconds, drained, progress, queries) + _mix_results(mix)


def _django(mode: str, *args: str, env: dict, timeout: float = 300):
    return python_json("-m", SIDE, mode, *args, env=env, timeout=timeout)


def _requests_write(store: dict, *, prefix: Path) -> None:
    from tests.fixtures import load

    template = load("shopify_checkouts_create.json")
    bench_store = traffic.Store(id=store["id"], secret=store["secret"], number="", domain=store["domain"])
    at = datetime.now(UTC).replace(microsecond=0)
    run = os.urandom(4).hex()
    requests = []
    for i in range(WEBHOOKS):
        shopper = traffic.Shopper(
            checkout=f"drain{run}{i:07d}", phone=traffic._phone(i), kind="", store=bench_store
        )
        delivery = traffic.Delivery(f"drain-{run}-{i}", "checkouts/create", shopper)
        requests.append(traffic.shopify_request(delivery, traffic.checkout_body(template, shopper, at=at)))
    traffic.request_files_write(requests, prefix=str(prefix), threads=2)


def _send(prefix: Path) -> float:
    """wrk sends every request once (2 threads to the one port); the seconds until the last answer."""
    env = {**os.environ, "LOAD_REQUESTS": str(prefix), "LOAD_WEB_PORTS": f"{PORT},{PORT}"}
    command = [
        wrk_ensure(), "-t2", f"-c{CONNECTIONS}", f"-d{SEND_SECONDS}s", "--timeout", "10s",
        "-s", str(LUA), f"http://127.0.0.1:{PORT}/",
    ]  # fmt: skip
    markers = [Path(f"{prefix}{n}.done") for n in (1, 2)]
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    while process.poll() is None and not all(m.exists() for m in markers):
        time.sleep(0.02)
    seconds = time.monotonic() - started
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    if not all(m.exists() for m in markers):
        raise RuntimeError(f"wrk did not get every answer:\n{out[-2000:]}\n{err[-2000:]}")
    answers = Counter()
    for key, n in re.findall(r"^answers (\d+ \w+) (\d+)$", out, re.MULTILINE):
        answers[key] += int(n)
    if answers != Counter({"200 accepted": WEBHOOKS}):
        raise RuntimeError(f"not every delivery was accepted once: {dict(answers)}")
    return seconds


def _drain(store: dict, *, env: dict) -> tuple[bool, dict]:
    """One worker (prefork, 2 processes) drains what the deliveries queued: (all done within
    DRAIN_SECONDS, the last progress seen)."""
    worker = worker_start(env, name="drain", concurrency=2)
    try:
        deadline = time.monotonic() + DRAIN_SECONDS
        while True:
            progress = _django("progress", store["id"], env=env)
            events = progress["events"]
            if events.get("processed", 0) + events.get("failed", 0) >= WEBHOOKS:
                return True, progress
            if time.monotonic() > deadline:
                return False, progress
            time.sleep(0.5)
    finally:
        with contextlib.suppress(Exception):
            celery_stop(worker)


def _results(ingest_seconds: float, drained: bool, progress: dict, queries: dict) -> list:
    ingest = WEBHOOKS / ingest_seconds
    # Not drained in time: the rate so far, over what was processed.
    done = progress["events"].get("processed", 0) + progress["events"].get("failed", 0)
    span = (progress["last_processed"] or 0) - (progress["first_claimed"] or 0)
    processing = done / span if span > 0 else 0.0
    failed = progress["events"].get("failed", 0)
    per_batch = {int(size): q["queries"] for size, q in queries.items()}
    per_checkout = per_batch[DRAIN_BATCH] / DRAIN_BATCH
    load = os.getloadavg()[0]
    name = f"drain: {WEBHOOKS:,} checkouts/create"
    return [
        Result(f"{name}, ingest (2 web workers, no worker)", ingest, None, "req/s", "-", True),
        Result(
            f"{name}, processing (1 worker × 2) vs ingest; load avg {load:.1f}"
            + ("" if drained else f"; only {done:,} done in {DRAIN_SECONDS} s"),
            processing,
            ingest,
            "ev/s",
            "≥ 1.0× ingest (stretch 2.0×)",
            drained and processing >= ingest,
        ),
        Result(f"{name}: events failed", failed, None, "", "0", failed == 0),
        Result(
            f"drain: queries per checkout, amortised over a batch of {DRAIN_BATCH}",
            per_checkout,
            None,
            "q",
            "≤ 3",
            per_checkout <= 3,
        ),
        Result(
            f"drain: queries per batch, {LARGE} vs {DRAIN_BATCH} checkouts",
            per_batch[LARGE],
            per_batch[DRAIN_BATCH],
            "q",
            "the same at both sizes (≤ 1.1×)",
            per_batch[LARGE] <= 1.1 * per_batch[DRAIN_BATCH],
        ),
    ]


def _mix_results(mix: dict) -> list[Result]:
    name = f"drain: load run's mix, {mix['events']:,} deliveries, 4 stores, {MIX_PROCESSES} processes at once"
    load = os.getloadavg()[0]
    return [
        Result(
            f"{name}; load avg {load:.1f}",
            mix["processed"] / mix["seconds"],
            None,
            "ev/s",
            "all processed",
            mix["processed"] == mix["events"],
        ),
        Result(f"{name}: CPU per delivery", mix["cpu_ms_per_event"], None, "ms", "-", True),
        Result(
            f"{name}: time waiting for chain heads",
            100 * mix["head_wait_share"],
            None,
            "%",
            "≤ 10 %",
            mix["head_wait_share"] <= 0.10,
        ),
    ]
