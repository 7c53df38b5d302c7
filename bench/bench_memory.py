"""Peak memory (VmHWM) of a gunicorn web worker and of a Celery worker after real work; ≤ 150 MB each.

Web and worker run at the same time against one seeded store, as in production. gunicorn (2 sync workers,
bench settings) serves three wrk clients at once for BENCH_MEMORY_SECONDS: signed Shopify
`checkouts/update` webhooks, signed inbound Twilio texts from 500 shoppers, and a logged-in owner's
dashboard and inbox pages (the pages import and render the most code). A Celery worker (prefork, 2 pool
children) meanwhile drains those webhooks, routes the texts (fallback reply, escalation), and delivers the
200 nudges of a dispatcher tick and the replies to the fake Twilio server, through the real `twilio` client.

Figures are VmHWM, the kernel's peak resident set of each process. A pool child's figure includes the
pages it still shares with its parent after fork, so parent and child are not to be added up; their PSS
(shared pages split between the processes that share them) is printed beside the table. The baseline is
a bare `django.setup()` with the same settings: the floor of any process of this project.
"""

import concurrent.futures
import contextlib
import http.client
import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

from .bench_inbound import AUTH_TOKEN, PUBLIC_BASE_URL, SMS_PATH, _signed_forms
from .bench_ingest import _body, _hmac
from .core import Result, database_ensure, env_for_bench, gunicorn_start, gunicorn_stop, python_json, wrk
from .proof.harness import (
    ACCOUNT_SID,
    broker_purge,
    celery_stop,
    django,
    peak_rss_mb,
    worker_start,
)

TARGET_MB = 150
SECONDS = int(os.environ.get("BENCH_MEMORY_SECONDS", "10"))
PORT = int(os.environ.get("BENCH_MEMORY_PORT", "8102"))
TEXTS = 200
SHOPPERS_TEXTING = 500
IDLE_TIMEOUT = 300
BENCH = Path(__file__).parent


def run() -> list[Result]:
    from tests.fakes.twilio_server import FakeTwilioServer

    with FakeTwilioServer() as twilio:
        env = env_for_bench(
            SMS_BACKEND="twilio",
            TWILIO_API_BASE_URL=twilio.url,
            TWILIO_ACCOUNT_SID=ACCOUNT_SID,
            TWILIO_AUTH_TOKEN=AUTH_TOKEN,
            PUBLIC_BASE_URL=PUBLIC_BASE_URL,
        )
        database_ensure(env)
        broker_purge(env)
        baseline = _bare_setup_peak_mb(env)
        site = _django("setup", env=env)
        try:
            with contextlib.ExitStack() as running:
                web = gunicorn_start(port=PORT, env=env)
                running.callback(gunicorn_stop, web)
                celery = worker_start(env, name="memory")
                running.callback(celery_stop, celery)
                _pages_answer(site)
                django("tick", env=env)
                _load(site)
                idle = _wait_idle(env)
                web_peaks, celery_peaks = peak_rss_mb(web), peak_rss_mb(celery)
                pss = {pid: _pss_mb(pid) for pid in (*web_peaks, *celery_peaks)}
            sent = len(twilio.messages)
        finally:
            broker_purge(env)
            _django("cleanup", env=env)
    web_peaks.pop(web.pid, None)  # gunicorn's master serves nothing; without --preload it imports little
    parent = celery_peaks.pop(celery.pid, 0.0)
    worked = idle and sent > TEXTS
    print(
        f"  memory: {sent} texts accepted by the fake Twilio (200 nudges + replies), worker idle: {idle}; "
        f"PSS at the end (MB): web workers {_show(web_peaks, pss)}; celery parent + children "
        f"{_show({celery.pid: parent, **celery_peaks}, pss)}",
        file=sys.stderr,
    )
    web_worker, child = max(web_peaks.values(), default=0.0), max(celery_peaks.values(), default=0.0)

    def row(name: str, value: float, *, target: str = "", ok: bool = True) -> Result:
        return Result(
            name=name,
            value=value,
            baseline=baseline,
            unit="MB",
            target=f"≤ {TARGET_MB} MB{target}",
            ok=0 < value <= TARGET_MB and ok,
        )

    return [
        row("web: gunicorn worker peak RSS (larger of 2) after webhooks + pages", web_worker),
        row("celery: prefork parent peak RSS", parent, target=", work done", ok=worked),
        row(
            "celery: largest pool child peak RSS (incl. pages shared with the parent)",
            child,
            target=", work done",
            ok=worked,
        ),
    ]


def _bare_setup_peak_mb(env: dict) -> float:
    status = python_json(
        "-c",
        "import django, json; django.setup(); print(json.dumps(open('/proc/self/status').read()))",
        env=env,
    )
    return _status_mb(status, "VmHWM")


def _status_mb(status: str, field: str) -> float:
    line = next(line for line in status.splitlines() if line.startswith(field + ":"))
    return int(line.split()[1]) / 1024


def _pss_mb(pid: int) -> float:
    with contextlib.suppress(OSError):
        return _status_mb(Path(f"/proc/{pid}/smaps_rollup").read_text(), "Pss")
    return 0.0


def _show(pids, pss: dict) -> str:
    """Each process's PSS and their sum: what these processes cost the machine together."""
    return " + ".join(f"{pss[pid]:.0f}" for pid in pids) + f" = {sum(pss[pid] for pid in pids):.0f}"


