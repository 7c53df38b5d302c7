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


def test_password_change_page_uses_the_app_layout(client):
    client.force_login(UserFactory())

    response = client.get(reverse("password_change"))

    html = response.content.decode()
    assert "Change your password" in html
    assert 'class="sidebar"' in html
