"""Short links in texts: /r/<code> → the cart's checkout, discount applied, click counted."""

import secrets
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from cartrecovery.db import insert_many
from stores.models import Platform, Store

from .models import Click, ShortLink

CART_LINK_VALID_DAYS = 30


def short_code_new() -> str:
    # 8 random bytes → 11 url-safe characters: not guessable, not countable.
    return secrets.token_urlsafe(8)


def short_link_url(code: str) -> str:
    return f"{settings.PUBLIC_BASE_URL}/r/{code}"


def checkout_url_with_discount(*, store: Store, cart, discount_code: str) -> str:
    """Shopify applies a code on the way in (/discount/<code>?redirect=…); other shops get ?discount=."""
    url = cart.checkout_url
    if not discount_code or not url:
        return url
    parts = urlsplit(url)
    if store.platform == Platform.SHOPIFY:
        host = parts.netloc or store.shop_domain
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        return f"https://{host}/discount/{quote(discount_code, safe='')}?redirect={quote(path, safe='/')}"
    query = urlencode([*parse_qsl(parts.query), ("discount", discount_code)])
    return urlunsplit(parts._replace(query=query))


def link_expiry(*, incentive, now: datetime) -> datetime:
    """A link lives as long as its offer (the day {code_expires} names); a plain cart link for a month."""
    if incentive is not None:
        return incentive.expires_at
    return now + timedelta(days=CART_LINK_VALID_DAYS)


def short_link_build(
    *, store, cart, nudge=None, message=None, discount_code: str = "", expires_at: datetime | None
) -> ShortLink:
    """An unsaved link with a fresh code (the text needs its URL before the message row exists)."""
    return ShortLink(
        store=store,
        code=short_code_new(),
        cart=cart,
        nudge=nudge,
        message=message,
        target_url=checkout_url_with_discount(store=store, cart=cart, discount_code=discount_code),
        discount_code=discount_code,
        expires_at=expires_at,
    )


def short_links_save(*, links: list[ShortLink]) -> None:
    """Insert links; a code collision (1 in 2^64 per pair) gets a new code instead of an error.

    The text was rendered with the old code, which belongs to someone else's cart: its body is rewritten
    to the new one (same length, so the segment count holds) before it can be sent.
    """
    try:
        with transaction.atomic():
            insert_many(ShortLink, links)
    except IntegrityError:
        for link in links:
            rendered_url = short_link_url(link.code)
            while True:
                try:
                    with transaction.atomic():
                        link.save()
                    break
                except IntegrityError:
                    link.code = short_code_new()
            if link.message is not None and short_link_url(link.code) != rendered_url:
                link.message.body = link.message.body.replace(rendered_url, short_link_url(link.code))
                link.message.save(update_fields=["body"])


def short_link_resolve(*, code: str, now: datetime | None = None) -> ShortLink | None:
    """The live link for a code, or None when unknown or expired (the page says so kindly)."""
    if not code or len(code) > 32:
        return None
    link = ShortLink.objects.select_related("store", "cart").filter(code=code).first()
    if link is None:
        return None
    now = now or timezone.now()
    if link.expires_at is not None and link.expires_at <= now:
        return None
    return link


def short_link_lookup(*, code: str) -> ShortLink | None:
    """The link even when expired: the 404 page still points the shopper at the right store."""
    return ShortLink.objects.select_related("store").filter(code=code[:32]).first() if code else None


def click_record(*, link: ShortLink, user_agent: str = "", ip_address: str | None = None) -> Click:
    return Click.objects.create(
        store_id=link.store_id,
        link=link,
        at=timezone.now(),
        user_agent=(user_agent or "")[:500],
        ip_address=ip_address or None,
    )
