"""The tenant and its people: logins, memberships, the webhook signing secret."""

from django.contrib.auth import get_user_model
from django.utils import timezone

from stores.models import Membership, Store, new_webhook_secret


def user_ensure(*, email: str, password: str, first_name: str = ""):
    """Find or create a login whose username is its email, with this password."""
    user_model = get_user_model()
    user, _ = user_model.objects.get_or_create(
        username=email, defaults={"email": email, "first_name": first_name}
    )
    if not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
    return user


def membership_ensure(*, store: Store, user, role: str) -> Membership:
    membership, _ = Membership.objects.update_or_create(store=store, user=user, defaults={"role": role})
    return membership


def store_webhook_secret_rotate(*, store: Store, new_secret: str = "") -> Store:
    """Set a new signing secret (Shopify's, pasted by the merchant, or a fresh one); the old one stays valid
    for an hour, as long as Shopify may keep using it."""
    store.previous_webhook_secret = store.webhook_secret
    store.webhook_secret = new_secret or new_webhook_secret()
    store.webhook_secret_rotated_at = timezone.now()
    store.save(
        update_fields=["webhook_secret", "previous_webhook_secret", "webhook_secret_rotated_at", "updated_at"]
    )
    return store
