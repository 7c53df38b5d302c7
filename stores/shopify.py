"""Shopify webhook bodies → the shared dataclasses of `stores.schemas`. Pure functions: no database."""

from .schemas import (
    CartData,
    CartRef,
    ConsentData,
    ContactData,
    ItemData,
    OrderData,
    PayloadError,
    PrivacyRequest,
    count,
    country_code,
    currency,
    flag,
    identifier,
    moment,
    money,
    obj,
    objects,
    text,
    web_url,
)

SOURCE = "shopify"

# Shopify's customer.sms_marketing_consent.state values that mean "stop": an explicit opt-out or an erasure.
_REVOKED_STATES = {"unsubscribed", "redacted"}


def checkout_parse(payload: dict) -> CartData:
    """`checkouts/create` and `checkouts/update` (and the REST AbandonedCheckout, the same resource)."""
    token = identifier(payload, "token")
    checkout_id = identifier(payload, "id")
    if not (token or checkout_id):
        raise PayloadError("token", "a checkout needs its token or id")
    updated_at = moment(payload, "updated_at") or moment(payload, "created_at")
    external_id = token or checkout_id
    contact = _contact(payload)
    return CartData(
        external_id=external_id,
        last_activity_at=updated_at,
        cart_token=identifier(payload, "cart_token"),
        checkout_token=token,
        checkout_id=checkout_id,
        checkout_url=web_url(payload, "abandoned_checkout_url"),
        currency=currency(payload, "currency") or currency(payload, "presentment_currency"),
        subtotal=money(payload, "subtotal_price"),
        total=money(payload, "total_price"),
        items=_items(payload),
        contact=contact,
        consents=_consents(payload, contact=contact, checkout_key=external_id, at=updated_at),
        completed_at=moment(payload, "completed_at"),
        sms_box_unticked=flag(payload, "buyer_accepts_sms_marketing") is False,
    )


def checkout_ref_parse(payload: dict) -> CartRef:
    """`checkouts/delete` names the checkout by id and cart token only."""
    ref = CartRef(
        external_id=identifier(payload, "token"),
        checkout_token=identifier(payload, "token"),
        checkout_id=identifier(payload, "id"),
        cart_token=identifier(payload, "cart_token"),
    )
    if not ref:
        raise PayloadError("id", "a deleted checkout needs its id, token or cart_token")
    return ref


def order_parse(payload: dict) -> OrderData:
    order_id = identifier(payload, "id")
    if not order_id:
        raise PayloadError("id", "an order needs its id")
    contact = _contact(payload)
    placed_at = moment(payload, "processed_at") or moment(payload, "created_at")
    return OrderData(
        external_id=order_id,
        placed_at=placed_at,
        name=text(payload, "name", max_length=64),
        cart=CartRef(
            checkout_token=identifier(payload, "checkout_token"),
            cart_token=identifier(payload, "cart_token"),
            checkout_id=identifier(payload, "checkout_id"),
        ),
        currency=currency(payload, "currency") or currency(payload, "presentment_currency"),
        total=money(payload, "total_price"),
        discount_codes=tuple(
            text(code, "code", path="discount_codes[].", max_length=64)
            for code in objects(payload, "discount_codes")
        ),
        contact=contact,
        consents=_consents(payload, contact=contact, checkout_key="", at=placed_at),
        cancelled_at=moment(payload, "cancelled_at"),
    )


def privacy_parse(payload: dict) -> PrivacyRequest:
    """`customers/redact` and `customers/data_request`."""
    customer = obj(payload, "customer")
    if not customer:
        raise PayloadError("customer", "is required")
    return PrivacyRequest(
        external_id=identifier(customer, "id", path="customer."),
        email=text(customer, "email", path="customer.", max_length=254),
        phone_raw=text(customer, "phone", path="customer.", max_length=64),
        request_id=identifier(obj(payload, "data_request"), "id", path="data_request."),
        order_ids=_ids(payload.get("orders_to_redact", payload.get("orders_requested"))),
    )


def shop_parse(payload: dict) -> dict:
    """`shop/redact`: nothing to read but that it is about this shop (the URL already names it)."""
    return {"shop_domain": text(payload, "shop_domain")}


def _ids(values) -> tuple[str, ...]:
    if not isinstance(values, list):
        return ()
    return tuple(str(v) for v in values if isinstance(v, (int, str)) and not isinstance(v, bool))


