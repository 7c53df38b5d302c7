"""The 2026 rows of the policy table: Texas, Maryland's cap, French holidays, CASL and CTIA."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from conversations.models import Message
from flows.dispatcher import nudge_dispatch_due
from flows.models import Nudge
from flows.policy import POLICY_TABLE, TEXAS_REGISTRATION_UNSET, quiet_hours_check, recipient_resolve
from flows.rendering import template_preview
from flows.services import flow_seed_default, nudges_schedule_for_cart
from stores.services import consent_record
from tests.flows.conftest import WEDNESDAY_NOON_NY
from tests.stores.factories import CartFactory, StoreFactory

DALLAS = "+12145550100"
BALTIMORE = "+14105550100"
PARIS = "+33612345678"


def _at(zone: str, *args) -> datetime:
    return datetime(*args, tzinfo=ZoneInfo(zone)).astimezone(UTC)


def _hold(phone: str, now: datetime):
    store = StoreFactory.build(timezone="America/New_York")
    recipient = recipient_resolve(phone=phone, store=store, cart=CartFactory.build(store=store))
    return quiet_hours_check(recipient=recipient, now=now)


# 2026-03-07 is a Saturday, 2026-03-08 a Sunday.
@pytest.mark.parametrize(
    ("local_now", "expected"),
    [
        (
            (2026, 3, 7, 8, 59),
            "held until 09:00 America/Chicago — area code, Texas 9:00–21:00, Sundays from 12:00",
        ),
        ((2026, 3, 7, 9, 0), None),
        ((2026, 3, 7, 20, 59), None),
        (
            (2026, 3, 7, 21, 0),
            "held until Sun 12:00 America/Chicago — area code, Texas 9:00–21:00, Sundays from 12:00",
        ),
        (
            (2026, 3, 8, 9, 30),
            "held until 12:00 America/Chicago — area code, Texas 9:00–21:00, Sundays from 12:00",
        ),
        (
            (2026, 3, 8, 11, 59),
            "held until 12:00 America/Chicago — area code, Texas 9:00–21:00, Sundays from 12:00",
        ),
        ((2026, 3, 8, 12, 0), None),
        ((2026, 3, 8, 15, 0), None),
    ],
)
def test_texas_window_is_9_to_21_and_from_noon_on_sundays(local_now, expected):
    hold = _hold(DALLAS, _at("America/Chicago", *local_now))

    assert (hold.reason if hold else None) == expected


@pytest.mark.parametrize(
    ("local_now", "opens"),
    [
        ((2026, 7, 14, 10, 0), (2026, 7, 15, 8, 0)),  # Fête nationale, a Tuesday
        ((2026, 12, 25, 9, 0), (2026, 12, 26, 8, 0)),  # Christmas, a Friday
        ((2026, 12, 24, 21, 59), None),
        ((2026, 5, 24, 12, 0), (2026, 5, 26, 8, 0)),  # Sunday, then Whit Monday
    ],
)
def test_france_sends_nothing_on_public_holidays(local_now, opens):
    hold = _hold(PARIS, _at("Europe/Paris", *local_now))

    if opens is None:
        assert hold is None
    else:
        assert hold.until == _at("Europe/Paris", *opens)
        assert hold.reason.endswith("France 8:00–22:00, no Sundays or public holidays")


def test_every_new_row_names_its_source():
    for key in ("US", "CA", "US-TX", "US-MD", "US-FL", "FR"):
        assert POLICY_TABLE[key].source, key
    assert POLICY_TABLE["US-MD"].max_texts_per_24h == 3
    assert POLICY_TABLE["CA"].identify_every_text


@pytest.mark.django_db(transaction=True)
def test_maryland_gets_at_most_three_texts_per_24_hours(store, flow, make_cart, sms_outbox):
    # given a Maryland shopper with four carts and a store cap above the law's
    flow.frequency_cap = 5
    flow.save()
    carts = [make_cart(phone=BALTIMORE)]
    for minute in range(1, 4):
        cart = make_cart(phone=None, at=WEDNESDAY_NOON_NY + timedelta(minutes=minute))
        cart.customer.delete()
        cart.customer = carts[0].customer
        cart.save()
        carts.append(cart)
    for cart in carts:
        nudges_schedule_for_cart(store=store, cart=cart)

    # when
    report = nudge_dispatch_due(now=WEDNESDAY_NOON_NY + timedelta(minutes=50))

    # then
    assert (report.sent, report.deferred) == (3, 1)
    held = Nudge.objects.get(cart=carts[3], step__position=1)
    assert held.reason == "held until Thu 12:50 America/New_York — frequency cap (3 per 24 h)"


@pytest.mark.django_db(transaction=True)
def test_texts_to_texas_wait_for_the_stores_registration(client, owner, store, flow, make_cart, sms_outbox):
    # given a store that has not said whether it is registered in Texas
    cart = make_cart(phone=DALLAS)
    nudges_schedule_for_cart(store=store, cart=cart)
    due = WEDNESDAY_NOON_NY + timedelta(minutes=45)

    # when
    held = nudge_dispatch_due(now=due)

    # then the text waits, and the Overview and Settings say why
    nudge = Nudge.objects.get(cart=cart, step__position=1)
    assert (held.sent, held.deferred) == (0, 1)
    assert nudge.reason == TEXAS_REGISTRATION_UNSET
    assert held.reasons == {"held: Texas registration not set": 1}
    client.force_login(owner)
    overview = client.get(reverse("dashboard:home", kwargs={"store_id": store.id})).content.decode()
    assert "1</strong> × Held: Texas registration not set" in overview
    settings_page = client.get(reverse("dashboard:settings", kwargs={"store_id": store.id})).content.decode()
    assert "Texas registration not set: texts to Texas numbers are held (1 waiting)" in settings_page

    # when the owner says the store is exempt
    response = client.post(
        reverse("dashboard:settings_compliance", kwargs={"store_id": store.id}),
        {"texas_registration": "exempt", "consent_confirmation": "in_first_text"},
    )
    sent = nudge_dispatch_due(now=nudge.due_at)

    # then
    store.refresh_from_db()
    assert response.status_code == 302
    assert store.texas_registration == "exempt"
    assert sent.sent == 1
    assert len(sms_outbox) == 1


@pytest.mark.django_db
def test_a_bad_compliance_setting_is_refused_and_changes_nothing(client, owner, store):
    client.force_login(owner)

    response = client.post(
        reverse("dashboard:settings_compliance", kwargs={"store_id": store.id}),
        {"texas_registration": "maybe", "consent_confirmation": "in_first_text"},
        follow=True,
    )

    store.refresh_from_db()
    assert response.status_code == 200
    assert "Choose one of the options offered." in response.content.decode()
    assert store.texas_registration is None


@pytest.mark.django_db(transaction=True)
def test_the_first_cart_text_after_each_new_consent_carries_the_ctia_disclosures(
    store, flow, make_cart, sms_outbox
):
    # given a shopper texted once, who then opts out and back in
    first_cart = make_cart(phone="+12125550100")
    customer = first_cart.customer
    nudges_schedule_for_cart(store=store, cart=first_cart)
    nudge_dispatch_due(now=WEDNESDAY_NOON_NY + timedelta(minutes=45))
    second_cart = CartFactory(
        store=store, customer=customer, last_activity_at=WEDNESDAY_NOON_NY + timedelta(days=3)
    )
    nudges_schedule_for_cart(store=store, cart=second_cart)
    nudge_dispatch_due(now=WEDNESDAY_NOON_NY + timedelta(days=3, minutes=45))
    consent_record(
        store=store,
        customer=customer,
        kind="revoked",
        source="keyword",
        occurred_at=WEDNESDAY_NOON_NY + timedelta(days=4),
    )
    consent_record(
        store=store,
        customer=customer,
        kind="granted",
        source="keyword",
        occurred_at=WEDNESDAY_NOON_NY + timedelta(days=5),
    )
    third_cart = CartFactory(
        store=store, customer=customer, last_activity_at=WEDNESDAY_NOON_NY + timedelta(days=6)
    )
    nudges_schedule_for_cart(store=store, cart=third_cart)

    # when
    nudge_dispatch_due(now=WEDNESDAY_NOON_NY + timedelta(days=6, minutes=45))

    # then the first text and the first after the new consent disclose; the one between does not
    bodies = [
        Nudge.objects.get(cart=c, step__position=1).message.body
        for c in (first_cart, second_cart, third_cart)
    ]
    disclosure = "Msg & data rates may apply. Reply HELP for help."
    assert [disclosure in b for b in bodies] == [True, False, True]
    assert all(b.endswith("Reply STOP to opt out.") for b in bodies)


@pytest.mark.django_db(transaction=True)
def test_a_store_may_confirm_consent_in_a_separate_text_instead(
    store, flow, make_cart, sms_outbox, django_capture_on_commit_callbacks
):
    # given a store that confirms consent separately, and a new shopper who consents
    store.consent_confirmation = "separate_text"
    store.save()
    cart = make_cart(phone="+12125550100")
    cart.customer.sms_status = "none"
    cart.customer.save()

    # when
    with django_capture_on_commit_callbacks(execute=True):
        consent_record(
            store=store,
            customer=cart.customer,
            kind="granted",
            source="checkout",
            occurred_at=WEDNESDAY_NOON_NY,
        )
    nudges_schedule_for_cart(store=store, cart=cart)
    nudge_dispatch_due(now=WEDNESDAY_NOON_NY + timedelta(minutes=45))

    # then one confirmation at once, and a cart text without the disclosure
    confirmation = Message.objects.get(route="consent").body
    assert confirmation.startswith(f"{store.name}: You're subscribed to cart reminders")
    assert "Msg & data rates may apply. Reply HELP for help." in confirmation
    assert confirmation.endswith("Reply STOP to opt out.")
    cart_text = Nudge.objects.get(cart=cart, step__position=1).message.body
    assert "Msg & data rates" not in cart_text
    assert cart_text.endswith("Reply STOP to opt out.")


@pytest.mark.django_db
def test_the_preview_shows_what_the_consent_disclosure_costs(store):
    # a text that fits one segment until the disclosure is added to it
    template = "{store}: You left {product} in your cart. {link}"

    in_text = template_preview(store=store, template=template, position=1)
    follow_up = template_preview(store=store, template=template, position=2)
    store.consent_confirmation = "separate_text"
    separate = template_preview(store=store, template=template, position=1)

    assert in_text.text.endswith("Msg & data rates may apply. Reply HELP for help. Reply STOP to opt out.")
    assert follow_up.worst_case.segments == 1
    assert in_text.consent_disclosure == {"mode": "in_text", "extra_segments": 1}
    assert in_text.worst_case.segments == follow_up.worst_case.segments + 1
    assert follow_up.consent_disclosure == {"mode": "none", "extra_segments": 0}
    assert separate.consent_disclosure == {"mode": "separate_text", "extra_segments": 1}
    assert "HELP" not in separate.text


@pytest.mark.django_db
def test_the_send_time_simulator_shows_the_new_rules(client, owner, store):
    flow_seed_default(store=store)
    client.force_login(owner)
    url = reverse("dashboard:settings_send_times", kwargs={"store_id": store.id})

    texas = client.get(url, {"phone": DALLAS})
    store.texas_registration = "registered"
    store.save()
    texas_registered = client.get(url, {"phone": DALLAS})
    maryland = client.get(url, {"phone": BALTIMORE})
    toronto = client.get(url, {"phone": "+14165550123"})
    paris = client.get(url, {"phone": PARIS})

    assert "Held: Texas registration not set" in texas.content.decode()
    assert texas.context["report"].sends[0].sends_at is None
    registered_html = texas_registered.content.decode()
    assert "9:00–21:00, Sundays from 12:00" in registered_html
    assert "SB 140" in registered_html
    assert texas_registered.context["report"].sends[0].sends_at is not None
    assert "at most 3 texts per 24 h on one subject" in maryland.content.decode()
    assert "every text names the store and says how to unsubscribe" in toronto.content.decode()
    assert "no Sundays or public holidays" in paris.content.decode()


@pytest.mark.django_db
def test_start_by_text_gets_one_confirmation_even_with_separate_confirmations(
    store, sms_outbox, django_capture_on_commit_callbacks
):
    from conversations.services import inbound_receive
    from tests.stores.factories import CustomerFactory

    # given a store that confirms consent separately, and a shopper who had opted out
    store.consent_confirmation = "separate_text"
    store.save()
    CustomerFactory(store=store, phone="+12125550100", sms_status="unsubscribed")

    # when
    with django_capture_on_commit_callbacks(execute=True):
        inbound_receive(store=store, from_phone="+12125550100", body="START", sid="SM" + "7" * 32)

    # then the router's opt-in confirmation is the one text, and it carries the disclosures
    assert len(sms_outbox) == 1
    assert "Msg & data rates may apply" in sms_outbox[0].body
    assert Message.objects.filter(route="consent").count() == 0
