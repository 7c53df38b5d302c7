"""Post a ready sample cart to the running server, signed as the shop would sign it.

The README's by-hand path: no hand-made HMAC, no uuidgen. The sample gets a fresh cart id, a shopper number
inside its sending window right now (unless --phone says otherwise) and times set so the flow's first text
is due at once; then `dispatch_due` sends it.
"""

import json
import urllib.error
import urllib.request
import uuid
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.test import Client
from django.utils import timezone

from flows.pending import simulator_number_in_window
from flows.services import flow_active_for
from stores.models import Store
from stores.signing import generic_signature_header, shopify_hmac

SAMPLES = Path(settings.BASE_DIR) / "docs" / "samples"
DEFAULT_SAMPLE = SAMPLES / "cart.updated.json"


class Command(BaseCommand):
    help = (
        "Post a sample cart webhook (docs/samples/) to the server, signed with the store's secret. "
        "The shopper's number is one inside its sending window now, so `dispatch_due` texts it at once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "sample", nargs="?", default=str(DEFAULT_SAMPLE), help="A sample JSON file (default: %(default)s)"
        )
        parser.add_argument("--store", default="", help="Store id (default: the demo store)")
        parser.add_argument("--url", default="http://127.0.0.1:8000", help="Where the server listens")
        parser.add_argument(
            "--phone",
            default="auto",
            help="The shopper's number; 'auto' (default) picks a test number inside its sending window now, "
            "'keep' leaves the sample's",
        )
        parser.add_argument(
            "--in-process",
            action="store_true",
            help="Send it through this process's own copy of the app instead of a running server",
        )

    def handle(self, *args, sample, store, url, phone, in_process, **options):
        store = self._store(store)
        payload = self._load(Path(sample))
        shopify = "event" not in payload
        left_at = self._left_at(store)
        number = self._phone(store, phone, payload, shopify=shopify)
        body = json.dumps(_fresh(payload, shopify=shopify, left_at=left_at, phone=number)).encode()
        path, headers = _signed(store=store, body=body, shopify=shopify)
        status, answer = self._post(url, path, body, headers, in_process=in_process)
        self.stdout.write(f"POST {path} -> HTTP {status} {answer}")
        if status >= 400:
            raise CommandError("The server refused the sample (see its answer above).")
        self.stdout.write(
            f"Cart left by {number} at {left_at:%H:%M} UTC: its first text is due now. "
            "Run `python manage.py dispatch_due` (or wait for the scheduler's tick) to send it."
        )

    def _store(self, store_id: str) -> Store:
        stores = Store.objects.all()
        try:
            store = (
                stores.filter(id=store_id).first()
                if store_id
                else stores.order_by("-is_demo", "created_at").first()
            )
        except ValidationError:
            store = None
        if store is None:
            raise CommandError("No such store: run `python manage.py seed_demo` or pass --store <id>.")
        return store

    def _load(self, path: Path) -> dict:
        try:
            payload = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror}.") from exc
        except ValueError as exc:
            raise CommandError(f"{path} is not JSON: {exc}.") from exc
        if not isinstance(payload, dict):
            raise CommandError(f"{path} must hold one JSON object.")
        return payload

    def _left_at(self, store):
        """Just past the first step's delay, so the first text is due at the next tick."""
        flow = flow_active_for(store=store)
        step = flow.steps.filter(is_active=True).order_by("position").first() if flow else None
        if step is None:
            raise CommandError(f"{store.name} has no active flow step: turn one on in the dashboard first.")
        return timezone.now() - timedelta(minutes=step.delay_minutes + 1)

    def _phone(self, store, phone: str, payload: dict, *, shopify: bool) -> str:
        if phone == "keep":
            source = payload if shopify else payload.get("customer") or {}
            return str(source.get("phone") or "")
        if phone != "auto":
            return phone
        number = simulator_number_in_window(store=store, flow=flow_active_for(store=store))
        if not number:
            raise CommandError(
                "No test number is inside its sending window now (the store's quiet hours are narrow): "
                "pass --phone, and the text will wait for the shopper's morning."
            )
        return number

    def _post(self, url: str, path: str, body: bytes, headers: dict, *, in_process: bool) -> tuple[int, str]:
        if in_process:
            response = Client().post(path, data=body, content_type="application/json", headers=headers)
            return response.status_code, response.content.decode(errors="replace")
        if not url.startswith(("http://", "https://")):
            raise CommandError("--url must be an http(s) URL.")
        request = urllib.request.Request(  # noqa: S310 - the operator's own server, http(s) only
            url.rstrip("/") + path,
            data=body,
            headers={"Content-Type": "application/json", **headers},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310
                return response.status, response.read().decode(errors="replace")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode(errors="replace")
        except urllib.error.URLError as exc:
            raise CommandError(
                f"Could not reach {url}: {exc.reason}. Is `make run` running? (Or pass --in-process.)"
            ) from exc


def _fresh(payload: dict, *, shopify: bool, left_at, phone: str) -> dict:
    """The sample as a new cart: its own id, left at `left_at`, consented by `phone` just before."""
    payload = json.loads(json.dumps(payload))
    suffix = uuid.uuid4().hex[:12]
    at = left_at.isoformat().replace("+00:00", "Z")
    if shopify:
        payload.update(token=f"sample-{suffix}", cart_token=f"sample-{suffix}", created_at=at, updated_at=at)
        payload.update(phone=phone, sms_marketing_phone=phone)
        return payload
    cart, customer = payload.setdefault("cart", {}), payload.setdefault("customer", {})
    cart["id"] = f"sample-{suffix}"
    payload["occurred_at"] = cart["updated_at"] = at
    customer["phone"] = phone
    if isinstance(customer.get("sms_consent"), dict):
        customer["sms_consent"]["at"] = at
    return payload


def _signed(*, store, body: bytes, shopify: bool) -> tuple[str, dict]:
    """The path and headers the shop would send: its signature and a fresh delivery id."""
    delivery = str(uuid.uuid4())
    if shopify:
        return f"/webhooks/shopify/{store.id}/", {
            "X-Shopify-Topic": "checkouts/create",
            "X-Shopify-Hmac-Sha256": shopify_hmac(secret=store.webhook_secret, body=body),
            "X-Shopify-Webhook-Id": delivery,
        }
    return f"/webhooks/carts/{store.id}/", {
        "X-CartRecovery-Signature": generic_signature_header(secret=store.webhook_secret, body=body),
        "X-CartRecovery-Event-Id": delivery,
    }
