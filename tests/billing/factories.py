"""Billing's factories, and the texts, clicks and replies a recovery leaves behind (at chosen times)."""

from datetime import datetime

import factory

from billing.models import Plan
from conversations.models import Message, Thread
from flows.models import Click, Nudge, ShortLink, Step
from stores.models import Cart, Order
from tests.conversations.factories import MessageFactory, ThreadFactory
from tests.flows.factories import ActiveFlowFactory, NudgeFactory, StepFactory
from tests.stores.factories import CartFactory, OrderFactory, StoreFactory

# ActiveFlowFactory, StepFactory and ThreadFactory moved to their models' apps (one factory per model) and
# are still importable from here, for tests written before.
__all__ = ["ActiveFlowFactory", "PlanFactory", "StepFactory", "ThreadFactory", "click_add", "message_add"]
__all__ += ["order_for", "reply_add", "text_send", "texted_cart"]


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan
        django_get_or_create = ("store",)

    store = factory.SubFactory(StoreFactory)


def _bot_thread(cart: Cart) -> Thread:
    """The cart's shopper's thread, still with the bot (as a recovery's texts leave it)."""
    return ThreadFactory(
        store=cart.store,
        customer=cart.customer,
        status=Thread.Status.BOT,
        last_message_at=None,
        last_inbound_at=None,
    )


def _at(model, obj, field: str, when: datetime | None):
    """auto_now_add cannot be set on create: move the row to the time the test needs."""
    if when is not None:
        model.objects.filter(pk=obj.pk).update(**{field: when})
        setattr(obj, field, when)
    return obj


def text_send(
    *,
    cart: Cart,
    at: datetime,
    step: Step | None = None,
    body: str = "Hi Jamie, still thinking about it?",
    status: str = Message.Status.DELIVERED,
    segments: int = 1,
    price=None,
    price_unit: str = "",
) -> Message:
    """A nudge text that went out for this cart at `at`."""
    store = cart.store
    step = step or StepFactory(store=store)
    nudge = NudgeFactory(store=store, cart=cart, step=step, state=Nudge.State.SENT, due_at=at, sent_at=at)
    message = MessageFactory(
        thread=_bot_thread(cart),
        direction=Message.Direction.OUT,
        body=body,
        status=status,
        route="nudge",
        nudge=nudge,
        segments=segments,
        price=price,
        price_unit=price_unit,
    )
    return _at(Message, message, "created_at", at)


def _default_status(direction: str) -> str:
    return Message.Status.RECEIVED if direction == Message.Direction.IN else Message.Status.SENT


def message_add(
    *, cart: Cart, at: datetime, direction: str, body: str, route: str = "", status: str = ""
) -> Message:
    message = MessageFactory(
        thread=_bot_thread(cart),
        direction=direction,
        body=body,
        status=status or _default_status(direction),
        route=route,
    )
    return _at(Message, message, "created_at", at)


def reply_add(
    *, cart: Cart, at: datetime, body: str = "Does it come in red?", route: str = "rule"
) -> Message:
    return message_add(cart=cart, at=at, direction=Message.Direction.IN, body=body, route=route)


_link_seq = iter(range(10**9))


def click_add(*, cart: Cart, at: datetime, message: Message | None = None, discount_code: str = "") -> Click:
    store = cart.store
    link = ShortLink.objects.create(
        store=store,
        code=f"l{next(_link_seq)}x{cart.pk}",
        cart=cart,
        message=message,
        nudge=message.nudge if message is not None else None,
        target_url=cart.checkout_url or "https://shop.example/checkout",
        discount_code=discount_code,
    )
    return Click.objects.create(store=store, link=link, at=at)


def texted_cart(*, store, at: datetime, **text_kwargs) -> tuple[Cart, Message]:
    cart = CartFactory(store=store, last_activity_at=at, checkout_token=f"tok-{next(_link_seq)}")
    return cart, text_send(cart=cart, at=at, **text_kwargs)


def order_for(*, cart: Cart, placed_at: datetime, total="100.00", **kwargs) -> Order:
    return OrderFactory(
        store=cart.store,
        cart=cart,
        customer=cart.customer,
        checkout_token=cart.checkout_token,
        total=total,
        currency=kwargs.pop("currency", cart.currency),
        placed_at=placed_at,
        **kwargs,
    )
