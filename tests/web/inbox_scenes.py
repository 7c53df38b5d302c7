"""A lived-in inbox for browser tests and screenshots: shoppers, carts and conversations that read true."""

from datetime import timedelta

from django.utils import timezone

from conversations.models import Message, Thread
from flows.models import Nudge
from stores.models import SmsStatus
from tests.conversations.factories import CannedResponseFactory, MessageFactory, ThreadFactory
from tests.flows.factories import NudgeFactory
from tests.stores.factories import CartFactory, CartItemFactory, CustomerFactory
from tests.web.factories import FlowFactory, StepFactory

SHOPPERS = [
    (
        "Jamie",
        "Rivera",
        "+14155550142",
        "escalated",
        "Do you have the Alpine jacket in a medium? Need it by Friday",
    ),
    ("Priya", "Shah", "+14155550178", "escalated", "Can I talk to a real person please"),
    ("Marcus", "Lee", "+13035550119", "assigned", "Perfect, thank you!"),
    ("Sofia", "García", "+13125550163", "bot", "What's your return policy?"),
    ("Noah", "Kim", "+12065550131", "resolved", "Got it, ordered 👍"),
]


def conversation_scene(store, *, agent) -> Thread:
    """Five shoppers in various states; returns Jamie's thread (escalated, with a cart and a sent nudge)."""
    now = timezone.now()
    flow = FlowFactory(store=store)
    step = StepFactory(flow=flow, position=1)
    CannedResponseFactory(
        store=store, title="Shipping times", body="Hi {first_name}! Orders ship within 1 business day."
    )
    CannedResponseFactory(
        store=store, title="Sizing help", body="Our jackets run true to size, {first_name}."
    )
    threads = []
    for minutes, (first, last, phone, status, last_words) in enumerate(SHOPPERS):
        customer = CustomerFactory(store=store, first_name=first, last_name=last, phone=phone)
        at = now - timedelta(minutes=minutes * 17 + 2)
        cart = CartFactory(store=store, customer=customer, total="248.00", currency="USD", status="abandoned")
        CartItemFactory(cart=cart, title="Alpine Down Jacket", variant="Glacier Blue / M", price="189.00")
        CartItemFactory(cart=cart, title="Merino Trail Beanie", variant="Charcoal", price="29.50", quantity=2)
        nudge = NudgeFactory(
            store=store,
            cart=cart,
            step=step,
            state=Nudge.State.SENT,
            due_at=at - timedelta(hours=1),
            sent_at=at - timedelta(hours=1),
        )
        thread = ThreadFactory(
            store=store,
            customer=customer,
            status=status,
            assignee=agent if status == "assigned" else None,
            last_message_at=at,
            human_inbound_count=1 if status == "escalated" else 0,
            escalation_reason="Asked for a person" if status == "escalated" else "",
        )
        MessageFactory(
            thread=thread,
            direction="out",
            route="nudge",
            nudge=nudge,
            status="delivered",
            body=f"Hi {first}, it's Summit Outfitters. Still thinking about the Alpine Down Jacket? "
            "Your cart is saved: https://sm.mt/r/x7Kq2 Reply STOP to opt out.",
        )
        MessageFactory(thread=thread, body="Hi! Is it warm enough for skiing?")
        MessageFactory(
            thread=thread,
            direction="out",
            route="fallback",
            status="delivered",
            body="I'm not sure I follow, so I've passed this to our team. Someone will text you shortly.",
        )
        MessageFactory(thread=thread, body=last_words)
        Message.objects.filter(thread=thread).update(created_at=at)
        threads.append(thread)
    return threads[0]


def opted_out_thread(store) -> Thread:
    customer = CustomerFactory(store=store, first_name="Dana", sms_status=SmsStatus.UNSUBSCRIBED)
    thread = ThreadFactory(store=store, customer=customer, status=Thread.Status.ESCALATED)
    MessageFactory(thread=thread, body="STOP")
    return thread
