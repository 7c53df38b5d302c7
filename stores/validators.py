"""Shapes a person types that the database would otherwise take as they come: emails and shop domains."""

import re

from django.core.exceptions import ValidationError

# RFC 5321 §4.5.3.1: a mailbox's local part is at most 64 octets, a path at most 256 (254 usable).
EMAIL_LOCAL_MAX = 64
EMAIL_MAX = 254

_LABEL = r"(?!-)[a-z0-9-]{1,63}(?<!-)"
_DOMAIN = re.compile(rf"^(?:{_LABEL}\.)+[a-z]{{2,63}}$")
_MYSHOPIFY = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}\.myshopify\.com$")


def email_within_rfc_limits(value: str) -> None:
    local, _, _domain = str(value).rpartition("@")
    if len(value) > EMAIL_MAX:
        raise ValidationError(f"An email address is at most {EMAIL_MAX} characters.", code="email_too_long")
    if len(local) > EMAIL_LOCAL_MAX:
        raise ValidationError(
            f"The part before @ is at most {EMAIL_LOCAL_MAX} characters.", code="email_local_too_long"
        )


def myshopify_domain_valid(shop: str) -> bool:
    """Exactly `<name>.myshopify.com`, as Shopify sends it (lowercase, no scheme, no path): the only hosts
    our OAuth and Admin API calls may go to."""
    return isinstance(shop, str) and bool(_MYSHOPIFY.fullmatch(shop))


def shop_domain_clean(raw: str, *, shopify: bool) -> str:
    """'https://Shop.example/' → 'shop.example'; Shopify's must be <name>.myshopify.com."""
    domain = re.sub(r"^https?://", "", str(raw or "").strip().lower()).rstrip("/")
    if not domain:
        return ""
    if shopify and not _MYSHOPIFY.match(domain):
        raise ValidationError(
            "Use your store's .myshopify.com address, such as your-store.myshopify.com.", code="not_myshopify"
        )
    if len(domain) > 253 or not _DOMAIN.match(domain):
        raise ValidationError("That is not a domain: use one like shop.example.com.", code="not_a_domain")
    return domain
