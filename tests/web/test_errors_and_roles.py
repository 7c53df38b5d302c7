"""Errors say what to do, and a role that may not open a page is told what it can do."""

from html import unescape

import pytest
from django.urls import reverse

from stores.models import Membership, Store
from tests.browser import login, screenshot

pytestmark = pytest.mark.django_db


def test_an_agent_on_an_owner_page_gets_a_styled_403_saying_what_agents_do(agent_client, store):
    response = agent_client.get(reverse("dashboard:settings", kwargs={"store_id": store.id}))
    html = response.content.decode()

    assert response.status_code == 403
    assert "This page isn" in html
    assert "signed in as <strong>Agent</strong>" in html
    assert "As an agent you can answer shoppers in the inbox" in html
    assert reverse("inbox:list", kwargs={"store_id": store.id}) in html


def test_the_api_still_answers_403_in_json(agent, store):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(agent)
    response = api.get(f"/api/v1/stores/{store.id}/flow/")

    assert response.status_code == 403
    assert response["Content-Type"].startswith("application/json")


def test_an_empty_sign_in_asks_for_email_and_password(client, owner):
    response = client.post(reverse("login"), {"username": "", "password": ""})

    assert "Enter your email and password." in response.content.decode()
    assert "did not match" not in response.content.decode()


def test_a_wrong_password_still_says_it_did_not_match(client, owner):
    response = client.post(reverse("login"), {"username": owner.username, "password": "nope"})

    assert "did not match" in response.content.decode()


def test_try_a_reply_with_an_empty_box_says_so(owner_client, store):
    response = owner_client.get(reverse("dashboard:rules_try", kwargs={"store_id": store.id}) + "?text=")

    assert "The box is empty" in response.content.decode()


@pytest.mark.parametrize(
    ("platform", "domain", "error"),
    [
        ("shopify", "", None),
        ("shopify", "summit.myshopify.com", None),
        ("shopify", "https://Summit.myshopify.com/", None),
        ("shopify", "summit.com", "Use your store's .myshopify.com address"),
        ("custom", "shop.example.com", None),
        ("custom", "not a domain", "That is not a domain"),
        ("custom", "localhost", "That is not a domain"),
    ],
)
def test_the_shop_domain_is_optional_and_checked_when_given(
    client, django_user_model, settings, platform, domain, error
):
    settings.STORE_CREATION = "anyone"  # a first store, made by someone who owns none yet
    user = django_user_model.objects.create_user("new@example.com", "new@example.com", "pw")
    client.force_login(user)

    response = client.post(
        reverse("dashboard:onboarding"),
        {"name": "Alpine", "platform": platform, "shop_domain": domain, "timezone": "America/New_York"},
    )

    if error:
        assert error in unescape(response.content.decode())
        assert not Store.objects.exists()
    else:
        assert response.status_code == 302
        assert Store.objects.get().shop_domain == domain.lower().removeprefix("https://").rstrip("/")
    assert "(optional)" in client.get(reverse("dashboard:onboarding")).content.decode()


def test_an_invite_email_over_the_rfc_limits_is_refused(owner_client, store):
    url = reverse("dashboard:team", kwargs={"store_id": store.id})
    long_local = "a" * 65 + "@example.com"

    response = owner_client.post(url, {"email": long_local, "first_name": "", "role": "agent"})

    assert "at most 64 characters" in response.content.decode()
    assert not Membership.objects.filter(user__email=long_local).exists()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_403_page_in_a_browser(page, live_server, store, agent):
    login(page, live_server, agent)

    page.goto(live_server.url + reverse("dashboard:team", kwargs={"store_id": store.id}))

    page.get_by_role("heading", name="This page isn't part of your role").wait_for()
    assert page.get_by_role("link", name="Go to the inbox").is_visible()
    screenshot(page, "403-agent")
