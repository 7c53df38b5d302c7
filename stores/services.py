"""Writes of the stores app: the tenant, its people, shoppers, carts, orders and consent."""

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from rest_framework.authtoken.models import Token

from flows import services as flows_services
from flows.rules import keyword_rules_seed_default

from . import selectors
from .models import (
    Cart,
    CartItem,
    CartStatus,
    ConsentEvent,
    Customer,
    Membership,
    Order,
    Role,
    SmsStatus,
    Store,
    WebhookEvent,
    new_webhook_secret,
)
from .phones import phone_mask, phone_parse
from .schemas import CartData, CartRef, ConsentData, ContactData, OrderData

logger = logging.getLogger(__name__)

DEMO_STORE_NAME = "Summit Outfitters"
DEMO_OWNER_EMAIL = "owner@summit-outfitters.example"
DEMO_AGENT_EMAIL = "agent@summit-outfitters.example"
DEMO_PASSWORD = "summit-demo-2026"  # noqa: S105 - the published demo login, printed by seed_demo


def user_ensure(*, email: str, password: str, first_name: str = ""):
    """Find or create a login whose username is its email, with this password."""
    user_model = get_user_model()
    user, _ = user_model.objects.get_or_create(
        username=email, defaults={"email": email, "first_name": first_name}
    )
    if not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
    return user


def membership_ensure(*, store: Store, user, role: str) -> Membership:
    membership, _ = Membership.objects.update_or_create(store=store, user=user, defaults={"role": role})
    return membership


@transaction.atomic
def demo_seed() -> dict:
    """Create (or find) the demo store and its logins. Safe to run any number of times."""
    store, _ = Store.objects.get_or_create(
        name=DEMO_STORE_NAME,
        is_demo=True,
        defaults={
            "platform": "shopify",
            "shop_domain": "summit-outfitters.myshopify.com",
            "website_url": "https://summit-outfitters.example",
            "sms_number": "+15005550006",
            "timezone": "America/Denver",
            "default_language": "en",
            "currency": "USD",
            "contact_email": "help@summit-outfitters.example",
            "contact_phone": "+1 303 555 0142",
            "shipping_policy": "Free shipping on orders over $75; everything else ships for $6. "
            "Orders leave our Denver warehouse within 1 business day.",
            "returns_policy": "Returns are free within 30 days; unworn gear, tags on.",
            "help_text": "Summit Outfitters: cart reminders by text. Help: help@summit-outfitters.example "
            "or +1 303 555 0142. Msg & data rates may apply. Reply STOP to opt out.",
        },
    )
    owner = user_ensure(email=DEMO_OWNER_EMAIL, password=DEMO_PASSWORD, first_name="Olivia")
    agent = user_ensure(email=DEMO_AGENT_EMAIL, password=DEMO_PASSWORD, first_name="Alex")
    membership_ensure(store=store, user=owner, role=Role.OWNER)
    membership_ensure(store=store, user=agent, role=Role.AGENT)
    token, _ = Token.objects.get_or_create(user=owner)
    flows_services.flow_seed_default(store=store)
    keyword_rules_seed_default(store=store)
    return {
        "store_id": str(store.id),
        "webhook_secret": store.webhook_secret,
        "sms_number": str(store.sms_number),
        "api_token": token.key,
        "login": {"email": DEMO_OWNER_EMAIL, "password": DEMO_PASSWORD},
        "agent_login": {"email": DEMO_AGENT_EMAIL, "password": DEMO_PASSWORD},
    }


