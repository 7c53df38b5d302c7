from django.conf import settings
from django.db import models

from stores.tenancy import StoreOwned


class Thread(StoreOwned):
    """One conversation per store × customer."""

    # Set per reader by the inbox's queries (an annotation), not a column.
    my_unread: int

    class Status(models.TextChoices):
        BOT = "bot", "Bot"
        ESCALATED = "escalated", "Needs a human"
        ASSIGNED = "assigned", "Assigned"
        RESOLVED = "resolved", "Resolved"

    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="threads")
    customer = models.ForeignKey("stores.Customer", on_delete=models.CASCADE, related_name="threads")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.BOT)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    escalation_reason = models.CharField(max_length=200, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    last_message_at = models.DateTimeField(null=True, blank=True)
    last_inbound_at = models.DateTimeField(null=True, blank=True)
    # Texts for a person (escalations and texts in a thread a person holds), counted up and never reset: each
    # member's unread count is this minus what their ThreadRead saw.
    human_inbound_count = models.PositiveIntegerField(default=0)
    # Out of the working folders until then; a new text from the shopper wakes it early.
    snoozed_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["store", "customer"], name="thread_unique_customer")]
        indexes = [
            models.Index(fields=["store", "status", "-last_message_at"]),
            # The inbox folders "all", "unassigned" and "mine": newest activity first, a keyset page each.
            models.Index(fields=["store", "-last_message_at", "-id"], name="thread_store_activity_idx"),
            models.Index(
                fields=["store", "assignee", "-last_message_at", "-id"], name="thread_assignee_activity_idx"
            ),
        ]


class Message(StoreOwned):
    class Direction(models.TextChoices):
        IN = "in", "Inbound"
        OUT = "out", "Outbound"

    class Status(models.TextChoices):
        RECEIVED = "received", "Received"
        PENDING = "pending", "Pending"
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        DELIVERED = "delivered", "Delivered"
        UNDELIVERED = "undelivered", "Undelivered"
        FAILED = "failed", "Failed"

    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="messages")
    direction = models.CharField(max_length=3, choices=Direction.choices)
    body = models.TextField()
    status = models.CharField(max_length=12, choices=Status.choices)
    # Which router step produced an outbound reply, or what the inbound message triggered.
    route = models.CharField(max_length=20, blank=True)
    rule = models.ForeignKey(
        "conversations.KeywordRule", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    nudge = models.OneToOneField(
        "flows.Nudge", on_delete=models.SET_NULL, null=True, blank=True, related_name="message"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    twilio_sid = models.CharField(max_length=64, null=True, blank=True, unique=True)
    # Inbound: the language the router read; outbound: the language it answered in.
    language = models.CharField(max_length=8, blank=True)
    # For the agents, shown in the inbox: "No French reply for this rule: answered in English".
    note = models.CharField(max_length=300, blank=True)
    segments = models.PositiveSmallIntegerField(default=1)
    encoding = models.CharField(max_length=8, blank=True)
    price = models.DecimalField(max_digits=10, decimal_places=5, null=True, blank=True)
    price_unit = models.CharField(max_length=3, blank=True)
    error_code = models.CharField(max_length=16, blank=True)
    error_message = models.CharField(max_length=300, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["thread", "created_at"]),
            # The sweeper's view: only texts still waiting to leave, so it stays small.
            models.Index(
                fields=["updated_at"],
                condition=models.Q(status__in=["pending", "sending"]),
                name="message_unsent_idx",
            ),
        ]


class SendAttempt(StoreOwned):
    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="send_attempts")
    at = models.DateTimeField()
    outcome = models.CharField(max_length=20)
    error_code = models.CharField(max_length=16, blank=True)
    detail = models.CharField(max_length=500, blank=True)


class ThreadRead(StoreOwned):
    """How far one member has read one thread: unread counts are per person, not per thread."""

    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="reads")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    seen_count = models.PositiveIntegerField(default=0)  # the thread's human_inbound_count when last opened
    read_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["thread", "user"], name="thread_read_unique_user")]


class ThreadNote(StoreOwned):
    """An internal note on a thread: for the team only, never texted to the shopper."""

    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]


class CannedResponse(StoreOwned):
    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=120)
    body = models.TextField()

    class Meta:
        ordering = ["title"]


class KeywordRule(StoreOwned):
    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=120)
    keywords = models.JSONField(default=list)
    reply = models.TextField()
    # The reply in other languages: {"fr": "…", "de": "…"}; `reply` is the store's language.
    replies = models.JSONField(default=dict, blank=True)
    # The rule's own words per language, replacing the built-in lexicon's for that language: {"fr": [...]}.
    lexicon = models.JSONField(default=dict, blank=True)
    priority = models.IntegerField(default=100, help_text="Lower runs first.")
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        # Moved from flows (state only): the table keeps its name and its rows.
        db_table = "flows_keywordrule"
        ordering = ["priority", "id"]
