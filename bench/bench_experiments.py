"""The error rate of step experiments, proven by simulation (pure Python, seeded, no database).

Each simulated experiment splits a step's texts 50/50 between two variants for 60 days and looks at the
running totals once a day, as a merchant refreshing the page would (the scheduler looks far more often;
the sequential rule's guarantee holds at every look). Two rules read the same simulated data:

* the product's rule, `flows.experiment_stats.decide` (the very function the scheduler tick calls):
  always-valid confidence sequences, ≥ 200 texts per variant, 5 % error;
* the naive rule sold elsewhere: a winner once one side has ≥ 90 % "probability to be best" (normal
  approximation) with ≥ 500 texts per variant, checked daily.

Traffic and money (stated, and printed in bench/README.md): every day each variant sends Poisson(λ) texts,
λ = 50 (a small shop) or 250 (a mid-size one); a text recovers its cart with probability 8 %; a recovered
order is worth lognormal(median $60, σ 0.7), mean ≈ $77. Under A/A both variants are identical; under
A/B, variant B's recovery probability is 20 % higher (9.6 %), i.e. 20 % more revenue per text.
"""

import bisect
import math
import random
import statistics
import time
from dataclasses import dataclass

from flows.experiment_stats import ArmStats, decide, naive_decide

from .core import Result

EXPERIMENTS = 1000
HOURLY_EXPERIMENTS = 300
DAYS = 60
RECOVERY = 0.08
LIFT = 0.20
ORDER_MEDIAN = 60.0
ORDER_SIGMA = 0.7
SEED = 20261203


@dataclass
class Outcome:
    """What one rule did over a set of experiments."""

    decided: int = 0
    right: int = 0  # decided for B (the truly better one under A/B)
    days: list | None = None

    def __post_init__(self):
        self.days = []


def _cdf_table(probabilities: list[float]) -> list[float]:
    table, total = [], 0.0
    for p in probabilities:
        total += p
        table.append(total)
    return table


def poisson_table(lam: float) -> list[float]:
    upper = int(lam + 12 * math.sqrt(lam) + 10)
    pmf = [math.exp(-lam + k * math.log(lam) - math.lgamma(k + 1)) for k in range(upper)]
    return _cdf_table(pmf)


def binomial_table(n_max: int, p: float) -> list[list[float]]:
    return [
        _cdf_table([math.comb(n, k) * p**k * (1 - p) ** (n - k) for k in range(n + 1)])
        for n in range(n_max + 1)
    ]


def draw(table: list[float], rng: random.Random) -> int:
    return min(bisect.bisect_left(table, rng.random()), len(table) - 1)


class Arm:
    __slots__ = ("key", "recovered", "revenue", "revenue_sq", "texts")

    def __init__(self, key: str):
        self.key, self.texts, self.revenue, self.revenue_sq, self.recovered = key, 0, 0.0, 0.0, 0

    def day(self, rng: random.Random, traffic: list[float], recoveries: list[list[float]]) -> None:
        texts = draw(traffic, rng)
        recovered = draw(recoveries[min(texts, len(recoveries) - 1)], rng)
        mu = math.log(ORDER_MEDIAN)
        for _ in range(recovered):
            value = rng.lognormvariate(mu, ORDER_SIGMA)
            self.revenue += value
            self.revenue_sq += value * value
        self.texts += texts
        self.recovered += recovered

    def stats(self) -> ArmStats:
        return ArmStats(
            key=self.key, weight=50, texts=self.texts, revenue=self.revenue, revenue_sq=self.revenue_sq
        )


