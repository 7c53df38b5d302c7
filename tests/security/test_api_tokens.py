"""API tokens and list sizes as an attacker meets them: tokens over HTTP, the tokens page, every role."""

import json
import re
from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from rest_framework.test import APIClient

from stores.models import Role
from stores.services import api_token_create
from tests.conversations.factories import KeywordRuleFactory, ThreadFactory
from tests.stores.factories import CustomerFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

TOKENS_PAGE = "/accounts/api-tokens/"
TOKEN_IN_PAGE = re.compile(r'id="new-token" type="text" readonly value="([0-9a-f]{64})"')


def _rules_url(store) -> str:
    return f"/api/v1/stores/{getattr(store, 'id', store)}/keyword-rules/"


def _threads_url(store) -> str:
    return f"/api/v1/stores/{store.id}/threads/"


def _api_status(token: str, url: str) -> int:
    return APIClient().get(url, HTTP_AUTHORIZATION=f"Token {token}").status_code


def _token_from_page(response) -> str:
    assert response.status_code == 201
    match = TOKEN_IN_PAGE.search(response.content.decode())
    assert match, "the new token is shown on the page"
    return match.group(1)


def _text_columns_holding(value: str) -> list[str]:
    """Every text column of every table that holds `value` anywhere: the token must be in none."""
    hits = []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = 'public' AND data_type IN ('text', 'character varying')"
        )
        for table, column in cursor.fetchall():
            cursor.execute(
                f'SELECT 1 FROM "{table}" WHERE POSITION(%s IN "{column}") > 0 LIMIT 1',  # noqa: S608 - names from the catalogue
                [value],
            )
            if cursor.fetchone():
                hits.append(f"{table}.{column}")
    return hits


@pytest.mark.parametrize("role", [Role.OWNER, Role.ADMIN, Role.AGENT])
def test_a_token_from_the_tokens_page_is_shown_once_works_and_is_stored_only_hashed(client, store, role):
    user = MembershipFactory(store=store, role=role).user
    client.force_login(user)

    token = _token_from_page(client.post(TOKENS_PAGE, {"action": "create"}))

    assert _api_status(token, _threads_url(store)) == 200
    assert token not in client.get(TOKENS_PAGE).content.decode()
    assert _text_columns_holding(token) == []
    assert _text_columns_holding(token[:40]) == []


def test_a_token_expires(owner, store, settings):
    _, token = api_token_create(user=owner)
    assert _api_status(token, _rules_url(store)) == 200

    with time_machine.travel(timezone.now() + timedelta(days=settings.API_TOKEN_TTL_DAYS, minutes=1)):
        assert _api_status(token, _rules_url(store)) == 401


def test_changing_the_password_revokes_every_token_of_that_login(client, owner, store):
    tokens = [api_token_create(user=owner)[1] for _ in range(2)]
    other = api_token_create(user=MembershipFactory(store=store, role=Role.ADMIN).user)[1]
    client.force_login(owner)

    response = client.post(
        "/accounts/password_change/",
        {
            "old_password": "pw-for-tests",
            "new_password1": "a-new-long-pass-9",
            "new_password2": "a-new-long-pass-9",
        },
    )

    assert response.status_code == 302
    assert [_api_status(token, _rules_url(store)) for token in tokens] == [401, 401]
    assert _api_status(other, _rules_url(store)) == 200


def test_rotating_a_token_replaces_it(client, owner, store):
    client.force_login(owner)
    old = _token_from_page(client.post(TOKENS_PAGE, {"action": "create"}))

    new = _token_from_page(client.post(TOKENS_PAGE, {"action": "rotate", "token_key": old[:15]}))

    assert new != old
    assert _api_status(old, _rules_url(store)) == 401
    assert _api_status(new, _rules_url(store)) == 200


def test_revoking_a_token_ends_it(client, owner, store):
    client.force_login(owner)
    token = _token_from_page(client.post(TOKENS_PAGE, {"action": "create"}))

    client.post(TOKENS_PAGE, {"action": "revoke", "token_key": token[:15]})

    assert _api_status(token, _rules_url(store)) == 401


