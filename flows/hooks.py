"""What the nudge engine does when the floor below announces a change (see `stores.hooks`)."""

from collections.abc import Callable

from django.conf import settings

from conversations.languages import language_base
from stores import hooks
from stores.models import ConsentEvent

from .models import Click, DiscountCode, Flow, Nudge, ShortLink, Step
from .services import (
    consent_confirmation_send,
    flow_active_for,
    flow_seed_default,
    nudge_mark_failed,
    nudges_cancel_all_pending,
    nudges_cancel_pending,
    nudges_cancel_pending_many,
    nudges_schedule_for_cart,
    nudges_schedule_for_carts,
    nudges_schedule_for_new_carts,
)

# Filled by the apps above: (store=, cart=) -> True when the cart is in a control group and must not be
# texted (billing's holdout, to measure lift).
HOLDOUT_DECIDERS: list[Callable[..., bool]] = []


def on_store_created(*, store) -> None:
    flow_seed_default(store=store)


def on_cart_active(*, store, cart) -> None:
    nudges_schedule_for_cart(store=store, cart=cart)


def on_carts_active(*, store, carts, with_items) -> None:
    nudges_schedule_for_carts(store=store, carts=carts, with_items=with_items)


def on_new_carts(*, store, carts, with_items) -> None:
    nudges_schedule_for_new_carts(store=store, carts=carts, with_items=with_items)


def on_consent_changed(*, store, customer, event, reason: str) -> None:
    if event.kind == ConsentEvent.Kind.REVOKED:
        nudges_cancel_pending(store=store, reason=reason, customer=customer)


def on_cart_closed(*, store, cart, customer, reason: str) -> None:
    """A bought cart ends the texts about every cart of the shopper; a closed one only its own."""
    nudges_cancel_pending(store=store, reason=reason, cart=cart)
    if customer is not None:
        nudges_cancel_pending(store=store, reason=reason, customer=customer)


def on_carts_bought(*, store, carts, reason: str) -> None:
    """`on_cart_closed` for many bought carts at once: their texts and their shoppers' other carts' stop."""
    customers = [cart.customer for cart in carts if cart.customer is not None]
    nudges_cancel_pending_many(store=store, reason=reason, carts=carts, customers=customers)


def on_order_recorded(*, store, order) -> None:
    """An order that matched no cart still means the shopper bought: no more reminders."""
    on_new_orders(store=store, orders=[order])


def on_new_orders(*, store, orders) -> None:
    customers = [o.customer for o in orders if o.cart_id is None and o.customer_id is not None]
    if customers:
        nudges_cancel_pending_many(store=store, reason="ordered", customers=customers)


def on_customer_redacted(*, store, customer) -> None:
    nudges_cancel_pending(store=store, reason="customer data erased", customer=customer)


def on_sending_stopped(*, store, reason: str) -> None:
    nudges_cancel_all_pending(store=store, reason=reason)


def on_message_refused(*, store, message, reason: str) -> None:
    if message.nudge_id:
        nudge_mark_failed(store=store, nudge_id=message.nudge_id, reason=reason)


def on_number_unreachable(*, store, customer, reason: str) -> None:
    nudges_cancel_pending(store=store, reason=f"number unreachable: {reason}", customer=customer)


def cart_short_link(*, store, cart) -> str:
    link = ShortLink.objects.for_store(store).filter(cart=cart).order_by("-created_at").first()
    return f"{settings.PUBLIC_BASE_URL}/r/{link.code}" if link is not None else ""


_MAIN_REPLY_FIELDS = {"fallback": "fallback_reply", "holding": "holding_reply"}


def flow_reply_wording(*, store, kind: str, language: str) -> str:
    """The store's own text of one router reply in this language: `Flow.replies`, else the main field when
    the language is the store's; "" leaves the shipped text of that language."""
    flow = (
        Flow.objects.for_store(store)
        .filter(is_active=True)
        .only("fallback_reply", "holding_reply", "replies")
        .first()
    )
    if flow is None:
        return ""
    return flow_own_reply(flow, store_language=store.default_language, kind=kind, language=language)


