from django.urls import path

from . import apis

# Mounted by the root urls in the `billing` namespace: the route kept its public name, `billing:analytics`,
# when it moved out of billing.
urlpatterns = [
    path("api/v1/stores/<uuid:store_id>/analytics/", apis.AnalyticsApi.as_view(), name="analytics"),
]
