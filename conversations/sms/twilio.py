"""Twilio's Messages API: the only module that imports `twilio`.

`TWILIO_API_BASE_URL` points the real library at another host (a local Twilio-compatible server in tests
and benchmarks). One client per account and process keeps its HTTP connections open between sends.
"""

import logging
import re
import threading
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation

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

logger = logging.getLogger("cartrecovery.sms")

HTTP_TIMEOUT_SECONDS = 15  # settings.TWILIO_HTTP_TIMEOUT overrides
# Twilio's verdicts that a later try may fix: throttled, its queue full, its own failure.
TRANSIENT_CODES = {"20429", "21611", "30001", "20500", "20503"}
_TWILIO_HOST = re.compile(r"^https://[a-z0-9.-]*twilio\.com")


class _BaseUrlHttpClient(TwilioHttpClient):
    """Sends every Twilio API request to `base_url` instead of https://api.twilio.com."""

    def __init__(self, *, base_url: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.base_url = base_url.rstrip("/")

    def request(self, method, url, *args, **kwargs):
        return super().request(method, _TWILIO_HOST.sub(self.base_url, url), *args, **kwargs)


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
            http = (
                _BaseUrlHttpClient(base_url=base_url, timeout=timeout)
                if base_url
                else TwilioHttpClient(timeout=timeout)
            )
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
        try:
            message = _client(sms.account_sid).messages.create(**params)
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
        return _result(message)

    def find_sent(self, sms: OutgoingSms, *, since: datetime) -> SendResult | None:
        try:
            recent = _client(sms.account_sid).messages.list(to=sms.to, limit=20)
        except (TwilioException, requests.exceptions.RequestException) as exc:
            raise TransientSmsError(f"Could not check Twilio for an earlier send: {exc}"[:300]) from exc
        since = since - timedelta(minutes=1)
        for message in recent:
            created = message.date_created
            if message.body == sms.body and (created is None or created >= since):
                return _result(message)
        return None

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
