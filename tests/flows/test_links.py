from datetime import timedelta

import pytest
from django.utils import timezone

from flows.links import checkout_url_with_discount, short_link_build, short_links_save
from flows.models import Click
from stores.models import Platform
from tests.stores.factories import CartFactory, StoreFactory


def _link(store, cart, *, discount_code="", expires_at=None):
    link = short_link_build(
        store=store,
        cart=cart,
        discount_code=discount_code,
        expires_at=expires_at or timezone.now() + timedelta(days=7),
    )
    short_links_save(links=[link])
    return link


@pytest.mark.django_db
def test_a_short_link_sends_the_shopper_to_checkout_with_the_discount_and_counts_the_click(client, store):
    # given
    cart = CartFactory(store=store, checkout_url="https://summit.example/123/checkouts/abc?key=k1")
    link = _link(store, cart, discount_code="COMEBACK10")

    # when
    response = client.get(f"/r/{link.code}", HTTP_USER_AGENT="Mozilla/5.0 (iPhone)")

    # then
    assert response.status_code == 302
    assert response["Location"] == (
        "https://summit.example/discount/COMEBACK10?redirect=/123/checkouts/abc%3Fkey%3Dk1"
    )
    click = Click.objects.get(link=link)
    assert click.user_agent == "Mozilla/5.0 (iPhone)"
    assert click.store == store


@pytest.mark.django_db
def test_codes_are_unguessable_url_safe_and_unique(store):
    cart = CartFactory(store=store)

    codes = {_link(store, cart).code for _ in range(20)}

    assert len(codes) == 20
    assert all(len(code) >= 8 and code.replace("-", "").replace("_", "").isalnum() for code in codes)


@pytest.mark.django_db
def test_an_expired_link_is_a_friendly_404_pointing_at_the_store(client, store):
    store.website_url = "https://summit.example"
    store.save()
    link = _link(store, CartFactory(store=store), expires_at=timezone.now() - timedelta(minutes=1))

    response = client.get(f"/r/{link.code}")

    assert response.status_code == 404
    assert b"This link has expired" in response.content
    assert b'href="https://summit.example"' in response.content
    assert not Click.objects.exists()


@pytest.mark.django_db
def test_an_unknown_code_is_a_friendly_404(client):
    response = client.get("/r/notacode12")

    assert response.status_code == 404
    assert b"This link has expired" in response.content


@pytest.mark.django_db
def test_a_link_preview_head_request_is_not_a_click(client, store):
    link = _link(store, CartFactory(store=store))

    response = client.head(f"/r/{link.code}")

    assert response.status_code == 302
    assert not Click.objects.exists()


def test_other_shops_get_the_code_as_a_query_parameter():
    store = StoreFactory.build(platform=Platform.CUSTOM)
    cart = CartFactory.build(store=store, checkout_url="https://shop.example/checkout?cart=9")

    assert checkout_url_with_discount(store=store, cart=cart, discount_code="SAVE 10") == (
        "https://shop.example/checkout?cart=9&discount=SAVE+10"
    )
    assert checkout_url_with_discount(store=store, cart=cart, discount_code="") == cart.checkout_url
