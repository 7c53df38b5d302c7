"""Request checks that hold for every page and API, before any view runs."""

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse

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


def _refusal(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": NUL_REFUSED}, status=400)
    return HttpResponseBadRequest(NUL_REFUSED, content_type="text/plain; charset=utf-8")
