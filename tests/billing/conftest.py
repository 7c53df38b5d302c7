# The signed-delivery helpers of the stores tests, to replay order, refund and cancellation webhooks.
from tests.stores.conftest import post_shopify  # noqa: F401
