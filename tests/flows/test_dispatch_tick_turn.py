"""Beat's dispatch task runs one tick at a time: a tick due while the previous one still runs is skipped.
A store with a backlog is dispatched by a task of its own, one at a time per store, beside the tick."""

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache

from flows import tasks
from flows.models import Nudge
from flows.services import flow_seed_default, nudges_schedule_for_cart
from tests.flows.conftest import WEDNESDAY_NOON_NY
from tests.stores.factories import CartFactory, CartItemFactory, CustomerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def due(store, flow, make_cart):
    nudges_schedule_for_cart(store=store, cart=make_cart(at=WEDNESDAY_NOON_NY - timedelta(hours=3)))
    yield
    cache.delete(tasks.TICK_TURN)


def test_a_tick_due_while_the_previous_one_runs_is_skipped_and_the_next_one_sends(due):
    with time_machine.travel(WEDNESDAY_NOON_NY, tick=False):
        cache.add(tasks.TICK_TURN, "another worker", 60)  # the previous tick is still running

        skipped = tasks.dispatch_due.run()

        assert skipped == {"skipped": "the previous tick is still running"}
        assert Nudge.objects.filter(state=Nudge.State.SENT).count() == 0

        cache.delete(tasks.TICK_TURN)  # it ended
        report = tasks.dispatch_due.run()

    assert report["sent"] == 1
    assert cache.get(tasks.TICK_TURN) is None  # the turn is free for the next tick


def test_a_tick_that_fails_frees_the_turn(due, monkeypatch):
    def crash(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(tasks, "nudge_dispatch_due", crash)

    with pytest.raises(RuntimeError):
        tasks.dispatch_due.run()

    assert cache.get(tasks.TICK_TURN) is None


def _due_carts(store, phones):
    flow_seed_default(store=store)
    for phone in phones:
        customer = CustomerFactory(store=store, phone=phone)
        cart = CartFactory(
            store=store, customer=customer, last_activity_at=WEDNESDAY_NOON_NY - timedelta(hours=3)
        )
        CartItemFactory(cart=cart)
        nudges_schedule_for_cart(store=store, cart=cart)


def _sent(store) -> int:
    return Nudge.objects.filter(store=store, state=Nudge.State.SENT).count()


@pytest.fixture
def two_stores(store, other_store, monkeypatch):
    monkeypatch.setattr(tasks, "BATCH_SIZE", 2)  # a backlog: two due
    _due_carts(store, ["+12125550101", "+12125550102", "+12125550103"])
    _due_carts(other_store, ["+12125550104", "+12125550105"])
    yield
    cache.delete_many([tasks.TICK_TURN, *(tasks.STORE_TURN.format(s.id) for s in (store, other_store))])


def test_stores_backlogs_are_split_between_the_tick_and_a_task_of_their_own(
    store, other_store, two_stores, monkeypatch
):
    handed = []
    monkeypatch.setattr(tasks.dispatch_stores_due, "delay", handed.append)

    with time_machine.travel(WEDNESDAY_NOON_NY, tick=False):
        report = tasks.dispatch_due.run()

        assert handed == [[str(other_store.id)]]  # the smaller backlog; the tick took the larger
        assert (report["sent"], report["stores_handed_on"]) == (3, 1)
        assert (_sent(store), _sent(other_store)) == (3, 0)

        assert tasks.dispatch_stores_due.run(handed[0])["sent"] == 2

    assert (_sent(store), _sent(other_store)) == (3, 2)
    assert cache.get_many([tasks.STORE_TURN.format(s.id) for s in (store, other_store)]) == {}


def test_a_store_whose_dispatcher_still_runs_is_left_to_it(store, other_store, two_stores, monkeypatch):
    handed = []
    monkeypatch.setattr(tasks.dispatch_stores_due, "delay", handed.append)
    cache.add(tasks.STORE_TURN.format(store.id), "another worker", 60)

    with time_machine.travel(WEDNESDAY_NOON_NY, tick=False):
        report = tasks.dispatch_due.run()
        skipped = tasks.dispatch_stores_due.run([str(store.id)])

    assert handed == []  # one backlog left: the tick's own
    assert report["sent"] == 2
    assert skipped == {"skipped": "these stores' previous dispatch is still running"}
    assert (_sent(store), _sent(other_store)) == (0, 2)


def test_a_backlog_the_tick_takes_is_skipped_by_a_task_an_earlier_tick_queued_for_it(
    store, other_store, two_stores, monkeypatch
):
    def queued_earlier(store_ids):  # starts while the tick is on its own group
        assert tasks.dispatch_stores_due.run([str(store.id)]) == {
            "skipped": "these stores' previous dispatch is still running"
        }

    monkeypatch.setattr(tasks.dispatch_stores_due, "delay", queued_earlier)

    with time_machine.travel(WEDNESDAY_NOON_NY, tick=False):
        tasks.dispatch_due.run()

    assert _sent(store) == 3
