"""Texts as links of the store's evidence chain, and the compliance record of one number."""

from datetime import UTC

from stores.evidence import (
    consent_event_content,
    evidence_append,
    evidence_chain_verify,
    evidence_links_for_phone,
)
from stores.models import ConsentEvent, Customer, EvidenceLink
from stores.phones import phone_is_blank

from .models import Message


def message_content(message: Message, *, phone: str, decision: str) -> dict:
    return {
        "type": "text",
        "id": message.id,
        "phone": phone,
        "direction": message.direction,
        "body": message.body,
        "route": message.route,
        "decision": decision,
        "at": message.created_at.astimezone(UTC).isoformat() if message.created_at else "",
    }


def messages_chain(*, store, messages: list[Message], decisions: list[str]) -> None:
    """Append texts (with what allowed each) to the chain, inside the transaction that records them."""
    customer_ids = {m.thread.customer_id for m in messages}
    phones = {
        pk: "" if phone_is_blank(phone) else phone.as_e164
        for pk, phone in Customer.objects.filter(pk__in=customer_ids).values_list("pk", "phone")
    }
    entries: list[tuple[str, str, dict]] = []
    for message, decision in zip(messages, decisions, strict=True):
        phone = phones.get(message.thread.customer_id, "")
        entries.append(
            (EvidenceLink.Kind.TEXT, phone, message_content(message, phone=phone, decision=decision))
        )
    evidence_append(store=store, entries=entries)


def evidence_record(*, store, phone: str) -> dict:
    """What the chain holds about one number, and whether the chain (and this number's rows) are intact."""
    links = list(evidence_links_for_phone(store=store, phone=phone))
    check = evidence_chain_verify(store=store)
    consent = [link.content for link in links if link.kind == EvidenceLink.Kind.CONSENT]
    texts = [link.content for link in links if link.kind == EvidenceLink.Kind.TEXT]
    rows_match = _rows_match(store=store, phone=phone, consent=consent, texts=texts)
    return {
        "phone": phone,
        "consent_events": [_consent_out(c) for c in consent],
        "messages": [
            {"direction": t["direction"], "body": t["body"], "sent_at": t["at"], "decision": t["decision"]}
            for t in texts
        ],
        "chain": {**check.as_dict(), "valid": check.valid and rows_match},
    }


def _consent_out(content: dict) -> dict:
    keys = ("kind", "channel", "source", "occurred_at", "text_shown", "language", "ip_address", "evidence")
    return {key: content.get(key) for key in keys}


def _rows_match(*, store, phone: str, consent: list[dict], texts: list[dict]) -> bool:
    """The consent and message rows the links recorded still exist and still say the same."""
    events = ConsentEvent.objects.for_store(store).in_bulk([c["id"] for c in consent])
    if len(events) != len(consent):
        return False
    if any(consent_event_content(events[c["id"]], phone=phone) != c for c in consent):
        return False
    messages = Message.objects.for_store(store).in_bulk([t["id"] for t in texts])
    if len(messages) != len(texts):
        return False
    return all(message_content(messages[t["id"]], phone=phone, decision=t["decision"]) == t for t in texts)
