import json
from datetime import UTC

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from flows.dispatcher import nudge_dispatch_due


class Command(BaseCommand):
    help = (
        "Run one scheduler tick (the code Celery beat runs) as if the clock read --now, sending the texts "
        "before returning; prints how many were sent, deferred and skipped, with the reasons."
    )

    def add_arguments(self, parser):
        parser.add_argument("--now", help="ISO-8601 time to run the tick at (default: now).")
        parser.add_argument("--json", action="store_true", help="Print the report as one JSON object.")

    def handle(self, *args, **options):
        now = timezone.now()
        if options["now"]:
            now = parse_datetime(options["now"].strip().replace(" ", "T", 1))
            if now is None:
                raise CommandError(f"--now {options['now']!r} is not an ISO-8601 date and time.")
            if timezone.is_naive(now):
                now = now.replace(tzinfo=UTC)
        report = nudge_dispatch_due(now=now, deliver_inline=True)
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict()))
            return
        self.stdout.write(f"dispatch_due at {now.isoformat()}: {report.summary()}")
