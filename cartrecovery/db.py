"""The one idempotent insert: a row whose unique key may already exist (a repeated or simultaneous
delivery, a second worker) is inserted once, and the loser of the race gets the winner's row. And the
hot paths' plain inserts: one row (`insert_or_skip`) or many (`insert_many`) without the ORM's compiler."""

import uuid
from datetime import datetime
from decimal import Decimal
from functools import cache

from django.db import IntegrityError, connection, transaction
from django.db.models import JSONField
from django.utils import timezone
from psycopg.adapt import Transformer
from psycopg.types.json import Jsonb


def insert_once(model, fields: dict, *, existing: dict | None = None):
    """INSERT `fields`; returns (row, True), or (the row matching `existing`, False) when the unique key was
    taken, or (None, False) without `existing`.

    Outside a transaction the INSERT is its own (one round trip instead of BEGIN, INSERT, COMMIT): it is
    committed when it returns, so on_commit callbacks run at once. Inside one, a savepoint keeps a
    duplicate key from breaking the caller's transaction.
    """
    try:
        if transaction.get_connection().in_atomic_block:
            with transaction.atomic():
                return model.objects.create(**fields), True
        return model.objects.create(**fields), True
    except IntegrityError:
        if existing is None:
            return None, False
        return model.objects.get(**existing), False


class JsonText(str):
    """A JSON document already serialised and known to parse (a webhook body as received, an evidence link's
    hashed text): `insert_or_skip` and `insert_many` store it as it is instead of serialising a dict again."""


def insert_or_skip(model, fields: dict):
    """`insert_once` without `existing`, for a hot path: the row, or None when a unique key was taken.

    One `INSERT … ON CONFLICT DO NOTHING RETURNING id`, its values prepared by the model's fields as
    `save()` prepares them (defaults, `auto_now_add`, JSON; a plain value passed as it is, as `insert_many`
    passes it), but without `save()`, its signals or the ORM's query compiler, which cost more CPU than the
    rest of a webhook delivery. Use it only for a model whose `save()` adds nothing. Like `insert_once`, it
    runs in a savepoint inside a transaction, so a value the database refuses (`DataError`) does not break
    the caller's.
    """
    if transaction.get_connection().in_atomic_block:
        with transaction.atomic():
            return _insert_or_skip(model, fields)
    return _insert_or_skip(model, fields)


def _insert_or_skip(model, fields: dict):
    row = model(
        **{name: str(value) if isinstance(value, JsonText) else value for name, value in fields.items()}
    )
    now = timezone.now()
    values = [
        getattr(row, field.attname) if isinstance(fields.get(field.name), JsonText) else prep(row, now)
        for field, prep in zip(_insert_columns(model), _column_preps(model), strict=True)
    ]
    with connection.cursor() as cursor:
        cursor.execute(_insert_sql(model), values)
        inserted = cursor.fetchone()
    if inserted is None:
        return None
    row.pk = inserted[0]
    row._state.adding, row._state.db = False, connection.alias
    return row


@cache
def _insert_columns(model) -> tuple:
    if not model._meta.pk.db_returning:
        raise TypeError(f"{model.__name__}: insert_or_skip needs a primary key the database assigns.")
    return tuple(field for field in model._meta.concrete_fields if not field.primary_key)


@cache
def _insert_sql(model) -> str:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in _insert_columns(model))
    placeholders = ", ".join(["%s"] * len(_insert_columns(model)))
    return (
        f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders}) "  # noqa: S608 - names
        f"ON CONFLICT DO NOTHING RETURNING {quote(model._meta.pk.column)}"
    )


def insert_many(model, rows: list, *, ignore_conflicts: bool = False) -> list:
    """`bulk_create` for a hot path: model instances built but not saved (their related objects saved
    first) inserted by one multi-row `INSERT … VALUES … RETURNING` per chunk, their primary keys set.

    The values are those `insert_or_skip` sends (`field.pre_save`, then `get_db_prep_save`), but a value a
    stock field would pass on unchanged (a str for a text column, an int, a UUID, a Decimal, an aware
    datetime) is sent as it is, `auto_now` fields take one instant for the call, and no query compiler
    runs. The statement is written with psycopg's own literals (what Django's client-side binding does for
    every query) but not parsed again for placeholders: Django's `bulk_create` prepared every value through
    its field and quoted each column as an array in Python, and a long placeholder list costs as much to
    split. A JSON field holding a `JsonText` stores that text as it is. Like `bulk_create`: no `save()`, no
    signals, and a unique key already taken raises `IntegrityError`; with `ignore_conflicts`, the rows
    whose key was taken are skipped (`ON CONFLICT DO NOTHING`) and, as `bulk_create` leaves them, no row
    gets its primary key (the statement cannot tell which were written).
    """
    if not rows:
        return rows
    preps = _column_preps(model)
    literal = Transformer.from_context(connection.connection).as_literal
    now = timezone.now()
    tail = "ON CONFLICT DO NOTHING" if ignore_conflicts else f"RETURNING {_pk_column(model)}"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), _CHUNK):
            chunk = rows[start : start + _CHUNK]
            values = b"), (".join(b", ".join([literal(prep(row, now)) for prep in preps]) for row in chunk)
            cursor.execute(f"{_insert_head(model)} ({values.decode()}) {tail}")
            if ignore_conflicts:
                continue
            for row, (pk,) in zip(chunk, cursor.fetchall(), strict=True):
                row.pk = pk
                row._state.adding, row._state.db = False, connection.alias
    return rows


