from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class OutgoingSms:
    to: str
    body: str
    from_number: str = ""
    messaging_service_sid: str = ""
    status_callback: str = ""
    account_sid: str = ""
    store_id: str = ""


@dataclass(frozen=True)
class SendResult:
    sid: str
    status: str = "queued"
    segments: int | None = None
    price: Decimal | None = None
    extra: dict = field(default_factory=dict)


class SmsError(Exception):
    def __init__(self, message: str, *, code: str = "") -> None:
        super().__init__(message)
        self.code = code


class PermanentSmsError(SmsError):
    """The provider refused for good (unsubscribed, invalid or landline number): never retry."""


class TransientSmsError(SmsError):
    """Throttled or the provider failed: retry later with backoff."""


class SmsBackend:
    def send(self, sms: OutgoingSms) -> SendResult:
        raise NotImplementedError
