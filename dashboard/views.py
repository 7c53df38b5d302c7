from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from cartrecovery.errors import ApplicationError
from conversations.selectors import sender_registration
from conversations.simulator import phone_simulator_available
from flows.merchant_texts import TEST_TEXTS_PER_HOUR, merchant_test_text_send, merchant_test_texts_left
from flows.selectors import nudges_held_by_rule
from stores import onboarding
from stores import services as store_services
from stores.access import MANAGERS, ROLE_CAN, store_creation_allowed, store_page
from stores.csv_export import csv_writer
from stores.forms import (
    InviteForm,
    SenderForm,
    ShopifyConnectForm,
    StoreCreateForm,
    TestTextForm,
    settings_errors_add,
)
from stores.models import Invitation, Membership, Role
from stores.selectors import shopify_connection_for
from stores.shopify_install import APP_WEBHOOK_TOPICS
from stores.shopify_oauth import OAuthRefused, app_configured, form_action_origins
from stores.store_settings import SettingsInvalid, store_settings_update
from stores.team import invitation_create, invitation_link, invitation_revoke, member_remove, member_role_set
from stores.tenancy import get_for_store_or_404
from stores.views_shopify import authorize_redirect

from . import charts
from . import selectors as dashboard


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Send each person to where their role works: managers to the dashboard, agents to the inbox."""
    membership = Membership.objects.filter(user=request.user).order_by("created_at").first()
    if membership is None:
        return redirect("dashboard:onboarding")
    if membership.role in MANAGERS:
        return redirect("dashboard:home", store_id=membership.store_id)
    return redirect("inbox:list", store_id=membership.store_id)


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    """The styled 403: what the caller's role can do here, and where to go instead."""
    membership = getattr(exception, "membership", None)
    context = {
        "membership": membership,
        "role_can": ROLE_CAN.get(membership.role, "") if membership else "",
        "home_url": reverse("inbox:list", kwargs={"store_id": membership.store_id}) if membership else "/",
    }
    return render(request, "403.html", context, status=403)


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"ok": True})


class SignInView(LoginView):
    """Django's sign-in (django-axes throttles it through the authentication backend); an empty form is
    told what is missing rather than that the password did not match."""

    redirect_authenticated_user = True

    def form_invalid(self, form):
        if not self.request.POST.get("username", "").strip() or not self.request.POST.get("password"):
            return self.render_to_response(self.get_context_data(form=form, missing=True))
        return super().form_invalid(form)


@login_required
def dashboard_index(request: HttpRequest) -> HttpResponse:
    """`/dashboard/`: the first store the user manages, else the inbox, else creating a store."""
    memberships = Membership.objects.filter(user=request.user).order_by("created_at")
    managed = memberships.filter(role__in=MANAGERS).first()
    if managed is not None:
        return redirect("dashboard:home", store_id=managed.store_id)
    if memberships.exists():
        return redirect("home")
    return redirect("dashboard:onboarding")


@login_required
def store_new(request: HttpRequest) -> HttpResponse:
    has_stores = Membership.objects.filter(user=request.user).exists()
    if not store_creation_allowed(user=request.user):
        context = {"refused": True, "has_stores": has_stores}
        return render(request, "dashboard/onboarding.html", context, status=403)
    form = StoreCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        store = onboarding.store_create(
            owner=request.user,
            name=form.cleaned_data["name"],
            platform=form.cleaned_data["platform"],
            shop_domain=form.cleaned_data["shop_domain"],
            timezone_name=form.cleaned_data["timezone"],
        )
        messages.success(request, f"{store.name} is ready. Next: connect your shop and your sending number.")
        return redirect("dashboard:setup", store_id=store.id)
    return render(request, "dashboard/onboarding.html", {"form": form, "has_stores": has_stores})


