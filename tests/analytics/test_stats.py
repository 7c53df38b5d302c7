from decimal import Decimal

import pytest

from analytics.stats import VariantCounts, probability_best


def _v(texted: int, recovered: int, revenue: str = "0") -> VariantCounts:
    return VariantCounts(texted=texted, recovered=recovered, revenue=Decimal(revenue))


def test_identical_variants_are_a_coin_toss():
    chances = probability_best({"A": _v(200, 20, "2000"), "B": _v(200, 20, "2000")})

    assert chances["A"] == pytest.approx(0.5, abs=0.02)
    assert sum(chances.values()) == pytest.approx(1.0)


def test_a_clear_winner_is_near_certain():
    # 30 % vs 5 % recovery on 300 texts each, same basket
    chances = probability_best({"A": _v(300, 15, "1500"), "B": _v(300, 90, "9000")})

    assert chances["B"] > 0.999
    assert chances["A"] < 0.001


def test_revenue_per_text_not_only_the_rate_decides():
    # same recovery rate, but B's orders are three times larger
    chances = probability_best({"A": _v(400, 40, "2000"), "B": _v(400, 40, "6000")})

    assert chances["B"] > 0.99


def test_few_texts_mean_little_certainty():
    # 2/10 vs 1/10: B looks worse but nobody should be sure
    chances = probability_best({"A": _v(10, 1, "100"), "B": _v(10, 2, "200")})

    assert 0.55 < chances["B"] < 0.9


def test_seeded_so_the_same_counts_give_the_same_answer():
    variants = {"A": _v(50, 5, "500"), "B": _v(55, 7, "600"), "C": _v(40, 2, "180")}

    assert probability_best(variants) == probability_best(variants)
    assert probability_best(variants, seed=1) != probability_best(variants, seed=2)


def test_three_variants_share_one():
    chances = probability_best({"A": _v(100, 10, "900"), "B": _v(100, 12, "1100"), "C": _v(100, 3, "300")})

    assert sum(chances.values()) == pytest.approx(1.0, abs=1e-3)
    assert chances["B"] > chances["A"] > chances["C"]


def test_no_recoveries_anywhere_compares_rates_only():
    # nothing recovered: the order value falls back to one for all, and the draws stay symmetric
    chances = probability_best({"A": _v(100, 0), "B": _v(100, 0)})

    assert chances["A"] == pytest.approx(0.5, abs=0.02)


def test_edges():
    assert probability_best({}) == {}
    assert probability_best({"A": _v(5, 1, "10")}) == {"A": 1.0}
