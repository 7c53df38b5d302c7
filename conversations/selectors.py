"""Reads of the conversations app: the agent inbox's lists and the thread beside its cart."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from stores.models import Cart, ConsentEvent, Customer, Membership, SmsStatus, Store

from .hooks import CART_ACTIVITY_PROVIDERS, CART_DISCOUNT_CODE_PROVIDERS
from .models import CannedResponse, Message, Thread, ThreadNote, ThreadRead
from .placeholders import placeholders_fill
from .sms import TransientSmsError, get_backend
from .sms.base import SenderRegistration

INBOX_PAGE_SIZE = 25
# Folder counts stop here ("99+"): an exact count of a 100,000-thread store costs a scan on every poll.
INBOX_COUNT_CAP = 100


class InboxTab:
    NEEDS_HUMAN = "needs_human"
    MINE = "mine"
    UNASSIGNED = "unassigned"
    RESOLVED = "resolved"
    ALL = "all"

    LABELS = {
        NEEDS_HUMAN: "Needs a human",
        MINE: "Mine",
        UNASSIGNED: "Unassigned",
        RESOLVED: "Resolved",
        ALL: "All",
    }
    COUNTED = (NEEDS_HUMAN, MINE, UNASSIGNED)
    DEFAULT = NEEDS_HUMAN


@dataclass(frozen=True)
class InboxCursor:
    """Keyset position (newest activity first): a page costs the same at the 1st and the 4,000th."""

    last_message_at: datetime
    thread_id: int

    def encode(self) -> str:
        return f"{self.last_message_at.timestamp():.6f}_{self.thread_id}"

    @classmethod
    def decode(cls, raw: str) -> "InboxCursor | None":
        try:
            stamp, thread_id = raw.split("_", 1)
            return cls(datetime.fromtimestamp(float(stamp), tz=UTC), int(thread_id))
        except (ValueError, OverflowError, OSError):
            return None


@dataclass(frozen=True)
class InboxPage:
    threads: list[Thread]
    tab: str
    query: str
    next_cursor: str = ""
    counts: dict[str, str] = field(default_factory=dict)


def _awake() -> Q:
    """Not snoozed, or its snooze is over: the working folders show only these."""
    return Q(snoozed_until__isnull=True) | Q(snoozed_until__lte=timezone.now())


def _tab_filter(*, tab: str, user) -> Q:
    if tab == InboxTab.NEEDS_HUMAN:
        # Nobody may text a shopper who opted out, so no human is needed there.
        return Q(status=Thread.Status.ESCALATED) & ~Q(customer__sms_status=SmsStatus.UNSUBSCRIBED) & _awake()
    if tab == InboxTab.MINE:
        return Q(assignee=user) & ~Q(status=Thread.Status.RESOLVED) & _awake()
    if tab == InboxTab.UNASSIGNED:
        return Q(assignee__isnull=True) & ~Q(status=Thread.Status.RESOLVED) & _awake()
    if tab == InboxTab.RESOLVED:
        return Q(status=Thread.Status.RESOLVED)
    return Q()


def _search_filter(*, store: Store, query: str) -> Q:
    """Phone digits anywhere in the number, or every word in the first or last name.

    The matching shoppers are found first: walking the threads newest-first and joining each customer
    would read all of a 100,000-thread store to fill a page when the name is rare.
    """
    digits = re.sub(r"\D", "", query)
    if len(digits) >= 3:
        matches = Q(phone__contains=digits)
    else:
        matches = Q()
        for word in query.split()[:3]:
            matches &= Q(first_name__icontains=word) | Q(last_name__icontains=word)
    return Q(customer_id__in=Customer.objects.for_store(store).filter(matches).values("id"))


def inbox_threads(*, store: Store, user, tab: str = InboxTab.DEFAULT, query: str = "") -> QuerySet[Thread]:
    """The threads of one inbox folder, newest activity first (a thread shows once it has a message)."""
    threads = Thread.objects.for_store(store).filter(_tab_filter(tab=tab, user=user))
    threads = threads.filter(last_message_at__isnull=False)
    if query.strip():
        threads = threads.filter(_search_filter(store=store, query=query.strip()))
    return threads.order_by("-last_message_at", "-id")


def inbox_tab_counts(*, store: Store, user) -> dict[str, str]:
    """How many threads wait in each actionable folder, as text capped at "99+" — one query."""
    capped = {
        tab: Subquery(
            Thread.objects.filter(
                pk__in=Thread.objects.for_store(store)
                .filter(_tab_filter(tab=tab, user=user), last_message_at__isnull=False)
                .values("pk")[:INBOX_COUNT_CAP]
            )
            .order_by()
            .values("store")
            .annotate(n=Count("pk"))
            .values("n"),
            output_field=IntegerField(),
        )
        for tab in InboxTab.COUNTED
    }
    # The store's own row carries the three scalar subqueries, so the counts cost one round trip.
    row = (
        Store.objects.filter(pk=store.pk)
        .annotate(**{tab: Coalesce(expr, 0) for tab, expr in capped.items()})
        .values(*InboxTab.COUNTED)
        .get()
    )
    return {tab: (f"{INBOX_COUNT_CAP - 1}+" if row[tab] >= INBOX_COUNT_CAP else str(row[tab])) for tab in row}


def inbox_page(
    *, store, user, tab: str = InboxTab.DEFAULT, query: str = "", cursor: str = "", page_size: int = 0
) -> InboxPage:
    """One page of a folder plus the folder counts: a constant number of queries at any size."""
    page_size = page_size or INBOX_PAGE_SIZE
    threads = inbox_threads(store=store, user=user, tab=tab, query=query)
    position = InboxCursor.decode(cursor) if cursor else None
    if position is not None:
        threads = threads.filter(last_message_at__lte=position.last_message_at).filter(
            Q(last_message_at__lt=position.last_message_at) | Q(id__lt=position.thread_id)
        )
    rows = list(
        threads.select_related("customer", "assignee").annotate(
            **_last_message_preview(), **_unread_for(user)
        )[: page_size + 1]
    )
    next_cursor = ""
    if len(rows) > page_size:
        rows = rows[:page_size]
        last = rows[-1]
        next_cursor = InboxCursor(last.last_message_at, last.id).encode() if last.last_message_at else ""
    return InboxPage(
        threads=rows,
        tab=tab,
        query=query,
        next_cursor=next_cursor,
        counts=inbox_tab_counts(store=store, user=user),
    )


def _unread_for(user) -> dict:
    """Texts for a person this member has not seen: the thread's count minus theirs at their last look."""
    seen = ThreadRead.objects.filter(thread=OuterRef("pk"), user=user).values("seen_count")[:1]
    return {"my_unread": F("human_inbound_count") - Coalesce(Subquery(seen, output_field=IntegerField()), 0)}


