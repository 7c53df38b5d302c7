"""Twilio inbound SMS webhook on gunicorn + PostgreSQL, against the minimal baseline view.

Both endpoints are served by one gunicorn (2 sync workers, bench settings, DEBUG off) and driven by wrk on
loopback with Twilio-signed forms, each with its own MessageSid, signed before the clock starts (Twilio
signs them, not the server). Baseline and real endpoint are measured alternately (twice each, best run
kept) so that a neighbour's burst on a shared machine does not land on one side only. The Celery tasks the
real endpoint queues are not run (no worker competes for the CPU) and are purged afterwards.
"""

import json
import os
import tempfile
import uuid
from pathlib import Path
from urllib.parse import urlencode

from .baseline_inbound import TABLE_SQL
from .core import Result, WrkStats, database_ensure, env_for_bench, gunicorn, manage, webhook_results, wrk

CONNECTIONS = 16
THREADS = 2
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
PORT = int(os.environ.get("BENCH_INBOUND_PORT", "8101"))
LUA = Path(__file__).with_name("twilio_sms.lua")
PUBLIC_BASE_URL = "https://bench.cartrecovery.test"
AUTH_TOKEN = "bench-twilio-auth-token"  # noqa: S105 - a throwaway token for a loopback server
STORE_NUMBER = "+13035550198"
SMS_PATH = "/webhooks/twilio/sms/"
BASELINE_PATH = "/bench/baseline/twilio-sms/"
# More signed forms than a round can send at this machine's pace, so no MessageSid repeats.
FORMS_PER_ROUND = int(os.environ.get("BENCH_INBOUND_FORMS", "30000"))

_STORE_SCRIPT = """
import json
from stores.models import Store
store, _ = Store.objects.get_or_create(
    name="Bench SMS Store", sms_number={number!r}, defaults={{"shop_domain": "bench-sms.myshopify.com"}}
)
print(json.dumps({{"id": str(store.id)}}))
"""

_COUNT_SCRIPT = """
from stores.models import WebhookEvent
print(WebhookEvent.objects.filter(source="twilio", key__startswith={prefix!r}).count())
"""

_CLEANUP_SCRIPT = """
from django.db import connection
from cartrecovery.celery import app
from stores.models import WebhookEvent
app.control.purge()
WebhookEvent.objects.filter(source="twilio", key__startswith={prefix!r}).delete()
with connection.cursor() as cursor:
    cursor.execute("DELETE FROM bench_baseline_sms WHERE message_sid LIKE %s", [{prefix!r} + "%"])
"""


def _signed_forms(path: str, *, prefix: str, count: int, to: str) -> Path:
    """A file of Twilio-signed inbound forms, one per line: signature TAB urlencoded body."""
    from twilio.request_validator import RequestValidator

    validator = RequestValidator(AUTH_TOKEN)
    lines = []
    for n in range(count):
        sid = f"{prefix}{n:08d}"
        form = {
            "ToCountry": "US",
            "SmsMessageSid": sid,
            "NumMedia": "0",
            "SmsSid": sid,
            "SmsStatus": "received",
            "Body": "how much is shipping?",
            "FromCountry": "US",
            "To": to,
            "NumSegments": "1",
            "MessageSid": sid,
            "AccountSid": "AC" + "0" * 32,
            "From": f"+1415555{n % 10000:04d}",
            "ApiVersion": "2010-04-01",
        }
        lines.append(validator.compute_signature(PUBLIC_BASE_URL + path, form) + "\t" + urlencode(form))
    handle = tempfile.NamedTemporaryFile("w", prefix="bench-sms-", suffix=".tsv", delete=False)  # noqa: SIM115
    with handle:
        handle.write("\n".join(lines) + "\n")
    return Path(handle.name)


def _baseline_table(env: dict[str, str]) -> None:
    import psycopg

    with psycopg.connect(env["DATABASE_URL"], autocommit=True) as conn:
        conn.execute(TABLE_SQL)


def _measure(url: str, path: str, *, prefix: str, seconds: int) -> WrkStats:
    forms = _signed_forms(path, prefix=prefix, count=FORMS_PER_ROUND, to=STORE_NUMBER)
    try:
        return wrk(
            url + path,
            script=LUA,
            args=[str(forms), str(THREADS)],
            seconds=seconds,
            connections=CONNECTIONS,
            threads=THREADS,
        )
    finally:
        forms.unlink(missing_ok=True)


def run() -> list[Result]:
    env = env_for_bench(PUBLIC_BASE_URL=PUBLIC_BASE_URL, TWILIO_AUTH_TOKEN=AUTH_TOKEN, SMS_BACKEND="locmem")
    database_ensure(env)
    _baseline_table(env)
    manage("shell", "-c", _STORE_SCRIPT.format(number=STORE_NUMBER), env=env)
    prefix = f"SMbench{uuid.uuid4().hex[:8]}"
    try:
        with gunicorn(port=PORT, env=env) as url:
            _measure(url, BASELINE_PATH, prefix=prefix + "wb", seconds=2)
            _measure(url, SMS_PATH, prefix=prefix + "wr", seconds=2)
            baseline_runs, real_runs = [], []
            for round_ in range(2):
                baseline_runs.append(
                    _measure(url, BASELINE_PATH, prefix=f"{prefix}b{round_}", seconds=SECONDS)
                )
                real_runs.append(_measure(url, SMS_PATH, prefix=f"{prefix}r{round_}", seconds=SECONDS))
        recorded = int(
            manage("shell", "-c", _COUNT_SCRIPT.format(prefix=prefix + "r"), env=env).strip().splitlines()[-1]
        )
    finally:
        manage("shell", "-c", _CLEANUP_SCRIPT.format(prefix=prefix), env=env)
    return webhook_results(
        endpoint="inbound SMS webhook (signed)",
        baseline_runs=baseline_runs,
        real_runs=real_runs,
        recorded=recorded,
        connections=CONNECTIONS,
        p99_max_ms=15_000,
        p99_target="< 15,000 ms (Twilio's timeout)",
    )


if __name__ == "__main__":
    print(json.dumps([r.__dict__ for r in run()], indent=1))
