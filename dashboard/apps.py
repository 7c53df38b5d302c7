from django.apps import AppConfig


class DashboardConfig(AppConfig):
    """The merchant web shell: the top floor, reading the domain apps through their selectors."""

    name = "dashboard"