@pytest.mark.parametrize("action", ["revoke", "rotate"])
def test_nobody_can_revoke_or_rotate_another_logins_token(client, owner, store, other_store, action):
    _, victim_token = api_token_create(user=owner)
    attacker = MembershipFactory(store=other_store, role=Role.OWNER).user
    client.force_login(attacker)

    response = client.post(TOKENS_PAGE, {"action": action, "token_key": victim_token[:15]})

    assert response.status_code == 404
    assert _api_status(victim_token, _rules_url(store)) == 200


def test_the_tokens_page_needs_a_sign_in(client):
    response = client.post(TOKENS_PAGE, {"action": "create"})

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_guessed_or_malformed_token_is_refused(store):
    for guess in ["0" * 64, "not-hex-at-all", "a" * 15, ""]:
        assert _api_status(guess, _rules_url(store)) == 401


def _seed_json() -> dict:
    out = StringIO()
    call_command("seed_demo", "--json", stdout=out)
    return json.loads(out.getvalue())


def test_seed_demo_prints_a_working_token_every_time():
    first, second = _seed_json(), _seed_json()
    store_id = first["store_id"]

    assert first["api_token"] != second["api_token"]
    assert _api_status(first["api_token"], _rules_url(store_id)) == 200
    assert _api_status(second["api_token"], _rules_url(store_id)) == 200


# --- every list endpoint has a maximum page size ------------------------------------------------------

MAX_PAGE = 100
SEEDED_LISTS = {
    "api/v1/stores/<store_id>/customers/",
    "api/v1/stores/<store_id>/keyword-rules/",
    "api/v1/stores/<store_id>/threads/",
}


def _routes(resolver=None, prefix=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            yield from _routes(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


def _store_collection_routes() -> list[str]:
    # A collection is addressed by the store alone; an object route carries its own id as well.
    routes = {re.sub(r"<(\w+:)?store_id>", "<store_id>", route) for route in _routes()}
    return sorted(r for r in routes if r.startswith("api/") and re.fullmatch(r"[^<]*<store_id>/[\w-]+/", r))


def test_every_list_endpoint_answers_at_most_a_maximum_page_whatever_limit_asks(store, owner):
    # given more rows than a page in every list of the store
    for n in range(MAX_PAGE + 5):
        thread = ThreadFactory(store=store, customer=CustomerFactory(store=store))
        KeywordRuleFactory(store=store, name=f"rule {n}", keywords=[f"kw{n}"])
        assert thread.customer.store_id == store.id
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token_create(user=owner)[1]}")

    # when each collection is asked for a million rows
    lists, sizes = set(), {}
    for route in _store_collection_routes():
        response = client.get("/" + route.replace("<store_id>", str(store.id)), {"limit": 1_000_000})
        body = response.json() if response.status_code == 200 else {}
        if isinstance(body, dict) and "results" in body:
            lists.add(route)
            sizes[route] = (len(body["results"]), body["count"], bool(body["next"]))

    # then every list is cut to the maximum page, with a link to the next one
    assert lists == SEEDED_LISTS, "a new list endpoint: seed more rows than a page for it above"
    assert all(size == (MAX_PAGE, MAX_PAGE + 5, True) for size in sizes.values()), sizes


def test_an_agent_listing_threads_is_capped_too(store):
    agent = MembershipFactory(store=store, role=Role.AGENT).user
    for _ in range(MAX_PAGE + 1):
        ThreadFactory(store=store, customer=CustomerFactory(store=store))
    _, token = api_token_create(user=agent)

    body = APIClient().get(_threads_url(store), {"limit": 500}, HTTP_AUTHORIZATION=f"Token {token}").json()

    assert len(body["results"]) == MAX_PAGE


def test_a_user_without_a_store_gets_no_data_with_a_valid_token(store):
    _, token = api_token_create(user=UserFactory())

    assert _api_status(token, _rules_url(store)) == 404
