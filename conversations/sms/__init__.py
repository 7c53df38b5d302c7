"""SMS backends, picked by `settings.SMS_BACKEND` like Django's EMAIL_BACKEND.

`get_backend()` returns the configured backend; every backend implements `SmsBackend.send`.
"""

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

from .base import OutgoingSms, PermanentSmsError, RateLimited, SendResult, SmsBackend, TransientSmsError

SHORT_NAMES = {
    "console": "conversations.sms.console.ConsoleBackend",
    "locmem": "conversations.sms.locmem.LocmemBackend",
    "twilio": "conversations.sms.twilio.TwilioBackend",
}


@cache
def _backend_class(path: str) -> type[SmsBackend]:
    return import_string(SHORT_NAMES.get(path, path))


def get_backend() -> SmsBackend:
    return _backend_class(settings.SMS_BACKEND)()


__all__ = [
    "OutgoingSms",
    "PermanentSmsError",
    "RateLimited",
    "SendResult",
    "SmsBackend",
    "TransientSmsError",
    "get_backend",
]
