"""Inbound SMS webhook on gunicorn vs a baseline view (same signature check + one INSERT), same run.

Both endpoints get the same number of Twilio-signed POSTs (distinct MessageSids, signed before the clock
starts, as Twilio signs them) from the same concurrent client, in alternating rounds; the better round of
each counts. Figures: throughput ratio (target ≥ 0.6 of the baseline) and the client-side p99 latency.

Needs PostgreSQL and Redis (DATABASE_URL, REDIS_URL); runs `migrate` on that database. Bounded: a fixed
number of requests per round and a timeout on every request and on the server's start.
Run alone: `python bench/bench_inbound.py`.
"""

import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
REQUESTS_PER_ROUND = int(os.environ.get("BENCH_INBOUND_REQUESTS", "600"))
ROUNDS = 2
CONCURRENCY = 8
WORKERS = 2
TARGET_RATIO = 0.6
SMS_PATH = "/webhooks/twilio/sms/"
BASELINE_PATH = "/bench/baseline-sms/"
STORE_NUMBER = "+15005550199"
PUBLIC_BASE_URL = "https://bench.cartrecovery.test"
AUTH_TOKEN = "bench-auth-token"  # noqa: S105 - a throwaway token for a local server


def _environment(port: int) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cartrecovery_bench")
    env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/0")
    env.update(
        DJANGO_SETTINGS_MODULE="bench.inbound_settings",
        SECRET_KEY="bench-" + uuid.uuid4().hex,
        PUBLIC_BASE_URL=PUBLIC_BASE_URL,
        TWILIO_AUTH_TOKEN=AUTH_TOKEN,
        TWILIO_ACCOUNT_SID="AC" + "0" * 32,
        ALLOWED_HOSTS="127.0.0.1",
        SMS_BACKEND="locmem",
        CONN_MAX_AGE="60",
        PYTHONPATH=str(ROOT),
    )
    return env


def _free_port() -> int:
    wanted = os.environ.get("BENCH_INBOUND_PORT")
    if wanted:
        return int(wanted)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _setup_django(env: dict[str, str]):
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from stores.models import Store

    store, _ = Store.objects.get_or_create(
        sms_number=STORE_NUMBER, defaults={"name": "Bench store", "messaging_service_sid": ""}
    )
    return store


def _start_gunicorn(env: dict[str, str], port: int) -> subprocess.Popen:
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    server = subprocess.Popen(
        [gunicorn, "cartrecovery.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return server
        except OSError:
            if server.poll() is not None:
                raise RuntimeError("gunicorn exited: " + server.stderr.read().decode()[-2000:]) from None
            time.sleep(0.2)
    _stop(server)
    raise RuntimeError("gunicorn did not start within 30 s")


def _stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=5)


def _signed_bodies(path: str, count: int, tag: str) -> list[tuple[bytes, str]]:
    from twilio.request_validator import RequestValidator

    validator = RequestValidator(AUTH_TOKEN)
    bodies = []
    for _ in range(count):
        sid = "SM" + uuid.uuid4().hex
        form = {
            "ToCountry": "US",
            "SmsMessageSid": sid,
            "NumMedia": "0",
            "SmsSid": sid,
            "SmsStatus": "received",
            "Body": f"how much is shipping? ({tag})",
            "FromCountry": "US",
            "To": STORE_NUMBER,
            "NumSegments": "1",
            "MessageSid": sid,
            "AccountSid": "AC" + "0" * 32,
            "From": f"+1415555{uuid.uuid4().int % 10000:04d}",
            "ApiVersion": "2010-04-01",
        }
        bodies.append((urlencode(form).encode(), validator.compute_signature(PUBLIC_BASE_URL + path, form)))
    return bodies


def _post(port: int, path: str, body: bytes, signature: str) -> tuple[int, float]:
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    try:
        connection.request(
            "POST",
            path,
            body=body,
            headers={"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature},
        )
        response = connection.getresponse()
        response.read()
        return response.status, time.perf_counter() - started
    finally:
        connection.close()


def _round(port: int, path: str, bodies: list[tuple[bytes, str]]) -> dict:
    started = time.perf_counter()
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        results = list(pool.map(lambda item: _post(port, path, *item), bodies))
    elapsed = time.perf_counter() - started
    statuses = {status for status, _ in results}
    if statuses != {200}:
        raise RuntimeError(f"{path} answered {sorted(statuses)}")
    latencies = sorted(seconds for _, seconds in results)
    return {
        "throughput": len(results) / elapsed,
        "p50_ms": statistics.median(latencies) * 1000,
        "p99_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
    }


def _purge(store) -> None:
    """Leave nothing behind: the queued processing tasks and the rows both endpoints wrote."""
    from cartrecovery.celery import app
    from stores.models import WebhookEvent

    app.control.purge()
    WebhookEvent.objects.filter(store=store).delete()


def run() -> list[dict]:
    port = _free_port()
    env = _environment(port)
    store = _setup_django(env)
    env["BENCH_STORE_ID"] = str(store.id)
    server = _start_gunicorn(env, port)
    try:
        _round(port, BASELINE_PATH, _signed_bodies(BASELINE_PATH, 50, "warm-up"))
        _round(port, SMS_PATH, _signed_bodies(SMS_PATH, 50, "warm-up"))
        baseline, inbound = [], []
        for n in range(ROUNDS):
            baseline.append(
                _round(port, BASELINE_PATH, _signed_bodies(BASELINE_PATH, REQUESTS_PER_ROUND, str(n)))
            )
            inbound.append(_round(port, SMS_PATH, _signed_bodies(SMS_PATH, REQUESTS_PER_ROUND, str(n))))
    finally:
        _stop(server)
        _purge(store)
    best_base = max(baseline, key=lambda r: r["throughput"])
    best_inbound = max(inbound, key=lambda r: r["throughput"])
    ratio = best_inbound["throughput"] / best_base["throughput"]
    p99 = min(r["p99_ms"] for r in inbound)
    p99_base = min(r["p99_ms"] for r in baseline)
    return [
        {
            "name": "inbound SMS webhook throughput (gunicorn, signed)",
            "value": round(best_inbound["throughput"], 1),
            "baseline": round(best_base["throughput"], 1),
            "ratio": round(ratio, 3),
            "unit": "req/s",
            "target": TARGET_RATIO,
            "ok": ratio >= TARGET_RATIO,
        },
        {
            # Latency: the ratio is baseline / value, so higher is better like every other figure.
            "name": f"inbound SMS webhook p99 latency ({CONCURRENCY} concurrent clients)",
            "value": round(p99, 2),
            "baseline": round(p99_base, 2),
            "ratio": round(p99_base / p99, 3),
            "unit": "ms",
            "target": "p99 well under Twilio's 15 s timeout (< 1000 ms)",
            "ok": p99 < 1000,
        },
    ]


if __name__ == "__main__":
    for figure in run():
        print(figure)
