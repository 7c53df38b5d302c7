"""The store's evidence chain: every consent event and every text, each link hashing the one before.

Appending locks the store's head row, so links of one store get consecutive positions in commit order; a
link is written in the same transaction as what it records, so neither exists without the other.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import transaction

from cartrecovery.db import JsonText, insert_many

from .models import ConsentEvent, EvidenceHead, EvidenceLink, Store

ALGORITHM = "sha256"
CHUNK = 2000


def _canonical(content: dict, *, default=str) -> str:
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=default)


def link_hash(prev_hash: str, content: dict) -> str:
    return _hash(prev_hash, _canonical(content))


def _hash(prev_hash: str, canonical: str) -> str:
    return hashlib.sha256(prev_hash.encode() + canonical.encode()).hexdigest()


def _not_json(value):
    """What the JSON column refuses, refused before hashing (the stored text is the hashed one)."""
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _iso(moment: datetime | None) -> str:
    return moment.astimezone(UTC).isoformat() if moment else ""


def consent_event_content(event: ConsentEvent, *, phone: str) -> dict:
    """What a consent event proves: who, what, when, where from and the exact words shown."""
    return {
        "type": "consent",
        "id": event.id,
        "phone": phone,
        "kind": event.kind,
        "channel": event.channel,
        "source": event.source,
        "occurred_at": _iso(event.occurred_at),
        "text_shown": event.text_shown,
        "language": event.language,
        "ip_address": event.ip_address or "",
        "user_agent": event.user_agent,
        "evidence": event.evidence,
    }


def evidence_append(*, store: Store, entries: list[tuple[str, str, dict]]) -> list[EvidenceLink]:
    """Append (kind, phone, content) entries to the store's chain in order, in the caller's transaction."""
    if not entries:
        return []
    with transaction.atomic():
        EvidenceHead.objects.get_or_create(store=store)
        head = EvidenceHead.objects.select_for_update().get(store=store)
        links, prev = [], head.hash
        for offset, (kind, phone, content) in enumerate(entries, start=1):
            # Serialised once: the canonical text hashed is the text stored (jsonb reads it as the dict).
            canonical = _canonical(content, default=_not_json)
            digest = _hash(prev, canonical)
            links.append(
                EvidenceLink(
                    store=store,
                    position=head.length + offset,
                    kind=kind,
                    phone=phone,
                    content=JsonText(canonical),
                    prev_hash=prev,
                    hash=digest,
                )
            )
            prev = digest
        insert_many(EvidenceLink, links)
        for link, (_, _, content) in zip(links, entries, strict=True):
            link.content = content  # the caller's links hold the dicts, as read back from the database
        EvidenceHead.objects.filter(pk=head.pk).update(hash=prev, length=head.length + len(links))
    return links


def evidence_heads_lock(*, stores: list[Store]) -> None:
    """Take these stores' chain heads now, in store id order, until the caller's transaction ends.

    A transaction that appends for several stores (a drained batch of webhooks) would otherwise take each
    head when it first appends, in whatever order its deliveries come; two such transactions then
    deadlock over the heads, and the database aborts one. Taken in one order up front, the second waits.
    """
    if not stores:
        return
    insert_many(EvidenceHead, [EvidenceHead(store=store) for store in stores], ignore_conflicts=True)
    list(EvidenceHead.objects.select_for_update().filter(store__in=stores).order_by("store_id"))


def consent_event_chain(*, store: Store, event: ConsentEvent) -> None:
    phone = event.customer.phone.as_e164 if event.customer.phone else ""
    evidence_append(
        store=store, entries=[(EvidenceLink.Kind.CONSENT, phone, consent_event_content(event, phone=phone))]
    )


@dataclass(frozen=True)
class ChainCheck:
    head: str
    length: int
    valid: bool
    problem: str = ""

    def as_dict(self) -> dict:
        return {"algorithm": ALGORITHM, "head": self.head, "length": self.length, "valid": self.valid}


def evidence_chain_verify(*, store: Store) -> ChainCheck:
    """Recompute the whole chain: each link from the one before, no gap in positions, the head at the end."""
    head = EvidenceHead.objects.filter(store=store).first()
    expected_length, expected_head = (head.length, head.hash) if head else (0, "")
    prev, position = "", 0
    links = (
        EvidenceLink.objects.for_store(store)
        .order_by("position")
        .values_list("position", "prev_hash", "hash", "content")
    )
    for link_position, prev_hash, digest, content in links.iterator(chunk_size=CHUNK):
        position += 1
        if link_position != position:
            return ChainCheck(expected_head, expected_length, False, f"link {position} is missing")
        if prev_hash != prev or link_hash(prev, content) != digest:
            return ChainCheck(expected_head, expected_length, False, f"link {position} was changed")
        prev = digest
    if (position, prev) != (expected_length, expected_head):
        return ChainCheck(expected_head, expected_length, False, "the newest links were removed")
    return ChainCheck(expected_head, expected_length, True)


def evidence_links_for_phone(*, store: Store, phone: str):
    return EvidenceLink.objects.for_store(store).filter(phone=phone).order_by("position")
