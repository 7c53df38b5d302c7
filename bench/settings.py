"""The project as production runs it (DEBUG off, PostgreSQL, Redis broker), plus the baseline view's URL."""

from cartrecovery.settings.base import *  # noqa: F403
from cartrecovery.settings.base import env

DEBUG = False
ROOT_URLCONF = "bench.urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["CONN_MAX_AGE"] = 600
DATABASES["default"]["ATOMIC_REQUESTS"] = False
REDIS_URL = env("REDIS_URL")
CACHES = {"default": {"BACKEND": "cartrecovery.cache.RedisCache", "LOCATION": REDIS_URL}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# A log line per request would measure the terminal, not the code.
LOGGING = {**LOGGING, "root": {"handlers": ["console"], "level": "WARNING"}}  # noqa: F405
BENCH_BASELINE_SECRET = env("BENCH_BASELINE_SECRET", default="bench-baseline-secret")
