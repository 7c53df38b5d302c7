from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "billing"

    def ready(self):
        # Billing's topics join the stores handler table, and attribution follows every recorded order.
        from flows.hooks import HOLDOUT_DECIDERS
        from flows.variants import EXPERIMENT_TICK_HOOKS
        from stores.hooks import hook_register

        from . import experiments, holdout, webhooks

        webhooks.register()
        # The dispatcher asks billing's control group before each text.
        hook_register(HOLDOUT_DECIDERS, holdout.cart_in_holdout)
        # Every scheduler tick re-reads running step experiments against the attributed revenue.
        hook_register(EXPERIMENT_TICK_HOOKS, experiments.experiments_evaluate)
