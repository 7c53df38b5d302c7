from django.apps import AppConfig


class FlowsConfig(AppConfig):
    name = "flows"

    def ready(self) -> None:
        # Consent revoked, a cart closed or bought, a shopper erased: pending texts are cancelled.
        from . import hooks

        hooks.register()
