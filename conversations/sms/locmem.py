"""Tests: an in-memory outbox, like django.core.mail.outbox."""

import itertools

from .base import OutgoingSms, SendResult, SmsBackend

outbox: list[OutgoingSms] = []
_counter = itertools.count(1)


class LocmemBackend(SmsBackend):
    def send(self, sms: OutgoingSms) -> SendResult:
        outbox.append(sms)
        return SendResult(sid=f"SMlocmem{next(_counter):024d}", status="queued")
