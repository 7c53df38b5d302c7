"""The dashboard's defaults on top of the shared factories: a first text and a shipping rule."""

import factory

from tests.conversations.factories import KeywordRuleFactory as _KeywordRuleFactory
from tests.flows.factories import FlowFactory
from tests.flows.factories import StepFactory as _StepFactory

__all__ = ["FlowFactory", "KeywordRuleFactory", "StepFactory"]


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
