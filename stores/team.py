"""Writes of a store's team: inviting people, their answer, changing roles, removing members.

No outgoing mail server is assumed: an invitation is a link that the inviter passes on. Nobody becomes a
member until they open it and accept — an existing login after signing in as the invited email, a new
person by choosing their own password there (so no inviter ever knows it). The inviter's answer is the same
whether or not the email has a login, so the invite form cannot be used to find out who has one.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from cartrecovery.errors import ApplicationError

from .models import Invitation, Membership, Role, Store


def _may_grant(*, actor: Membership, role: str) -> bool:
    # Admins run the store day to day; only an owner can make (or unmake) another owner.
    return actor.role == Role.OWNER or role != Role.OWNER


def invitation_token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_link(token: str) -> str:
    return f"{settings.PUBLIC_BASE_URL}/invitations/{token}/"


def _email_normalise(email: str) -> str:
    return email.strip().lower()


def invitation_create(*, store: Store, actor: Membership, email: str, role: str) -> tuple[Invitation, str]:
    """A pending invitation and its token (shown once, kept only as a digest). Inviting an email again
    replaces its pending invitation, so only the newest link works."""
    if actor.store_id != store.id:
        raise ApplicationError("You are not a member of this store.")
    if not _may_grant(actor=actor, role=role):
        raise ApplicationError("Only an owner can add another owner.", code="role")
    email = _email_normalise(email)
    # Only this store's own team is checked: the inviter can see it on the page anyway.
    if Membership.objects.for_store(store).filter(user__username__iexact=email).exists():
        raise ApplicationError(f"{email} is already on the team.", code="duplicate")
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        Invitation.objects.for_store(store).filter(email=email, status=Invitation.Status.PENDING).update(
            status=Invitation.Status.REVOKED, answered_at=timezone.now()
        )
        invitation = Invitation.objects.create(
            store=store,
            email=email,
            role=role,
            token_digest=invitation_token_digest(token),
            invited_by=actor.user,
            expires_at=timezone.now() + timedelta(days=settings.INVITATION_TTL_DAYS),
        )
    return invitation, token


def invitation_revoke(*, store: Store, actor: Membership, invitation: Invitation) -> None:
    if invitation.store_id != store.id or actor.store_id != store.id:
        raise ApplicationError("That invitation is not this store's.")
    if not _may_grant(actor=actor, role=invitation.role):
        raise ApplicationError("Only an owner can withdraw an owner's invitation.", code="role")
    Invitation.objects.filter(pk=invitation.pk, status=Invitation.Status.PENDING).update(
        status=Invitation.Status.REVOKED, answered_at=timezone.now()
    )


def invitation_open(*, token: str) -> Invitation | None:
    """The pending, unexpired invitation this link's token opens, or None (a wrong, used, withdrawn or
    expired link all look the same)."""
    invitation = (
        Invitation.objects.select_related("store")
        .filter(token_digest=invitation_token_digest(token), status=Invitation.Status.PENDING)
        .first()
    )
    if invitation is None or invitation.expires_at <= timezone.now():
        return None
    return invitation


def invitation_is_for(*, invitation: Invitation, user) -> bool:
    return _email_normalise(user.get_username()) == invitation.email


def _answer(*, invitation: Invitation, user, status: str) -> None:
    updated = Invitation.objects.filter(pk=invitation.pk, status=Invitation.Status.PENDING).update(
        status=status, user=user, answered_at=timezone.now()
    )
    if not updated:
        raise ApplicationError("This invitation was already answered or withdrawn.", code="answered")


def invitation_accept(*, invitation: Invitation, user) -> Membership:
    """The signed-in, invited person says yes: only now do they become a member."""
    if not invitation_is_for(invitation=invitation, user=user):
        raise ApplicationError(f"This invitation is for {invitation.email}.", code="wrong_user")
    with transaction.atomic():
        _answer(invitation=invitation, user=user, status=Invitation.Status.ACCEPTED)
        membership, _ = Membership.objects.get_or_create(
            store=invitation.store, user=user, defaults={"role": invitation.role}
        )
    return membership


def invitation_decline(*, invitation: Invitation, user) -> None:
    if not invitation_is_for(invitation=invitation, user=user):
        raise ApplicationError(f"This invitation is for {invitation.email}.", code="wrong_user")
    _answer(invitation=invitation, user=user, status=Invitation.Status.DECLINED)


def invitation_accept_as_new_login(*, invitation: Invitation, password: str, first_name: str = ""):
    """A person without a login accepts by choosing their password: the login and the membership at once.
    The password must already be validated (Django's SetPasswordForm does it on the page)."""
    user_model = get_user_model()
    has_login = ApplicationError("This email already has a login: sign in to accept.", code="has_login")
    if user_model.objects.filter(username__iexact=invitation.email).exists():
        raise has_login
    try:
        with transaction.atomic():
            user = user_model.objects.create_user(
                username=invitation.email,
                email=invitation.email,
                password=password,
                first_name=first_name.strip(),
            )
            invitation_accept(invitation=invitation, user=user)
    except IntegrityError as exc:  # two tabs creating the same login at once
        raise ApplicationError(
            "This email already has a login: sign in to accept.", code="has_login"
        ) from exc
    return user


def password_change_required(*, user) -> bool:
    """Whether this login still has a password someone else has seen (see Invitation)."""
    return Invitation.objects.filter(user=user, password_change_required=True).exists()


def password_change_done(*, user) -> None:
    Invitation.objects.filter(user=user, password_change_required=True).update(password_change_required=False)


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


class PasswordChangeRequirementCleared:
    """A password "validator" that validates nothing: its `password_changed()` hook, which Django calls after
    any new password is saved, lifts the must-change requirement of that login."""

    def validate(self, password, user=None):
        return None

    def password_changed(self, password, user=None):
        if user is not None and user.pk is not None:
            password_change_done(user=user)

    def get_help_text(self):
        return ""
