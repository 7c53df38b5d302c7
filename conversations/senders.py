"""Is a sender really the store's? Asked of the SMS backend before stores saves a new one (see
`stores.store_settings.SENDER_VERIFIERS`): a number or Messaging Service of someone else's Twilio account
would route that tenant's replies, STOP included, here."""

import logging

from stores.models import Store

from .sms import get_backend
from .sms.base import SmsError

logger = logging.getLogger(__name__)

NOT_A_SERVICE = "Your Twilio account has no Messaging Service with this SID."
NOT_A_NUMBER = "This number is not one of your Twilio account's phone numbers."
UNREACHABLE = "Twilio could not confirm this sender just now, so nothing was saved. Try again in a minute."


def sender_ownership_problems(*, store: Store, sms_number: str, messaging_service_sid: str) -> dict[str, str]:
    backend = get_backend()
    account = store.twilio_account_sid
    field = "messaging_service_sid"
    try:
        if messaging_service_sid and not backend.owns_sender(
            messaging_service_sid=messaging_service_sid, account_sid=account
        ):
            return {field: NOT_A_SERVICE}
        field = "sender_number"
        if sms_number and not backend.owns_sender(
            sms_number=sms_number, messaging_service_sid=messaging_service_sid, account_sid=account
        ):
            return {field: NOT_A_NUMBER}
    except SmsError as exc:
        logger.warning("Sender check for store %s failed: %s", store.id, exc)
        return {field: UNREACHABLE}
    return {}
