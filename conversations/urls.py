from django.urls import path

from . import apis, manage, webhooks

app_name = "conversations"

urlpatterns = [
    path("webhooks/twilio/sms/", webhooks.inbound_sms, name="twilio-sms"),
    path("webhooks/twilio/status/", webhooks.status_callback, name="twilio-status"),
    path("m/<str:code>", manage.manage_texts, name="manage-texts"),
    path(
        "api/v1/stores/<uuid:store_id>/keyword-rules/",
        apis.KeywordRuleListApi.as_view(),
        name="keyword-rules",
    ),
    path(
        "api/v1/stores/<uuid:store_id>/keyword-rules/try/",
        apis.KeywordRuleTryApi.as_view(),
        name="keyword-rules-try",
    ),
    path(
        "api/v1/stores/<uuid:store_id>/keyword-rules/<int:rule_id>/",
        apis.KeywordRuleDetailApi.as_view(),
        name="keyword-rule",
    ),
    path("api/v1/stores/<uuid:store_id>/threads/", apis.ThreadListApi.as_view(), name="threads"),
    path(
        "api/v1/stores/<uuid:store_id>/customers/evidence/",
        apis.EvidenceApi.as_view(),
        name="customers-evidence",
    ),
    path(
        "api/v1/stores/<uuid:store_id>/threads/<int:thread_id>/",
        apis.ThreadDetailApi.as_view(),
        name="thread",
    ),
]
