"""The router's replies to a claimed batch of inbound texts go out together once the batch is done
(`sending.outbound_collected` around the webhook drain, issue 13): `deliver_messages` tasks of up to
REPLY_TASK_TEXTS texts, one durable claim each, instead of one task and one claim per text; each reply
still sent exactly once."""

import contextlib
import math
from collections import Counter

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from conversations import sending
from conversations.models import Message, SendAttempt
from conversations.services import INBOUND_SOURCE, INBOUND_TOPIC, thread_get_or_create
from stores.models import SmsStatus, WebhookEvent
from stores.tasks import process_pending_webhook_events, process_webhook_event
from tests.fakes.twilio_server import Action, error
from tests.stores.factories import CustomerFactory

pytestmark = pytest.mark.django_db(transaction=True)

_CLAIM = f"UPDATE {Message._meta.db_table} AS m SET status"  # noqa: S608 - a prefix to look for


def _phone(n: int) -> str:
    return f"+1415555{1000 + n:04d}"


def _stops(store, count: int) -> list[WebhookEvent]:
    """`count` subscribed shoppers, each of whose STOP Twilio delivered and the web tier recorded (not yet
    processed: the drain claims them as one batch)."""
    events = []
    for n in range(count):
        CustomerFactory(store=store, phone=_phone(n), sms_status=SmsStatus.SUBSCRIBED)
        sid = f"SM{n:032d}"
        events.append(
            WebhookEvent.objects.create(
                store=store,
                source=INBOUND_SOURCE,
                topic=INBOUND_TOPIC,
                key=sid,
                payload={"MessageSid": sid, "From": _phone(n), "To": str(store.sms_number), "Body": "STOP"},
            )
        )
    return events


@pytest.fixture
def deliveries(monkeypatch):
    """What the delivery tasks were asked to do: ("one", id) per `message_deliver`, ("many", ids) per
    `messages_deliver` (the tasks run eagerly in tests, and still deliver)."""
    calls: list[tuple[str, object]] = []
    one, many = sending.message_deliver, sending.messages_deliver

    def message_deliver(*, message_id):
        calls.append(("one", message_id))
        return one(message_id=message_id)

    def messages_deliver(*, message_ids, **kwargs):
        calls.append(("many", list(message_ids)))
        return many(message_ids=message_ids, **kwargs)

    monkeypatch.setattr(sending, "message_deliver", message_deliver)
    monkeypatch.setattr(sending, "messages_deliver", messages_deliver)
    return calls


def _replies() -> list[Message]:
    return list(Message.objects.filter(direction=Message.Direction.OUT).order_by("id"))


def test_a_batch_of_stops_has_its_confirmations_delivered_in_a_few_tasks_of_one_claim_each(
    store, sms_outbox, deliveries
):
    # given: more STOPs than one reply task takes
    events = _stops(store, 30)
    tasks = math.ceil(30 / sending.REPLY_TASK_TEXTS)
    assert tasks == 2

    # when: one drain claims and processes them
    with CaptureQueriesContext(connection) as queries:
        processed = process_pending_webhook_events()

    # then: every STOP processed; 30 confirmations, delivered by two tasks of one claim each
    assert processed == 30
    statuses = WebhookEvent.objects.filter(pk__in=[e.pk for e in events]).values_list("status", flat=True)
    assert set(statuses) == {WebhookEvent.Status.PROCESSED}
    replies = _replies()
    assert len(replies) == 30
    assert [kind for kind, _ in deliveries] == ["many"] * tasks
    assert sorted(i for _, ids in deliveries for i in ids) == [m.id for m in replies]
    assert max(len(ids) for _, ids in deliveries) <= sending.REPLY_TASK_TEXTS
    assert sum(1 for q in queries if q["sql"].startswith(_CLAIM)) == tasks
    # each shopper got exactly one text, the confirmation, and it is recorded as sent once
    assert Counter(sms.to for sms in sms_outbox) == Counter({_phone(n): 1 for n in range(30)})
    assert all("unsubscribed" in sms.body for sms in sms_outbox)
    assert {m.status for m in _replies()} == {Message.Status.QUEUED}
    assert Counter(SendAttempt.objects.values_list("outcome", flat=True)) == Counter({"accepted": 30})


