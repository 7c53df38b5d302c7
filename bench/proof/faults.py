"""Fault scenarios: each seeds due nudges, runs the real dispatcher and real Celery workers against the
fake Twilio server, breaks something, and checks every due text reached the provider exactly once."""

import contextlib
import os
import signal
import time

from .harness import (
    RECOVERY_SECONDS,
    Verdict,
    beat,
    broker_purge,
    celery_stop,
    chaos_plan,
    django,
    django_result,
    django_start,
    exactly_once,
    fake_twilio,
    ingest_verdict,
    peak_rss_mb,
    private_postgres,
    private_redis,
    proof_env,
    redis_stop,
    wait_drained,
    webhook_stream,
    worker,
    worker_start,
)

RSS_TARGET_MB = 150
REDIS_PORT = int(os.environ.get("PROOF_REDIS_PORT", "8481"))
TEXTS = int(os.environ.get("PROOF_TEXTS", "200"))


@contextlib.contextmanager
def _seeded(env: dict, count: int):
    database_ready(env)
    broker_purge(env)
    store = django("seed", str(count), env=env)
    store_id = store["store_id"]
    try:
        yield store_id, store["webhook_secret"]
    finally:
        broker_purge(env)
        django("cleanup", store_id, env=env)


_migrated = set()


def database_ready(env: dict) -> None:
    from bench.core import database_ensure

    if env["DATABASE_URL"] not in _migrated:
        database_ensure(env)
        _migrated.add(env["DATABASE_URL"])


def _wait_for_accepted(twilio, count: int, *, timeout: float = 120) -> None:
    """Until the fake has accepted `count` texts (or the time is up): the moment to break something."""
    deadline = time.monotonic() + timeout
    while len(twilio.messages) < count and time.monotonic() < deadline:
        time.sleep(0.1)


def twilio_faults() -> Verdict:
    """20 % 5xx, 5 % 429, 3 % 2 s stalls (past the 1 s client timeout) and a few permanent refusals."""
    with fake_twilio() as twilio:
        env = proof_env(twilio.url)
        twilio.plan(*chaos_plan(TEXTS * 4, seed=7, permanent=4))
        with _seeded(env, TEXTS) as (store_id, _), worker(env, name="faults") as process:
            report = django("tick", env=env)
            state = wait_drained(store_id, env=env, expected=report["sent"])
            verdict = exactly_once(twilio, state, expected=TEXTS)
            rss = peak_rss_mb(process)
    verdict.evidence = f"tick sent {report['sent']}; {verdict.evidence}"
    parent = rss.pop(process.pid, 0.0)
    child = max(rss.values(), default=0.0)
    verdict.also["celery-worker-peak-rss"] = Verdict(
        ok=0 < parent <= RSS_TARGET_MB and 0 < child <= RSS_TARGET_MB,
        evidence=f"prefork parent {parent:.0f} MB, largest pool child {child:.0f} MB "
        f"(VmHWM after draining {TEXTS} texts through faults; target ≤ {RSS_TARGET_MB} MB each)",
    )
    return verdict


