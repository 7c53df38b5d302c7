"""The shopper's "manage texts" link: short, unguessable, and needing no login or stored token.

The code is the customer's id and an HMAC of it (keyed by SECRET_KEY and the store), so the router can put
it in a reply without writing anything, and a guessed or altered code finds nobody.
"""

import base64
import hashlib
import hmac

from django.conf import settings

from .models import Customer

MAC_CHARS = 12  # 72 bits


def _mac(store_id, customer_id: int) -> str:
    key = hashlib.sha256(f"manage-texts:{settings.SECRET_KEY}".encode()).digest()
    digest = hmac.new(key, f"{store_id}:{customer_id}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode()[:MAC_CHARS]


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
        if not number:
            return text


def manage_code(customer: Customer) -> str:
    return f"{_base36(customer.pk)}-{_mac(customer.store_id, customer.pk)}"


def manage_url(customer: Customer) -> str:
    return f"{settings.PUBLIC_BASE_URL}/m/{manage_code(customer)}"


def customer_for_manage_code(code: str) -> Customer | None:
    """The customer a code names, or None for a malformed, altered or unknown code."""
    ident, _, mac = (code or "").partition("-")
    if not ident or len(ident) > 13 or len(mac) != MAC_CHARS:
        return None
    try:
        customer_id = int(ident, 36)
    except ValueError:
        return None
    customer = Customer.objects.select_related("store").filter(pk=customer_id).first()
    if customer is None or not hmac.compare_digest(_mac(customer.store_id, customer.pk), mac):
        return None
    return customer
