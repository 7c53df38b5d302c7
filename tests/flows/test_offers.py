"""Offers through the real scheduler tick: one offer per person, "only when needed", the expiry the text
names, single-use pool codes, and another store's shoppers never counting."""

from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine

from flows.dispatcher import nudge_dispatch_due
from flows.models import DiscountCode, IncentiveKind, Nudge, OfferGrant, ShortLink
from flows.offers import IncentiveSpec, incentive_for
from flows.services import flow_seed_default, nudges_schedule_for_cart
from tests.flows.conftest import WEDNESDAY_NOON_NY
from tests.flows.factories import DiscountCodeFactory
from tests.stores.factories import CartFactory, CartItemFactory, CustomerFactory

UK = "+447400123456"
UK_OTHER = "+447400123999"
OFFER_TEXT = (
    "Hi {first_name}, {product} is waiting. Code {discount_code} takes 10% off until {code_expires}. {link}"
)
FIRST_DUE = WEDNESDAY_NOON_NY + timedelta(minutes=45)


def _offer_on_first_step(
    store, *, kind=IncentiveKind.CODE_POOL, pool=("POOL-A", "POOL-B", "POOL-C"), **fields
):
    step = flow_seed_default(store=store).steps.get(position=1)
    step.templates = {"en": OFFER_TEXT}
    step.incentive_kind = kind
    step.discount_code = fields.pop("discount_code", "")
    for name, value in fields.items():
        setattr(step, name, value)
    step.save()
    for code in pool if kind == IncentiveKind.CODE_POOL else ():
        DiscountCodeFactory(store=store, step=step, code=code)
    return step


def _cart(store, *, phone=UK, email="", at=WEDNESDAY_NOON_NY, total="120.00", customer=None):
    customer = customer or CustomerFactory(store=store, phone=phone, email=email, first_name="Jamie")
    cart = CartFactory(store=store, customer=customer, last_activity_at=at, total=Decimal(total))
    CartItemFactory(cart=cart, title="Alpine Down Jacket", position=0)
    nudges_schedule_for_cart(store=store, cart=cart)
    return cart


def _sent(cart, position=1) -> Nudge:
    return Nudge.objects.get(cart=cart, step__position=position)


@pytest.mark.django_db(transaction=True)
def test_pool_codes_go_one_per_cart_and_the_text_says_when_they_end(store, sms_outbox):
    _offer_on_first_step(store)
    first, second = _cart(store), _cart(store, phone=UK_OTHER)

    report = nudge_dispatch_due(now=FIRST_DUE)

    assert report.sent == 2
    codes = {cart.pk: ShortLink.objects.get(cart=cart).discount_code for cart in (first, second)}
    assert sorted(codes.values()) == ["POOL-A", "POOL-B"]
    assert set(DiscountCode.objects.filter(cart__isnull=False).values_list("cart_id", flat=True)) == set(
        codes
    )
    # 7 days (incentive_valid_days) after Wednesday 4 March 17:45 UTC: 11 March, in New York and in the text
    bodies = sorted(m.body for m in sms_outbox)
    assert all("takes 10% off until March 11." in body for body in bodies)
    for cart in (first, second):
        link, grant = ShortLink.objects.get(cart=cart), OfferGrant.objects.get(cart=cart)
        assert link.expires_at == grant.expires_at == FIRST_DUE + timedelta(days=7)
        assert grant.code == codes[cart.pk]


@pytest.mark.django_db(transaction=True)
def test_the_expiry_reads_in_the_shoppers_language(store, sms_outbox):
    step = _offer_on_first_step(
        store, kind=IncentiveKind.FIXED_CODE, discount_code="MERCI10", incentive_valid_days=3
    )
    step.templates = {
        "en": OFFER_TEXT,
        "fr": "Le code {discount_code} vaut -10% jusqu'au {code_expires}. {link}",
    }
    step.save()
    cart = _cart(store)
    cart.locale = "fr-FR"
    cart.save()

    nudge_dispatch_due(now=FIRST_DUE)

    assert "Le code MERCI10 vaut -10% jusqu'au 7 mars." in sms_outbox[0].body


@pytest.mark.django_db(transaction=True)
def test_one_offer_per_person_by_phone(store, sms_outbox):
    _offer_on_first_step(store)
    earlier = _cart(store)
    nudge_dispatch_due(now=FIRST_DUE)

    # ten days later the same phone abandons another cart
    later_at = WEDNESDAY_NOON_NY + timedelta(days=10)
    later = _cart(store, customer=earlier.customer, at=later_at)
    nudge_dispatch_due(now=later_at + timedelta(minutes=45))

    nudge = _sent(later)
    assert nudge.state == Nudge.State.SENT
    assert nudge.reason == "incentive withheld: offer given on 2026-03-04"
    assert nudge.events.get(kind="sent").reason == nudge.reason
    body = _body_of(nudge)
    assert body in [m.body for m in sms_outbox]
    assert "POOL-" not in body
    assert "until" not in body
    assert body.startswith("Hi Jamie, Alpine Down Jacket is waiting. https://")
    link = ShortLink.objects.get(cart=later)
    assert link.discount_code == ""
    # the merchant sees why in the conversation's cart panel
    assert "Incentive withheld: offer given on 2026-03-04" in _inbox_page(store, nudge)
    assert link.expires_at == later_at + timedelta(minutes=45, days=30)
    assert DiscountCode.objects.filter(cart=later).count() == 0
    assert OfferGrant.objects.filter(cart=later).count() == 0