def consent_record(
    *,
    store: Store,
    customer: Customer,
    kind: str,
    source: str,
    occurred_at: datetime | None = None,
    text_shown: str = "",
    language: str = "",
    ip_address: str | None = None,
    user_agent: str = "",
    evidence: dict | None = None,
    dedupe_key: str = "",
) -> ConsentEvent | None:
    """Append a consent event and set the customer's SMS status from it.

    Returns None when `dedupe_key` was recorded before (a repeated delivery of the same evidence).
    """
    if customer.store_id != store.id:
        raise ValueError("The customer belongs to another store.")
    if kind not in ConsentEvent.Kind.values:
        raise ValueError(f"Unknown consent kind {kind!r}.")
    occurred_at = occurred_at or timezone.now()
    try:
        with transaction.atomic():
            event = ConsentEvent.objects.create(
                store=store,
                customer=customer,
                kind=kind,
                source=source,
                occurred_at=occurred_at,
                text_shown=text_shown,
                language=language,
                ip_address=ip_address,
                user_agent=user_agent[:500],
                evidence=evidence or {},
                dedupe_key=dedupe_key,
            )
    except IntegrityError:
        if not dedupe_key:
            raise
        return None
    _customer_status_follow_latest_consent(customer=customer)
    return event


def _customer_status_follow_latest_consent(*, customer: Customer) -> None:
    """The newest event by time wins, so late-arriving old evidence cannot undo a newer STOP."""
    latest = ConsentEvent.objects.filter(customer=customer).order_by("-occurred_at", "-id").first()
    status = SmsStatus.SUBSCRIBED if latest.kind == ConsentEvent.Kind.GRANTED else SmsStatus.UNSUBSCRIBED
    if customer.sms_status != status:
        customer.sms_status = status
        customer.save(update_fields=["sms_status", "updated_at"])


# --- the signing secret ---------------------------------------------------------------------------


def store_webhook_secret_rotate(*, store: Store, new_secret: str = "") -> Store:
    """Set a new signing secret (Shopify's, pasted by the merchant, or a fresh one); the old one stays valid
    for an hour, as long as Shopify may keep using it."""
    store.previous_webhook_secret = store.webhook_secret
    store.webhook_secret = new_secret or new_webhook_secret()
    store.webhook_secret_rotated_at = timezone.now()
    store.save(update_fields=["webhook_secret", "previous_webhook_secret", "webhook_secret_rotated_at"])
    return store


# --- inbound shop webhooks ------------------------------------------------------------------------


def webhook_event_record(
    *, store: Store, source: str, key: str, topic: str, payload: dict, handled: bool = True
) -> WebhookEvent | None:
    """Record one delivery under its idempotency key and queue its processing once committed.

    Returns None when the key was recorded before: a repeated (or simultaneous) delivery has no second effect.
    """
    fields = {
        "store": store,
        "source": source,
        "key": key[:255],
        "topic": topic[:64],
        "payload": payload,
        "status": WebhookEvent.Status.RECEIVED if handled else WebhookEvent.Status.IGNORED,
    }
    try:
        event = _create_once(WebhookEvent, fields)
    except IntegrityError:
        return None
    if handled:
        transaction.on_commit(partial(_webhook_event_enqueue, event.id))
    return event


def _create_once(model, fields: dict):
    """INSERT a row whose unique key may already exist, in as few round trips as possible.

    Outside a transaction the INSERT is its own (one round trip instead of BEGIN, INSERT, COMMIT): it is
    committed when it returns, so on_commit callbacks run at once. Inside one, a savepoint keeps a
    duplicate key from breaking the caller's transaction.
    """
    if transaction.get_connection().in_atomic_block:
        with transaction.atomic():
            return model.objects.create(**fields)
    return model.objects.create(**fields)


def _webhook_event_enqueue(event_id: int) -> None:
    from .tasks import webhook_events_ring

    try:
        webhook_events_ring(event_id)
    except Exception:
        # The event is committed: the shop must get its 200. The sweeper task re-queues what is left behind.
        logger.exception("webhook event %s recorded but not queued; the sweeper will retry it", event_id)


# The worker-side queue of deliveries spans every store (like the broker's queue); each event is then
# processed for its own store.


