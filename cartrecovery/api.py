"""What every API view shares: the error shape, the store scoping and the page size."""

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from cartrecovery.errors import ApplicationError


class ApiPagination(LimitOffsetPagination):
    """Every list of the API: `?limit=` beyond API_MAX_PAGE_SIZE is cut to it, so no request reads a whole
    table at once."""

    def __init__(self) -> None:
        # Read per paginator (one per request), so a changed setting applies at once.
        self.max_limit = settings.API_MAX_PAGE_SIZE


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
