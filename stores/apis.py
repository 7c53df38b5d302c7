"""Management API of the stores app (`/api/v1/stores/<store_id>/…`)."""

from django.http import QueryDict
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from cartrecovery.api import ApiPagination

from .access import StoreAPIView
from .models import ConsentEvent, Customer, TexasRegistration
from .selectors import customer_list
from .store_settings import SettingsInvalid, store_settings_read, store_settings_update


class ConsentEventOutSerializer(serializers.ModelSerializer):
    class Meta:
        model = ConsentEvent
        fields = ["kind", "channel", "source", "occurred_at", "text_shown", "language", "ip_address"]


class CustomerOutSerializer(serializers.ModelSerializer):
    phone = serializers.SerializerMethodField()
    consent_events = ConsentEventOutSerializer(many=True, read_only=True)

    class Meta:
        model = Customer
        fields = ["id", "phone", "first_name", "sms_status", "snoozed_until", "consent_events"]

    def get_phone(self, customer: Customer) -> str:
        return str(customer.phone or "")


class CustomerListApi(StoreAPIView):
    """A shopper's SMS status and consent history, for integrators and support."""

    @extend_schema(
        operation_id="customers_list",
        tags=["customers"],
        parameters=[
            OpenApiParameter(
                "phone", str, description="Any format (+1 415 555 2671, (415) 555-2671): normalised to E.164."
            )
        ],
        responses=CustomerOutSerializer(many=True),
    )
    def get(self, request, store_id):
        customers = customer_list(store=self.store, phone=request.query_params.get("phone", "").strip())
        paginator = ApiPagination()
        page = paginator.paginate_queryset(customers, request, view=self)
        return paginator.get_paginated_response(CustomerOutSerializer(page, many=True).data)


class SettingsQuietHoursSerializer(serializers.Serializer):
    start = serializers.IntegerField(min_value=0, max_value=23, help_text="Earliest local hour to text.")
    end = serializers.IntegerField(min_value=1, max_value=24, help_text="Local hour when texting stops.")


class StoreSettingsSerializer(serializers.Serializer):
    """The shape only, for the OpenAPI document: every rule is `store_settings_update`'s."""

    name = serializers.CharField(max_length=200)
    timezone = serializers.CharField(help_text="An IANA zone, e.g. America/New_York.")
    language = serializers.CharField(help_text="The store's default language code, e.g. en.")
    sender_number = serializers.CharField(
        allow_blank=True,
        help_text="E.164. Must be one of the Twilio account's numbers and no other store's.",
    )
    messaging_service_sid = serializers.CharField(
        allow_blank=True, help_text="MG + 32 hex characters; no other store's."
    )
    sender_rate_per_second = serializers.DecimalField(
        max_digits=6, decimal_places=2, allow_null=True, coerce_to_string=False
    )
    quiet_hours = SettingsQuietHoursSerializer(allow_null=True)
    frequency_cap = serializers.IntegerField(min_value=1, max_value=10, allow_null=True)
    shipping_policy = serializers.CharField(allow_blank=True, max_length=2000)
    returns_policy = serializers.CharField(allow_blank=True, max_length=2000)
    contact_email = serializers.EmailField(allow_blank=True)
    contact_phone = serializers.CharField(allow_blank=True)
    website_url = serializers.URLField(allow_blank=True)
    texas_registration = serializers.ChoiceField(choices=TexasRegistration.choices, allow_null=True)
    ships_to = serializers.ListField(
        child=serializers.CharField(max_length=2), help_text="ISO 3166-1 alpha-2."
    )
    consent_confirmation = serializers.ChoiceField(
        choices=["in_first_text", "separate_text"],
        help_text="CTIA disclosures after a new consent: in the first cart text, or a separate text.",
    )
    free_shipping_over = serializers.DecimalField(
        max_digits=10,
        decimal_places=2,
        allow_null=True,
        min_value=0,
        help_text="Free shipping from this cart total, in the store's currency; null: not said.",
    )
    return_days = serializers.IntegerField(min_value=0, max_value=365, allow_null=True)
    processing_days = serializers.IntegerField(min_value=0, max_value=365, allow_null=True)
    fallback_reply = serializers.CharField(
        allow_blank=True, help_text="The fallback reply in the store's language."
    )
    holding_reply = serializers.CharField(
        allow_blank=True, help_text="The holding reply (a person will answer) in the store's language."
    )
    replies = serializers.DictField(
        child=serializers.DictField(child=serializers.CharField(allow_blank=True)),
        help_text="The router's replies per language: {kind: {language: text}}, kinds fallback, holding, "
        "opt_out, opt_in; languages en, es, fr, de, it, pt, nl. Read: every text as the shopper gets it. "
        'Written: only the texts given change; "" goes back to the shipped text. An unknown kind, '
        "language or placeholder is a 400 naming it.",
    )
    replies_edited = serializers.DictField(
        read_only=True,
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Per kind, the languages the store wrote itself.",
    )


class SettingsErrorsSerializer(serializers.Serializer):
    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))


SETTINGS_FIELDS = tuple(StoreSettingsSerializer().fields)


def _settings_out(store) -> dict:
    values = store_settings_read(store=store)
    out = {name: values[name] for name in SETTINGS_FIELDS}
    rate = out["sender_rate_per_second"]
    out["sender_rate_per_second"] = float(rate) if rate is not None else None
    threshold = out["free_shipping_over"]
    out["free_shipping_over"] = str(threshold) if threshold is not None else None
    return out


class StoreSettingsApi(StoreAPIView):
    """The store's settings, as the dashboard's Setup and Settings pages edit them (owners and admins)."""

    @extend_schema(operation_id="store_settings_read", tags=["settings"], responses=StoreSettingsSerializer)
    def get(self, request, store_id):
        return Response(_settings_out(self.store))

    @extend_schema(
        operation_id="store_settings_update",
        tags=["settings"],
        request=StoreSettingsSerializer(partial=True),
        responses={200: StoreSettingsSerializer, 400: SettingsErrorsSerializer},
        description='Any subset of the fields. A sender another store holds: `400 {"errors": '
        '{"sender_number": ["This number is already in use by another store."]}}`.',
    )
    def patch(self, request, store_id):
        data = request.data.dict() if isinstance(request.data, QueryDict) else request.data
        if not isinstance(data, dict):
            return Response({"errors": {"non_field_errors": ["Send a JSON object."]}}, status=400)
        unknown = {name: ["Unknown setting."] for name in data if name not in SETTINGS_FIELDS}
        if unknown:
            return Response({"errors": unknown}, status=400)
        try:
            store_settings_update(store=self.store, changes=data)
        except SettingsInvalid as exc:
            return Response({"errors": exc.errors}, status=400)
        return Response(_settings_out(self.store))
