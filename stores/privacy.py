"""GDPR writes (Shopify's mandatory compliance topics): erase a shopper, export what we hold, forget a shop.

Erasure keeps the rows (so counts, revenue and consent statistics stay true) but empties every field
that names or reaches a person: phone, names, email, message bodies, IP addresses, raw payloads.
"""

import json
import logging

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q, QuerySet, TextField
from django.db.models.functions import Cast
from django.utils import timezone

from .hooks import CUSTOMER_DATA_SECTIONS, CUSTOMER_REDACTED_HOOKS, hooks_run
from .models import Cart, ConsentEvent, Customer, DataExport, Order, Store, WebhookEvent
from .phones import phone_parse, store_region
from .schemas import PrivacyRequest

logger = logging.getLogger(__name__)

REDACTED = "[redacted]"


def customer_redact(*, store: Store, request: PrivacyRequest) -> int:
    """Erase one shopper's personal data in this store; returns how many customer records it touched."""
    with transaction.atomic():
        customers = list(_customers_matching(store=store, request=request).select_for_update())
        carts = _carts_matching(store=store, request=request, customers=customers)
        needles = _identifiers(request=request, customers=customers, carts=carts)
        for customer in customers:
            hooks_run(CUSTOMER_REDACTED_HOOKS, store=store, customer=customer)
        ConsentEvent.objects.for_store(store).filter(customer__in=customers).update(
            ip_address=None, user_agent="", evidence={"redacted": True}
        )
        carts.update(
            phone_raw="",
            phone_problem="",
            email="",
            first_name="",
            checkout_url="",
            updated_at=timezone.now(),
        )
        _webhook_payloads_redact(store=store, needles=needles)
        DataExport.objects.for_store(store).filter(
            _any_of(customer_phone=needles["phones"], customer_email=needles["emails"])
        ).delete()
        Customer.objects.filter(id__in=[c.id for c in customers]).update(
            phone=None,
            first_name="",
            last_name="",
            email="",
            external_id="",
            phone_unreachable_reason="",
            redacted_at=timezone.now(),
            updated_at=timezone.now(),
        )
    logger.info("customers/redact: %d customer(s), %d cart(s) erased", len(customers), len(needles["carts"]))
    return len(customers)


def customer_data_export(*, store: Store, request: PrivacyRequest) -> DataExport:
    """Everything we hold on one shopper, as one JSON document the merchant can hand over."""
    customers = list(_customers_matching(store=store, request=request))
    carts = _carts_matching(store=store, request=request, customers=customers).prefetch_related("items")
    orders = Order.objects.for_store(store).filter(
        Q(customer__in=customers) | Q(cart__in=carts) | Q(external_id__in=request.order_ids)
    )
    consent = ConsentEvent.objects.for_store(store).filter(customer__in=customers)
    data = {
        "request": {"id": request.request_id, "email": request.email, "phone": request.phone_raw},
        "customers": [_customer_data(c) for c in customers],
        "carts": [_cart_data(c) for c in carts],
        "orders": list(
            orders.values("external_id", "name", "currency", "total", "placed_at", "discount_codes")
        ),
        "consent_events": list(
            consent.values(
                "customer_id",
                "kind",
                "channel",
                "source",
                "occurred_at",
                "text_shown",
                "language",
                "ip_address",
                "user_agent",
            )
        ),
        **{
            section: rows(store=store, customers=customers)
            for section, rows in CUSTOMER_DATA_SECTIONS.items()
        },
    }
    return DataExport.objects.create(
        store=store,
        request_id=request.request_id[:64],
        customer_phone=(str(customers[0].phone) if customers and customers[0].phone else "")[:32],
        customer_email=request.email[:254],
        data=json.loads(json.dumps(data, cls=DjangoJSONEncoder)),
    )


