"""Twilio's Messages API: the only module that imports `twilio`.

`TWILIO_API_BASE_URL` points the real library at another host (a local Twilio-compatible server in tests
and benchmarks). One client per account and process keeps its HTTP connections open between sends.
"""

import logging
import re
import threading
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation
from urllib.parse import urlsplit

import requests
from django.conf import settings
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client
from urllib3.exceptions import NewConnectionError

from .base import (
    OutgoingSms,
    PermanentSmsError,
    SenderRegistration,
    SendResult,
    SmsBackend,
    TransientSmsError,
)

logger = logging.getLogger(__name__)

HTTP_TIMEOUT_SECONDS = 15  # settings.TWILIO_HTTP_TIMEOUT overrides
# Twilio's verdicts that a later try may fix: throttled, its queue full, its own failure.
TRANSIENT_CODES = {"20429", "21611", "30001", "20500", "20503"}
_TWILIO_HOST = re.compile(r"^https://[a-z0-9.-]*twilio\.com")


class _Session(requests.Session):
    """Reads the environment's proxy and CA bundle settings once per origin, not on every request:
    requests scans os.environ for them twice per request (a third of a millisecond of CPU a text, issue
    13), and a worker's environment does not change while it runs."""

    def __init__(self) -> None:
        super().__init__()
        self._environment: dict = {}

    def merge_environment_settings(self, url, proxies, stream, verify, cert):
        if stream is not None or verify is not None or cert is not None:
            return super().merge_environment_settings(url, proxies, stream, verify, cert)
        key = (urlsplit(url)[:2], tuple(sorted((proxies or {}).items())), self.trust_env)
        merged = self._environment.get(key)
        if merged is None:
            given = None if proxies is None else dict(proxies)
            merged = self._environment[key] = super().merge_environment_settings(url, given, None, None, None)
        return {**merged, "proxies": dict(merged["proxies"])}


