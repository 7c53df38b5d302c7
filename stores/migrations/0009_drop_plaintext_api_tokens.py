"""API tokens moved from DRF's authtoken (kept in plain text) to django-rest-knox (kept as digests).

The old tokens are not carried over. Knox could be handed their digests, but they sat in plain text in the
database (and in every backup of it) with no expiry, so they are treated as exposed: they stop working, and
this drops their table so the plain copies do not linger. Owners mint new tokens on the "API tokens" page
(`/accounts/api-tokens/`); `seed_demo` prints a fresh one for the demo owner.
"""

from django.db import migrations


def drop_authtoken_table(apps, schema_editor):
    schema_editor.execute("DROP TABLE IF EXISTS authtoken_token")


class Migration(migrations.Migration):
    dependencies = [("stores", "0008_customer_snooze")]

    operations = [migrations.RunPython(drop_authtoken_table, migrations.RunPython.noop, elidable=True)]
