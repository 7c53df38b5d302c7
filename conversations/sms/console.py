"""Development: texts go to the log (and the phone simulator reads them back from the database)."""

import logging
import uuid

from .base import OutgoingSms, SendResult, SmsBackend

logger = logging.getLogger(__name__)


class ConsoleBackend(SmsBackend):
    def send(self, sms: OutgoingSms) -> SendResult:
        sender = sms.from_number or sms.messaging_service_sid or "(store sender)"
        logger.warning("SMS %s -> %s\n%s\n%s", sender, sms.to, sms.body, "-" * 60)
        return SendResult(sid="SMconsole" + uuid.uuid4().hex[:23], status="sent")
