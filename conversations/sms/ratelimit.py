"""Each sender's segments-per-second limit, shared by every worker: a sliding window kept in Redis.

Twilio queues what a number cannot send at once (1 segment/s for a long code, 3 for toll-free) and fails
what waits more than hours; keeping under the limit ourselves keeps texts on time and in order.

What the limit is about is when requests *arrive* at the provider, which no worker can see. What it can
see is an interval that holds the arrival: it starts when the worker is given its turn and ends when the
provider's answer is back. So each send holds its segments in the sender's window from its turn until one
window length (1 s) after its answer; a turn is given only while the segments held, with this send's, fit
the sender's rate. Then no 1-second window of arrivals can hold more than the rate, however late a busy
CPU wakes a worker between its turn and its request: exact, where spacing turns by a margin was a guess.
The price is the request's round trip: a send holds its place for 1 s plus that time (about 1 % of the
rate at a few milliseconds; 10 % at 100 ms).

The window is a sorted set per sender in Redis: one member per send, scored by when it stops counting
(answer + window; a send in flight counts until `IN_FLIGHT_SECONDS` after its turn, so a worker that dies
mid-request frees its place). Taking a turn and giving the answer time are one Lua script each, timed by
Redis's own clock, so workers' clocks never disagree.
"""

import math
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from functools import cache

import redis
from django.conf import settings

from .base import RateLimited

DEFAULT_RATES = {"long_code": Decimal(1), "toll_free": Decimal(3), "short_code": Decimal(100)}
# A worker sleeps at most this long for its turn; longer and the task is retried later instead.
MAX_WAIT_SECONDS = 30.0
# A send whose answer never comes (the worker died) stops counting this long after its turn: longer
# than any request to the provider may take.
IN_FLIGHT_SECONDS = 120.0
# A worker waiting behind sends still in flight looks again this often (their end is not known yet).
POLL_SECONDS = 0.02

# KEYS[1]: the sender's window, KEYS[2]: the segments it holds (kept beside it, so a turn costs what
# stops counting, not a scan of the whole window: at a short code's 100/s it holds a hundred sends).
# ARGV: member ("<id>:<segments>"), segments, capacity, window and in-flight lengths (µs). Returns 0 (the
# turn is taken), the µs until the first answered send stops counting, or -1 when every send held is
# still in flight (their end is not known yet).
_TAKE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local segments, capacity = tonumber(ARGV[2]), tonumber(ARGV[3])
local window, in_flight = tonumber(ARGV[4]), tonumber(ARGV[5])
local used = tonumber(redis.call('GET', KEYS[2]) or '0')
local ended = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now)
if #ended > 0 then
    for i = 1, #ended do
        used = used - tonumber(string.match(ended[i], ':(%d+)$'))
    end
    redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
end
if used <= 0 or redis.call('ZCARD', KEYS[1]) == 0 then
    used = 0
end
local ttl = math.ceil((in_flight + window) / 1000) + 1000
if used == 0 or used + segments <= capacity then
    redis.call('ZADD', KEYS[1], now + in_flight + window, ARGV[1])
    redis.call('SET', KEYS[2], used + segments, 'PX', ttl)
    redis.call('PEXPIRE', KEYS[1], ttl)
    return 0
end
redis.call('SET', KEYS[2], used, 'PX', ttl)
local first = tonumber(redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2])
if first > now + window then
    return -1
end
return math.max(first - now, 1)
"""

# The answer came back ARGV[3] µs ago (measured by the worker, so neither the time it waited for a CPU
# after the answer nor this call's round trip is counted): the send stops counting one window after it.
_DONE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
redis.call('ZADD', KEYS[1], 'XX', now - math.max(tonumber(ARGV[3]), 0) + tonumber(ARGV[2]), ARGV[1])
return 0
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
    return client.register_script(_TAKE), client.register_script(_DONE)


def window_of(rate: Decimal) -> tuple[float, float]:
    """(window seconds, segments it holds): 1 s and the rate, or a longer window for a rate under 1/s."""
    window = max(1.0, 1 / float(rate))
    return window, float(rate) * window


class _LocalWindow:
    """Without Redis (the embedded demo: one worker), the same window in this process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._held: dict[str, dict[str, tuple[float, int]]] = {}

    def take(self, key: str, member: str, segments: int, capacity: float, window: float) -> float:
        with self._lock:
            now = time.monotonic()
            held = {m: v for m, v in self._held.get(key, {}).items() if v[0] > now}
            self._held[key] = held
            used = sum(s for _, s in held.values())
            if used == 0 or used + segments <= capacity:
                held[member] = (now + IN_FLIGHT_SECONDS + window, segments)
                return 0.0
            first = min(until for until, _ in held.values())
            return -1.0 if first > now + window else max(first - now, 1e-6)

    def done(self, key: str, member: str, window: float) -> None:
        with self._lock:
            held = self._held.get(key, {})
            if member in held:
                held[member] = (time.monotonic() + window, held[member][1])


_local = _LocalWindow()


def take(*, key: str, member: str, segments: int, rate: Decimal) -> float:
    """Take a turn for `segments` from sender `key` now (0.0), or the seconds before a place may free
    (-1.0: every place is held by a send still in flight)."""
    window, capacity = window_of(rate)
    if not settings.REDIS_URL:
        return _local.take(key, member, segments, capacity, window)
    args = [member, segments, capacity, _us(window), _us(IN_FLIGHT_SECONDS)]
    wait = int(_redis_scripts()[0](keys=_keys(key), args=args))
    return -1.0 if wait < 0 else wait / 1_000_000


def done(*, key: str, member: str, rate: Decimal, ago: float = 0.0) -> None:
    """The provider answered (or the request failed) `ago` seconds before this call: the send stops
    counting one window after that."""
    window, _ = window_of(rate)
    if not settings.REDIS_URL:
        _local.done(key, member, window - ago)
        return
    _redis_scripts()[1](keys=_keys(key), args=[member, _us(window), int(ago * 1_000_000)])


def _keys(key: str) -> list[str]:
    return [f"sms:window:{key}", f"sms:window:{key}:used"]


def _us(seconds: float) -> int:
    return math.ceil(seconds * 1_000_000)


class Held:
    """A turn being used. `answered(at)` tells when the provider's answer arrived (`time.monotonic()`),
    if the body knows it better than "when the body ended"."""

    def __init__(self, waited: float) -> None:
        self.waited = waited
        self.answered_at: float | None = None

    def answered(self, at: float | None) -> None:
        self.answered_at = at


@contextmanager
def turn(*, store, segments: int, max_wait: float = MAX_WAIT_SECONDS) -> Iterator[Held]:
    """Wait for this store's sender to have room for `segments`, hold it while the body sends, and let it
    go one window after the answer. Yields a `Held`; RateLimited (send nothing) past `max_wait`.

    The wait is the one the window returns, to the microsecond: no re-queueing, no coarse polling
    (except behind sends whose answer is not back yet)."""
    key, rate, segments = sender_key(store), sender_rate(store), max(segments, 1)
    member = f"{uuid.uuid4().hex}:{segments}"
    started = time.monotonic()
    while (wait := take(key=key, member=member, segments=segments, rate=rate)) != 0:
        wait = POLL_SECONDS if wait < 0 else wait
        if time.monotonic() - started + wait > max_wait:
            raise RateLimited(f"sender {key} is full for {wait:.1f} s", retry_after=wait)
        time.sleep(wait)
    held = Held(time.monotonic() - started)
    try:
        yield held
    finally:
        now = time.monotonic()
        answered = min(held.answered_at or now, now)
        done(key=key, member=member, rate=rate, ago=now - answered)