def simulate(
    *, per_day: float, lift: float, experiments: int = EXPERIMENTS, seed: int = SEED, looks_per_day: int = 1
) -> dict:
    """Both rules over the same `experiments` simulated 60-day tests; each stops at its own decision."""
    rng = random.Random(seed)
    traffic = poisson_table(per_day / looks_per_day)
    n_max = len(traffic)
    base = binomial_table(n_max, RECOVERY)
    better = binomial_table(n_max, RECOVERY * (1 + lift)) if lift else base
    rules = {"sequential": Outcome(), "naive": Outcome()}
    for _ in range(experiments):
        a, b = Arm("A"), Arm("B")
        pending = set(rules)
        for look in range(1, DAYS * looks_per_day + 1):
            day = math.ceil(look / looks_per_day)
            a.day(rng, traffic, base)
            b.day(rng, traffic, better)
            stats_a, stats_b = a.stats(), b.stats()
            verdicts = {}
            if "sequential" in pending:
                verdicts["sequential"] = decide([stats_a, stats_b]).winner
            if "naive" in pending:
                verdicts["naive"] = naive_decide(stats_a, stats_b)
            for rule, winner in verdicts.items():
                if winner is None:
                    continue
                outcome = rules[rule]
                outcome.decided += 1
                outcome.right += winner == "B"
                outcome.days.append(day)
                pending.discard(rule)
            if not pending:
                break
    return {
        rule: {
            "declared": outcome.decided / experiments,
            "right": outcome.right / experiments,
            "median_days": statistics.median(outcome.days) if outcome.days else None,
        }
        for rule, outcome in rules.items()
    }


def run() -> list[Result]:
    started = time.monotonic()
    results: list[Result] = []
    for per_day in (50, 250):
        shop = f"{per_day} texts/day/variant"
        null = simulate(per_day=per_day, lift=0.0, seed=SEED + per_day)
        alt = simulate(per_day=per_day, lift=LIFT, seed=SEED + per_day + 1)
        seq, naive = null["sequential"], null["naive"]
        results.append(
            Result(
                name=f"A/A, {shop}, 60 daily looks: winner declared (sequential)",
                value=seq["declared"] * 100,
                baseline=naive["declared"] * 100,
                unit="%",
                target="≤ 5 % (baseline: naive 90 %/500 rule)",
                ok=seq["declared"] <= 0.05,
            )
        )
        seq, naive = alt["sequential"], alt["naive"]
        results.append(
            Result(
                name=f"A/B +20 %, {shop}: B declared within 60 days (sequential)",
                value=seq["right"] * 100,
                baseline=naive["right"] * 100,
                unit="%",
                target="reported (baseline: naive rule)",
                ok=True,
            )
        )
        results.append(
            Result(
                name=f"A/B +20 %, {shop}: A wrongly declared (sequential)",
                value=(seq["declared"] - seq["right"]) * 100,
                baseline=(naive["declared"] - naive["right"]) * 100,
                unit="%",
                target="≤ 5 % (baseline: naive rule)",
                ok=seq["declared"] - seq["right"] <= 0.05,
            )
        )
        results.append(
            Result(
                name=f"A/B +20 %, {shop}: median days to a decision (sequential)",
                value=float(seq["median_days"] or math.nan),
                baseline=float(naive["median_days"] or math.nan),
                unit="days",
                target="reported (baseline: naive rule)",
                ok=True,
            )
        )
    # The scheduler re-reads a running test every tick, not once a day: the guarantee must survive that.
    hourly = simulate(per_day=50, lift=0.0, experiments=HOURLY_EXPERIMENTS, seed=SEED + 7, looks_per_day=24)
    results.append(
        Result(
            name=f"A/A, 50 texts/day/variant, 1,440 hourly looks, {HOURLY_EXPERIMENTS} tests: declared",
            value=hourly["sequential"]["declared"] * 100,
            baseline=hourly["naive"]["declared"] * 100,
            unit="%",
            target="≤ 5 % (baseline: naive rule, hourly)",
            ok=hourly["sequential"]["declared"] <= 0.05,
        )
    )
    results.append(
        Result(
            name="experiment simulation: wall time",
            value=time.monotonic() - started,
            baseline=None,
            unit="s",
            target="< 120 s",
            ok=time.monotonic() - started < 120,
        )
    )
    return results


if __name__ == "__main__":
    from .core import table

    print(table(run()))
