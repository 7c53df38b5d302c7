"""`/dashboard/…`: the merchant's pages (owners and admins). Namespace "dashboard"."""

from django.urls import path

from . import views
from . import views_flow as flow_views
from . import views_rules as rule_views

app_name = "dashboard"

urlpatterns = [
    path("", views.dashboard_index, name="index"),
    path("new/", views.store_new, name="onboarding"),
    path("<uuid:store_id>/", views.dashboard_home, name="home"),
    path("<uuid:store_id>/setup/", views.setup, name="setup"),
    path("<uuid:store_id>/setup/sender/", views.setup_sender, name="setup_sender"),
    path("<uuid:store_id>/setup/shopify/", views.setup_shopify_connect, name="setup_shopify"),
    path("<uuid:store_id>/setup/rotate-secret/", views.setup_rotate_secret, name="setup_rotate"),
    path("<uuid:store_id>/setup/test-text/", views.setup_test_text, name="setup_test"),
    path("<uuid:store_id>/flow/", flow_views.flow_page, name="flow"),
    path("<uuid:store_id>/flow/create/", flow_views.flow_create, name="flow_create"),
    path("<uuid:store_id>/flow/steps/add/", flow_views.flow_step_add, name="flow_step_add"),
    path("<uuid:store_id>/flow/steps/<int:step_id>/", flow_views.flow_step, name="flow_step"),
    path(
        "<uuid:store_id>/flow/steps/<int:step_id>/variants/",
        flow_views.flow_step_variants,
        name="flow_step_variants",
    ),
    path(
        "<uuid:store_id>/flow/steps/<int:step_id>/delete/",
        flow_views.flow_step_delete,
        name="flow_step_delete",
    ),
    path(
        "<uuid:store_id>/flow/steps/<int:step_id>/preview/",
        flow_views.flow_step_preview,
        name="flow_step_preview",
    ),
    path("<uuid:store_id>/rules/", rule_views.rules_list, name="rules"),
    path("<uuid:store_id>/rules/try/", rule_views.rules_try, name="rules_try"),
    path("<uuid:store_id>/rules/new/", rule_views.rule_edit, name="rules_new"),
    path("<uuid:store_id>/rules/<int:rule_id>/", rule_views.rule_edit, name="rules_edit"),
    path("<uuid:store_id>/rules/<int:rule_id>/toggle/", rule_views.rule_toggle, name="rules_toggle"),
    path("<uuid:store_id>/rules/<int:rule_id>/delete/", rule_views.rule_delete, name="rules_delete"),
    path("<uuid:store_id>/settings/", flow_views.flow_settings, name="settings"),
    path(
        "<uuid:store_id>/settings/compliance/",
        flow_views.flow_settings_compliance,
        name="settings_compliance",
    ),
    path("<uuid:store_id>/settings/send-times/", flow_views.flow_send_times, name="settings_send_times"),
    path("<uuid:store_id>/consent/", views.consent_log, name="consent"),
    path("<uuid:store_id>/consent.csv", views.consent_log_csv, name="consent_csv"),
    path("<uuid:store_id>/team/", views.team, name="team"),
    path("<uuid:store_id>/team/<int:membership_id>/", views.team_member, name="team_member"),
    path(
        "<uuid:store_id>/team/invitations/<int:invitation_id>/withdraw/",
        views.team_invitation_revoke,
        name="team_invitation_revoke",
    ),
]
