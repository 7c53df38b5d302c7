"""Invitations as an attacker (or a careless inviter) meets them: over HTTP, with every role."""

import importlib
import pkgutil
import re
from datetime import timedelta

import pytest
import time_machine
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

import stores.migrations
from stores.models import Invitation, Membership, Role
from tests.stores.factories import MembershipFactory, StoreFactory, UserFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(
    r'id="invite-link" type="text" readonly value="https://cartrecovery\.test(/invitations/[\w-]+/)"'
)


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()  # sign-in throttling counts in the cache
    yield
    cache.clear()


def _team(store) -> str:
    return f"/dashboard/{store.id}/team/"


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _invite(inviter: Client, store, email: str, role: str = Role.AGENT):
    return inviter.post(_team(store), {"email": email, "role": role})


def _link(response) -> str:
    assert response.status_code == 201, response.content.decode()[:500]
    match = LINK.search(response.content.decode())
    assert match, "the invitation link is shown to the inviter"
    return match.group(1)


def _without(html: str, *secrets: str) -> str:
    for secret in secrets:
        html = html.replace(secret, "…")
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return re.sub(r'"X-CSRFToken": "[^"]+"', "", html)


@pytest.mark.parametrize("role", [Role.ADMIN, Role.AGENT, Role.OWNER])
def test_an_existing_login_becomes_a_member_only_after_accepting(owner, store, role):
    existing = UserFactory(username="kim@example.com", email="kim@example.com")
    link = _link(_invite(_signed_in(owner), store, "kim@example.com", role))

    # not a member yet: the store is out of reach
    kim = _signed_in(existing)
    assert not Membership.objects.filter(store=store, user=existing).exists()
    assert kim.get(f"/dashboard/{store.id}/").status_code == 404
    assert kim.get(f"/inbox/{store.id}/").status_code == 404

    page = kim.get(link)
    accepted = kim.post(link, {"action": "accept"})

    assert page.status_code == 200
    assert "Accept and join" in page.content.decode()
    assert accepted.status_code == 302
    assert Membership.objects.get(store=store, user=existing).role == role


def test_the_invitee_may_decline(owner, store):
    existing = UserFactory(username="kim@example.com")
    link = _link(_invite(_signed_in(owner), store, "kim@example.com"))
    kim = _signed_in(existing)

    kim.post(link, {"action": "decline"})

    assert not Membership.objects.filter(store=store, user=existing).exists()
    assert Invitation.objects.get(store=store, email="kim@example.com").status == Invitation.Status.DECLINED
    assert kim.get(link).status_code == 404


def test_the_invite_answer_is_the_same_whether_or_not_the_email_has_a_login(owner, store):
    UserFactory(username="has-login@example.com")
    users_before = get_user_model().objects.count()
    inviter = _signed_in(owner)

    known = _invite(inviter, store, "has-login@example.com")
    unknown = _invite(inviter, store, "no-login@example.com")

    assert known.status_code == unknown.status_code == 201
    known_html = _without(known.content.decode(), _link(known), "has-login@example.com")
    unknown_html = _without(unknown.content.decode(), _link(unknown), "no-login@example.com")
    # the second answer also lists the first invitation: compare the answers' own message only
    assert known_html.split('<div class="split">')[0] == unknown_html.split('<div class="split">')[0]
    assert "one-time password" not in unknown.content.decode().lower()
    assert get_user_model().objects.count() == users_before  # nobody's login is made by the inviter


def test_the_link_page_is_the_same_whether_or_not_the_email_has_a_login(owner, store):
    UserFactory(username="has-login@example.com")
    inviter = _signed_in(owner)
    known = _link(_invite(inviter, store, "has-login@example.com"))
    unknown = _link(_invite(inviter, store, "no-login@example.com"))

    known_page, unknown_page = Client().get(known), Client().get(unknown)

    assert known_page.status_code == unknown_page.status_code == 200
    assert _without(known_page.content.decode(), known, "has-login@example.com") == _without(
        unknown_page.content.decode(), unknown, "no-login@example.com"
    )