def webhook_events_claim(*, limit: int) -> list[int]:
    """Take up to `limit` recorded deliveries, oldest first, for one worker; concurrent claims skip them."""
    with transaction.atomic():
        ids = list(
            WebhookEvent.objects.select_for_update(skip_locked=True)
            .filter(status=WebhookEvent.Status.RECEIVED)
            .order_by("received_at", "id")
            .values_list("id", flat=True)[:limit]
        )
        if ids:
            WebhookEvent.objects.filter(id__in=ids).update(
                status=WebhookEvent.Status.PROCESSING, claimed_at=timezone.now()
            )
    return ids


def webhook_events_release(*, ids: list[int]) -> None:
    """Give claimed but unprocessed deliveries back (the batch stopped early)."""
    if ids:
        WebhookEvent.objects.filter(id__in=ids, status=WebhookEvent.Status.PROCESSING).update(
            status=WebhookEvent.Status.RECEIVED, claimed_at=None
        )


def webhook_events_requeue_stale(
    *, received_before: timedelta = timedelta(minutes=2), claimed_before: timedelta = timedelta(minutes=10)
) -> int:
    """Queue again what is still unprocessed after a while: the broker was down, or a worker died."""
    from .tasks import process_webhook_event_enqueue

    now = timezone.now()
    stale = WebhookEvent.objects.filter(
        Q(status=WebhookEvent.Status.RECEIVED, received_at__lt=now - received_before)
        | Q(status=WebhookEvent.Status.PROCESSING, claimed_at__lt=now - claimed_before)
    )
    ids = list(stale.order_by("received_at").values_list("id", flat=True)[:1000])
    for event_id in ids:
        try:
            process_webhook_event_enqueue(event_id)
        except Exception:
            logger.exception("webhook event %s could not be re-queued", event_id)
            break
    return len(ids)


# --- shoppers, carts, orders ----------------------------------------------------------------------


def customer_upsert(*, store: Store, phone_e164: str, contact: ContactData) -> Customer:
    """The one customer of this store with this phone; what the shop tells us fills in or updates the rest."""
    details = {
        "external_id": contact.external_id,
        "first_name": contact.first_name,
        "last_name": contact.last_name,
        "email": contact.email,
        "locale": contact.locale,
        "country": contact.country,
        "province": contact.province,
    }
    details = {name: value for name, value in details.items() if value}
    customer, created = Customer.objects.get_or_create(store=store, phone=phone_e164, defaults=details)
    changed = [name for name, value in details.items() if getattr(customer, name) != value]
    if changed and not created:
        for name in changed:
            setattr(customer, name, details[name])
        customer.save(update_fields=[*changed, "updated_at"])
    return customer


def _customer_for_contact(*, store: Store, contact: ContactData) -> tuple[Customer | None, str]:
    """A textable number gets a customer; anything else stays on the cart as evidence, with the problem."""
    parsed = phone_parse(contact.phone_raw, region=contact.phone_region or None)
    if not parsed.ok:
        if contact.phone_raw:
            logger.info("cart phone not textable (%s): kept on the cart only", parsed.problem)
        return None, parsed.problem
    return customer_upsert(store=store, phone_e164=parsed.e164, contact=contact), ""


def consent_apply(
    *, store: Store, consent: ConsentData, contact: ContactData, customer: Customer | None = None
) -> ConsentEvent | None:
    """Record consent the shop reported for the number it names (which may not be the cart's number)."""
    parsed = phone_parse(consent.phone_raw, region=contact.phone_region or None)
    if not parsed.ok:
        logger.info("consent for an untextable number ignored (%s)", parsed.problem)
        return None
    if customer is None or str(customer.phone) != parsed.e164:
        customer = customer_upsert(store=store, phone_e164=parsed.e164, contact=contact)
    event = consent_record(
        store=store,
        customer=customer,
        kind=consent.kind,
        source=consent.source[:40],
        occurred_at=consent.occurred_at,
        text_shown=consent.text_shown,
        language=consent.language[:16],
        ip_address=consent.ip_address,
        user_agent=consent.user_agent,
        evidence=consent.evidence,
        dedupe_key=consent.dedupe_key[:255],
    )
    if event is not None:
        logger.info("consent %s for %s from %s", consent.kind, phone_mask(parsed.e164), consent.source)
        if consent.kind == ConsentEvent.Kind.REVOKED:
            flows_services.nudges_cancel_pending(store=store, reason="consent withdrawn", customer=customer)
    return event


