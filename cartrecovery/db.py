"""The one idempotent insert: a row whose unique key may already exist (a repeated or simultaneous
delivery, a second worker) is inserted once, and the loser of the race gets the winner's row."""

from functools import cache

from django.db import IntegrityError, connection, transaction


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
    """A JSON document already serialised and known to parse (a webhook body as received): `insert_or_skip`
    stores it as it is instead of parsing the dict back into text."""


def insert_or_skip(model, fields: dict):
    """`insert_once` without `existing`, for a hot path: the row, or None when a unique key was taken.

    One `INSERT … ON CONFLICT DO NOTHING RETURNING id`, its values prepared by the model's fields as
    `save()` prepares them (defaults, `auto_now_add`, JSON), but without `save()`, its signals or the ORM's
    query compiler, which cost more CPU than the rest of a webhook delivery. Use it only for a model whose
    `save()` adds nothing. Like `insert_once`, it runs in a savepoint inside a transaction, so a value the
    database refuses (`DataError`) does not break the caller's.
    """
    if transaction.get_connection().in_atomic_block:
        with transaction.atomic():
            return _insert_or_skip(model, fields)
    return _insert_or_skip(model, fields)


def _insert_or_skip(model, fields: dict):
    row = model(
        **{name: str(value) if isinstance(value, JsonText) else value for name, value in fields.items()}
    )
    columns = _insert_columns(model)
    values = [
        getattr(row, field.attname)
        if isinstance(fields.get(field.name), JsonText)
        else field.get_db_prep_save(field.pre_save(row, True), connection)
        for field in columns
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
