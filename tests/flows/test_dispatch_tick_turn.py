"""Beat's dispatch task runs one tick at a time: a tick due while the previous one still runs is skipped."""

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache

from flows import tasks
from flows.models import Nudge
from flows.services import nudges_schedule_for_cart
from tests.flows.conftest import WEDNESDAY_NOON_NY

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
