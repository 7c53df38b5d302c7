"""A merchant who forgot their password gets a link by email and chooses a new one, over the real pages."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from dashboard.views_accounts import RESET_MAILS_PER_ADDRESS_PER_HOUR

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()


def _link_in(message) -> str:
    return re.search(r"https?://\S+/accounts/reset/\S+/", message.body).group(0)


def test_a_forgotten_password_is_reset_through_the_emailed_link(client, owner, settings):
    settings.PUBLIC_BASE_URL = "https://app.cartrecovery.test"
    owner.set_password("old-password-123!")
    owner.save()

    page = client.post(reverse("password_reset"), {"email": owner.email.upper()}, follow=True)

    assert "Check your email" in page.content.decode()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [owner.email]
    link = _link_in(mail.outbox[0])
    assert link.startswith("https://app.cartrecovery.test/accounts/reset/")
    form = client.get(link.removeprefix("https://app.cartrecovery.test"), follow=True)
    assert "Choose a new password" in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "a-new-Password-42", "new_password2": "a-new-Password-42"},
        follow=True,
    )
    assert "Your password is changed" in done.content.decode()
    owner.refresh_from_db()
    assert owner.check_password("a-new-Password-42")
    reused = client.get(link.removeprefix("https://app.cartrecovery.test"), follow=True)
    assert "This link no longer works" in reused.content.decode()


def test_an_unknown_address_reads_the_same_and_gets_no_mail(client):
    page = client.post(reverse("password_reset"), {"email": "nobody@example.com"}, follow=True)

    assert "Check your email" in page.content.decode()
    assert mail.outbox == []


def test_the_form_cannot_flood_an_inbox(client, owner):
    for _ in range(RESET_MAILS_PER_ADDRESS_PER_HOUR + 2):
        page = client.post(reverse("password_reset"), {"email": owner.email}, follow=True)
        assert "Check your email" in page.content.decode()

    assert len(mail.outbox) == RESET_MAILS_PER_ADDRESS_PER_HOUR


def test_an_empty_or_malformed_address_is_told_so(client):
    page = client.post(reverse("password_reset"), {"email": "not-an-email"})

    assert page.status_code == 200
    assert "valid email" in page.content.decode()
    assert mail.outbox == []


def test_sign_in_page_links_to_the_reset(client):
    assert reverse("password_reset") in client.get(reverse("login")).content.decode()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_reset_pages_read_well_on_a_phone_and_a_laptop(page, live_server, owner):
    from tests.browser import MOBILE, horizontal_overflow, screenshot

    page.goto(live_server.url + reverse("login"))
    page.get_by_role("link", name="Forgot your password?").click()
    page.get_by_label("Email").fill(owner.email)
    page.get_by_role("button", name="Send the link").click()
    page.get_by_role("heading", name="Check your email").wait_for()

    assert horizontal_overflow(page) == 0
    page.set_viewport_size(MOBILE)
    assert horizontal_overflow(page) == 0
    screenshot(page, "password-reset-sent")
    assert page.console_errors == []
