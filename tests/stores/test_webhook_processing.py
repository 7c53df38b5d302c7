"""The worker side of webhooks: run once, survive a dead broker or a dropped Redis connection, extend the
topic table."""

from datetime import timedelta

import pytest
import redis
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from stores import handlers, services, tasks
from stores.models import Cart, WebhookEvent
from stores.tasks import process_pending_webhook_events, process_webhook_event, requeue_stale_webhook_events
from tests.fixtures import load
from tests.stores.test_shopify_webhooks import consenting_checkout

pytestmark = pytest.mark.django_db


def _event(store, topic: str, payload: dict, **fields) -> WebhookEvent:
    return WebhookEvent.objects.create(
        store=store,
        source="shopify",
        key=f"k-{topic}-{WebhookEvent.objects.count()}",
        topic=topic,
        payload=payload,
        **fields,
    )


def test_processing_an_event_twice_has_one_effect(store):
    event = _event(store, "checkouts/update", consenting_checkout())

    process_webhook_event(event.id)
    process_webhook_event(event.id)

    event.refresh_from_db()
    assert event.status == WebhookEvent.Status.PROCESSED
    assert Cart.objects.for_store(store).count() == 1


def test_a_stored_body_that_no_longer_parses_is_marked_failed_not_retried(store):
    event = _event(store, "checkouts/update", {"token": "t", "total_price": {"nope": 1}})

    process_webhook_event(event.id)

    event.refresh_from_db()
    assert event.status == WebhookEvent.Status.FAILED
    assert "total_price" in event.error


def test_a_dead_broker_still_answers_200_and_the_sweeper_catches_up(store, post_shopify, monkeypatch):
    # given: the broker refuses every task
    def broker_down(task, *args):
        raise ConnectionError("redis is down")

    monkeypatch.setattr(tasks, "_publish", broker_down)

    # when
    response = post_shopify(store, "checkouts/update", consenting_checkout())

    # then: the delivery is committed and answered, but not processed yet
    assert response.status_code == 200
    event = WebhookEvent.objects.get(store=store)
    assert event.status == WebhookEvent.Status.RECEIVED
    assert not Cart.objects.exists()

    # when: the broker is back and the sweeper runs two minutes later
    monkeypatch.undo()
    WebhookEvent.objects.filter(id=event.id).update(received_at=timezone.now() - timedelta(minutes=3))
    requeued = requeue_stale_webhook_events()

    # then
    assert requeued == 1
    event.refresh_from_db()
    assert event.status == WebhookEvent.Status.PROCESSED
    assert Cart.objects.for_store(store).count() == 1


def test_the_sweeper_leaves_fresh_and_finished_events_alone(store):
    _event(store, "checkouts/update", consenting_checkout())
    _event(store, "orders/create", {}, status=WebhookEvent.Status.PROCESSED)

    assert requeue_stale_webhook_events() == 0


def test_other_apps_extend_the_topic_table(store, post_shopify, monkeypatch):
    # given: billing registers a topic this app does not know
    seen = []
    monkeypatch.setitem(handlers.HANDLERS, "shopify", dict(handlers.HANDLERS["shopify"]))
    handlers.handler_register(
        source="shopify",
        topic="orders/cancelled",
        parse=lambda payload: payload["id"],
        apply=lambda *, store, data, event: seen.append((store.id, data)),
    )

    # when
    response = post_shopify(store, "orders/cancelled", {"id": 820982911946154508})

    # then
    assert response.json() == {"status": "accepted"}
    assert seen == [(store.id, 820982911946154508)]


def test_order_hooks_run_once_per_order(store, post_shopify, monkeypatch):
    calls = []
    monkeypatch.setattr(
        services.shoppers, "ORDER_RECORDED_HOOKS", [lambda *, store, order: calls.append(order.external_id)]
    )

    post_shopify(store, "orders/create", load("shopify_orders_create.json"))
    post_shopify(store, "orders/create", load("shopify_orders_create.json"))

    assert calls == ["820982911946154508"]


def test_a_burst_of_deliveries_rings_the_doorbell_once(store, post_shopify, monkeypatch):
    # given: a broker that only records what is published (no eager processing)
    published = []
    monkeypatch.setattr(
        tasks, "_publish", lambda task, *args, **options: published.append((task.name, args, options))
    )

    # when
    for _ in range(5):
        assert post_shopify(store, "checkouts/update", consenting_checkout()).status_code == 200

    # then: one drain queued for the five, and all five wait for it
    assert published == [
        ("stores.tasks.process_pending_webhook_events", (), {"countdown": settings.WEBHOOK_DRAIN_DELAY})
    ]
    assert WebhookEvent.objects.filter(status=WebhookEvent.Status.RECEIVED).count() == 5

    # when: the worker runs the drain
    monkeypatch.undo()
    assert process_pending_webhook_events() == 5

    # then
    assert not WebhookEvent.objects.exclude(status=WebhookEvent.Status.PROCESSED).exists()
    assert Cart.objects.for_store(store).count() == 1


def test_a_backlog_is_drained_in_batches_that_hand_on(store, monkeypatch):
    monkeypatch.setattr(tasks, "DRAIN_BATCH", 2)
    events = [_event(store, "checkouts/update", consenting_checkout(token=f"t{i}")) for i in range(5)]

    process_pending_webhook_events()  # eager: each full batch queues the next drain

    assert {e.status for e in WebhookEvent.objects.filter(id__in=[e.id for e in events])} == {"processed"}
    assert Cart.objects.for_store(store).count() == 5


