"""The load run's own logic: its traffic mix, its signatures and its verdict (the run itself is
`make load`, minutes long, not part of the suite)."""

import json
from collections import Counter
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings

from bench.load.plan import (
    ELIGIBLE,
    OPTED_OUT,
    ORDERED,
    Store,
    checkout_body,
    clock_shift,
    order_body,
    plan_build,
    request_files_write,
    shopify_request,
    stop_request,
)
from bench.load.verdict import checks
from conversations.webhooks import store_cache_clear
from stores.models import WebhookEvent
from tests.fixtures import load

STORES = [
    Store(id=f"store-{i}", secret=f"secret-{i}", number=f"+1303555010{i}", domain="d") for i in range(3)
]
NOW = datetime(2026, 3, 4, 17, 0, tzinfo=UTC)


def test_the_mix_is_ten_percent_redeliveries_five_percent_orders_five_percent_opted_out():
    plan = plan_build(webhooks=2_000, stores=STORES)

    topics = Counter(d.topic for d in plan.deliveries if not d.duplicate)
    assert len(plan.deliveries) == 2_000
    assert sum(d.duplicate for d in plan.deliveries) == 200
    assert topics["orders/create"] == 100
    assert topics["checkouts/create"] + topics["checkouts/update"] == len(plan.shoppers) == 1_700
    assert plan.kinds() == {ELIGIBLE: 1_500, OPTED_OUT: 100, ORDERED: 100}
    assert len(plan.stops) == 100
    assert len({s.checkout for s in plan.shoppers}) == len({s.phone for s in plan.shoppers}) == 1_700
    assert {s.store for s in plan.shoppers} == set(STORES)


def test_redeliveries_and_orders_come_after_their_original():
    plan = plan_build(webhooks=2_000, stores=STORES)

    first_seen, checkout_at = {}, {}
    for position, delivery in enumerate(plan.deliveries):
        if delivery.duplicate:
            assert delivery.webhook_id in first_seen
            assert delivery.topic == plan.deliveries[first_seen[delivery.webhook_id]].topic
        else:
            assert delivery.webhook_id not in first_seen
            first_seen[delivery.webhook_id] = position
        if delivery.topic.startswith("checkouts/") and not delivery.duplicate:
            checkout_at[delivery.shopper.checkout] = position
        if delivery.topic == "orders/create":
            assert delivery.shopper.kind == ORDERED
            assert checkout_at[delivery.shopper.checkout] < position


@pytest.mark.parametrize(("utc_hour", "shift_hours"), [(17, 1), (3, 12), (10, 5), (21, 18)])
def test_the_clock_moves_at_least_an_hour_into_new_york_daytime(utc_hour, shift_hours):
    now = NOW.replace(hour=utc_hour)

    shift = clock_shift(now, zone="America/New_York", at_least=timedelta(hours=1), window=(10, 17))

    local = (now + shift).astimezone(ZoneInfo("America/New_York"))
    assert shift >= timedelta(hours=1)
    assert 10 <= local.hour < 17
    assert round(shift / timedelta(hours=1)) == shift_hours


def test_request_files_hold_each_request_once_dealt_round_robin(tmp_path):
    requests = [b"POST /a HTTP/1.1\r\n\r\n1", b"POST /b HTTP/1.1\r\n\r\n22", b"POST /c HTTP/1.1\r\n\r\n333"]

    counts = request_files_write(requests, prefix=str(tmp_path / "r-"), threads=2)

    assert counts == [2, 1]
    assert (tmp_path / "r-1").read_bytes() == b"%d\n%s%d\n%s" % (
        len(requests[0]),
        requests[0],
        len(requests[2]),
        requests[2],
    )


def _post_raw(client, raw: bytes):
    head, body = raw.split(b"\r\n\r\n", 1)
    request_line, *lines = head.decode().split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines)
    extra = {
        "HTTP_" + name.upper().replace("-", "_"): value
        for name, value in headers.items()
        if name not in ("Host", "Content-Length", "Content-Type")
    }
    return client.post(request_line.split()[1], data=body, content_type=headers["Content-Type"], **extra)


