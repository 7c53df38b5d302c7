"""The statistics of a step experiment, with no Django in sight (the benchmark runs this very code).

The question: which variant recovers the most revenue per text? The answer must stay trustworthy although
the scheduler looks at the data on every tick, for weeks. A fixed-sample test (or a "probability of being
best" threshold) checked again and again finds a "winner" in pure noise far more often than its threshold
says; see bench/bench_experiments.py for the measured difference.

Method: an always-valid (time-uniform) confidence sequence for the difference in mean revenue per text of
every pair of variants, the Gaussian-mixture asymptotic confidence sequence of Waudby-Smith, Arnold, Wu and
Ramdas ("Time-uniform central limit theory and asymptotic confidence sequences", Annals of Statistics 2024,
Theorem 2.2). Each text contributes an inverse-propensity-weighted outcome (revenue / share of its variant,
with a sign per side), whose mean is exactly the difference in revenue per text whatever the weights; the
sequence is computed from per-variant sums (texts, Σ revenue, Σ revenue²) alone. A variant wins when, for
every other variant, the interval of (it − other) lies above zero. The pairwise error is split over all
pairs (Bonferroni), so the chance of ever naming a variant that is not truly best is at most `alpha`,
however often one looks.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations

ALPHA = 0.05
MIN_TEXTS_PER_VARIANT = 200
# The number of texts (of a pair) at which the interval is tightest; wider before, barely wider after.
TUNED_FOR_TEXTS = 4000


@dataclass(frozen=True)
class ArmStats:
    """What one variant did: texts sent and the attributed revenue per text, as sums."""

    key: str
    weight: float
    texts: int
    revenue: float = 0.0  # Σ revenue over its texts
    revenue_sq: float = 0.0  # Σ (revenue of one text)²
    recovered: int = 0
    clicked: int = 0

    @property
    def revenue_per_text(self) -> float:
        return self.revenue / self.texts if self.texts else 0.0

    def as_dict(self) -> dict:
        def rate(count: int) -> float:
            return round(count / self.texts, 4) if self.texts else 0.0

        return {
            "variant": self.key,
            "texts": self.texts,
            "revenue": round(self.revenue, 2),
            "revenue_per_text": round(self.revenue_per_text, 4),
            "recovered": self.recovered,
            "recovery_rate": rate(self.recovered),
            "clicked": self.clicked,
            "click_rate": rate(self.clicked),
        }


@dataclass(frozen=True)
class Interval:
    """An always-valid interval for revenue per text of `leader` minus that of `other`."""

    leader: str
    other: str
    difference: float
    low: float
    high: float


@dataclass(frozen=True)
class Decision:
    status: str  # "running" | "decided"
    winner: str | None
    statement: str
    arms: list[ArmStats] = field(default_factory=list)
    intervals: list[Interval] = field(default_factory=list)
    lift: float | None = None  # winner (or leader) vs the runner-up, relative

    def as_dict(self) -> dict:
        return {
            "status": self.status,
            "winner": self.winner,
            "statement": self.statement,
            "lift": None if self.lift is None else round(self.lift, 4),
            "variants": [arm.as_dict() for arm in self.arms],
            "intervals": [
                {
                    "variant": i.leader,
                    "versus": i.other,
                    "difference": round(i.difference, 4),
                    "low": round(i.low, 4),
                    "high": round(i.high, 4),
                }
                for i in self.intervals
            ],
        }


def mixture_rho(alpha: float, tuned_for: int) -> float:
    """The mixture's spread that makes the sequence tightest after `tuned_for` observations."""
    log_term = -2 * math.log(alpha)
    return math.sqrt((log_term + math.log(log_term + 1)) / tuned_for)


def confidence_radius(*, sd: float, n: int, alpha: float, tuned_for: int = TUNED_FOR_TEXTS) -> float:
    """Half-width of the two-sided (1 − alpha) asymptotic confidence sequence for a mean after n draws."""
    if n <= 0:
        return math.inf
    rho2 = mixture_rho(alpha, tuned_for) ** 2
    return sd * math.sqrt(2 * (n * rho2 + 1) / (n * n * rho2) * math.log(math.sqrt(n * rho2 + 1) / alpha))


def pair_interval(
    leader: ArmStats, other: ArmStats, *, alpha: float, tuned_for: int = TUNED_FOR_TEXTS
) -> Interval:
    """Always-valid interval for mean(leader) − mean(other), from inverse-propensity-weighted outcomes.

    Within the pair a text went to `leader` with probability p = w_leader / (w_leader + w_other); its
    outcome x becomes x / p there and −x / (1 − p) on the other side. Those have mean exactly the
    difference of the two means, so the one-sample sequence applies with n = texts of both.
    """
    p = leader.weight / (leader.weight + other.weight)
    n = leader.texts + other.texts
    total = leader.revenue / p - other.revenue / (1 - p)
    total_sq = leader.revenue_sq / p**2 + other.revenue_sq / (1 - p) ** 2
    mean = total / n if n else 0.0
    variance = max(total_sq / n - mean * mean, 0.0) if n else 0.0
    radius = confidence_radius(sd=math.sqrt(variance), n=n, alpha=alpha, tuned_for=tuned_for)
    # The statement compares plain revenue per text; the interval is what carries the guarantee.
    difference = leader.revenue_per_text - other.revenue_per_text
    return Interval(
        leader=leader.key, other=other.key, difference=difference, low=mean - radius, high=mean + radius
    )


