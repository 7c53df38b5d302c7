"""Where Celery's broker lives, derived without Django set up (the proof harness needs it too)."""

from pathlib import Path
from urllib.parse import urlsplit


def redis_broker_url(redis_url: str) -> str:
    """The Redis database after the cache's (the one before it for db 15, the last of Redis' default 16).

    The broker must not share the cache's database: `cache.clear()` is a FLUSHDB, which would also empty
    the task queue and every worker's unacknowledged tasks.
    """
    parts = urlsplit(redis_url)
    path = parts.path.strip("/") or "0"
    if not path.isdigit():  # a unix socket's path, say
        raise ValueError(f"No database number in {parts.scheme}://…{parts.path}: set CELERY_BROKER_URL.")
    db = int(path)
    return parts._replace(path=f"/{db + 1 if db < 15 else db - 1}").geturl()


# With acks_late, the tasks of a worker host that died come back after this long. So does a task reserved
# with an ETA further away than this (a retry's countdown), as a second copy: harmless, every task is
# idempotent, but wasteful. Hence longer than the longest countdown (600 s) plus a task's runtime. The beat
# sweepers (`requeue_stuck_messages`, `requeue_stale_webhook_events`) also re-queue a dead host's work.
VISIBILITY_TIMEOUT_SECONDS = 15 * 60


def broker_transport_options(broker_url: str, *, queue_dir: Path) -> dict:
    """Kombu's options for this broker: Redis' visibility timeout, or the filesystem queue's folders."""
    if not broker_url.startswith("filesystem://"):
        return {"visibility_timeout": VISIBILITY_TIMEOUT_SECONDS}
    for sub in ("queue", "processed"):
        (queue_dir / sub).mkdir(parents=True, exist_ok=True)
    return {
        "data_folder_in": str(queue_dir / "queue"),
        "data_folder_out": str(queue_dir / "queue"),
        "processed_folder": str(queue_dir / "processed"),
        "store_processed": False,
    }
