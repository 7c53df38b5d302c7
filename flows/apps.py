from django.apps import AppConfig


class FlowsConfig(AppConfig):
    name = "flows"

    def ready(self) -> None:
        from stores.store_settings import SETTINGS_SECTIONS, SettingsSection

        from . import settings_section

        # The flow's quiet hours, cap and replies are part of the store's settings page and API.
        if not any(section.fields == settings_section.FLOW_SETTINGS for section in SETTINGS_SECTIONS):
            SETTINGS_SECTIONS.append(
                SettingsSection(
                    fields=settings_section.FLOW_SETTINGS,
                    read=settings_section.flow_settings_read,
                    update=settings_section.flow_settings_apply,
                )
            )