def shop_data_delete(*, store: Store, keep_event_id: int | None = None) -> dict[str, int]:
    """`shop/redact`, 48 hours after the shop uninstalled us: delete its shoppers' data.

    The store, its logins, flows and invoices stay (they are the merchant's, not their customers').
    """
    with transaction.atomic():
        deleted = {
            "carts": Cart.objects.for_store(store).delete()[0],
            "orders": Order.objects.for_store(store).delete()[0],
            "customers": Customer.objects.for_store(store).delete()[0],
            "data_exports": DataExport.objects.for_store(store).delete()[0],
            "webhook_events": WebhookEvent.objects.for_store(store).exclude(id=keep_event_id).delete()[0],
        }
    logger.info("shop/redact for store %s: %s", store.id, deleted)
    return deleted


# --- finding the shopper --------------------------------------------------------------------------


def _request_phone(*, store: Store, request: PrivacyRequest) -> str:
    return phone_parse(request.phone_raw, region=store_region(store)).e164


def _customers_matching(*, store: Store, request: PrivacyRequest) -> QuerySet[Customer]:
    match = Q(pk__in=[])
    if request.external_id:
        match |= Q(external_id=request.external_id)
    if request.email:
        match |= Q(email__iexact=request.email)
    phone = _request_phone(store=store, request=request)
    if phone:
        match |= Q(phone=phone)
    return Customer.objects.for_store(store).filter(match).order_by("id")


def _carts_matching(*, store: Store, request: PrivacyRequest, customers: list[Customer]) -> QuerySet[Cart]:
    match = Q(customer__in=customers)
    if request.email:
        match |= Q(email__iexact=request.email)
    if request.phone_raw:
        match |= Q(phone_raw=request.phone_raw)
    return Cart.objects.for_store(store).filter(match)


def _identifiers(*, request: PrivacyRequest, customers: list[Customer], carts: QuerySet[Cart]) -> dict:
    phones = {str(c.phone) for c in customers if c.phone} | ({request.phone_raw} - {""})
    phones |= set(carts.exclude(phone_raw="").values_list("phone_raw", flat=True))
    emails = {c.email for c in customers if c.email} | ({request.email} - {""})
    return {
        "phones": sorted(phones),
        "emails": sorted(emails),
        "carts": sorted(set(carts.values_list("external_id", flat=True))),
    }


def _any_of(**values: list[str]) -> Q:
    match = Q(pk__in=[])
    for name, options in values.items():
        for option in options:
            match |= Q(**{f"{name}__iexact": option})
    return match


def _webhook_payloads_redact(*, store: Store, needles: dict) -> int:
    """Raw payloads we kept for troubleshooting carry the same personal data: they go too."""
    terms = [t for t in (*needles["phones"], *needles["emails"], *needles["carts"]) if len(t) >= 4]
    if not terms:
        return 0
    match = Q(pk__in=[])
    for term in terms:
        match |= Q(payload_text__icontains=term)
    return (
        WebhookEvent.objects.for_store(store)
        .annotate(payload_text=Cast("payload", output_field=TextField()))
        .filter(match)
        .update(payload={"redacted": True})
    )


def _customer_data(customer: Customer) -> dict:
    return {
        "id": customer.id,
        "phone": str(customer.phone or ""),
        "first_name": customer.first_name,
        "last_name": customer.last_name,
        "email": customer.email,
        "locale": customer.locale,
        "country": customer.country,
        "sms_status": customer.sms_status,
        "created_at": customer.created_at,
    }


def _cart_data(cart: Cart) -> dict:
    return {
        "id": cart.external_id,
        "status": cart.status,
        "checkout_url": cart.checkout_url,
        "currency": cart.currency,
        "total": cart.total,
        "phone": cart.phone_raw,
        "email": cart.email,
        "first_name": cart.first_name,
        "last_activity_at": cart.last_activity_at,
        "items": [
            {"title": i.title, "variant": i.variant, "quantity": i.quantity, "price": i.price}
            for i in cart.items.all()
        ],
    }
