from django.apps import AppConfig


class FlowsConfig(AppConfig):
    name = "flows"

    def ready(self) -> None:
        from conversations.selectors import SCHEDULE_READERS
        from stores.store_settings import SETTINGS_SECTIONS, SettingsSection

        from . import settings_section
        from .pending import shopper_zone, simulator_number_for_store, texts_pending

        # The flow's quiet hours, cap and replies are part of the store's settings page and API.
        if not any(section.fields == settings_section.FLOW_SETTINGS for section in SETTINGS_SECTIONS):
            SETTINGS_SECTIONS.append(
                SettingsSection(
                    fields=settings_section.FLOW_SETTINGS,
                    read=settings_section.flow_settings_read,
                    update=settings_section.flow_settings_apply,
                )
            )
        # The inbox and the simulator show pending texts, which flows schedules.
        SCHEDULE_READERS["texts_pending"] = texts_pending
        SCHEDULE_READERS["simulator_number"] = simulator_number_for_store
        SCHEDULE_READERS["shopper_zone"] = shopper_zone

        # Consent revoked or newly granted, a cart closed or bought, a shopper erased (`stores.hooks`).
        from . import hooks

        hooks.register()
