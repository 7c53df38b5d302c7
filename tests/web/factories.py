"""The dashboard's defaults on the shared factories (a first text, a shipping rule); a valid settings form."""

import factory

from tests.conversations.factories import KeywordRuleFactory as _KeywordRuleFactory
from tests.flows.factories import FlowFactory
from tests.flows.factories import StepFactory as _StepFactory

__all__ = ["FlowFactory", "KeywordRuleFactory", "StepFactory", "settings_form"]


class StepFactory(_StepFactory):
    templates = factory.LazyFunction(
        lambda: {
            "en": "Hi {first_name}, still thinking about the {product}? Finish here: {link} "
            "Reply STOP to opt out."
        }
    )


class KeywordRuleFactory(_KeywordRuleFactory):
    name = "Shipping"
    keywords = factory.LazyFunction(lambda: ["shipping", "delivery"])
    reply = "Free shipping on orders over $75."


def settings_form(**overrides) -> dict:
    """A valid POST of the settings page, with `overrides` changed."""
    data = {
        "quiet_hours_start": "9",
        "quiet_hours_end": "20",
        "frequency_cap": "2",
        "fallback_reply": "Passing this to the team.",
        "holding_reply": "A person from {store} will text you.",
        "help_text": "Summit: help@summit.example. Reply STOP to opt out.",
        "shipping_policy": "Free over $75.",
        "returns_policy": "30 days.",
    }
    return {**data, **overrides}
