import factory
from factory.errors import CyclicDefinitionError

from flows.models import DiscountCode, Flow, Nudge, Step
from stores.models import Store
from tests.stores.factories import CartFactory, StoreFactory


class FlowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Flow

    store = factory.SubFactory(StoreFactory)


class ActiveFlowFactory(FlowFactory):
    """The store's one active flow: found, not duplicated (a store has at most one)."""

    class Meta:
        django_get_or_create = ("store", "is_active")

    is_active = True


def _store_of_flow(step) -> Store:
    # With neither `store` nor `flow` given, each waits for the other: the step gets a new store.
    try:
        return step.flow.store
    except CyclicDefinitionError:
        return StoreFactory()


class StepFactory(factory.django.DjangoModelFactory):
    """A step: `StepFactory(flow=f)` joins f (and its store); `StepFactory(store=s)` joins s's active flow
    (made once), so two of them are two steps of one flow; with neither, a new store's flow."""

    class Meta:
        model = Step

    flow = factory.SubFactory(ActiveFlowFactory, store=factory.SelfAttribute("..store"))
    store = factory.LazyAttribute(_store_of_flow)
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