@pytest.mark.django_db(transaction=True)
def test_one_offer_per_person_by_email_across_phones(store, sms_outbox):
    _offer_on_first_step(store)
    _cart(store, phone=UK, email="jamie@example.com")
    nudge_dispatch_due(now=FIRST_DUE)

    later_at = WEDNESDAY_NOON_NY + timedelta(days=2)
    other_phone = _cart(store, phone=UK_OTHER, email="Jamie@Example.com ", at=later_at)
    nudge_dispatch_due(now=later_at + timedelta(minutes=45))

    assert _sent(other_phone).reason == "incentive withheld: offer given on 2026-03-04"
    assert "POOL-" not in _body_of(_sent(other_phone))


@pytest.mark.django_db(transaction=True)
def test_after_30_days_the_person_gets_an_offer_again(store, sms_outbox):
    _offer_on_first_step(store)
    earlier = _cart(store)
    nudge_dispatch_due(now=FIRST_DUE)

    later_at = FIRST_DUE + timedelta(days=30)
    later = _cart(store, customer=earlier.customer, at=later_at)
    nudge_dispatch_due(now=later_at + timedelta(minutes=45))

    assert _sent(later).reason == ""
    assert ShortLink.objects.get(cart=later).discount_code == "POOL-B"
    assert OfferGrant.objects.filter(customer=earlier.customer).count() == 2


@pytest.mark.django_db(transaction=True)
def test_another_stores_offer_never_counts(store, other_store, sms_outbox):
    _offer_on_first_step(other_store, pool=("B-1",))
    _cart(other_store, phone=UK, email="jamie@example.com")
    nudge_dispatch_due(now=FIRST_DUE)
    assert OfferGrant.objects.for_store(other_store).count() == 1

    _offer_on_first_step(store)
    ours = _cart(store, phone=UK, email="jamie@example.com", at=WEDNESDAY_NOON_NY + timedelta(days=1))
    nudge_dispatch_due(now=FIRST_DUE + timedelta(days=1))

    assert _sent(ours).reason == ""
    assert ShortLink.objects.get(cart=ours).discount_code == "POOL-A"


@pytest.mark.django_db(transaction=True)
def test_only_carts_above_the_value_get_the_offer(store, sms_outbox):
    _offer_on_first_step(store, incentive_min_cart_value=Decimal("100.00"))
    small = _cart(store, total="99.99")
    large = _cart(store, phone=UK_OTHER, total="100.00")

    nudge_dispatch_due(now=FIRST_DUE)

    assert _sent(small).reason == "incentive withheld: cart 99.99 USD is below 100.00"
    assert ShortLink.objects.get(cart=small).discount_code == ""
    assert _sent(large).reason == ""
    assert ShortLink.objects.get(cart=large).discount_code == "POOL-A"
    assert OfferGrant.objects.filter(cart=small).count() == 0


@pytest.mark.django_db(transaction=True)
def test_only_shoppers_who_did_not_click_get_the_follow_up_offer(store, client, sms_outbox):
    flow = flow_seed_default(store=store)
    follow_up = flow.steps.get(position=2)
    follow_up.incentive_only_if_not_clicked = True
    follow_up.save()
    clicker, silent = _cart(store), _cart(store, phone=UK_OTHER)
    with time_machine.travel(FIRST_DUE, tick=False) as clock:
        nudge_dispatch_due()
        clock.shift(timedelta(hours=2))
        response = client.get(f"/r/{ShortLink.objects.get(cart=clicker).code}", HTTP_USER_AGENT="Mozilla/5.0")
        assert response.status_code == 302
        clock.shift(timedelta(hours=22))
        report = nudge_dispatch_due()

    assert report.sent == 2
    assert _sent(clicker, 2).reason == "incentive withheld: the shopper clicked an earlier text"
    assert _sent(silent, 2).reason == ""
    bodies = {m.nudge.cart_id: m.body for m in _messages_of_step(2)}
    assert "COMEBACK10" not in bodies[clicker.pk]
    assert "You still have" in bodies[clicker.pk]
    assert "Code COMEBACK10 takes 10% off until March 12." in bodies[silent.pk]


def _inbox_page(store, nudge) -> str:
    from django.test import Client
    from django.urls import reverse

    from conversations.models import Message
    from tests.stores.factories import MembershipFactory

    client = Client()
    client.force_login(MembershipFactory(store=store).user)
    thread_id = Message.objects.get(nudge=nudge).thread_id
    url = reverse("inbox:list_thread", kwargs={"store_id": store.id, "thread_id": thread_id})
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _body_of(nudge) -> str:
    from conversations.models import Message

    return Message.objects.get(nudge=nudge).body