def cart_upsert(*, store: Store, data: CartData) -> Cart:
    """A cart seen or changed: store it, record the consent it carries, restart its abandonment clock.

    Deliveries may arrive late and out of order (Shopify retries for hours with the original body): a
    body older than what we hold changes nothing but still contributes its consent evidence.
    """
    customer, phone_problem = _customer_for_contact(store=store, contact=data.contact)
    now = timezone.now()
    activity_at = min(data.last_activity_at or now, now)
    with transaction.atomic():
        cart, created = Cart.objects.get_or_create(
            store=store,
            external_id=data.external_id,
            defaults={"last_activity_at": activity_at, "currency": data.currency or store.currency},
        )
        cart = Cart.objects.select_for_update().get(pk=cart.pk)
        fresh = created or activity_at >= cart.last_activity_at
        if fresh:
            _cart_fill(cart=cart, data=data, customer=customer, phone_problem=phone_problem, at=activity_at)
            _cart_items_replace(cart=cart, items=data.items)
        for consent in data.consents:
            consent_apply(store=store, consent=consent, contact=data.contact, customer=cart.customer)
        if fresh and data.sms_box_unticked and cart.customer is not None:
            _consent_withdraw_unticked_box(store=store, cart=cart, at=activity_at)
        if data.completed_at is not None:
            cart_mark_recovered(store=store, cart=cart, at=data.completed_at, reason="checkout completed")
        elif fresh and cart.customer is not None and cart.status != CartStatus.RECOVERED:
            flows_services.nudges_schedule_for_cart(store=store, cart=cart)
    return cart


def _cart_fill(*, cart: Cart, data: CartData, customer: Customer | None, phone_problem: str, at) -> None:
    contact = data.contact
    cart.customer = customer or cart.customer
    cart.cart_token = data.cart_token or cart.cart_token
    cart.checkout_token = data.checkout_token or cart.checkout_token
    cart.checkout_id = data.checkout_id or cart.checkout_id
    cart.checkout_url = data.checkout_url or cart.checkout_url
    cart.currency = data.currency or cart.currency
    cart.subtotal = data.subtotal
    cart.total = data.total
    cart.last_activity_at = at
    cart.phone_raw = contact.phone_raw
    cart.phone_problem = phone_problem if customer is None else ""
    cart.email = contact.email or cart.email
    cart.first_name = contact.first_name or cart.first_name
    cart.country = contact.country or cart.country
    cart.province = contact.province or cart.province
    cart.locale = contact.locale or cart.locale
    if cart.status in (CartStatus.ABANDONED, CartStatus.EXPIRED):
        # The shopper is back: the clock starts again from this activity.
        cart.status = CartStatus.ACTIVE
    cart.save()


def _cart_items_replace(*, cart: Cart, items) -> None:
    CartItem.objects.filter(cart=cart).delete()
    CartItem.objects.bulk_create(
        CartItem(
            cart=cart,
            position=position,
            title=item.title,
            variant=item.variant,
            quantity=item.quantity,
            price=item.price,
            product_url=item.product_url,
            image_url=item.image_url,
        )
        for position, item in enumerate(items)
    )


def _consent_withdraw_unticked_box(*, store: Store, cart: Cart, at) -> None:
    """The shopper unticked the SMS box on the checkout whose box gave us consent: that is a withdrawal.

    An untick on another checkout says nothing about consent given elsewhere (a keyword, a form).
    """
    customer = cart.customer
    latest = ConsentEvent.objects.filter(customer=customer).order_by("-occurred_at", "-id").first()
    given_here = (
        latest is not None
        and latest.kind == ConsentEvent.Kind.GRANTED
        and latest.source == "shopify_checkout"
        and latest.evidence.get("checkout") == cart.external_id
    )
    if given_here:
        consent_record(
            store=store,
            customer=customer,
            kind=ConsentEvent.Kind.REVOKED,
            source="shopify_checkout",
            occurred_at=max(at, latest.occurred_at),
            evidence={"buyer_accepts_sms_marketing": False, "checkout": cart.external_id},
            dedupe_key=f"shopify:checkout:{cart.external_id}:revoked:{customer.phone}"[:255],
        )
        flows_services.nudges_cancel_pending(store=store, reason="consent withdrawn", customer=customer)


