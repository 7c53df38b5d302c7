import pytest
from django.core.cache import cache

from stores.models import Role
from tests.stores.factories import MembershipFactory


@pytest.fixture(autouse=True)
def _clear_cache():
    # Sign-in throttling counts failures in the cache, which outlives a test.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def agent(store):
    return MembershipFactory(store=store, role=Role.AGENT).user


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client


@pytest.fixture
def agent_client(client, agent):
    client.force_login(agent)
    return client
