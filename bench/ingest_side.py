"""The Django side of `bench_ingest`'s CPU figures: `python -m bench.ingest_side <mode> …`, bench settings.

Each delivery goes through the WSGI application exactly as gunicorn hands it over (an environ with the
signed body, the response iterated and closed, so `request_finished` runs too), in this process: what the
web tier's Python costs per delivery, without HTTP parsing, sockets or the scheduler's noise. Besides this
process's CPU time (`time.process_time`), the PostgreSQL backend's CPU time is read from /proc (when the
server runs on this machine), since every core-millisecond counts on the shared box.

Modes (each prints one JSON line):

* `cpu <deliveries>`: Shopify `checkouts/update` (real HMAC headers, a fresh X-Shopify-Webhook-Id each)
  against the baseline view (`bench/baseline.py`), one of each in turn; the median CPU time per delivery
  of each side, the recorded/answered check, and a repeat of one delivery (`duplicate`).
* `profile <deliveries>`: the same real deliveries under cProfile, timed by `process_time` (CPU, not
  waits); the top functions by own and by cumulative time on stderr, the total on stdout.
"""

import cProfile
import io
import json
import os
import pstats
import statistics
import sys
import time
import uuid
from collections.abc import Callable

import django

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _store():
    from stores.models import Store

    store, _ = Store.objects.get_or_create(
        name="Bench Store", shop_domain="bench.myshopify.com", defaults={"sms_number": "+13035550199"}
    )
    return store


def _environ(path: str, body: bytes, headers: dict[str, str]) -> dict:
    """What gunicorn's sync worker passes the application for one POST."""
    environ = {
        "REQUEST_METHOD": "POST",
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "CONTENT_TYPE": "application/json",
        "CONTENT_LENGTH": str(len(body)),
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8100",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": "127.0.0.1:8100",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    environ.update({"HTTP_" + name.upper().replace("-", "_"): value for name, value in headers.items()})
    return environ


class _Client:
    def __init__(self) -> None:
        from django.core.wsgi import get_wsgi_application

        self.application = get_wsgi_application()
        self.status = ""

    def _start_response(self, status, headers, exc_info=None):
        self.status = status

    def post(self, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
        response = self.application(_environ(path, body, headers), self._start_response)
        try:
            content = b"".join(response)
        finally:
            response.close()
        return int(self.status.split()[0]), content


def _backend_cpu_seconds() -> float | None:
    """The PostgreSQL backend serving this process: its user + system time, if it runs on this machine."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def _deliveries(prefix: str) -> tuple[Callable[[int], tuple[int, bytes]], Callable[[int], tuple[int, bytes]]]:
    """(real, baseline) posting functions of the delivery number."""
    from django.conf import settings

    from bench.bench_ingest import _body, _hmac

    store = _store()
    body = _body()
    client = _Client()
    real_path = f"/webhooks/shopify/{store.id}/"
    real_headers = {
        "X-Shopify-Topic": "checkouts/update",
        "X-Shopify-Hmac-Sha256": _hmac(store.webhook_secret, body),
        "X-Shopify-Shop-Domain": "bench.myshopify.com",
        "X-Shopify-API-Version": "2026-07",
    }
    base_headers = {**real_headers, "X-Shopify-Hmac-Sha256": _hmac(settings.BENCH_BASELINE_SECRET, body)}

    def real(n: int) -> tuple[int, bytes]:
        return client.post(real_path, body, {**real_headers, "X-Shopify-Webhook-Id": f"{prefix}-{n}"})

    def baseline(n: int) -> tuple[int, bytes]:
        return client.post("/bench/baseline/shopify/", body, base_headers)

    return real, baseline


def _interleaved(real, baseline, count: int) -> dict:
    """`count` deliveries each, one real then one baseline: a neighbour's burst lands on both sides. The
    median of each side's per-delivery CPU times is what a delivery costs when nothing else interferes."""
    cpu: dict[str, list[float]] = {"real": [], "baseline": []}
    db: dict[str, float | None] = {"real": 0.0, "baseline": 0.0}
    wall = {"real": 0.0, "baseline": 0.0}
    for n in range(count):
        for side, post in (("real", real), ("baseline", baseline)):
            backend_before = _backend_cpu_seconds() if n % 50 == 0 else None
            started_cpu, started = time.process_time(), time.perf_counter()
            status, content = post(n)
            cpu[side].append(time.process_time() - started_cpu)
            wall[side] += time.perf_counter() - started
            if status != 200:
                raise RuntimeError(f"{side} answered {status}: {content[:300]!r}")
            if backend_before is not None and db[side] is not None:
                backend_after = _backend_cpu_seconds()
                db[side] = None if backend_after is None else db[side] + backend_after - backend_before
    return {
        side: {
            "cpu_ms": statistics.median(samples) * 1000,
            "cpu_mean_ms": statistics.fmean(samples) * 1000,
            "wall_ms": wall[side] * 1000 / count,
            # Sampled on every 50th delivery (the kernel counts in 10 ms ticks, so only a sum means much).
            "db_cpu_ms": None if db[side] is None else db[side] * 1000 / len(range(0, count, 50)),
        }
        for side, samples in cpu.items()
    }


def _cpu(count: int) -> dict:
    from stores.models import WebhookEvent

    prefix = f"inproc-{uuid.uuid4().hex[:8]}"
    real, baseline = _deliveries(prefix)
    try:
        for n in range(50):  # warm-up: imports, connections, the store's secrets remembered
            real(-1 - n)
            baseline(0)
        measured = _interleaved(real, baseline, count)
        status, repeat = real(0)
        recorded = WebhookEvent.objects.filter(key__startswith=prefix + "-").exclude(
            key__startswith=prefix + "--"
        )
        recorded_count = recorded.count()
    finally:
        WebhookEvent.objects.filter(key__startswith=prefix).delete()
        from cartrecovery.celery import app

        app.control.purge()
    return {
        **measured,
        "answered": count,
        "recorded": recorded_count,
        "repeat": json.loads(repeat).get("status") if status == 200 else status,
    }


def _profile(count: int) -> dict:
    from stores.models import WebhookEvent

    prefix = f"inprof-{uuid.uuid4().hex[:8]}"
    real, _ = _deliveries(prefix)
    try:
        for n in range(50):
            real(-1 - n)
        profiler = cProfile.Profile(time.process_time)
        cpu = time.process_time()
        profiler.enable()
        for n in range(count):
            real(n)
        profiler.disable()
        cpu = time.process_time() - cpu
    finally:
        WebhookEvent.objects.filter(key__startswith=prefix).delete()
        from cartrecovery.celery import app

        app.control.purge()
    stats = pstats.Stats(profiler, stream=sys.stderr)
    stats.sort_stats("tottime").print_stats(40)
    stats.sort_stats("cumulative").print_stats(int(os.environ.get("PROFILE_LINES", "60")))
    return {"profiled_cpu_ms": cpu * 1000 / count}


def main(argv: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    django.setup()
    mode, *args = argv
    if mode == "cpu":
        result = _cpu(int(args[0]))
    elif mode == "profile":
        result = _profile(int(args[0]))
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
