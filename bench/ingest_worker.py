"""A gunicorn worker's whole CPU per Shopify webhook: `python -m bench.ingest_worker [spec …]`.

`bench/ingest_side.py` calls the WSGI application in-process, so it leaves out what gunicorn itself does
per request (accepting the connection, parsing the HTTP head in Python, writing the answer, closing) and
its access log; together they were a third of a worker's CPU per webhook in 2026-12 (bench/README.md).
This runs one gunicorn with ONE sync worker per spec, side by side, drives each in turn with wrk (the
signed `checkouts/update` body of `bench_ingest`, a fresh webhook id per request) in short bursts, and
reads the worker's user + system time from /proc around each burst: CPU per answered request, median
over the rounds. Alternating the bursts spreads a neighbour's load over every spec alike.

A spec is `name=root[,gunicorn argument,…]`: the checkout to serve (its code, its gunicorn.conf.py) and
extra gunicorn arguments. Without specs: this checkout as the load run serves it, and with an access log
as production writes it (`--access-logfile`, here to /dev/null). To compare with another checkout:

    python -m bench.ingest_worker main=/work/main branch=. main_log=/work/main,--access-logfile,/dev/null …

Environment: DATABASE_URL, REDIS_URL (as for `python -m bench`), BENCH_WORKER_ROUNDS (8),
BENCH_WORKER_SECONDS (2 per burst), BENCH_WORKER_PORT (8160, then one up per spec). Prints one JSON line
per spec.
"""

import contextlib
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

from .bench_ingest import _CLEANUP_SCRIPT, _STORE_SCRIPT, LUA, _body, _hmac
from .core import PYTHON, ROOT, database_ensure, env_for_bench, manage, wrk

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
CONNECTIONS = 4  # a few more than the one worker, so it never waits for wrk


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def _serve(root: Path, extra: list[str], *, port: int, env: dict[str, str], log) -> subprocess.Popen:
    command = [str(Path(PYTHON).parent / "gunicorn"), "cartrecovery.wsgi:application"]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", "1", "--worker-class", "sync", "--backlog", "512"]
    process = subprocess.Popen(
        [*command, "--log-level", "warning", *extra],
        cwd=root,
        env={**env, "PYTHONPATH": str(root)},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return process
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn for {root} did not answer on port {port}")


def _worker_pid(master: int) -> int:
    return int(Path(f"/proc/{master}/task/{master}/children").read_text().split()[0])


def run(specs: list[tuple[str, Path, list[str]]], *, rounds: int, seconds: int, port: int) -> list[dict]:
    env = env_for_bench()
    database_ensure(env)
    store = json.loads(manage("shell", "-c", _STORE_SCRIPT, env=env).strip().splitlines()[-1])
    body = _body()
    signature = _hmac(store["secret"], body)
    prefix = f"worker-{uuid.uuid4().hex[:8]}"
    servers: dict[str, tuple[subprocess.Popen, str]] = {}
    with tempfile.NamedTemporaryFile(suffix=".json") as body_file, tempfile.TemporaryFile() as log:
        body_file.write(body)
        body_file.flush()
        try:
            for n, (name, root, extra) in enumerate(specs):
                process = _serve(root, extra, port=port + n, env=env, log=log)
                servers[name] = (process, f"http://127.0.0.1:{port + n}/webhooks/shopify/{store['id']}/")
            for _, url in servers.values():  # warm-up: imports, connections, the store's secrets
                wrk(url, script=LUA, args=[body_file.name, signature, f"{prefix}w"], seconds=2, connections=4)
            samples: dict[str, list[tuple[float, float]]] = {name: [] for name in servers}
            load = [round(os.getloadavg()[0], 2)]
            for round_ in range(rounds):
                for name in list(servers) if round_ % 2 == 0 else list(reversed(servers)):
                    process, url = servers[name]
                    worker = _worker_pid(process.pid)
                    before = _cpu_seconds(worker)
                    stats = wrk(
                        url,
                        script=LUA,
                        args=[body_file.name, signature, f"{prefix}{name}{round_}"],
                        seconds=seconds,
                        connections=CONNECTIONS,
                    )
                    if stats.non_2xx or stats.socket_errors or not stats.requests:
                        raise RuntimeError(f"{name}: {stats}")
                    samples[name].append(((_cpu_seconds(worker) - before) * 1000 / stats.requests, stats.rps))
            load.append(round(os.getloadavg()[0], 2))
        finally:
            for process, _ in servers.values():
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=15)
            manage("shell", "-c", _CLEANUP_SCRIPT.format(prefix=prefix), env=env)
    return [
        {
            "name": name,
            "cpu_ms_per_request": round(statistics.median(cpu for cpu, _ in rows), 3),
            "rounds_cpu_ms": [round(cpu, 3) for cpu, _ in rows],
            "rounds_req_per_s": [round(rate) for _, rate in rows],
            "load_average": load,
        }
        for name, rows in samples.items()
    ]


def _spec(text: str) -> tuple[str, Path, list[str]]:
    name, rest = text.split("=", 1)
    root, *extra = rest.split(",")
    return name, Path(root).resolve(), extra


def main(argv: list[str]) -> None:
    specs = [_spec(arg) for arg in argv] or [
        ("load-run", ROOT, []),
        ("access-log", ROOT, ["--access-logfile", "/dev/null"]),
    ]
    results = run(
        specs,
        rounds=int(os.environ.get("BENCH_WORKER_ROUNDS", "8")),
        seconds=int(os.environ.get("BENCH_WORKER_SECONDS", "2")),
        port=int(os.environ.get("BENCH_WORKER_PORT", "8160")),
    )
    for result in results:
        print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
