import json
from datetime import UTC, timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from flows.dispatcher import nudge_dispatch_dry_run, nudge_dispatch_due

# A --now this far ahead is clock skew or a typo, not a decision to send early.
FUTURE_SLACK = timedelta(minutes=1)


class Command(BaseCommand):
    help = (
        "Run one scheduler tick (the code Celery beat runs) as if the clock read --now, sending the texts "
        "before returning; prints how many were sent, deferred and skipped, with the reasons. "
        "--dry-run prints the same decisions and sends nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--now", help="ISO-8601 time to run the tick at (default: now).")
        parser.add_argument("--json", action="store_true", help="Print the report as one JSON object.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Decide only: nothing is sent, saved or queued."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Allow a future --now under the production settings: texts held for the shopper's "
            "night would go out now.",
        )

    def handle(self, *args, **options):
        now = self._now(options["now"])
        future = now > timezone.now() + FUTURE_SLACK
        if future and settings.REAL_SHOPPERS and not options["dry_run"] and not options["force"]:
            raise CommandError(
                f"--now {now.isoformat()} is in the future: texts held for shoppers' quiet hours would "
                "really go out now. Add --dry-run to see the decisions, or --force to send them."
            )
        if options["dry_run"]:
            report = nudge_dispatch_dry_run(now=now)
        else:
            report = nudge_dispatch_due(now=now, deliver_inline=True)
        if options["json"]:
            self.stdout.write(json.dumps({**report.as_dict(), "dry_run": options["dry_run"]}))
            return
        label = "dispatch_due --dry-run (nothing sent)" if options["dry_run"] else "dispatch_due"
        self.stdout.write(f"{label} at {now.isoformat()}: {report.summary()}")

    def _now(self, raw: str | None):
        if not raw:
            return timezone.now()
        now = parse_datetime(raw.strip().replace(" ", "T", 1))
        if now is None:
            raise CommandError(f"--now {raw!r} is not an ISO-8601 date and time.")
        return now.replace(tzinfo=UTC) if timezone.is_naive(now) else now
