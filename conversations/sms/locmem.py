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
            if _same_text(sent, sms):
                return SendResult(sid=_sid(index), status="queued")
        return None


def _same_text(a: OutgoingSms, b: OutgoingSms) -> bool:
    return (a.to, a.body, a.from_number, a.messaging_service_sid) == (
        b.to,
        b.body,
        b.from_number,
        b.messaging_service_sid,
    )


def _sid(index: int) -> str:
    return f"SMlocmem{index:024d}"