@pytest.mark.django_db
def test_the_generated_deliveries_are_accepted_by_the_real_endpoints(client, store):
    # given: a plan for the real store, its bodies built from Shopify's samples
    mine = Store(id=str(store.id), secret=store.webhook_secret, number=str(store.sms_number), domain="x")
    plan = plan_build(webhooks=40, stores=[mine])
    order = next(d for d in plan.deliveries if d.topic == "orders/create")
    cart = next(d for d in plan.deliveries if d.topic.startswith("checkouts/"))
    opted_out = plan.stops[0]

    store_cache_clear()

    # when
    answers = [
        _post_raw(
            client,
            shopify_request(cart, checkout_body(load("shopify_checkouts_create.json"), cart.shopper, at=NOW)),
        ),
        _post_raw(
            client,
            shopify_request(order, order_body(load("shopify_orders_create.json"), order.shopper, at=NOW)),
        ),
        _post_raw(
            client,
            stop_request(
                opted_out,
                account_sid=settings.TWILIO_ACCOUNT_SID,
                auth_token=settings.TWILIO_AUTH_TOKEN,
                public_url=settings.PUBLIC_BASE_URL,
            ),
        ),
    ]

    # then
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert [json.loads(a.content)["status"] for a in answers[:2]] == ["accepted", "accepted"]
    assert b"<Response" in answers[2].content
    assert WebhookEvent.objects.filter(store=store).count() == 3


# --- the verdict ---------------------------------------------------------------------------------


def _clean_run(plan):
    """What a correct run looks like to the verdict: every delivery 2xx, every first text once."""
    answers = Counter({"200 accepted": len(plan.webhook_ids()), "200 twiml": len(plan.stops)})
    answers["200 duplicate"] = sum(d.duplicate for d in plan.deliveries)
    texts, accepted = [], []
    for shopper in plan.shoppers:
        if shopper.kind == ELIGIBLE:
            body = f"Hi, your cart {shopper.checkout}"
            texts.append([shopper.phone, "nudge", "queued", body])
        elif shopper.kind == OPTED_OUT:
            body = "You're unsubscribed."
            texts.append([shopper.phone, "compliance", "queued", body])
        else:
            continue
        accepted.append({"to": shopper.phone, "body": body})
    outcome = {
        "events": [["shopify", key, "processed"] for key in plan.webhook_ids()]
        + [["twilio", f"SM{i}", "processed"] for i in range(len(plan.stops))],
        "carts": [[s.checkout, "recovered" if s.kind == ORDERED else "active"] for s in plan.shoppers],
        "nudges": [[s.checkout, 1, "sent"] for s in plan.shoppers if s.kind == ELIGIBLE],
        "texts": texts,
    }
    return answers, outcome, accepted


def _verdict(plan, answers, outcome, accepted, socket_errors=0):
    return {
        c.name: c.ok
        for c in checks(
            plan, answers=answers, socket_errors=socket_errors, outcome=outcome, accepted=accepted
        )
    }


def test_a_clean_run_passes_every_check():
    plan = plan_build(webhooks=400, stores=STORES)

    assert all(_verdict(plan, *_clean_run(plan)).values())


def test_a_second_text_to_one_cart_fails_the_run():
    plan = plan_build(webhooks=400, stores=STORES)
    answers, outcome, accepted = _clean_run(plan)
    accepted.append(dict(accepted[0]))  # the provider accepted the same text twice

    verdict = _verdict(plan, answers, outcome, accepted)

    assert not verdict["exactly one first text per eligible cart; none for duplicates, opt-outs, orders"]


@pytest.mark.parametrize("kind", [ORDERED, OPTED_OUT])
def test_a_nudge_to_an_ordered_or_opted_out_shopper_fails_the_run(kind):
    plan = plan_build(webhooks=400, stores=STORES)
    answers, outcome, accepted = _clean_run(plan)
    shopper = next(s for s in plan.shoppers if s.kind == kind)
    outcome["texts"].append([shopper.phone, "nudge", "queued", "Hi"])
    accepted.append({"to": shopper.phone, "body": "Hi"})

    verdict = _verdict(plan, answers, outcome, accepted)

    assert not verdict["exactly one first text per eligible cart; none for duplicates, opt-outs, orders"]


def test_a_5xx_or_a_lost_webhook_fails_the_run():
    plan = plan_build(webhooks=400, stores=STORES)
    answers, outcome, accepted = _clean_run(plan)
    answers["200 accepted"] -= 1
    answers["503 other"] += 1
    outcome["events"].pop(0)

    verdict = _verdict(plan, answers, outcome, accepted)

    assert not verdict["every delivery answered 2xx, no 5xx"]
    assert not verdict["every accepted webhook stored once and processed"]


CARTS = "one cart per distinct checkout; every ordered cart recovered"


def test_a_duplicate_that_made_a_second_cart_fails_the_run():
    plan = plan_build(webhooks=400, stores=STORES)
    answers, outcome, accepted = _clean_run(plan)
    outcome["carts"].append(outcome["carts"][0])

    assert not _verdict(plan, answers, outcome, accepted)[CARTS]


def test_an_ordered_cart_left_active_fails_the_run():
    plan = plan_build(webhooks=400, stores=STORES)
    answers, outcome, accepted = _clean_run(plan)
    ordered = next(row for row in outcome["carts"] if row[1] == "recovered")
    ordered[1] = "active"

    assert not _verdict(plan, answers, outcome, accepted)[CARTS]
