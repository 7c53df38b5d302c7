import factory

from flows.models import Flow, KeywordRule, Step
from tests.stores.factories import StoreFactory


class FlowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Flow

    store = factory.SubFactory(StoreFactory)


class StepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Step

    flow = factory.SubFactory(FlowFactory)
    store = factory.SelfAttribute("flow.store")
    position = factory.Sequence(lambda n: n + 1)
    delay_minutes = 45
    templates = factory.LazyFunction(
        lambda: {
            "en": "Hi {first_name}, still thinking about the {product}? Finish here: {link} "
            "Reply STOP to opt out."
        }
    )


class KeywordRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KeywordRule

    store = factory.SubFactory(StoreFactory)
    name = "Shipping"
    keywords = factory.LazyFunction(lambda: ["shipping", "delivery"])
    reply = "Free shipping on orders over $75."
    priority = 100
