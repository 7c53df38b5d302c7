"""One answer to "may we text this person about this cart", whichever part of the app asks."""

import pytest
from django.utils import timezone

from flows.hooks import on_consent_changed
from flows.models import Nudge
from flows.services import flow_seed_default, nudges_schedule_for_cart
from stores.eligibility import NotTextable, cart_texting_problem
from stores.hooks import CONSENT_CHANGED_HOOKS
from stores.models import CartStatus, SmsStatus
from stores.services import consent_record
from tests.stores.factories import CartFactory, CartItemFactory, CustomerFactory

pytestmark = pytest.mark.django_db

CASES = {
    "textable": ({}, {}, ""),
    "opted out": ({"sms_status": SmsStatus.UNSUBSCRIBED}, {}, NotTextable.OPTED_OUT),
    "no consent": ({"sms_status": SmsStatus.NONE}, {}, NotTextable.NO_CONSENT),
    "unreachable": ({"phone_unreachable_reason": "landline"}, {}, "number unreachable: landline"),
    "erased": ({"phone": None, "redacted_at": timezone.now()}, {}, NotTextable.NO_NUMBER),
    "ordered": ({}, {"status": CartStatus.RECOVERED}, NotTextable.ORDER_PLACED),
}


@pytest.mark.parametrize("case", CASES)
def test_enrollment_and_the_customer_flag_give_one_answer(store, case):
    customer_fields, cart_fields, expected = CASES[case]
    flow_seed_default(store=store)
    customer = CustomerFactory(store=store, **customer_fields)
    cart = CartFactory(store=store, customer=customer, **cart_fields)
    CartItemFactory(cart=cart, title="Alpine Down Jacket", position=0)

    nudges = nudges_schedule_for_cart(store=store, cart=cart)

    assert cart_texting_problem(cart) == expected
    assert bool(nudges) == (expected == "")
    assert customer.can_be_texted == (expected in ("", NotTextable.ORDER_PLACED))
    assert not Nudge.objects.filter(cart=cart).exclude(state=Nudge.State.SCHEDULED).exists()


def test_an_emptied_cart_is_not_texted(store):
    cart = CartFactory(store=store, customer=CustomerFactory(store=store), total=0)

    assert cart_texting_problem(cart) == NotTextable.CART_EMPTIED


def test_a_revocation_through_the_consent_service_cancels_pending_texts(store):
    # given a consenting shopper with a text waiting
    flow_seed_default(store=store)
    customer = CustomerFactory(store=store)
    cart = CartFactory(store=store, customer=customer)
    CartItemFactory(cart=cart, title="Alpine Down Jacket", position=0)
    nudges_schedule_for_cart(store=store, cart=cart)

    # when consent is revoked through the one consent service, from any source
    consent_record(store=store, customer=customer, kind="revoked", source="form", reason="asked by phone")

    # then flows heard it through the hook: nothing is left waiting, and the reason is kept
    nudges = list(Nudge.objects.filter(cart=cart))
    assert nudges
    assert {(n.state, n.reason) for n in nudges} == {(Nudge.State.CANCELLED, "asked by phone")}
    assert on_consent_changed in CONSENT_CHANGED_HOOKS
