"""The app's URLs plus the benchmark's baseline: the same signature check and one INSERT, nothing else."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from twilio.request_validator import RequestValidator

from stores.models import WebhookEvent

BASELINE_PATH = "/bench/baseline-sms/"


@csrf_exempt
def baseline_sms(request):
    url = settings.PUBLIC_BASE_URL + request.get_full_path()
    signature = request.headers.get("X-Twilio-Signature", "")
    if not RequestValidator(settings.TWILIO_AUTH_TOKEN).validate(url, request.POST, signature):
        return HttpResponse(status=403)
    try:
        with transaction.atomic():
            WebhookEvent.objects.create(
                store_id=settings.BENCH_STORE_ID, source="bench", key=request.POST["MessageSid"], topic="sms"
            )
    except IntegrityError:
        pass
    return HttpResponse('<?xml version="1.0" encoding="UTF-8"?><Response/>', content_type="application/xml")


urlpatterns = [
    path(BASELINE_PATH.strip("/") + "/", baseline_sms),
    path("", include("cartrecovery.urls")),
]
