"""Play the shopper: send a text to the running server exactly as Twilio would (signed form POST)."""

import time
import urllib.error
import urllib.request
import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from twilio.request_validator import RequestValidator

from conversations.models import Message
from stores.models import Store
from stores.phones import phone_parse, phone_region

PATH = "/webhooks/twilio/sms/"


def twilio_form(*, sender: str, to: str, body: str, sid: str | None = None) -> dict[str, str]:
    """The parameters Twilio posts for one inbound SMS (as in its documented and captured requests)."""
    sid = sid or "SM" + uuid.uuid4().hex
    return {
        "MessageSid": sid,
        "SmsSid": sid,
        "SmsMessageSid": sid,
        "AccountSid": settings.TWILIO_ACCOUNT_SID or "AC" + "0" * 32,
        "From": sender,
        "To": to,
        "Body": body,
        "NumMedia": "0",
        "NumSegments": "1",
        "SmsStatus": "received",
        "ApiVersion": "2010-04-01",
    }


def twilio_signature(form: dict[str, str], path: str = PATH) -> str:
    return RequestValidator(settings.TWILIO_AUTH_TOKEN).compute_signature(
        settings.PUBLIC_BASE_URL + path, form
    )


class Command(BaseCommand):
    help = "Text the store as a shopper would: a Twilio-signed POST to the running server's SMS webhook."

    def add_arguments(self, parser):
        parser.add_argument("text", help="What the shopper texts, e.g. 'shipping?'")
        parser.add_argument("--from", dest="sender", required=True, help="The shopper's phone, E.164")
        parser.add_argument("--to", default="", help="The store's number (default: the demo store's)")
        parser.add_argument("--url", default="http://127.0.0.1:8000", help="Where the server listens")
        parser.add_argument(
            "--wait", type=float, default=15.0, help="Seconds to wait for the store's answer (0: don't)"
        )

    def handle(self, *args, text, sender, to, url, wait, **options):
        if not settings.TWILIO_AUTH_TOKEN:
            raise CommandError("Set TWILIO_AUTH_TOKEN: the server refuses unsigned webhooks.")
        to = to or self._demo_number()
        sender = self._sender(sender, to)
        form = twilio_form(sender=sender, to=to, body=text)
        request = urllib.request.Request(  # noqa: S310 - the operator's own server, http(s) only
            url.rstrip("/") + PATH,
            data=urlencode(form).encode(),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "X-Twilio-Signature": twilio_signature(form),
            },
            method="POST",
        )
        if not request.full_url.startswith(("http://", "https://")):
            raise CommandError("--url must be an http(s) URL.")
        started = timezone.now()
        try:
            with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310
                status, answer = response.status, response.read().decode()
        except urllib.error.HTTPError as exc:
            status, answer = exc.code, exc.read().decode(errors="replace")
        except urllib.error.URLError as exc:
            raise CommandError(f"Could not reach {url}: {exc.reason}. Is `make run` running?") from exc
        self.stdout.write(f"{sender} -> {to}: {text}")
        self.stdout.write(f"HTTP {status} {answer}")
        if status == 403:
            raise CommandError(
                "Signature refused: the server's TWILIO_AUTH_TOKEN or PUBLIC_BASE_URL differs."
            )
        if status == 200 and wait > 0:
            self._print_answer(sid=form["MessageSid"], started=started, wait=wait)

    def _sender(self, raw: str, to: str) -> str:
        """Twilio always sends E.164; a number typed without + is read in the store's country."""
        parsed = phone_parse(raw, region=phone_region(to))
        if not parsed.ok:
            raise CommandError(f"--from {raw!r} is {parsed.problem}.")
        return parsed.e164

    def _demo_number(self) -> str:
        store = Store.objects.exclude(sms_number="").order_by("-is_demo", "created_at").first()
        if store is None:
            raise CommandError("No store has an SMS number: run `python manage.py seed_demo` or pass --to.")
        return str(store.sms_number)

    def _print_answer(self, *, sid: str, started, wait: float) -> None:
        """The server answers through the worker; read its reply from the shared database as it appears."""
        deadline = time.monotonic() + wait
        inbound = Message.objects.filter(twilio_sid=sid).first()
        while inbound is None and time.monotonic() < deadline:
            time.sleep(0.3)
            inbound = Message.objects.filter(twilio_sid=sid).first()
        if inbound is None:
            self.stdout.write("(no answer yet: is the worker running?)")
            return
        self.stdout.write(f"routed: {inbound.route}")
        replies = Message.objects.filter(
            thread_id=inbound.thread_id, direction=Message.Direction.OUT, created_at__gte=started
        ).select_related("store")
        for reply in replies:
            self.stdout.write(f"{reply.store.name} replies ({reply.route}): {reply.body}")
