"""Money: cents, and the rates fees are converted at. What a text segment costs per destination is the
one table in `conversations.sms.prices`, shared with the editor's preview.

The table is small and static on purpose: the rate used is recorded on every receipt, so an invoice can
always be recomputed from what it says.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from cartrecovery.errors import ApplicationError

CENT = Decimal("0.01")
RATE_PLACES = Decimal("0.00000001")

# Units of each currency per 1 USD. A static table (no live FX feed): the rate used is written on each
# receipt so the merchant sees exactly what was applied.
USD_RATES: dict[str, Decimal] = {
    "USD": Decimal("1"),
    "EUR": Decimal("0.92"),
    "GBP": Decimal("0.79"),
    "CAD": Decimal("1.36"),
    "AUD": Decimal("1.52"),
    "NZD": Decimal("1.66"),
    "CHF": Decimal("0.88"),
    "SEK": Decimal("10.60"),
    "DKK": Decimal("6.86"),
    "NOK": Decimal("10.80"),
    "JPY": Decimal("150"),
}


@dataclass(frozen=True)
class Rate:
    source: str
    target: str
    rate: Decimal
    origin: str  # "same currency" or "static table"

    def as_receipt(self) -> dict:
        return {"from": self.source, "to": self.target, "rate": str(self.rate), "source": self.origin}


def cents(amount: Decimal) -> Decimal:
    """Money is kept to the cent, half up (what a merchant would do on paper)."""
    if not isinstance(amount, Decimal):
        raise TypeError(f"Money must be a Decimal, not {type(amount).__name__}.")
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def exchange_rate(*, source: str, target: str) -> Rate:
    source, target = source.upper(), target.upper()
    if source == target:
        return Rate(source, target, Decimal("1"), "same currency")
    if source not in USD_RATES or target not in USD_RATES:
        raise ApplicationError(f"No exchange rate from {source} to {target}.", code="unknown_currency")
    rate = (USD_RATES[target] / USD_RATES[source]).quantize(RATE_PLACES, rounding=ROUND_HALF_UP)
    return Rate(source, target, rate, "static table")
