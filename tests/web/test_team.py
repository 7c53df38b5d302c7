import pytest
from django.urls import reverse

from stores.models import Membership, Role
from tests.stores.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def _url(store):
    return reverse("dashboard:team", kwargs={"store_id": store.id})


def _member_url(store, membership):
    return reverse("dashboard:team_member", kwargs={"store_id": store.id, "membership_id": membership.id})


def test_inviting_shows_a_link_once_and_adds_nobody_yet(owner_client, store):
    response = owner_client.post(_url(store), {"email": "Sam@Example.com", "role": "agent"})

    invitation = response.context["invitation"]
    assert response.status_code == 201
    assert invitation.email == "sam@example.com"
    assert response.context["invitation_link"] in response.content.decode()
    assert not Membership.objects.filter(store=store, user__username="sam@example.com").exists()
    assert response.context["invitation_link"] not in owner_client.get(_url(store)).content.decode()


def test_inviting_someone_twice_is_an_inline_error(owner_client, store, agent):
    response = owner_client.post(_url(store), {"email": agent.email, "role": "agent"})

    assert response.status_code == 400
    assert "already on the team" in response.content.decode()


def test_an_admin_cannot_create_an_owner(client, store):
    client.force_login(MembershipFactory(store=store, role=Role.ADMIN).user)

    response = client.post(_url(store), {"email": "boss@example.com", "role": "owner"})

    assert response.status_code == 400
    assert not Membership.objects.filter(store=store, user__username="boss@example.com").exists()


def test_role_change_and_removal(owner_client, store, agent):
    membership = Membership.objects.get(store=store, user=agent)

    owner_client.post(_member_url(store, membership), {"role": "admin"})
    membership.refresh_from_db()
    assert membership.role == Role.ADMIN

    owner_client.post(_member_url(store, membership), {"action": "remove"})
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_the_last_owner_cannot_leave(owner_client, store, owner):
    membership = Membership.objects.get(store=store, user=owner)

    response = owner_client.post(_member_url(store, membership), {"action": "remove"}, follow=True)

    assert Membership.objects.filter(pk=membership.pk).exists()
    assert "at least one owner" in response.content.decode()


def test_another_stores_member_is_404(owner_client, store, other_store):
    stranger = MembershipFactory(store=other_store, role=Role.AGENT)

    response = owner_client.post(_member_url(store, stranger), {"action": "remove"})

    assert response.status_code == 404
    assert Membership.objects.filter(pk=stranger.pk).exists()


def test_agents_cannot_open_the_team_page(agent_client, store):
    assert agent_client.get(_url(store)).status_code == 403
