from datetime import UTC, datetime

import pytest

from flows.services import flow_seed_default
from tests.stores.factories import CartFactory, CartItemFactory, CustomerFactory

# A Wednesday; 14:00 UTC is 10:00 in New York, 07:00 in Los Angeles, 15:00 in Paris.
WEDNESDAY_NOON_NY = datetime(2026, 3, 4, 17, 0, tzinfo=UTC)


@pytest.fixture
def flow(store):
    return flow_seed_default(store=store)


@pytest.fixture
def make_cart(store):
    """A quiet cart of a consenting shopper with one item, at `at`."""

    def make(*, phone="+12125550100", at=WEDNESDAY_NOON_NY, items=("Alpine Down Jacket",), **cart_fields):
        customer = CustomerFactory(
            store=store, phone=phone, first_name=cart_fields.pop("first_name", "Jamie")
        )
        cart = CartFactory(store=store, customer=customer, last_activity_at=at, **cart_fields)
        for position, title in enumerate(items):
            CartItemFactory(cart=cart, title=title, position=position)
        return cart

    return make
