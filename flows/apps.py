from django.apps import AppConfig


class FlowsConfig(AppConfig):
    name = "flows"

    def ready(self):
        from conversations.selectors import SCHEDULE_READERS

        from .pending import shopper_zone, simulator_number_for_store, texts_pending

        SCHEDULE_READERS["texts_pending"] = texts_pending
        SCHEDULE_READERS["simulator_number"] = simulator_number_for_store
        SCHEDULE_READERS["shopper_zone"] = shopper_zone
