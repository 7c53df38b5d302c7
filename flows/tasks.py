import logging
import os
import uuid

from celery import shared_task
from django.core.cache import cache
from django.utils import timezone

from conversations.sending import messages_deliver

from .dispatcher import BATCH_SIZE, nudge_dispatch_due, nudges_due_by_store
from .variants import experiments_tick

logger = logging.getLogger(__name__)


# One tick at a time per deployment. Overlapping ticks send nothing twice (rows are claimed SKIP LOCKED),
# but with a large backlog a tick outlasts beat's 30 s, and each new one held another worker process
# (waiting on the stores' evidence chain heads) until none was left to deliver the texts: the
# 50,000-webhook load run stalled that way. A tick that dies frees the turn after TICK_TURN_SECONDS.
TICK_TURN = "flows:dispatch-due:running"
TICK_TURN_SECONDS = 600
# Stores with a batch or more due are dispatched by tasks of their own, in DISPATCHERS groups of about
# equal backlog (the tick takes the first group and the smaller stores): the load run's 40,000 texts waited
# on one process's batches in turn. Not one task per store: every worker process dispatching leaves none
# to deliver until all are done. Stores share no shopper and no evidence chain, so two groups neither wait
# for each other nor see each other's texts; each store has one dispatcher at a time (its turn).
DISPATCHERS = 2
STORE_TURN = "flows:dispatch-due:running:{}"


@shared_task(ignore_result=True)
def dispatch_due() -> dict:
    """Celery beat, every 30 s; skipped while the previous tick is still running. Stores with a backlog
    are split among the tick and `dispatch_stores_due` tasks; stores whose task still runs are left to
    it."""
    if not cache.add(TICK_TURN, os.getpid(), TICK_TURN_SECONDS):
        return {"skipped": "the previous tick is still running"}
    taken: list = []  # the stores whose turns the tick took
    try:
        now = timezone.now()
        # Decided first, so a winner found now already picks this tick's texts, and the other groups'.
        experiments_tick(now=now)
        due = nudges_due_by_store(now=now)
        running = cache.get_many([STORE_TURN.format(store_id) for store_id in due])
        busy = {store_id for store_id in due if STORE_TURN.format(store_id) in running}
        backlogs = {s: n for s, n in due.items() if n >= BATCH_SIZE and s not in busy}
        first, *others = _groups(backlogs, DISPATCHERS)
        # The tick's own group takes its turns too: a task of an earlier tick still queued for one of
        # these stores then finds it taken.
        taken += [s for s in first if cache.add(STORE_TURN.format(s), os.getpid(), TICK_TURN_SECONDS)]
        busy |= set(first) - set(taken)
        for group in others:
            dispatch_stores_due.delay([str(store_id) for store_id in group])
        handed = {store_id for group in others for store_id in group}
        report = nudge_dispatch_due(now=now, other_stores=busy | handed, experiments=False)
    finally:
        cache.delete_many([TICK_TURN, *(STORE_TURN.format(s) for s in taken)])
    _log(report)
    return {**report.as_dict(), "stores_handed_on": len(handed)}


@shared_task(ignore_result=True)
def dispatch_stores_due(store_ids: list[str]) -> dict:
    """Those stores' due nudges (backlogs the tick handed on), each store's skipped while another
    dispatcher has its turn."""
    turns = {store_id: STORE_TURN.format(uuid.UUID(store_id)) for store_id in store_ids}
    mine = [store_id for store_id, turn in turns.items() if cache.add(turn, os.getpid(), TICK_TURN_SECONDS)]
    if not mine:
        return {"skipped": "these stores' previous dispatch is still running"}
    try:
        report = nudge_dispatch_due(stores=mine, experiments=False)
    finally:
        cache.delete_many([turns[store_id] for store_id in mine])
    _log(report)
    return report.as_dict()


def _groups(backlogs: dict, count: int) -> list[list]:
    """The stores in `count` groups of about equal backlog (the largest first, each to the lightest group);
    empty groups left out."""
    groups: list[list] = [[] for _ in range(count)]
    loads = [0] * count
    for store_id, due in sorted(backlogs.items(), key=lambda item: (-item[1], str(item[0]))):
        lightest = loads.index(min(loads))
        groups[lightest].append(store_id)
        loads[lightest] += due
    return [group for group in groups if group] or [[]]


def _log(report) -> None:
    if report.sent or report.deferred or report.skipped or report.cancelled or report.failed:
        logger.info("dispatch_due: %s", report.summary().replace("\n", ";"))


# Texts a delivery task takes from a tick's batch (of up to 500): the rest go to tasks of their own, so
# a batch is sent by every free worker process at once.
DELIVER_TASK_TEXTS = 100


@shared_task(acks_late=True, ignore_result=True)
def deliver_batch(message_ids: list[int]) -> None:
    """Deliver a tick's batch in chunks (`messages_deliver`: one durable claim per chunk, not per text).

    A text that meets a transient error goes to its own `deliver_message` task, which owns its retries.
    Safe to run twice: a message already handed over is skipped. Should this worker die mid-batch, the
    task comes back (acks late) and the texts it left `sending` are taken over once stale.
    """
    for start in range(DELIVER_TASK_TEXTS, len(message_ids), DELIVER_TASK_TEXTS):
        deliver_batch.delay(message_ids[start : start + DELIVER_TASK_TEXTS])
    messages_deliver(message_ids=message_ids[:DELIVER_TASK_TEXTS])
