"""`/api/v1/stores/<store_id>/flow/`: the active flow, its steps, quiet hours and frequency cap."""

from decimal import Decimal

from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from conversations.placeholders import placeholders_listing
from stores.access import StoreAPIView
from stores.store_settings import SettingsInvalid

from .models import DiscountCode, Flow, IncentiveKind, Step
from .rendering import step_preview
from .services import SHIPPED_REPLIES, flow_seed_default, flow_update
from .settings_section import flow_settings_apply, flow_settings_read
from .variants import experiment_out


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
    min_cart_value = serializers.DecimalField(
        max_digits=14, decimal_places=2, required=False, allow_null=True, default=None,
        help_text="Only when needed: give the incentive only to carts worth at least this (cart currency).",
    )  # fmt: skip
    only_if_not_clicked = serializers.BooleanField(
        required=False, default=False,
        help_text="Only when needed: give it only to shoppers who did not click an earlier text of the cart.",
    )  # fmt: skip


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
    variants = serializers.ListField(
        child=serializers.DictField(),
        required=False,
        default=list,
        help_text='2–4 variants tested against each other: [{"key": "A", "weight": 50, "templates": {...}, '
        '"incentive": {...as the step\'s...}, "delay_minutes": null}]. Leave out (or []) for the step\'s own '
        "text. Changed variants start a new experiment; removed ones stop a running one.",
    )
    experiment = serializers.DictField(
        read_only=True,
        allow_null=True,
        help_text='{"status": "running"|"decided"|"stopped", "winner": "B"|null, "decided_at", "started_at", '
        '"statement", "numbers": {per-variant texts, revenue per text, recovery and click rates, intervals}}',
    )
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
    replies = serializers.DictField(
        child=serializers.DictField(child=serializers.CharField(allow_blank=True)),
        required=False,
        help_text="The router's replies per language, {kind: {language: text}}, kind one of "
        + ", ".join(SHIPPED_REPLIES)
        + ". Read: every kind in every language as the shopper gets it. Written: only the texts given "
        'change ("" goes back to the shipped text). Placeholders: ' + placeholders_listing() + ".",
    )
    replies_edited = serializers.DictField(
        read_only=True, help_text="Per kind, the languages the store wrote itself."
    )
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
    wording = flow_settings_read(store=flow.store)
    return {
        "id": flow.id,
        "name": flow.name,
        "replies": wording["replies"],
        "replies_edited": wording["replies_edited"],
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
                    "min_cart_value": None
                    if step.incentive_min_cart_value is None
                    else str(step.incentive_min_cart_value),
                    "only_if_not_clicked": step.incentive_only_if_not_clicked,
                    "pool_available": _pool_available(step)
                    if step.incentive_kind == IncentiveKind.CODE_POOL
                    else 0,
                },
                "variants": step.variants,
                "experiment": experiment_out(step),
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
    "min_cart_value": None,
    "only_if_not_clicked": False,
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
        "variants": step.get("variants", []),
        "incentive_min_cart_value": incentive["min_cart_value"],
        "incentive_only_if_not_clicked": incentive["only_if_not_clicked"],
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
        with transaction.atomic():
            flow = flow_update(
                store=self.store,
                name=data.get("name"),
                quiet_hours_start=data["quiet_hours"]["start"],
                quiet_hours_end=data["quiet_hours"]["end"],
                frequency_cap=data["frequency_cap"],
                steps=[_step_in(s) for s in data["steps"]],
            )
            if "replies" in data:
                try:
                    flow_settings_apply(store=self.store, changes={"replies": data["replies"]})
                except SettingsInvalid as exc:
                    # Nothing of the request is kept: the steps roll back with the refused text.
                    transaction.set_rollback(True)
                    return Response(exc.errors, status=400)
        flow.refresh_from_db()
        flow.store = self.store
        return Response(_flow_out(flow))
