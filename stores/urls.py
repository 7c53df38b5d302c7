from django.urls import path

from . import apis, webhooks

# Store ids are matched as strings and checked in the views: a malformed id is the same JSON 404 as a
# missing one (Django's uuid converter would answer its HTML 404 page instead).
urlpatterns = [
    path("webhooks/shopify/<str:store_id>/", webhooks.shopify_webhook, name="webhook-shopify"),
    path("webhooks/carts/<str:store_id>/", webhooks.GenericCartWebhookView.as_view(), name="webhook-carts"),
    path("api/v1/stores/<str:store_id>/customers/", apis.CustomerListApi.as_view(), name="api-customers"),
    path(
        "api/v1/stores/<str:store_id>/settings/", apis.StoreSettingsApi.as_view(), name="api-store-settings"
    ),
]
