from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect

from .access import MANAGERS
from .models import Membership


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Send each person to where their role works: managers to the dashboard, agents to the inbox."""
    membership = Membership.objects.filter(user=request.user).order_by("created_at").first()
    if membership is None:
        return redirect("dashboard:onboarding")
    if membership.role in MANAGERS:
        return redirect("dashboard:home", store_id=membership.store_id)
    return redirect("inbox:list", store_id=membership.store_id)


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"ok": True})