def worker_sigkill() -> Verdict:
    """SIGKILL a whole worker (main process and pool) once a third of the batch is out; start another."""
    from tests.fakes.twilio_server import stall

    with fake_twilio() as twilio:
        env = proof_env(twilio.url)
        twilio.plan(*[stall(0.2)] * TEXTS)  # slow enough that the kill lands mid-batch
        with _seeded(env, TEXTS) as (store_id, _):
            first = worker_start(env, name="doomed")
            try:
                report = django("tick", env=env)
                _wait_for_accepted(twilio, TEXTS // 3)
            finally:
                celery_stop(first, sig=signal.SIGKILL)
            at_kill = len(twilio.messages)
            with worker(env, name="successor"):
                state = wait_drained(store_id, env=env, expected=report["sent"], timeout=420)
            verdict = exactly_once(twilio, state, expected=TEXTS)
    verdict.evidence = f"killed with {at_kill} of {report['sent']} accepted; {verdict.evidence}"
    return verdict


def two_schedulers() -> Verdict:
    """Two dispatch ticks at once in separate processes (two beats by mistake) and two workers."""
    with fake_twilio() as twilio:
        env = proof_env(twilio.url)
        with _seeded(env, TEXTS) as (store_id, _), worker(env, name="one"), worker(env, name="two"):
            ticks = [django_start("tick", "10", env=env) for _ in range(2)]
            reports = [django_result(t) for t in ticks]
            sent = [r["sent"] for r in reports]
            state = wait_drained(store_id, env=env, expected=sum(sent))
            verdict = exactly_once(twilio, state, expected=TEXTS)
    verdict.ok = verdict.ok and sum(sent) == TEXTS
    verdict.evidence = f"ticks sent {sent} (sum {sum(sent)}); {verdict.evidence}"
    return verdict


def redis_restart() -> Verdict:
    """Redis (a private server, not the shared one) dies with SIGKILL while a backlog of delivery tasks
    is queued, and comes back empty. A fresh worker and beat start: the next tick finds nothing due, and
    beat's sweeper must queue the texts whose tasks were lost again."""
    from tests.fakes.twilio_server import stall

    with fake_twilio() as twilio, private_redis(REDIS_PORT) as server:
        env = proof_env(twilio.url)
        env["REDIS_URL"] = f"redis://127.0.0.1:{REDIS_PORT}/0"
        twilio.plan(*[stall(0.2)] * TEXTS)
        with _seeded(env, TEXTS) as (store_id, _):
            first = worker_start(env, name="before")
            try:
                report = django("tick", env=env)
                _wait_for_accepted(twilio, TEXTS // 3)
                redis_stop(server, sig=signal.SIGKILL)
                at_crash = len(twilio.messages)
            finally:
                celery_stop(first, sig=signal.SIGKILL)
            unsettled = django("status", store_id, env=env)["messages"]
            with private_redis(REDIS_PORT), worker(env, name="after"), beat(env):
                again = django("tick", env=env)
                state = wait_drained(store_id, env=env, expected=report["sent"], timeout=150)
            verdict = exactly_once(twilio, state, expected=TEXTS)
    verdict.evidence = (
        f"Redis killed with {at_crash} of {report['sent']} accepted, texts then {unsettled}; next tick "
        f"sent {again['sent']}; {verdict.evidence}"
    )
    return verdict


PG_PORT = int(os.environ.get("PROOF_PG_PORT", "8482"))
WEB_PORT = int(os.environ.get("PROOF_WEB_PORT", "8483"))


def pg_restart() -> Verdict:
    """PostgreSQL (a private cluster, not the shared one) crashes for a few seconds and comes back while
    signed Shopify webhooks keep arriving at gunicorn. No worker runs: this is about ingest only."""
    from bench.core import gunicorn

    with private_postgres(PG_PORT) as postgres:
        env = proof_env(twilio_url="")
        env["DATABASE_URL"] = postgres.url("cr_proof")
        with _seeded(env, 0) as (store_id, secret), gunicorn(port=WEB_PORT, env=env) as base:
            url = f"{base}/webhooks/shopify/{store_id}/"
            with webhook_stream(url, secret=secret) as answers:
                time.sleep(3)
                postgres.stop(mode="immediate")
                down = time.monotonic()
                time.sleep(5)
                restart = time.monotonic()
                postgres.start()
                up = time.monotonic()
                time.sleep(3 + RECOVERY_SECONDS)
            committed = set(django("webhooks", store_id, env=env)["keys"])
    return ingest_verdict(answers, committed=committed, down=down, restart=restart, up=up)


SCENARIOS = {
    "twilio-faults": twilio_faults,
    "two-schedulers": two_schedulers,
    "worker-sigkill": worker_sigkill,
    "redis-restart": redis_restart,
    "pg-restart": pg_restart,
}
