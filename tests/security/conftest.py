"""Two tenants and every role, as an attacker meets them: a victim store and the attacker's own store.

The attacker's store is the older one on purpose: where routing ever picked "the first store" holding a
sender, it picked the attacker's.
"""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from conversations.webhooks import store_cache_clear
from stores.models import Role
from tests.stores.factories import MembershipFactory, StoreFactory

VICTIM_NUMBER = "+13035550142"
VICTIM_SERVICE = "MG" + "a1" * 16


@pytest.fixture(autouse=True)
def _forget_cached_stores():
    store_cache_clear()
    yield
    store_cache_clear()


@pytest.fixture
def attacker_store(db):
    store = StoreFactory(name="Attacker Goods", sms_number="+13035550177")
    # Older than the victim's: "the first store found" would be this one.
    type(store).objects.filter(pk=store.pk).update(created_at=timezone.now() - timedelta(days=30))
    store.refresh_from_db()
    return store


@pytest.fixture
def victim_store(db, attacker_store):
    return StoreFactory(name="Victim Outdoor", sms_number=VICTIM_NUMBER, messaging_service_sid=VICTIM_SERVICE)


def login_as(store, role: str) -> Client:
    """A browser session of a fresh member of `store` with `role`."""
    client = Client()
    client.force_login(MembershipFactory(store=store, role=role).user)
    return client


@pytest.fixture(params=[Role.OWNER, Role.ADMIN, Role.AGENT])
def attacker_role(request) -> str:
    return request.param
