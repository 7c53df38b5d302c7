from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError

from billing.holdout import cart_in_holdout, holdout_bucket
from billing.plans import plan_update
from billing.selectors import difference_interval, holdout_lift, wilson_interval
from flows.models import Nudge
from stores.models import CartStatus
from tests.billing.factories import StepFactory
from tests.stores.factories import CartFactory

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)


def test_holdout_is_off_by_default(store):
    carts = CartFactory.create_batch(20, store=store)

    assert not any(cart_in_holdout(store=store, cart=c) for c in carts)


def test_holdout_assignment_is_stable_and_close_to_the_share(store):
    # given
    plan_update(store=store, holdout_percent=20)
    carts = CartFactory.create_batch(400, store=store)

    # when
    first = [cart_in_holdout(store=store, cart=c) for c in carts]
    second = [cart_in_holdout(store=store, cart=c) for c in carts]

    # then: the same carts every time; the hash spreads them near 20 %
    assert first == second
    assert 50 <= sum(first) <= 110
    assert all(
        held == (holdout_bucket(store=store, cart=c) < 2000) for c, held in zip(carts, first, strict=True)
    )


def test_holdout_is_capped_at_twenty_percent(store):
    with pytest.raises(ValidationError, match="less than or equal to 20"):
        plan_update(store=store, holdout_percent=21)


def test_another_stores_cart_is_refused(store, other_store):
    with pytest.raises(ValueError, match="another store"):
        cart_in_holdout(store=store, cart=CartFactory(store=other_store))


def test_wilson_interval_matches_the_published_values():
    # Newcombe (1998), table I: 0/10 → 0 to 0.2775; 81/263 → 0.2553 to 0.3662
    assert wilson_interval(0, 10) == pytest.approx((0.0, 0.2775), abs=1e-4)
    assert wilson_interval(81, 263) == pytest.approx((0.2553, 0.3662), abs=1e-4)


def test_difference_interval_matches_newcombe_method_10():
    # Newcombe (1998), table II, example (a): 56/70 − 48/80 → 0.0524 to 0.3339
    assert difference_interval(56, 70, 48, 80) == pytest.approx((0.0524, 0.3339), abs=1e-4)


def _nudged(store, step, *, holdout: bool, recovered: bool):
    cart = CartFactory(
        store=store,
        status=CartStatus.RECOVERED if recovered else CartStatus.ABANDONED,
        recovered_at=T0 + timedelta(hours=5) if recovered else None,
    )
    Nudge.objects.create(
        store=store,
        cart=cart,
        step=step,
        due_at=T0,
        holdout=holdout,
        state=Nudge.State.SKIPPED if holdout else Nudge.State.SENT,
        reason="holdout (control group)" if holdout else "",
    )


def test_lift_compares_texted_and_held_out_recovery_rates(store):
    # given: 6 of 20 texted carts recovered, 1 of 10 held-out carts
    step = StepFactory(store=store)
    for i in range(20):
        _nudged(store, step, holdout=False, recovered=i < 6)
    for i in range(10):
        _nudged(store, step, holdout=True, recovered=i < 1)

    # when
    lift = holdout_lift(store=store, start=T0 - timedelta(days=1), end=T0 + timedelta(days=1))

    # then
    assert (lift.texted, lift.texted_recovered, lift.held_out, lift.held_out_recovered) == (20, 6, 10, 1)
    assert lift.difference == pytest.approx(0.2)
    assert lift.ci_low < 0.2 < lift.ci_high
    assert not lift.significant  # 30 carts cannot show a 20-point lift with confidence


def test_lift_without_a_control_group_has_no_interval(store):
    _nudged(store, StepFactory(store=store), holdout=False, recovered=True)

    lift = holdout_lift(store=store, start=T0 - timedelta(days=1), end=T0 + timedelta(days=1))

    assert lift.difference is None
    assert lift.ci_low is None