def test_a_new_person_chooses_their_own_password_through_the_link(owner, store):
    link = _link(_invite(_signed_in(owner), store, "Sam@Example.com", Role.ADMIN))
    sam = Client()

    response = sam.post(
        link,
        {
            "action": "create",
            "first_name": "Sam",
            "new_password1": "sams-own-pw-42",
            "new_password2": "sams-own-pw-42",
        },
    )

    assert response.status_code == 302
    assert "_auth_user_id" in sam.session
    user = get_user_model().objects.get(username="sam@example.com")
    assert user.check_password("sams-own-pw-42")
    assert Membership.objects.get(store=store, user=user).role == Role.ADMIN
    assert sam.get(f"/dashboard/{store.id}/").status_code == 200


def test_a_weak_password_is_refused_at_the_link(owner, store):
    link = _link(_invite(_signed_in(owner), store, "sam@example.com"))

    response = Client().post(
        link, {"action": "create", "new_password1": "password", "new_password2": "password"}
    )

    assert response.status_code == 400
    assert not get_user_model().objects.filter(username="sam@example.com").exists()


def test_the_link_cannot_make_a_second_login_for_an_existing_email(owner, store):
    existing = UserFactory(username="kim@example.com")
    link = _link(_invite(_signed_in(owner), store, "kim@example.com"))

    response = Client().post(
        link, {"action": "create", "new_password1": "attackers-pw-42", "new_password2": "attackers-pw-42"}
    )

    assert response.status_code == 400
    existing.refresh_from_db()
    assert existing.check_password("pw-for-tests")
    assert not Membership.objects.filter(store=store, user=existing).exists()


def test_someone_else_signed_in_cannot_accept_the_link(owner, store):
    link = _link(_invite(_signed_in(owner), store, "kim@example.com"))
    intruder = MembershipFactory(store=StoreFactory(), role=Role.OWNER).user

    page = _signed_in(intruder).get(link)
    response = _signed_in(intruder).post(link, {"action": "accept"})

    assert page.status_code == 403
    assert response.status_code == 403
    assert not Membership.objects.filter(store=store, user=intruder).exists()


def test_the_link_works_once(owner, store):
    link = _link(_invite(_signed_in(owner), store, "sam@example.com"))
    form = {"action": "create", "new_password1": "sams-own-pw-42", "new_password2": "sams-own-pw-42"}
    assert Client().post(link, form).status_code == 302

    again = Client().post(link, {**form, "new_password1": "other-pw-4242", "new_password2": "other-pw-4242"})

    assert again.status_code == 404
    assert get_user_model().objects.get(username="sam@example.com").check_password("sams-own-pw-42")


def test_an_expired_a_withdrawn_or_a_replaced_link_does_not_work(owner, store, settings):
    inviter = _signed_in(owner)
    expired = _link(_invite(inviter, store, "late@example.com"))
    withdrawn = _link(_invite(inviter, store, "gone@example.com"))
    replaced = _link(_invite(inviter, store, "twice@example.com"))
    newest = _link(_invite(inviter, store, "twice@example.com"))
    invitation = Invitation.objects.get(email="gone@example.com")
    inviter.post(f"/dashboard/{store.id}/team/invitations/{invitation.id}/withdraw/")

    with time_machine.travel(timezone.now() + timedelta(days=settings.INVITATION_TTL_DAYS, minutes=1)):
        assert Client().get(expired).status_code == 404
    assert Client().get(withdrawn).status_code == 404
    assert Client().get(replaced).status_code == 404
    assert Client().get(newest).status_code == 200
    assert Client().get("/invitations/not-a-real-token/").status_code == 404


def test_the_token_is_kept_only_as_a_digest(owner, store):
    link = _link(_invite(_signed_in(owner), store, "sam@example.com"))
    token = link.split("/")[2]

    invitation = Invitation.objects.get(email="sam@example.com")

    assert token not in {invitation.token_digest, invitation.email}
    assert not Invitation.objects.filter(token_digest=token).exists()


