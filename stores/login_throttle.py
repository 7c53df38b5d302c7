"""Sign-in throttling: django-axes, counting failures per (account, address) in the shared cache.

Axes sits in the authentication backends, so every sign-in form that calls `authenticate()` — ours and
`/admin/login/` — is counted and refused alike. This module holds what axes leaves to the project: how an
account name is normalised before counting, which address is the client's, how long a lock lasts (it
doubles with every failure past the limit), the 429 page, and a cache handler that lets people sign in,
unthrottled and logged, while the cache (Redis) is down.

Counting per account *and* address, never per account alone, is deliberate: a flood of failures from other
addresses must not lock the real person out of their own.
"""

import hashlib
import logging
import unicodedata
from datetime import timedelta
from functools import wraps

from axes.handlers.cache import AxesCacheHandler
from axes.helpers import get_cache
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.shortcuts import render
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

# Redis' own errors, and the socket errors a cache client may let through.
CACHE_ERRORS = (RedisError, OSError)


def _failure_limit() -> int:
    return settings.AXES_FAILURE_LIMIT


def account_key(request, credentials) -> str:
    """The account name as counted: NFKC + case fold, so `Owner@x`, `OWNER@x` and `ｏｗｎｅｒ@x` are one.

    Hashed to a fixed length: no personal data in cache keys, and axes joins the key's parts without a
    separator, so a fixed-length account part cannot run into the address that follows it.
    """
    raw = (credentials or {}).get("username")
    if raw is None:
        raw = request.POST.get("username", "")
    name = unicodedata.normalize("NFKC", str(raw)).casefold().strip()
    return hashlib.sha256(name.encode()).hexdigest()


def client_address(request) -> str:
    """REMOTE_ADDR; behind TRUSTED_PROXY_COUNT proxies that append to X-Forwarded-For, the address the
    outermost of them saw. Entries left of that are the client's own writing and are never trusted."""
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if len(hops) >= count:
            return hops[-count][:64]
    return request.META.get("REMOTE_ADDR", "")


def lock_seconds(failures: int) -> int:
    """How long failures are remembered after `failures` in a row: the counting window below the limit,
    then doubling with each failure past it, up to a ceiling."""
    base = settings.LOGIN_THROTTLE_WINDOW_SECONDS
    over_limit = max(failures - _failure_limit(), 0)
    return min(base * 2**over_limit, settings.LOGIN_THROTTLE_MAX_LOCK_SECONDS)


def cool_off(request) -> timedelta:
    """AXES_COOLOFF_TIME: how long the failure about to be counted is kept (axes asks before counting)."""
    failures_so_far = 0 if request is None else ResilientCacheHandler().get_failures(request)
    return timedelta(seconds=lock_seconds(failures_so_far + 1))


def lockout_response(request, original_response=None, credentials=None):
    """The sign-in page, saying why, with 429: for our form and the admin's alike. The password is not
    checked while a lock holds."""
    failures = ResilientCacheHandler().get_failures(request, credentials)
    minutes = max(1, -(-lock_seconds(failures) // 60))
    context = {
        "form": AuthenticationForm(request),
        "throttled": True,
        "retry_minutes": minutes,
        "next": request.POST.get("next", ""),
    }
    return render(request, "registration/login.html", context, status=429)


def _degrade(default=None):
    """Run a cache handler method; if the cache is unreachable, log it and carry on unthrottled."""

    def decorate(method):
        @wraps(method)
        def wrapper(*args, **kwargs):
            try:
                return method(*args, **kwargs)
            except CACHE_ERRORS as exc:
                log.warning(
                    "Sign-in throttling is off: the cache is unreachable (%s: %s)", type(exc).__name__, exc
                )
                return default

        return wrapper

    return decorate


class ResilientCacheHandler(AxesCacheHandler):
    """Axes' cache handler, except that a cache outage means no throttle (logged), never a failed sign-in.

    The cache is looked up on each use rather than kept from start-up, so a reconnect or a settings change
    (tests) is seen at once.
    """

    def __init__(self):
        pass

    @property
    def cache(self):
        return get_cache()

    get_failures = _degrade(default=0)(AxesCacheHandler.get_failures)
    user_login_failed = _degrade()(AxesCacheHandler.user_login_failed)
    user_logged_in = _degrade()(AxesCacheHandler.user_logged_in)
    reset_attempts = _degrade(default=0)(AxesCacheHandler.reset_attempts)
