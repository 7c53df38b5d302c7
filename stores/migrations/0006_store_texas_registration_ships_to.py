from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("stores", "0005_store_sender_unique")]

    operations = [
        migrations.AddField(
            model_name="store",
            name="texas_registration",
            field=models.CharField(
                blank=True,
                choices=[("registered", "Registered"), ("exempt", "Exempt")],
                default=None,
                max_length=12,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="store",
            name="ships_to",
            field=models.JSONField(blank=True, default=list, help_text="ISO 3166-1 alpha-2 country codes."),
        ),
    ]
