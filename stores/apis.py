"""Management API of the stores app (`/api/v1/stores/<store_id>/…`)."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.pagination import LimitOffsetPagination

from .access import StoreAPIView
from .models import ConsentEvent, Customer
from .selectors import customer_list


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
        paginator = LimitOffsetPagination()
        page = paginator.paginate_queryset(customers, request, view=self)
        return paginator.get_paginated_response(CustomerOutSerializer(page, many=True).data)
