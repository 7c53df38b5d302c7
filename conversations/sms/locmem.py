"""Tests: an in-memory outbox, like django.core.mail.outbox."""

import threading

from .base import OutgoingSms, SendResult, SmsBackend

outbox: list[OutgoingSms] = []
_lock = threading.Lock()


class LocmemBackend(SmsBackend):
    def send(self, sms: OutgoingSms) -> SendResult:
        with _lock:
            outbox.append(sms)
            return SendResult(sid=_sid(len(outbox) - 1), status="queued")

    def find_sent(self, sms: OutgoingSms, *, since) -> SendResult | None:
        for index, sent in enumerate(list(outbox)):
            if (sent.to, sent.body) == (sms.to, sms.body):
                return SendResult(sid=_sid(index), status="queued")
        return None


def _sid(index: int) -> str:
    return f"SMlocmem{index:024d}"
