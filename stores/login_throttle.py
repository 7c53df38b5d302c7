"""Slow down password guessing: a fixed-window count of failed sign-ins in the shared cache.

Three windows, so neither a single IP spraying usernames nor many IPs hammering one login get far;
a success clears the caller's own counter. The cache (Redis in production) is shared by every web worker.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = getattr(settings, "LOGIN_THROTTLE_WINDOW_SECONDS", 15 * 60)
LIMITS = {
    "ip_user": getattr(settings, "LOGIN_THROTTLE_PER_IP_AND_USERNAME", 5),
    "ip": getattr(settings, "LOGIN_THROTTLE_PER_IP", 30),
    "user": getattr(settings, "LOGIN_THROTTLE_PER_USERNAME", 20),
}


def _keys(*, ip: str, username: str) -> dict[str, str]:
    # Hash the username: cache keys must not hold personal data or arbitrary characters.
    user = hashlib.sha256(username.strip().lower().encode()).hexdigest()[:32]
    return {
        "ip_user": f"login-fail:ip-user:{ip}:{user}",
        "ip": f"login-fail:ip:{ip}",
        "user": f"login-fail:user:{user}",
    }


def login_throttle_blocked(*, ip: str, username: str) -> bool:
    counts = cache.get_many(list(_keys(ip=ip, username=username).values()))
    return any(counts.get(key, 0) >= LIMITS[name] for name, key in _keys(ip=ip, username=username).items())


def login_failure_record(*, ip: str, username: str) -> None:
    for key in _keys(ip=ip, username=username).values():
        # add() starts the window only once; incr() keeps its expiry.
        cache.add(key, 0, timeout=WINDOW_SECONDS)
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=WINDOW_SECONDS)


def login_throttle_reset(*, ip: str, username: str) -> None:
    cache.delete(_keys(ip=ip, username=username)["ip_user"])
