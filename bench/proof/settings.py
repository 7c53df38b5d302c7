"""The bench settings, with the failure windows shortened so a proof finishes in minutes."""

from bench.settings import *  # noqa: F403

# A 2 s stall at the provider must become an ambiguous timeout, so reconciliation is exercised.
TWILIO_HTTP_TIMEOUT = 1.0
# A killed worker's unacknowledged tasks come back after this long instead of Redis' default hour.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 20}
