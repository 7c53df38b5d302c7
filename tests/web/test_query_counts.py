"""List pages cost the same number of queries with 1 row as with 5 (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stores.models import Role
from tests.stores.factories import ConsentEventFactory, MembershipFactory
from tests.web.factories import KeywordRuleFactory

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


ROW_MAKERS = {
    "dashboard:consent": lambda store: ConsentEventFactory(store=store),
    "dashboard:rules": lambda store: KeywordRuleFactory(store=store),
    "dashboard:team": lambda store: MembershipFactory(store=store, role=Role.AGENT),
}


@pytest.mark.parametrize("name", sorted(ROW_MAKERS))
def test_list_page_query_count_does_not_grow_with_rows(owner_client, store, name):
    url = reverse(name, kwargs={"store_id": store.id})
    ROW_MAKERS[name](store)
    with_one = _queries(owner_client, url)

    for _ in range(4):
        ROW_MAKERS[name](store)
    with_five = _queries(owner_client, url)

    assert with_five == with_one
