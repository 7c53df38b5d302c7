"""A step experiment in the browser: variants added, texts and orders come in, the tick decides."""

import shutil

import pytest
from django.utils import timezone

from flows.dispatcher import nudge_dispatch_due
from flows.models import Step
from flows.services import flow_seed_default
from tests.billing.experiment_seed import experiment_texts_seed
from tests.browser import MOBILE, csp_violations, horizontal_overflow, login, screenshot, unlabelled_controls

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = "/work/helpers/shots/experiments"


def _keep(paths, name):
    """Copy the screenshots where the helpers' reviewers look (when that folder exists)."""
    from pathlib import Path

    if Path(SHOTS).is_dir():
        for path, suffix in zip(paths, ("", "-390"), strict=False):
            shutil.copy(path, f"{SHOTS}/{name}{suffix}.png")


def test_an_experiment_runs_then_the_tick_decides_and_the_editor_shows_the_winner(
    page, live_server, store, owner
):
    step = flow_seed_default(store=store).steps.get(position=1)
    login(page, live_server, owner)
    page.goto(f"{live_server.url}/dashboard/{store.id}/flow/steps/{step.id}/")

    # the merchant tests a second version of the reminder against the current one
    page.get_by_role("heading", name="A/B test").wait_for()
    assert page.get_by_label("Variant A text").input_value() == step.templates["en"]
    page.get_by_label("Test variant A").check()
    page.get_by_label("Test variant B").check()
    page.get_by_label("Variant B text").fill("{first_name}, your {product} is almost gone: {link}")
    page.get_by_role("button", name="Save variants").click()

    page.get_by_text("Step 1: testing 2 variants.").wait_for()
    card = page.locator("[data-experiment-status]")
    assert card.get_attribute("data-experiment-status") == "running"
    assert "Running" in card.inner_text()
    assert "Collecting texts: each variant needs 200 before any decision." in card.inner_text()
    page.get_by_text("This step is testing 2 variants").wait_for()
    assert unlabelled_controls(page) == []
    _keep(screenshot(page, "experiment-running"), "experiment-running")

    # texts go out and orders come back: B's recover far more revenue per text
    step = Step.objects.get(pk=step.pk)
    experiment_texts_seed(
        step=step, at=timezone.now(), texts={"A": 220, "B": 220},
        recovered={"A": 6, "B": 38}, clicked={"A": 30, "B": 70},
    )  # fmt: skip
    nudge_dispatch_due()

    # the merchant reloads: decided, the winner named, its numbers and the plain-words statement
    page.reload()
    card = page.locator("[data-experiment-status]")
    assert card.get_attribute("data-experiment-status") == "decided"
    text = card.inner_text()
    assert "Decided: B wins" in text
    assert "B recovers 533 % more revenue per text than A; chance this is noise < 5 %." in text
    assert "220" in text
    _keep(screenshot(page, "experiment-decided"), "experiment-decided")
    page.set_viewport_size(MOBILE)
    assert horizontal_overflow(page) == 0
    page.goto(f"{live_server.url}/dashboard/{store.id}/flow/")
    page.get_by_text("A/B test decided: B wins").wait_for()
    assert csp_violations(page) == []
