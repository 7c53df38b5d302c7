from django.urls import path

from . import apis, views_shopify, webhooks

# Store ids are matched as strings and checked in the views: a malformed id is the same JSON 404 as a
# missing one (Django's uuid converter would answer its HTML 404 page instead).
urlpatterns = [
    # The Shopify app (docs/shopify.md): Shopify calls these without a trailing slash.
    path("shopify/install", views_shopify.install, name="shopify-install"),
    path("shopify/callback", views_shopify.callback, name="shopify-callback"),
    path("shopify/finish", views_shopify.finish, name="shopify-finish"),
    path("shopify/webhooks", views_shopify.app_webhook, name="shopify-app-webhook"),
    path("webhooks/shopify/<str:store_id>/", webhooks.shopify_webhook, name="webhook-shopify"),
    path("webhooks/carts/<str:store_id>/", webhooks.generic_cart_webhook, name="webhook-carts"),
    path("api/v1/stores/<str:store_id>/customers/", apis.CustomerListApi.as_view(), name="api-customers"),
    path(
        "api/v1/stores/<str:store_id>/settings/", apis.StoreSettingsApi.as_view(), name="api-store-settings"
    ),
]
