from datetime import timedelta

import pytest
from django.utils import timezone

from stores.models import ConsentEvent, SmsStatus
from stores.phones import phone_mask, phone_parse
from stores.services import consent_record
from tests.stores.factories import CustomerFactory


@pytest.mark.django_db
def test_a_newer_revocation_wins_over_older_evidence_arriving_late(store):
    # given
    customer = CustomerFactory(store=store, sms_status=SmsStatus.NONE)
    now = timezone.now()
    consent_record(store=store, customer=customer, kind="revoked", source="keyword", occurred_at=now)

    # when: a checkout webhook retried hours later carries the consent given before the STOP
    consent_record(
        store=store, customer=customer, kind="granted", source="shopify", occurred_at=now - timedelta(hours=2)
    )

    # then
    customer.refresh_from_db()
    assert customer.sms_status == SmsStatus.UNSUBSCRIBED
    assert customer.consent_events.count() == 2


@pytest.mark.django_db
def test_the_same_evidence_twice_is_one_event(store):
    customer = CustomerFactory(store=store, sms_status=SmsStatus.NONE)

    first = consent_record(store=store, customer=customer, kind="granted", source="shopify", dedupe_key="c-1")
    second = consent_record(
        store=store, customer=customer, kind="granted", source="shopify", dedupe_key="c-1"
    )

    assert first is not None
    assert second is None
    assert ConsentEvent.objects.filter(customer=customer).count() == 1
    customer.refresh_from_db()
    assert customer.sms_status == SmsStatus.SUBSCRIBED


@pytest.mark.django_db
def test_consent_events_are_append_only(store):
    event = consent_record(store=store, customer=CustomerFactory(store=store), kind="granted", source="form")

    event.source = "forged"
    with pytest.raises(ValueError, match="append-only"):
        event.save()


@pytest.mark.parametrize(
    ("raw", "region", "expected", "problem"),
    [
        ("+1 (415) 555-2671", None, "+14155552671", ""),
        ("415-555-2671", "US", "+14155552671", ""),
        ("07911 123456", "GB", "+447911123456", ""),
        ("555-555-BILL", "US", "", "not a valid phone number"),
        ("hello", "US", "", "not a phone number"),
        ("", "US", "", "no phone number"),
    ],
)
def test_phone_parse(raw, region, expected, problem):
    parsed = phone_parse(raw, region=region)

    assert parsed.e164 == expected
    assert parsed.problem == problem


def test_phone_mask_hides_the_middle():
    assert phone_mask("+14155552671") == "+14•••••••71"
