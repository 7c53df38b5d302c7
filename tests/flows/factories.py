import factory

from flows.models import DiscountCode, Flow, Nudge, Step
from tests.stores.factories import CartFactory, StoreFactory


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
    templates = factory.LazyFunction(lambda: {"en": "Hi {first_name}, it's {store}. {product}? {link}"})


class NudgeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nudge

    step = factory.SubFactory(StepFactory)
    store = factory.SelfAttribute("step.store")
    cart = factory.SubFactory(CartFactory, store=factory.SelfAttribute("..store"))
    due_at = factory.SelfAttribute("cart.last_activity_at")


class DiscountCodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DiscountCode

    step = factory.SubFactory(StepFactory)
    store = factory.SelfAttribute("step.store")
    code = factory.Sequence(lambda n: f"POOL{n:05d}")
