"""A simulated fortnight, ticked hourly, across the regions the policy table knows.

The checks below do not ask the policy module whether it was right: they hold its output against the rules
written out again here, from the law (see docs/compliance.md), so a wrong row in the table fails them.
"""

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from conversations.models import Message
from flows.dispatcher import nudge_dispatch_due
from flows.models import Nudge, NudgeEvent
from flows.policy import TEXAS_REGISTRATION_UNSET
from flows.services import flow_seed_default, nudges_schedule_for_cart
from tests.conversations.factories import MessageFactory
from tests.stores.factories import (
    CartFactory,
    CartItemFactory,
    ConsentEventFactory,
    CustomerFactory,
    StoreFactory,
)

SUNDAY = 6


# Where each shopper is, the law's window there (start, end, Sunday start or None when closed on Sundays),
# its cap per 24 h on one subject, and the days it is closed.
REGIONS = {
    "new_york": ("+12125550101", "America/New_York", (8, 21, 8), None),
    "los_angeles": ("+13105550102", "America/Los_Angeles", (8, 21, 8), None),
    "florida": ("+13055550103", "America/New_York", (8, 20, 8), 3),
    "texas": ("+12145550104", "America/Chicago", (9, 21, 12), None),
    "maryland": ("+14105550105", "America/New_York", (8, 20, 8), 3),
    "toronto": ("+14165550106", "America/Toronto", (8, 21, 8), None),
    "paris": ("+33612345607", "Europe/Paris", (8, 22, None), None),
    "berlin": ("+4915112345608", "Europe/Berlin", (8, 21, 8), None),
}
NORTH_AMERICA = {"new_york", "los_angeles", "florida", "texas", "maryland", "toronto"}
# French public holidays inside the two fortnights, written out by hand (the code asks `holidays`).
PARIS_HOLIDAYS = {date(2026, 7, 14), date(2026, 12, 25), date(2027, 1, 1)}
STORE_CAP = 5  # above the law's 3 where there is one, so the law's cap is what binds
# Shoppers who answer every other first text (their follow-ups may then go out, also in the US).
REPLIERS = {"new_york", "toronto", "paris"}

FORTNIGHTS = {
    "july": datetime(2026, 7, 6, 0, 0, tzinfo=UTC),  # a Monday; 14 July is a Tuesday
    "december": datetime(2026, 12, 19, 0, 0, tzinfo=UTC),  # a Saturday; 25 Dec a Friday, 1 Jan a Friday
}


def _cart_times(start: datetime, region: str) -> list[datetime]:
    """Carts abandoned at every hour of the day over the fortnight, plus the moments the proof names."""
    zone = ZoneInfo(REGIONS[region][1])
    every = 6 if region in ("maryland", "florida") else 23  # these two get enough carts to meet the cap
    times = [start + timedelta(hours=h, minutes=20) for h in range(0, 13 * 24, every)]
    first_saturday = next(
        (start + timedelta(days=d)).astimezone(zone).date()
        for d in range(8)
        if (start + timedelta(days=d)).astimezone(zone).weekday() == 5
    )
    sunday = first_saturday + timedelta(days=1)
    if region == "texas":
        times += [
            datetime(*first_saturday.timetuple()[:3], 7, 50, tzinfo=zone),  # Saturday before 9:00
            datetime(*sunday.timetuple()[:3], 9, 30, tzinfo=zone),  # Sunday morning
            datetime(*sunday.timetuple()[:3], 14, 10, tzinfo=zone),  # Sunday afternoon
        ]
    if region == "paris":
        times += [datetime(*sunday.timetuple()[:3], 10, 0, tzinfo=zone)]
        times += [datetime(d.year, d.month, d.day, 9, 0, tzinfo=zone) for d in PARIS_HOLIDAYS]
    return sorted(t.astimezone(UTC) for t in times if start <= t < start + timedelta(days=13))


def _in_window(region: str, moment: datetime) -> bool:
    _, zone, (start, end, sunday_start), _ = REGIONS[region]
    local = moment.astimezone(ZoneInfo(zone))
    if region == "paris" and local.date() in PARIS_HOLIDAYS:
        return False
    if local.weekday() == SUNDAY:
        if sunday_start is None:
            return False
        start = sunday_start
    return start <= local.hour < end


def _simulate(start: datetime):
    store = StoreFactory(timezone="America/New_York", texas_registration="registered")
    flow = flow_seed_default(store=store)
    flow.frequency_cap = STORE_CAP
    flow.save()
    unregistered = StoreFactory(timezone="America/Chicago")  # says nothing about Texas: all held
    flow_seed_default(store=unregistered)
    shoppers, pending = {}, []
    for region, (phone, *_rest) in REGIONS.items():
        customer = CustomerFactory(store=store, phone=phone, first_name=region.title())
        ConsentEventFactory(
            store=store, customer=customer, kind="granted", source="checkout", occurred_at=start
        )
        shoppers[region] = customer
        pending += [(at, store, customer, region) for at in _cart_times(start, region)]
    texan = CustomerFactory(store=unregistered, phone=REGIONS["texas"][0], first_name="Tex")
    pending += [(start + timedelta(days=d, hours=15), unregistered, texan, "texas") for d in range(3)]
    pending.sort(key=lambda row: row[0])
    replied_carts = set()
    for tick in range(14 * 24 + 1):
        now = start + timedelta(hours=tick)
        while pending and pending[0][0] <= now:
            at, cart_store, customer, region = pending.pop(0)
            cart = CartFactory(store=cart_store, customer=customer, last_activity_at=at)
            CartItemFactory(cart=cart, title="Trail Runner")
            nudges_schedule_for_cart(store=cart_store, cart=cart)
        nudge_dispatch_due(now=now)
        _replies(store, shoppers, replied_carts)
    return store, unregistered, shoppers


