"""Twilio's two webhooks: inbound texts and delivery status. Signature first, then answer fast."""

import logging
import time

from django.conf import settings
from django.core.exceptions import BadRequest, RequestDataTooBig
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from twilio.request_validator import RequestValidator

from stores.models import Store
from stores.phones import phone_mask

from . import services

logger = logging.getLogger(__name__)

EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>'


def _twiml() -> HttpResponse:
    # Replies never go in TwiML: they leave through the outbound path to get SIDs, status and rate limits.
    return HttpResponse(EMPTY_TWIML, content_type="application/xml")


def signature_valid(request: HttpRequest) -> bool:
    """X-Twilio-Signature over the URL Twilio was given (PUBLIC_BASE_URL, not the proxy's view) + the form."""
    token = settings.TWILIO_AUTH_TOKEN
    if not token:
        logger.error("TWILIO_AUTH_TOKEN is not set: every Twilio webhook is refused")
        return False
    signature = request.headers.get("X-Twilio-Signature", "")
    if not signature:
        return False
    url = settings.PUBLIC_BASE_URL + request.get_full_path()
    return RequestValidator(token).validate(url, request.POST, signature)


def _form(request: HttpRequest) -> dict[str, str] | HttpResponse:
    """The verified form as a flat dict, or the answer to give instead (400, 403, 413; never 5xx)."""
    try:
        valid = signature_valid(request)
    except RequestDataTooBig:
        return HttpResponse(status=413)
    except (BadRequest, MultiPartParserError, UnicodeDecodeError, ValueError):
        return HttpResponse(status=400)
    if not valid:
        logger.warning("Twilio webhook %s refused: bad or missing signature", request.path)
        return HttpResponse(status=403)
    # PostgreSQL stores no NUL character, in text or in JSON: drop it rather than fail the request.
    return {key.replace("\x00", ""): request.POST.get(key, "").replace("\x00", "") for key in request.POST}


def store_for_inbound(*, to: str, messaging_service_sid: str = "", account_sid: str = "") -> Store | None:
    """The store a text was sent to: by its Messaging Service, else by number; a store on its own Twilio
    subaccount only takes texts from that subaccount. Remembered briefly: every text of a store asks."""
    key = (to, messaging_service_sid, account_sid)
    cached = _STORE_CACHE.get(key)
    if cached is not None and cached[1] > time.monotonic():
        return cached[0]
    store = _store_lookup(to=to, messaging_service_sid=messaging_service_sid, account_sid=account_sid)
    if len(_STORE_CACHE) >= STORE_CACHE_SIZE:
        _STORE_CACHE.clear()
    _STORE_CACHE[key] = (store, time.monotonic() + STORE_CACHE_SECONDS)
    return store


# Per process, short-lived: a number moved to another store is honoured within a minute.
STORE_CACHE_SECONDS = 60.0
STORE_CACHE_SIZE = 4096
_STORE_CACHE: dict[tuple[str, str, str], tuple[Store | None, float]] = {}


def store_cache_clear() -> None:
    _STORE_CACHE.clear()


def _store_lookup(*, to: str, messaging_service_sid: str, account_sid: str) -> Store | None:
    """The one store holding this Messaging Service or number (a sender belongs to one store), or None.

    Never a guess: when the service and the number name different stores, or the store keeps its own
    Twilio subaccount and the text came through another, the text is nobody's.
    """
    lookup = Q(messaging_service_sid=messaging_service_sid) if messaging_service_sid else Q()
    if to:
        # Numbers in a Messaging Service pool are not each store's sms_number: the service finds those.
        lookup |= Q(sms_number=to)
    if not lookup:
        return None
    stores = list(Store.objects.filter(lookup).only("id", "name", "twilio_account_sid")[:2])
    if len(stores) != 1:
        if stores:
            logger.warning(
                "Text to %s via service %s matches several stores: refused",
                phone_mask(to),
                messaging_service_sid[:40],
            )
        return None
    store = stores[0]
    if store.twilio_account_sid and store.twilio_account_sid != account_sid:
        logger.warning("Text to store %s came through another Twilio account: refused", store.id)
        return None
    return store


@csrf_exempt
@require_POST
def inbound_sms(request: HttpRequest) -> HttpResponse:
    params = _form(request)
    if isinstance(params, HttpResponse):
        return params
    sid, sender = params.get("MessageSid") or params.get("SmsSid"), params.get("From")
    if not sid or not sender:
        logger.warning("Twilio inbound without MessageSid or From ignored")
        return HttpResponse(status=400)
    params["MessageSid"] = sid
    store = store_for_inbound(
        to=params.get("To", ""),
        messaging_service_sid=params.get("MessagingServiceSid", ""),
        account_sid=params.get("AccountSid", ""),
    )
    if store is None:
        logger.warning("Text %s to unknown number %s ignored", sid[:40], phone_mask(params.get("To")))
        return _twiml()
    services.inbound_event_record(store=store, params=params)
    return _twiml()


@csrf_exempt
@require_POST
def status_callback(request: HttpRequest) -> HttpResponse:
    params = _form(request)
    if isinstance(params, HttpResponse):
        return params
    sid = params.get("MessageSid") or params.get("SmsSid")
    if not sid:
        return HttpResponse(status=400)
    message_id = request.GET.get("m", "")
    services.message_status_update(
        sid=sid,
        message_id=int(message_id) if message_id.isdigit() and len(message_id) < 19 else None,
        status=params.get("MessageStatus") or params.get("SmsStatus", ""),
        error_code=params.get("ErrorCode", ""),
        price=params.get("Price", ""),
        price_unit=params.get("PriceUnit", ""),
    )
    return HttpResponse(status=200)
