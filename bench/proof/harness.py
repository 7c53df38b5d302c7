"""Processes the proofs start and stop: a misbehaving Twilio, Celery workers, Django subprocesses.

Everything listens on loopback, in ports 8450–8499 unless PROOF_PORTS says otherwise, and every wait is
bounded. Workers run in their own process group so a proof can SIGKILL one whole worker.
"""

import contextlib
import json
import os
import random
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bench.core import PYTHON, ROOT, env_for_bench, python_json

ACCOUNT_SID = "AC" + "c" * 32
_first, _last = (int(p) for p in os.environ.get("PROOF_PORTS", "8450-8499").split("-"))
PORTS = range(_first, _last + 1)
CELERY = str(Path(PYTHON).parent / "celery")
DRAIN_TIMEOUT = 240
PERMANENT_CODES = ("21610", "21211")


# Not the benchmarks' database and Redis: a `make bench` meanwhile would run the proof's tasks, and the
# proof's tick would send the benchmark's due nudges.
DEFAULTS = {
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/cartrecovery_proof",
    "REDIS_URL": "redis://127.0.0.1:6379/10",
}


def proof_env(
    twilio_url: str, *, defaults: dict[str, str] = DEFAULTS, settings: str = "bench.proof.settings"
) -> dict[str, str]:
    return env_for_bench(
        **{name: os.environ.get(name, default) for name, default in defaults.items()},
        DJANGO_SETTINGS_MODULE=settings,
        SMS_BACKEND="twilio",
        TWILIO_API_BASE_URL=twilio_url,
        TWILIO_ACCOUNT_SID=ACCOUNT_SID,
        TWILIO_AUTH_TOKEN="proof-token",  # noqa: S106 - the fake server's, not a secret
    )


