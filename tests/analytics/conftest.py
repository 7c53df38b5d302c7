import pytest


@pytest.fixture
def owner_client(client, owner):
    """A signed-in browser session of an owner of `store` (the dashboard pages)."""
    client.force_login(owner)
    return client
