"""A sender belongs to one store: at most one store per number and per Messaging Service SID.

Existing duplicates are settled before the constraints are added, so the migration runs on any data:
the oldest holder keeps the sender (inbound routing already chose it, so no reply changes course) and the
later ones lose it, each named in the migration's output so the operator can tell those merchants.
Messaging Service SIDs are compared as Twilio writes them ("MG" + lower-case hex).
"""

import re

from django.db import migrations, models

_SID = re.compile(r"^mg([0-9a-f]{32})$")


def _normalised_sid(raw: str) -> str:
    match = _SID.match((raw or "").strip().lower())
    return "MG" + match[1] if match else (raw or "").strip()


def settle_duplicate_senders(apps, schema_editor):
    Store = apps.get_model("stores", "Store")
    held_numbers: set[str] = set()
    held_services: set[str] = set()
    for store in Store.objects.order_by("created_at", "id").iterator():
        changed = []
        sid = _normalised_sid(store.messaging_service_sid)
        if sid != store.messaging_service_sid:
            store.messaging_service_sid = sid
            changed.append("messaging_service_sid")
        number = str(store.sms_number or "")
        if number and number in held_numbers:
            print(f"\n  store {store.id}: sender number {number} is another store's; cleared")  # noqa: T201
            store.sms_number = ""
            changed.append("sms_number")
        if sid and sid in held_services:
            print(f"\n  store {store.id}: Messaging Service {sid} is another store's; cleared")  # noqa: T201
            store.messaging_service_sid = ""
            changed.append("messaging_service_sid")
        held_numbers.add(number)
        held_services.add(sid)
        if changed:
            store.save(update_fields=sorted(set(changed)))


class Migration(migrations.Migration):
    dependencies = [("stores", "0004_order_token_indexes")]

    operations = [
        migrations.RunPython(settle_duplicate_senders, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="store",
            constraint=models.UniqueConstraint(
                condition=models.Q(("sms_number", ""), _negated=True),
                fields=("sms_number",),
                name="store_unique_sms_number",
            ),
        ),
        migrations.AddConstraint(
            model_name="store",
            constraint=models.UniqueConstraint(
                condition=models.Q(("messaging_service_sid", ""), _negated=True),
                fields=("messaging_service_sid",),
                name="store_unique_messaging_service_sid",
            ),
        ),
    ]