def flow_own_reply(flow: Flow, *, store_language: str, kind: str, language: str) -> str:
    """The one reading of a flow's own wording, for the router and the settings API alike."""
    own = (flow.replies or {}).get(kind) or {}
    if (own.get(language) or "").strip():
        return own[language]
    field = _MAIN_REPLY_FIELDS.get(kind)
    if field is None or language != (language_base(store_language) or "en"):
        return ""
    text = getattr(flow, field)
    # The model's English default stays a default: a French store's shoppers get the French one.
    if language != "en" and text == getattr(Flow._meta.get_field(field), "default", None):
        return ""
    return text


def cart_activity(*, store, cart) -> tuple[list[Nudge], int]:
    sent = Nudge.objects.for_store(store).filter(cart=cart, state=Nudge.State.SENT)
    clicks = Click.objects.for_store(store).filter(link__cart=cart).count()
    return list(sent.select_related("step").order_by("sent_at", "id")), clicks


def first_text_delay(*, store) -> int | None:
    flow = flow_active_for(store=store)
    first_step = flow.steps.filter(is_active=True).order_by("position").first() if flow else None
    return first_step.delay_minutes if first_step is not None else None


def cart_discount_code(*, store, cart) -> str:
    """The code this cart's texts carry: its own from a pool, else the fixed code of its latest step."""
    pooled = DiscountCode.objects.for_store(store).filter(cart=cart).order_by("-assigned_at").first()
    if pooled is not None:
        return pooled.code
    step = (
        Step.objects.filter(nudges__cart=cart)
        .exclude(discount_code="")
        .order_by("-position")
        .only("discount_code")
        .first()
    )
    return step.discount_code if step else ""


def register() -> None:
    from conversations import hooks as messaging

    hooks.hook_register(messaging.MESSAGE_REFUSED_HOOKS, on_message_refused)
    hooks.hook_register(messaging.NUMBER_UNREACHABLE_HOOKS, on_number_unreachable)
    hooks.hook_register(messaging.CART_LINK_PROVIDERS, cart_short_link)
    hooks.hook_register(messaging.CART_DISCOUNT_CODE_PROVIDERS, cart_discount_code)
    hooks.hook_register(messaging.REPLY_WORDING_PROVIDERS, flow_reply_wording)
    hooks.hook_register(messaging.CART_ACTIVITY_PROVIDERS, cart_activity)
    hooks.hook_register(messaging.FIRST_TEXT_DELAY_PROVIDERS, first_text_delay)
    hooks.hook_register(hooks.STORE_CREATED_HOOKS, on_store_created)
    hooks.hook_register(hooks.CART_ACTIVE_HOOKS, on_cart_active)
    hooks.hook_register(hooks.CARTS_ACTIVE_HOOKS, on_carts_active)
    hooks.hook_register(hooks.NEW_CARTS_HOOKS, on_new_carts)
    hooks.hook_register(hooks.CONSENT_CHANGED_HOOKS, on_consent_changed)
    hooks.hook_register(hooks.CONSENT_GRANTED_HOOKS, consent_confirmation_send)
    hooks.hook_register(hooks.CART_CLOSED_HOOKS, on_cart_closed)
    hooks.hook_register(hooks.ORDER_RECORDED_HOOKS, on_order_recorded)
    hooks.hook_register(hooks.CARTS_BOUGHT_HOOKS, on_carts_bought)
    hooks.hook_register(hooks.NEW_ORDERS_HOOKS, on_new_orders)
    hooks.hook_register(hooks.CUSTOMER_REDACTED_HOOKS, on_customer_redacted)
    hooks.hook_register(hooks.SENDING_STOPPED_HOOKS, on_sending_stopped)