def test_the_inviter_sees_the_invited_state_then_the_member(owner, store):
    inviter = _signed_in(owner)
    link = _link(_invite(inviter, store, "sam@example.com", Role.ADMIN))

    before = inviter.get(_team(store)).content.decode()
    Client().post(
        link, {"action": "create", "new_password1": "sams-own-pw-42", "new_password2": "sams-own-pw-42"}
    )
    after = inviter.get(_team(store)).content.decode()

    assert "sam@example.com" in before
    assert "Invited" in before
    assert "Invited" not in after
    assert "sam@example.com" in after


def test_an_admin_cannot_withdraw_an_owners_invitation_nor_another_store_any(owner, store, other_store):
    invitation = Invitation.objects.get(
        pk=_invite_id(_signed_in(owner), store, "boss@example.com", Role.OWNER)
    )
    admin = _signed_in(MembershipFactory(store=store, role=Role.ADMIN).user)
    stranger = _signed_in(MembershipFactory(store=other_store, role=Role.OWNER).user)

    admin.post(f"/dashboard/{store.id}/team/invitations/{invitation.id}/withdraw/")
    foreign = stranger.post(f"/dashboard/{other_store.id}/team/invitations/{invitation.id}/withdraw/")

    assert foreign.status_code == 404
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.PENDING


def _invite_id(inviter, store, email, role) -> int:
    _link(_invite(inviter, store, email, role))
    return Invitation.objects.get(store=store, email=email, status=Invitation.Status.PENDING).id


def test_agents_cannot_invite(store):
    agent = _signed_in(MembershipFactory(store=store, role=Role.AGENT).user)

    response = _invite(agent, store, "friend@example.com", Role.OWNER)

    assert response.status_code == 403
    assert not Invitation.objects.exists()


# --- one-time passwords from the old invitation flow ---------------------------------------------------

ONE_TIME = "one-time-pw-seen-by-the-inviter"


def _legacy_one_time_login(store):
    """A login the old flow made: a one-time password the inviter saw, a membership, never signed in."""
    user = get_user_model().objects.create_user(username="old@example.com", password=ONE_TIME)
    Membership.objects.create(store=store, user=user, role=Role.AGENT)
    # Found by name, not number: merges renumber migrations.
    name = next(
        m.name
        for m in pkgutil.iter_modules(stores.migrations.__path__)
        if m.name.endswith("_one_time_passwords")
    )
    migration = importlib.import_module(f"stores.migrations.{name}")
    migration.flag_unused_one_time_passwords(apps, None)
    return user


def test_a_one_time_password_must_be_changed_before_any_other_page(store):
    _legacy_one_time_login(store)
    client = Client()

    signed_in = client.post("/accounts/login/", {"username": "old@example.com", "password": ONE_TIME})
    pages = {path: client.get(path) for path in ["/", f"/inbox/{store.id}/", "/accounts/api-tokens/"]}

    assert signed_in.status_code == 302
    assert all(page.status_code == 302 for page in pages.values())
    assert all(page["Location"] == "/accounts/password_change/" for page in pages.values())
    assert client.get("/accounts/password_change/").status_code == 200

    changed = client.post(
        "/accounts/password_change/",
        {"old_password": ONE_TIME, "new_password1": "my-own-pw-2026", "new_password2": "my-own-pw-2026"},
    )

    assert changed.status_code == 302
    assert client.get(f"/inbox/{store.id}/").status_code == 200


def test_members_who_signed_in_before_and_demo_logins_are_not_flagged(store):
    regular = MembershipFactory(store=store, role=Role.AGENT).user
    regular.last_login = timezone.now()
    regular.save(update_fields=["last_login"])
    demo_agent = MembershipFactory(store=StoreFactory(is_demo=True), role=Role.AGENT).user

    _legacy_one_time_login(store)

    flagged = set(
        Invitation.objects.filter(password_change_required=True).values_list("user__username", flat=True)
    )
    assert flagged == {"old@example.com"}
    assert regular.username not in flagged
    assert demo_agent.username not in flagged
