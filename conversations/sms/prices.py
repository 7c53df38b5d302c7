"""What one text segment costs, by destination: the one table the editor's preview and the bill both use.

Twilio's list prices, late 2026, rounded, in USD per outbound segment, by E.164 calling-code prefix; the
longest matching prefix wins and anything else is "other". The bill uses Twilio's own reported price on a
message when a status callback brought one; this table is the fallback, and what previews estimate with.
"""

from decimal import Decimal

from stores.phones import country_calling_code

PRICE_CURRENCY = "USD"
SEGMENT_PRICES: dict[str, tuple[str, Decimal]] = {
    "+1": ("US/CA", Decimal("0.0083")),
    "+44": ("GB", Decimal("0.0524")),
    "+353": ("IE", Decimal("0.0850")),
    "+33": ("FR", Decimal("0.0800")),
    "+49": ("DE", Decimal("0.0940")),
    "+34": ("ES", Decimal("0.0750")),
    "+31": ("NL", Decimal("0.1150")),
    "+61": ("AU", Decimal("0.0515")),
    "+64": ("NZ", Decimal("0.1050")),
}
OTHER_REGION = "other"
OTHER_PRICE = Decimal("0.1000")


def segment_price_for_phone(phone: str) -> tuple[str, Decimal]:
    """(region label, USD per segment) for an E.164 number."""
    for prefix in sorted(SEGMENT_PRICES, key=len, reverse=True):
        if phone.startswith(prefix):
            return SEGMENT_PRICES[prefix]
    return OTHER_REGION, OTHER_PRICE


def segment_price_for_country(country: str) -> tuple[str, Decimal]:
    """(region label, USD per segment) for a country's numbers ("US", "GB", or "US-FL" for a state)."""
    calling_code = country_calling_code(country)
    if not calling_code:
        return OTHER_REGION, OTHER_PRICE
    return segment_price_for_phone(f"+{calling_code}")
