"""`/invitations/<token>/`: the invited person's answer. Not store-scoped: the token is the key.

The page looks the same whether or not the email has a login (sign in to accept, or choose a password),
so the link tells its holder nothing the invitee would not see.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.forms import SetPasswordForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from cartrecovery.errors import ApplicationError

from .models import Invitation
from .team import (
    invitation_accept,
    invitation_accept_as_new_login,
    invitation_decline,
    invitation_is_for,
    invitation_open,
)


class NewLoginForm(SetPasswordForm):
    """Django's set-password form (its validators, similarity to the email included) plus a first name."""

    field_order = ["first_name", "new_password1", "new_password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"] = forms.CharField(label="Your first name", max_length=150, required=False)
        self.order_fields(self.field_order)


def _new_login_form(invitation: Invitation, data=None) -> NewLoginForm:
    unsaved = get_user_model()(username=invitation.email, email=invitation.email)
    return NewLoginForm(unsaved, data)


def _page(
    request, invitation: Invitation | None, *, form=None, error: str = "", status: int = 200
) -> HttpResponse:
    if invitation is None:
        return render(request, "invitations/accept.html", {"invitation": None}, status=404)
    for_me = request.user.is_authenticated and invitation_is_for(invitation=invitation, user=request.user)
    context = {
        "invitation": invitation,
        "for_me": for_me,
        "form": form or _new_login_form(invitation),
        "error": error,
    }
    if request.user.is_authenticated and not for_me:
        status = 403
    return render(request, "invitations/accept.html", context, status=status)


@never_cache
def invitation_answer(request: HttpRequest, token: str) -> HttpResponse:
    invitation = invitation_open(token=token[:100])
    if request.method != "POST" or invitation is None:
        return _page(request, invitation)
    action = request.POST.get("action", "")
    try:
        if action == "create" and not request.user.is_authenticated:
            form = _new_login_form(invitation, request.POST)
            if not form.is_valid():
                return _page(request, invitation, form=form, status=400)
            user = invitation_accept_as_new_login(
                invitation=invitation,
                password=form.cleaned_data["new_password1"],
                first_name=form.cleaned_data["first_name"],
            )
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        elif action == "accept" and request.user.is_authenticated:
            invitation_accept(invitation=invitation, user=request.user)
        elif action == "decline" and request.user.is_authenticated:
            invitation_decline(invitation=invitation, user=request.user)
            messages.info(request, f"You declined the invitation to {invitation.store.name}.")
            return redirect("home")
        else:
            return _page(request, invitation, status=400)
    except ApplicationError as exc:
        return _page(request, invitation, error=exc.message, status=403 if exc.code == "wrong_user" else 400)
    messages.success(request, f"Welcome to {invitation.store.name}'s team.")
    return redirect("home")
