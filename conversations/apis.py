"""`/api/v1/stores/<store_id>/…`: keyword rules (managers), "try a reply", threads (everyone in the store)."""

from django.db.models import Prefetch
from django.http import HttpResponse
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_serializer
from rest_framework import renderers, serializers, status
from rest_framework.response import Response

from cartrecovery.api import ApiPagination
from cartrecovery.errors import ApplicationError
from stores.access import EVERYONE, StoreAPIView
from stores.models import Customer
from stores.phones import PhoneMode, phone_parse, store_region
from stores.tenancy import get_for_store_or_404

from . import rules
from .evidence import evidence_record
from .models import KeywordRule, Message, Thread
from .router import reply_try


@extend_schema_serializer(component_name="KeywordRuleOutput")
class KeywordRuleOutSerializer(serializers.ModelSerializer):
    active = serializers.BooleanField(source="is_active")
    keywords = serializers.ListField(child=serializers.CharField())
    replies = serializers.DictField(child=serializers.CharField(), help_text="The reply per other language.")
    lexicon = serializers.SerializerMethodField(
        help_text='{"intents": [...], "words": {language: [words]}, "edited": [languages]}: the built-in '
        "commerce words the rule also matches, per language, with the languages this rule edited."
    )

    class Meta:
        model = KeywordRule
        fields = ["id", "name", "keywords", "reply", "priority", "active", "replies", "lexicon"]

    def get_lexicon(self, rule) -> dict:
        return rules.lexicon_for_rule(rule)


@extend_schema_serializer(component_name="KeywordRuleInput")
class KeywordRuleInSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=120)
    keywords = serializers.ListField(child=serializers.CharField(allow_blank=True, max_length=200))
    reply = serializers.CharField()
    priority = serializers.IntegerField(required=False, default=100)
    active = serializers.BooleanField(required=False, default=True)
    replies = serializers.DictField(
        child=serializers.CharField(allow_blank=True), required=False, help_text='{"fr": "…"}'
    )
    lexicon = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField(allow_blank=True, max_length=200)),
        required=False,
        help_text='{"fr": ["livraison", …]}: replaces the built-in words of that language for this rule.',
    )


def _paginated(view, request, rows, serialize):
    paginator = ApiPagination()
    page = paginator.paginate_queryset(rows, request, view=view)
    return paginator.get_paginated_response([serialize(row) for row in page])


class KeywordRuleListApi(StoreAPIView):
    @extend_schema(responses=KeywordRuleOutSerializer(many=True))
    def get(self, request, store_id):
        rows = KeywordRule.objects.for_store(self.store).order_by("priority", "id")
        return _paginated(self, request, rows, lambda rule: KeywordRuleOutSerializer(rule).data)

    @extend_schema(request=KeywordRuleInSerializer, responses={201: KeywordRuleOutSerializer})
    def post(self, request, store_id):
        data = _valid(KeywordRuleInSerializer(data=request.data))
        rule = rules.keyword_rule_create(store=self.store, **data)
        return Response(KeywordRuleOutSerializer(rule).data, status=status.HTTP_201_CREATED)


