"""What the load run must show, compared with its plan: pure functions over what wrk, the database and the
fake Twilio saw, so a wrong verdict fails a unit test rather than a 15-minute run."""

from collections import Counter, defaultdict
from dataclasses import dataclass

from .plan import ELIGIBLE, OPTED_OUT, ORDERED, Plan

UNSETTLED_TEXTS = ("pending", "sending")


@dataclass
class Check:
    name: str
    ok: bool
    evidence: str


def checks(
    plan: Plan, *, answers: Counter, socket_errors: int, outcome: dict, accepted: list[dict]
) -> list[Check]:
    """`answers`: "<status> <kind>" → count (wrk); `outcome`: django_side's; `accepted`: the fake's texts."""
    return [
        _answered(plan, answers, socket_errors),
        _stored(plan, outcome["events"]),
        _carts(plan, outcome["carts"]),
        _texts(plan, outcome, accepted),
    ]


def _answered(plan: Plan, answers: Counter, socket_errors: int) -> Check:
    expected = len(plan.deliveries) + len(plan.stops)
    by_class = Counter()
    for key, n in answers.items():
        by_class[key[0] + "xx"] += n
    duplicates = sum(d.duplicate for d in plan.deliveries)
    answered_duplicate = sum(n for key, n in answers.items() if key[0] == "2" and key.endswith("duplicate"))
    ok = by_class["2xx"] == expected and socket_errors == 0 and answered_duplicate == duplicates
    return Check(
        "every delivery answered 2xx, no 5xx",
        ok,
        f"{expected:,} sent ({len(plan.deliveries):,} Shopify, {len(plan.stops):,} Twilio STOP); answers "
        f"{dict(sorted(answers.items()))}; socket errors/timeouts {socket_errors}; re-deliveries "
        f"{duplicates:,}, answered as duplicates {answered_duplicate:,}",
    )


def _stored(plan: Plan, events: list) -> Check:
    shopify = Counter(key for source, key, _ in events if source == "shopify")
    statuses = Counter(status for _, _, status in events)
    sent = plan.webhook_ids()
    missing, unknown = sent - shopify.keys(), shopify.keys() - sent
    twice = [key for key, n in shopify.items() if n > 1]
    inbound = sum(source != "shopify" for source, _, _ in events)
    ok = (
        not missing
        and not unknown
        and not twice
        and inbound == len(plan.stops)
        and set(statuses) == {"processed"}
    )
    return Check(
        "every accepted webhook stored once and processed",
        ok,
        f"{len(sent):,} distinct Shopify webhook ids sent, {len(shopify):,} stored (missing {len(missing)}, "
        f"unknown {len(unknown)}, stored twice {len(twice)}); Twilio inbound stored {inbound:,} of "
        f"{len(plan.stops):,}; events by status {dict(statuses)}",
    )


def _carts(plan: Plan, carts: list) -> Check:
    expected = {s.checkout for s in plan.shoppers}
    status = dict(carts)
    ordered = [s.checkout for s in plan.shoppers if s.kind == ORDERED]
    not_recovered = [checkout for checkout in ordered if status.get(checkout) != "recovered"]
    ok = set(status) == expected and len(carts) == len(expected) and not not_recovered
    return Check(
        "one cart per distinct checkout; every ordered cart recovered",
        ok,
        f"{len(expected):,} checkouts, {len(carts):,} carts (missing {len(expected - set(status))}, "
        f"unknown {len(set(status) - expected)}); {len(ordered):,} ordered, not recovered "
        f"{len(not_recovered)}",
    )


def _texts(plan: Plan, outcome: dict, accepted: list[dict]) -> Check:
    """Counted per recipient at the provider and in the database; each shopper has one number and one cart."""
    at_fake = defaultdict(list)
    for message in accepted:
        at_fake[message["to"]].append(message["body"])
    nudges, other = defaultdict(list), defaultdict(list)
    for phone, route, status, body in outcome["texts"]:
        (nudges if route == "nudge" else other)[phone].append((status, body))
    later_steps_sent = sum(1 for _, position, state in outcome["nudges"] if position > 1 and state == "sent")
    wrong = Counter()
    for shopper in plan.shoppers:
        phone = shopper.phone
        fake, mine = at_fake.pop(phone, []), nudges[phone]
        if shopper.kind == ELIGIBLE:
            if len(mine) != 1 or fake != [mine[0][1]]:
                wrong[f"eligible texted {len(fake)}× at the fake, {len(mine)} nudge(s) in the database"] += 1
        elif shopper.kind == OPTED_OUT:
            confirmations = [body for _, body in other[phone]]
            if mine or fake != confirmations or len(confirmations) != 1:
                wrong[f"opted out: {len(mine)} nudge(s), {len(fake)} at the fake"] += 1
        elif shopper.kind == ORDERED and (mine or fake or other[phone]):
            wrong[f"ordered: texted {len(fake)}× at the fake"] += 1
    strangers = sum(len(bodies) for bodies in at_fake.values())
    statuses = [status for _, _, status, _ in outcome["texts"]]
    unsettled = sum(status in UNSETTLED_TEXTS for status in statuses)
    kinds = plan.kinds()
    ok = not wrong and not strangers and not later_steps_sent and not unsettled
    return Check(
        "exactly one first text per eligible cart; none for duplicates, opt-outs, orders",
        ok,
        f"{len(accepted):,} texts accepted at the fake; {kinds[ELIGIBLE]:,} eligible carts, "
        f"{kinds[OPTED_OUT]:,} opted out (one STOP confirmation each expected), {kinds[ORDERED]:,} ordered; "
        f"shoppers off the expected count {sum(wrong.values())} {dict(wrong.most_common(3))}; texts to "
        f"numbers outside the plan {strangers}; later steps sent {later_steps_sent}; unsettled {unsettled}",
    )
