"""`dispatch_due --dry-run` decides without sending; a future --now on production settings needs --force."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.test import override_settings

from conversations.models import Message
from flows.models import Nudge, NudgeEvent, ShortLink
from flows.services import nudges_schedule_for_cart
from tests.flows.conftest import WEDNESDAY_NOON_NY


def _run(*args) -> str:
    out = StringIO()
    call_command("dispatch_due", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_a_dry_run_prints_the_decisions_and_changes_nothing(store, flow, make_cart, sms_outbox):
    # given two carts left at 09:00 New York time, one in New York and one in San Francisco
    left = WEDNESDAY_NOON_NY - timedelta(hours=3)
    nudges_schedule_for_cart(store=store, cart=make_cart(at=left))
    nudges_schedule_for_cart(store=store, cart=make_cart(phone="+14155550199", at=left))
    before = list(Nudge.objects.order_by("id").values("id", "state", "due_at", "reason", "deferred_count"))
    events_before = NudgeEvent.objects.count()

    # when: 10:00 in New York is 07:00 in San Francisco
    out = _run("--now", "2026-03-04T15:00:00Z", "--dry-run")

    assert "dispatch_due --dry-run (nothing sent)" in out
    assert "sent 1, deferred 1" in out
    assert "quiet hours — area code" in out
    assert sms_outbox == []
    assert not Message.objects.exists()
    assert not ShortLink.objects.exists()
    assert NudgeEvent.objects.count() == events_before
    assert list(Nudge.objects.order_by("id").values("id", "state", "due_at", "reason", "deferred_count")) == (
        before
    )


@pytest.mark.django_db(transaction=True)
def test_the_real_tick_after_a_dry_run_sends_what_it_announced(store, flow, make_cart, sms_outbox):
    nudges_schedule_for_cart(store=store, cart=make_cart())

    dry = _run("--now", "2026-03-04T17:45:00Z", "--dry-run", "--json")
    real = _run("--now", "2026-03-04T17:45:00Z", "--json")

    assert '"sent": 1' in dry
    assert '"dry_run": true' in dry
    assert '"sent": 1' in real
    assert len(sms_outbox) == 1


@override_settings(REAL_SHOPPERS=True)
@pytest.mark.django_db(transaction=True)
def test_a_future_now_in_production_needs_force(store, flow, make_cart, sms_outbox):
    nudges_schedule_for_cart(store=store, cart=make_cart(at=WEDNESDAY_NOON_NY))
    future = (WEDNESDAY_NOON_NY + timedelta(hours=2)).isoformat()

    with time_machine.travel(WEDNESDAY_NOON_NY, tick=False):
        with pytest.raises(CommandError, match="in the future"):
            _run("--now", future)
        assert sms_outbox == []
        dry = _run("--now", future, "--dry-run")
        forced = _run("--now", future, "--force")
        present = _run()

    assert "sent 1" in dry
    assert "sent 1" in forced
    assert "sent 0" in present
    assert len(sms_outbox) == 1


@pytest.mark.django_db
def test_a_future_now_outside_production_still_runs(store):
    assert "sent 0" in _run("--now", "2099-01-01T00:00:00Z")


def test_a_bad_now_is_refused():
    with pytest.raises(CommandError, match="not an ISO-8601"):
        _run("--now", "tomorrow")
