"""The readable API docs page (ReDoc), apart from `cartrecovery.api`: DRF's settings import that module, and
drf-spectacular's views import DRF's settings, so the two in one module import each other."""

from csp.decorators import csp_update
from django.utils.decorators import method_decorator
from drf_spectacular.views import SpectacularRedocView

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
