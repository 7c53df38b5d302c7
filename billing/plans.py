"""Writes of a store's plan: its commission, fees, currency, attribution window and holdout."""

from cartrecovery.errors import ApplicationError
from stores.models import Store

from .models import Plan
from .prices import exchange_rate
from .selectors import plan_get


def plan_update(*, store: Store, **terms) -> Plan:
    """Set a store's terms; validated against the plan's limits (window 1–30 days, holdout 0–20 %)."""
    allowed = {
        "commission_percent",
        "fixed_fee",
        "billing_currency",
        "attribution_window_days",
        "holdout_percent",
    }
    unknown = set(terms) - allowed
    if unknown:
        raise ApplicationError(f"Unknown plan terms: {', '.join(sorted(unknown))}.")
    plan = plan_get(store=store)
    for name, value in terms.items():
        setattr(plan, name, value)
    if "billing_currency" in terms:
        plan.billing_currency = plan.billing_currency.upper()
        exchange_rate(source="USD", target=plan.billing_currency)
    plan.full_clean(exclude=["store"])
    plan.save()
    return plan
