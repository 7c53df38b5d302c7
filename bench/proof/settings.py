"""The bench settings, with the failure windows shortened so a proof finishes in minutes."""

from datetime import timedelta

from bench.settings import *  # noqa: F403

# A 2 s stall at the provider must become an ambiguous timeout, so reconciliation is exercised.
TWILIO_HTTP_TIMEOUT = 1.0
# A killed worker's unacknowledged tasks come back after this long instead of 15 min. Retries waiting longer
# are handed out again meanwhile, as extra copies: every task must stay idempotent under that too. Kombu
# looks for such tasks every 10 × 10 s by default; every 10 s here.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 20, "unacked_restore_throttle": 1}
# Texts whose task was lost (a Redis restart) are queued again after 30 s instead of 15 min, and a text a
# dead worker left `sending` is taken over after 15 s instead of 2 min: still far longer than one send here.
SMS_REQUEUE_PENDING_AFTER = timedelta(seconds=30)
SMS_STALE_SENDING = timedelta(seconds=15)
CELERY_BEAT_SCHEDULE = {
    **CELERY_BEAT_SCHEDULE,  # noqa: F405
    "requeue-stuck-messages": {"task": "conversations.tasks.requeue_stuck_messages", "schedule": 5.0},
}
