"""Writes of the stores app (a package: the module passed 400 lines). Import from here."""

from .accounts import (
    membership_ensure,
    store_webhook_secret_rotate,
    user_ensure,
)
from .api_tokens import api_token_create, api_token_revoke, api_token_rotate, api_tokens_revoke_all
from .cart_batch import KnownCartUpdate, NewCart, carts_create_new, carts_update_known
from .consent import ConsentDetails, consent_record, customer_resume, customer_snooze
from .order_batch import NewOrder, orders_record_new
from .shoppers import (
    cart_close,
    cart_mark_recovered,
    cart_upsert,
    consent_apply,
    consent_change_record,
    customer_upsert,
    order_record,
)
from .webhook_events import (
    webhook_event_record,
    webhook_events_claim,
    webhook_events_release,
    webhook_events_requeue_stale,
    webhook_events_waiting,
)

__all__ = [
    "ConsentDetails",
    "KnownCartUpdate",
    "NewCart",
    "NewOrder",
    "api_token_create",
    "api_token_revoke",
    "api_token_rotate",
    "api_tokens_revoke_all",
    "cart_close",
    "cart_mark_recovered",
    "cart_upsert",
    "carts_create_new",
    "carts_update_known",
    "consent_apply",
    "consent_change_record",
    "consent_record",
    "customer_resume",
    "customer_snooze",
    "customer_upsert",
    "membership_ensure",
    "order_record",
    "orders_record_new",
    "store_webhook_secret_rotate",
    "user_ensure",
    "webhook_event_record",
    "webhook_events_claim",
    "webhook_events_release",
    "webhook_events_requeue_stale",
    "webhook_events_waiting",
]
