"""Reads of the flows app for the dashboard."""

from collections import Counter

from django.db.models import Count

from stores.models import Store

from .models import Nudge
from .policy import TEXAS_REGISTRATION_UNSET


def nudges_held_by_rule(*, store: Store) -> list[dict]:
    """Texts waiting on a rule rather than a clock (a missing registration, a snooze), with counts.

    Reasons are counted without their per-shopper detail ("… — held until Tue 09:00 …")."""
    rows = (
        Nudge.objects.for_store(store)
        .filter(state=Nudge.State.SCHEDULED, reason__startswith="held:")
        .values("reason")
        .annotate(count=Count("id"))
    )
    counts: Counter = Counter()
    for row in rows:
        counts[row["reason"].split(" — held until", 1)[0]] += row["count"]
    return [{"reason": reason, "count": count} for reason, count in counts.most_common()]


def texas_texts_held(*, store: Store) -> int:
    return (
        Nudge.objects.for_store(store)
        .filter(state=Nudge.State.SCHEDULED, reason=TEXAS_REGISTRATION_UNSET)
        .count()
    )