# --- parts ----------------------------------------------------------------------------------------


def _items(payload: dict) -> tuple[ItemData, ...]:
    items = []
    for line in objects(payload, "line_items"):
        path = "line_items[]."
        image = line.get("image")
        image_url = web_url(line, "image_url", path=path, strict=False) or (
            web_url(image, "src", path=path + "image.", strict=False) if isinstance(image, dict) else ""
        )
        items.append(
            ItemData(
                title=text(line, "title", path=path, max_length=500)
                or text(line, "presentment_title", path=path, max_length=500)
                or text(line, "name", path=path, max_length=500),
                variant=text(line, "variant_title", path=path)
                or text(line, "presentment_variant_title", path=path),
                quantity=count(line, "quantity", path=path),
                price=money(line, "price", path=path),
                product_url=web_url(line, "url", path=path, strict=False)
                or web_url(line, "product_url", path=path, strict=False),
                image_url=image_url,
                variant_id=identifier(line, "variant_id", path=path)[:64],
            )
        )
    return tuple(items)


def _addresses(payload: dict) -> list[dict]:
    customer = obj(payload, "customer")
    return [
        obj(payload, "shipping_address"),
        obj(payload, "billing_address"),
        obj(customer, "default_address", path="customer."),
    ]


def _contact(payload: dict) -> ContactData:
    """Who the cart belongs to; the phone in Shopify's order of preference, dialled from its address."""
    customer = obj(payload, "customer")
    addresses = _addresses(payload)
    home = next((a for a in addresses if country_code(a, "country_code")), {})
    region = country_code(home, "country_code")
    phone_raw, phone_region = "", region
    for source, key in ((payload, "sms_marketing_phone"), (payload, "phone"), (customer, "phone")):
        phone_raw = text(source, key, max_length=64)
        if phone_raw:
            break
    else:
        for address in addresses:
            phone_raw = text(address, "phone", max_length=64)
            if phone_raw:
                phone_region = country_code(address, "country_code") or region
                break
    names = [customer, *addresses]
    return ContactData(
        phone_raw=phone_raw,
        phone_region=phone_region,
        external_id=identifier(customer, "id", path="customer."),
        first_name=next((text(n, "first_name", max_length=150) for n in names if n.get("first_name")), ""),
        last_name=next((text(n, "last_name", max_length=150) for n in names if n.get("last_name")), ""),
        email=(text(payload, "email", max_length=254) or text(customer, "email", max_length=254)),
        locale=text(payload, "customer_locale", max_length=16),
        country=region,
        province=text(home, "province_code", max_length=8),
    )


def _consents(payload: dict, *, contact: ContactData, checkout_key: str, at) -> tuple[ConsentData, ...]:
    """Only what Shopify states: the checkout's SMS box with its phone, and the customer's consent record."""
    consents = []
    box_ticked = flag(payload, "buyer_accepts_sms_marketing")
    sms_phone = text(payload, "sms_marketing_phone", max_length=64)
    if box_ticked and sms_phone:
        consents.append(
            ConsentData(
                kind="granted",
                source="shopify_checkout",
                phone_raw=sms_phone,
                occurred_at=at,
                language=contact.locale,
                evidence={
                    "buyer_accepts_sms_marketing": True,
                    "sms_marketing_phone": sms_phone,
                    "checkout": checkout_key,
                },
                dedupe_key=f"shopify:checkout:{checkout_key}:granted:{sms_phone}" if checkout_key else "",
            )
        )
    customer = obj(payload, "customer")
    record = obj(customer, "sms_marketing_consent", path="customer.")
    state = text(record, "state", path="customer.sms_marketing_consent.").lower()
    customer_phone = text(customer, "phone", max_length=64) or sms_phone
    if customer_phone and (state == "subscribed" or state in _REVOKED_STATES):
        updated = moment(record, "consent_updated_at", path="customer.sms_marketing_consent.")
        kind = "granted" if state == "subscribed" else "revoked"
        consents.append(
            ConsentData(
                kind=kind,
                source="shopify_customer",
                phone_raw=customer_phone,
                occurred_at=updated or at,
                language=contact.locale,
                evidence={"sms_marketing_consent": record, "customer_id": contact.external_id},
                dedupe_key=f"shopify:customer:{contact.external_id or customer_phone}:{state}:"
                f"{updated.isoformat() if updated else ''}",
            )
        )
    return tuple(consents)
