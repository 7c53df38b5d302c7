from django.db import models

from conversations.rules import DEFAULT_FALLBACK_REPLY, DEFAULT_HOLDING_REPLY
from stores.tenancy import StoreOwned


class Flow(StoreOwned):
    """A store's recovery sequence and the rules around it (quiet hours, caps, canned replies)."""

    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="flows")
    name = models.CharField(max_length=120, default="Abandoned cart")
    is_active = models.BooleanField(default=True)
    quiet_hours_start = models.PositiveSmallIntegerField(default=8, help_text="Earliest local hour to text.")
    quiet_hours_end = models.PositiveSmallIntegerField(default=21, help_text="Local hour when texting stops.")
    frequency_cap = models.PositiveSmallIntegerField(default=3, help_text="Texts per phone per 24 hours.")
    # The store's own wording of the router's two replies (empty or absent: conversations' defaults).
    fallback_reply = models.TextField(default=DEFAULT_FALLBACK_REPLY)
    holding_reply = models.TextField(default=DEFAULT_HOLDING_REPLY)
    # The same canned answers in other languages: {"fallback"|"holding"|"opt_out"|"opt_in": {"fr": "…"}}.
    # A language without a text here takes conversations' shipped default (conversations.wording).
    replies = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["store"], condition=models.Q(is_active=True), name="flow_one_active_per_store"
            )
        ]


class IncentiveKind(models.TextChoices):
    NONE = "none", "No incentive"
    FIXED_CODE = "fixed_code", "One code for everyone"
    CODE_POOL = "code_pool", "A unique code from a pool"
    FREE_SHIPPING = "free_shipping", "Free shipping text"
    UNIQUE_CODE = "unique_code", "A Shopify code per cart"


class Step(StoreOwned):
    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")
    flow = models.ForeignKey(Flow, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField()
    delay_minutes = models.PositiveIntegerField()
    # {"en": "Hi {first_name}…", "es": "Hola {first_name}…"}
    templates = models.JSONField(default=dict)
    incentive_kind = models.CharField(
        max_length=20, choices=IncentiveKind.choices, default=IncentiveKind.NONE
    )
    discount_code = models.CharField(max_length=64, blank=True)
    incentive_text = models.CharField(max_length=200, blank=True)
    incentive_valid_days = models.PositiveSmallIntegerField(default=7)
    # kind unique_code: the code Shopify makes takes this percentage or this amount off (one of the two)
    incentive_percent = models.PositiveSmallIntegerField(null=True, blank=True)
    incentive_amount = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    # "Only when needed" (flows.offers): the incentive goes only to carts worth at least this much (in the
    # cart's currency), and/or only to shoppers who did not click an earlier text of the cart.
    incentive_min_cart_value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    incentive_only_if_not_clicked = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    # 2–4 variants of the text, tested against each other (see flows/variants.py); [] = the step's own text:
    # [{"key": "A", "weight": 50, "templates": {lang: text}, "incentive": {kind, discount_code, text,
    #   valid_days}, "delay_minutes": int | None}]
    variants = models.JSONField(default=list, blank=True)
    # The experiment over those variants, kept by the scheduler tick: {"status": "running"|"decided"|
    # "stopped", "winner", "started_at", "decided_at", "fingerprint", "statement", "numbers"}; {} = none.
    experiment = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["flow", "position"], name="step_unique_position")]


class DiscountCode(StoreOwned):
    """One code of a merchant-uploaded pool, or one made in Shopify for a cart (kind unique_code); handed
    to exactly one cart."""

    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")
    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="pool_codes")
    code = models.CharField(max_length=64)
    cart = models.OneToOneField(
        "stores.Cart", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    assigned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["store", "code"], name="discount_code_unique")]


class OfferGrant(StoreOwned):
    """An incentive a cart's texts gave (one per cart): the one-offer-per-person rule and leak checks
    read these (flows.offers, billing.leaks)."""

    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")
    cart = models.OneToOneField("stores.Cart", on_delete=models.CASCADE, related_name="offer_grant")
    customer = models.ForeignKey(
        "stores.Customer", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    step = models.ForeignKey(Step, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    kind = models.CharField(max_length=20)
    code = models.CharField(max_length=64, blank=True)
    granted_at = models.DateTimeField()
    expires_at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["store", "customer", "granted_at"], name="offer_grant_customer_idx"),
            models.Index(fields=["store", "code"], name="offer_grant_code_idx"),
        ]


class Nudge(StoreOwned):
    """One scheduled text per cart × step. The durable schedule: the dispatcher reads these rows."""

    class State(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        CANCELLED = "cancelled", "Cancelled"
        SKIPPED = "skipped", "Skipped"
        FAILED = "failed", "Failed"

    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")
    cart = models.ForeignKey("stores.Cart", on_delete=models.CASCADE, related_name="nudges")
    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="nudges")
    state = models.CharField(max_length=12, choices=State.choices, default=State.SCHEDULED)
    due_at = models.DateTimeField()
    deferred_count = models.PositiveIntegerField(default=0)
    # Why it was last held, skipped or cancelled, in words a merchant can read.
    reason = models.CharField(max_length=300, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    holdout = models.BooleanField(default=False)
    # The step variant this cart was assigned ("A", "B", …); "" for a step without variants.
    variant = models.CharField(max_length=8, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["cart", "step"], name="nudge_unique_cart_step")]
        indexes = [
            models.Index(
                fields=["due_at"], condition=models.Q(state="scheduled"), name="nudge_due_scheduled_idx"
            ),
            models.Index(fields=["state", "due_at"], name="nudge_state_due_idx"),
        ]


class NudgeEvent(StoreOwned):
    """The log of every hold, skip, cancel and send, with its reason."""

    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")
    nudge = models.ForeignKey(Nudge, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=16)
    reason = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "id"]


class ShortLink(StoreOwned):
    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")
    code = models.CharField(max_length=32, unique=True)
    cart = models.ForeignKey("stores.Cart", on_delete=models.CASCADE, related_name="short_links")
    nudge = models.ForeignKey(Nudge, on_delete=models.SET_NULL, null=True, blank=True, related_name="links")
    message = models.ForeignKey(
        "conversations.Message", on_delete=models.SET_NULL, null=True, blank=True, related_name="links"
    )
    target_url = models.URLField(max_length=2000)
    discount_code = models.CharField(max_length=64, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)


class Click(StoreOwned):
    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")
    link = models.ForeignKey(ShortLink, on_delete=models.CASCADE, related_name="clicks")
    at = models.DateTimeField()
    user_agent = models.CharField(max_length=500, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
