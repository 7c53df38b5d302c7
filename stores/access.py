"""The one place a request finds its store: from the URL and the user's membership, never the body."""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework.views import APIView

from .models import Membership, Role, Store

MANAGERS = (Role.OWNER, Role.ADMIN)
EVERYONE = (Role.OWNER, Role.ADMIN, Role.AGENT)


def membership_for(*, user, store_id, roles: Iterable[str] = EVERYONE) -> Membership:
    """The caller's membership, or 404 — the same for another store and a missing one; 403 for a role."""
    if not user.is_authenticated:
        raise Http404
    try:
        membership = Membership.objects.select_related("store").get(user=user, store_id=store_id)
    except (Membership.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc
    if membership.role not in roles:
        # A member whose role may not see this: they know the store exists, so say no plainly.
        raise PermissionDenied
    return membership


def stores_for(*, user) -> list[Store]:
    return [
        m.store for m in Membership.objects.filter(user=user).select_related("store").order_by("store__name")
    ]


class StoreAPIView(APIView):
    """Base of every `/api/v1/stores/<store_id>/…` view: sets `self.store` and `self.membership`."""

    store_roles: Iterable[str] = MANAGERS

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.membership = membership_for(
            user=request.user, store_id=kwargs["store_id"], roles=self.store_roles
        )
        self.store = self.membership.store
