"""Webhook payloads compressed with lz4 instead of pglz (issue 13).

A delivery's body (a Shopify checkout is about 5.5 kB as jsonb) is compressed when it is stored, in the
database backend serving the webhook INSERT, on the same cores as the web tier. pglz took 40-70 us more
of that backend's CPU per INSERT than lz4 (bench/README.md, `bench_ingest`), and the drain decompresses
each payload it reads. Only the column's setting changes (no rewrite): new rows use lz4, old ones are
read as they are. A server built without lz4 keeps pglz; SQLite has no such setting.
"""

from django.db import migrations

TABLE, COLUMN = "stores_webhookevent", "payload"


def _compression(method: str):
    def apply(apps, schema_editor) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(
            f"""
            DO $$
            BEGIN
                ALTER TABLE {TABLE} ALTER COLUMN {COLUMN} SET COMPRESSION {method};
            EXCEPTION WHEN feature_not_supported THEN
                RAISE NOTICE 'compression method {method} not available: {TABLE}.{COLUMN} keeps its own';
            END $$
            """
        )

    return apply


class Migration(migrations.Migration):
    dependencies = [
        ("stores", "0019_webhook_received_by_store"),
    ]

    operations = [migrations.RunPython(_compression("lz4"), _compression("DEFAULT"))]