_CHUNK = 2000


def update_many(model, rows: list, fields: list[str]) -> None:
    """`bulk_update` for a hot path: these fields of saved instances, written as they stand on them (no
    `auto_now`: set it yourself, as for `bulk_update`), by one `UPDATE … FROM (VALUES …)` per chunk.

    `bulk_update` builds a `CASE WHEN` per field and row through the ORM's expressions, which costs more
    CPU than the rest of a checkout update; the values here are prepared as `insert_many` prepares them.
    """
    if not rows:
        return
    meta = model._meta
    columns = [meta.pk] + [meta.get_field(name) for name in fields]
    preps = [_column_prep(field, stamp=False) for field in columns]
    quote = connection.ops.quote_name
    names = ", ".join(quote(field.column) for field in columns)
    sets = ", ".join(
        f"{quote(field.column)} = v.{quote(field.column)}::{field.cast_db_type(connection)}"
        for field in columns[1:]
    )
    pk = quote(meta.pk.column)
    table = quote(meta.db_table)
    literal = Transformer.from_context(connection.connection).as_literal
    with connection.cursor() as cursor:
        for start in range(0, len(rows), _CHUNK):
            chunk = rows[start : start + _CHUNK]
            values = b"), (".join(b", ".join([literal(prep(row, None)) for prep in preps]) for row in chunk)
            cursor.execute(
                f"UPDATE {table} SET {sets} FROM (VALUES ({values.decode()})) AS v ({names}) "  # noqa: S608 - names
                f"WHERE {table}.{pk} = v.{pk}::{meta.pk.cast_db_type(connection)}"
            )


def _aware(value) -> bool:
    return value.tzinfo is not None


def _plain_kinds() -> dict:
    from django.db import models

    text, number = ((str, None),), ((int, None),)
    return {
        models.CharField: text,
        models.TextField: text,
        models.EmailField: text,
        models.URLField: text,
        models.SlugField: text,
        models.IntegerField: number,
        models.BigIntegerField: number,
        models.SmallIntegerField: number,
        models.PositiveIntegerField: number,
        models.PositiveBigIntegerField: number,
        models.PositiveSmallIntegerField: number,
        models.AutoField: number,
        models.BigAutoField: number,
        models.BooleanField: ((bool, None),),
        models.UUIDField: ((uuid.UUID, None),),
        models.DecimalField: ((Decimal, None),),
        models.DateTimeField: ((datetime, _aware),),
    }


def _column_prep(field, *, stamp: bool = True):
    """How one column's value is read off an instance and prepared for the database (`stamp`: an
    `auto_now` field takes the insert's instant, as `pre_save` sets it on a new row)."""

    def prepared(row, now):
        if not stamp:
            return field.get_db_prep_save(getattr(row, field.attname), connection)
        return field.get_db_prep_save(field.pre_save(row, True), connection)

    stamps = stamp and (getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False))
    if stamps and field.get_internal_type() == "DateTimeField":
        attname = field.attname

        def stamped(row, now):
            setattr(row, attname, now)  # what `pre_save` does, with the call's one instant
            return now

        return stamped
    target = field.target_field if field.is_relation else field
    if isinstance(field, JSONField) and not stamps and type(field).pre_save in _stock_pre_saves():
        return _json_text_or(prepared, field.attname)
    kinds = dict(_plain_kinds().get(type(target), ()))
    if stamps or not kinds or type(field).pre_save not in _stock_pre_saves():
        return prepared
    attname = field.attname
    text = str in kinds

    def plain_or_prepared(row, now):
        value = getattr(row, attname)
        if value is None:
            return None
        kind = type(value)
        if kind in kinds and (kinds[kind] is None or kinds[kind](value)):
            return value
        if text and isinstance(value, str):
            return value  # a str subclass (a TextChoices member): a stock text field passes it on as it is
        return prepared(row, now)

    return plain_or_prepared


def _json_text_or(prepared, attname: str):
    """A JSON column's value: a `JsonText` as it is (already serialised), anything else `prepared`."""

    def json_text_or_prepared(row, now):
        value = getattr(row, attname)
        if isinstance(value, JsonText):
            return Jsonb(value, dumps=str)
        return prepared(row, now)

    return json_text_or_prepared


def _stock_pre_saves() -> tuple:
    """`pre_save` methods that only read the attribute (but for `auto_now`, handled before)."""
    from django.db.models import DateField, DateTimeField, Field

    return (Field.pre_save, DateField.pre_save, DateTimeField.pre_save)


@cache
def _column_preps(model) -> tuple:  # for inserts
    return tuple(_column_prep(field) for field in _insert_columns(model))


@cache
def _insert_head(model) -> str:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in _insert_columns(model))
    return f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES"


@cache
def _pk_column(model) -> str:
    return connection.ops.quote_name(model._meta.pk.column)
