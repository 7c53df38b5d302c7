"""Walk every store-scoped URL of the project as a member of store A, with store B's ids: never B's data.

New URL patterns are swept automatically; a new object id in a URL needs one line in OTHER_STORE_OBJECTS.
"""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from billing.models import Invoice
from stores.models import Role
from stores.services import api_token_create
from stores.team import invitation_create
from tests.conversations.factories import CannedResponseFactory, KeywordRuleFactory, ThreadFactory
from tests.flows.factories import StepFactory
from tests.stores.factories import MembershipFactory, StoreFactory

SECRET_MARK = "B-ONLY-7f3a9c"
PARAM = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")
METHODS = ("get", "post", "put", "patch", "delete")
# Webhooks are addressed by store id but authenticated by signature, not membership: tested in tests/stores.
NOT_MEMBERSHIP_SCOPED = ("webhooks/",)


def _patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


def _store_scoped_routes() -> list[str]:
    routes = [
        route
        for route in _patterns()
        if "<" in route and "store_id>" in route and not route.startswith(NOT_MEMBERSHIP_SCOPED)
    ]
    return sorted(set(routes))


@pytest.fixture
def store_b(db):
    store = StoreFactory(name=f"Store {SECRET_MARK}", help_text=SECRET_MARK)
    thread = ThreadFactory(store=store, customer__first_name=SECRET_MARK)
    today = timezone.localdate().replace(day=1)
    return {
        "store": store,
        "step_id": StepFactory(flow__store=store, templates={"en": SECRET_MARK}).id,
        "rule_id": KeywordRuleFactory(store=store, name=SECRET_MARK).id,
        "thread_id": thread.id,
        "canned_id": CannedResponseFactory(store=store, title=SECRET_MARK).id,
        "membership_id": MembershipFactory(store=store, role=Role.AGENT).id,
        "invitation_id": invitation_create(
            store=store,
            actor=MembershipFactory(store=store, role=Role.OWNER),
            email=f"{SECRET_MARK}@example.com",
            role=Role.AGENT,
        )[0].id,
        "invoice_id": Invoice.objects.create(
            store=store, period_start=today, period_end=today, currency="USD"
        ).id,
    }


def _path(route: str, *, store_id, objects: dict) -> str:
    def fill(match):
        name = match.group("name")
        if name == "store_id":
            return str(store_id)
        if name not in objects:
            raise AssertionError(f"{route}: add an object of another store for <{name}> to the sweep")
        return str(objects[name])

    return "/" + PARAM.sub(fill, route)


def _answers(client, path: str, **extra) -> dict[str, tuple[int, bytes]]:
    return {m: ((r := getattr(client, m)(path, **extra)).status_code, r.content) for m in METHODS}


def _client_for(client, user, route: str):
    if route.startswith("api/"):
        _, token = api_token_create(user=user)
        return {"HTTP_AUTHORIZATION": f"Token {token}"}
    client.force_login(user)
    return {}


@pytest.mark.django_db
def test_the_sweep_covers_the_api_and_the_pages():
    routes = _store_scoped_routes()

    assert any(r.startswith("api/v1/") for r in routes)
    assert any(r.startswith("dashboard/") for r in routes)
    assert any(r.startswith("inbox/") for r in routes)


@pytest.mark.django_db
@pytest.mark.parametrize("route", _store_scoped_routes())
def test_a_member_of_store_a_gets_404_for_store_b_urls(client, store, owner, store_b, route):
    # given: an owner of A, and B's store id and object ids in the URL
    extra = _client_for(client, owner, route)
    path = _path(route, store_id=store_b["store"].id, objects=store_b)

    # when
    answers = _answers(client, path, **extra)

    # then: 404 (405 where the view does not take the method), never B's data
    assert {status for status, _ in answers.values()} <= {404, 405}, (path, answers.keys())
    assert 404 in {status for status, _ in answers.values()}
    assert not any(SECRET_MARK.encode() in body for _, body in answers.values())


@pytest.mark.django_db
@pytest.mark.parametrize("route", [r for r in _store_scoped_routes() if PARAM.findall(r)[1:]])
def test_store_b_objects_are_404_under_store_a_urls(client, store, owner, store_b, route):
    # given: A's own store id (the caller is its owner) but B's object ids
    extra = _client_for(client, owner, route)
    path = _path(route, store_id=store.id, objects=store_b)

    # when
    answers = _answers(client, path, **extra)

    # then
    assert {status for status, _ in answers.values()} <= {404, 405}, (path, answers)
    assert not any(SECRET_MARK.encode() in body for _, body in answers.values())


MANAGER_ONLY = re.compile(r"^(dashboard/|api/v1/stores/<uuid:store_id>/(keyword-rules|flow|analytics))")


@pytest.mark.django_db
@pytest.mark.parametrize("route", [r for r in _store_scoped_routes() if MANAGER_ONLY.match(r)])
def test_an_agent_may_not_open_manager_pages_of_their_own_store(client, store, store_b, route):
    # given: an agent of A; object ids of B where the URL needs them (the role check comes first)
    agent = MembershipFactory(store=store, role=Role.AGENT).user
    extra = _client_for(client, agent, route)
    path = _path(route, store_id=store.id, objects=store_b)

    # when
    status = client.get(path, **extra).status_code

    # then
    assert status in (403, 404, 405)
