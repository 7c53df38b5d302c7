"""The test suite: PostgreSQL and Redis on localhost, the locmem SMS outbox, a fast hasher."""

from .base import *  # noqa: F403
from .base import BASE_DIR, env
from .broker import broker_transport_options, redis_broker_url

DATABASES = {"default": env.db("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/cartrecovery")}
DATABASES["default"]["CONN_MAX_AGE"] = 0
REDIS_URL = env("REDIS_URL", default="redis://127.0.0.1:6379/15")
CACHES = {"default": {"BACKEND": "cartrecovery.cache.RedisCache", "LOCATION": REDIS_URL}}
CELERY_BROKER_URL = redis_broker_url(REDIS_URL)
CELERY_BROKER_TRANSPORT_OPTIONS = broker_transport_options(
    CELERY_BROKER_URL, queue_dir=BASE_DIR / "var" / "celery"
)
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
SMS_BACKEND = "locmem"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
PUBLIC_BASE_URL = "https://cartrecovery.test"
TWILIO_ACCOUNT_SID = "AC" + "0" * 32
TWILIO_AUTH_TOKEN = "test-auth-token"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
