from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView

from dashboard import views as shell_views

urlpatterns = [
    path("", shell_views.home, name="home"),
    path("healthz", shell_views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("accounts/login/", shell_views.ThrottledLoginView.as_view(), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("dashboard/", include("dashboard.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include("stores.urls")),
    path("", include("flows.urls")),
    path("", include("conversations.urls")),
    path("inbox/", include("conversations.inbox_urls")),
    path("", include("billing.urls")),
]
