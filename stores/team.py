"""Writes of a store's team: inviting people, changing their role, removing them.

No outgoing mail server is assumed: inviting someone new creates their login with a one-time password
that the inviter sees once and passes on; the invitee changes it after signing in.
"""

import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from cartrecovery.errors import ApplicationError

from .models import Membership, Role, Store


@dataclass(frozen=True)
class Invitation:
    membership: Membership
    one_time_password: str  # "" when the person already had a login


def _may_grant(*, actor: Membership, role: str) -> bool:
    # Admins run the store day to day; only an owner can make (or unmake) another owner.
    return actor.role == Role.OWNER or role != Role.OWNER


def member_invite(
    *, store: Store, actor: Membership, email: str, role: str, first_name: str = ""
) -> Invitation:
    if actor.store_id != store.id:
        raise ApplicationError("You are not a member of this store.")
    if not _may_grant(actor=actor, role=role):
        raise ApplicationError("Only an owner can add another owner.", code="role")
    email = email.strip().lower()
    with transaction.atomic():
        user_model = get_user_model()
        user = user_model.objects.filter(username__iexact=email).first()
        password = ""
        if user is None:
            password = secrets.token_urlsafe(12)
            user = user_model.objects.create_user(
                username=email, email=email, password=password, first_name=first_name.strip()
            )
        if Membership.objects.filter(store=store, user=user).exists():
            raise ApplicationError(f"{email} is already on the team.", code="duplicate")
        membership = Membership.objects.create(store=store, user=user, role=role)
    return Invitation(membership=membership, one_time_password=password)


def _owners_left_without(*, store: Store, membership: Membership) -> int:
    return Membership.objects.for_store(store).filter(role=Role.OWNER).exclude(pk=membership.pk).count()


def member_role_set(*, store: Store, actor: Membership, membership: Membership, role: str) -> Membership:
    if membership.store_id != store.id:
        raise ApplicationError("That person is not on this team.")
    if not _may_grant(actor=actor, role=role) or not _may_grant(actor=actor, role=membership.role):
        raise ApplicationError("Only an owner can change an owner's role.", code="role")
    with transaction.atomic():
        list(Membership.objects.select_for_update().filter(store=store, role=Role.OWNER))
        if (
            membership.role == Role.OWNER
            and role != Role.OWNER
            and not _owners_left_without(store=store, membership=membership)
        ):
            raise ApplicationError("A store needs at least one owner.", code="last_owner")
        membership.role = role
        membership.save(update_fields=["role"])
    return membership


def member_remove(*, store: Store, actor: Membership, membership: Membership) -> None:
    if membership.store_id != store.id:
        raise ApplicationError("That person is not on this team.")
    if not _may_grant(actor=actor, role=membership.role):
        raise ApplicationError("Only an owner can remove an owner.", code="role")
    with transaction.atomic():
        # Lock the owners so two owners removing each other at once cannot leave the store with none.
        list(Membership.objects.select_for_update().filter(store=store, role=Role.OWNER))
        if membership.role == Role.OWNER and not _owners_left_without(store=store, membership=membership):
            raise ApplicationError("A store needs at least one owner.", code="last_owner")
        membership.delete()
