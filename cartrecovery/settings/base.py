"""Settings shared by every environment; each value can come from the environment (django-environ)."""

from datetime import timedelta
from pathlib import Path

import environ

from .broker import broker_transport_options, redis_broker_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
PUBLIC_BASE_URL = env("PUBLIC_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[PUBLIC_BASE_URL])

# The Shopify app (docs/shopify.md). SHOPIFY_ADMIN_URL: where a shop's OAuth and Admin API live; tests point
# it at a Shopify-compatible server on loopback.
SHOPIFY_API_KEY = env("SHOPIFY_API_KEY", default="")
SHOPIFY_API_SECRET = env("SHOPIFY_API_SECRET", default="")
# Minimal: read_orders (checkout, order and refund webhooks), read_products (stock), write_discounts (codes).
SHOPIFY_SCOPES = env("SHOPIFY_SCOPES", default="read_orders,read_products,write_discounts")
SHOPIFY_API_VERSION = env("SHOPIFY_API_VERSION", default="2025-10")
SHOPIFY_ADMIN_URL = env("SHOPIFY_ADMIN_URL", default="https://{shop}").rstrip("/")
# Fernet key(s) for secrets at rest (stores/secrets.py): comma-separated, the first encrypts; empty: derived.
TOKEN_ENCRYPTION_KEY = env("TOKEN_ENCRYPTION_KEY", default="")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "knox",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "phonenumber_field",
    "django_htmx",
    "csp",
    "axes",
    "stores",
    "flows",
    "conversations",
    "billing",
    "analytics",
    "dashboard",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Shop webhooks (views marked `machine_endpoint`) are served here, past the browser middleware below.
    "cartrecovery.middleware.MachineEndpointMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "stores.middleware.PasswordChangeRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "cartrecovery.middleware.RefuseNulMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as axes asks: it turns a sign-in refused by the lock into the 429 page.
    "axes.middleware.AxesMiddleware",
]

# Where `MachineEndpointMiddleware` looks for views marked `machine_endpoint`: the shop webhooks. Other
# paths (Twilio's webhooks included) skip the lookup, which would otherwise resolve their URL twice.
MACHINE_ENDPOINT_PREFIXES = ("/webhooks/shopify/", "/webhooks/carts/")

ROOT_URLCONF = "cartrecovery.urls"
WSGI_APPLICATION = "cartrecovery.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "dashboard.context_processors.shell",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded demo runs web, worker and beat on one file: wait for locks instead of failing.
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    # Not a rule on passwords: its password_changed() hook revokes the login's API tokens.
    {"NAME": "stores.services.api_tokens.ApiTokensRevokedOnPasswordChange"},
    # Nor this one: it lifts the must-change requirement of a password someone else has seen.
    {"NAME": "stores.team.PasswordChangeRequirementCleared"},
]
# An invitation link works this long (and once).
INVITATION_TTL_DAYS = env.int("INVITATION_TTL_DAYS", default=7)
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked (account, address) before any password is checked (stores/login_throttle.py).
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/accounts/login/"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Sign-in throttling (django-axes; the project's parts are in stores/login_throttle.py): failures are
# counted per (account, address) in the cache; the 5th in a window locks that pair, and each further
# failure doubles the lock, up to the ceiling. Never per account alone: that would be a lockout tool.
AXES_HANDLER = "stores.login_throttle.ResilientCacheHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = "stores.login_throttle.cool_off"
AXES_USERNAME_CALLABLE = "stores.login_throttle.account_key"
AXES_CLIENT_IP_CALLABLE = "stores.login_throttle.client_address"
AXES_LOCKOUT_CALLABLE = "stores.login_throttle.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ADMIN = False  # the cache handler keeps no database rows to show
LOGIN_THROTTLE_WINDOW_SECONDS = env.int("LOGIN_THROTTLE_WINDOW_SECONDS", default=15 * 60)
LOGIN_THROTTLE_MAX_LOCK_SECONDS = env.int("LOGIN_THROTTLE_MAX_LOCK_SECONDS", default=24 * 3600)
# The number of proxies in front that append the client's address to X-Forwarded-For (0: REMOTE_ADDR).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# A shop webhook body over this size is refused with 413 before it is read into memory twice.
WEBHOOK_MAX_BODY_BYTES = 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = WEBHOOK_MAX_BODY_BYTES + 64 * 1024

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # django-rest-knox: `Authorization: Token <token>`, stored hashed, with an expiry.
        "knox.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "cartrecovery.api.ApiPagination",
    "PAGE_SIZE": 100,
    "EXCEPTION_HANDLER": "cartrecovery.api.exception_handler",
}
# Every list answers at most this many rows, whatever `?limit=` asks.
API_MAX_PAGE_SIZE = 100
API_TOKEN_TTL_DAYS = env.int("API_TOKEN_TTL_DAYS", default=90)
REST_KNOX = {"TOKEN_TTL": timedelta(days=API_TOKEN_TTL_DAYS), "AUTH_HEADER_PREFIX": "Token"}
SPECTACULAR_SETTINGS = {
    "TITLE": "Cart Recovery API",
    "DESCRIPTION": "Management API and webhook schemas of Cart Recovery.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}


# Celery: without REDIS_URL the embedded demo uses kombu's filesystem transport (no server needed).
REDIS_URL = env("REDIS_URL", default="")
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="") or (
    redis_broker_url(REDIS_URL) if REDIS_URL else "filesystem://"
)
CELERY_BROKER_TRANSPORT_OPTIONS = broker_transport_options(
    CELERY_BROKER_URL, queue_dir=BASE_DIR / "var" / "celery"
)
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A safety net, not a budget: a pool child whose peak RSS passes this (KiB) is replaced after its task.
# Children peak near 106 MB (`make bench`); a child recycled for memory is a leak to look into.
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env.int("CELERY_WORKER_MAX_MEMORY_PER_CHILD", default=250_000)
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE = {
    "dispatch-due-nudges": {"task": "flows.tasks.dispatch_due", "schedule": 30.0},
    "return-quiet-threads-to-bot": {
        "task": "conversations.tasks.return_quiet_threads_to_bot",
        "schedule": 15 * 60.0,
    },
    "requeue-stale-webhook-events": {"task": "stores.tasks.requeue_stale_webhook_events", "schedule": 120.0},
    "requeue-stuck-messages": {"task": "conversations.tasks.requeue_stuck_messages", "schedule": 60.0},
    # Hourly, so each store's month is billed soon after its own midnight; reruns are no-ops.
    "issue-monthly-invoices": {"task": "billing.tasks.invoices_issue_due", "schedule": 3600.0},
}
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
# Seconds between a webhook's doorbell and the drain it queues (stores/tasks.py): the deliveries of that
# second are then processed as one batch. Texts go out 30–60 minutes later, so a second costs nothing there.
WEBHOOK_DRAIN_DELAY = env.float("WEBHOOK_DRAIN_DELAY", default=1.0)

