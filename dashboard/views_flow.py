"""Dashboard pages of the flows app: the flow editor with its live preview, and the sending settings."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from cartrecovery.errors import ApplicationError
from flows import services
from flows.experiment_stats import MIN_TEXTS_PER_VARIANT
from flows.forms import (
    LANGUAGE_NAMES,
    FlowSettingsForm,
    PreviewForm,
    SendTimeForm,
    StepForm,
    VariantsForm,
    delay_split,
    delay_text,
    language_choices,
)
from flows.models import Step
from flows.rendering import language_base, template_preview
from flows.selectors import texas_texts_held
from flows.send_time import policy_rows, send_times_simulate
from flows.services import flow_active_for, flow_seed_default
from flows.variants import experiment_out
from stores.access import store_page
from stores.forms import ComplianceSettingsForm, StoreFactsForm, StoreTextsForm, settings_errors_add
from stores.store_settings import SettingsInvalid, store_settings_update
from stores.tenancy import get_for_store_or_404


def _flow_or_404(store):
    flow = flow_active_for(store=store)
    if flow is None:
        raise Http404
    return flow


@store_page()
def flow_page(request: HttpRequest) -> HttpResponse:
    store = request.store
    flow = flow_active_for(store=store)
    steps = []
    if flow is not None:
        for step in flow.steps.all():
            language = (
                store.default_language
                if store.default_language in step.templates
                else next(iter(step.templates), "")
            )
            steps.append(
                {
                    "step": step,
                    "delay": delay_text(step.delay_minutes),
                    "languages": [name for code, name in language_choices() if code in step.templates],
                    "preview": _preview_for(
                        store,
                        step,
                        language=language,
                        template=step.templates[language],
                        delay_minutes=step.delay_minutes,
                        incentive_kind=step.incentive_kind,
                        discount_code=step.discount_code,
                    )
                    if language
                    else None,
                }
            )
    return render(request, "dashboard/flow.html", {"flow": flow, "steps": steps})


@require_POST
@store_page()
def flow_create(request: HttpRequest) -> HttpResponse:
    flow_seed_default(store=request.store)
    messages.success(request, "Your flow is ready: a reminder after 45 minutes and a follow-up a day later.")
    return redirect("dashboard:flow", store_id=request.store.id)


@require_POST
@store_page()
def flow_step_add(request: HttpRequest) -> HttpResponse:
    step = services.step_add(store=request.store, flow=_flow_or_404(request.store))
    messages.info(request, "New step added, switched off: write its text, then turn it on.")
    return redirect("dashboard:flow_step", store_id=request.store.id, step_id=step.id)


def _language_for(request: HttpRequest, step: Step) -> str:
    wanted = request.GET.get("lang") or request.POST.get("language") or request.store.default_language
    return wanted if wanted in LANGUAGE_NAMES else request.store.default_language


def _step_initial(step: Step, language: str) -> dict:
    delay, unit = delay_split(step.delay_minutes)
    return {
        "template": step.templates.get(language, ""),
        "delay": delay,
        "delay_unit": unit,
        "is_active": step.is_active,
        "incentive_kind": step.incentive_kind,
        "discount_code": step.discount_code,
        "incentive_text": step.incentive_text,
        "incentive_valid_days": step.incentive_valid_days,
        "incentive_percent": step.incentive_percent,
        "incentive_amount": step.incentive_amount,
        "incentive_min_cart_value": step.incentive_min_cart_value,
        "incentive_only_if_not_clicked": step.incentive_only_if_not_clicked,
    }


def _preview_for(
    store, step: Step, *, language: str, template: str, delay_minutes, incentive_kind, discount_code
):
    return template_preview(
        store=store,
        template=template,
        language=language,
        position=step.position,
        delay_minutes=delay_minutes,
        incentive_kind=incentive_kind or "none",
        discount_code=discount_code or "",
        valid_days=step.incentive_valid_days,
    )


@store_page()
def flow_step(request: HttpRequest, step_id: int) -> HttpResponse:
    store = request.store
    step = get_for_store_or_404(Step.objects.select_related("flow"), store=store, pk=step_id)
    language = _language_for(request, step)
    form = StepForm(request.POST or None, initial=_step_initial(step, language))
    if request.method == "POST" and form.is_valid():
        try:
            services.step_update(
                store=store,
                step=step,
                delay_minutes=form.delay_minutes,
                is_active=form.cleaned_data["is_active"],
                incentive_kind=form.cleaned_data["incentive_kind"],
                discount_code=form.cleaned_data["discount_code"],
                incentive_text=form.cleaned_data["incentive_text"],
                incentive_valid_days=form.cleaned_data["incentive_valid_days"],
                incentive_percent=form.cleaned_data["incentive_percent"],
                incentive_amount=form.cleaned_data["incentive_amount"],
                incentive_min_cart_value=form.cleaned_data["incentive_min_cart_value"],
                incentive_only_if_not_clicked=form.cleaned_data["incentive_only_if_not_clicked"],
                language=language,
                template=form.cleaned_data["template"],
                remove_language=form.cleaned_data["remove_language"],
            )
        except ApplicationError as exc:
            form.add_error(
                exc.extra.get("field") if exc.extra.get("field") in form.fields else None, exc.message
            )
        else:
            messages.success(request, f"Step {step.position} saved.")
            return redirect("dashboard:flow", store_id=store.id)
    return _step_page(request, step, language=language, form=form, status=400 if form.is_bound else 200)


def _step_page(
    request: HttpRequest,
    step: Step,
    *,
    language: str,
    form: StepForm,
    variants_form: VariantsForm | None = None,
    status: int = 200,
) -> HttpResponse:
    store = request.store
    data = form.data if form.is_bound else form.initial
    preview = _preview_for(
        store,
        step,
        language=language,
        template=data.get("template", ""),
        delay_minutes=form.delay_minutes if form.is_bound and form.is_valid() else step.delay_minutes,
        incentive_kind=data.get("incentive_kind"),
        discount_code=data.get("discount_code"),
    )
    return render(
        request,
        "dashboard/flow_step.html",
        {
            "step": step,
            "form": form,
            "variants_form": variants_form or VariantsForm(step=step, language=language),
            "experiment": experiment_out(step),
            "min_texts": MIN_TEXTS_PER_VARIANT,
            "language": language,
            "language_name": LANGUAGE_NAMES.get(language, language),
            "languages": [
                {"code": code, "name": name, "present": code in step.templates}
                for code, name in language_choices()
            ],
            "preview": preview,
        },
        status=status,
    )


@require_POST
@store_page()
def flow_step_variants(request: HttpRequest, step_id: int) -> HttpResponse:
    """Save the step's variants (an A/B test); a refusal shows the page again with what was typed."""
    store = request.store
    step = get_for_store_or_404(Step.objects.select_related("flow"), store=store, pk=step_id)
    language = _language_for(request, step)
    variants_form = VariantsForm(request.POST, step=step, language=language)
    if variants_form.is_valid():
        try:
            services.step_variants_update(store=store, step=step, variants=variants_form.variants())
        except ApplicationError as exc:
            variants_form.add_error(None, exc.message)
        else:
            count = len(step.variants)
            messages.success(
                request,
                f"Step {step.position}: testing {count} variants."
                if count
                else f"Step {step.position}: variants removed; its own text goes out again.",
            )
            return redirect(
                reverse("dashboard:flow_step", kwargs={"store_id": store.id, "step_id": step.id})
                + f"?lang={language}"
            )
    form = StepForm(initial=_step_initial(step, language))
    return _step_page(request, step, language=language, form=form, variants_form=variants_form, status=400)


