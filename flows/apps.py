from django.apps import AppConfig


class FlowsConfig(AppConfig):
    name = "flows"

    def ready(self):
        # A new consent may owe the shopper a confirmation text (CTIA), sent from here.
        from stores.services import CONSENT_GRANTED_HOOKS

        from .services import consent_confirmation_send

        if consent_confirmation_send not in CONSENT_GRANTED_HOOKS:
            CONSENT_GRANTED_HOOKS.append(consent_confirmation_send)
