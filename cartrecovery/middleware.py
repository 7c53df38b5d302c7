"""Request checks that hold for every page and API, before any view runs."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.urls import Resolver404, ResolverMatch, get_urlconf, resolve

NUL = "\x00"
NUL_REFUSED = "The request holds a NUL character (\\0), which no text here can contain. Remove it and retry."


def _holds_nul(params) -> bool:
    return any(NUL in key or any(NUL in value for value in values) for key, values in params.lists())


class RefuseNulMiddleware:
    """A NUL character can reach no page's text: PostgreSQL cannot store it, so it would end as a 500.

    Refused once here with a 400 instead of at every field: in the path, the query string and browser
    forms. Views that read their own body (shop and Twilio webhooks, the JSON API; all CSRF-exempt) keep
    their own rules for it, so the Twilio webhook still takes a text with a NUL in it rather than lose it.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if NUL in request.path or _holds_nul(request.GET):
            return _refusal(request)
        if getattr(view_func, "csrf_exempt", False) or request.method != "POST":
            return None
        if _holds_nul(request.POST):
            return _refusal(request)
        return None


def machine_endpoint(view):
    """Mark a view only machines call (a shop's signed webhook): `MachineEndpointMiddleware` serves it
    without the browser middleware below it. The view must need no session, user, messages, CSRF check,
    template or CSP, and must read its own body."""
    view.machine_endpoint = True
    return view


class MachineEndpointMiddleware:
    """Serves views marked `machine_endpoint` (under `MACHINE_ENDPOINT_PREFIXES`) straight away, skipping the
    middleware after it: sessions, CSRF, auth, messages, clickjacking, htmx, CSP, axes and the rest cost
    about a fifth of a webhook's CPU and do nothing for a shop's POST (issue 13). Placed after
    SecurityMiddleware, whose headers every answer keeps. Whatever does not resolve to a marked view,
    every page included, goes down the whole stack as before. The NUL rule of `RefuseNulMiddleware`
    (a `process_view`, which the shortcut would skip) is applied here too.
    """

    # Paths resolved before, per URLconf: a shop posts to the same few URLs (one per store) all day, and
    # walking the URL patterns again cost about 20 us, 2 % of a webhook's CPU. Bounded: a flood of made-up
    # store ids empties it, nothing more.
    REMEMBERED_PATHS = 4096

    def __init__(self, get_response) -> None:
        self.get_response = get_response
        self.prefixes = tuple(settings.MACHINE_ENDPOINT_PREFIXES)
        self._matches: dict[tuple[str | None, str], ResolverMatch | None] = {}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path_info.startswith(self.prefixes):
            return self.get_response(request)
        match = self._resolve(request.path_info)
        if match is None or not getattr(match.func, "machine_endpoint", False):
            return self.get_response(request)
        if NUL in request.path or _holds_nul(request.GET):
            return _refusal(request)
        request.resolver_match = match
        return match.func(request, *match.args, **match.kwargs)

    def _resolve(self, path: str) -> ResolverMatch | None:
        key = (get_urlconf(), path)
        try:
            return self._matches[key]
        except KeyError:
            pass
        try:
            match: ResolverMatch | None = resolve(path, key[0])
        except Resolver404:
            match = None
        if len(self._matches) >= self.REMEMBERED_PATHS:
            self._matches.clear()
        self._matches[key] = match
        return match


def _refusal(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": NUL_REFUSED}, status=400)
    return HttpResponseBadRequest(NUL_REFUSED, content_type="text/plain; charset=utf-8")
