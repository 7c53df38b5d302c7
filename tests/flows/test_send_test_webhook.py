"""`send_test_webhook`: the README's by-hand path posts a ready, signed sample that gets texted at once."""

import json
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.core.management import CommandError, call_command

from flows.dispatcher import nudge_dispatch_due
from flows.policy import quiet_hours_check, recipient_resolve
from stores.models import Cart, ConsentEvent, WebhookEvent
from tests.flows.factories import FlowFactory, StepFactory

SAMPLES = Path(__file__).resolve().parents[2] / "docs" / "samples"
# 06:00 in Los Angeles: the sample's own 415 number is asleep, so only a picked number gets texted now.
LA_DAWN = datetime(2026, 3, 4, 14, 0, tzinfo=UTC)


@pytest.fixture
def flow(store):
    flow = FlowFactory(store=store)
    StepFactory(flow=flow, position=1, delay_minutes=45)
    return flow


def _send(*args) -> str:
    out = StringIO()
    call_command("send_test_webhook", *args, stdout=out)
    return out.getvalue()


def test_the_samples_carry_a_phone_and_sms_consent():
    generic = json.loads((SAMPLES / "cart.updated.json").read_text())
    shopify = json.loads((SAMPLES / "shopify-checkouts-create.json").read_text())

    assert generic["customer"]["phone"]
    assert generic["customer"]["sms_consent"]["granted"] is True
    assert shopify["sms_marketing_phone"]
    assert shopify["buyer_accepts_sms_marketing"] is True


def test_the_samples_items_carry_no_picture_from_a_made_up_host():
    # A picture on a .example host never loads: every demo's cart panel showed a broken image.
    generic = json.loads((SAMPLES / "cart.updated.json").read_text())
    shopify = json.loads((SAMPLES / "shopify-checkouts-create.json").read_text())
    pictures = [item.get("image", "") for item in generic["cart"]["items"]] + [
        str(line.get("image_url", "")) + str(line.get("image", "")) for line in shopify["line_items"]
    ]

    assert [url for url in pictures if ".example" in url] == []


@pytest.mark.parametrize("sample", ["cart.updated.json", "shopify-checkouts-create.json"])
@pytest.mark.django_db(transaction=True)
def test_a_sample_posted_signed_is_texted_at_the_next_tick(store, flow, sms_outbox, sample):
    with time_machine.travel(LA_DAWN, tick=False):
        out = _send(str(SAMPLES / sample), "--store", str(store.id), "--in-process")
        report = nudge_dispatch_due()

    assert "HTTP 200" in out
    assert WebhookEvent.objects.get(store=store).status == "processed"
    cart = Cart.objects.get(store=store)
    assert ConsentEvent.objects.filter(customer=cart.customer, kind="granted").exists()
    assert report.sent == 1
    [text] = sms_outbox
    assert text.to == str(cart.customer.phone)
    recipient = recipient_resolve(phone=text.to, store=store)
    assert quiet_hours_check(recipient=recipient, now=LA_DAWN, flow=flow) is None


@pytest.mark.django_db(transaction=True)
def test_each_run_is_a_new_cart(store, flow):
    # at a pinned hour: a picked test number must be inside its sending window (at 11:00 UTC none is)
    with time_machine.travel(LA_DAWN, tick=True):
        _send("--store", str(store.id), "--in-process")
        _send("--store", str(store.id), "--in-process")

    assert Cart.objects.filter(store=store).count() == 2


@pytest.mark.django_db(transaction=True)
def test_it_posts_to_a_running_server(live_server, store, flow):
    with time_machine.travel(LA_DAWN, tick=True):
        out = _send("--store", str(store.id), "--url", live_server.url)

    assert "HTTP 200" in out
    assert Cart.objects.filter(store=store).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_kept_number_in_quiet_hours_waits_and_says_why(store, flow, sms_outbox):
    with time_machine.travel(LA_DAWN, tick=False):
        _send("--store", str(store.id), "--in-process", "--phone", "keep")
        report = nudge_dispatch_due()

    assert report.sent == 0
    assert report.deferred == 1
    assert sms_outbox == []


def test_bad_input_is_refused_plainly(store, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]")

    with pytest.raises(CommandError, match="No such store"):
        _send("--store", "not-a-store")
    with pytest.raises(CommandError, match="must hold one JSON object"):
        _send(str(bad), "--store", str(store.id))
    with pytest.raises(CommandError, match="has no active flow step"):
        _send("--store", str(store.id), "--in-process")
