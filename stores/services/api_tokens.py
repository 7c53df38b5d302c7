"""API tokens (django-rest-knox): stored as SHA-512 digests, each with an expiry; the token itself exists
only in the answer to its creation, so it is shown once.

A password change revokes every token of that login (`ApiTokensRevokedOnPasswordChange`, hooked into
Django's password-change path for every way a password is set: the form, the admin, `changepassword`).
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from knox.models import AuthToken


def _ttl() -> timedelta:
    return timedelta(days=settings.API_TOKEN_TTL_DAYS)


def api_tokens_of(*, user):
    """A login's tokens, newest first (the one read, kept beside the writes: tokens belong to a login, not
    to a store, so they have no place among the store-first selectors)."""
    return AuthToken.objects.filter(user=user).order_by("-created")


def api_token_create(*, user) -> tuple[AuthToken, str]:
    """A new token for `user`; the second value is the token itself, which is never stored."""
    return AuthToken.objects.create(user=user, expiry=_ttl())


def api_token_rotate(*, user, token_key: str) -> tuple[AuthToken, str] | None:
    """Replace one token with a fresh one (same lifetime from now); None when `user` has no such token."""
    with transaction.atomic():
        revoked = api_token_revoke(user=user, token_key=token_key)
        return api_token_create(user=user) if revoked else None


def api_token_revoke(*, user, token_key: str) -> bool:
    deleted, _ = AuthToken.objects.filter(user=user, token_key=token_key).delete()
    return bool(deleted)


def api_tokens_revoke_all(*, user) -> int:
    deleted, _ = AuthToken.objects.filter(user=user).delete()
    return deleted


class ApiTokensRevokedOnPasswordChange:
    """A password "validator" that validates nothing: Django calls `password_changed()` of every validator
    after a new password is saved, however it was set. That is the one hook all those paths share."""

    def validate(self, password, user=None):
        return None

    def password_changed(self, password, user=None):
        if user is not None and user.pk is not None:
            api_tokens_revoke_all(user=user)

    def get_help_text(self):
        return ""
