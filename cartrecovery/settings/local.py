"""`make run` and local development: embedded defaults, the console SMS backend."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# `manage.py sms_reply` signs as Twilio would with this token, so the demo can be tried without an account.
TWILIO_AUTH_TOKEN = env("TWILIO_AUTH_TOKEN", default="dev-only-twilio-auth-token")
