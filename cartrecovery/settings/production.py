"""The production shape (gunicorn, PostgreSQL, Redis behind a TLS proxy): refuses to start when unsafe.

Every refusal is an ImproperlyConfigured at import, so gunicorn, Celery and `manage.py check --deploy` all
stop with the same sentence instead of running with a guessable key or texting nobody.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, REDIS_URL, env

# The values shipped in .env.example (and the dev default): copying the example must not reach production.
PLACEHOLDER_SECRET_KEYS = frozenset({"change-me-to-a-long-random-string"})
PLACEHOLDER_TWILIO_AUTH_TOKENS = frozenset({"your-auth-token"})
# Django's own deploy check (security.W009) asks for this much; a shorter key is refused, not warned about.
SECRET_KEY_MIN_LENGTH = 50
# Backends that text nobody: fine for a demo, a silent outage in production.
NON_SENDING_SMS_BACKENDS = frozenset({"console", "locmem"})


def secret_key_problem(key: str) -> str:
    """Why this SECRET_KEY must not sign production sessions and tokens, or "" when it may."""
    if not key:
        return "SECRET_KEY must be set in production."
    if key in PLACEHOLDER_SECRET_KEYS or key.startswith(("dev-only", "change-me", "django-insecure")):
        return "SECRET_KEY is the placeholder from .env.example: generate one (see README, Deploy)."
    if len(key) < SECRET_KEY_MIN_LENGTH or len(set(key)) < 5:
        return f"SECRET_KEY must be at least {SECRET_KEY_MIN_LENGTH} random characters."
    return ""


def sms_backend_problem(*, backend: str, allow_console: bool, account_sid: str, auth_token: str) -> str:
    """Why this SMS configuration must not run in production, or "" when it may."""
    if backend in NON_SENDING_SMS_BACKENDS and not allow_console:
        return (
            f"SMS_BACKEND={backend} sends no texts: use twilio, or set ALLOW_CONSOLE_SMS=true "
            "for a deployment that must not text anyone."
        )
    if backend == "twilio" and (not auth_token or auth_token in PLACEHOLDER_TWILIO_AUTH_TOKENS):
        return "SMS_BACKEND=twilio needs TWILIO_AUTH_TOKEN: without it inbound webhooks cannot be verified."
    if backend == "twilio" and not account_sid:
        return "SMS_BACKEND=twilio needs TWILIO_ACCOUNT_SID."
    return ""


def _refuse_if(problem: str) -> None:
    if problem:
        raise ImproperlyConfigured(problem)


SECRET_KEY = env("SECRET_KEY", default="")
_refuse_if(secret_key_problem(SECRET_KEY))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL in production.")
if not REDIS_URL and not env("CELERY_BROKER_URL", default=""):
    raise ImproperlyConfigured("REDIS_URL (or CELERY_BROKER_URL) must be set in production.")
SMS_BACKEND = env("SMS_BACKEND", default="console")
ALLOW_CONSOLE_SMS = env.bool("ALLOW_CONSOLE_SMS", default=False)
_refuse_if(
    sms_backend_problem(
        backend=SMS_BACKEND,
        allow_console=ALLOW_CONSOLE_SMS,
        account_sid=env("TWILIO_ACCOUNT_SID", default=""),
        auth_token=env("TWILIO_AUTH_TOKEN", default=""),
    )
)

DEBUG = False
PHONE_SIMULATOR = env.bool("PHONE_SIMULATOR", default=False)
# Real shoppers' phones: operator commands that could text them ahead of time ask for --force.
REAL_SHOPPERS = True
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)
# Behind a TLS-terminating proxy that already redirects plain HTTP, set SECURE_SSL_REDIRECT=false.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# The header the TLS proxy sets to say the client spoke HTTPS. Only trust it when that proxy overwrites the
# client's own copy; set it empty when gunicorn faces clients directly.
_proxy_ssl_header = env("SECURE_PROXY_SSL_HEADER", default="X-Forwarded-Proto")
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_" + _proxy_ssl_header.upper().replace("-", "_"), "https") if _proxy_ssl_header else None
)
# One year, this host and its subdomains: browsers never try plain HTTP again once they have seen it.
# `preload` only allows a submission to the browsers' list, which accepts registrable domains alone, so on
# the usual subdomain host (recover.example.com) it commits nothing further.
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
