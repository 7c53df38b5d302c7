"""The evidence chain: every consent event and text is a link; any change or removal is caught."""

import uuid
from datetime import timedelta

import pytest

from conversations.models import Message
from flows.dispatcher import nudge_dispatch_due
from flows.services import flow_seed_default, nudges_schedule_for_cart
from stores.models import ConsentEvent, EvidenceLink
from stores.services import consent_record
from tests.conversations.twilio import signed_post
from tests.flows.conftest import WEDNESDAY_NOON_NY
from tests.stores.factories import CartFactory, CartItemFactory, CustomerFactory, StoreFactory

PHONE = "+12125550100"
CONSENT_WORDS = "Yes, text me cart reminders. Msg & data rates may apply. Reply STOP to opt out."


@pytest.fixture
def history(client, store, django_capture_on_commit_callbacks):
    """Consent at checkout, one cart text, then STOP by text."""
    customer = CustomerFactory(store=store, phone=PHONE, sms_status="none")
    consent_record(
        store=store,
        customer=customer,
        kind="granted",
        source="checkout",
        occurred_at=WEDNESDAY_NOON_NY,
        text_shown=CONSENT_WORDS,
        ip_address="203.0.113.7",
    )
    flow_seed_default(store=store)
    cart = CartFactory(store=store, customer=customer, last_activity_at=WEDNESDAY_NOON_NY)
    CartItemFactory(cart=cart)
    nudges_schedule_for_cart(store=store, cart=cart)
    nudge_dispatch_due(now=WEDNESDAY_NOON_NY + timedelta(minutes=45))
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_post(
            client,
            "/webhooks/twilio/sms/",
            {
                "MessageSid": "SM" + uuid.uuid4().hex,
                "From": PHONE,
                "To": store.sms_number.as_e164,
                "Body": "STOP",
            },
        )
    assert response.status_code == 200
    return customer


def _evidence(api_client, store, **params):
    return api_client.get(f"/api/v1/stores/{store.id}/customers/evidence/", {"phone": PHONE, **params})


@pytest.mark.django_db
def test_the_record_holds_every_consent_event_and_text_with_its_decision(api_client, store, history):
    response = _evidence(api_client, store)

    assert response.status_code == 200
    record = response.json()
    assert record["phone"] == PHONE
    assert [e["kind"] for e in record["consent_events"]] == ["granted", "revoked"]
    granted = record["consent_events"][0]
    assert (granted["text_shown"], granted["ip_address"], granted["source"]) == (
        CONSENT_WORDS,
        "203.0.113.7",
        "checkout",
    )
    assert granted["occurred_at"] == WEDNESDAY_NOON_NY.isoformat()
    directions = [m["direction"] for m in record["messages"]]
    assert directions == ["out", "in", "out"]
    cart_text, stop, confirmation = record["messages"]
    assert cart_text["decision"].startswith(
        "allowed by US (United States): Wed 12:45 America/New_York (area code)"
    )
    assert (
        "text 1 of 3 in 24 h; the one cart text of this abandonment, within 48 h (carrier rule)"
        in cart_text["decision"]
    )
    assert stop["body"] == "STOP"
    assert stop["decision"].startswith("compliance: opt-out keyword")
    assert "unsubscribed" in confirmation["body"]
    chain = record["chain"]
    assert chain["algorithm"] == "sha256"
    assert chain["length"] == EvidenceLink.objects.filter(store=store).count() == 5
    assert chain["valid"] is True
    assert chain["head"] == EvidenceLink.objects.filter(store=store).order_by("position").last().hash


@pytest.mark.django_db
def test_a_changed_link_makes_the_chain_invalid(api_client, store, history):
    link = EvidenceLink.objects.filter(store=store, kind="consent").first()
    content = {**link.content, "text_shown": "I agree to everything."}
    EvidenceLink.objects.filter(pk=link.pk).update(content=content)

    assert _evidence(api_client, store).json()["chain"]["valid"] is False


@pytest.mark.django_db
def test_a_link_rewritten_with_a_fresh_hash_still_breaks_the_next_one(api_client, store, history):
    from stores.evidence import link_hash

    link = EvidenceLink.objects.filter(store=store).order_by("position").first()
    content = {**link.content, "occurred_at": "2020-01-01T00:00:00+00:00"}
    EvidenceLink.objects.filter(pk=link.pk).update(content=content, hash=link_hash(link.prev_hash, content))

    assert _evidence(api_client, store).json()["chain"]["valid"] is False


@pytest.mark.django_db
@pytest.mark.parametrize("which", ["first", "middle", "last"])
def test_a_removed_link_makes_the_chain_invalid(api_client, store, history, which):
    links = list(EvidenceLink.objects.filter(store=store).order_by("position"))
    victim = {"first": links[0], "middle": links[2], "last": links[-1]}[which]
    EvidenceLink.objects.filter(pk=victim.pk).delete()

    assert _evidence(api_client, store).json()["chain"]["valid"] is False


@pytest.mark.django_db
def test_an_edited_consent_row_or_a_deleted_text_is_caught_too(api_client, store, history):
    ConsentEvent.objects.filter(customer=history, kind="granted").update(text_shown="Edited afterwards.")
    assert _evidence(api_client, store).json()["chain"]["valid"] is False


@pytest.mark.django_db
def test_a_deleted_message_row_is_caught(api_client, store, history):
    Message.objects.filter(thread__customer=history, direction="in").delete()
    assert _evidence(api_client, store).json()["chain"]["valid"] is False


@pytest.mark.django_db
def test_another_stores_links_do_not_mix_in(api_client, store, history):
    other = StoreFactory()
    other_customer = CustomerFactory(store=other, phone=PHONE)
    consent_record(store=other, customer=other_customer, kind="granted", source="checkout")

    record = _evidence(api_client, store).json()

    assert record["chain"]["valid"] is True
    assert record["chain"]["length"] == 5


@pytest.mark.django_db
def test_the_pdf_evidence_pack_shows_wording_decisions_and_revocation(api_client, store, history):
    response = _evidence(api_client, store, format="pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    body = response.content
    assert body.startswith(b"%PDF")
    assert b"Chain verified: YES" in body
    assert b"Msg & data rates may apply" in body
    assert b"Took effect at once" in body
    assert rb"allowed by US \(United States\)" in body  # PDF strings escape parentheses


@pytest.mark.django_db
def test_a_missing_or_bad_number_is_a_clear_400(api_client, store):
    missing = api_client.get(f"/api/v1/stores/{store.id}/customers/evidence/")
    bad = api_client.get(f"/api/v1/stores/{store.id}/customers/evidence/", {"phone": "12"})

    assert missing.status_code == bad.status_code == 400
    assert "phone" in bad.json()["errors"]


@pytest.mark.django_db
def test_another_stores_evidence_is_404(api_client, other_store):
    response = api_client.get(f"/api/v1/stores/{other_store.id}/customers/evidence/", {"phone": PHONE})

    assert response.status_code == 404