@store_page()
def dashboard_home(request: HttpRequest) -> HttpResponse:
    store = request.store
    period = dashboard.period_for(store=store, key=request.GET.get("period"))
    summary = dashboard.overview(store=store, period=period)
    checklist = dashboard.setup_checklist(store=store)
    return render(
        request,
        "dashboard/home.html",
        {
            "period": period,
            "periods": [("7", "7 days"), ("30", "30 days"), ("90", "90 days")],
            "summary": summary,
            "funnel": charts.funnel_rows(summary=summary),
            "chart": charts.daily_bars_chart(series=summary["series"]),
            "checklist": checklist,
            "setup_done": all(item["done"] for item in checklist),
            "scheduled": dashboard.texts_scheduled(store=store),
            "held_by_rule": nudges_held_by_rule(store=store),
            "code_leaks": dashboard.code_leak_warnings(store=store, period=period),
            "simulator_url": reverse("inbox:simulator", kwargs={"store_id": store.id})
            if phone_simulator_available(store)
            else "",
        },
    )


def _setup_page(
    request: HttpRequest, *, sender_form=None, test_form=None, shopify_form=None, status: int = 200
) -> HttpResponse:
    store = request.store
    sender_form = sender_form or SenderForm(
        initial={
            "sms_number": store.sms_number,
            "messaging_service_sid": store.messaging_service_sid,
            "sender_kind": store.sender_kind,
        }
    )
    shopify_form = shopify_form or ShopifyConnectForm(initial={"shop": store.shop_domain})
    response = render(
        request,
        "dashboard/setup.html",
        {
            "shopify": _shopify_card(store, form=shopify_form),
            "urls": onboarding.webhook_urls(store=store),
            "sender_form": sender_form,
            "test_form": test_form or TestTextForm(),
            "consent_text": onboarding.consent_text(store=store),
            "consent_snippet": onboarding.consent_snippet_html(store=store),
            "checklist": dashboard.setup_checklist(store=store),
            "test_texts_per_hour": TEST_TEXTS_PER_HOUR,
            "test_texts_left": merchant_test_texts_left(store=store),
            "registration": sender_registration(store=store),
        },
        status=status,
    )
    if app_configured():
        # The Connect Shopify form ends on Shopify's authorize page: the browser checks form-action there.
        response._csp_update = {"form-action": ["'self'", *form_action_origins()]}  # type: ignore[attr-defined]
    return response


def _shopify_card(store, *, form) -> dict:
    connection = shopify_connection_for(store=store)
    topics = connection.webhook_topics if connection else []
    return {
        "available": app_configured(),
        "connection": connection,
        "connected": connection is not None and connection.is_active,
        "form": form,
        "topics": topics,
        "scopes": [s for s in (connection.scopes if connection else "").split(",") if s],
        "topics_missing": [t for t in APP_WEBHOOK_TOPICS.values() if t not in topics],
    }


@store_page()
def setup(request: HttpRequest) -> HttpResponse:
    return _setup_page(request)


@require_POST
@store_page()
def setup_sender(request: HttpRequest) -> HttpResponse:
    form = SenderForm(request.POST)
    if form.is_valid():
        changes = {
            "sender_number": form.cleaned_data["sms_number"],
            "messaging_service_sid": form.cleaned_data["messaging_service_sid"],
            "sender_kind": form.cleaned_data["sender_kind"],
        }
        try:
            store_settings_update(store=request.store, changes=changes)
        except SettingsInvalid as exc:
            settings_errors_add(exc.errors, form, names={"sender_number": "sms_number"})
    if not form.is_valid():
        return _setup_page(request, sender_form=form, status=400)
    messages.success(request, "Sending number saved.")
    return redirect("dashboard:setup", store_id=request.store.id)


@require_POST
@store_page()
def setup_shopify_connect(request: HttpRequest) -> HttpResponse:
    """Connect Shopify: the merchant names their shop, we send them to Shopify to approve our app."""
    form = ShopifyConnectForm(request.POST)
    if not form.is_valid():
        return _setup_page(request, shopify_form=form, status=400)
    try:
        return authorize_redirect(request, shop=form.cleaned_data["shop"], store_id=str(request.store.id))
    except OAuthRefused as exc:
        form.add_error(None, exc.detail)
        return _setup_page(request, shopify_form=form, status=exc.status)


