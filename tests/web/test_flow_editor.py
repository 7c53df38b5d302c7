import pytest
from django.urls import reverse

from flows.models import Flow, Step
from flows.services import flow_seed_default

pytestmark = pytest.mark.django_db


@pytest.fixture
def flow(store):
    return flow_seed_default(store=store)


def _url(name, store, **kwargs):
    return reverse(name, kwargs={"store_id": store.id, **kwargs})


def _first_step(flow):
    return flow.steps.get(position=1)


def _step_post(**overrides):
    data = {
        "language": "en",
        "template": "Hi {first_name}, your {product} is waiting: {link} Reply STOP to opt out.",
        "delay": "45",
        "delay_unit": "minutes",
        "is_active": "on",
        "incentive_kind": "none",
        "discount_code": "",
        "incentive_text": "",
        "incentive_valid_days": "7",
    }
    return {**data, **overrides}


def test_flow_page_lists_steps_with_their_segment_count(owner_client, store, flow):
    response = owner_client.get(_url("dashboard:flow", store))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Reminder" in html
    assert "Follow-up 1" in html
    assert "segment" in html


def test_store_without_a_flow_can_create_the_recommended_one(owner_client, store):
    assert "Create the recommended flow" in owner_client.get(_url("dashboard:flow", store)).content.decode()

    owner_client.post(_url("dashboard:flow_create", store))

    assert Flow.objects.for_store(store).filter(is_active=True).count() == 1


def test_saving_a_step_changes_only_that_language(owner_client, store, flow):
    step = _first_step(flow)
    spanish = step.templates["es"]

    response = owner_client.post(
        _url("dashboard:flow_step", store, step_id=step.id) + "?lang=en",
        _step_post(delay="1", delay_unit="hours"),
    )

    step.refresh_from_db()
    assert response.status_code == 302
    assert step.templates["en"].startswith("Hi {first_name}, your {product}")
    assert step.templates["es"] == spanish
    assert step.delay_minutes == 60


def test_fixed_code_without_a_code_is_an_inline_error(owner_client, store, flow):
    step = _first_step(flow)

    response = owner_client.post(
        _url("dashboard:flow_step", store, step_id=step.id), _step_post(incentive_kind="fixed_code")
    )

    assert response.status_code == 400
    assert "Give the discount code to send." in response.content.decode()


def test_preview_renders_the_typed_text_with_segments_and_warnings(owner_client, store, flow):
    step = _first_step(flow)

    response = owner_client.post(
        _url("dashboard:flow_step_preview", store, step_id=step.id),
        {"template": "Hi {first_name} — your cart misses you", "delay": "5", "delay_unit": "minutes"},
    )

    html = response.content.decode()
    assert "Hi Jamie" in html
    assert "UCS-2" in html
    assert "No {link}" in html
    assert "minutes after the cart goes quiet" in html


def test_preview_escapes_what_is_typed(owner_client, store, flow):
    step = _first_step(flow)

    response = owner_client.post(
        _url("dashboard:flow_step_preview", store, step_id=step.id),
        {"template": "<img src=x onerror=alert(1)>"},
    )

    assert "<img src=x" not in response.content.decode()


def test_adding_a_step_puts_it_last_and_off(owner_client, store, flow):
    response = owner_client.post(_url("dashboard:flow_step_add", store))

    step = Step.objects.for_store(store).order_by("-position").first()
    assert response.status_code == 302
    assert step.position == 3
    assert step.is_active is False


def test_another_stores_step_is_404(owner_client, store, other_store):
    foreign = _first_step(flow_seed_default(store=other_store))

    page = owner_client.get(_url("dashboard:flow_step", store, step_id=foreign.id))
    preview = owner_client.post(
        _url("dashboard:flow_step_preview", store, step_id=foreign.id), {"template": "x"}
    )
    save = owner_client.post(_url("dashboard:flow_step", store, step_id=foreign.id), _step_post())

    assert [page.status_code, preview.status_code, save.status_code] == [404, 404, 404]
    foreign.refresh_from_db()
    assert "your {product} is waiting" not in foreign.templates["en"]


def test_agent_cannot_edit_the_flow(agent_client, store, flow):
    response = agent_client.get(_url("dashboard:flow_step", store, step_id=_first_step(flow).id))

    assert response.status_code == 403


def test_an_unused_last_step_can_be_deleted(owner_client, store, flow):
    owner_client.post(_url("dashboard:flow_step_add", store))
    added = Step.objects.for_store(store).get(position=3)

    response = owner_client.post(_url("dashboard:flow_step_delete", store, step_id=added.id))

    assert response.status_code == 302
    assert not Step.objects.filter(pk=added.pk).exists()


def test_the_first_step_cannot_be_deleted(owner_client, store, flow):
    first = _first_step(flow)

    response = owner_client.post(_url("dashboard:flow_step_delete", store, step_id=first.id), follow=True)

    assert Step.objects.filter(pk=first.pk).exists()
    assert "turn it off instead" in response.content.decode()


def test_another_stores_step_cannot_be_deleted(owner_client, store, other_store):
    foreign = flow_seed_default(store=other_store).steps.get(position=2)

    response = owner_client.post(_url("dashboard:flow_step_delete", store, step_id=foreign.id))

    assert response.status_code == 404
    assert Step.objects.filter(pk=foreign.pk).exists()


def test_the_flow_list_says_what_each_warning_is(owner_client, store, flow):
    step = _first_step(flow)
    step.templates = {"en": "Hi {first_name}, come back soon"}
    step.save()

    html = owner_client.get(_url("dashboard:flow", store)).content.decode()

    assert "warning" in html
    assert "No {link}: the shopper has no one-tap way back to the cart." in html
