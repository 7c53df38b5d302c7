# Keyword rules are the reply router's: the model moves from flows to conversations in Django's state only.
# The table keeps its name (flows_keywordrule) and every row; nothing runs against the database.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("conversations", "0004_message_unsent_idx"),
        ("flows", "0001_initial"),
        ("stores", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="KeywordRule",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("name", models.CharField(max_length=120)),
                        ("keywords", models.JSONField(default=list)),
                        ("reply", models.TextField()),
                        ("priority", models.IntegerField(default=100, help_text="Lower runs first.")),
                        ("is_active", models.BooleanField(default=True)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        (
                            "store",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="stores.store",
                            ),
                        ),
                    ],
                    options={"db_table": "flows_keywordrule", "ordering": ["priority", "id"]},
                ),
                migrations.AlterField(
                    model_name="message",
                    name="rule",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="conversations.keywordrule",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
