from django.urls import path

from cartrecovery.urls import urlpatterns as project_urlpatterns

from . import baseline, baseline_inbound

urlpatterns = [
    path("bench/baseline/shopify/", baseline.shopify_upsert),
    path("bench/baseline/twilio-sms/", baseline_inbound.twilio_sms),
    *project_urlpatterns,
]
