import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from phonenumber_field.modelfields import PhoneNumberField

from .tenancy import StoreOwned


def new_webhook_secret() -> str:
    return secrets.token_urlsafe(32)


class Platform(models.TextChoices):
    SHOPIFY = "shopify", "Shopify"
    CUSTOM = "custom", "Other shop (signed JSON)"


class TexasRegistration(models.TextChoices):
    REGISTERED = "registered", "Registered"
    EXEMPT = "exempt", "Exempt"


class Store(models.Model):
    """The tenant. Its id is public (webhook URLs), so it is a UUID: not guessable, not countable."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=200)
    platform = models.CharField(max_length=20, choices=Platform.choices, default=Platform.SHOPIFY)
    shop_domain = models.CharField(max_length=255, blank=True, db_index=True)
    website_url = models.URLField(blank=True)
    webhook_secret = models.CharField(max_length=128, default=new_webhook_secret)
    # Shopify keeps signing with the old secret for up to an hour after a rotation: accept both until then.
    previous_webhook_secret = models.CharField(max_length=128, blank=True)
    webhook_secret_rotated_at = models.DateTimeField(null=True, blank=True)
    sms_number = PhoneNumberField(blank=True, db_index=True)
    messaging_service_sid = models.CharField(max_length=64, blank=True)
    twilio_account_sid = models.CharField(max_length=64, blank=True)
    sender_kind = models.CharField(
        max_length=20,
        choices=[("long_code", "Long code"), ("toll_free", "Toll-free"), ("short_code", "Short code")],
        default="long_code",
    )
    sender_rate_per_second = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    timezone = models.CharField(max_length=64, default="America/New_York")
    default_language = models.CharField(max_length=8, default="en")
    currency = models.CharField(max_length=3, default="USD")
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=32, blank=True)
    shipping_policy = models.TextField(blank=True)
    returns_policy = models.TextField(blank=True)
    help_text = models.TextField(blank=True)
    # Stored settings; the compliance and language rules built on them live elsewhere.
    texas_registration = models.CharField(
        max_length=12, choices=TexasRegistration.choices, null=True, blank=True, default=None
    )
    ships_to = models.JSONField(default=list, blank=True, help_text="ISO 3166-1 alpha-2 country codes.")
    # CTIA: the first text after a new consent carries "Msg & data rates may apply" and HELP, or a separate
    # confirmation goes out on consent.
    consent_confirmation = models.CharField(
        max_length=16,
        choices=[
            ("in_first_text", "In the first cart text"),
            ("separate_text", "A separate confirmation text"),
        ],
        default="in_first_text",
    )
    # Facts the bot may state as they are; None: the merchant has not said, so the bot does not either.
    free_shipping_over = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    return_days = models.PositiveSmallIntegerField(null=True, blank=True)
    processing_days = models.PositiveSmallIntegerField(null=True, blank=True)
    is_demo = models.BooleanField(default=False)
    # Set: no text goes out for this store (stores.eligibility), and why ("Shopify app uninstalled").
    sending_stopped_reason = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        # A sender belongs to one store: replies (STOP included) are routed by it.
        constraints = [
            models.UniqueConstraint(
                fields=["sms_number"], condition=~models.Q(sms_number=""), name="store_unique_sms_number"
            ),
            models.UniqueConstraint(
                fields=["messaging_service_sid"],
                condition=~models.Q(messaging_service_sid=""),
                name="store_unique_messaging_service_sid",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    OWNER = "owner", "Owner"
    ADMIN = "admin", "Admin"
    AGENT = "agent", "Agent"


class Membership(StoreOwned):
    store = models.ForeignKey(Store, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.AGENT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["store", "user"], name="membership_unique_user")]

    @property
    def can_manage(self) -> bool:
        return self.role in (Role.OWNER, Role.ADMIN)


class SmsStatus(models.TextChoices):
    SUBSCRIBED = "subscribed", "Subscribed"
    UNSUBSCRIBED = "unsubscribed", "Unsubscribed"
    NONE = "none", "No consent"


class Customer(StoreOwned):
    """A shopper reachable by SMS: one per store and E.164 phone."""

    store = models.ForeignKey(Store, on_delete=models.CASCADE, related_name="customers")
    phone = PhoneNumberField(null=True, blank=True)
    external_id = models.CharField(max_length=64, blank=True, db_index=True)
    first_name = models.CharField(max_length=150, blank=True)
    last_name = models.CharField(max_length=150, blank=True)
    email = models.EmailField(max_length=254, blank=True)
    locale = models.CharField(max_length=16, blank=True)
    country = models.CharField(max_length=2, blank=True)
    province = models.CharField(max_length=8, blank=True)
    sms_status = models.CharField(max_length=16, choices=SmsStatus.choices, default=SmsStatus.NONE)
    # Set when Twilio says the number cannot take texts: for good (21211 invalid), or until
    # `unreachable_until` after two sends met 21614, 30003, 30005 or 30006.
    phone_unreachable_reason = models.CharField(max_length=200, blank=True)
    unreachable_until = models.DateTimeField(null=True, blank=True)
    # No cart text before this time: the shopper asked for a pause and stays subscribed.
    snoozed_until = models.DateTimeField(null=True, blank=True)
    redacted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["store", "phone"], name="customer_unique_phone")]

    def __str__(self) -> str:
        return f"{self.first_name or 'Customer'} {self.phone or ''}".strip()

    @property
    def can_be_texted(self) -> bool:
        from .eligibility import customer_texting_problem

        return not customer_texting_problem(self)

    def unreachable_reason(self, now=None) -> str:
        """Why the number cannot take texts now ("" when it can): for good, or until its rest ends."""
        if not self.phone_unreachable_reason:
            return ""
        if self.unreachable_until is not None and self.unreachable_until <= (now or timezone.now()):
            return ""
        return self.phone_unreachable_reason


class CartStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    ABANDONED = "abandoned", "Abandoned"
    RECOVERED = "recovered", "Recovered"
    EXPIRED = "expired", "Expired"


class Cart(StoreOwned):
    store = models.ForeignKey(Store, on_delete=models.CASCADE, related_name="carts")
    customer = models.ForeignKey(
        Customer, on_delete=models.SET_NULL, null=True, blank=True, related_name="carts"
    )
    # The shop's id for this cart: Shopify's checkout token, or the generic webhook's cart id.
    external_id = models.CharField(max_length=255)
    cart_token = models.CharField(max_length=255, blank=True, db_index=True)
    checkout_token = models.CharField(max_length=255, blank=True, db_index=True)
    # Shopify's numeric checkout id: the only key `checkouts/delete` and REST orders (`checkout_id`) carry.
    checkout_id = models.CharField(max_length=64, blank=True, db_index=True)
    checkout_url = models.URLField(max_length=2000, blank=True)
    currency = models.CharField(max_length=3, default="USD")
    subtotal = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    total = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    status = models.CharField(max_length=16, choices=CartStatus.choices, default=CartStatus.ACTIVE)
    last_activity_at = models.DateTimeField()
    # What the shop sent, kept even when it is not a textable number.
    phone_raw = models.CharField(max_length=64, blank=True)
    phone_problem = models.CharField(max_length=200, blank=True)
    email = models.EmailField(max_length=254, blank=True)
    first_name = models.CharField(max_length=150, blank=True)
    country = models.CharField(max_length=2, blank=True)
    province = models.CharField(max_length=8, blank=True)
    locale = models.CharField(max_length=16, blank=True)
    recovered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["store", "external_id"], name="cart_unique_external_id")
        ]
        indexes = [models.Index(fields=["store", "status", "last_activity_at"])]

    def __str__(self) -> str:
        return f"Cart {self.external_id}"


class CartItem(models.Model):
    cart = models.ForeignKey(Cart, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=500)
    variant = models.CharField(max_length=255, blank=True)
    # The shop's product variant id (Shopify line items' variant_id): the stock check reads it
    variant_id = models.CharField(max_length=64, blank=True)
    quantity = models.PositiveIntegerField(default=1)
    price = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    product_url = models.URLField(max_length=2000, blank=True)
    image_url = models.URLField(max_length=2000, blank=True)

    class Meta:
        ordering = ["position", "id"]


class Order(StoreOwned):
    store = models.ForeignKey(Store, on_delete=models.CASCADE, related_name="orders")
    external_id = models.CharField(max_length=64)
    name = models.CharField(max_length=64, blank=True)
    cart = models.ForeignKey(Cart, on_delete=models.SET_NULL, null=True, blank=True, related_name="orders")
    customer = models.ForeignKey(
        Customer, on_delete=models.SET_NULL, null=True, blank=True, related_name="orders"
    )
    checkout_token = models.CharField(max_length=255, blank=True)
    cart_token = models.CharField(max_length=255, blank=True)
    currency = models.CharField(max_length=3, default="USD")
    total = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    discount_codes = models.JSONField(default=list, blank=True)
    placed_at = models.DateTimeField()
    cancelled_at = models.DateTimeField(null=True, blank=True)
    refunded_amount = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["store", "external_id"], name="order_unique_external_id")
        ]
        # Carts find their orders by token: the dispatcher before each text, a checkout delivered late.
        indexes = [
            models.Index(fields=["store", "checkout_token"]),
            models.Index(fields=["store", "cart_token"]),
        ]


# Where consent was given or taken, in the merchant's words. `source` stays free text (a shop's own webhook
# may name any place); a key not listed here is shown with its underscores as spaces.
CONSENT_SOURCE_LABELS = {
    "checkout_checkbox": "Checkout checkbox",
    "popup_form": "Pop-up form",
    "account": "Customer account",
    "shopify_checkout": "Shopify checkout",
    "shopify_customer": "Shopify customer record",
    "keyword": "Text from the shopper",
    "manage_page": "Manage-texts page",
    "carrier": "Mobile carrier",
}


def consent_source_label(source: str) -> str:
    """'checkout_checkbox' → 'Checkout checkbox'; an unknown key reads as words, not as an identifier."""
    if source in CONSENT_SOURCE_LABELS:
        return CONSENT_SOURCE_LABELS[source]
    words = source.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:]


class ConsentEvent(StoreOwned):
    """Append-only evidence of SMS consent given or taken back (TCPA: keep the proof)."""

    class Kind(models.TextChoices):
        GRANTED = "granted", "Granted"
        REVOKED = "revoked", "Revoked"
        # A pause asked for ("not now", "text me next week"): the shopper stays subscribed.
        SNOOZED = "snoozed", "Paused"
        RESUMED = "resumed", "Resumed"

    store = models.ForeignKey(Store, on_delete=models.CASCADE, related_name="consent_events")
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="consent_events")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    channel = models.CharField(max_length=10, default="sms")
    source = models.CharField(max_length=40)
    occurred_at = models.DateTimeField()
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=500, blank=True)
    text_shown = models.TextField(blank=True)
    language = models.CharField(max_length=16, blank=True)
    evidence = models.JSONField(default=dict, blank=True)
    # Makes a repeated delivery of the same evidence a no-op (one webhook, one event).
    dedupe_key = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["occurred_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["store", "dedupe_key"],
                condition=~models.Q(dedupe_key=""),
                name="consent_unique_dedupe_key",
            )
        ]

    @property
    def source_label(self) -> str:
        return consent_source_label(self.source)

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.pop("redacting", False):
            raise ValueError("Consent events are append-only.")
        super().save(*args, **kwargs)


class WebhookEvent(StoreOwned):
    """One row per shop delivery: the idempotency key, the payload and what became of it."""

    class Status(models.TextChoices):
        RECEIVED = "received", "Received"
        # Claimed by a worker's batch (`claimed_at`); back to the sweeper if that worker died.
        PROCESSING = "processing", "Processing"
        PROCESSED = "processed", "Processed"
        IGNORED = "ignored", "Ignored"
        FAILED = "failed", "Failed"

    store = models.ForeignKey(Store, on_delete=models.CASCADE, related_name="webhook_events")
    source = models.CharField(max_length=20)
    key = models.CharField(max_length=255)
    # A digest of what the signature covers, where that includes a timestamp (the generic format): a
    # captured delivery replayed inside the time window under a fresh event id is still the same delivery.
    replay_key = models.CharField(max_length=64, blank=True, default="")
    topic = models.CharField(max_length=64)
    payload = models.JSONField(default=dict)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.RECEIVED)
    error = models.TextField(blank=True)
    received_at = models.DateTimeField(auto_now_add=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["store", "source", "key"], name="webhook_unique_key"),
            models.UniqueConstraint(
                fields=["store", "source", "replay_key"],
                condition=~models.Q(replay_key=""),
                name="webhook_unique_signed_delivery",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "received_at"]),
            # The claim's batch: one store's oldest received deliveries. Filtering the index above by store
            # read ~47 rows per row kept over 40 stores (1.0 ms against 0.24 ms, docs/scale-out.md). Partial:
            # a delivery leaves it when claimed, so the drain's status updates add no entries to it.
            models.Index(
                fields=["store", "received_at"],
                condition=models.Q(status="received"),
                name="webhook_received_by_store",
            ),
        ]


class DataExport(StoreOwned):
    """A GDPR data request answered: what we hold on one customer, as JSON."""

    store = models.ForeignKey(Store, on_delete=models.CASCADE, related_name="data_exports")
    request_id = models.CharField(max_length=64, blank=True)
    customer_phone = models.CharField(max_length=32, blank=True)
    customer_email = models.EmailField(blank=True)
    data = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)


class Invitation(StoreOwned):
    """An offer to join a store's team with a role. Nobody becomes a member until they accept it through
    the link; the link's token is kept only as a digest, like a password."""

    class Status(models.TextChoices):
        PENDING = "pending", "Invited"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        REVOKED = "revoked", "Revoked"

    store = models.ForeignKey(Store, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.AGENT)
    token_digest = models.CharField(max_length=64, unique=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Who answered it; set on acceptance.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="invitations"
    )
    # The account was made with a password someone else saw (the old invitation flow's one-time password):
    # it must be changed before anything else is done with it.
    password_change_required = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["store", "email"],
                condition=models.Q(status="pending"),
                name="invitation_one_pending_per_email",
            )
        ]


