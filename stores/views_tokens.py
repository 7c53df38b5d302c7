"""`/accounts/api-tokens/`: a login's tokens for the management API — create (shown once), rotate, revoke."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from .services.api_tokens import api_token_create, api_token_revoke, api_token_rotate, api_tokens_of


def _page(request: HttpRequest, *, new_token: str = "", status: int = 200) -> HttpResponse:
    tokens = api_tokens_of(user=request.user)
    return render(
        request,
        "accounts/api_tokens.html",
        {"tokens": tokens, "new_token": new_token, "now": timezone.now()},
        status=status,
    )


@never_cache
@login_required
def api_tokens(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _page(request)
    action = request.POST.get("action", "")
    token_key = request.POST.get("token_key", "")[:32]
    if action == "create":
        _, token = api_token_create(user=request.user)
    elif action == "rotate":
        rotated = api_token_rotate(user=request.user, token_key=token_key)
        if rotated is None:
            raise Http404
        _, token = rotated
    elif action == "revoke":
        if not api_token_revoke(user=request.user, token_key=token_key):
            raise Http404
        messages.success(request, "The token was revoked: requests that carry it now get 401.")
        return redirect("api_tokens")
    else:
        return _page(request, status=400)
    # Rendered, not redirected: the token must not travel in a cookie, the session or a message.
    return _page(request, new_token=token, status=201)
