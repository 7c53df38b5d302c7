from django.contrib import admin

from .models import Cart, CartItem, ConsentEvent, Customer, DataExport, Membership, Order, Store, WebhookEvent


@admin.register(Store)
class StoreAdmin(admin.ModelAdmin):
    list_display = ["name", "platform", "shop_domain", "sms_number", "timezone", "is_demo"]
    search_fields = ["name", "shop_domain"]
    exclude = ["webhook_secret", "previous_webhook_secret"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "store", "role"]
    list_filter = ["role"]


@admin.register(Customer)
class CustomerAdmin(admin.ModelAdmin):
    list_display = ["id", "store", "phone", "first_name", "sms_status", "redacted_at"]
    list_filter = ["sms_status"]
    search_fields = ["phone", "email", "external_id"]


class CartItemInline(admin.TabularInline):
    model = CartItem
    extra = 0


@admin.register(Cart)
class CartAdmin(admin.ModelAdmin):
    list_display = ["external_id", "store", "customer", "status", "total", "currency", "last_activity_at"]
    list_filter = ["status"]
    search_fields = ["external_id", "cart_token", "checkout_token", "checkout_id"]
    inlines = [CartItemInline]


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    list_display = ["external_id", "name", "store", "cart", "total", "currency", "placed_at"]
    search_fields = ["external_id", "name"]


@admin.register(ConsentEvent)
class ConsentEventAdmin(admin.ModelAdmin):
    """Evidence: shown, never edited (the model refuses updates too)."""

    list_display = ["customer", "kind", "source", "occurred_at", "store"]
    list_filter = ["kind", "source"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(WebhookEvent)
class WebhookEventAdmin(admin.ModelAdmin):
    list_display = ["id", "store", "source", "topic", "status", "received_at", "processed_at"]
    list_filter = ["source", "status", "topic"]
    search_fields = ["key"]


@admin.register(DataExport)
class DataExportAdmin(admin.ModelAdmin):
    list_display = ["id", "store", "request_id", "customer_email", "created_at"]
