"""What every retried Celery task shares: the one retry policy (acks late, exponential backoff with jitter,
at most 8 tries, about 20 minutes in all). A task adds only which errors are transient for it."""

RETRY_POLICY = {
    "acks_late": True,
    "retry_backoff": 5,
    "retry_backoff_max": 600,
    "retry_jitter": True,
    "max_retries": 8,
}
