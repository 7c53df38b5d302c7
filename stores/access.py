"""The one place a request finds its store: from the URL and the user's membership, never the body."""

from collections.abc import Iterable
from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from rest_framework.views import APIView

from .models import Membership, Role, Store

MANAGERS = (Role.OWNER, Role.ADMIN)
EVERYONE = (Role.OWNER, Role.ADMIN, Role.AGENT)


# What each role may do, in the words the 403 page uses.
ROLE_CAN = {
    Role.OWNER: "everything: the dashboard, flows, rules, settings, the team, billing and the inbox",
    Role.ADMIN: "everything but the store's ownership: the dashboard, flows, rules, settings, the team, "
    "billing and the inbox",
    Role.AGENT: "answer shoppers in the inbox, use the canned replies and try texts in the phone simulator",
}


class RoleNotAllowed(PermissionDenied):
    """A member whose role may not open this page; carries the membership so the 403 page can say why."""

    def __init__(self, membership: Membership):
        super().__init__(f"{membership.get_role_display()} may not open this page.")
        self.membership = membership


def membership_for(*, user, store_id, roles: Iterable[str] = EVERYONE) -> Membership:
    """The caller's membership, or 404 — the same for another store and a missing one; 403 for a role."""
    if not user.is_authenticated:
        raise Http404
    try:
        membership = Membership.objects.select_related("store").get(user=user, store_id=store_id)
    except (Membership.DoesNotExist, ValueError, TypeError, ValidationError) as exc:
        # A malformed id ("nope" is no UUID) must look exactly like a missing store.
        raise Http404 from exc
    if membership.role not in roles:
        # A member whose role may not see this: they know the store exists, so say no plainly.
        raise RoleNotAllowed(membership)
    return membership


STORE_CREATION_POLICIES = ("owners", "staff", "anyone")


def store_creation_allowed(*, user) -> bool:
    """Whether this person may create a store (settings.STORE_CREATION; unknown values: staff only)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_staff:
        return True
    policy = settings.STORE_CREATION
    if policy == "anyone":
        return True
    if policy == "owners":
        return Membership.objects.filter(user=user, role=Role.OWNER).exists()
    return False


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


class StoreRequest(HttpRequest):
    """The request a `store_page` view receives: annotate `request: StoreRequest` so mypy knows the store."""

    store: Store
    membership: Membership


def store_page(roles: Iterable[str] = MANAGERS):
    """Decorate a page view under `/…/<uuid:store_id>/…`: sign-in required, then the store from the URL.

    The view is called without `store_id`; it reads `request.store` and `request.membership`.
    Another store (or a missing one) is a 404; a member whose role may not see the page gets a 403.
    """

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapper(request, *args, store_id, **kwargs):
            _store_attach(request, store_id=store_id, roles=roles)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def _store_attach(request, *, store_id, roles: Iterable[str]) -> Store:
    membership = membership_for(user=request.user, store_id=store_id, roles=roles)
    request.membership = membership
    request.store = membership.store
    return membership.store
