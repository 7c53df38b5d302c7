import factory

from conversations.models import Message, Thread
from flows.models import Flow, KeywordRule, Nudge, Step
from tests.stores.factories import CartFactory, CustomerFactory, StoreFactory


class ThreadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thread

    store = factory.SubFactory(StoreFactory)
    customer = factory.SubFactory(CustomerFactory, store=factory.SelfAttribute("..store"))


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Message

    store = factory.SelfAttribute("thread.store")
    thread = factory.SubFactory(ThreadFactory)
    direction = Message.Direction.OUT
    body = "Hi Jamie, still thinking about the Alpine Down Jacket?"
    status = Message.Status.QUEUED
    twilio_sid = factory.Sequence(lambda n: f"SM{n:032d}")


class KeywordRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KeywordRule

    store = factory.SubFactory(StoreFactory)
    name = factory.Sequence(lambda n: f"Rule {n}")
    keywords = factory.LazyFunction(lambda: ["shipping"])
    reply = "Free shipping over $75, {first_name}."
    priority = 100


class FlowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Flow

    store = factory.SubFactory(StoreFactory)


class StepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Step

    store = factory.SelfAttribute("flow.store")
    flow = factory.SubFactory(FlowFactory)
    position = factory.Sequence(lambda n: n)
    delay_minutes = 45
    templates = factory.LazyFunction(lambda: {"en": "Hi {first_name}, still thinking about {product}?"})


class NudgeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nudge

    store = factory.SubFactory(StoreFactory)
    cart = factory.SubFactory(CartFactory, store=factory.SelfAttribute("..store"))
    step = factory.SubFactory(StepFactory, flow__store=factory.SelfAttribute("...store"))
    due_at = factory.SelfAttribute("cart.last_activity_at")