class EvidenceHead(StoreOwned):
    """The newest link of a store's evidence chain; locked while a link is appended, so links queue up."""

    store = models.OneToOneField(Store, on_delete=models.CASCADE, related_name="evidence_head")
    hash = models.CharField(max_length=64, default="")
    length = models.PositiveBigIntegerField(default=0)


class EvidenceLink(StoreOwned):
    """One entry of the store's append-only hash chain: a consent event or a text, with what decided it.

    `hash` = sha256(`prev_hash` + canonical JSON of `content`): changing or removing any entry breaks every
    hash after it, and the head no longer matches.
    """

    class Kind(models.TextChoices):
        CONSENT = "consent", "Consent event"
        TEXT = "text", "Text"

    store = models.ForeignKey(Store, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    phone = models.CharField(max_length=32, blank=True)
    content = models.JSONField()
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["store", "position"], name="evidence_unique_position")]
        indexes = [models.Index(fields=["store", "phone", "position"], name="evidence_phone_idx")]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Evidence links are append-only.")
        super().save(*args, **kwargs)


class ShopifyConnection(StoreOwned):
    """A store's install of our Shopify app: the shop, the offline Admin API token (encrypted), the scopes."""

    store = models.OneToOneField(Store, on_delete=models.CASCADE, related_name="shopify_connection")
    shop_domain = models.CharField(max_length=255, unique=True)
    # Fernet ciphertext of the offline access token (stores.secrets); "" once the app is uninstalled.
    access_token_encrypted = models.TextField(blank=True)
    scopes = models.CharField(max_length=500, blank=True)
    installed_at = models.DateTimeField(null=True, blank=True)
    uninstalled_at = models.DateTimeField(null=True, blank=True)
    # The app webhook topics Shopify confirmed at the last install (`webhookSubscriptionCreate`), and why
    # the others were not registered.
    webhook_topics = models.JSONField(default=list, blank=True)
    webhooks_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    @property
    def is_active(self) -> bool:
        return bool(self.access_token_encrypted) and self.uninstalled_at is None

    @property
    def access_token(self) -> str:
        from .secrets import decrypt

        return decrypt(self.access_token_encrypted) if self.access_token_encrypted else ""

    def __str__(self) -> str:
        return self.shop_domain
