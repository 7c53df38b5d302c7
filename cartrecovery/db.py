"""The one idempotent insert: a row whose unique key may already exist (a repeated or simultaneous
delivery, a second worker) is inserted once, and the loser of the race gets the winner's row."""

from django.db import IntegrityError, transaction


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
