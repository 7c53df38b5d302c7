"""Every dashboard page in a real browser: it renders under the CSP, fits a phone, and is photographed."""

import random
from datetime import timedelta

import pytest
from django.utils import timezone

from billing.attribution import order_attribute
from flows.services import flow_seed_default
from stores.models import ConsentEvent, Role
from stores.team import invitation_create, invitation_link
from tests.billing.factories import click_add, order_for, reply_add, texted_cart
from tests.browser import login, page_sound_at_both_widths
from tests.stores.factories import ConsentEventFactory, CustomerFactory, MembershipFactory, UserFactory
from tests.web.factories import KeywordRuleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _month_of_recoveries(store, *, carts: int = 60) -> None:
    """A plausible month: most carts texted, some clicked, a few replied, some bought."""
    rng = random.Random(7)
    now = timezone.now()
    for _ in range(carts):
        at = now - timedelta(days=rng.randint(0, 29), hours=rng.randint(1, 10))
        cart, message = texted_cart(store=store, at=at, price="-0.0079", price_unit="USD")
        if rng.random() < 0.45:
            click_add(cart=cart, at=at + timedelta(minutes=8), message=message)
            if rng.random() < 0.4:
                reply_add(cart=cart, at=at + timedelta(minutes=9))
            if rng.random() < 0.55:
                total = f"{rng.randint(40, 260)}.00"
                order_attribute(
                    store=store, order=order_for(cart=cart, placed_at=at + timedelta(hours=1), total=total)
                )


def test_overview_with_a_month_of_data(page, live_server, store, owner):
    _month_of_recoveries(store)
    login(page, live_server, owner)

    page.goto(f"{live_server.url}/dashboard/{store.id}/")

    assert page.get_by_role("heading", name="Recovery funnel").is_visible()
    assert page.locator("svg.chart rect.bar-recovered").count() == 30
    page_sound_at_both_widths(page, "overview")


def test_overview_of_a_new_store(page, live_server, store, owner):
    login(page, live_server, owner)

    page.goto(f"{live_server.url}/dashboard/{store.id}/")

    assert page.get_by_text("No abandoned carts yet").is_visible()
    page_sound_at_both_widths(page, "overview-empty")


def test_consent_log_search_and_evidence(page, live_server, store, owner):
    for n in range(6):
        customer = CustomerFactory(store=store, first_name=["Jamie", "Ana", "Lee", "Noor", "Sam", "Kai"][n])
        ConsentEventFactory(
            store=store,
            customer=customer,
            source="shopify_checkout",
            ip_address=f"203.0.113.{10 + n}",
            user_agent="Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)",
            text_shown="Yes, text me reminders about my cart. Msg & data rates may apply. "
            "Reply STOP to opt out.",
        )
        if n % 3 == 0:
            ConsentEventFactory(
                store=store, customer=customer, kind=ConsentEvent.Kind.REVOKED, source="sms_stop"
            )
    login(page, live_server, owner)
    page.goto(f"{live_server.url}/dashboard/{store.id}/consent/")

    page.locator("details.evidence summary").first.click()
    page_sound_at_both_widths(page, "consent-log")


def test_team_invite_shows_the_link_once(page, live_server, store, owner):
    MembershipFactory(store=store, user=UserFactory(username="alex@example.com"), role=Role.AGENT)
    login(page, live_server, owner)
    page.goto(f"{live_server.url}/dashboard/{store.id}/team/")

    page.get_by_label("Email").fill("sam@example.com")
    page.get_by_label("Role", exact=True).select_option("admin")
    page.get_by_role("button", name="Invite").click()

    assert "/invitations/" in page.get_by_label("Invitation link").input_value()
    page_sound_at_both_widths(page, "team")


def test_settings_send_time_simulator(page, live_server, store, owner):
    flow_seed_default(store=store)
    login(page, live_server, owner)
    page.goto(f"{live_server.url}/dashboard/{store.id}/settings/")

    page.get_by_label("Shopper's phone number").fill("+1 305 555 0100")
    page.get_by_role("button", name="Simulate").click()

    page.get_by_test_id("send-times").wait_for()
    assert "Carrier rule (US)" in page.get_by_test_id("send-times").inner_text()
    assert "/settings/" in page.url
    assert "phone=" not in page.url
    page_sound_at_both_widths(page, "settings")


def test_try_a_reply_round_trip(page, live_server, store, owner):
    # given a shipping rule
    KeywordRuleFactory(store=store, name="Shipping", keywords=["shipping"], reply="Free shipping over $75!")
    KeywordRuleFactory(
        store=store, name="Returns", keywords=["return", "refund"], reply="30-day free returns."
    )
    login(page, live_server, owner)
    page.goto(f"{live_server.url}/dashboard/{store.id}/rules/")

    # when the merchant tries a shopper's question
    page.get_by_label("A shopper texts…").fill("how much is shipping to Denver?")
    page.get_by_role("button", name="Try", exact=True).click()

    # then the rule's answer appears beside it, without leaving the page
    page.get_by_test_id("try-reply").wait_for()
    assert page.get_by_test_id("try-reply").inner_text() == "Free shipping over $75!"
    assert "Keyword rule: Shipping" in page.get_by_test_id("try-result").inner_text()
    assert page.url.endswith("/rules/")
    page_sound_at_both_widths(page, "rules")


def test_api_tokens_page_shows_a_new_token_once(page, live_server, owner):
    login(page, live_server, owner)
    page.goto(f"{live_server.url}/accounts/api-tokens/")

    page.get_by_role("button", name="New token").click()

    assert len(page.get_by_label("New API token").input_value()) == 64
    page_sound_at_both_widths(page, "api-tokens")


def test_invitation_page_for_a_new_person(page, live_server, store, owner):
    actor = owner.memberships.get(store=store)
    _, token = invitation_create(store=store, actor=actor, email="sam@example.com", role=Role.AGENT)
    page.goto(invitation_link(token).replace("https://cartrecovery.test", live_server.url))

    assert page.get_by_role("heading", name=f"Join {store.name}").is_visible()
    page_sound_at_both_widths(page, "invitation")
