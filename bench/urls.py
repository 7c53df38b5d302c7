from django.urls import path

from cartrecovery.urls import urlpatterns as project_urlpatterns

from . import baseline

urlpatterns = [
    path("bench/baseline/shopify/", baseline.shopify_upsert),
    *project_urlpatterns,
]
