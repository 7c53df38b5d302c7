"""Sign-in throttling as an attacker meets it: over HTTP, from chosen addresses, on both sign-in forms."""

import logging
import time

import pytest
from django.core.cache import cache

from stores.models import Role
from tests.stores.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "pw-for-tests"
LOGIN = "/accounts/login/"
ADMIN_LOGIN = "/admin/login/"


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def _attempt(client, username, password, *, address="203.0.113.10", path=LOGIN, **headers):
    return client.post(path, {"username": username, "password": password}, REMOTE_ADDR=address, **headers)


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_five_failures_lock_that_account_from_that_address_and_the_password_is_not_checked(client):
    user = UserFactory()
    statuses = [_attempt(client, user.username, "wrong").status_code for _ in range(5)]

    response = _attempt(client, user.username, PASSWORD)

    assert statuses == [200, 200, 200, 200, 429]
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.content.decode()
    assert not _signed_in(client)


def test_spelling_the_account_differently_does_not_dodge_the_count(client):
    # given an account and five spellings that NFKC + case folding make one
    user = UserFactory(username="kasey@example.com")
    spellings = [
        "KASEY@example.com",
        "\u212aasey@example.com",  # KELVIN SIGN
        "ｋａｓｅｙ@example.com",  # fullwidth
        "ka\u017fey@example.com",  # LATIN SMALL LONG S
        " Kasey@Example.COM ",
    ]
    for spelling in spellings:
        _attempt(client, spelling, "wrong")

    # when the right password comes next, in the canonical spelling
    response = _attempt(client, user.username, PASSWORD)

    # then the five failures were counted against the one account
    assert response.status_code == 429
    assert not _signed_in(client)


def test_the_admin_sign_in_is_throttled_the_same_way_and_shares_the_count(client):
    staff = UserFactory(is_staff=True, is_superuser=True)
    for _ in range(3):
        _attempt(client, staff.username, "wrong", path=ADMIN_LOGIN)
    for _ in range(2):
        _attempt(client, staff.username, "wrong", path=LOGIN)

    response = _attempt(client, staff.username, PASSWORD, path=ADMIN_LOGIN)

    assert response.status_code == 429
    assert not _signed_in(client)


@pytest.mark.parametrize("role", [Role.OWNER, Role.ADMIN, Role.AGENT])
def test_a_flood_from_other_addresses_does_not_lock_the_real_user_out_of_a_fresh_address(client, store, role):
    victim = MembershipFactory(store=store, role=role).user
    for n in range(40):
        _attempt(client, victim.username, f"guess-{n}", address=f"198.51.100.{n % 8}")
    assert _attempt(client, victim.username, "guess", address="198.51.100.1").status_code == 429

    response = _attempt(client, victim.username, PASSWORD, address="192.0.2.77")

    assert response.status_code == 302
    assert _signed_in(client)


def test_each_failure_past_the_limit_doubles_the_lock(client):
    user = UserFactory()
    for _ in range(5):
        first_lock = _attempt(client, user.username, "wrong")

    second_lock = _attempt(client, user.username, "wrong")
    third_lock = _attempt(client, user.username, "wrong")

    assert "Wait 15 minutes" in first_lock.content.decode()
    assert "Wait 30 minutes" in second_lock.content.decode()
    assert "Wait 60 minutes" in third_lock.content.decode()


def test_the_lock_lifts_by_itself_after_its_time(client, settings):
    settings.LOGIN_THROTTLE_WINDOW_SECONDS = 1
    user = UserFactory()
    for _ in range(5):
        _attempt(client, user.username, "wrong")
    assert _attempt(client, user.username, PASSWORD).status_code == 429

    time.sleep(2.2)  # the refused attempt above counted too: the lock is now 2 s long
    response = _attempt(client, user.username, PASSWORD)

    assert response.status_code == 302


def test_a_success_clears_the_failures_of_that_account_and_address(client):
    user = UserFactory()
    for _ in range(4):
        _attempt(client, user.username, "wrong")
    assert _attempt(client, user.username, PASSWORD).status_code == 302
    client.logout()

    for _ in range(4):
        _attempt(client, user.username, "wrong")
    response = _attempt(client, user.username, PASSWORD)

    assert response.status_code == 302


def test_a_forged_forwarded_for_header_is_not_a_fresh_address(client, settings):
    user = UserFactory()
    for _ in range(5):
        _attempt(client, user.username, "wrong")

    direct = _attempt(client, user.username, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.200")
    settings.TRUSTED_PROXY_COUNT = 1
    # behind one proxy: the client wrote the first entry, the proxy appended the address it saw
    proxied = _attempt(
        client, user.username, PASSWORD, address="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.200, 203.0.113.10"
    )

    assert direct.status_code == 429
    assert proxied.status_code == 429
    assert not _signed_in(client)


def test_behind_a_trusted_proxy_each_client_address_is_counted_apart(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    user = UserFactory()
    for _ in range(5):
        _attempt(client, user.username, "wrong", address="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.9")

    response = _attempt(client, user.username, PASSWORD, address="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.8")

    assert response.status_code == 302


@pytest.mark.parametrize("path", [LOGIN, ADMIN_LOGIN])
def test_with_the_cache_down_sign_in_still_works_unthrottled_and_it_is_logged(client, settings, caplog, path):
    # given Redis unreachable (nothing listens on port 1)
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    user = UserFactory(is_staff=True)

    # when someone fails, then signs in
    with caplog.at_level(logging.WARNING, logger="stores.login_throttle"):
        failures = [_attempt(client, user.username, "wrong", path=path).status_code for _ in range(6)]
        success = _attempt(client, user.username, PASSWORD, path=path)

    # then the form answers as usual, never a 500, and the outage is in the log
    assert failures == [200] * 6
    assert success.status_code == 302
    assert _signed_in(client)
    assert "Sign-in throttling is off: the cache is unreachable" in caplog.text