@contextlib.contextmanager
def run_alone() -> Iterator[None]:
    """One proof at a time per database and per Redis db: another run's tick would dispatch this one's due
    nudges, its workers would deliver this one's tasks, and its seed would delete this one's store."""
    import psycopg

    env = proof_env("")
    admin_url = env["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        for shared in (env["DATABASE_URL"], env["REDIS_URL"]):
            locked = conn.execute("SELECT pg_try_advisory_lock(hashtext(%s))", [f"proof {shared}"]).fetchone()
            if not locked[0]:
                raise SystemExit(
                    f"Another proof is running on {shared}: wait for it, or give this one another."
                )
        yield


def django(mode: str, *args: str, env: dict, timeout: float = 300) -> dict:
    return python_json("-m", "bench.proof.django_side", mode, *args, env=env, timeout=timeout)


def django_start(mode: str, *args: str, env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [PYTHON, "-m", "bench.proof.django_side", mode, *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def django_result(process: subprocess.Popen, timeout: float = 300) -> dict:
    out, err = process.communicate(timeout=timeout)
    if process.returncode != 0:
        raise RuntimeError(f"django_side failed:\n{err[-4000:]}")
    return json.loads(out.strip().splitlines()[-1])


def broker_purge(env: dict) -> None:
    """Empty the proof's broker db: a task left by an earlier run would be sent against a deleted store."""
    import redis

    from cartrecovery.settings.broker import redis_broker_url

    client = redis.Redis.from_url(env.get("CELERY_BROKER_URL") or redis_broker_url(env["REDIS_URL"]))
    with contextlib.suppress(redis.exceptions.ConnectionError):  # a private server already stopped
        client.delete("celery", "unacked", "unacked_index", "unacked_mutex")


def chaos_plan(count: int, *, seed: int, permanent: int) -> list:
    """How the fake answers the next `count` POSTs: 20 % 5xx, 5 % 429, 3 % 2 s stalls, and `permanent`
    refusals (21610 opted out at the carrier, 21211 invalid number) spread among them."""
    from tests.fakes.twilio_server import Action, error, stall

    rng = random.Random(seed)
    plan = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.20:
            plan.append(error(20500, status=500))
        elif roll < 0.25:
            plan.append(error(20429, status=429, message="Too Many Requests"))
        elif roll < 0.28:
            plan.append(stall(2.0))
        else:
            plan.append(Action())
    for i in range(permanent):
        plan[rng.randrange(len(plan) // 8)] = error(int(PERMANENT_CODES[i % 2]), status=400)
    return plan


@contextlib.contextmanager
def fake_twilio(ports: range = PORTS) -> Iterator:
    from tests.fakes.twilio_server import FakeTwilioServer

    with FakeTwilioServer(ports=ports) as twilio:
        yield twilio


@contextlib.contextmanager
def worker(env: dict, *, name: str, concurrency: int = 2) -> Iterator[subprocess.Popen]:
    process = worker_start(env, name=name, concurrency=concurrency)
    try:
        yield process
    finally:
        celery_stop(process)


def worker_start(env: dict, *, name: str, concurrency: int = 2, log: Path | None = None) -> subprocess.Popen:
    return _celery(
        env,
        "worker",
        "--hostname",
        f"{name}@proof",
        "--concurrency",
        str(concurrency),
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        log=log,
    )


@contextlib.contextmanager
def beat(env: dict, *, log: Path | None = None) -> Iterator[subprocess.Popen]:
    """Celery beat with the proof settings' schedule; its schedule file is thrown away afterwards."""
    with tempfile.TemporaryDirectory(prefix="proof-beat-") as folder:
        process = _celery(env, "beat", "--schedule", str(Path(folder) / "schedule"), log=log, level="info")
        try:
            yield process
        finally:
            celery_stop(process)


def _celery(env: dict, *args: str, log: Path | None = None, level: str = "warning") -> subprocess.Popen:
    """Its output is appended to `log`, or dropped."""
    with contextlib.ExitStack() as stack:
        output = stack.enter_context(log.open("ab")) if log else subprocess.DEVNULL
        return subprocess.Popen(
            [CELERY, "-A", "cartrecovery", *args, "--loglevel", level],
            env=env,
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def celery_stop(process: subprocess.Popen, *, sig: int = signal.SIGTERM) -> None:
    """Stop a Celery process and everything it started (its pool): SIGTERM is a warm shutdown."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


@contextlib.contextmanager
def private_redis(port: int) -> Iterator[subprocess.Popen]:
    """A throwaway redis-server on loopback, without persistence: a restart loses everything in it."""
    process = redis_start(port)
    try:
        yield process
    finally:
        redis_stop(process)


def redis_start(port: int) -> subprocess.Popen:
    import redis

    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with contextlib.suppress(redis.exceptions.ConnectionError):
            if redis.Redis(port=port).ping():
                return process
        time.sleep(0.1)
    redis_stop(process)
    raise RuntimeError(f"redis-server on port {port} did not start")


def redis_stop(process: subprocess.Popen, *, sig: int = signal.SIGTERM) -> None:
    with contextlib.suppress(ProcessLookupError):
        process.send_signal(sig)
    process.wait(timeout=10)


PG_BIN = Path(os.environ.get("PROOF_PG_BIN", "/usr/lib/postgresql/15/bin"))


class PrivatePostgres:
    """A throwaway PostgreSQL cluster on loopback that a proof may stop hard; never the shared server."""

    def __init__(self, port: int, folder: Path) -> None:
        self.port, self.folder = port, folder

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        self._run("pg_ctl", "start", "-w", "-D", "data", "-l", "server.log", "-o", options)

    def stop(self, *, mode: str = "fast") -> None:
        """`immediate` is a crash: no checkpoint, clients cut off; the next start recovers from the WAL."""
        self._run("pg_ctl", "stop", "-w", "-D", "data", "-m", mode)

    def _run(self, program: str, *args: str) -> None:
        # PostgreSQL refuses to run as root: as root, run it as the postgres user.
        user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        done = subprocess.run(
            [*user, str(PG_BIN / program), *args], cwd=self.folder, capture_output=True, text=True, timeout=60
        )
        if done.returncode != 0:
            log = self.folder / "server.log"
            raise RuntimeError(f"{program} {args[0]} failed: {done.stderr}{log.exists() and log.read_text()}")


@contextlib.contextmanager
def private_postgres(port: int) -> Iterator[PrivatePostgres]:
    with tempfile.TemporaryDirectory(prefix="proof-pg-") as folder:
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres")
        server = PrivatePostgres(port, Path(folder))
        server._run("initdb", "-D", "data", "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync")
        server.start()
        try:
            yield server
        finally:
            with contextlib.suppress(RuntimeError):  # already stopped
                server.stop(mode="immediate")


@dataclass
class Answer:
    key: str  # X-Shopify-Webhook-Id
    sent: float  # time.monotonic()
    answered: float
    status: int  # 0: no answer (refused, reset or timed out)
    error: str = ""


ANSWER_TIMEOUT = 10


@contextlib.contextmanager
def webhook_stream(url: str, *, secret: str, clients: int = 2, pause: float = 0.02) -> Iterator[list[Answer]]:
    """Shopify's signed checkouts/update sample, each delivery with its own X-Shopify-Webhook-Id, posted
    by `clients` threads one after another until the block ends. Yields the answers as they come."""
    from bench.bench_ingest import _body, _hmac

    body = _body()
    headers = {
        "Content-Type": "application/json",
        "X-Shopify-Topic": "checkouts/update",
        "X-Shopify-Hmac-Sha256": _hmac(secret, body),
        "X-Shopify-Shop-Domain": "proof.myshopify.com",
    }
    answers: list[Answer] = []
    stop = threading.Event()

    def post_until_stopped() -> None:
        while not stop.is_set():
            key, sent, error = str(uuid.uuid4()), time.monotonic(), ""
            signed = {**headers, "X-Shopify-Webhook-Id": key}
            request = urllib.request.Request(url, data=body, headers=signed)  # noqa: S310 - http://
            try:
                with urllib.request.urlopen(request, timeout=ANSWER_TIMEOUT) as response:  # noqa: S310
                    status = response.status
            except urllib.error.HTTPError as exc:
                status = exc.code
            except OSError as exc:
                status, error = 0, repr(exc)
            answers.append(Answer(key, sent, time.monotonic(), status, error))
            stop.wait(pause)

    threads = [threading.Thread(target=post_until_stopped) for _ in range(clients)]
    for thread in threads:
        thread.start()
    try:
        yield answers
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=ANSWER_TIMEOUT + 5)


def peak_rss_mb(process: subprocess.Popen) -> dict[int, float]:
    """Peak RSS (VmHWM, MB) of each of the worker's processes, by pid: its parent and pool children.
    Children share the parent's pages after fork, so each figure counts those shared pages too."""
    peaks = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        with contextlib.suppress(OSError):
            if os.getpgid(int(status.parent.name)) != process.pid:
                continue
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
            peaks[int(status.parent.name)] = int(fields["VmHWM"].split()[0]) / 1024
    return peaks


UNSETTLED = ("pending", "sending")


def wait_drained(store_id: str, *, env: dict, expected: int, timeout: float = DRAIN_TIMEOUT) -> dict:
    """Poll until every nudge text has left pending/sending (or the time is up); the last status."""
    deadline = time.monotonic() + timeout
    while True:
        state = django("status", store_id, env=env)
        settled = sum(n for s, n in state["messages"].items() if s not in UNSETTLED)
        if settled >= expected or time.monotonic() > deadline:
            return state
        time.sleep(2)


@dataclass
class Verdict:
    ok: bool
    evidence: str
    # Further named verdicts measured in the same run (e.g. a worker's peak memory).
    also: dict = field(default_factory=dict)


def _show(twilio, bodies: list[str]) -> list[str]:
    """Who got a text the database does not know of, and its start: enough to find where it came from."""
    return [f"{m['to']}: {m['body'][:70]!r}" for m in twilio.messages if m["body"] in bodies[:3]]


def exactly_once(twilio, state: dict, *, expected: int) -> Verdict:
    """Every due text accepted by the provider once; a permanently refused one asked for once, never more."""
    accepted = Counter(m["body"] for m in twilio.messages)
    asked = Counter(r.params.get("Body") for r in twilio.requests)
    bodies = {body: (status, code) for body, status, code in state["bodies"]}
    # (status, error code) per body; the codes show which refusals were permanent.
    refused = {b for b, (status, code) in bodies.items() if status == "failed" and code in PERMANENT_CODES}
    twice = [b for b, n in accepted.items() if n > 1]
    lost = [b for b, (status, _) in bodies.items() if b not in refused and accepted[b] != 1]
    retried_refusals = [b for b in refused if asked[b] != 1 or accepted[b]]
    unknown = [b for b in accepted if b not in bodies]
    statuses = Counter(r.answered for r in twilio.requests)
    ok = len(bodies) == expected and not twice and not lost and not retried_refusals and not unknown
    evidence = (
        f"{expected} due, {len(bodies)} texts recorded, {sum(accepted.values())} accepted at the fake "
        f"({len(accepted)} distinct), {len(refused)} refused for good "
        f"{sorted(code for b, (_, code) in bodies.items() if b in refused)}; requests by answer "
        f"{dict(sorted(statuses.items()))}; sent twice {len(twice)}, lost {len(lost)}, "
        f"refusals retried {len(retried_refusals)}, unknown bodies {len(unknown)} {_show(twilio, unknown)}; "
        f"messages {state['messages']}, nudges {state['nudges']}, attempts {state['attempts']}"
    )
    return Verdict(ok=ok, evidence=evidence)


# Each gunicorn worker may answer 503 once more after PostgreSQL is back: its connection from before died.
RECOVERY_SECONDS = 2.0


def ingest_verdict(
    answers: list[Answer], *, committed: set[str], down: float, restart: float, up: float
) -> Verdict:
    """Never a 2xx without a commit; only 503 while the database is down (never 500, never no answer); 2xx
    again once it is back. PostgreSQL had stopped at `down`, was started at `restart`, accepted at `up`."""
    answers = sorted(answers, key=lambda a: a.sent)
    uncommitted = [a.key for a in answers if 200 <= a.status < 300 and a.key not in committed]
    wrong = [a for a in answers if a.status not in (200, 503)]
    while_down = [a for a in answers if a.sent >= down and a.answered <= restart]
    late_503 = [a for a in answers if a.sent >= up and a.status == 503]
    back = [a for a in answers if a.sent >= up + RECOVERY_SECONDS]
    ok = (
        bool(while_down and back)
        and not uncommitted
        and not wrong
        and all(a.status == 503 for a in while_down)
        and all(a.status == 200 for a in back)
    )
    return Verdict(
        ok=ok,
        evidence=(
            f"{len(answers)} deliveries, answers {dict(sorted(Counter(a.status for a in answers).items()))}; "
            f"PostgreSQL down {restart - down:.1f} s: {len(while_down)} sent and answered meanwhile, answers "
            f"{dict(Counter(a.status for a in while_down))}; {sum(200 <= a.status < 300 for a in answers)} "
            f"answered 2xx, {len(uncommitted)} of them not committed; back after {up - restart:.1f} s, then "
            f"{len(late_503)} more 503; {len(back)} sent from {RECOVERY_SECONDS:.0f} s later, answers "
            f"{dict(Counter(a.status for a in back))}; "
            f"wrong answers {[(a.status, a.error) for a in wrong][:3]}"
        ),
    )
