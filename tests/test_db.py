"""`insert_or_skip` and `insert_many`: the plain inserts of the webhook hot path, against PostgreSQL."""

import pytest
from django.db import IntegrityError, transaction

from cartrecovery.db import JsonText, insert_many, insert_or_skip, update_many
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


def test_a_webhook_body_is_compressed_with_lz4_and_reads_back_whole(store):
    from django.db import connection

    from tests.fixtures import load

    body = load("shopify_checkouts_update.json")  # about 5.5 kB as jsonb: over the 2 kB TOAST threshold
    row = insert_or_skip(WebhookEvent, _fields(store, "k1", payload=body))

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_column_compression(payload) FROM stores_webhookevent WHERE id = %s", [row.pk]
        )
        assert cursor.fetchone() == ("lz4",)  # stores/migrations/0020
    assert WebhookEvent.objects.get().payload == body


def _rows(store):
    from decimal import Decimal

    from django.utils import timezone

    from stores.models import Cart, ConsentEvent, Customer

    at = timezone.now().replace(microsecond=123456)
    customer = Customer(store=store, phone="+12125550123", first_name="Zoë 'O%s", email="")
    cart = Cart(
        store=store, external_id="x'1", currency="USD", subtotal=Decimal("12.50"), last_activity_at=at
    )
    event = ConsentEvent(
        store=store, kind="granted", source="shopify_checkout", occurred_at=at, ip_address="192.0.2.1",
        evidence={"checkout": "x'1", "n": [1, None]}, dedupe_key="k%s",
    )  # fmt: skip
    return customer, cart, event


def test_insert_many_writes_what_bulk_create_writes(store):
    from stores.models import Cart, ConsentEvent, Customer

    def stored(model, pk):
        return {
            f.attname: getattr(model.objects.get(pk=pk), f.attname)
            for f in model._meta.concrete_fields
            if f.attname not in ("id", "created_at", "updated_at", "customer_id")
        }

    ours, theirs = _rows(store), _rows(store)
    theirs[1].external_id, theirs[2].dedupe_key = "x'2", "k2"
    theirs[0].phone = "+12125550124"
    for model, mine, other in zip((Customer, Cart, ConsentEvent), ours, theirs, strict=True):
        if model is not Customer:
            mine.customer, other.customer = ours[0], theirs[0]
        [written] = insert_many(model, [mine])
        model.objects.bulk_create([other])
        assert written.pk is not None
        assert written._state.adding is False
        mine_row, other_row = stored(model, written.pk), stored(model, other.pk)
        for name in ("external_id", "dedupe_key", "phone"):
            mine_row.pop(name, None), other_row.pop(name, None)
        assert mine_row == other_row
    assert str(Customer.objects.get(pk=ours[0].pk).phone) == "+12125550123"
    assert Cart.objects.get(pk=ours[1].pk).customer_id == ours[0].pk
    assert ours[1].created_at is not None  # auto_now_add set on the instance, as save() sets it


def test_insert_many_raises_on_a_taken_key(store):
    from stores.models import Cart

    insert_many(Cart, [_rows(store)[1]])
    with pytest.raises(IntegrityError), transaction.atomic():
        insert_many(Cart, [_rows(store)[1]])


def test_update_many_writes_the_fields_as_they_stand(store):
    from decimal import Decimal

    from stores.models import Cart, Customer

    customer, cart, _ = _rows(store)
    insert_many(Customer, [customer])
    other = Cart(store=store, external_id="y", currency="USD", last_activity_at=cart.last_activity_at)
    insert_many(Cart, [cart, other])
    cart.customer, cart.subtotal, cart.first_name, cart.status = (
        customer,
        Decimal("3.10"),
        "Ann 'x' %s",
        "expired",
    )
    other.email, other.phone_raw = "b@example.com", ""

    update_many(Cart, [cart, other], ["customer", "subtotal", "first_name", "status", "email", "phone_raw"])

    stored = Cart.objects.get(pk=cart.pk)
    assert (stored.customer_id, stored.subtotal, stored.first_name, stored.status) == (
        customer.pk, Decimal("3.10"), "Ann 'x' %s", "expired",
    )  # fmt: skip
    assert Cart.objects.get(pk=other.pk).email == "b@example.com"


def test_insert_many_ignoring_conflicts_skips_taken_keys_and_writes_the_rest(store):
    from stores.models import Cart

    first = _rows(store)[1]
    insert_many(Cart, [first])
    taken, new = _rows(store)[1], _rows(store)[1]
    taken.first_name, new.external_id = "not written", "x'2"

    with transaction.atomic():
        returned = insert_many(Cart, [taken, new], ignore_conflicts=True)
        # the caller's transaction goes on: the next statement runs
        assert Cart.objects.count() == 2

    assert returned == [taken, new]
    assert Cart.objects.get(external_id="x'1").pk == first.pk
    assert Cart.objects.get(external_id="x'1").first_name == ""  # the row already there is left as it was
    assert Cart.objects.filter(external_id="x'2").exists()
    # as bulk_create(ignore_conflicts=True) leaves them: which rows were written is unknown, so no pk
    assert (taken.pk, new.pk) == (None, None)
    assert taken._state.adding
    assert new._state.adding


def test_insert_many_stores_json_text_as_given(store):
    from stores.models import EvidenceLink

    def link(position: int, content) -> EvidenceLink:
        return EvidenceLink(
            store=store, position=position, kind="text", content=content, prev_hash="", hash=str(position)
        )

    text = JsonText('{"a":[1,2.50,"é"],"a2":null,"q":"it\'s 100%"}')
    insert_many(EvidenceLink, [link(1, text), link(2, {"a": [1, 2.5, "é"], "a2": None, "q": "it's 100%"})])

    first, second = EvidenceLink.objects.order_by("position")
    assert first.content == second.content == {"a": [1, 2.5, "é"], "a2": None, "q": "it's 100%"}


def test_insert_many_writes_choices_and_datetimes_as_bulk_create_writes_them(store):
    from datetime import UTC, datetime

    from conversations.models import Thread
    from stores.models import Customer

    customers = [Customer(store=store, phone=f"+1212555012{i}") for i in range(2)]
    insert_many(Customer, customers)

    def thread(customer) -> Thread:
        # A TextChoices member and aware datetimes, as the services set them; None in a nullable one.
        return Thread(
            store=store, customer=customer, status=Thread.Status.ESCALATED,
            escalated_at=datetime(2026, 3, 4, 17, 0, 0, 123456, tzinfo=UTC), last_message_at=None,
        )  # fmt: skip

    [ours] = insert_many(Thread, [thread(customers[0])])
    [theirs] = Thread.objects.bulk_create([thread(customers[1])])

    def stored(pk) -> dict:
        row = Thread.objects.values().get(pk=pk)
        return {k: v for k, v in row.items() if k not in ("id", "customer_id", "created_at", "updated_at")}

    assert stored(ours.pk) == stored(theirs.pk)
    assert stored(ours.pk)["status"] == "escalated"
    assert stored(ours.pk)["escalated_at"] == datetime(2026, 3, 4, 17, 0, 0, 123456, tzinfo=UTC)
