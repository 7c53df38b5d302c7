"""Each sender's segments-per-second limit, shared by every worker: a token bucket kept in Redis.

Twilio queues what a number cannot send at once (1 segment/s for a long code, 3 for toll-free) and fails
what waits more than hours; keeping under the limit ourselves keeps texts on time and in order. The bucket
is a virtual clock (GCRA): each send reserves `segments / rate` seconds after the last reservation, so the
rate holds exactly across processes, a multi-segment text pays for every segment, and a worker that has to
wait knows how long before it sleeps. Redis's own clock is used, so workers' clocks never disagree.
"""

import math
import threading
import time
from decimal import Decimal
from functools import cache

import redis
from django.conf import settings

from .base import RateLimited

DEFAULT_RATES = {"long_code": Decimal(1), "toll_free": Decimal(3), "short_code": Decimal(100)}
# Actual sends keep 6 % more than the bare spacing apart: the carrier counts arrivals, and the tens of
# milliseconds of scheduling and network jitter on a busy host (3 % measured too little: 11 in a second)
# would otherwise squeeze rate + 1 texts into some one-second window.
SEND_SPACING_HEADROOM = 1.06
# A worker sleeps at most this long for its turn; longer and the task is retried later instead.
MAX_WAIT_SECONDS = 30.0

# The second half: right before the request, check the previous send actually left `cost` ago (a worker
# woken late by a busy CPU must not send on the heels of the next one) and stamp this send's time.
_COMMIT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local next_send = tonumber(redis.call('GET', KEYS[1]) or '0')
if now < next_send then
    return next_send - now
end
local cost = tonumber(ARGV[1])
redis.call('SET', KEYS[1], string.format('%.0f', now + cost), 'PX', math.ceil(cost / 1000) + 1000)
return 0
"""

_RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local cost = tonumber(ARGV[1])
local max_wait = tonumber(ARGV[2])
local next_free = tonumber(redis.call('GET', KEYS[1]) or '0')
local start = math.max(now, next_free)
local wait = start - now
if wait > max_wait then
    return -1 - wait
end
local until_free = start + cost
local ttl_ms = math.ceil((until_free - now) / 1000) + 1000
redis.call('SET', KEYS[1], string.format('%.0f', until_free), 'PX', ttl_ms)
return wait
"""


def sender_key(store) -> str:
    return store.messaging_service_sid or str(store.sms_number or "") or f"store:{store.id}"


def sender_rate(store) -> Decimal:
    """Segments per second this store's sender may send: its own setting, else its kind's default."""
    if store.sender_rate_per_second:
        return Decimal(store.sender_rate_per_second)
    return DEFAULT_RATES.get(store.sender_kind, Decimal(1))


@cache
def _redis_scripts():
    client = redis.Redis.from_url(settings.REDIS_URL)
    return client.register_script(_RESERVE), client.register_script(_COMMIT)


class _LocalClock:
    """Without Redis (the embedded demo: one worker), the same virtual clock in this process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._next_free: dict[str, float] = {}
        self._next_send: dict[str, float] = {}

    def commit(self, key: str, cost: float) -> float:
        with self._lock:
            now = time.monotonic()
            next_send = self._next_send.get(key, 0.0)
            if now < next_send:
                return next_send - now
            self._next_send[key] = now + cost
            return 0.0

    def reserve(self, key: str, cost: float, max_wait: float) -> float:
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next_free.get(key, 0.0))
            wait = start - now
            if wait > max_wait:
                return -1 - wait
            self._next_free[key] = start + cost
            return wait


_local = _LocalClock()


def reserve(*, key: str, segments: int, rate: Decimal, max_wait: float = MAX_WAIT_SECONDS) -> float:
    """Seconds to wait before sending `segments` from sender `key`; RateLimited if over `max_wait`."""
    cost = max(segments, 1) / float(rate)
    if settings.REDIS_URL:
        waited = _redis_scripts()[0](
            keys=[f"sms:rate:{key}"], args=[math.ceil(cost * 1_000_000), math.ceil(max_wait * 1_000_000)]
        )
        wait = int(waited) / 1_000_000
    else:
        wait = _local.reserve(key, cost, max_wait)
    if wait < 0:
        retry_after = -1 - wait
        raise RateLimited(f"sender {key} is booked for {retry_after:.1f} s", retry_after=retry_after)
    return wait


def commit(*, key: str, segments: int, rate: Decimal) -> float:
    """Stamp a send now if the previous one left long enough ago; else the seconds still to wait."""
    cost = max(segments, 1) * SEND_SPACING_HEADROOM / float(rate)
    if settings.REDIS_URL:
        return (
            int(_redis_scripts()[1](keys=[f"sms:sent:{key}"], args=[math.ceil(cost * 1_000_000)])) / 1_000_000
        )
    return _local.commit(key, cost)


def wait_for_turn(*, store, segments: int, max_wait: float = MAX_WAIT_SECONDS) -> float:
    """Block until this store's sender may send `segments` more; returns the seconds waited."""
    key, rate = sender_key(store), sender_rate(store)
    started = time.monotonic()
    wait = reserve(key=key, segments=segments, rate=rate, max_wait=max_wait)
    if wait > 0:
        time.sleep(wait)
    while (late := commit(key=key, segments=segments, rate=rate)) > 0:
        time.sleep(late)
    return time.monotonic() - started
