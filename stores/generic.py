"""The signed JSON format for any shop (WooCommerce, custom): its schema (DRF serializers, published in the
OpenAPI document) and its translation to the shared dataclasses of `stores.schemas`."""

import re
from decimal import Decimal

from rest_framework import serializers

from .schemas import (
    CartData,
    CartRef,
    ConsentChange,
    ConsentData,
    ContactData,
    ItemData,
    OrderData,
    PayloadError,
)
from .validators import email_within_rfc_limits

SOURCE = "generic"
_COUNTRY = re.compile(r"^[A-Za-z]{2}$")
_CURRENCY = re.compile(r"^[A-Za-z]{3}$")


class ItemSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=500, help_text="Product name as the shopper saw it.")
    variant = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    quantity = serializers.IntegerField(min_value=0, max_value=1_000_000, default=1)
    price = serializers.DecimalField(
        max_digits=14, decimal_places=2, help_text='Unit price as a decimal string, e.g. "79.00".'
    )
    url = serializers.URLField(max_length=2000, required=False, allow_blank=True, default="")
    image = serializers.URLField(max_length=2000, required=False, allow_blank=True, default="")


class SmsConsentSerializer(serializers.Serializer):
    granted = serializers.BooleanField(help_text="true: opted in to texts; false: opted out.")
    at = serializers.DateTimeField(help_text="When the shopper gave or withdrew consent (ISO 8601).")
    source = serializers.CharField(
        max_length=40, help_text='Where it happened, e.g. "checkout_checkbox", "popup_form", "account".'
    )
    text_shown = serializers.CharField(
        max_length=2000,
        required=False,
        allow_blank=True,
        default="",
        help_text="The exact consent wording shown next to the checkbox or form (evidence; required to "
        "grant).",
    )
    language = serializers.CharField(max_length=16, required=False, allow_blank=True, default="")
    ip = serializers.IPAddressField(required=False, allow_null=True, default=None)
    user_agent = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")

    def validate(self, attrs):
        if attrs["granted"] and not attrs["text_shown"]:
            raise serializers.ValidationError({"text_shown": "Consent evidence needs the text shown."})
        return attrs


class CustomerSerializer(serializers.Serializer):
    id = serializers.CharField(max_length=64, required=False, allow_blank=True, default="")
    phone = serializers.CharField(
        max_length=64,
        required=False,
        allow_blank=True,
        default="",
        help_text="Any format; E.164 (+14155552671) is best, else a national number read with `country`.",
    )
    first_name = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    last_name = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    email = serializers.EmailField(
        max_length=254, required=False, allow_blank=True, default="", validators=[email_within_rfc_limits]
    )
    locale = serializers.CharField(max_length=16, required=False, allow_blank=True, default="")
    country = serializers.RegexField(
        _COUNTRY, required=False, allow_blank=True, default="", help_text="ISO 3166-1 alpha-2, e.g. US."
    )
    province = serializers.CharField(max_length=8, required=False, allow_blank=True, default="")
    sms_consent = SmsConsentSerializer(required=False, allow_null=True, default=None)


class CartSerializer(serializers.Serializer):
    id = serializers.CharField(max_length=255, help_text="Your cart id: the same id on every update.")
    checkout_url = serializers.URLField(max_length=2000, help_text="Where the link in the text leads.")
    currency = serializers.RegexField(_CURRENCY, help_text="ISO 4217, e.g. USD.")
    subtotal = serializers.DecimalField(max_digits=14, decimal_places=2, required=False, default=None)
    total = serializers.DecimalField(max_digits=14, decimal_places=2)
    items = ItemSerializer(many=True, max_length=500)
    updated_at = serializers.DateTimeField(
        required=False, default=None, help_text="Last shopper activity; defaults to the event's time."
    )
    completed = serializers.BooleanField(default=False, help_text="true once the checkout became an order.")


class OrderSerializer(serializers.Serializer):
    id = serializers.CharField(max_length=64)
    name = serializers.CharField(max_length=64, required=False, allow_blank=True, default="")
    cart_id = serializers.CharField(
        max_length=255,
        required=False,
        allow_blank=True,
        default="",
        help_text="The cart this order came from.",
    )
    currency = serializers.RegexField(_CURRENCY)
    total = serializers.DecimalField(max_digits=14, decimal_places=2)
    discount_codes = serializers.ListField(
        child=serializers.CharField(max_length=64), required=False, default=list, max_length=50
    )
    placed_at = serializers.DateTimeField()


