"""What the messaging app does when `stores` announces a change (see `stores.hooks`)."""

from stores import hooks
from stores.privacy import REDACTED

from .models import Message


def on_customer_redacted(*, store, customer) -> None:
    Message.objects.for_store(store).filter(thread__customer=customer).update(body=REDACTED)


def customer_messages(*, store, customers) -> list[dict]:
    messages = Message.objects.for_store(store).filter(thread__customer__in=customers)
    return list(messages.values("thread__customer_id", "direction", "body", "status", "created_at"))


def register() -> None:
    hooks.hook_register(hooks.CUSTOMER_REDACTED_HOOKS, on_customer_redacted)
    hooks.CUSTOMER_DATA_SECTIONS.setdefault("messages", customer_messages)
