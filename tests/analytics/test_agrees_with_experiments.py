"""The per-variant rows and the experiment's own reading count the same texts, orders and revenue."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from analytics.selectors import message_results
from billing.experiments import experiment_arms
from flows.models import Step
from flows.services import flow_seed_default, step_variants_update
from tests.billing.experiment_seed import experiment_texts_seed

pytestmark = pytest.mark.django_db


def test_the_rows_by_variant_agree_with_the_experiments_arms(store):
    step = flow_seed_default(store=store).steps.get(position=1)
    step_variants_update(
        store=store,
        step=step,
        variants=[
            {"key": "A", "weight": 50, "templates": step.templates},
            {"key": "B", "weight": 50, "templates": {"en": "{first_name}, still there? {link}"}},
        ],
    )
    step = Step.objects.get(pk=step.pk)
    now = timezone.now()
    experiment_texts_seed(
        step=step, at=now - timedelta(hours=3), texts={"A": 30, "B": 25},
        recovered={"A": 3, "B": 7}, clicked={"A": 5, "B": 9},
    )  # fmt: skip

    rows = message_results(
        store=store, start=(now - timedelta(days=2)).date(), end=now.date(), by="variant"
    ).rows
    arms = {arm.key: arm for arm in experiment_arms(store=store, step=step, since=None)}

    mine = {r.variant: (r.texted, r.clicked, r.recovered, r.revenue) for r in rows if r.step_id == step.pk}
    theirs = {
        k: (a.texts, a.clicked, a.recovered, Decimal(str(a.revenue)).quantize(Decimal("0.01")))
        for k, a in arms.items()
    }
    assert mine == theirs
    assert mine["B"][:3] == (25, 9, 7)