class _HttpClient(TwilioHttpClient):
    """Notes when each answer arrived, before the library parses it (the sender's limit counts from
    then); with `base_url`, sends every request there instead of https://api.twilio.com."""

    def __init__(self, *, base_url: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        library: requests.Session = self.session  # type: ignore[has-type]
        self.session = _Session()
        self.session.adapters = library.adapters  # the library's connection pools, as it mounted them
        self.base_url = base_url.rstrip("/")
        self._answers = threading.local()  # one client serves every thread of the process

    @property
    def answered_at(self) -> float | None:
        return getattr(self._answers, "at", None)

    def request(self, method, url, *args, **kwargs):
        if self.base_url:
            url = _TWILIO_HOST.sub(self.base_url, url)
        try:
            return super().request(method, url, *args, **kwargs)
        finally:
            self._answers.at = time.monotonic()


_clients: dict[tuple[str, str, float], Client] = {}
_clients_lock = threading.Lock()


def _client(account_sid: str) -> Client:
    account_sid = account_sid or settings.TWILIO_ACCOUNT_SID
    base_url = settings.TWILIO_API_BASE_URL
    timeout = float(getattr(settings, "TWILIO_HTTP_TIMEOUT", HTTP_TIMEOUT_SECONDS))
    key = (account_sid, base_url, timeout)
    with _clients_lock:
        client = _clients.get(key)
        if client is None:
            http = _HttpClient(base_url=base_url, timeout=timeout)
            client = _clients[key] = Client(
                settings.TWILIO_ACCOUNT_SID,
                settings.TWILIO_AUTH_TOKEN,
                account_sid=account_sid,
                http_client=http,
            )
    return client


def _error_from(exc: TwilioRestException) -> PermanentSmsError | TransientSmsError:
    code = str(exc.code or "")
    detail = f"Twilio {exc.status} {code}: {exc.msg}"[:300]
    if code in TRANSIENT_CODES or exc.status == 429 or (exc.status or 0) >= 500:
        return TransientSmsError(detail, code=code or str(exc.status))
    return PermanentSmsError(detail, code=code or str(exc.status))


def _decimal(value) -> Decimal | None:
    try:
        return Decimal(str(value)) if value not in (None, "") else None
    except InvalidOperation:
        return None


def _result(message) -> SendResult:
    segments = message.num_segments
    return SendResult(
        sid=message.sid,
        status=message.status or "queued",
        segments=int(segments) if segments not in (None, "") else None,
        price=_decimal(message.price),
    )


class TwilioBackend(SmsBackend):
    rate_limited = True

    def send(self, sms: OutgoingSms) -> SendResult:
        params = {"to": sms.to, "body": sms.body}
        if sms.messaging_service_sid:
            params["messaging_service_sid"] = sms.messaging_service_sid
        else:
            params["from_"] = sms.from_number
        if sms.status_callback:
            params["status_callback"] = sms.status_callback
        client = _client(sms.account_sid)
        try:
            message = client.messages.create(**params)
        except TwilioRestException as exc:
            raise _error_from(exc) from exc
        except requests.exceptions.ConnectTimeout as exc:
            raise TransientSmsError("Twilio did not answer the connection", code="connect_timeout") from exc
        except requests.exceptions.ConnectionError as exc:
            # Refused before a byte was sent is safe to retry; a reset mid-request may have been accepted.
            reason = getattr(exc.args[0], "reason", None) if exc.args else None
            refused = isinstance(reason, NewConnectionError)
            raise TransientSmsError(
                f"Twilio unreachable: {exc}"[:300], code="connection", ambiguous=not refused
            ) from exc
        except requests.exceptions.Timeout as exc:
            raise TransientSmsError("Twilio did not answer in time", code="timeout", ambiguous=True) from exc
        except TwilioException as exc:
            raise TransientSmsError(f"Twilio client error: {exc}"[:300], code="client") from exc
        return replace(_result(message), answered_at=getattr(client.http_client, "answered_at", None))

    def find_sent(self, sms: OutgoingSms, *, since: datetime) -> SendResult | None:
        """The text, if Twilio already took it: same recipient, same sender, same body, since `since`.

        Asked through the Messages list filtered by To, From and DateSent, so other senders' texts to the
        same shopper (other stores on the platform's account) neither hide it nor pass for it. Texts still
        in a queue have no date sent yet; the newest ones between the two numbers are read as well.
        """
        window_start = since.astimezone(UTC) - RECONCILE_CLOCK_SKEW
        filters = {"to": sms.to}
        if not sms.messaging_service_sid:
            filters["from_"] = sms.from_number
        try:
            messages = _client(sms.account_sid).messages
            # A day, not a moment: Twilio documents DateSent filters by day, and a wider net costs nothing.
            sent = messages.list(**filters, date_sent_after=window_start.date(), limit=RECONCILE_MAX_SENT)
            queued = messages.list(**filters, limit=RECONCILE_MAX_QUEUED)
        except (TwilioException, requests.exceptions.RequestException) as exc:
            raise TransientSmsError(f"Could not check Twilio for an earlier send: {exc}"[:300]) from exc
        for message in [*sent, *queued]:
            if _is_this_text(message, sms, window_start):
                return _result(message)
        return None

    def owns_sender(
        self, *, sms_number: str = "", messaging_service_sid: str = "", account_sid: str = ""
    ) -> bool:
        client = _client(account_sid)
        try:
            if messaging_service_sid and not _service_exists(client, messaging_service_sid):
                return False
            if not sms_number:
                return True
            # `PhoneNumber` also matches part of a number: compare the whole one.
            numbers = client.incoming_phone_numbers.list(phone_number=sms_number, limit=20)
            if any(number.phone_number == sms_number for number in numbers):
                return True
            if not messaging_service_sid:
                return False
            pool = client.messaging.v1.services(messaging_service_sid).phone_numbers.list(limit=400)
            return any(number.phone_number == sms_number for number in pool)
        except TwilioRestException as exc:
            raise _error_from(exc) from exc
        except (TwilioException, requests.exceptions.RequestException) as exc:
            raise TransientSmsError(f"Could not ask Twilio about the sender: {exc}"[:300]) from exc

    def sender_registration(
        self, *, account_sid: str, sender_kind: str, phone_number: str, messaging_service_sid: str
    ) -> SenderRegistration | None:
        """Read from Twilio: the Messaging Service's US A2P campaigns, or the toll-free verification."""
        client = _client(account_sid)
        if sender_kind == "short_code":
            return SenderRegistration(True, "short code: provisioned with the carriers")
        try:
            if sender_kind == "toll_free":
                return _toll_free_registration(client, phone_number)
            return _long_code_registration(client, messaging_service_sid)
        except (TwilioException, requests.RequestException) as exc:
            raise TransientSmsError(f"Twilio registration check failed: {exc}"[:300]) from exc


def _service_exists(client: Client, sid: str) -> bool:
    try:
        client.messaging.v1.services(sid).fetch()
    except TwilioRestException as exc:
        if exc.status == 404:
            return False
        raise
    return True


# Twilio's clock and ours may disagree a little; a text created just before our own row is still ours.
RECONCILE_CLOCK_SKEW = timedelta(minutes=1)
RECONCILE_MAX_SENT = 1000
RECONCILE_MAX_QUEUED = 50


def _is_this_text(message, sms: OutgoingSms, window_start: datetime) -> bool:
    if message.body != sms.body or message.to != sms.to:
        return False
    if sms.messaging_service_sid:
        if message.messaging_service_sid != sms.messaging_service_sid:
            return False
    elif message.from_ != sms.from_number:
        return False
    created = message.date_created
    return created is None or created >= window_start


_CAMPAIGN_OK = {"VERIFIED"}
_TOLL_FREE_OK = {"TWILIO_APPROVED"}


def _long_code_registration(client: Client, messaging_service_sid: str) -> SenderRegistration:
    if not messaging_service_sid:
        return SenderRegistration(
            False, "US long codes need a Messaging Service with a registered A2P 10DLC campaign"
        )
    campaigns = client.messaging.v1.services(messaging_service_sid).us_app_to_person.list(limit=20)
    statuses = sorted({c.campaign_status or "unknown" for c in campaigns})
    if any(status in _CAMPAIGN_OK for status in statuses):
        return SenderRegistration(True, "A2P 10DLC campaign verified")
    if not statuses:
        return SenderRegistration(False, "no A2P 10DLC campaign on this Messaging Service")
    return SenderRegistration(False, f"A2P 10DLC campaign {', '.join(statuses).lower()}")


def _toll_free_registration(client: Client, phone_number: str) -> SenderRegistration:
    numbers = client.incoming_phone_numbers.list(phone_number=phone_number, limit=1)
    if not numbers:
        return SenderRegistration(False, f"{phone_number} is not a number of this Twilio account")
    verifications = client.messaging.v1.tollfree_verifications.list(
        tollfree_phone_number_sid=numbers[0].sid, limit=5
    )
    statuses = sorted({v.status or "unknown" for v in verifications})
    if any(status in _TOLL_FREE_OK for status in statuses):
        return SenderRegistration(True, "toll-free number verified")
    if not statuses:
        return SenderRegistration(False, "no toll-free verification submitted")
    return SenderRegistration(False, f"toll-free verification {', '.join(statuses).lower()}")
