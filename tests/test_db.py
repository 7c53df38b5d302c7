"""`insert_or_skip`: the idempotent insert of the webhook hot path, against PostgreSQL."""

import pytest
from django.db import transaction

from cartrecovery.db import JsonText, insert_or_skip
from stores.models import WebhookEvent

pytestmark = pytest.mark.django_db


def _fields(store, key: str, **changes) -> dict:
    return {
        "store": store,
        "source": "shopify",
        "key": key,
        "topic": "checkouts/update",
        "payload": {},
        **changes,
    }


def test_a_row_is_written_as_save_writes_it(store):
    row = insert_or_skip(WebhookEvent, _fields(store, "k1", payload={"token": "t", "total": 1.5}))

    stored = WebhookEvent.objects.get()
    assert row.pk == stored.pk
    assert stored.payload == {"token": "t", "total": 1.5}
    assert (stored.status, stored.error, stored.replay_key) == ("received", "", "")  # the model's defaults
    assert stored.received_at == row.received_at  # auto_now_add, set as save() sets it
    assert stored.claimed_at is None


def test_a_taken_key_is_skipped_without_breaking_the_callers_transaction(store):
    with transaction.atomic():
        assert insert_or_skip(WebhookEvent, _fields(store, "k1")) is not None

        assert insert_or_skip(WebhookEvent, _fields(store, "k1", topic="other")) is None

        # the transaction goes on: the next statement runs, and the first row stays as written
        assert WebhookEvent.objects.get(key="k1").topic == "checkouts/update"


def test_json_text_is_stored_as_given(store):
    insert_or_skip(WebhookEvent, _fields(store, "k1", payload=JsonText('{"a": [1, 2.50, "é"], "a2": null}')))

    assert WebhookEvent.objects.get().payload == {"a": [1, 2.5, "é"], "a2": None}
