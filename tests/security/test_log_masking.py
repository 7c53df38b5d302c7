"""Phone numbers are masked in access logs (issue 11, item 13).

Shoppers' numbers travel in URLs: the consent log's and the API's `?phone=`, the simulator's `?number=`, a
short-link guess `/r/<digits>`. gunicorn's access log and Django's request log printed them whole.
"""

import logging
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from stores.phones import phones_masked_in_url

ROOT = Path(__file__).resolve().parents[2]
SHOPPER_DIGITS = "4155552671"
# The same number, the ways a browser, a script or a form puts it in a URL.
SPELLINGS = [
    "%2B14155552671",
    "+14155552671",
    "%2B1%20415%20555%202671",
    "%2B1+415+555+2671",
    "(415)%20555-2671",
    "415-555-2671",
    "14155552671",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, **headers) -> int:
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - our own server on loopback
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


@pytest.fixture
def gunicorn(db):
    """The production web server as the Dockerfile runs it (config read from the working directory)."""
    port = _free_port()
    database = django_settings.DATABASES["default"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cartrecovery.settings.test",
        "DATABASE_URL": "postgres://{USER}@{HOST}:{PORT}/{NAME}".format(**database),
    }
    command = [sys.executable, "-m", "gunicorn", "cartrecovery.wsgi:application"]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", "1", "--graceful-timeout", "2"]
    command += ["--access-logfile", "-", "--error-logfile", "-"]
    process = subprocess.Popen(  # noqa: S603 - a fixed command line
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90  # a busy machine takes its time to import Django
    while time.monotonic() < deadline:
        try:
            _get(base + "/healthz")
            break
        except OSError:
            time.sleep(0.2)
    try:
        yield base, process
    finally:
        if process.poll() is None:
            _stop(process)


def _stop(process: subprocess.Popen) -> str:
    """Stop gunicorn and return what it printed (its access log)."""
    if process.poll() is None:
        process.terminate()
    try:
        return process.communicate(timeout=30)[0] or ""
    except subprocess.TimeoutExpired:
        process.kill()
        return process.communicate()[0] or ""


def test_gunicorn_s_access_log_holds_no_shopper_number(gunicorn, store):
    base, process = gunicorn

    # when numbers arrive in paths, query strings and a referer
    statuses = [
        _get(f"{base}/healthz?phone={spelling}", Referer=f"{base}/inbox/?q={spelling}")
        for spelling in SPELLINGS
    ]
    statuses.append(_get(f"{base}/r/%2B14155552671"))
    statuses.append(_get(f"{base}/dashboard/{store.id}/consent/?phone=%2B14155552671"))
    log = _stop(process)

    # then the requests are in the access log, and the number in none of its spellings
    assert statuses[0] == 200
    assert log.count("GET /healthz?phone=") == len(SPELLINGS), log[-2000:]
    assert f"/dashboard/{store.id}/consent/?phone=" in log  # our ids stay readable
    assert "+14•••••••71" in log
    digits_only = "".join(ch for ch in log if ch.isdigit() or ch == "\n")
    assert SHOPPER_DIGITS not in digits_only.replace("\n", " ")
    for spelling in SPELLINGS:
        assert spelling not in log


def test_django_s_request_log_holds_no_shopper_number(client, store, owner, caplog):
    client.force_login(owner)
    with caplog.at_level(logging.INFO, logger="django.request"):
        client.get("/r/+14155552671")
        client.get(f"/api/v1/stores/{store.id}/nothing/+1%20415%20555%202671/")
        client.get(
            reverse("dashboard:team_member", kwargs={"store_id": store.id, "membership_id": 4155552671})
        )

    lines = [record.getMessage() for record in caplog.records if record.name == "django.request"]
    assert len(lines) >= 2
    assert not any(SHOPPER_DIGITS in "".join(filter(str.isdigit, line)) for line in lines), lines


STORE = "ed620232-ea65-466d-8157-ef382aa41b0a"


@pytest.mark.parametrize(
    ("logged", "kept"),
    [
        (f"GET /api/v1/stores/{STORE}/analytics/?from=2026-01-01&to=2026-01-31", True),
        (f"GET /inbox/{STORE}/threads/42/?v=3f2a9c1b44 HTTP/1.1", True),
        ("GET /inbox/12345678-1234-4234-8234-123456789012/ HTTP/1.1", True),
    ],
)
def test_dates_ids_and_short_numbers_stay_readable(logged, kept):
    assert (phones_masked_in_url(logged) == logged) is kept


def _masked_before_the_shortcuts(text: str) -> str:
    """`phones_masked_in_url` as it was before its cheap tests came first (2026-12-04): the reference."""
    import re

    from stores import phones

    ids = [match.span() for match in phones._UUID.finditer(text)]

    def mask(match: re.Match) -> str:
        found = match.group()
        digits = re.sub(r"%2[0-9a-fA-F]|\D", "", found)
        inside_an_id = any(start <= match.start() < end for start, end in ids)
        if len(digits) < phones.MIN_PHONE_DIGITS or inside_an_id or phones._ISO_DATE.fullmatch(found):
            return found
        plus = "+" if found.startswith(("+", "%2B", "%2b")) else ""
        return phones.phone_mask(plus + digits)

    return phones._NUMBER_IN_URL.sub(mask, text)


_URL_PIECES = [*'0123456789+-.() /?=&:abcdefABCDEF"', "%2B", "%2b", "%20", "%28", "%29", "%2D", "%2e", "%41"]
_URL_PIECES += [STORE, "2026-12-04", "+14155552671", "\n", "5552671", "415", "12"]
_URL_TEXT = st.lists(st.one_of(st.sampled_from("0123456789"), st.sampled_from(_URL_PIECES)), max_size=40)


@given(_URL_TEXT.map("".join))
@settings(max_examples=2000, deadline=None)
def test_the_shortcuts_mask_exactly_what_the_full_passes_mask(text):
    assert phones_masked_in_url(text) == _masked_before_the_shortcuts(text)


@pytest.mark.parametrize(
    "text",
    [
        f"POST /webhooks/shopify/{STORE}/ HTTP/1.1",
        "127.0.0.1:8100",
        "2026-12-04 +1 415 555 2671 and %2B1%20415%20555%202671",
        f"/x/{STORE[:20]}4155552671/?phone=(415)%20555-2671",
    ],
)
def test_the_shortcuts_on_a_request_s_values(text):
    assert phones_masked_in_url(text) == _masked_before_the_shortcuts(text)
