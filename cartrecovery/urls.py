from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from cartrecovery.api_docs import ApiDocsView
from dashboard import views as shell_views
from dashboard import views_accounts
from stores import views_invitations, views_tokens

urlpatterns = [
    path("", shell_views.home, name="home"),
    path("healthz", shell_views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    # Throttled by django-axes in the authentication backends, like /admin/login/.
    path("accounts/login/", shell_views.SignInView.as_view(), name="login"),
    path("accounts/api-tokens/", views_tokens.api_tokens, name="api_tokens"),
    path("accounts/password_reset/", views_accounts.PasswordResetView.as_view(), name="password_reset"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("dashboard/", include("dashboard.urls")),
    path("invitations/<str:token>/", views_invitations.invitation_answer, name="invitation"),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", ApiDocsView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include("stores.urls")),
    path("", include("flows.urls")),
    path("", include("conversations.urls")),
    path("inbox/", include("conversations.inbox_urls")),
    path("", include("billing.urls")),
]

handler403 = "dashboard.views.permission_denied"
