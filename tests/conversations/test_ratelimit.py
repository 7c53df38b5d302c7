import uuid
from decimal import Decimal

import pytest
import redis
from django.conf import settings

from conversations.sms import RateLimited
from conversations.sms.ratelimit import reserve, sender_key, sender_rate
from tests.stores.factories import StoreFactory


@pytest.fixture
def sender():
    key = f"test-{uuid.uuid4().hex}"
    yield key
    redis.Redis.from_url(settings.REDIS_URL).delete(f"sms:rate:{key}")


def test_each_send_books_its_segments_after_the_previous_one(sender):
    # given a sender allowed one segment every 1000 s (slow enough that the test's own time doesn't count)
    rate = Decimal("0.001")

    # when
    waits = [reserve(key=sender, segments=n, rate=rate, max_wait=100_000) for n in (1, 2, 1)]

    # then: 1 segment, then 2 segments, then the next starts after all three
    assert waits[0] == pytest.approx(0, abs=30)
    assert waits[1] == pytest.approx(1000, abs=30)
    assert waits[2] == pytest.approx(3000, abs=30)


def test_a_sender_booked_beyond_the_longest_wait_is_refused_without_booking(sender):
    reserve(key=sender, segments=1, rate=Decimal("0.001"), max_wait=30)

    with pytest.raises(RateLimited) as refused:
        reserve(key=sender, segments=1, rate=Decimal("0.001"), max_wait=30)

    assert refused.value.retry_after == pytest.approx(1000, abs=30)
    # the refusal booked nothing: the next caller still waits ~1000 s, not ~2000 s
    again = reserve(key=sender, segments=1, rate=Decimal("0.001"), max_wait=10_000)
    assert again == pytest.approx(1000, abs=30)


def test_senders_do_not_share_a_budget(sender):
    reserve(key=sender, segments=1, rate=Decimal("0.001"), max_wait=30)

    assert reserve(key=sender + "-other", segments=1, rate=Decimal("0.001"), max_wait=30) == pytest.approx(
        0, abs=1
    )
    redis.Redis.from_url(settings.REDIS_URL).delete(f"sms:rate:{sender}-other")


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
