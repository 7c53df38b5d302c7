import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from conversations.sms import locmem
from tests.stores.factories import MembershipFactory, StoreFactory

pytest_plugins = ["tests.browser"]


@pytest.fixture(autouse=True)
def _empty_sms_outbox():
    locmem.outbox.clear()
    yield
    locmem.outbox.clear()


@pytest.fixture
def sms_outbox():
    return locmem.outbox


@pytest.fixture
def store(db):
    return StoreFactory()


@pytest.fixture
def owner(store):
    return MembershipFactory(store=store).user


@pytest.fixture
def api_client(owner):
    """An API client authenticated as an owner of `store`, with a real DRF token."""
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=owner)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def other_store(db):
    return StoreFactory(name="Another Store")
