import factory
from django.utils import timezone

from conversations.models import CannedResponse, KeywordRule, Message, Thread
from tests.stores.factories import CustomerFactory, StoreFactory


class ThreadFactory(factory.django.DjangoModelFactory):
    """The shopper's one thread (found, not duplicated: a store has one thread per shopper)."""

    class Meta:
        model = Thread
        django_get_or_create = ("store", "customer")

    store = factory.SubFactory(StoreFactory)
    customer = factory.SubFactory(CustomerFactory, store=factory.SelfAttribute("..store"))
    status = Thread.Status.ESCALATED
    last_message_at = factory.LazyFunction(timezone.now)
    last_inbound_at = factory.SelfAttribute("last_message_at")


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Message

    store = factory.SelfAttribute("thread.store")
    thread = factory.SubFactory(ThreadFactory)
    direction = Message.Direction.IN
    body = "Is the jacket still available in blue?"
    status = Message.Status.RECEIVED


class OutboundMessageFactory(MessageFactory):
    """A text the store sent, with the SID Twilio's status callbacks refer to."""

    direction = Message.Direction.OUT
    body = "Hi Jamie, still thinking about the Alpine Down Jacket?"
    status = Message.Status.QUEUED
    twilio_sid = factory.Sequence(lambda n: f"SM{n:032d}")


class CannedResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CannedResponse

    store = factory.SubFactory(StoreFactory)
    title = "Shipping times"
    body = "Hi {first_name}! Orders ship within 1 business day from {store}."


class KeywordRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KeywordRule

    store = factory.SubFactory(StoreFactory)
    name = factory.Sequence(lambda n: f"Rule {n}")
    keywords = factory.LazyFunction(lambda: ["shipping"])
    reply = "Free shipping over $75, {first_name}."
    priority = 100
