"""Django's Redis cache with one redis-py client per connection pool, instead of one built per call.

Django's `RedisCacheClient.get_client` builds a new `redis.Redis` around its pool for every cache call.
Building one copies redis-py's table of response callbacks (about 170 entries, each upper-cased), which
cost more CPU than the SET NX the webhook doorbell sends with it. The client holds no connection of its
own: its pool does, so sharing it changes nothing else. A connection the server dropped (a Redis restart)
is found and replaced by the pool when it is next taken, and the pool starts afresh in a forked child.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class PooledRedisCacheClient(RedisCacheClient):
    def __init__(self, servers, **options) -> None:
        super().__init__(servers, **options)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = PooledRedisCacheClient
