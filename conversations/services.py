"""Writes of the conversations app: threads and the messages in them."""

from django.db import IntegrityError, transaction

from stores.models import Customer

from .models import Thread


def thread_get_or_create(*, store, customer: Customer) -> Thread:
    """The one thread of this customer with this store, made on first contact (race-safe)."""
    if customer.store_id != store.id:
        raise ValueError("The customer belongs to another store.")
    try:
        with transaction.atomic():
            thread, _ = Thread.objects.get_or_create(store=store, customer=customer)
    except IntegrityError:
        thread = Thread.objects.get(store=store, customer=customer)
    return thread