def decide(
    arms: list[ArmStats],
    *,
    alpha: float = ALPHA,
    min_texts: int = MIN_TEXTS_PER_VARIANT,
    tuned_for: int = TUNED_FOR_TEXTS,
) -> Decision:
    """Running until one variant beats every other on revenue per text, by intervals valid at any look."""
    if len(arms) < 2:
        raise ValueError("An experiment needs at least two variants.")
    short = [arm for arm in arms if arm.texts < min_texts]
    ranked = sorted(arms, key=lambda arm: (-arm.revenue_per_text, arm.key))
    leader, runner_up = ranked[0], ranked[1]
    lift = _lift(leader, runner_up)
    if short:
        counts = ", ".join(f"{arm.key} {arm.texts}" for arm in arms)
        return Decision(
            status="running",
            winner=None,
            statement=f"Collecting texts: each variant needs {min_texts} before any decision ({counts}).",
            arms=arms,
            lift=lift,
        )
    pair_alpha = alpha / len(list(combinations(arms, 2)))
    intervals = [pair_interval(leader, other, alpha=pair_alpha, tuned_for=tuned_for) for other in ranked[1:]]
    if all(interval.low > 0 for interval in intervals):
        return Decision(
            status="decided",
            winner=leader.key,
            statement=winner_statement(leader, runner_up, alpha=alpha, others=len(arms) - 1),
            arms=arms,
            intervals=intervals,
            lift=lift,
        )
    return Decision(
        status="running",
        winner=None,
        statement=running_statement(leader, runner_up, lift=lift, arms=arms),
        arms=arms,
        intervals=intervals,
        lift=lift,
    )


def _lift(leader: ArmStats, other: ArmStats) -> float | None:
    if other.revenue_per_text <= 0:
        return None
    return leader.revenue_per_text / other.revenue_per_text - 1


def _percent(value: float) -> str:
    return f"{value * 100:.0f} %"


def winner_statement(leader: ArmStats, runner_up: ArmStats, *, alpha: float, others: int) -> str:
    lift = _lift(leader, runner_up)
    versus = runner_up.key if others == 1 else f"the next best ({runner_up.key})"
    if lift is None:
        how = f"{leader.key} recovers revenue where {versus} recovers none"
    else:
        how = f"{leader.key} recovers {_percent(lift)} more revenue per text than {versus}"
    return f"{how}; chance this is noise < {_percent(alpha)}."


def running_statement(
    leader: ArmStats, runner_up: ArmStats, *, lift: float | None, arms: Sequence[ArmStats] = ()
) -> str:
    if lift is None or lift <= 0:
        clicks = ""
        if any(arm.clicked for arm in arms):
            rates = ", ".join(f"{arm.key} {_percent(arm.clicked / arm.texts)}" for arm in arms if arm.texts)
            clicks = f" (clicked: {rates}; revenue decides)"
        return f"No difference yet between the variants' revenue per text{clicks}; still testing."
    return (
        f"{leader.key} leads by {_percent(lift)} revenue per text over {runner_up.key}, "
        "not yet beyond what chance could do; still testing."
    )


def probability_best_normal(a: ArmStats, b: ArmStats) -> float:
    """P(mean b > mean a) under a normal approximation: the naive rule's number (kept for the benchmark)."""
    var_a = _sample_variance(a)
    var_b = _sample_variance(b)
    se = math.sqrt(var_a / a.texts + var_b / b.texts) if a.texts and b.texts else 0.0
    if se == 0:
        return 0.5
    z = (b.revenue_per_text - a.revenue_per_text) / se
    return 0.5 * (1 + math.erf(z / math.sqrt(2)))


def _sample_variance(arm: ArmStats) -> float:
    if arm.texts < 2:
        return 0.0
    mean = arm.revenue / arm.texts
    return max((arm.revenue_sq - arm.texts * mean * mean) / (arm.texts - 1), 0.0)


def naive_decide(a: ArmStats, b: ArmStats, *, threshold: float = 0.9, min_texts: int = 500) -> str | None:
    """The rule sold elsewhere: a winner once one side has ≥ 90 % "probability to be best" and ≥ 500
    texts per variant. Wrong under repeated looks; here only so the benchmark can measure how wrong."""
    if a.texts < min_texts or b.texts < min_texts:
        return None
    p_b = probability_best_normal(a, b)
    if p_b >= threshold:
        return b.key
    if 1 - p_b >= threshold:
        return a.key
    return None
