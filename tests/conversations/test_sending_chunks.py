"""Delivering a dispatcher batch in chunks (`messages_deliver`, issue 13): one durable claim per chunk,
each text still sent exactly once, retries left to each text's own task."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conversations import sending
from conversations.models import Message, SendAttempt
from conversations.sending import Outbound, messages_deliver, messages_queue_outbound, messages_requeue_stuck
from conversations.services import thread_get_or_create
from conversations.sms import locmem, ratelimit
from tests.fakes.twilio_server import Action, error
from tests.stores.factories import CustomerFactory, StoreFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _queued(store, count: int, *, first_phone: int = 100) -> list[Message]:
    """`count` texts to as many shoppers, each with its own body (so the provider can tell them apart)."""
    outbound = []
    for n in range(count):
        customer = CustomerFactory(store=store, phone=f"+1415555{first_phone + n:04d}")
        thread = thread_get_or_create(store=store, customer=customer)
        outbound.append(Outbound(store=store, thread=thread, body=f"Hi shopper {n}", route="agent"))
    return messages_queue_outbound(outbound=outbound)


_CLAIM = f"UPDATE {Message._meta.db_table} AS m SET status"  # noqa: S608 - a prefix to look for


def _claims(queries) -> int:
    return sum(1 for q in queries if q["sql"].startswith(_CLAIM))


def _handed_back() -> tuple[list, object]:
    handed: list = []
    return handed, lambda message_id, countdown: handed.append((message_id, countdown))


def _lose_the_outcomes(messages: list[Message]) -> None:
    """What a PostgreSQL crash that loses the outcomes' commits (not waited for on disk) leaves behind:
    the durable claim only. Each message `sending` with one attempt and no record of it, claimed long ago."""
    ids = [m.id for m in messages]
    SendAttempt.objects.filter(message_id__in=ids).delete()
    Message.objects.filter(pk__in=ids).update(
        status=Message.Status.SENDING,
        twilio_sid=None,
        attempts=1,
        updated_at=timezone.now() - timedelta(minutes=5),
    )


def test_a_batch_is_claimed_a_chunk_at_a_time_and_each_text_sent_once(store, sms_outbox):
    # given
    messages = _queued(store, sending.CHUNK_TEXTS + 5)
    ids = [m.id for m in messages]

    # when
    with CaptureQueriesContext(connection) as queries:
        report = messages_deliver(message_ids=ids)
    again = messages_deliver(message_ids=ids)  # a task delivered twice

    # then: two claims for 25 texts, every text once, in the order given
    assert _claims(queries) == 2
    assert (report.sent, report.refused, report.handed_back) == (len(ids), 0, {})
    assert (again.sent, again.skipped) == (0, len(ids))
    assert [sms.body for sms in sms_outbox] == [m.body for m in messages]
    assert set(Message.objects.filter(pk__in=ids).values_list("status", flat=True)) == {Message.Status.QUEUED}
    assert list(SendAttempt.objects.filter(message_id__in=ids).values_list("outcome", flat=True)) == [
        "accepted"
    ] * len(ids)


def test_a_round_of_texts_takes_and_lets_go_its_turns_in_one_call_each(store, fake_twilio, monkeypatch):
    # given: a sender with room for a whole chunk
    store.sender_rate_per_second = 9_999
    store.save()
    messages = _queued(store, 5)
    calls = []
    for name in ("take_many", "done_many"):
        real = getattr(ratelimit, name)
        monkeypatch.setattr(
            ratelimit,
            name,
            lambda *, _real=real, _name=name, **kwargs: calls.append(_name) or _real(**kwargs),
        )

    # when
    report = messages_deliver(message_ids=[m.id for m in messages])

    # then: five texts, one call to take their turns and one to let them go
    assert report.sent == 5
    assert len(fake_twilio.requests) == 5
    assert calls == ["take_many", "done_many"]


def test_a_batch_is_planned_under_each_senders_own_key_read_without_parsing_its_number(store):
    # given: texts of two stores, each sending from its own number with room for a whole chunk
    store.sender_rate_per_second = 9_999
    store.save()
    other = StoreFactory(sms_number="+13035550142", sender_rate_per_second=9_999)
    texts = _queued(store, 2) + _queued(other, 1, first_phone=200)

    # when
    plan = sending._chunks_plan([m.id for m in texts], rate_limited=True)

    # then: the keys the limiter uses for the stores (their numbers in E.164, as stored)
    assert [(key, len(ids)) for key, ids in plan] == [
        (ratelimit.sender_key(store), 2),
        (ratelimit.sender_key(other), 1),
    ]
    assert ratelimit.sender_key(other) == "+13035550142"


def test_the_outcome_commit_does_not_wait_for_the_disk_and_leaves_the_session_durable(store, sms_outbox):
    # given
    (message,) = _queued(store, 1)

    # when
    messages_deliver(message_ids=[message.id])

    # then: the relaxed commit was the outcome's transaction only; the next claim is durable again
    if connection.vendor != "postgresql":
        pytest.skip("synchronous_commit is PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        assert cursor.fetchone()[0] == "on"


def test_outcomes_lost_in_a_crash_are_recovered_from_the_provider_not_sent_again(store, fake_twilio):
    # given: a chunk went to Twilio, and the database lost the outcomes (not waited for on disk)
    store.sender_rate_per_second = 9_999
    store.save()
    messages = _queued(store, 3)
    report = messages_deliver(message_ids=[m.id for m in messages])
    assert report.sent == 3
    sids = {m["body"]: m["sid"] for m in fake_twilio.messages}
    _lose_the_outcomes(messages)

    # when: the sweeper finds them `sending` past SMS_STALE_SENDING, and their tasks take them over
    requeued = messages_requeue_stuck()

    # then: Twilio was asked, nothing was posted again, and each message has its one text's SID
    assert requeued == 3
    assert len(fake_twilio.requests) == 3
    for message in messages:
        message.refresh_from_db()
        assert message.status == Message.Status.QUEUED
        assert message.twilio_sid == sids[message.body]
        assert list(message.send_attempts.values_list("outcome", flat=True)) == ["recovered"]


class _WorkerKilled(BaseException):
    """A SIGKILL as the code sees it: nothing after it runs, nothing is recorded."""


def test_a_worker_killed_mid_chunk_leaves_each_text_sent_exactly_once(store, sms_outbox, monkeypatch):
    # given: the worker dies on the third send of a chunk of five, before that request leaves
    messages = _queued(store, 5)
    real_send = locmem.LocmemBackend.send

    def send(self, sms):
        if len(sms_outbox) == 2:
            raise _WorkerKilled
        return real_send(self, sms)

    monkeypatch.setattr(locmem.LocmemBackend, "send", send)
    with pytest.raises(_WorkerKilled):
        messages_deliver(message_ids=[m.id for m in messages])
    monkeypatch.setattr(locmem.LocmemBackend, "send", real_send)
    # the two sent had their outcome lost with the worker's connection; all five are `sending`
    _lose_the_outcomes(messages)

    # when: the sweeper hands them to their tasks once stale
    messages_requeue_stuck()

    # then: the two that went out are found, not sent again; the other three go once
    assert sorted(sms.body for sms in sms_outbox) == sorted(m.body for m in messages)
    outcomes = dict(SendAttempt.objects.values_list("message_id", "outcome"))
    assert sorted(outcomes.values()) == ["accepted"] * 3 + ["recovered"] * 2


def test_a_transient_error_hands_only_that_text_back_to_its_own_task(store, fake_twilio):
    # given: Twilio fails the second of three texts with a 500
    store.sender_rate_per_second = 9_999
    store.save()
    messages = _queued(store, 3)
    fake_twilio.plan(Action(), error(20500, status=500))
    handed, hand_back = _handed_back()

    # when
    report = messages_deliver(message_ids=[m.id for m in messages], hand_back=hand_back)

    # then: the others went; the failed one is pending, its attempt recorded, and its task has it
    assert report.sent == 2
    assert [message_id for message_id, _ in handed] == [messages[1].id]
    failed = Message.objects.get(pk=messages[1].id)
    assert failed.status == Message.Status.PENDING
    assert list(failed.send_attempts.values_list("outcome", flat=True)) == ["retry"]


def test_a_sender_without_room_gets_its_texts_handed_back_unclaimed(store, fake_twilio):
    # given: a sender at one text per 2 s, three texts for it, and another store's text in the batch
    store.sender_rate_per_second = "0.5"
    store.save()
    other = StoreFactory(sender_rate_per_second=9_999)
    slow = _queued(store, 3)
    fast = _queued(other, 1, first_phone=200)
    handed, hand_back = _handed_back()

    # when
    with CaptureQueriesContext(connection) as queries:
        report = messages_deliver(message_ids=[m.id for m in slow + fast], hand_back=hand_back)

    # then: the slow sender's first text and the other store's went; the slow sender's next two are
    # pending as if never claimed (one claimed chunk of one text each at most), and handed back to their
    # own tasks to wait for the sender's room there
    assert report.sent == 2
    assert sorted(r.params["Body"] for r in fake_twilio.requests) == sorted([slow[0].body, fast[0].body])
    assert sorted(message_id for message_id, _ in handed) == sorted([slow[1].id, slow[2].id])
    assert all(countdown >= sending.CHUNK_TURN_WAIT for _, countdown in handed)
    left = Message.objects.filter(pk__in=[slow[1].id, slow[2].id])
    assert set(left.values_list("status", "attempts")) == {(Message.Status.PENDING, 0)}
    assert _claims(queries) == 3  # slow's first, the other store's, slow's second (undone)


def test_a_text_another_worker_holds_goes_to_its_own_task(store, sms_outbox):
    # given: one text of the batch is being sent by another worker right now
    messages = _queued(store, 3)
    Message.objects.filter(pk=messages[0].pk).update(status=Message.Status.SENDING, updated_at=timezone.now())
    handed, hand_back = _handed_back()

    # when
    report = messages_deliver(message_ids=[m.id for m in messages], hand_back=hand_back)

    # then: the others went; the held one was not sent, and its task will look again once it may be stale
    assert report.sent == 2
    assert [sms.body for sms in sms_outbox] == [messages[1].body, messages[2].body]
    assert handed == [(messages[0].id, sending.settings.SMS_STALE_SENDING.total_seconds())]


_OUTCOMES = "WITH v (id, store_id, sid, status"  # the start of a round's outcome statement


def test_a_round_records_its_outcomes_in_one_statement(store, fake_twilio):
    # given: a sender with room for a whole chunk
    store.sender_rate_per_second = 9_999
    store.save()
    messages = _queued(store, 5)

    # when
    with CaptureQueriesContext(connection) as queries:
        report = messages_deliver(message_ids=[m.id for m in messages])

    # then: one outcome statement for the round, and each message has its own text's SID and attempt
    if connection.vendor == "postgresql":
        assert sum(1 for q in queries if q["sql"].startswith(_OUTCOMES)) == 1
    assert report.sent == 5
    sids = {m["body"]: m["sid"] for m in fake_twilio.messages}
    for message in messages:
        message.refresh_from_db()
        assert (message.status, message.twilio_sid) == (Message.Status.QUEUED, sids[message.body])
        assert list(message.send_attempts.values_list("outcome", flat=True)) == ["accepted"]


def test_a_worker_dying_after_the_requests_before_the_rounds_outcome_sends_nothing_twice(
    store, fake_twilio, monkeypatch
):
    # given: a round of three went to Twilio, and the worker died before recording its outcomes
    store.sender_rate_per_second = 9_999
    store.save()
    messages = _queued(store, 3)
    real = sending._accepted_many
    calls: list = []

    def dies_on_the_first_round(answers, *, outcome):
        calls.append(len(answers))
        if len(calls) == 1:
            raise _WorkerKilled
        return real(answers, outcome=outcome)

    monkeypatch.setattr(sending, "_accepted_many", dies_on_the_first_round)
    with pytest.raises(_WorkerKilled):
        messages_deliver(message_ids=[m.id for m in messages])
    assert calls == [3]
    assert len(fake_twilio.requests) == 3
    left = Message.objects.filter(pk__in=[m.id for m in messages])
    assert set(left.values_list("status", "twilio_sid", "attempts")) == {(Message.Status.SENDING, None, 1)}
    assert not SendAttempt.objects.filter(message_id__in=[m.id for m in messages]).exists()
    left.update(updated_at=timezone.now() - timedelta(minutes=5))

    # when: the sweeper hands them to their tasks once stale, and a duplicate of the batch task runs too
    messages_requeue_stuck()
    again = messages_deliver(message_ids=[m.id for m in messages])

    # then: Twilio was asked, nothing was posted again, and each message has its one text's SID
    assert len(fake_twilio.requests) == 3
    assert again.skipped == 3
    sids = {m["body"]: m["sid"] for m in fake_twilio.messages}
    for message in messages:
        message.refresh_from_db()
        assert (message.status, message.twilio_sid) == (Message.Status.QUEUED, sids[message.body])
        assert list(message.send_attempts.values_list("outcome", flat=True)) == ["recovered"]


def test_a_status_callback_before_the_rounds_outcome_is_kept(store, fake_twilio, monkeypatch):
    # given: Twilio's "delivered" callback for the second text arrives before the round's outcome
    from conversations.services import message_status_update

    store.sender_rate_per_second = 9_999
    store.save()
    messages = _queued(store, 3)
    real = sending._accepted_many
    early: list = []

    def callback_first(answers, *, outcome):
        claimed, result = answers[1]
        early.append(message_status_update(sid=result.sid, status="delivered", message_id=claimed.id))
        return real(answers, outcome=outcome)

    monkeypatch.setattr(sending, "_accepted_many", callback_first)

    # when
    report = messages_deliver(message_ids=[m.id for m in messages])

    # then: the callback found the text by its id, and the outcome did not move it back to queued
    assert report.sent == 3
    assert early[0] is not None
    assert early[0].id == messages[1].id
    sids = {m["body"]: m["sid"] for m in fake_twilio.messages}
    statuses = {}
    for message in messages:
        message.refresh_from_db()
        assert message.twilio_sid == sids[message.body]
        statuses[message.id] = message.status
    assert statuses == {
        messages[0].id: Message.Status.QUEUED,
        messages[1].id: Message.Status.DELIVERED,
        messages[2].id: Message.Status.QUEUED,
    }