def _replies(store, shoppers, replied_carts):
    """The repliers answer every other first text they get, right after it."""
    firsts = (
        Nudge.objects.filter(
            cart__customer__in=[shoppers[r] for r in REPLIERS], step__position=1, state=Nudge.State.SENT
        )
        .exclude(cart_id__in=replied_carts)
        .select_related("message")
        .order_by("id")
    )
    for nudge in firsts:
        replied_carts.add(nudge.cart_id)
        if nudge.cart_id % 2:
            MessageFactory(thread=nudge.message.thread, body="Does it run small?")


@pytest.mark.django_db
@pytest.mark.parametrize("fortnight", FORTNIGHTS)
def test_a_fortnight_of_hourly_ticks_keeps_every_rule(fortnight):
    # given / when: two weeks of carts across eight regions, the scheduler ticking every hour
    store, unregistered, shoppers = _simulate(FORTNIGHTS[fortnight])
    region_of = {c.id: r for r, c in shoppers.items()}
    sent = list(
        Nudge.objects.filter(store=store, state=Nudge.State.SENT).select_related("message", "cart", "step")
    )

    # then every region got texts, and none outside its window
    by_region = defaultdict(list)
    for nudge in sent:
        by_region[region_of[nudge.cart.customer_id]].append(nudge)
    assert set(by_region) == set(REGIONS)
    outside = [(r, n.sent_at) for r, ns in by_region.items() for n in ns if not _in_window(r, n.sent_at)]
    assert outside == []

    # no cap exceeded in any 24 hours
    for region, nudges in by_region.items():
        times = sorted(n.sent_at for n in nudges)
        cap = min(STORE_CAP, REGIONS[region][3] or STORE_CAP)
        busiest = max(sum(1 for t in times if s <= t < s + timedelta(hours=24)) for s in times)
        assert busiest <= cap, region
    assert max(_busiest(by_region["maryland"]), _busiest(by_region["florida"])) == 3  # the cap was reached

    # no unsolicited second text in the US or Canada; follow-ups only after a reply
    follow_ups_after_reply = 0
    for nudge in sent:
        region = region_of[nudge.cart.customer_id]
        if region not in NORTH_AMERICA or nudge.step.position == 1:
            continue
        first = Nudge.objects.get(cart=nudge.cart, step__position=1).message
        assert Message.objects.filter(thread=first.thread, direction="in", id__gt=first.id).exists(), region
        follow_ups_after_reply += 1
    assert follow_ups_after_reply > 0
    for nudge in sent:
        if region_of[nudge.cart.customer_id] in NORTH_AMERICA and nudge.step.position == 1:
            assert nudge.sent_at - nudge.cart.last_activity_at <= timedelta(hours=48)

    # every text says how to stop; every text to Canada names the store
    assert all("STOP" in n.message.body for n in sent)
    assert all(store.name in n.message.body for n in by_region["toronto"])

    # every hold, skip and cancel has its reason, and the named moments were held as the law says
    unexplained = NudgeEvent.objects.filter(kind__in=["deferred", "skipped", "cancelled"], reason="")
    assert not unexplained.exists()
    assert not Nudge.objects.filter(state=Nudge.State.SCHEDULED, deferred_count__gt=0, reason="").exists()
    held_texas = Nudge.objects.filter(store=unregistered)
    assert not held_texas.filter(state=Nudge.State.SENT).exists()
    waits = {e.reason for e in NudgeEvent.objects.filter(nudge__store=unregistered, kind="deferred")}
    assert waits == {TEXAS_REGISTRATION_UNSET, "waiting for the earlier step of this cart"}
    # each cart given up on says why, on itself or on the step it waited for
    given_up = held_texas.filter(state=Nudge.State.SKIPPED)
    assert given_up.exists()
    for nudge in given_up:
        cart_reasons = " ".join(held_texas.filter(cart=nudge.cart).values_list("reason", flat=True))
        assert TEXAS_REGISTRATION_UNSET in cart_reasons
    chicago = ZoneInfo("America/Chicago")
    texas_sunday_morning = [
        n
        for n in by_region["texas"]
        if n.cart.last_activity_at.astimezone(chicago).weekday() == SUNDAY
        and n.cart.last_activity_at.astimezone(chicago).timetuple()[3:5] == (9, 30)
    ]
    assert [n.sent_at.astimezone(chicago).hour for n in texas_sunday_morning] == [12]
    paris_closed = NudgeEvent.objects.filter(
        nudge__cart__customer=shoppers["paris"],
        kind="deferred",
        reason__contains="no Sundays or public holidays",
    )
    assert paris_closed.exists()
    holiday = next(d for d in PARIS_HOLIDAYS if FORTNIGHTS[fortnight].date() <= d)
    assert not [
        n for n in by_region["paris"] if n.sent_at.astimezone(ZoneInfo("Europe/Paris")).date() == holiday
    ]


def _busiest(nudges) -> int:
    times = sorted(n.sent_at for n in nudges)
    return max(sum(1 for t in times if s <= t < s + timedelta(hours=24)) for s in times)
