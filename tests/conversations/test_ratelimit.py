import bisect
import random
import threading
import time
import uuid
from decimal import Decimal

import pytest
import redis
from django.conf import settings

from conversations.sms import RateLimited
from conversations.sms.ratelimit import done, sender_key, sender_rate, take, take_many, turn, turns
from tests.stores.factories import StoreFactory


@pytest.fixture
def sender():
    key = f"test-{uuid.uuid4().hex}"
    yield key
    redis.Redis.from_url(settings.REDIS_URL).delete(f"sms:window:{key}", f"sms:window:{key}-other")


def _member(segments: int = 1) -> str:
    return f"{uuid.uuid4().hex}:{segments}"


SLOW = Decimal("0.001")  # one segment per 1000 s: the test's own time does not count


def test_a_send_holds_its_place_from_its_turn_until_one_window_after_its_answer(sender):
    first, second = _member(), _member()
    assert take(key=sender, member=first, segments=1, rate=SLOW) == 0

    in_flight = take(key=sender, member=second, segments=1, rate=SLOW)
    done(key=sender, member=first, rate=SLOW)
    answered = take(key=sender, member=second, segments=1, rate=SLOW)

    assert in_flight == -1  # the first is still being sent: when it ends is not known yet
    assert answered == pytest.approx(1000, abs=30)  # one window after the first's answer


def test_segments_fill_the_window_and_a_long_text_waits_for_room(sender):
    rate = Decimal(3)

    waits = [take(key=sender, member=_member(n), segments=n, rate=rate) for n in (2, 2, 1)]

    assert waits == [0, -1, 0]  # 2 + 2 > 3 segments, 2 + 1 fits


def test_turns_taken_together_are_the_turns_taken_one_by_one(sender):
    rate = Decimal(3)

    taken, wait = take_many(key=sender, sends=[(_member(n), n) for n in (1, 1, 2, 1)], rate=rate)
    after = take(key=sender, member=_member(1), segments=1, rate=rate)

    # 1 + 1 fit, 1 + 1 + 2 > 3 stops the round there (in order: the fourth does not jump the queue),
    # and every place held is in flight; one more segment still fits
    assert (taken, wait) == (2, -1)
    assert after == 0


def test_a_round_lets_each_turn_go_one_window_after_its_own_answer(sender):
    store = StoreFactory.build(sms_number="", messaging_service_sid=sender, sender_rate_per_second=3)

    with turns(store=store, segments=[1, 1]) as held:
        held.answered(time.monotonic() - 0.3, 0)
        held.answered(time.monotonic(), 1)

    window = redis.Redis.from_url(settings.REDIS_URL).zrange(f"sms:window:{sender}", 0, -1, withscores=True)
    ends = [score for _, score in window]
    assert held.taken == 2
    assert ends[1] - ends[0] == pytest.approx(300_000, abs=50_000)  # µs


def test_a_text_longer_than_the_window_still_goes_out_alone(sender):
    assert take(key=sender, member=_member(5), segments=5, rate=Decimal(3)) == 0


def test_a_sender_full_beyond_the_longest_wait_is_refused_and_takes_nothing(sender):
    store = StoreFactory.build(sms_number="", messaging_service_sid=sender, sender_rate_per_second=SLOW)
    with turn(store=store, segments=1):
        pass

    with pytest.raises(RateLimited) as refused, turn(store=store, segments=1, max_wait=30):
        pass

    assert refused.value.retry_after == pytest.approx(1000, abs=30)
    assert redis.Redis.from_url(settings.REDIS_URL).zcard(f"sms:window:{sender}") == 1


def test_senders_do_not_share_a_window(sender):
    take(key=sender, member=_member(), segments=1, rate=SLOW)

    assert take(key=sender + "-other", member=_member(), segments=1, rate=SLOW) == 0


def test_the_window_works_the_same_in_one_process_without_redis(settings):
    settings.REDIS_URL = ""
    key, first = f"local-{uuid.uuid4().hex}", _member()
    assert take(key=key, member=first, segments=1, rate=SLOW) == 0
    assert take(key=key, member=_member(), segments=1, rate=SLOW) == -1
    done(key=key, member=first, rate=SLOW)
    assert take(key=key, member=_member(), segments=1, rate=SLOW) == pytest.approx(1000, abs=30)


def test_no_second_holds_more_arrivals_than_the_rate_however_late_each_request_leaves(sender):
    # given: 6 workers share a 25/s sender; each request "arrives" at a random moment between its turn and
    # its answer, as on a busy box where a worker may be descheduled after its turn
    store = StoreFactory.build(
        sms_number="", messaging_service_sid=sender, sender_rate_per_second=Decimal(25)
    )
    arrivals, lock, rng = [], threading.Lock(), random.Random(13)

    def worker(sends: int) -> None:
        for _ in range(sends):
            before, after = rng.random() * 0.03, rng.random() * 0.03
            with turn(store=store, segments=1):
                time.sleep(before)
                with lock:
                    arrivals.append(time.monotonic())
                time.sleep(after)

    threads = [threading.Thread(target=worker, args=(10,)) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    arrivals.sort()
    most = max(bisect.bisect_left(arrivals, t + 1.0) - i for i, t in enumerate(arrivals))
    assert len(arrivals) == 60
    assert most <= 25


@pytest.mark.parametrize(
    ("kind", "override", "expected"),
    [
        ("long_code", None, Decimal(1)),
        ("toll_free", None, Decimal(3)),
        ("short_code", None, Decimal(100)),
        ("long_code", Decimal("2.5"), Decimal("2.5")),
    ],
)
def test_the_rate_is_the_stores_own_else_its_sender_kinds_default(kind, override, expected):
    store = StoreFactory.build(sender_kind=kind, sender_rate_per_second=override)

    assert sender_rate(store) == expected


def test_a_messaging_service_is_one_sender_for_all_its_numbers():
    store = StoreFactory.build(messaging_service_sid="MG123", sms_number="+13035550100")

    assert sender_key(store) == "MG123"
