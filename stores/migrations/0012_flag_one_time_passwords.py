"""Logins made by the old invitation flow had a one-time password that the inviter saw and passed on; many
were never changed. Those never used since (no sign-in yet, a member of some real store) are marked: at
their first sign-in they must choose their own password before any other page.

A one-time password that was used but never changed cannot be told apart from a chosen one, so those are
left alone (see docs/security.md).
"""

import hashlib
import secrets

from django.db import migrations
from django.utils import timezone


def flag_unused_one_time_passwords(apps, schema_editor):
    membership_model = apps.get_model("stores", "Membership")
    invitation_model = apps.get_model("stores", "Invitation")
    now = timezone.now()
    unused = (
        membership_model.objects.filter(user__last_login__isnull=True, store__is_demo=False)
        .select_related("user")
        .order_by("user_id", "created_at")
    )
    seen = set()
    for membership in unused:
        # A password starting with "!" is unusable: nobody knows it, so nobody has seen it.
        if membership.user_id in seen or membership.user.password.startswith("!"):
            continue
        seen.add(membership.user_id)
        invitation_model.objects.create(
            store_id=membership.store_id,
            email=membership.user.username.lower(),
            role=membership.role,
            # No link ever opens this record: it only stands for how the login was made.
            token_digest=hashlib.sha256(secrets.token_bytes(32)).hexdigest(),
            status="accepted",
            user_id=membership.user_id,
            password_change_required=True,
            expires_at=now,
            answered_at=now,
        )


class Migration(migrations.Migration):
    dependencies = [("stores", "0011_invitation")]

    operations = [migrations.RunPython(flag_unused_one_time_passwords, migrations.RunPython.noop)]
