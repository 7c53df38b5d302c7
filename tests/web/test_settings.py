import pytest
from django.urls import reverse

from flows.services import flow_seed_default
from tests.web.factories import settings_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def flow(store):
    return flow_seed_default(store=store)


def _url(name, store):
    return reverse(name, kwargs={"store_id": store.id})


def test_settings_show_the_policy_table(owner_client, store, flow):
    html = owner_client.get(_url("dashboard:settings", store)).content.decode()

    assert "Florida" in html
    assert "8:00–20:00" in html
    assert "France" in html
    assert "no Sundays" in html


def test_saving_settings_updates_flow_and_store(owner_client, store, flow):
    response = owner_client.post(_url("dashboard:settings", store), settings_form())

    flow.refresh_from_db()
    store.refresh_from_db()
    assert response.status_code == 302
    assert (flow.quiet_hours_start, flow.quiet_hours_end, flow.frequency_cap) == (9, 20, 2)
    assert store.shipping_policy == "Free over $75."


def test_help_text_without_stop_is_refused(owner_client, store, flow):
    response = owner_client.post(_url("dashboard:settings", store), settings_form(help_text="Call us."))

    store.refresh_from_db()
    assert response.status_code == 400
    assert "Say how to opt out" in response.content.decode()
    assert store.shipping_policy == ""


def test_window_that_ends_before_it_starts_is_refused(owner_client, store, flow):
    response = owner_client.post(
        _url("dashboard:settings", store), settings_form(quiet_hours_start="20", quiet_hours_end="9")
    )

    flow.refresh_from_db()
    assert response.status_code == 400
    assert "Texting must start before it stops." in response.content.decode()
    assert flow.quiet_hours_start == 8


def test_send_time_simulator_explains_each_step_for_a_us_number(owner_client, store, flow):
    response = owner_client.get(_url("dashboard:settings_send_times", store), {"phone": "+1 305 555 0100"})

    html = response.content.decode()
    sends = response.context["report"].sends
    assert len(sends) == 2
    assert sends[1].sends_at is None
    assert "Carrier rule (US)" in html
    assert "America/New_York" in html


def test_send_time_simulator_runs_the_whole_flow_in_the_uk(owner_client, store, flow):
    response = owner_client.get(_url("dashboard:settings_send_times", store), {"phone": "+44 7911 123456"})

    sends = response.context["report"].sends
    assert all(send.sends_at is not None for send in sends)


def test_send_time_simulator_says_why_a_number_is_refused(owner_client, store, flow):
    response = owner_client.get(_url("dashboard:settings_send_times", store), {"phone": "12"})

    assert "not a" in response.content.decode()


def test_agent_cannot_open_settings(agent_client, store, flow):
    assert agent_client.get(_url("dashboard:settings", store)).status_code == 403


def test_other_store_settings_are_404(owner_client, other_store):
    assert owner_client.get(_url("dashboard:settings", other_store)).status_code == 404