@require_POST
@store_page()
def setup_rotate_secret(request: HttpRequest) -> HttpResponse:
    store_services.store_webhook_secret_rotate(store=request.store)
    messages.success(
        request,
        "New webhook secret created. The previous one keeps working for an hour: update your shop now.",
    )
    return redirect("dashboard:setup", store_id=request.store.id)


@require_POST
@store_page()
def setup_test_text(request: HttpRequest) -> HttpResponse:
    form = TestTextForm(request.POST)
    if form.is_valid():
        try:
            merchant_test_text_send(
                store=request.store, phone=form.cleaned_data["phone"], sent_by=request.user
            )
        except ApplicationError as exc:
            form.add_error("phone", exc.message)
    if not form.is_valid():
        return _setup_page(request, test_form=form, status=400)
    messages.success(request, "Test text sent. It should arrive within a few seconds.")
    return redirect("dashboard:setup", store_id=request.store.id)


class _Echo:
    """A file-like object whose write returns the line, for streaming csv.writer output."""

    def write(self, value: str) -> str:
        return value


@store_page()
def consent_log(request: HttpRequest) -> HttpResponse:
    phone = request.GET.get("phone", "")[:40]
    events = dashboard.consent_events_search(store=request.store, phone=phone)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "dashboard/consent.html", {"page": page, "phone": phone})


@store_page()
def consent_log_csv(request: HttpRequest) -> StreamingHttpResponse:
    phone = request.GET.get("phone", "")[:40]
    writer = csv_writer(_Echo())
    rows = dashboard.consent_events_csv_rows(store=request.store, phone=phone)
    response = StreamingHttpResponse((writer.writerow(row) for row in rows), content_type="text/csv")
    stamp = timezone.now().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="consent-log-{stamp}.csv"'
    return response


def _team_page(
    request: HttpRequest, *, form=None, invitation=None, link: str = "", status: int = 200
) -> HttpResponse:
    return render(
        request,
        "dashboard/team.html",
        {
            "members": dashboard.team_members(store=request.store),
            "pending": dashboard.team_invitations_pending(store=request.store),
            "form": form or InviteForm(),
            "invitation": invitation,
            "invitation_link": link,
            "roles": Role.choices,
            "is_owner": request.membership.role == Role.OWNER,
            "now": timezone.now(),
        },
        status=status,
    )


@store_page()
def team(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _team_page(request)
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            invitation, token = invitation_create(
                store=request.store,
                actor=request.membership,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
            )
        except ApplicationError as exc:
            form.add_error("email" if exc.code == "duplicate" else "role", exc.message)
        else:
            # Rendered, not redirected: the link must not travel in a cookie, the session or a message.
            return _team_page(request, invitation=invitation, link=invitation_link(token), status=201)
    return _team_page(request, form=form, status=400)


@require_POST
@store_page()
def team_invitation_revoke(request: HttpRequest, invitation_id: int) -> HttpResponse:
    invitation = get_for_store_or_404(Invitation.objects, store=request.store, pk=invitation_id)
    try:
        invitation_revoke(store=request.store, actor=request.membership, invitation=invitation)
        messages.success(
            request, f"The invitation to {invitation.email} was withdrawn; its link no longer works."
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("dashboard:team", store_id=request.store.id)


@require_POST
@store_page()
def team_member(request: HttpRequest, membership_id: int) -> HttpResponse:
    membership = get_for_store_or_404(Membership.objects, store=request.store, pk=membership_id)
    try:
        if request.POST.get("action") == "remove":
            member_remove(store=request.store, actor=request.membership, membership=membership)
            messages.success(
                request, f"{membership.user.email} no longer has access to {request.store.name}."
            )
        else:
            role = request.POST.get("role", "")
            if role not in Role.values:
                raise ApplicationError("Pick a role.")
            member_role_set(store=request.store, actor=request.membership, membership=membership, role=role)
            messages.success(
                request, f"{membership.user.email} is now {membership.get_role_display().lower()}."
            )
    except ApplicationError as exc:
        messages.error(request, exc.message)
    if (
        membership.user_id == request.user.id
        and not Membership.objects.filter(store=request.store, user=request.user, role__in=MANAGERS).exists()
    ):
        return redirect("home")
    return redirect("dashboard:team", store_id=request.store.id)
