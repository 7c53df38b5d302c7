"""What every page of the app shell needs: the current store, the store switcher and the role-aware nav."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from stores.access import MANAGERS, store_creation_allowed
from stores.models import Membership


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    icon: str
    active: bool


@dataclass(frozen=True)
class NavSection:
    title: str
    items: list[NavItem]


# (section, label, view name, icon, roles).
NAV = [
    ("Recovery", "Overview", "dashboard:home", "home", MANAGERS),
    ("Recovery", "Inbox", "inbox:list", "inbox", None),
    ("Recovery", "Flow & texts", "dashboard:flow", "flow", MANAGERS),
    ("Recovery", "Keyword rules", "dashboard:rules", "rules", MANAGERS),
    ("Recovery", "Phone simulator", "inbox:simulator", "phone", None),
    ("Store", "Setup", "dashboard:setup", "setup", MANAGERS),
    ("Store", "Settings", "dashboard:settings", "settings", MANAGERS),
    ("Store", "Consent log", "dashboard:consent", "consent", MANAGERS),
    ("Store", "Team", "dashboard:team", "team", MANAGERS),
    ("Store", "Billing", "billing:page", "billing", MANAGERS),
]


def _is_active(current: str, view_name: str) -> bool:
    return current == view_name or current.startswith(view_name + "_")


def nav_for(*, membership: Membership, current_view: str) -> list[NavSection]:
    sections: dict[str, list[NavItem]] = {}
    for section, label, view_name, icon, roles in NAV:
        if roles is not None and membership.role not in roles:
            continue
        url = reverse(view_name, kwargs={"store_id": membership.store_id})
        sections.setdefault(section, []).append(
            NavItem(label, url, icon, _is_active(current_view, view_name))
        )
    return [NavSection(title, items) for title, items in sections.items()]


def _entry_url(membership: Membership) -> str:
    """Where a store's name in the switcher leads: managers to its overview, agents to its inbox."""
    view_name = "dashboard:home" if membership.role in MANAGERS else "inbox:list"
    return reverse(view_name, kwargs={"store_id": membership.store_id})


def shell(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    membership = getattr(request, "membership", None)

    def switcher():
        memberships = Membership.objects.filter(user=user).select_related("store").order_by("store__name")
        return [
            {"store": m.store, "role": m.get_role_display(), "url": _entry_url(m), "current": m == membership}
            for m in memberships
        ]

    def nav():
        if membership is None:
            return []
        match = request.resolver_match
        return nav_for(membership=membership, current_view=match.view_name if match else "")

    return {
        "current_store": membership.store if membership else None,
        "current_membership": membership,
        "store_switcher": SimpleLazyObject(switcher),
        "nav_sections": SimpleLazyObject(nav),
        "may_add_store": SimpleLazyObject(lambda: store_creation_allowed(user=user)),
    }