class _EventSerializer(serializers.Serializer):
    occurred_at = serializers.DateTimeField(help_text="When it happened in your shop (ISO 8601).")


class CartUpdatedSerializer(_EventSerializer):
    event = serializers.ChoiceField(choices=["cart.updated"])
    cart = CartSerializer()
    customer = CustomerSerializer(required=False, default=None)


class OrderCreatedSerializer(_EventSerializer):
    event = serializers.ChoiceField(choices=["order.created"])
    order = OrderSerializer()
    customer = CustomerSerializer(required=False, default=None)


class CustomerConsentSerializer(_EventSerializer):
    event = serializers.ChoiceField(choices=["customer.consent"])
    customer = CustomerSerializer()

    def validate_customer(self, customer):
        if not customer["phone"] or not customer["sms_consent"]:
            raise serializers.ValidationError("A consent event needs the customer's phone and sms_consent.")
        return customer


EVENT_SERIALIZERS = {
    "cart.updated": CartUpdatedSerializer,
    "order.created": OrderCreatedSerializer,
    "customer.consent": CustomerConsentSerializer,
}


class AckSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=["accepted", "duplicate", "ignored"])


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
    errors = serializers.DictField(required=False, help_text="Each bad field with what is wrong with it.")


def _validated(serializer_class, payload: dict) -> dict:
    serializer = serializer_class(data=payload)
    if not serializer.is_valid():
        raise PayloadError(errors=serializer.errors)
    return serializer.validated_data


def _contact(customer: dict | None) -> ContactData:
    customer = customer or {}
    country = (customer.get("country") or "").upper()
    return ContactData(
        phone_raw=customer.get("phone", ""),
        phone_region=country,
        external_id=customer.get("id", ""),
        first_name=customer.get("first_name", ""),
        last_name=customer.get("last_name", ""),
        email=customer.get("email", ""),
        locale=customer.get("locale", ""),
        country=country,
        province=customer.get("province", ""),
    )


def _consents(customer: dict | None) -> tuple[ConsentData, ...]:
    consent = (customer or {}).get("sms_consent")
    if not consent or not customer.get("phone"):
        return ()
    kind = "granted" if consent["granted"] else "revoked"
    return (
        ConsentData(
            kind=kind,
            source=consent["source"],
            phone_raw=customer["phone"],
            occurred_at=consent["at"],
            text_shown=consent["text_shown"],
            language=consent["language"],
            ip_address=consent["ip"],
            user_agent=consent["user_agent"],
            evidence={"format": SOURCE, "source": consent["source"], "customer_id": customer.get("id", "")},
            dedupe_key=f"{SOURCE}:{customer['phone']}:{kind}:{consent['at'].isoformat()}",
        ),
    )


def cart_updated_parse(payload: dict) -> CartData:
    data = _validated(CartUpdatedSerializer, payload)
    cart, customer = data["cart"], data["customer"]
    return CartData(
        external_id=cart["id"],
        last_activity_at=cart["updated_at"] or data["occurred_at"],
        checkout_url=cart["checkout_url"],
        currency=cart["currency"].upper(),
        subtotal=cart["subtotal"] if cart["subtotal"] is not None else cart["total"],
        total=cart["total"],
        items=tuple(
            ItemData(
                title=i["title"],
                variant=i["variant"],
                quantity=i["quantity"],
                price=Decimal(i["price"]),
                product_url=i["url"],
                image_url=i["image"],
            )
            for i in cart["items"]
        ),
        contact=_contact(customer),
        consents=_consents(customer),
        completed_at=(cart["updated_at"] or data["occurred_at"]) if cart["completed"] else None,
    )


def order_created_parse(payload: dict) -> OrderData:
    data = _validated(OrderCreatedSerializer, payload)
    order, customer = data["order"], data["customer"]
    return OrderData(
        external_id=order["id"],
        placed_at=order["placed_at"],
        name=order["name"],
        cart=CartRef(external_id=order["cart_id"]),
        currency=order["currency"].upper(),
        total=order["total"],
        discount_codes=tuple(order["discount_codes"]),
        contact=_contact(customer),
        consents=_consents(customer),
    )


def customer_consent_parse(payload: dict) -> ConsentChange:
    data = _validated(CustomerConsentSerializer, payload)
    return ConsentChange(contact=_contact(data["customer"]), consent=_consents(data["customer"])[0])
