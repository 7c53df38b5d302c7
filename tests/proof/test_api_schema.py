"""Schemathesis over the published OpenAPI document: the management API never answers 5xx, whatever comes.

The document is fetched from `/api/schema/` through the real WSGI app; requests carry a real owner token and
(since an unknown store is a 404 before any input is read) the store id of the owner's store.
"""

import contextlib

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from stores.services import api_token_create
from tests.conversations.factories import KeywordRuleFactory, OutboundMessageFactory
from tests.stores.factories import CustomerFactory


@pytest.fixture
def management_api(db):
    # As Django's test client does: the app must not close the test's connection (and its transaction).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application()).include(
            path_regex=r"^/api/v1/"
        )
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture
def owner_token(owner) -> str:
    return api_token_create(user=owner)[1]


@pytest.fixture
def real_ids(store) -> dict[str, str]:
    """Something for every list to return and for every detail and update to touch."""
    customer = CustomerFactory(store=store)
    rule = KeywordRuleFactory(store=store)
    message = OutboundMessageFactory(store=store, thread__store=store, thread__customer=customer)
    return {"store_id": str(store.id), "rule_id": str(rule.id), "thread_id": str(message.thread_id)}


# schemathesis' own pytest integration (from_fixture) fails on pytest 9 ("no attribute _nodeid"), so each
# operation's strategy is driven by hypothesis directly: every operation, valid and invalid input.
EXAMPLES = settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)


def test_management_api_never_answers_5xx(management_api, real_ids, owner_token):
    operations = [result.ok() for result in management_api.get_all_operations()]
    assert len(operations) >= 8, [f"{op.method} {op.path}" for op in operations]

    for operation in operations:
        # Unknown ids are a 404 before any input is read: valid cases aim at real objects.
        _never_a_server_error(operation, GenerationMode.POSITIVE, pinned=real_ids, token=owner_token)
        # An operation whose every input is valid (no parameters, no body) has no negative cases.
        with contextlib.suppress(Unsatisfiable):
            negative_pins = {"store_id": real_ids["store_id"]}
            _never_a_server_error(operation, GenerationMode.NEGATIVE, pinned=negative_pins, token=owner_token)


def _never_a_server_error(operation, mode: GenerationMode, *, pinned: dict[str, str], token: str) -> None:
    @EXAMPLES
    @given(case=operation.as_strategy(generation_mode=mode))
    def answers_without_a_server_error(case):
        for name in set(case.path_parameters or {}) & set(pinned):
            case.path_parameters[name] = pinned[name]

        response = case.call(headers={"Authorization": f"Token {token}"})

        case.validate_response(response, checks=[not_a_server_error])

    answers_without_a_server_error()
