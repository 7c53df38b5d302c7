"""`/api/v1/stores/<store_id>/flow/`: the active flow, its steps, quiet hours and frequency cap."""

from decimal import Decimal

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from conversations.placeholders import placeholders_listing
from stores.access import StoreAPIView

from .models import DiscountCode, Flow, IncentiveKind, Step
from .rendering import step_preview
from .services import flow_seed_default, flow_update


class IncentiveSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=IncentiveKind.choices, default=IncentiveKind.NONE)
    discount_code = serializers.CharField(max_length=64, required=False, allow_blank=True, default="")
    text = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    valid_days = serializers.IntegerField(min_value=1, max_value=365, required=False, default=7)
    percent = serializers.IntegerField(
        min_value=1, max_value=100, required=False, allow_null=True, default=None,
        help_text="Kind unique_code: the percentage off of the code made in Shopify (or give amount).",
    )  # fmt: skip
    amount = serializers.DecimalField(
        max_digits=10, decimal_places=2, min_value=Decimal("0.01"), required=False, allow_null=True,
        default=None, help_text="Kind unique_code: the amount off, in the shop's currency (or give percent).",
    )  # fmt: skip
    pool_codes = serializers.ListField(
        child=serializers.CharField(max_length=64), required=False, default=list, write_only=True,
        help_text="Unique codes to add to the step's pool (kind code_pool); each goes to one cart.",
    )  # fmt: skip
    pool_available = serializers.IntegerField(read_only=True)


class StepSerializer(serializers.Serializer):
    position = serializers.IntegerField(min_value=1, max_value=20)
    delay_minutes = serializers.IntegerField(
        min_value=1, max_value=30 * 24 * 60, help_text="After the cart's last activity; 30–60 recommended."
    )
    active = serializers.BooleanField(default=True)
    templates = serializers.DictField(
        child=serializers.CharField(allow_blank=True),
        help_text='Per language: {"en": "Hi {first_name}…"}. Placeholders: ' + placeholders_listing() + ".",
    )
    incentive = IncentiveSerializer(required=False)
    previews = serializers.DictField(
        read_only=True, help_text="Per language: worst-case segments, cost, warnings."
    )


class QuietHoursSerializer(serializers.Serializer):
    start = serializers.IntegerField(
        min_value=0, max_value=23, help_text="Earliest local hour (the law may narrow it)."
    )
    end = serializers.IntegerField(min_value=1, max_value=24)


class FlowSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(max_length=120, required=False)
    quiet_hours = QuietHoursSerializer()
    frequency_cap = serializers.IntegerField(
        min_value=1, max_value=10, help_text="Texts per phone per 24 hours."
    )
    steps = StepSerializer(many=True)


def _pool_available(step: Step) -> int:
    return DiscountCode.objects.filter(step=step, cart__isnull=True).count()


def _flow_out(flow: Flow) -> dict:
    steps = list(flow.steps.all())
    return {
        "id": flow.id,
        "name": flow.name,
        "quiet_hours": {"start": flow.quiet_hours_start, "end": flow.quiet_hours_end},
        "frequency_cap": flow.frequency_cap,
        "steps": [
            {
                "position": step.position,
                "delay_minutes": step.delay_minutes,
                "active": step.is_active,
                "templates": step.templates,
                "incentive": {
                    "kind": step.incentive_kind,
                    "discount_code": step.discount_code,
                    "text": step.incentive_text,
                    "valid_days": step.incentive_valid_days,
                    "percent": step.incentive_percent,
                    "amount": None if step.incentive_amount is None else str(step.incentive_amount),
                    "pool_available": _pool_available(step)
                    if step.incentive_kind == IncentiveKind.CODE_POOL
                    else 0,
                },
                "previews": {
                    lang: p.as_dict() for lang, p in step_preview(store=flow.store, step=step).items()
                },
            }
            for step in steps
        ],
    }


_NO_INCENTIVE = {
    "kind": IncentiveKind.NONE,
    "discount_code": "",
    "text": "",
    "valid_days": 7,
    "percent": None,
    "amount": None,
    "pool_codes": [],
}


def _step_in(step: dict) -> dict:
    incentive = {**_NO_INCENTIVE, **step.get("incentive", {})}
    return {
        "position": step["position"],
        "delay_minutes": step["delay_minutes"],
        "is_active": step["active"],
        "templates": step["templates"],
        "incentive_kind": incentive["kind"],
        "discount_code": incentive["discount_code"],
        "incentive_text": incentive["text"],
        "incentive_valid_days": incentive["valid_days"],
        "incentive_percent": incentive["percent"],
        "incentive_amount": incentive["amount"],
        "pool_codes": incentive["pool_codes"],
    }


class FlowApi(StoreAPIView):
    """The store's one active flow (the recommended one until the merchant changes it)."""

    @extend_schema(operation_id="flow_retrieve", tags=["flow"], responses=FlowSerializer)
    def get(self, request, store_id):
        return Response(_flow_out(flow_seed_default(store=self.store)))

    @extend_schema(
        operation_id="flow_update", tags=["flow"], request=FlowSerializer, responses=FlowSerializer
    )
    def put(self, request, store_id):
        serializer = FlowSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        flow = flow_update(
            store=self.store,
            name=data.get("name"),
            quiet_hours_start=data["quiet_hours"]["start"],
            quiet_hours_end=data["quiet_hours"]["end"],
            frequency_cap=data["frequency_cap"],
            steps=[_step_in(s) for s in data["steps"]],
        )
        flow.store = self.store
        return Response(_flow_out(flow))