def thread_notes(*, store: Store, thread: Thread) -> list[ThreadNote]:
    return list(ThreadNote.objects.for_store(store).filter(thread=thread).select_related("author"))


def _last_message_preview() -> dict:
    latest = Message.objects.filter(thread=OuterRef("pk")).order_by("-created_at", "-id")
    return {
        "preview_body": Subquery(latest.values("body")[:1]),
        "preview_direction": Subquery(latest.values("direction")[:1]),
    }


def inbox_thread(*, store: Store, thread_id) -> Thread:
    """One thread of this store with its customer and assignee; another store's id raises DoesNotExist."""
    return Thread.objects.for_store(store).select_related("customer", "assignee").get(pk=thread_id)


def thread_messages(*, store: Store, thread: Thread) -> list[Message]:
    return list(
        Message.objects.for_store(store)
        .filter(thread=thread)
        .select_related("sent_by", "rule")
        .order_by("created_at", "id")
    )


@dataclass(frozen=True)
class CartContext:
    """What the agent sees beside the conversation: the shopper's latest cart and how it was nudged."""

    cart: Cart | None
    items: list = field(default_factory=list)
    nudges_sent: list = field(default_factory=list)  # the cart's sent reminders (flows' nudges)
    clicks: int = 0


def thread_cart_context(*, store: Store, thread: Thread) -> CartContext:
    cart = (
        Cart.objects.for_store(store)
        .filter(customer_id=thread.customer_id)
        .order_by("-last_activity_at", "-id")
        .first()
    )
    if cart is None:
        return CartContext(cart=None)
    nudges_sent: list = []
    clicks = 0
    for provider in CART_ACTIVITY_PROVIDERS:
        nudges_sent, clicks = provider(store=store, cart=cart)
    return CartContext(cart=cart, items=list(cart.items.all()), nudges_sent=nudges_sent, clicks=clicks)


@dataclass(frozen=True)
class ComposerInsert:
    label: str
    text: str