def cart_mark_recovered(*, store: Store, cart: Cart, at: datetime | None, reason: str) -> Cart:
    """The shopper ordered: no more texts about this cart, or any other cart of theirs."""
    if cart.store_id != store.id:
        raise ValueError("The cart belongs to another store.")
    if cart.status != CartStatus.RECOVERED:
        cart.status = CartStatus.RECOVERED
        cart.recovered_at = at or timezone.now()
        cart.save(update_fields=["status", "recovered_at", "updated_at"])
    flows_services.nudges_cancel_pending(store=store, reason=reason, cart=cart)
    if cart.customer_id is not None:
        flows_services.nudges_cancel_pending(store=store, reason=reason, customer=cart.customer)
    return cart


def cart_close(*, store: Store, ref: CartRef, reason: str) -> Cart | None:
    """The shop deleted the checkout: it can no longer be completed, so stop texting about it."""
    cart = selectors.cart_find(store=store, ref=ref)
    if cart is None:
        return None
    if cart.status in (CartStatus.ACTIVE, CartStatus.ABANDONED):
        cart.status = CartStatus.EXPIRED
        cart.save(update_fields=["status", "updated_at"])
    flows_services.nudges_cancel_pending(store=store, reason=reason, cart=cart)
    return cart


# Other apps add what must follow a recorded order (billing: attribution). Each gets (store=, order=).
ORDER_RECORDED_HOOKS: list[Callable[..., None]] = []


def order_record(*, store: Store, data: OrderData) -> Order:
    """An order placed: link it to its cart (by checkout token, cart token, checkout id, else the shopper's
    phone), mark that cart recovered and cancel every pending text. A repeat of the same order is a no-op."""
    customer, _ = _customer_for_contact(store=store, contact=data.contact)
    placed_at = data.placed_at or timezone.now()
    with transaction.atomic():
        order, created = Order.objects.get_or_create(
            store=store,
            external_id=data.external_id,
            defaults={
                "name": data.name,
                "customer": customer,
                "checkout_token": data.cart.checkout_token,
                "cart_token": data.cart.cart_token,
                "currency": data.currency or store.currency,
                "total": data.total,
                "discount_codes": list(data.discount_codes),
                "placed_at": placed_at,
                "cancelled_at": data.cancelled_at,
            },
        )
        if not created:
            return order
        for consent in data.consents:
            consent_apply(store=store, consent=consent, contact=data.contact, customer=customer)
        cart = selectors.cart_find(store=store, ref=data.cart) or selectors.cart_open_for_customer(
            store=store, customer=customer, before=placed_at
        )
        if cart is not None:
            order.cart = cart
            order.customer = order.customer or cart.customer
            order.save(update_fields=["cart", "customer"])
            cart_mark_recovered(store=store, cart=cart, at=placed_at, reason="ordered")
        elif customer is not None:
            flows_services.nudges_cancel_pending(store=store, reason="ordered", customer=customer)
        for hook in ORDER_RECORDED_HOOKS:
            hook(store=store, order=order)
    return order


def consent_change_record(*, store: Store, contact: ContactData, consent: ConsentData) -> ConsentEvent | None:
    """Consent reported on its own (a sign-up form, a preference centre)."""
    parsed = phone_parse(contact.phone_raw, region=contact.phone_region or None)
    customer = customer_upsert(store=store, phone_e164=parsed.e164, contact=contact) if parsed.ok else None
    return consent_apply(store=store, consent=consent, contact=contact, customer=customer)