def test_a_failing_text_does_not_hold_back_its_neighbours(store, fake_twilio, deliveries):
    # given: Twilio fails the third confirmation once (a 500, transient)
    store.sender_rate_per_second = 9_999
    store.save()
    _stops(store, 5)
    fake_twilio.plan(Action(), Action(), error(20500, status=500))

    # when
    process_pending_webhook_events()

    # then: the four others went in the batch's delivery; the failed one went to its own task, which sent
    # it; every shopper has exactly one text at Twilio
    replies = _replies()
    failed = replies[2]
    assert deliveries == [("many", [m.id for m in replies]), ("one", failed.id)]
    assert Counter(m["to"] for m in fake_twilio.messages) == Counter({_phone(n): 1 for n in range(5)})
    assert {m.status for m in _replies()} == {Message.Status.QUEUED}
    outcomes = failed.send_attempts.order_by("id").values_list("outcome", flat=True)
    assert list(outcomes) == ["retry", "accepted"]


def test_a_poison_delivery_fails_alone_and_the_others_replies_still_go_together(
    store, sms_outbox, deliveries, monkeypatch
):
    # given: the router crashes on one shopper's text (a bug)
    events = _stops(store, 4)
    from conversations import services

    real_receive = services.inbound_receive

    def receive(**kwargs):
        if kwargs["from_phone"] == _phone(1):
            raise RuntimeError("a bug in the router")
        return real_receive(**kwargs)

    monkeypatch.setattr(services, "inbound_receive", receive)

    # when
    process_pending_webhook_events()

    # then: that delivery failed with its error; the three others' replies went in one delivery, once each
    statuses = dict(WebhookEvent.objects.filter(pk__in=[e.pk for e in events]).values_list("key", "status"))
    assert statuses[events[1].key] == WebhookEvent.Status.FAILED
    assert Counter(statuses.values()) == Counter(
        {WebhookEvent.Status.FAILED: 1, WebhookEvent.Status.PROCESSED: 3}
    )
    replies = _replies()
    assert len(replies) == 3
    assert deliveries == [("many", [m.id for m in replies])]
    assert sorted(sms.to for sms in sms_outbox) == sorted(_phone(n) for n in (0, 2, 3))


def test_a_text_processed_on_its_own_is_delivered_at_once_by_its_own_task(store, sms_outbox, deliveries):
    # given: one STOP, processed by its own task (no shared cache, or the sweeper), and one in a drain
    first, _ = _stops(store, 2)

    # when
    process_webhook_event(first.id)
    after_first = list(deliveries)
    process_pending_webhook_events()

    # then: each reply went by itself, at once, as before
    replies = _replies()
    assert after_first == [("one", replies[0].id)]
    assert deliveries == [("one", replies[0].id), ("one", replies[1].id)]
    assert [sms.to for sms in sms_outbox] == [_phone(0), _phone(1)]


class _RolledBack(Exception):
    pass


def test_only_committed_texts_of_a_collected_block_are_delivered_even_if_it_ends_in_an_error(
    store, sms_outbox, deliveries
):
    # given: three shoppers' threads
    threads = [
        thread_get_or_create(store=store, customer=CustomerFactory(store=store, phone=_phone(n)))
        for n in range(3)
    ]

    def queue(n: int) -> Message:
        return sending.message_queue_outbound(store=store, thread=threads[n], body=f"Hi {n}", route="agent")

    kept: list[Message] = []
    seen_inside: list = []

    def batch() -> None:
        with sending.outbound_collected():
            with transaction.atomic():
                kept.append(queue(0))
            with contextlib.suppress(_RolledBack), transaction.atomic():
                queue(1)
                raise _RolledBack
            with transaction.atomic():
                kept.append(queue(2))
            seen_inside.extend(deliveries)
            raise RuntimeError("the batch stopped")

    # when: in one block, two texts commit, one is rolled back, then the block stops with an error
    with pytest.raises(RuntimeError, match="the batch stopped"):
        batch()

    # then: nothing went out inside the block; after it, the two committed texts went out together, and the
    # rolled-back one never existed
    assert seen_inside == []
    assert deliveries == [("many", [m.id for m in kept])]
    assert [sms.body for sms in sms_outbox] == ["Hi 0", "Hi 2"]
