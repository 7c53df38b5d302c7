"""Broker settings that earlier fault proofs found wrong (see docs/scale-out.md)."""

import pytest
from django.conf import settings

from cartrecovery.celery import app
from cartrecovery.settings.broker import redis_broker_url


def test_the_broker_gets_a_redis_database_of_its_own():
    assert redis_broker_url("redis://redis:6379/0") == "redis://redis:6379/1"
    assert redis_broker_url("redis://:secret@redis:6379") == "redis://:secret@redis:6379/1"
    assert redis_broker_url("rediss://redis:6380/15") == "rediss://redis:6380/14"
    with pytest.raises(ValueError, match="set CELERY_BROKER_URL"):
        redis_broker_url("unix:///run/redis.sock")
    # a cache.clear() (FLUSHDB) in the suite must not empty the task queue either
    assert settings.CACHES["default"]["LOCATION"] != settings.CELERY_BROKER_URL


def test_no_retry_countdown_outlives_the_brokers_visibility_timeout():
    # Redis hands a reserved task to a worker again once it is unacknowledged for the visibility timeout, ETA
    # or not: a retry waiting longer would run twice, and its copy again, and so on.
    app.loader.import_default_modules()
    retrying = [t for t in app.tasks.values() if getattr(t, "autoretry_for", ()) and t.retry_backoff]

    longest = max(t.retry_backoff_max for t in retrying)

    assert retrying
    assert longest + 60 <= settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
