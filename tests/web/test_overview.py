from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from billing.attribution import order_attribute
from tests.billing.factories import click_add, order_for, reply_add, texted_cart

pytestmark = pytest.mark.django_db


def _url(store):
    return reverse("dashboard:home", kwargs={"store_id": store.id})


def test_new_store_sees_what_to_do_next(owner_client, store):
    response = owner_client.get(_url(store))

    html = response.content.decode()
    assert "Finish setting up" in html
    assert "No abandoned carts yet" in html


def test_overview_shows_the_funnel_money_and_the_chart(owner_client, store):
    # given two texted carts, one clicked, replied to and bought
    now = timezone.now() - timedelta(hours=2)
    cart, message = texted_cart(store=store, at=now, price="-0.0079", price_unit="USD")
    texted_cart(store=store, at=now)
    click_add(cart=cart, at=now + timedelta(minutes=5), message=message)
    reply_add(cart=cart, at=now + timedelta(minutes=6))
    order_attribute(store=store, order=order_for(cart=cart, placed_at=now + timedelta(minutes=30)))

    # when
    response = owner_client.get(_url(store), {"period": "7"})

    # then the figures are billing's, drawn as a funnel and a chart
    summary = response.context["summary"]
    funnel = {row["key"]: row["value"] for row in response.context["funnel"]}
    assert funnel == {
        "carts": summary["carts"],
        "texted": 2,
        "delivered": 2,
        "clicked": 1,
        "replied": 1,
        "recovered": 1,
    }
    assert response.context["chart"]["total_texted"] == 2
    html = response.content.decode()
    assert "100.00" in html
    assert 'class="bar-recovered"' in html


def test_unknown_period_falls_back_to_thirty_days(owner_client, store):
    response = owner_client.get(_url(store), {"period": "nonsense"})

    assert response.context["period"].days == 30


def test_demo_store_points_to_the_phone_simulator_while_empty(owner_client, store):
    store.is_demo = True
    store.save(update_fields=["is_demo"])

    html = owner_client.get(_url(store)).content.decode()

    assert "Play a shopper" in html
    assert reverse("inbox:simulator", kwargs={"store_id": store.id}) in html


def test_no_phone_simulator_link_where_the_deployment_turned_it_off(owner_client, store, settings):
    settings.PHONE_SIMULATOR = False
    store.is_demo = True
    store.save(update_fields=["is_demo"])

    html = owner_client.get(_url(store)).content.decode()

    assert "Play a shopper" not in html
