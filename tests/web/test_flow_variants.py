"""The step editor's A/B test: add, change and remove variants; bad input shown again with what was typed."""

import pytest

from flows.models import Step
from flows.services import flow_seed_default, step_variants_update

pytestmark = pytest.mark.django_db


def _url(store, step) -> str:
    return f"/dashboard/{store.id}/flow/steps/{step.id}/variants/?lang=en"


def _row(key, text, *, weight=50, include=True, kind="none", code=""):
    row = {
        f"{key}_weight": str(weight),
        f"{key}_text": text,
        f"{key}_incentive_kind": kind,
        f"{key}_discount_code": code,
    }
    if include:
        row[f"{key}_include"] = "on"
    return row


def test_a_merchant_adds_two_variants_and_sees_the_test_running(owner_client, store):
    step = flow_seed_default(store=store).steps.get(position=1)

    b_row = _row("B", "Psst {first_name}: {link}", weight=30, kind="fixed_code", code="TRY10")

    response = owner_client.post(
        _url(store, step), {"language": "en", **_row("A", "Hi {first_name}, {link}"), **b_row}
    )

    assert response.status_code == 302
    step.refresh_from_db()
    assert [(v["key"], v["weight"], v["templates"]) for v in step.variants] == [
        ("A", 50, {"en": "Hi {first_name}, {link}"}),
        ("B", 30, {"en": "Psst {first_name}: {link}"}),
    ]
    assert step.variants[1]["incentive"]["discount_code"] == "TRY10"
    page = owner_client.get(response["Location"]).content.decode()
    assert 'data-experiment-status="running"' in page
    assert "Running" in page
    overview = owner_client.get(f"/dashboard/{store.id}/flow/").content.decode()
    assert "A/B test running · 2 variants" in overview


def test_a_single_variant_is_refused_and_the_typed_text_kept(owner_client, store):
    step = flow_seed_default(store=store).steps.get(position=1)

    response = owner_client.post(_url(store, step), {"language": "en", **_row("A", "Only one {link}")})

    assert response.status_code == 400
    page = response.content.decode()
    assert "A step tests 2 to 4 variants (or none)." in page
    assert "Only one {link}" in page
    assert Step.objects.get(pk=step.pk).variants == []


def test_a_bad_placeholder_in_a_variant_is_named(owner_client, store):
    step = flow_seed_default(store=store).steps.get(position=1)

    response = owner_client.post(
        _url(store, step), {"language": "en", **_row("A", "Hi {link}"), **_row("B", "Hi {nickname} {link}")}
    )

    assert response.status_code == 400
    assert "Variant B: " in response.content.decode()
    assert "nickname" in response.content.decode()


def test_unticking_every_variant_stops_the_test(owner_client, store):
    step = flow_seed_default(store=store).steps.get(position=1)
    step_variants_update(
        store=store,
        step=step,
        variants=[{"key": k, "weight": 1, "templates": {"en": f"{k} {{link}}"}} for k in "AB"],
    )

    response = owner_client.post(
        _url(store, step), {"language": "en", **_row("A", "A {link}", include=False)}
    )

    assert response.status_code == 302
    step.refresh_from_db()
    assert step.variants == []
    assert step.experiment["status"] == "stopped"


def test_an_agent_may_not_change_variants(agent_client, store):
    step = flow_seed_default(store=store).steps.get(position=1)

    response = agent_client.post(
        _url(store, step), {"language": "en", **_row("A", "x {link}"), **_row("B", "y {link}")}
    )

    assert response.status_code == 403
    assert Step.objects.get(pk=step.pk).variants == []