def _messages_of_step(position):
    from conversations.models import Message

    return Message.objects.filter(nudge__step__position=position).select_related("nudge")


@pytest.mark.django_db
def test_a_second_call_for_the_same_cart_keeps_its_code_and_its_one_record(store):
    step = _offer_on_first_step(store)
    cart = _cart(store)
    spec = IncentiveSpec.of_step(step)

    first = incentive_for(store=store, spec=spec, cart=cart, customer=cart.customer, now=FIRST_DUE)
    again = incentive_for(store=store, spec=spec, cart=cart, customer=cart.customer, now=FIRST_DUE)

    assert first.code == again.code == "POOL-A"
    assert OfferGrant.objects.filter(cart=cart).count() == 1
    assert DiscountCode.objects.filter(cart__isnull=False).count() == 1


@pytest.mark.django_db
def test_an_empty_pool_without_a_fallback_withholds_the_offer(store):
    step = _offer_on_first_step(store, pool=())
    cart = _cart(store)

    decision = incentive_for(
        store=store, spec=IncentiveSpec.of_step(step), cart=cart, customer=cart.customer, now=FIRST_DUE
    )

    assert decision.incentive is None
    assert decision.withheld == "incentive withheld: the discount code pool is empty"


@pytest.mark.django_db
def test_a_variants_incentive_has_the_same_conditions(store):
    step = _offer_on_first_step(store, kind=IncentiveKind.NONE)
    cart = _cart(store, total="20.00")
    spec = IncentiveSpec.of_variant(
        step, {"kind": "fixed_code", "discount_code": "B20", "min_cart_value": "50"}
    )

    decision = incentive_for(store=store, spec=spec, cart=cart, customer=cart.customer, now=FIRST_DUE)

    assert decision.incentive is None
    assert decision.withheld == "incentive withheld: cart 20.00 USD is below 50"


@pytest.mark.django_db(transaction=True)
def test_the_dispatch_due_command_sends_the_text_without_the_repeat_offer(store, sms_outbox):
    from io import StringIO

    from django.core.management import call_command

    _offer_on_first_step(store)
    earlier = _cart(store, phone=UK, email="jamie@example.com")
    later_at = WEDNESDAY_NOON_NY + timedelta(days=3)
    with time_machine.travel(FIRST_DUE, tick=False) as clock:
        call_command("dispatch_due", stdout=StringIO())
        clock.move_to(later_at)
        later = _cart(store, phone=UK_OTHER, email="JAMIE@example.com", at=later_at)
        clock.shift(timedelta(minutes=45))
        call_command("dispatch_due", stdout=StringIO())

    assert ShortLink.objects.get(cart=earlier, nudge__step__position=1).discount_code == "POOL-A"
    assert _sent(later).state == Nudge.State.SENT
    assert _sent(later).reason == "incentive withheld: offer given on 2026-03-04"
    assert [m.body for m in sms_outbox if m.to == "+447400123999"] == [_body_of(_sent(later))]
    assert "POOL-" not in _body_of(_sent(later))


@pytest.mark.django_db(transaction=True)
def test_two_carts_of_one_person_in_one_tick_get_one_offer(store, sms_outbox):
    _offer_on_first_step(store)
    first = _cart(store, phone=UK, email="jamie@example.com")
    second = _cart(store, phone=UK_OTHER, email="jamie@example.com")

    nudge_dispatch_due(now=FIRST_DUE)

    reasons = sorted(_sent(cart).reason for cart in (first, second))
    assert reasons == ["", "incentive withheld: offer given on 2026-03-04"]
    assert OfferGrant.objects.count() == 1
    assert DiscountCode.objects.filter(cart__isnull=False).count() == 1


def _tick_queries(store, carts: int) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _offer_on_first_step(store, kind=IncentiveKind.FIXED_CODE, discount_code="SAVE10")
    for number in range(carts):
        _cart(store, phone=f"+4474009{number:05d}", email=f"s{number}@example.com")
    with CaptureQueriesContext(connection) as queries:
        report = nudge_dispatch_due(now=FIRST_DUE)
    assert report.sent == carts
    return len(queries)


@pytest.mark.django_db  # deliveries wait for a commit that never comes: only the tick's own queries count
def test_the_offer_rules_cost_the_tick_the_same_queries_for_5_or_25_texts(store, other_store):
    assert _tick_queries(store, 5) == _tick_queries(other_store, 25)


@pytest.mark.django_db
def test_a_shopify_code_that_fell_back_on_the_shared_code_is_recorded_as_a_fixed_code(store):
    # no Shopify connection: unique_code falls back on the step's own code, which every cart shares
    step = _offer_on_first_step(store, kind=IncentiveKind.UNIQUE_CODE, discount_code="SHARED5")
    step.incentive_percent = 5
    step.save()
    cart = _cart(store)

    decision = incentive_for(
        store=store, spec=IncentiveSpec.of_step(step), cart=cart, customer=cart.customer, now=FIRST_DUE
    )

    assert decision.code == "SHARED5"
    assert OfferGrant.objects.get(cart=cart).kind == IncentiveKind.FIXED_CODE
