from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from cartrecovery.api import ApiDocsView
from stores import views as store_views

urlpatterns = [
    path("", store_views.home, name="home"),
    path("healthz", store_views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("accounts/login/", store_views.ThrottledLoginView.as_view(), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("dashboard/", include("stores.dashboard_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", ApiDocsView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include("stores.urls")),
    path("", include("flows.urls")),
    path("", include("conversations.urls")),
    path("inbox/", include("conversations.inbox_urls")),
    path("", include("billing.urls")),
]

handler403 = "stores.views.permission_denied"
