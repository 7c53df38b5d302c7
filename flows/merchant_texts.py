"""Test texts: a merchant texts their own phone from the Setup page, through the real outbound path.

They must not become a free SMS gateway: a store sends at most `TEST_TEXTS_PER_HOUR`, never to a number
that opted out, cannot take texts or has had its share for the day (the same refusal and cap every flow
text obeys), and each one is recorded with the person who sent it (`Message.sent_by`, and a log line).
"""

import logging
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from cartrecovery.errors import ApplicationError
from conversations.models import Message
from conversations.sending import message_queue_outbound
from conversations.services import thread_get_or_create
from stores.eligibility import NotTextable, customer_texting_problem
from stores.models import Customer, Store
from stores.phones import phone_mask, phone_parse, store_region

from .models import Flow
from .policy import frequency_cap_hold, recipient_resolve

logger = logging.getLogger(__name__)

TEST_TEXTS_PER_HOUR = 5
TEST_ROUTE = "test"
TEST_TEXT = "{store}: this is a test text from Cart Recovery. Your texts are set up. Reply STOP to opt out."


def merchant_test_texts_left(*, store: Store, now: datetime | None = None) -> int:
    """How many test texts the store may still send in the hour up to `now`."""
    since = (now or timezone.now()) - timedelta(hours=1)
    sent = Message.objects.for_store(store).filter(route=TEST_ROUTE, created_at__gt=since).count()
    return max(TEST_TEXTS_PER_HOUR - sent, 0)


def merchant_test_text_send(*, store: Store, phone: str, sent_by) -> Message:
    """Queue one test text to `phone`, or say why not (ApplicationError with a `code`)."""
    parsed = phone_parse(phone, region=store_region(store) or "US")
    if parsed.problem:
        raise ApplicationError(f"That is {parsed.problem}.", code="phone")
    now = timezone.now()
    with transaction.atomic():
        # One store's test texts one at a time, so two at once cannot both take the last of the hour.
        Store.objects.select_for_update().filter(pk=store.pk).first()
        if merchant_test_texts_left(store=store, now=now) == 0:
            raise ApplicationError(
                f"You have sent {TEST_TEXTS_PER_HOUR} test texts in the last hour. Try again later.",
                code="rate_limited",
            )
        customer, _ = Customer.objects.get_or_create(store=store, phone=parsed.e164)
        _refuse_if_not_textable(store=store, customer=customer, e164=parsed.e164, now=now)
        thread = thread_get_or_create(store=store, customer=customer)
        message = message_queue_outbound(
            store=store,
            thread=thread,
            body=TEST_TEXT.format(store=store.name),
            route=TEST_ROUTE,
            sent_by=sent_by,
        )
    logger.info(
        "Test text %s queued for store %s by user %s to %s",
        message.id,
        store.id,
        getattr(sent_by, "pk", None),
        phone_mask(parsed.e164),
    )
    return message


def _refuse_if_not_textable(*, store: Store, customer: Customer, e164: str, now: datetime) -> None:
    # The merchant asks for this text for their own phone: it needs no marketing consent, all else applies.
    refusal = customer_texting_problem(customer)
    if refusal and refusal != NotTextable.NO_CONSENT:
        raise ApplicationError(f"This number cannot get texts from {store.name}: {refusal}.", code="refused")
    flow = Flow.objects.for_store(store).filter(is_active=True).first()
    cap = flow.frequency_cap if flow else Flow._meta.get_field("frequency_cap").default
    sent = (
        Message.objects.for_store(store)
        .filter(
            thread__customer=customer,
            direction=Message.Direction.OUT,
            created_at__gt=now - timedelta(hours=24),
        )
        .exclude(status=Message.Status.FAILED)
    )
    hold = frequency_cap_hold(
        cap=cap,
        recipient=recipient_resolve(phone=e164, store=store),
        sent=list(sent.values_list("created_at", flat=True)),
        now=now,
    )
    if hold is not None:
        raise ApplicationError(f"This number has had its texts for today: {hold.reason}.", code="capped")
