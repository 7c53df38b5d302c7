"""Incentive kind `unique_code`: one single-use code per cart, made in the shop's Shopify admin just before
the text that carries it (docs/shopify.md).

The code is `discountCodeBasicCreate`d with the step's percentage or amount, usage limit 1, once per
customer, ending after the step's `valid_days`, and recorded as a `DiscountCode` of the cart (the link
applies it at checkout and billing's attribution reads it there). Shopify refusing or being down never
holds the text back: the text goes without the code (or with the step's fallback code) and the reason is
logged.
"""

import contextlib
import logging
import secrets
from collections.abc import Iterator
from contextvars import ContextVar
from datetime import datetime, timedelta

from cartrecovery.db import insert_once
from stores.models import Cart
from stores.shopify_admin import ShopifyAdminError, ShopifyUserError, admin_client

from .models import DiscountCode, Step

logger = logging.getLogger("cartrecovery.flows")

CODE_PREFIX = "BACK-"
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off a phone screen
CODE_LENGTH = 6
TRIES = 2  # a second code when the first is TAKEN (1 in ~10^9 per pair)

_CREATE = """
mutation CartRecoveryCode($basicCodeDiscount: DiscountCodeBasicInput!) {
  discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) {
    codeDiscountNode { id codeDiscount { ... on DiscountCodeBasic { codes(first: 1) { nodes { code } } } } }
    userErrors { field code message }
  }
}
"""

# Off inside the dispatcher's dry run: its rollback cannot take back a code made in Shopify.
_creating: ContextVar[bool] = ContextVar("shopify_codes_creating", default=True)


@contextlib.contextmanager
def codes_not_created() -> Iterator[None]:
    token = _creating.set(False)
    try:
        yield
    finally:
        _creating.reset(token)


def code_new() -> str:
    return CODE_PREFIX + "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def discount_input(*, step: Step, code: str, now: datetime) -> dict:
    """The DiscountCodeBasicInput of one cart's code."""
    if step.incentive_percent:
        value: dict = {"percentage": step.incentive_percent / 100}
    else:
        value = {"discountAmount": {"amount": str(step.incentive_amount), "appliesOnEachItem": False}}
    return {
        "title": f"Cart recovery {code}",
        "code": code,
        "startsAt": now.isoformat(),
        "endsAt": (now + timedelta(days=step.incentive_valid_days)).isoformat(),
        "context": {"all": "ALL"},
        "customerGets": {"value": value, "items": {"all": True}},
        "usageLimit": 1,
        "appliesOncePerCustomer": True,
    }


def unique_code_for_cart(*, step: Step, cart: Cart, now: datetime) -> str:
    """The cart's code for this step: the one made before, else a new one from Shopify; the step's
    fallback code (or "") when Shopify cannot make one."""
    made = DiscountCode.objects.filter(step=step, cart=cart).values_list("code", flat=True).first()
    if made:
        return made
    if not _creating.get():
        return step.discount_code
    try:
        code = _code_create(step=step, cart=cart, now=now)
    except ShopifyAdminError as exc:
        logger.warning(
            "step %s cart %s: no unique code from Shopify, the text goes without it: %s",
            step.id,
            cart.id,
            exc,
        )
        return step.discount_code
    insert_once(
        DiscountCode,
        {"store_id": cart.store_id, "step": step, "code": code, "cart": cart, "assigned_at": now},
    )
    return code


def _code_create(*, step: Step, cart: Cart, now: datetime) -> str:
    client = admin_client(cart.store)
    if client is None:
        raise ShopifyAdminError("the store has no active Shopify connection", code="NOT_CONNECTED")
    for attempt in range(1, TRIES + 1):
        code = code_new()
        try:
            client.mutate(
                _CREATE,
                {"basicCodeDiscount": discount_input(step=step, code=code, now=now)},
                "discountCodeBasicCreate",
            )
        except ShopifyUserError as exc:
            taken = any(error.get("code") == "TAKEN" for error in exc.user_errors)
            if taken and attempt < TRIES:
                continue
            raise
        return code
    raise ShopifyAdminError("no free code")  # unreachable: the loop returns or raises