class KeywordRuleDetailApi(StoreAPIView):
    def _rule(self, rule_id) -> KeywordRule:
        return get_for_store_or_404(KeywordRule.objects, store=self.store, pk=rule_id)

    @extend_schema(responses=KeywordRuleOutSerializer)
    def get(self, request, store_id, rule_id):
        return Response(KeywordRuleOutSerializer(self._rule(rule_id)).data)

    @extend_schema(request=KeywordRuleInSerializer, responses=KeywordRuleOutSerializer)
    def put(self, request, store_id, rule_id):
        return self._update(request, rule_id, partial=False)

    @extend_schema(request=KeywordRuleInSerializer, responses=KeywordRuleOutSerializer)
    def patch(self, request, store_id, rule_id):
        return self._update(request, rule_id, partial=True)

    def _update(self, request, rule_id, *, partial: bool):
        rule = self._rule(rule_id)
        data = _valid(KeywordRuleInSerializer(data=request.data, partial=partial))
        rule = rules.keyword_rule_update(store=self.store, rule=rule, **data)
        return Response(KeywordRuleOutSerializer(rule).data)

    @extend_schema(responses={204: None})
    def delete(self, request, store_id, rule_id):
        rules.keyword_rule_delete(store=self.store, rule=self._rule(rule_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


def _valid(serializer: serializers.Serializer) -> dict:
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


@extend_schema_serializer(component_name="ReplyTryInput")
class ReplyTryInSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=1600, allow_blank=True, trim_whitespace=False)
    phone = serializers.CharField(required=False, allow_blank=True, help_text="Try as this customer.")


@extend_schema_serializer(component_name="ReplyTryOutput")
class ReplyTryOutSerializer(serializers.Serializer):
    step = serializers.CharField()
    rule = serializers.DictField(allow_null=True)
    reply = serializers.CharField()
    escalate = serializers.BooleanField()
    reason = serializers.CharField()
    language = serializers.CharField(
        help_text="The language the text was read in (en, es, fr, de, it, pt, nl)."
    )
    language_reason = serializers.CharField()
    intent = serializers.CharField(help_text="The lexicon intent that matched, or empty.")
    matched = serializers.CharField(help_text="The shopper's words that matched a keyword or lexicon word.")
    note = serializers.CharField(help_text="For the agent, e.g. no reply in the shopper's language.")


class KeywordRuleTryApi(StoreAPIView):
    """What a text would trigger (which router step, which rule, the reply); nothing is sent or saved."""

    @extend_schema(request=ReplyTryInSerializer, responses=ReplyTryOutSerializer)
    def post(self, request, store_id):
        data = _valid(ReplyTryInSerializer(data=request.data))
        customer = None
        if data.get("phone"):
            customer = (
                Customer.objects.for_store(self.store).filter(phone=_e164_or_400(data["phone"])).first()
            )
        decision = reply_try(store=self.store, text=data["text"], customer=customer)
        rule = {"id": decision.rule.id, "name": decision.rule.name} if decision.rule else None
        return Response(
            {
                "step": decision.step,
                "rule": rule,
                "reply": decision.reply,
                "escalate": decision.escalate,
                "reason": decision.reason,
                "language": decision.language,
                "language_reason": decision.language_reason,
                "intent": decision.intent,
                "matched": decision.matched,
                "note": decision.note,
            }
        )


def _e164_or_400(raw: str) -> str:
    parsed = phone_parse(raw, mode=PhoneMode.API_FILTER)
    if not parsed.ok:
        raise ApplicationError("Give the phone in E.164 form (+14155550100).", extra={"field": "phone"})
    return parsed.e164


@extend_schema_serializer(component_name="ThreadMessageOutput")
class ThreadMessageOutSerializer(serializers.Serializer):
    direction = serializers.CharField()
    body = serializers.CharField()
    rule = serializers.CharField(source="rule.name", allow_null=True, default=None)
    status = serializers.CharField()
    created_at = serializers.DateTimeField()
    language = serializers.CharField()
    note = serializers.CharField()


@extend_schema_serializer(component_name="ThreadOutput")
class ThreadOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    customer_phone = serializers.CharField(source="customer.phone")
    status = serializers.CharField()
    messages = ThreadMessageOutSerializer(many=True)


THREAD_FILTERS = [
    OpenApiParameter("phone", str, description="The customer's phone, E.164"),
    OpenApiParameter("status", str, enum=Thread.Status.values),
]


def _threads(store):
    messages = Message.objects.select_related("rule").order_by("created_at", "id")
    return (
        Thread.objects.for_store(store)
        .select_related("customer")
        .prefetch_related(Prefetch("messages", queryset=messages))
        .order_by("-last_message_at", "-id")
    )


class ThreadListApi(StoreAPIView):
    store_roles = EVERYONE

    @extend_schema(parameters=THREAD_FILTERS, responses=ThreadOutSerializer(many=True))
    def get(self, request, store_id):
        threads = _threads(self.store)
        phone = request.query_params.get("phone", "").strip()
        if phone:
            threads = threads.filter(customer__phone=_e164_or_400(phone))
        wanted = request.query_params.get("status", "").strip()
        if wanted:
            if wanted not in Thread.Status.values:
                raise ApplicationError(
                    "status is one of " + ", ".join(Thread.Status.values) + ".", extra={"field": "status"}
                )
            threads = threads.filter(status=wanted)
        return _paginated(self, request, threads, lambda thread: ThreadOutSerializer(thread).data)


class ThreadDetailApi(StoreAPIView):
    store_roles = EVERYONE

    @extend_schema(responses=ThreadOutSerializer)
    def get(self, request, store_id, thread_id):
        thread = get_for_store_or_404(_threads(self.store), store=self.store, pk=thread_id)
        return Response(ThreadOutSerializer(thread).data)


class PdfRenderer(renderers.BaseRenderer):
    media_type = "application/pdf"
    format = "pdf"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data if isinstance(data, bytes) else b""


class EvidenceApi(StoreAPIView):
    """The compliance record of one number: consent, texts and the store's verified hash chain."""

    renderer_classes = [renderers.JSONRenderer, PdfRenderer]

    @extend_schema(
        operation_id="customers_evidence",
        tags=["customers"],
        parameters=[
            OpenApiParameter("phone", str, required=True, description="The shopper's number, any format."),
            OpenApiParameter(
                "format", str, enum=["json", "pdf"], description="pdf: a printable evidence pack."
            ),
        ],
        responses={200: dict, 400: dict},
    )
    def get(self, request, store_id):
        raw = request.query_params.get("phone", "").strip()
        parsed = phone_parse(raw, region=store_region(self.store)) if raw else None
        if parsed is None or not parsed.ok:
            problem = parsed.problem if parsed else "missing"
            return Response(
                {"errors": {"phone": [f"Give the shopper's number ({problem})."]}},
                status=status.HTTP_400_BAD_REQUEST,
            )
        record = evidence_record(store=self.store, phone=parsed.e164)
        if request.accepted_renderer.format == "pdf":
            # fpdf2 brings fontTools and Pillow, about 20 MB resident: only the process that prints one pays.
            from .evidence_pdf import evidence_pdf

            body = evidence_pdf(
                store_name=self.store.name, record=record, generated_at=timezone.now().isoformat()
            )
            response = HttpResponse(body, content_type="application/pdf")
            response["Content-Disposition"] = f'attachment; filename="evidence-{parsed.e164.lstrip("+")}.pdf"'
            return response
        return Response(record)
