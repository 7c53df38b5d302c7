# The other half of conversations 0005: flows forgets KeywordRule in Django's state; the table stays.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("flows", "0001_initial"),
        ("conversations", "0005_keywordrule_from_flows"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="KeywordRule")],
            database_operations=[],
        ),
    ]
