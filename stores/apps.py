from django.apps import AppConfig


class StoresConfig(AppConfig):
    name = "stores"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .middleware import flag_password_change_on_login

        user_logged_in.connect(flag_password_change_on_login, dispatch_uid="stores.password_change_required")
