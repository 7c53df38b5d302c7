"""What every API view shares: the error shape and the store scoping."""

from csp.decorators import csp_update
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.decorators import method_decorator
from drf_spectacular.views import SpectacularRedocView
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from cartrecovery.errors import ApplicationError


def exception_handler(exc, context):
    if isinstance(exc, ApplicationError):
        return Response(
            {"detail": exc.message, "code": exc.code, **({"extra": exc.extra} if exc.extra else {})},
            status=status.HTTP_400_BAD_REQUEST,
        )
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    return drf_exception_handler(exc, context)


# ReDoc styles itself with injected <style> elements and runs its search in a worker made from a blob:,
# which the site-wide policy rightly refuses; this page alone may do both. Its script is the project's own
# copy (drf-spectacular-sidecar), so script-src stays 'self'.
API_DOCS_CSP = {
    "style-src": ["'self'", "'unsafe-inline'"],
    "worker-src": ["'self'", "blob:"],
}


@method_decorator(csp_update(API_DOCS_CSP), name="dispatch")
class ApiDocsView(SpectacularRedocView):
    template_name = "api/redoc.html"
