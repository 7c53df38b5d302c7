from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "conversations"

    def ready(self) -> None:
        from stores.handlers import handler_register

        from . import hooks, services

        # Inbound texts ride the stores' webhook pipeline: recorded once, processed by the worker, swept
        # again if the broker lost them.
        handler_register(
            source=services.INBOUND_SOURCE,
            topic=services.INBOUND_TOPIC,
            parse=dict,
            apply=services.inbound_event_apply,
        )
        # A shopper's erasure blanks their messages; their export includes them.
        hooks.register()
