import pytest
from django.urls import reverse

from dashboard.context_processors import nav_for
from stores.models import Role
from tests.stores.factories import MembershipFactory, StoreFactory

pytestmark = pytest.mark.django_db


def _labels(sections):
    return [item.label for section in sections for item in section.items]


def test_managers_see_the_dashboard_sections(store):
    membership = MembershipFactory(store=store, role=Role.ADMIN)

    labels = _labels(nav_for(membership=membership, current_view="dashboard:home"))

    assert {"Overview", "Setup"} <= set(labels)


def test_agents_see_no_manager_section(store):
    membership = MembershipFactory(store=store, role=Role.AGENT)

    labels = _labels(nav_for(membership=membership, current_view=""))

    assert not {"Overview", "Setup", "Settings", "Team", "Consent log", "Flow & texts"} & set(labels)


def test_current_page_is_marked_in_the_nav(store):
    membership = MembershipFactory(store=store, role=Role.OWNER)

    sections = nav_for(membership=membership, current_view="dashboard:setup_sender")

    active = [item.label for section in sections for item in section.items if item.active]
    assert active == ["Setup"]


def test_store_switcher_lists_every_store_of_the_user(client, store):
    # given an owner who is also an agent elsewhere
    owner = MembershipFactory(store=store, role=Role.OWNER).user
    elsewhere = StoreFactory(name="Zephyr Goods")
    MembershipFactory(store=elsewhere, user=owner, role=Role.AGENT)
    client.force_login(owner)

    # when
    response = client.get(reverse("dashboard:home", kwargs={"store_id": store.id}))

    # then
    html = response.content.decode()
    assert "Zephyr Goods" in html
    assert store.name in html
    assert 'aria-current="true"' in html
