"""Consent to texts: the one consent service. An append-only log of evidence; the customer's SMS status
follows its newest event; every recorded change is announced on CONSENT_CHANGED_HOOKS (flows cancels the
pending texts of a revocation there, so no caller has to remember to)."""

from datetime import datetime
from typing import TypedDict, Unpack

from django.db import IntegrityError, transaction
from django.utils import timezone

from cartrecovery.db import insert_once
from stores.evidence import consent_event_chain
from stores.hooks import CONSENT_CHANGED_HOOKS, CONSENT_GRANTED_HOOKS, hooks_run
from stores.models import ConsentEvent, Customer, SmsStatus, Store
from stores.tenancy import ensure_same_store


def consent_record(
    *,
    store: Store,
    customer: Customer,
    kind: str,
    source: str,
    occurred_at: datetime | None = None,
    text_shown: str = "",
    language: str = "",
    ip_address: str | None = None,
    user_agent: str = "",
    evidence: dict | None = None,
    dedupe_key: str = "",
    reason: str = "consent withdrawn",
) -> ConsentEvent | None:
    """Append a consent event, set the customer's SMS status from it and announce it to the hooks
    (`reason`: what a revocation's cancelled texts record).

    Returns None when `dedupe_key` was recorded before (a repeated delivery of the same evidence).
    """
    ensure_same_store(store, customer)
    if kind not in ConsentEvent.Kind.values:
        raise ValueError(f"Unknown consent kind {kind!r}.")
    occurred_at = occurred_at or timezone.now()
    with transaction.atomic():
        event, created = insert_once(
            ConsentEvent,
            {
                "store": store,
                "customer": customer,
                "kind": kind,
                "source": source,
                "occurred_at": occurred_at,
                "text_shown": text_shown,
                "language": language,
                "ip_address": ip_address,
                "user_agent": user_agent[:500],
                "evidence": evidence or {},
                "dedupe_key": dedupe_key,
            },
        )
        if created:
            consent_event_chain(store=store, event=event)
    if not created:
        if not dedupe_key:
            raise IntegrityError("A consent event without a dedupe key collided.")
        return None
    newly_subscribed = _customer_status_follow_latest_consent(customer=customer)
    hooks_run(CONSENT_CHANGED_HOOKS, store=store, customer=customer, event=event, reason=reason)
    if newly_subscribed:
        hooks_run(CONSENT_GRANTED_HOOKS, store=store, customer=customer, event=event)
    return event


_STATUS_KINDS = (ConsentEvent.Kind.GRANTED, ConsentEvent.Kind.REVOKED)


class ConsentDetails(TypedDict, total=False):
    """What a consent event carries besides its store, customer, kind and source: `consent_record`'s
    other keyword arguments, passed through unchanged by the services built on it."""

    occurred_at: datetime | None
    text_shown: str
    language: str
    ip_address: str | None
    user_agent: str
    evidence: dict | None
    dedupe_key: str


def customer_snooze(
    *, store: Store, customer: Customer, until: datetime, source: str, **details: Unpack[ConsentDetails]
) -> ConsentEvent | None:
    """Pause cart texts until `until` without touching consent; recorded like any consent event."""
    details["evidence"] = {**(details.get("evidence") or {}), "until": until.isoformat()}
    event = consent_record(
        store=store, customer=customer, kind=ConsentEvent.Kind.SNOOZED, source=source, **details
    )
    if event is not None:
        _snoozed_until_set(customer, until)
    return event


def customer_resume(
    *, store: Store, customer: Customer, source: str, **details: Unpack[ConsentDetails]
) -> ConsentEvent | None:
    """End a pause early."""
    event = consent_record(
        store=store, customer=customer, kind=ConsentEvent.Kind.RESUMED, source=source, **details
    )
    _snoozed_until_set(customer, None)
    return event


def _snoozed_until_set(customer: Customer, until: datetime | None) -> None:
    Customer.objects.filter(pk=customer.pk).update(snoozed_until=until, updated_at=timezone.now())
    customer.snoozed_until = until


def _customer_status_follow_latest_consent(*, customer: Customer) -> bool:
    """The newest event by time wins, so late-arriving old evidence cannot undo a newer STOP.

    True when the customer has just become subscribed."""
    latest = (
        ConsentEvent.objects.filter(customer=customer, kind__in=_STATUS_KINDS)
        .order_by("-occurred_at", "-id")
        .first()
    )
    if latest is None:
        return False
    status = SmsStatus.SUBSCRIBED if latest.kind == ConsentEvent.Kind.GRANTED else SmsStatus.UNSUBSCRIBED
    if customer.sms_status == status:
        return False
    customer.sms_status = status
    customer.save(update_fields=["sms_status", "updated_at"])
    return status == SmsStatus.SUBSCRIBED
