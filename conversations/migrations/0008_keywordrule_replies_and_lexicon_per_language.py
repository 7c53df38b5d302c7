# A keyword rule's reply in other languages and its own words per language (the rule moved here from flows;
# its table is still flows_keywordrule).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("conversations", "0007_message_language_note"),
    ]

    operations = [
        migrations.AddField(
            model_name="keywordrule",
            name="replies",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.AddField(
            model_name="keywordrule",
            name="lexicon",
            field=models.JSONField(blank=True, default=dict),
        ),
    ]
