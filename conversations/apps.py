from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "conversations"

    def ready(self) -> None:
        from stores.handlers import handler_register
        from stores.store_settings import SENDER_VERIFIERS

        from . import hooks, senders, services

        # Inbound texts ride the stores' webhook pipeline: recorded once, processed by the worker, swept
        # again if the broker lost them.
        handler_register(
            source=services.INBOUND_SOURCE,
            topic=services.INBOUND_TOPIC,
            parse=dict,
            apply=services.inbound_event_apply,
        )
        # A new sender is checked with the SMS provider before stores saves it.
        if senders.sender_ownership_problems not in SENDER_VERIFIERS:
            SENDER_VERIFIERS.append(senders.sender_ownership_problems)
        # A shopper's erasure blanks their messages; their export includes them.
        hooks.register()
