"""A login whose password someone else has seen goes to the password-change page before any other page."""

from django.shortcuts import redirect
from django.urls import reverse

from .team import password_change_required

SESSION_KEY = "password_change_required"
# The only pages such a login may open: changing the password, and leaving.
ALLOWED_URL_NAMES = ("password_change", "password_change_done", "logout")


def flag_password_change_on_login(sender, request, user, **kwargs):
    """user_logged_in receiver: remember in the session, so other requests cost no query."""
    if request is not None and hasattr(request, "session") and password_change_required(user=user):
        request.session[SESSION_KEY] = True


class PasswordChangeRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.session.get(SESSION_KEY) and request.user.is_authenticated:
            if not password_change_required(user=request.user):
                del request.session[SESSION_KEY]
            elif request.path_info not in {reverse(name) for name in ALLOWED_URL_NAMES}:
                return redirect("password_change")
        return self.get_response(request)
