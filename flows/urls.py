from django.urls import path

from . import apis, views

urlpatterns = [
    path("r/<str:code>", views.short_link_redirect, name="short-link"),
    path("api/v1/stores/<str:store_id>/flow/", apis.FlowApi.as_view(), name="api-flow"),
]
