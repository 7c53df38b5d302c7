from django.apps import AppConfig


class FlowsConfig(AppConfig):
    name = "flows"

    def ready(self) -> None:
        from stores.store_settings import SETTINGS_SECTIONS, SettingsSection

        from . import editor

        # The flow's quiet hours, cap and replies are part of the store's settings page and API.
        if not any(section.fields == editor.FLOW_SETTINGS for section in SETTINGS_SECTIONS):
            SETTINGS_SECTIONS.append(
                SettingsSection(
                    fields=editor.FLOW_SETTINGS,
                    read=editor.flow_settings_read,
                    update=editor.flow_settings_apply,
                )
            )
