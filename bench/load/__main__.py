"""`python -m bench.load` (`make load`): Shopify cart webhooks as fast as the box takes them, then the clock
moves on and the texts go out; PASS/FAIL per check with its evidence, the figures, exit 1 on any FAIL.

Two web processes (gunicorn, each its own master and port), two Celery workers and a real `celery beat`,
PostgreSQL, Redis and a fake Twilio, all on loopback. The workers and beat read the time through
libfaketime from a file: after the webhooks are processed the file moves their clock past the first
step's delay into the shoppers' daytime, and beat's next tick finds every first text due.

Environment: DATABASE_URL (cartrecovery_load), REDIS_URL (db 2; the broker's db, the next one, is
emptied), LOAD_WEBHOOKS (50000), LOAD_STORES (4), LOAD_CONNECTIONS (32), LOAD_WEB_WORKERS (sync workers
per web process, 2), LOAD_WORKER_CONCURRENCY (prefork children per Celery worker, 2), LOAD_PORTS
(8500-8549), LOAD_TMP (/tmp/load: request files and process logs), LOAD_KEEP=1 keeps the stores' rows.
"""

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.core import (
    PYTHON,
    ROOT,
    WrkStats,
    database_ensure,
    gunicorn_start,
    gunicorn_stop,
    python_json,
    wrk_ensure,
    wrk_parse,
)
from bench.proof.harness import (
    beat,
    broker_purge,
    celery_stop,
    fake_twilio,
    peak_rss_mb,
    proof_env,
    worker_start,
)

from . import plan as traffic
from .verdict import UNSETTLED_TEXTS, Check, checks

