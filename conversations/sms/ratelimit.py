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
# ARGV: capacity, window and in-flight lengths (µs), then a member ("<id>:<segments>") and its segments for
# each send, in order. Turns are taken for as many of them as fit, one after the other, exactly as that
# many calls would at this instant. Returns {taken, wait}: wait is 0 (every send has its turn), the µs
# until the first answered send stops counting, or -1 when every send held is still in flight (their end
# is not known yet).
_TAKE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local capacity, window, in_flight = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
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
local taken, next = 0, 4
while next < #ARGV do
    local segments = tonumber(ARGV[next + 1])
    if used > 0 and used + segments > capacity then
        break
    end
    redis.call('ZADD', KEYS[1], now + in_flight + window, ARGV[next])
    used, taken, next = used + segments, taken + 1, next + 2
end
redis.call('SET', KEYS[2], used, 'PX', ttl)
if taken > 0 then
    redis.call('PEXPIRE', KEYS[1], ttl)
end
if next > #ARGV then
    return {taken, 0}
end
local first = tonumber(redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2])
if first > now + window then
    return {taken, -1}
end
return {taken, math.max(first - now, 1)}
"""

# ARGV[1]: the window (µs), then each send's member and how long ago its answer came back (µs, measured
# by the worker, so neither the time it waited for a CPU after the answer nor this call's round trip is
# counted): each send stops counting one window after its own answer.
_DONE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local window = tonumber(ARGV[1])
for i = 2, #ARGV, 2 do
    redis.call('ZADD', KEYS[1], 'XX', now - math.max(tonumber(ARGV[i + 1]), 0) + window, ARGV[i])
end
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

    def take(
        self, key: str, sends: list[tuple[str, int]], capacity: float, window: float
    ) -> tuple[int, float]:
        with self._lock:
            now = time.monotonic()
            held = {m: v for m, v in self._held.get(key, {}).items() if v[0] > now}
            self._held[key] = held
            used = sum(s for _, s in held.values())
            taken = 0
            for member, segments in sends:
                if used > 0 and used + segments > capacity:
                    break
                held[member] = (now + IN_FLIGHT_SECONDS + window, segments)
                used, taken = used + segments, taken + 1
            if taken == len(sends):
                return taken, 0.0
            first = min(until for until, _ in held.values())
            return taken, -1.0 if first > now + window else max(first - now, 1e-6)

    def done(self, key: str, answers: list[tuple[str, float]], window: float) -> None:
        with self._lock:
            held = self._held.get(key, {})
            now = time.monotonic()
            for member, ago in answers:
                if member in held:
                    held[member] = (now - ago + window, held[member][1])


_local = _LocalWindow()


def take_many(*, key: str, sends: list[tuple[str, int]], rate: Decimal) -> tuple[int, float]:
    """Take turns from sender `key` now for as many of `sends` ((member, segments), in order) as fit:
    (how many, the seconds before a place may free for the next: 0.0 when all have their turn, -1.0
    when every place is held by a send still in flight)."""
    window, capacity = window_of(rate)
    if not settings.REDIS_URL:
        return _local.take(key, sends, capacity, window)
    args: list = [capacity, _us(window), _us(IN_FLIGHT_SECONDS)]
    for member, segments in sends:
        args += [member, segments]
    taken, wait = _redis_scripts()[0](keys=_keys(key), args=args)
    return int(taken), -1.0 if int(wait) < 0 else int(wait) / 1_000_000


def take(*, key: str, member: str, segments: int, rate: Decimal) -> float:
    """Take a turn for `segments` from sender `key` now (0.0), or the seconds before a place may free
    (-1.0: every place is held by a send still in flight)."""
    taken, wait = take_many(key=key, sends=[(member, segments)], rate=rate)
    return 0.0 if taken else wait


def done_many(*, key: str, answers: list[tuple[str, float]], rate: Decimal) -> None:
    """Each send (member, `ago`) was answered (or failed) `ago` seconds before this call: it stops
    counting one window after that."""
    window, _ = window_of(rate)
    if not settings.REDIS_URL:
        _local.done(key, answers, window)
        return
    args: list = [_us(window)]
    for member, ago in answers:
        args += [member, int(ago * 1_000_000)]
    _redis_scripts()[1](keys=_keys(key), args=args)


def done(*, key: str, member: str, rate: Decimal, ago: float = 0.0) -> None:
    """The provider answered (or the request failed) `ago` seconds before this call: the send stops
    counting one window after that."""
    done_many(key=key, answers=[(member, ago)], rate=rate)


def _keys(key: str) -> list[str]:
    return [f"sms:window:{key}", f"sms:window:{key}:used"]


def _us(seconds: float) -> int:
    return math.ceil(seconds * 1_000_000)


class Held:
    """Turns being used: the first `taken` of the sends asked for. `answered(at, n)` tells when the
    provider's answer to the n-th arrived (`time.monotonic()`), if the body knows it better than "when the
    body ended"."""

    def __init__(self, waited: float, taken: int = 1) -> None:
        self.waited = waited
        self.taken = taken
        self.answers: dict[int, float | None] = {}

    @property
    def answered_at(self) -> float | None:
        return self.answers.get(0)

    def answered(self, at: float | None, n: int = 0) -> None:
        self.answers[n] = at


@contextmanager
def turns(*, store, segments: list[int], max_wait: float = MAX_WAIT_SECONDS) -> Iterator[Held]:
    """Wait for this store's sender to have room for the first of `segments`, take turns at once for as
    many of them as fit, in order (`Held.taken`, at least one), hold them while the body sends those, and
    let each go one window after its own answer. RateLimited (nothing taken) past `max_wait`.

    Turns taken together are the turns one call each would give at that instant, each held from before
    its request until after its answer: as exact, for two calls to Redis instead of two per send (a
    chunk of `conversations.sending` sends a round of them back to back). The wait is the one the window
    returns, to the microsecond: no re-queueing, no coarse polling (except behind sends whose answer is
    not back yet)."""
    key, rate = sender_key(store), sender_rate(store)
    sends = [(f"{uuid.uuid4().hex}:{max(n, 1)}", max(n, 1)) for n in segments]
    started = time.monotonic()
    while True:
        taken, wait = take_many(key=key, sends=sends, rate=rate)
        if taken:
            break
        wait = POLL_SECONDS if wait < 0 else wait
        if time.monotonic() - started + wait > max_wait:
            raise RateLimited(f"sender {key} is full for {wait:.1f} s", retry_after=wait)
        time.sleep(wait)
    held = Held(time.monotonic() - started, taken)
    try:
        yield held
    finally:
        now = time.monotonic()
        answers = []
        for n, (member, _) in enumerate(sends[:taken]):
            answered = min(held.answers.get(n) or now, now)
            answers.append((member, now - answered))
        done_many(key=key, answers=answers, rate=rate)


@contextmanager
def turn(*, store, segments: int, max_wait: float = MAX_WAIT_SECONDS) -> Iterator[Held]:
    """`turns` for one send: its turn, held while the body sends, let go one window after the answer."""
    with turns(store=store, segments=[segments], max_wait=max_wait) as held:
        yield held