CACHES = {
    "default": (
        {"BACKEND": "cartrecovery.cache.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# A text left `sending` this long belongs to a worker that died mid-send: another may take it over, after
# asking the provider whether it went out. Longer than the longest rate-limit wait plus Twilio's timeout.
SMS_STALE_SENDING = timedelta(minutes=2)
# A text still `pending` this long lost its delivery task (the broker lost its queue): the beat sweeper
# queues it again. Longer than the longest retry backoff, so a task that is only waiting is rarely doubled.
SMS_REQUEUE_PENDING_AFTER = timedelta(minutes=15)

# True under the production settings module: `dispatch_due --now <future>` then needs --force.
REAL_SHOPPERS = False

# SMS: a backend like Django's EMAIL_BACKEND. Short names map to conversations.sms.<name>.
SMS_BACKEND = env("SMS_BACKEND", default="console")
TWILIO_ACCOUNT_SID = env("TWILIO_ACCOUNT_SID", default="")
TWILIO_AUTH_TOKEN = env("TWILIO_AUTH_TOKEN", default="")
TWILIO_API_BASE_URL = env("TWILIO_API_BASE_URL", default="")
# Email (password-reset links only): an EMAIL_URL such as smtp+tls://user:pass@smtp.example.com:587;
# the default prints mails to the console, which is enough for a laptop.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Cart Recovery <no-reply@localhost>")
PASSWORD_RESET_TIMEOUT = 60 * 60 * 3  # a reset link works for three hours
# The phone simulator (play a shopper against the real router); production turns it off unless set.
PHONE_SIMULATOR = env.bool("PHONE_SIMULATOR", default=True)
# Who may create a store: "owners" (people who already own one, and staff), "staff", or "anyone" signed in.
# Agents are never owners, so under the default they cannot open a store of their own to claim a sender.
STORE_CREATION = env("STORE_CREATION", default="owners")
# A thread a person held (escalated, assigned, resolved) goes back to the bot after this long without a text.
THREAD_RETURN_TO_BOT_AFTER_HOURS = env.int("THREAD_RETURN_TO_BOT_AFTER_HOURS", default=24)

PHONENUMBER_DEFAULT_REGION = None
PHONENUMBER_DB_FORMAT = "E164"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "https:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    # Request paths and query strings carry shoppers' numbers (?phone=): masked before any handler.
    "filters": {"mask_phones": {"()": "stores.log_masking.PhoneMaskingFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # axes logs every successful sign-in at INFO; its failures and lockouts are WARNING.
        "axes": {"level": "WARNING"},
        # The twilio library logs ten INFO lines per request (0.15 ms of CPU a text), and a list's query
        # string carries the shopper's number (To=…); its errors reach us as exceptions.
        "twilio.http_client": {"level": "WARNING"},
        "django.request": {"filters": ["mask_phones"]},
        "django.server": {"filters": ["mask_phones"]},
    },
}