def test_two_claims_never_take_the_same_event(store):
    for i in range(3):
        _event(store, "checkouts/update", consenting_checkout(token=f"t{i}"))

    first = services.webhook_events_claim(limit=2)
    second = services.webhook_events_claim(limit=2)

    assert len(first) == 2
    assert len(second) == 1
    assert not set(first) & set(second)


def test_a_batch_that_stops_early_gives_its_events_back(store, monkeypatch):
    events = [_event(store, "checkouts/update", consenting_checkout(token=f"t{i}")) for i in range(3)]

    def crash_on_second(*, event_id):
        if event_id == events[1].id:
            raise ConnectionError("worker lost the database")
        WebhookEvent.objects.filter(id=event_id).update(status=WebhookEvent.Status.PROCESSED)

    monkeypatch.setattr(handlers, "webhook_event_process", crash_on_second)

    with pytest.raises(ConnectionError):
        process_pending_webhook_events.run()

    statuses = dict(WebhookEvent.objects.values_list("id", "status"))
    assert [statuses[e.id] for e in events] == ["processed", "received", "received"]


def test_the_sweeper_takes_back_events_of_a_worker_that_died(store):
    event = _event(
        store,
        "checkouts/update",
        consenting_checkout(),
        status=WebhookEvent.Status.PROCESSING,
        claimed_at=timezone.now() - timedelta(minutes=11),
    )

    assert requeue_stale_webhook_events() == 1

    event.refresh_from_db()
    assert event.status == WebhookEvent.Status.PROCESSED


def test_a_claim_takes_one_stores_deliveries_the_longest_waiting_first(store, other_store):
    waited_longest = _event(other_store, "checkouts/update", consenting_checkout(token="o0"))
    mine = [_event(store, "checkouts/update", consenting_checkout(token=f"t{i}")) for i in range(3)]
    later = _event(other_store, "checkouts/update", consenting_checkout(token="o1"))

    first = services.webhook_events_claim(limit=10)
    second = services.webhook_events_claim(limit=10)

    assert first == [waited_longest.id, later.id]
    assert second == [e.id for e in mine]
    assert services.webhook_events_claim(limit=10) == []


def test_a_drain_hands_on_to_the_next_store_with_deliveries_waiting(store, other_store, monkeypatch):
    published = []
    monkeypatch.setattr(tasks, "_publish", lambda task, *args, **options: published.append(task.name))
    _event(store, "checkouts/update", consenting_checkout(token="t0"))
    _event(other_store, "checkouts/update", consenting_checkout(token="o0"))

    assert process_pending_webhook_events() == 1  # one store's, not a full batch
    assert published == ["stores.tasks.process_pending_webhook_events"]  # the other store's waits

    assert process_pending_webhook_events() == 1
    assert published == ["stores.tasks.process_pending_webhook_events"]  # nothing left: no hand-on
    assert set(WebhookEvent.objects.values_list("status", flat=True)) == {WebhookEvent.Status.PROCESSED}
    assert Cart.objects.count() == 2


def test_the_sweeper_rings_one_drain_for_an_old_backlog_not_a_task_per_delivery(store, monkeypatch):
    published = []
    monkeypatch.setattr(tasks, "_publish", lambda task, *args, **options: published.append(task.name))
    old = timezone.now() - timedelta(minutes=3)
    for i in range(5):
        _event(store, "checkouts/update", consenting_checkout(token=f"t{i}"))
    WebhookEvent.objects.update(received_at=old)

    assert requeue_stale_webhook_events() == 5

    assert published == ["stores.tasks.process_pending_webhook_events"]


def test_the_doorbell_still_rings_after_redis_drops_the_connection(store, post_shopify, monkeypatch):
    published = []
    monkeypatch.setattr(tasks, "_publish", lambda task, *args, **options: published.append(task.name))
    assert post_shopify(store, "checkouts/update", consenting_checkout(token="t0")).status_code == 200
    pooled = cache._cache.get_client(write=True).client_id()

    # when Redis drops the web process's pooled connection and the bell's window has passed
    with redis.Redis.from_url(settings.REDIS_URL) as other:
        assert other.client_kill_filter(_id=pooled) == 1
        other.delete(cache.make_key(tasks.DOORBELL_KEY))
    assert post_shopify(store, "checkouts/update", consenting_checkout(token="t1")).status_code == 200

    # then the second delivery rang again, on a new connection
    assert published == ["stores.tasks.process_pending_webhook_events"] * 2
    assert WebhookEvent.objects.filter(status=WebhookEvent.Status.RECEIVED).count() == 2


def test_the_doorbell_drain_waits_for_a_batch_and_a_backlog_is_handed_on_at_once(
    store, other_store, post_shopify, monkeypatch
):
    # given: a broker that records what is published and when it may run
    published = []
    monkeypatch.setattr(tasks, "_publish", lambda task, *args, **options: published.append(options))

    # when a delivery rings the doorbell
    assert post_shopify(store, "checkouts/update", consenting_checkout(token="t0")).status_code == 200

    # then its drain starts after the configured delay, to find the deliveries of that moment as one batch
    assert settings.WEBHOOK_DRAIN_DELAY > 0
    assert published == [{"countdown": settings.WEBHOOK_DRAIN_DELAY}]

    # when that drain finds another store's deliveries still waiting, it hands on with no delay
    _event(other_store, "checkouts/update", consenting_checkout(token="o0"))
    assert process_pending_webhook_events() == 1
    assert published[1:] == [{}]