def composer_inserts(*, store: Store, thread: Thread) -> list[ComposerInsert]:
    """One-click inserts for the reply box: the latest cart's checkout link and its step's discount code."""
    cart = (
        Cart.objects.for_store(store)
        .filter(customer_id=thread.customer_id)
        .order_by("-last_activity_at")
        .first()
    )
    if cart is None:
        return []
    inserts = []
    if cart.checkout_url.startswith(("https://", "http://")):
        inserts.append(ComposerInsert(label="Checkout link", text=cart.checkout_url))
    code = _cart_discount_code(store=store, cart=cart)
    if code:
        inserts.append(ComposerInsert(label=f"Code {code}", text=code))
    return inserts


def _cart_discount_code(*, store: Store, cart) -> str:
    """The code this cart's texts carry, asked of the nudge engine above (`CART_DISCOUNT_CODE_PROVIDERS`)."""
    return next(
        (code for provider in CART_DISCOUNT_CODE_PROVIDERS if (code := provider(store=store, cart=cart))), ""
    )


def customer_latest_consent(*, store: Store, customer) -> ConsentEvent | None:
    return (
        ConsentEvent.objects.for_store(store)
        .filter(customer=customer)
        .order_by("-occurred_at", "-id")
        .first()
    )


def thread_reply_block_reason(*, thread: Thread) -> str:
    """Why an agent may not text this shopper now, in words for the reply box; "" when they may."""
    customer = thread.customer
    if customer.redacted_at is not None or not customer.phone:
        return "This shopper's data was erased at their request, so there is no number to text."
    if customer.sms_status == SmsStatus.UNSUBSCRIBED:
        return "This shopper opted out of texts (STOP). They must text START before anyone can reply."
    if customer.unreachable_reason():
        until = (
            f" (not texted before {customer.unreachable_until:%b %-d})" if customer.unreachable_until else ""
        )
        return f"This number cannot receive texts: {customer.unreachable_reason()}{until}."
    if customer.sms_status != SmsStatus.SUBSCRIBED and thread.last_inbound_at is None:
        return "No recorded consent and the shopper has never texted you, so you cannot text them first."
    return ""


def store_teammates(*, store: Store) -> list:
    """Everyone who can take a thread in this store, by name."""
    return [
        m.user
        for m in Membership.objects.for_store(store)
        .select_related("user")
        .order_by("user__first_name", "user__username")
    ]


def canned_responses_list(*, store: Store) -> list[CannedResponse]:
    return list(CannedResponse.objects.for_store(store).order_by("title", "id"))


@dataclass(frozen=True)
class CannedChoice:
    title: str
    body: str


def canned_responses_for_thread(*, store: Store, thread: Thread) -> list[CannedChoice]:
    """The store's canned responses filled in for this shopper, as the bot's replies are."""
    from .router import reply_context

    canned = canned_responses_list(store=store)
    if not canned:
        return []
    values = reply_context(store=store, customer=thread.customer)
    return [CannedChoice(title=c.title, body=placeholders_fill(c.body, values)) for c in canned]


# The flows app sits above this one and plugs in what it knows at start-up (flows/apps.py): the texts it
# holds for a shopper, and a test number inside its sending window right now.
SCHEDULE_READERS: dict[str, Callable] = {}


def texts_pending_for(*, store: Store, customer) -> list:
    reader = SCHEDULE_READERS.get("texts_pending")
    return reader(store=store, customer=customer) if reader and customer is not None else []


def shopper_zone(*, store: Store, customer) -> str:
    """The zone the sending rules place this shopper in (number, else store), for their local clock."""
    reader = SCHEDULE_READERS.get("shopper_zone")
    return reader(store=store, customer=customer) if reader else store.timezone


def threads_with_shopper_clock(*, store: Store, threads: list) -> list:
    """Each thread with `shopper_zone` set: an in-memory lookup per row, no query."""
    for thread in threads:
        thread.shopper_zone = shopper_zone(store=store, customer=thread.customer)
    return threads


def sender_registration(*, store: Store) -> SenderRegistration | None:
    """Whether the store's sender may carry US traffic, asked of the SMS backend (None: nothing to check)."""
    number = store.sms_number.as_e164 if store.sms_number else ""
    if not (number.startswith("+1") or store.messaging_service_sid):
        return None
    try:
        return get_backend().sender_registration(
            account_sid=store.twilio_account_sid,
            sender_kind=store.sender_kind,
            phone_number=number,
            messaging_service_sid=store.messaging_service_sid,
        )
    except TransientSmsError as exc:
        return SenderRegistration(None, f"could not ask Twilio ({exc})")
