from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "billing"

    def ready(self):
        # Billing's topics join the stores handler table, and attribution follows every recorded order.
        from . import webhooks

        webhooks.register()