WEBHOOKS = int(os.environ.get("LOAD_WEBHOOKS", "50000"))
STORES = int(os.environ.get("LOAD_STORES", "4"))
CONNECTIONS = int(os.environ.get("LOAD_CONNECTIONS", "32"))
WEB_WORKERS = int(os.environ.get("LOAD_WEB_WORKERS", "2"))
WORKER_CONCURRENCY = int(os.environ.get("LOAD_WORKER_CONCURRENCY", "2"))
_first, _last = (int(p) for p in os.environ.get("LOAD_PORTS", "8500-8549").split("-"))
WEB_PORTS = (_first, _first + 1)
TWILIO_PORTS = range(_first + 2, _last + 1)
TMP = Path(os.environ.get("LOAD_TMP") or Path(tempfile.gettempdir()) / "load")
SIDE = "bench.load.django_side"
# Apart from the benchmarks' and the proofs' (whose workers would take this run's tasks); the broker uses
# the Redis db after REDIS_URL's.
DEFAULTS = {
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/cartrecovery_load",
    "REDIS_URL": "redis://127.0.0.1:6379/2",
}
LUA = Path(__file__).with_name("requests.lua")
FAKETIME_CACHE_SECONDS = 1  # how long libfaketime keeps the offset it read from its file
LIBFAKETIME = Path("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1")
# Quiet hours are 8:00–21:00 (20:00 in some states) in the shoppers' zone: land well inside.
SHOPPERS_ZONE, DAYTIME = "America/New_York", (10, 17)
# Every wait is bounded: slower than 50 webhooks/s (sent, or processed) fails the run instead of waiting.
SEND_SECONDS = DRAIN_SECONDS = max(180, WEBHOOKS // 50)


@dataclass
class Measured:
    stops: WrkStats
    stream: WrkStats
    answers: Counter
    ingested: dict  # the last progress seen by each wait, and how long it took (None: timed out)
    ingest_wait: float | None
    shift: timedelta
    sent: dict
    send_wait: float | None
    ticks: int  # dispatch ticks beat sent after the clock moved
    texts_at: list[float]  # seconds after the clock moved, of each text the fake accepted
    rss: dict


def main() -> int:
    began, load_before = time.monotonic(), os.getloadavg()[0]
    print(
        f"load run: {WEBHOOKS:,} webhooks, {STORES} stores, started {datetime.now(UTC):%Y-%m-%d %H:%M} "
        f"UTC, load average {load_before:.1f}",
        flush=True,
    )
    run = TMP / "run"
    shutil.rmtree(run, ignore_errors=True)
    run.mkdir(parents=True)
    try:
        with fake_twilio(ports=TWILIO_PORTS) as twilio:
            env = proof_env(twilio.url, defaults=DEFAULTS, settings="bench.load.settings")
            env["PUBLIC_BASE_URL"] = f"http://127.0.0.1:{WEB_PORTS[0]}"
            database_ensure(env)
            broker_purge(env)
            stores = [traffic.Store(**s) for s in _django("seed", str(STORES), env=env)]
            store_ids = [s.id for s in stores]
            plan = traffic.plan_build(webhooks=WEBHOOKS, stores=stores)
            _requests_write(plan, env=env, run=run)
            measured = _drive(plan, store_ids, env=env, run=run, twilio=twilio)
            outcome = _django("outcome", *store_ids, env=env, timeout=600)
            accepted = twilio.messages
    finally:
        for requests in run.glob("st*-[0-9]"):  # hundreds of MB
            requests.unlink()
    results = checks(
        plan,
        answers=measured.answers,
        socket_errors=measured.stops.socket_errors + measured.stream.socket_errors,
        outcome=outcome,
        accepted=accepted,
    )
    results.append(_bounded(measured, outcome))
    for check in results:
        print(f"{'PASS' if check.ok else 'FAIL'} {check.name}: {check.evidence}", flush=True)
    _figures(measured, plan=plan)
    print(
        f"load average before/after {load_before:.1f}/{os.getloadavg()[0]:.1f}; "
        f"whole run {time.monotonic() - began:.0f} s",
        flush=True,
    )
    if os.environ.get("LOAD_KEEP") != "1":
        _django("cleanup", env=env, timeout=600)
        broker_purge(env)
    return 0 if all(c.ok for c in results) else 1


def _drive(plan: traffic.Plan, store_ids: list[str], *, env: dict, run: Path, twilio) -> Measured:
    """Start everything, send the STOPs then the stream, wait for the webhooks to be processed, move the
    clock, wait for the texts."""
    clock, beat_clock = run / "clock", run / "clock-beat"
    clock.write_text("+0\n")
    beat_clock.write_text("+0\n")
    expected_events = len(plan.webhook_ids()) + len(plan.stops)
    with _processes(env, clock=clock, beat_clock=beat_clock, run=run) as processes:
        (stops, stop_answers), (stream, stream_answers) = _send(run / "stops-"), _send(run / "stream-")
        ingested, ingest_wait = _wait(
            store_ids,
            env=env,
            settled=lambda p: _events_settled(p, expected=expected_events),
            parts="events,texts",
        )
        _statistics_refresh(env)
        shift = traffic.clock_shift(
            datetime.now(UTC), zone=SHOPPERS_ZONE, at_least=timedelta(hours=1), window=DAYTIME
        )
        beat_log = run / "beat.log"
        before_shift = beat_log.stat().st_size
        # Only now that the queue is idle: kombu measures its visibility timeout on the same clock, so a jump
        # of hours hands every task still unacknowledged to a worker again.
        clock.write_text(f"+{int(shift.total_seconds())}\n")
        moved_at = time.monotonic()
        # Beat's clock moves once every worker process has read its own again (each reads its file at most
        # once a second): moved together, beat's first tick could reach a worker still on the old clock,
        # find nothing due, and the texts waited for the next tick, 30 s later (seen at 13:18 on
        # 2026-12-04). The wait counts in the texts' time: it runs from `moved_at`.
        time.sleep(FAKETIME_CACHE_SECONDS + 0.5)
        beat_clock.write_text(f"+{int(shift.total_seconds())}\n")
        print(f"clock of workers and beat moved {shift} ahead", flush=True)
        sent, send_wait = _wait(store_ids, env=env, settled=_texts_settled, parts="first_steps,texts")
        rss = {name: _peaks(process) for name, process in processes.items()}
    with beat_log.open("rb") as log:
        log.seek(before_shift)
        ticks = log.read().count(b"Sending due task dispatch-due-nudges")
    texts_at = sorted(r.at - moved_at for r in twilio.requests if r.at >= moved_at)
    return Measured(
        stops,
        stream,
        stop_answers + stream_answers,
        ingested,
        ingest_wait,
        shift,
        sent,
        send_wait,
        ticks,
        texts_at,
        rss,
    )


def _bounded(measured: Measured, outcome: dict) -> Check:
    first, last = outcome["first_texts_at"]
    return Check(
        "drained within the time bound, by the real beat on the moved clock",
        measured.ingest_wait is not None and measured.send_wait is not None and measured.ticks > 0,
        f"webhooks processed {_seconds(measured.ingest_wait)} after the last answer "
        f"({measured.ingested}); clock moved {measured.shift} ahead; beat then sent {measured.ticks} "
        f"dispatch ticks; first texts out {_seconds(measured.send_wait)} later ({measured.sent}), stamped "
        f"{first} – {last} by the workers' clock",
    )


def _requests_write(plan: traffic.Plan, *, env: dict, run: Path) -> None:
    from tests.fixtures import load

    checkout, order = load("shopify_checkouts_create.json"), load("shopify_orders_create.json")
    # The shoppers ticked the box now, before they texted STOP: consent follows the newest evidence.
    at = datetime.now(UTC).replace(microsecond=0)
    bodies = {}
    for delivery in plan.deliveries:
        if delivery.webhook_id not in bodies:
            is_order = delivery.topic == "orders/create"
            build = traffic.order_body if is_order else traffic.checkout_body
            bodies[delivery.webhook_id] = build(order if is_order else checkout, delivery.shopper, at=at)
    stream = [traffic.shopify_request(d, bodies[d.webhook_id]) for d in plan.deliveries]
    stops = [
        traffic.stop_request(
            s,
            account_sid=env["TWILIO_ACCOUNT_SID"],
            auth_token=env["TWILIO_AUTH_TOKEN"],
            public_url=env["PUBLIC_BASE_URL"],
        )
        for s in plan.stops
    ]
    traffic.request_files_write(stream, prefix=str(run / "stream-"), threads=len(WEB_PORTS))
    traffic.request_files_write(stops, prefix=str(run / "stops-"), threads=len(WEB_PORTS))


def _statistics_refresh(env: dict) -> None:
    """ANALYZE the run's database once its webhooks are processed, as a deployment's tables of that size
    would have been: they grew from empty to ~40,000 carts, nudges and threads within minutes, ahead of
    autovacuum's sampling, and on the stale statistics the planner read a tick's 500 carts' nudges, and
    their messages, with sequential scans (107 ms against 3.5 ms for one batch at 10,000 webhooks). Its
    time counts in the run's."""
    import psycopg

    started = time.monotonic()
    with psycopg.connect(env["DATABASE_URL"], autocommit=True) as conn:
        conn.execute("ANALYZE")
    print(f"statistics refreshed (ANALYZE) in {time.monotonic() - started:.1f} s", flush=True)


@contextlib.contextmanager
def _processes(env: dict, *, clock: Path, beat_clock: Path, run: Path):
    """Two web processes, two workers and beat; the workers and beat on movable clocks."""
    shifted = _on_clock(env, clock)
    processes = {}
    with contextlib.ExitStack() as running:
        for n, port in enumerate(WEB_PORTS, 1):
            processes[f"web {n}"] = gunicorn_start(
                port=port, env=env, workers=WEB_WORKERS, log=run / f"web-{n}.log"
            )
            running.callback(gunicorn_stop, processes[f"web {n}"])
        for n in (1, 2):
            processes[f"worker {n}"] = worker_start(
                shifted, name=f"load{n}", concurrency=WORKER_CONCURRENCY, log=run / f"worker-{n}.log"
            )
            running.callback(celery_stop, processes[f"worker {n}"])
        processes["beat"] = running.enter_context(beat(_on_clock(env, beat_clock), log=run / "beat.log"))
        yield processes


def _on_clock(env: dict, clock: Path) -> dict:
    """libfaketime reads the offset in `clock` again every second, so writing it moves a running clock."""
    if not LIBFAKETIME.exists():
        subprocess.run(["apt-get", "install", "-y", "-qq", "faketime"], check=True)
    return {
        **env,
        "LD_PRELOAD": str(LIBFAKETIME),
        "FAKETIME_TIMESTAMP_FILE": str(clock),
        "FAKETIME_CACHE_DURATION": str(FAKETIME_CACHE_SECONDS),
    }


def _send(prefix: Path) -> tuple[WrkStats, Counter]:
    """One wrk, one thread per web process, each sending its own file once; ended when both are through."""
    env = {**os.environ, "LOAD_REQUESTS": str(prefix), "LOAD_WEB_PORTS": ",".join(map(str, WEB_PORTS))}
    command = [
        wrk_ensure(), f"-t{len(WEB_PORTS)}", f"-c{CONNECTIONS}", f"-d{SEND_SECONDS}s", "--timeout", "10s",
        "--latency", "-s", str(LUA), f"http://127.0.0.1:{WEB_PORTS[0]}/",
    ]  # fmt: skip
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    markers = [Path(f"{prefix}{n}.done") for n in range(1, len(WEB_PORTS) + 1)]
    while process.poll() is None and not all(m.exists() for m in markers):
        time.sleep(0.1)
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    Path(f"{prefix}wrk.txt").write_text(out + err)
    if process.returncode not in (0, -signal.SIGINT):
        raise RuntimeError(f"wrk failed ({process.returncode}):\n{err[-2000:]}")
    answers = Counter()
    for key, n in re.findall(r"^answers (\d+ \w+) (\d+)$", out, re.MULTILINE):
        answers[key] += int(n)
    return wrk_parse(out), answers


def _events_settled(progress: dict, *, expected: int) -> bool:
    events = progress["events"]
    unsettled = events.get("received", 0) + events.get("processing", 0)
    return sum(events.values()) >= expected and not unsettled and _texts_unsettled(progress) == 0


def _texts_settled(progress: dict) -> bool:
    steps = progress["first_steps"]
    return steps.get("sent", 0) > 0 and not steps.get("scheduled") and _texts_unsettled(progress) == 0


def _texts_unsettled(progress: dict) -> int:
    return sum(progress["texts"].get(status, 0) for status in UNSETTLED_TEXTS)


def _wait(store_ids: list[str], *, env: dict, settled, parts: str) -> tuple[dict, float | None]:
    """Watch `parts` of the progress until `settled(progress)` or DRAIN_SECONDS; the last progress and the
    seconds it took (None: timed out)."""
    watcher = subprocess.Popen(
        [PYTHON, "-m", SIDE, "watch", parts, *store_ids],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    started = time.monotonic()
    try:
        while line := watcher.stdout.readline():
            progress, waited = json.loads(line), time.monotonic() - started
            if settled(progress):
                return progress, waited
            if waited > DRAIN_SECONDS:
                return progress, None
        raise RuntimeError(f"the progress watcher stopped:\n{watcher.stderr.read()[-3000:]}")
    finally:
        watcher.kill()
        watcher.wait()


def _django(mode: str, *args: str, env: dict, timeout: float = 300):
    return python_json("-m", SIDE, mode, *args, env=env, timeout=timeout)


def _seconds(value: float | None) -> str:
    return "NOT within the bound" if value is None else f"{value:.0f} s"


def _figures(measured: Measured, *, plan: traffic.Plan) -> None:
    stream, deliveries = measured.stream, len(plan.deliveries)
    events = len(plan.webhook_ids()) + len(plan.stops)
    print(
        f"FIGURE ingest: {deliveries:,} Shopify webhooks in {stream.seconds:.1f} s = "
        f"{deliveries / stream.seconds:,.0f} req/s over {CONNECTIONS} connections, 2 web processes × "
        f"{WEB_WORKERS} sync workers; latency p50 {stream.p50_ms:.1f} ms, p99 {stream.p99_ms:.1f} ms"
    )
    print(
        f"FIGURE Twilio inbound STOPs before the stream: {len(plan.stops):,} in "
        f"{measured.stops.seconds:.1f} s; p99 {measured.stops.p99_ms:.1f} ms"
    )
    if measured.ingest_wait is not None:
        processing = stream.seconds + measured.ingest_wait
        print(
            f"FIGURE drain: {events:,} deliveries processed {measured.ingest_wait:.0f} s after the last "
            f"answer, {events / processing:,.0f}/s from the stream's start"
        )
    if measured.texts_at:
        first, last = measured.texts_at[0], measured.texts_at[-1]
        print(
            f"FIGURE texts: {len(measured.texts_at):,} accepted at the fake after the clock moved, the first "
            f"{first:.0f} s after (beat's next tick), the last {last:.0f} s after: "
            f"{len(measured.texts_at) / max(last - first, 1):,.0f}/s"
        )
    for name, (parent, children) in measured.rss.items():
        print(f"FIGURE peak RSS (VmHWM) {name}: parent {parent:.0f} MB, children {children} MB")


def _peaks(process: subprocess.Popen) -> tuple[float, list[int]]:
    """VmHWM of the master (or prefork parent) and of each child; a child's figure counts the pages it
    still shares with its parent."""
    peaks = peak_rss_mb(process)
    return peaks.pop(process.pid, 0.0), sorted(round(mb) for mb in peaks.values())


if __name__ == "__main__":
    sys.exit(main())
