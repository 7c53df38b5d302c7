import uuid

import pytest
from django.test import Client
from django.urls import reverse

from stores.models import Role
from tests.stores.factories import MembershipFactory, StoreFactory, UserFactory

pytestmark = pytest.mark.django_db

MANAGER_PAGES = ["dashboard:home", "dashboard:setup", "dashboard:consent", "dashboard:team"]


@pytest.mark.parametrize("name", MANAGER_PAGES)
def test_owner_and_admin_open_manager_pages(client, store, name):
    for role in (Role.OWNER, Role.ADMIN):
        client.force_login(MembershipFactory(store=store, role=role).user)

        response = client.get(reverse(name, kwargs={"store_id": store.id}))

        assert response.status_code == 200


@pytest.mark.parametrize("name", MANAGER_PAGES)
def test_agent_is_refused_manager_pages(agent_client, store, name):
    response = agent_client.get(reverse(name, kwargs={"store_id": store.id}))

    assert response.status_code == 403


@pytest.mark.parametrize("name", MANAGER_PAGES)
def test_another_store_and_a_missing_one_are_both_404(owner_client, other_store, name):
    other = owner_client.get(reverse(name, kwargs={"store_id": other_store.id}))
    missing = owner_client.get(reverse(name, kwargs={"store_id": uuid.uuid4()}))

    assert other.status_code == 404
    assert missing.status_code == 404


def test_anonymous_visitor_is_sent_to_sign_in(client, store):
    url = reverse("dashboard:home", kwargs={"store_id": store.id})

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_dashboard_index_goes_to_the_first_managed_store(client, store):
    # given a user who is an agent in one store and the owner of another
    user = UserFactory()
    MembershipFactory(store=StoreFactory(), user=user, role=Role.AGENT)
    MembershipFactory(store=store, user=user, role=Role.OWNER)
    client.force_login(user)

    # when
    response = client.get(reverse("dashboard:index"))

    # then
    assert response["Location"] == reverse("dashboard:home", kwargs={"store_id": store.id})


def test_dashboard_index_without_a_store_offers_to_create_one(client):
    client.force_login(UserFactory())

    response = client.get(reverse("dashboard:index"))

    assert response["Location"] == reverse("dashboard:onboarding")


def test_pages_carry_a_content_security_policy(owner_client, store):
    response = owner_client.get(reverse("dashboard:home", kwargs={"store_id": store.id}))

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_forms_refuse_a_post_without_the_csrf_token(store, owner):
    # given a signed-in owner whose browser does not send the CSRF token (a cross-site form)
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    old = store.webhook_secret

    # when
    response = client.post(reverse("dashboard:setup_rotate", kwargs={"store_id": store.id}))

    # then
    store.refresh_from_db()
    assert response.status_code == 403
    assert store.webhook_secret == old


def test_htmx_requests_carry_the_csrf_token_in_a_header(store, owner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    page = client.get(reverse("dashboard:setup", kwargs={"store_id": store.id}))
    token = page.cookies["csrftoken"].value

    response = client.post(
        reverse("dashboard:setup_rotate", kwargs={"store_id": store.id}), HTTP_X_CSRFTOKEN=token
    )

    assert response.status_code == 302
    assert '"X-CSRFToken"' in page.content.decode()
