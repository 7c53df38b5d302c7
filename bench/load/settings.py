"""The load run's settings: the benchmarks' (production-like), with beat looking at its clock every second.

Beat otherwise sleeps until its next entry is due (up to 30 s, the dispatcher's period). The run moves the
workers' and beat's clock ahead once the webhooks are processed; waking each second, beat sees the jump at
once instead of up to 30 s later, so the texts phase does not start with an idle wait. The schedule
itself is production's: beat still sends each task at its own period.
"""

from bench.settings import *  # noqa: F403

CELERY_BEAT_MAX_LOOP_INTERVAL = 1