def _pages_answer(site: dict) -> None:
    """Every page answers 200 to the session: not a redirect to the login page, which renders little."""
    for path in site["pages"]:
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        connection.request("GET", path, headers={"Cookie": site["cookie"]})
        status = connection.getresponse().status
        connection.close()
        if status != 200:
            raise RuntimeError(f"{path} answered {status} to the logged-in owner")


def _load(site: dict) -> None:
    """Webhooks from a shop, texts from shoppers and an owner reading pages, all at once."""
    base = f"http://127.0.0.1:{PORT}"
    body = _body()
    prefix = f"memory-{uuid.uuid4().hex[:8]}"
    forms = _signed_forms(SMS_PATH, prefix="SM" + prefix, count=SHOPPERS_TEXTING, to=site["sms_number"])
    with tempfile.NamedTemporaryFile(suffix=".json") as body_file:
        body_file.write(body)
        body_file.flush()
        clients = [
            (
                f"{base}/webhooks/shopify/{site['store_id']}/",
                "shopify_update.lua",
                [body_file.name, _hmac(site["secret"], body), prefix],
            ),
            (base + SMS_PATH, "twilio_sms.lua", [str(forms), "1"]),
            (base + "/", "pages.lua", [site["cookie"], *site["pages"]]),
        ]
        try:
            with concurrent.futures.ThreadPoolExecutor(len(clients)) as pool:
                runs = [
                    pool.submit(
                        wrk, url, script=BENCH / lua, args=args, seconds=SECONDS, connections=4, threads=1
                    )
                    for url, lua, args in clients
                ]
                stats = [r.result() for r in runs]
        finally:
            forms.unlink(missing_ok=True)
    for (url, _, _), stat in zip(clients, stats, strict=True):
        if stat.non_2xx or stat.socket_errors or not stat.requests:
            raise RuntimeError(f"{url}: {stat}")
    print(f"  memory: requests served {[s.requests for s in stats]} (ingest, texts, pages)", file=sys.stderr)


def _wait_idle(env: dict) -> bool:
    """Until the broker's queue has been empty, with nothing unacknowledged, for 3 s in a row."""
    import redis

    from cartrecovery.settings.broker import redis_broker_url

    client = redis.Redis.from_url(env.get("CELERY_BROKER_URL") or redis_broker_url(env["REDIS_URL"]))
    deadline, quiet = time.monotonic() + IDLE_TIMEOUT, 0
    while time.monotonic() < deadline:
        quiet = quiet + 1 if client.llen("celery") == 0 and client.hlen("unacked") == 0 else 0
        if quiet >= 3:
            return True
        time.sleep(1)
    return False


# --- in the Django subprocess --------------------------------------------------------------------------

USERNAME = "bench-memory-owner@example.com"


def _django(mode: str, env: dict) -> dict:
    return python_json("-m", "bench.bench_memory", mode, env=env, timeout=120)


STORE_NAME = "Bench Memory"


def _setup() -> dict:
    """A store with TEXTS nudges due at the proofs' tick time, an owner's session, a few threads to open,
    and the pages to read."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from bench.proof.django_side import TICK_AT
    from bench.seed import due_carts_seed, store_with_first_step
    from conversations.models import Thread
    from conversations.simulator import phone_simulator_text
    from stores.models import Membership, Role

    _cleanup()  # an interrupted run's leftovers
    store, step = store_with_first_step(
        name=STORE_NAME, sms_number="+13035550195", sender_rate_per_second=9_999
    )
    # From 555-0100 up: the first ones play shoppers in the simulator, which takes test numbers only.
    phones = [f"+1212555{100 + i:04d}" for i in range(TEXTS)]
    due_carts_seed(store=store, step=step, now=TICK_AT, phones=phones, key="memory")
    owner = get_user_model().objects.create_user(username=USERNAME, email=USERNAME)
    Membership.objects.create(store=store, user=owner, role=Role.OWNER)
    for phone in phones[:5]:
        phone_simulator_text(store=store, from_number=phone, body="Is shipping free?")
    client = Client()
    client.force_login(owner)
    kwargs = {"store_id": store.id}
    pages = [
        reverse(name, kwargs=kwargs)
        for name in (
            "dashboard:home",
            "dashboard:flow",
            "dashboard:rules",
            "dashboard:settings",
            "dashboard:consent",
            "billing:page",
            "inbox:list",
            "inbox:simulator",
        )
    ]
    pages += [
        reverse("inbox:list_thread", kwargs={**kwargs, "thread_id": thread.id})
        for thread in Thread.objects.filter(store=store)
    ]
    return {
        "store_id": str(store.id),
        "secret": store.webhook_secret,
        "sms_number": str(store.sms_number),
        "cookie": f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}",
        "pages": pages,
    }


def _cleanup() -> dict:
    from django.contrib.auth import get_user_model

    from bench.seed import store_delete
    from stores.models import Store

    get_user_model().objects.filter(username=USERNAME).delete()
    for store in Store.objects.filter(name=STORE_NAME):
        store_delete(store)
    return {}


if __name__ == "__main__":
    import django as django_module

    django_module.setup()
    print(json.dumps(_setup() if sys.argv[1] == "setup" else _cleanup()))
