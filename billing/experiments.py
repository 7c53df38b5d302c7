"""Step experiments read against the money: which variant recovers the most revenue per text.

Billing owns the attributions (order → credited step → the cart's nudge for it → variant, read through
`billing.selectors.attributions_earned_by`, as the analytics by variant are), so the evaluation lives
here, above flows; the dispatcher calls it at the start of every tick through
`flows.variants.EXPERIMENT_TICK_HOOKS` (registered in BillingConfig.ready()). The statistics are
`flows.experiment_stats` (no Django there), the same code the simulation benchmark proves; the verdict is
written through flows' own service.
"""

from collections import defaultdict
from datetime import datetime

from django.db.models import Count, Sum
from django.utils.dateparse import parse_datetime

from flows import experiment_stats
from flows.models import Click, Nudge, Step
from flows.services import step_experiment_record
from stores.models import Store

from .selectors import attributions_earned_by

# Texts that reached the network; a text refused for good (FAILED) never had a chance to recover a cart.
_TEXTED = (Nudge.State.SENT,)


def experiments_evaluate(*, now: datetime | None = None) -> int:
    """Every running experiment, re-read and kept on its step; returns how many were decided now."""
    decided = 0
    running = Step.objects.filter(experiment__status="running").select_related("store")
    for step in running:
        if len(step.variants or []) < 2:
            continue
        decided += step_experiment_evaluate(store=step.store, step=step)
    return decided


def step_experiment_evaluate(*, store: Store, step: Step) -> int:
    """Read one step's experiment and record it; 1 when this reading decided it."""
    experiment = step.experiment or {}
    arms = experiment_arms(store=store, step=step, since=parse_datetime(experiment.get("started_at") or ""))
    decision = experiment_stats.decide(arms)
    numbers = decision.as_dict()
    recorded = step_experiment_record(
        store=store,
        step=step,
        fingerprint=experiment.get("fingerprint", ""),
        outcome={"numbers": numbers, "statement": decision.statement, "winner": decision.winner},
    )
    return int(recorded and decision.winner is not None)


def experiment_arms(*, store: Store, step: Step, since: datetime | None) -> list[experiment_stats.ArmStats]:
    """Per variant: texts sent since the experiment started, and what they recovered and earned."""
    keys = [v["key"] for v in step.variants]
    texts = Nudge.objects.for_store(store).filter(
        step=step, state__in=_TEXTED, holdout=False, variant__in=keys
    )
    if since is not None:
        texts = texts.filter(sent_at__gte=since)
    sent = dict(texts.values("variant").annotate(n=Count("id")).values_list("variant", "n"))
    clicked = dict(
        Click.objects.for_store(store)
        .filter(link__nudge__in=texts)
        .values("link__nudge__variant")
        .annotate(n=Count("link__nudge", distinct=True))
        .values_list("link__nudge__variant", "n")
    )
    per_text = (
        attributions_earned_by(store=store, nudges=texts)
        .values("variant", "earned_by")
        .annotate(revenue=Sum("revenue"))
        .order_by()
    )
    revenue: dict[str, float] = defaultdict(float)
    revenue_sq: dict[str, float] = defaultdict(float)
    recovered: dict[str, int] = defaultdict(int)
    for row in per_text:
        key, value = row["variant"], float(row["revenue"] or 0)
        revenue[key] += value
        revenue_sq[key] += value * value
        recovered[key] += 1
    return [
        experiment_stats.ArmStats(
            key=v["key"],
            weight=v["weight"],
            texts=sent.get(v["key"], 0),
            revenue=revenue[v["key"]],
            revenue_sq=revenue_sq[v["key"]],
            recovered=recovered[v["key"]],
            clicked=clicked.get(v["key"], 0),
        )
        for v in step.variants
    ]
