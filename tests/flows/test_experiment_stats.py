"""The experiment statistics on fixed numbers (no database: flows.experiment_stats has no Django)."""

import math

import pytest

from flows.experiment_stats import (
    ArmStats,
    confidence_radius,
    decide,
    naive_decide,
    pair_interval,
    probability_best_normal,
)


def arm(key: str, texts: int, orders: int, value: float = 100.0, weight: float = 50) -> ArmStats:
    """`orders` of its `texts` each recovered an order worth `value`."""
    return ArmStats(
        key=key, weight=weight, texts=texts, revenue=orders * value, revenue_sq=orders * value * value,
        recovered=orders,
    )  # fmt: skip


def test_a_clear_winner_is_decided_with_its_numbers_and_plain_words():
    decision = decide([arm("A", 400, 8), arm("B", 400, 40)])

    assert decision.status == "decided"
    assert decision.winner == "B"
    assert decision.lift == pytest.approx(4.0)
    assert decision.statement == "B recovers 400 % more revenue per text than A; chance this is noise < 5 %."
    (interval,) = decision.intervals
    assert interval.leader == "B"
    assert interval.low > 0
    numbers = decision.as_dict()["variants"]
    assert numbers[1] == {
        "variant": "B", "texts": 400, "revenue": 4000.0, "revenue_per_text": 10.0, "recovered": 40,
        "recovery_rate": 0.1, "clicked": 0, "click_rate": 0.0,
    }  # fmt: skip


def test_equal_variants_are_not_decided():
    decision = decide([arm("A", 2000, 100), arm("B", 2000, 100)])

    assert decision.status == "running"
    assert decision.winner is None
    assert decision.statement == "No difference yet between the variants' revenue per text; still testing."


def test_a_modest_lead_is_not_enough_although_a_fixed_sample_test_would_call_it():
    # B leads by 31 %: z ≈ 2.4, "significant" at one look, but not at every look
    a, b = arm("A", 2000, 130), arm("B", 2000, 170)
    fixed_z = (b.revenue_per_text - a.revenue_per_text) / math.sqrt(
        (a.revenue_sq / a.texts - a.revenue_per_text**2) / a.texts
        + (b.revenue_sq / b.texts - b.revenue_per_text**2) / b.texts
    )
    assert fixed_z > 1.96

    decision = decide([a, b])

    assert decision.status == "running"
    assert decision.statement.startswith("B leads by 31 % revenue per text over A")


def test_nothing_is_decided_before_each_variant_has_its_minimum():
    decision = decide([arm("A", 199, 0), arm("B", 400, 80)])

    assert decision.status == "running"
    assert decision.statement == (
        "Collecting texts: each variant needs 200 before any decision (A 199, B 400)."
    )
    assert decide([arm("A", 199, 0), arm("B", 400, 80)], min_texts=150).winner == "B"


def test_with_three_variants_the_winner_must_beat_each_other_one():
    # B beats A clearly, but C is close behind B: no winner yet
    undecided = decide([arm("A", 500, 5), arm("B", 500, 50), arm("C", 500, 45)])
    decided = decide([arm("A", 500, 5), arm("B", 500, 50), arm("C", 500, 6)])

    assert undecided.winner is None
    assert len(undecided.intervals) == 2
    assert decided.winner == "B"
    assert decided.statement.startswith("B recovers 733 % more revenue per text than the next best (C)")


def test_the_interval_accounts_for_unequal_weights():
    # 80/20 split, same revenue per text: the weighted outcomes centre on zero
    interval = pair_interval(arm("A", 800, 40, weight=80), arm("B", 200, 10, weight=20), alpha=0.05)

    assert interval.low < 0 < interval.high
    assert (interval.low + interval.high) / 2 == pytest.approx(0.0, abs=1e-9)


def test_the_radius_shrinks_with_texts_and_is_wider_than_a_fixed_sample_interval():
    radii = [confidence_radius(sd=1.0, n=n, alpha=0.05) for n in (100, 1000, 10_000)]

    assert radii[0] > radii[1] > radii[2]
    assert radii[2] > 1.96 / math.sqrt(10_000)
    assert confidence_radius(sd=1.0, n=0, alpha=0.05) == math.inf


def test_the_naive_rule_calls_the_same_modest_lead():
    a, b = arm("A", 2000, 130), arm("B", 2000, 170)

    assert probability_best_normal(a, b) > 0.9
    assert naive_decide(a, b) == "B"
    assert naive_decide(arm("A", 499, 5), arm("B", 499, 80)) is None


def test_a_single_variant_is_refused():
    with pytest.raises(ValueError, match="at least two variants"):
        decide([arm("A", 500, 5)])


def test_clicks_without_revenue_are_reported_but_do_not_decide():
    a = ArmStats(key="A", weight=50, texts=300, clicked=0)
    b = ArmStats(key="B", weight=50, texts=300, clicked=90)

    decision = decide([a, b])

    assert decision.winner is None
    assert decision.statement == (
        "No difference yet between the variants' revenue per text (clicked: A 0 %, B 30 %; revenue decides); "
        "still testing."
    )
