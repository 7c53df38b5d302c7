"""The project's Redis cache: one redis-py client per pool, reused, and still working after Redis drops it."""

import redis
from django.conf import settings
from django.core.cache import cache, caches

from cartrecovery.cache import RedisCache


def test_every_cache_call_uses_the_same_client():
    assert isinstance(caches["default"], RedisCache)
    assert cache._cache.get_client(write=True) is cache._cache.get_client(write=True)
    assert cache._cache.get_client("a key") is cache._cache.get_client("another key")


def test_the_cache_answers_after_redis_drops_its_connection():
    # given the cache's connection is open and idle in its pool
    cache.set("cache-test:before", 1)
    own_id = cache._cache.get_client(write=True).client_id()

    # when Redis drops it (as a restart does), closed from another connection
    with redis.Redis.from_url(settings.REDIS_URL) as other:
        assert other.client_kill_filter(_id=own_id) == 1

    # then the next calls reconnect by themselves
    assert cache.add("cache-test:after", 2, timeout=5)
    assert cache.get("cache-test:after") == 2
    assert cache._cache.get_client(write=True).client_id() != own_id
    cache.delete_many(["cache-test:before", "cache-test:after"])
