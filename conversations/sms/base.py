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
    # `time.monotonic()` when the provider's answer arrived, for the sender's limit (None: not known).
    answered_at: float | None = None


class SmsError(Exception):
    def __init__(self, message: str, *, code: str = "", ambiguous: bool = False) -> None:
        super().__init__(message)
        self.code = code
        # The request may have reached the provider (a read timeout): check before sending again.
        self.ambiguous = ambiguous


class PermanentSmsError(SmsError):
    """The provider refused for good (unsubscribed, invalid or landline number): never retry."""


class TransientSmsError(SmsError):
    """Throttled or the provider failed: retry later with backoff."""


class RateLimited(TransientSmsError):
    """The sender's segments-per-second budget is spent for longer than a worker should wait."""

    def __init__(self, message: str, *, retry_after: float) -> None:
        super().__init__(message, code="rate_limited")
        self.retry_after = retry_after


@dataclass(frozen=True)
class SenderRegistration:
    """Whether a sender may carry US traffic: an A2P 10DLC campaign (long code) or toll-free verification."""

    registered: bool | None  # None: could not tell
    detail: str


class SmsBackend:
    # Whether texts through this backend spend the sender's segments-per-second budget (a real carrier).
    rate_limited = False

    def send(self, sms: OutgoingSms) -> SendResult:
        raise NotImplementedError

    def find_sent(self, sms: OutgoingSms, *, since) -> SendResult | None:
        """A text already accepted for this recipient and body since `since`, if the provider can tell.

        Called before re-sending after an attempt whose outcome is unknown (a timeout, a worker that died
        mid-send), so one message never becomes two texts.
        """
        return None

    def owns_sender(
        self, *, sms_number: str = "", messaging_service_sid: str = "", account_sid: str = ""
    ) -> bool:
        """Whether the account may send from this sender: the Messaging Service is its own, and the number
        is one of its phone numbers (or in that service's pool). Raises `SmsError` when it cannot tell.

        Backends that reach no carrier (console, locmem) hold every sender.
        """
        return True

    def sender_registration(
        self, *, account_sid: str, sender_kind: str, phone_number: str, messaging_service_sid: str
    ) -> SenderRegistration | None:
        """The carrier registration of a sender, or None when this backend cannot tell (no carrier)."""
        return None
