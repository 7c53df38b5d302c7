"""Where Celery's broker lives, derived without Django set up (the proof harness needs it too)."""

from urllib.parse import urlsplit


def redis_broker_url(redis_url: str) -> str:
    """The Redis database after the cache's (the one before it for db 15, the last of Redis' default 16).

    The broker must not share the cache's database: `cache.clear()` is a FLUSHDB, which would also empty
    the task queue and every worker's unacknowledged tasks.
    """
    parts = urlsplit(redis_url)
    path = parts.path.strip("/") or "0"
    if not path.isdigit():  # a unix socket's path, say
        raise ValueError(f"No database number in {parts.scheme}://…{parts.path}: set CELERY_BROKER_URL.")
    db = int(path)
    return parts._replace(path=f"/{db + 1 if db < 15 else db - 1}").geturl()