@require_POST
@store_page()
def flow_step_preview(request: HttpRequest, step_id: int) -> HttpResponse:
    """The htmx live preview: the text as typed, rendered for a sample cart, with segments and warnings."""
    store = request.store
    step = get_for_store_or_404(Step.objects, store=store, pk=step_id)
    form = PreviewForm(request.POST)
    form.is_valid()
    data = form.cleaned_data
    preview = _preview_for(
        store,
        step,
        language=_language_for(request, step),
        template=data.get("template") or "",
        delay_minutes=form.delay_minutes if "delay" in data else None,
        incentive_kind=data.get("incentive_kind"),
        discount_code=data.get("discount_code"),
    )
    return render(request, "dashboard/_flow_preview.html", {"preview": preview, "step": step})


def _send_times(request: HttpRequest, flow) -> tuple[SendTimeForm, object]:
    form = SendTimeForm(request.GET if "phone" in request.GET else None)
    report = None
    if form.is_bound and form.is_valid() and flow is not None:
        try:
            report = send_times_simulate(
                store=request.store, flow=flow, phone=form.cleaned_data["phone"], now=timezone.now()
            )
        except ApplicationError as exc:
            form.add_error("phone", exc.message)
    return form, report


@store_page()
def flow_settings(request: HttpRequest) -> HttpResponse:
    store = request.store
    flow = flow_active_for(store=store)
    flow_form = FlowSettingsForm(
        request.POST or None,
        initial={
            "quiet_hours_start": flow.quiet_hours_start if flow else 8,
            "quiet_hours_end": flow.quiet_hours_end if flow else 21,
            "frequency_cap": flow.frequency_cap if flow else 3,
            "fallback_reply": flow.fallback_reply if flow else "",
            "holding_reply": flow.holding_reply if flow else "",
            **_language_replies_initial(store=store),
        },
        store_language=language_base(store.default_language) or "en",
    )
    facts_form = StoreFactsForm(
        request.POST or None,
        initial={
            "ships_to": ", ".join(store.ships_to or []),
            "free_shipping_over": store.free_shipping_over,
            "return_days": store.return_days,
            "processing_days": store.processing_days,
        },
    )
    texts_form = StoreTextsForm(
        request.POST or None,
        initial={
            "help_text": store.help_text,
            "shipping_policy": store.shipping_policy,
            "returns_policy": store.returns_policy,
        },
    )
    forms_valid = flow_form.is_valid() and texts_form.is_valid() and facts_form.is_valid()
    if request.method == "POST" and flow is not None and forms_valid:
        hours = flow_form.cleaned_data
        changes = {
            "quiet_hours": {"start": hours["quiet_hours_start"], "end": hours["quiet_hours_end"]},
            "frequency_cap": hours["frequency_cap"],
            "fallback_reply": hours["fallback_reply"],
            "holding_reply": hours["holding_reply"],
            "replies": flow_form.settings_data()["replies"],
            **texts_form.cleaned_data,
            **facts_form.cleaned_data,
        }
        try:
            store_settings_update(store=store, changes=changes)
        except SettingsInvalid as exc:
            settings_errors_add(
                exc.errors, flow_form, texts_form, facts_form, names={"quiet_hours": "quiet_hours_end"}
            )
        else:
            messages.success(request, "Settings saved.")
            return redirect("dashboard:settings", store_id=store.id)
    send_form, report = _send_times(request, flow)
    return render(
        request,
        "dashboard/settings.html",
        {
            "flow": flow,
            "flow_form": flow_form,
            "texts_form": texts_form,
            "facts_form": facts_form,
            "send_form": send_form,
            "report": report,
            "policies": policy_rows(),
            "compliance_form": _compliance_form(store),
            "texas_held": texas_texts_held(store=store),
        },
        status=400 if request.method == "POST" else 200,
    )


