from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "billing"

    def ready(self):
        # Billing's topics join the stores handler table, and attribution follows every recorded order.
        from flows.hooks import HOLDOUT_DECIDERS
        from stores.hooks import hook_register

        from . import holdout, webhooks

        webhooks.register()
        # The dispatcher asks billing's control group before each text.
        hook_register(HOLDOUT_DECIDERS, holdout.cart_in_holdout)
