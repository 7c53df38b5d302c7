import pytest
from django.urls import reverse

from tests.stores.factories import UserFactory

pytestmark = pytest.mark.django_db


def _attempt(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_login_page_renders_labelled_fields(client):
    response = client.get(reverse("login"))

    html = response.content.decode()
    assert '<label for="id_username">' in html
    assert '<label for="id_password">' in html


def test_correct_password_signs_in(client):
    user = UserFactory()

    response = _attempt(client, user.username, "pw-for-tests")

    assert response.status_code == 302


def test_repeated_failures_lock_out_even_the_right_password(client):
    # given five wrong guesses from one address for one login
    user = UserFactory()
    for _ in range(5):
        assert _attempt(client, user.username, "wrong").status_code == 200

    # when the right password comes next
    response = _attempt(client, user.username, "pw-for-tests")

    # then it is refused without being checked
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_success_clears_the_failures_of_that_login(client):
    user = UserFactory()
    for _ in range(4):
        _attempt(client, user.username, "wrong")
    assert _attempt(client, user.username, "pw-for-tests").status_code == 302
    client.logout()

    for _ in range(4):
        _attempt(client, user.username, "wrong")
    response = _attempt(client, user.username, "pw-for-tests")

    assert response.status_code == 302


def test_spraying_many_logins_from_one_address_is_throttled(client):
    for n in range(30):
        _attempt(client, f"guess{n}@example.com", "wrong")

    response = _attempt(client, "someone-else@example.com", "wrong")

    assert response.status_code == 429


def test_password_change_page_uses_the_app_layout(client):
    client.force_login(UserFactory())

    response = client.get(reverse("password_change"))

    html = response.content.decode()
    assert "Change your password" in html
    assert 'class="sidebar"' in html
