"""Production refuses unsafe settings: each case starts a fresh process with production settings and a crafted
environment, as an operator's `docker compose up` or `manage.py check --deploy` would."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER_KEY = next(
    line.split("=", 1)[1]
    for line in (ROOT / ".env.example").read_text().splitlines()
    if line.startswith("SECRET_KEY=")
)


def _production_env(**overrides: str | None) -> dict[str, str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "cartrecovery.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": "postgres://cartrecovery:pw@127.0.0.1:5432/cartrecovery",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "ALLOWED_HOSTS": "recover.example.com",
        "PUBLIC_BASE_URL": "https://recover.example.com",
        "SMS_BACKEND": "twilio",
        "TWILIO_ACCOUNT_SID": "AC" + "1" * 32,
        "TWILIO_AUTH_TOKEN": secrets.token_hex(16),
    }
    for name, value in overrides.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _deploy_check(**overrides: str | None) -> subprocess.CompletedProcess:
    return _manage("check", "--deploy", "--fail-level", "WARNING", env=_production_env(**overrides))


def test_check_deploy_passes_with_a_correct_production_environment():
    result = _deploy_check()

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_the_placeholder_secret_key_from_env_example_is_refused():
    assert PLACEHOLDER_KEY  # the example must keep a placeholder for this test to mean anything

    result = _deploy_check(SECRET_KEY=PLACEHOLDER_KEY)

    assert result.returncode != 0
    assert "SECRET_KEY is the placeholder" in result.stderr


@pytest.mark.parametrize("key", ["", "dev-only-insecure-key-change-me", "short-but-not-a-placeholder"])
def test_a_missing_dev_or_short_secret_key_is_refused(key):
    result = _deploy_check(SECRET_KEY=key)

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.parametrize("backend", ["console", "locmem", None])
def test_a_backend_that_texts_nobody_is_refused_unless_explicitly_allowed(backend):
    refused = _deploy_check(SMS_BACKEND=backend)
    allowed = _deploy_check(SMS_BACKEND=backend, ALLOW_CONSOLE_SMS="true")

    assert refused.returncode != 0
    assert "ALLOW_CONSOLE_SMS" in refused.stderr
    assert allowed.returncode == 0, allowed.stderr


@pytest.mark.parametrize("token", [None, "", "your-auth-token"])
def test_the_twilio_backend_without_an_auth_token_is_refused(token):
    result = _deploy_check(TWILIO_AUTH_TOKEN=token)

    assert result.returncode != 0
    assert "TWILIO_AUTH_TOKEN" in result.stderr


def test_the_twilio_backend_without_an_account_is_refused():
    result = _deploy_check(TWILIO_ACCOUNT_SID=None)

    assert result.returncode != 0
    assert "TWILIO_ACCOUNT_SID" in result.stderr


# A request through the whole production middleware stack, in the production process: no database needed.
# Only the static files' storage is swapped, since the probe runs without `collectstatic`'s manifest.
_PROBE = """
from django.conf import settings
from django.test import Client
settings.STORAGES = {**settings.STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
client = Client(HTTP_HOST="recover.example.com")
plain = client.get("/accounts/login/")
print("plain", plain.status_code, plain.get("Location", ""))
proxied = client.get("/accounts/login/", HTTP_X_FORWARDED_PROTO="https")
print("hsts", proxied.get("Strict-Transport-Security", ""))
cookie = proxied.cookies.get("csrftoken")
print("csrf-cookie-secure", bool(cookie and cookie["secure"]))
"""


def _probe(**overrides: str | None) -> dict[str, str]:
    result = _manage("shell", "-c", _PROBE, env=_production_env(**overrides))
    assert result.returncode == 0, result.stderr
    return dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)


def test_https_redirect_hsts_and_secure_cookies_are_on_by_default():
    seen = _probe()

    assert seen["plain"] == "301 https://recover.example.com/accounts/login/"
    assert seen["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert seen["csrf-cookie-secure"] == "True"


def test_the_redirect_can_be_left_to_a_tls_proxy():
    seen = _probe(SECURE_SSL_REDIRECT="false")

    assert seen["plain"].startswith("200")
    assert seen["hsts"].startswith("max-age=31536000")


def test_without_a_trusted_proxy_header_a_client_cannot_claim_https():
    seen = _probe(SECURE_PROXY_SSL_HEADER="")

    # the forged X-Forwarded-Proto is ignored: the request is still plain HTTP, so no HSTS header
    assert seen["plain"].startswith("301")
    assert seen["hsts"] == ""
    assert seen["csrf-cookie-secure"] == "False"