def _compliance_form(store, data=None) -> ComplianceSettingsForm:
    return ComplianceSettingsForm(
        data,
        initial={
            "texas_registration": store.texas_registration or "",
            "consent_confirmation": store.consent_confirmation,
        },
    )


@require_POST
@store_page()
def flow_settings_compliance(request: HttpRequest) -> HttpResponse:
    form = _compliance_form(request.store, request.POST)
    if form.is_valid():
        try:
            store_settings_update(store=request.store, changes=form.cleaned_data)
        except SettingsInvalid as exc:
            messages.error(request, " ".join(m for ms in exc.errors.values() for m in ms))
        else:
            messages.success(request, "Compliance settings saved.")
    else:
        messages.error(request, "Choose one of the options offered.")
    return redirect("dashboard:settings", store_id=request.store.id)


@store_page()
def flow_send_times(request: HttpRequest) -> HttpResponse:
    """The htmx half of the send-time simulator: just the result table."""
    send_form, report = _send_times(request, flow_active_for(store=request.store))
    return render(request, "dashboard/_send_times.html", {"send_form": send_form, "report": report})


@require_POST
@store_page()
def flow_step_delete(request: HttpRequest, step_id: int) -> HttpResponse:
    step = get_for_store_or_404(Step.objects.select_related("flow"), store=request.store, pk=step_id)
    try:
        services.step_delete(store=request.store, step=step)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("dashboard:flow_step", store_id=request.store.id, step_id=step.id)
    messages.success(request, f"Step {step.position} deleted.")
    return redirect("dashboard:flow", store_id=request.store.id)


def _language_replies_initial(*, store) -> dict[str, str]:
    """Each canned answer in each language as the shopper would get it today (own text or shipped default)."""
    from conversations.languages import LANGUAGES
    from conversations.router import flow_reply
    from flows.forms import REPLY_KINDS

    return {
        f"{kind}_{language}": flow_reply(store=store, kind=kind, language=language)
        for kind in REPLY_KINDS
        for language in LANGUAGES
    }
