"""Consent to texts: the one consent service. An append-only log of evidence; the customer's SMS status
follows its newest event; every recorded change is announced on CONSENT_CHANGED_HOOKS (flows cancels the
pending texts of a revocation there, so no caller has to remember to)."""

from datetime import datetime

from django.db import IntegrityError
from django.utils import timezone

from cartrecovery.db import insert_once
from stores.hooks import CONSENT_CHANGED_HOOKS, hooks_run
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
    if not created:
        if not dedupe_key:
            raise IntegrityError("A consent event without a dedupe key collided.")
        return None
    _customer_status_follow_latest_consent(customer=customer)
    hooks_run(CONSENT_CHANGED_HOOKS, store=store, customer=customer, event=event, reason=reason)
    return event


def _customer_status_follow_latest_consent(*, customer: Customer) -> None:
    """The newest event by time wins, so late-arriving old evidence cannot undo a newer STOP."""
    latest = ConsentEvent.objects.filter(customer=customer).order_by("-occurred_at", "-id").first()
    status = SmsStatus.SUBSCRIBED if latest.kind == ConsentEvent.Kind.GRANTED else SmsStatus.UNSUBSCRIBED
    if customer.sms_status != status:
        customer.sms_status = status
        customer.save(update_fields=["sms_status", "updated_at"])
