"""What every benchmark shares: the Result row, servers on loopback, the load generator (wrk).

Each `bench/bench_*.py` exposes `run() -> list[Result]`; `python -m bench` runs them all and prints one
table. Benchmarks measure their baseline in the same run, on the same machine, served the same way, so a
figure is a ratio that survives a noisy or slower box.
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
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# Each measurement is bounded; nothing here runs longer than this per load step.
MAX_MEASUREMENT_SECONDS = 20


@dataclass
class Result:
    name: str
    value: float
    baseline: float | None
    unit: str
    target: str
    ok: bool
    ratio: float | None = None

    def __post_init__(self):
        if self.ratio is None and self.baseline:
            self.ratio = self.value / self.baseline


def table(results: list[Result]) -> str:
    header = ("benchmark", "value", "baseline", "ratio", "target", "ok")
    rows = [
        (
            r.name,
            f"{r.value:,.1f} {r.unit}",
            f"{r.baseline:,.1f} {r.unit}" if r.baseline is not None else "-",
            f"{r.ratio:.2f}" if r.ratio is not None else "-",
            r.target,
            "yes" if r.ok else "NO",
        )
        for r in results
    ]
    widths = [max(len(str(c)) for c in column) for column in zip(header, *rows, strict=False)]
    lines = [
        " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=False)) for row in (header, *rows)
    ]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


# --- environment -------------------------------------------------------------------------------------


def env_for_bench(**extra: str) -> dict[str, str]:
    """The environment benchmark servers run with: PostgreSQL and Redis from DATABASE_URL / REDIS_URL."""
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cartrecovery_bench")
    # db 12 and the broker's 13: apart from the test suite's (15 and 14), whose cache.clear() is a FLUSHDB.
    env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/12")
    env["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def database_ensure(env: dict[str, str]) -> None:
    """Create the benchmark database if it is missing and migrate it."""
    import psycopg

    url = env["DATABASE_URL"]
    if not url.startswith("postgres"):
        raise SystemExit("The benchmarks need PostgreSQL: set DATABASE_URL=postgres://…")
    name = url.rsplit("/", 1)[1].split("?")[0]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    manage("migrate", "--noinput", env=env)


def manage(*args: str, env: dict[str, str]) -> str:
    done = subprocess.run(
        [PYTHON, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def python_json(*args: str, env: dict[str, str], timeout: float = 300):
    """Run `python <args>` in the project (a benchmark's Django side); its last line of output, as JSON."""
    done = subprocess.run(
        [PYTHON, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"python {' '.join(args)[:200]} failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


@contextlib.contextmanager
def gunicorn(*, port: int, env: dict[str, str], workers: int = 2) -> Iterator[str]:
    """Serve the project (bench settings) with gunicorn on loopback; yields the base URL."""
    process = gunicorn_start(port=port, env=env, workers=workers)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        gunicorn_stop(process)


def gunicorn_start(
    *, port: int, env: dict[str, str], workers: int = 2, log: Path | None = None
) -> subprocess.Popen:
    """gunicorn in a process group of its own (its pid is the group's id), once it answers /healthz. Its
    output is appended to `log`, else to a temporary file removed when it stops."""
    temporary = log is None
    output = (
        tempfile.NamedTemporaryFile(prefix="bench-gunicorn-", suffix=".log", delete=False)  # noqa: SIM115
        if temporary
        else log.open("ab")
    )
    process = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "cartrecovery.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--worker-class",
            "sync",
            "--backlog",
            "512",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=output,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    process.log, process.log_temporary = output, temporary
    try:
        _wait_until_up(f"http://127.0.0.1:{port}/healthz", process=process, log=Path(output.name))
    except BaseException:
        gunicorn_stop(process)
        raise
    return process


def gunicorn_stop(process: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)
    process.log.close()
    if process.log_temporary:
        Path(process.log.name).unlink(missing_ok=True)


def _wait_until_up(url: str, *, process: subprocess.Popen, log: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited:\n{log.read_text()[-3000:]}")
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
            if response.status == 200:
                return
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer {url} within {timeout} s:\n{log.read_text()[-3000:]}")


# --- wrk -----------------------------------------------------------------------------------------------


@dataclass
class WrkStats:
    requests: int
    rps: float
    p50_ms: float
    p99_ms: float
    non_2xx: int
    socket_errors: int
    seconds: float = 0.0


def wrk_ensure() -> str:
    """Debian's wrk; installed with apt-get when missing (the benchmark machine is a throwaway box)."""
    path = shutil.which("wrk")
    if path:
        return path
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, env=env)
    path = shutil.which("wrk")
    if not path:
        raise SystemExit("wrk is required: apt-get install wrk")
    return path


def wrk(
    url: str,
    *,
    script: Path,
    args: list[str] = (),
    seconds: int = 10,
    connections: int = 32,
    threads: int = 2,
) -> WrkStats:
    seconds = min(seconds, MAX_MEASUREMENT_SECONDS)
    command = [
        wrk_ensure(),
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "5s",
        "--latency",
        "-s",
        str(script),
        url,
        "--",
        *args,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 30, check=True)
    return wrk_parse(done.stdout)


_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * _UNIT_MS[unit]


def wrk_parse(output: str) -> WrkStats:
    def find(pattern: str, default: str = "0") -> str:
        match = re.search(pattern, output)
        return match.group(1) if match else default

    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return WrkStats(
        requests=int(find(r"(\d+) requests in")),
        rps=float(find(r"Requests/sec:\s+([\d.]+)")),
        p50_ms=_ms(find(r"\n\s+50%\s+([\d.]+\w+)", "0ms")),
        p99_ms=_ms(find(r"\n\s+99%\s+([\d.]+\w+)", "0ms")),
        non_2xx=int(find(r"Non-2xx or 3xx responses: (\d+)")),
        socket_errors=sum(int(n) for n in errors.groups()) if errors else 0,
        seconds=_ms(find(r"requests in ([\d.]+\w+),", "0ms")) / 1000,
    )


def best(runs: list[WrkStats]) -> WrkStats:
    """The fastest round of one side: a neighbour's burst slows a round, it never speeds one up."""
    return max(runs, key=lambda r: r.rps)


def webhook_results(
    *,
    endpoint: str,
    baseline_runs: list[WrkStats],
    real_runs: list[WrkStats],
    recorded: int,
    connections: int,
    p99_max_ms: float,
    p99_target: str,
) -> list[Result]:
    """The four figures every webhook benchmark reports: rate vs baseline, p99, failures, nothing lost."""
    baseline, real = best(baseline_runs), best(real_runs)
    answered = sum(r.requests for r in real_runs)
    failures = sum(r.non_2xx + r.socket_errors for r in real_runs)
    return [
        Result(
            name=f"{endpoint}, {connections} conns",
            value=real.rps,
            baseline=baseline.rps,
            unit="req/s",
            target="≥ 0.6× baseline",
            ok=real.rps >= 0.6 * baseline.rps,
        ),
        Result(
            name=f"{endpoint} p99",
            value=real.p99_ms,
            baseline=baseline.p99_ms,
            unit="ms",
            target=p99_target,
            ok=real.p99_ms <= p99_max_ms,
        ),
        Result(
            name=f"{endpoint}: answers not 2xx (incl. socket errors)",
            value=failures,
            baseline=None,
            unit="",
            target="0",
            ok=failures == 0,
        ),
        Result(
            name=f"{endpoint}: deliveries recorded / answered",
            value=recorded,
            baseline=answered,
            unit="",
            target="all answered are recorded",
            ok=recorded >= answered,
        ),
    ]
