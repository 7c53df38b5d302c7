from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    """The analytics read model (no models of its own): between billing and the merchant web shell."""

    name = "analytics"
