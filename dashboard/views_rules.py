"""Dashboard pages of the keyword rules: list, create, edit, delete, switch, and "try a reply"."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from analytics.selectors import rule_results
from cartrecovery.errors import ApplicationError
from conversations.models import KeywordRule
from conversations.router import reply_try
from conversations.rules import (
    builtin_lexicon,
    keyword_rule_create,
    keyword_rule_delete,
    keyword_rule_update,
    lexicon_for_rule,
)
from dashboard import charts
from dashboard.selectors import period_for
from flows.forms import KeywordRuleForm, ReplyTryForm
from stores.access import store_page
from stores.tenancy import get_for_store_or_404

STEP_LABELS = {
    "compliance": "Compliance answer",
    "unsubscribed": "Opted out: no reply",
    "human": "A person has the thread",
    "rule": "Keyword rule",
    "escalation": "Hand-off to a person",
    "ack": "Acknowledgement: no reply",
    "fallback": "Fallback reply + hand-off",
}


def _try(request: HttpRequest) -> dict:
    # A GET: trying a reply reads only, so it can be linked and repeated like any search.
    form = ReplyTryForm(request.GET if "text" in request.GET else None)
    decision = None
    if form.is_bound and form.is_valid():
        decision = reply_try(store=request.store, text=form.cleaned_data["text"])
    return {
        "try_form": form,
        "decision": decision,
        "decision_label": STEP_LABELS.get(decision.step, decision.step) if decision else "",
    }


@store_page()
def rules_list(request: HttpRequest) -> HttpResponse:
    rules = KeywordRule.objects.for_store(request.store).order_by("priority", "id")
    return render(
        request, "dashboard/rules.html", {"rules": rules, **_try(request), **_rule_results(request)}
    )


RULE_CHART_MAX = 8


def _rule_results(request: HttpRequest) -> dict:
    """What each rule's answers led to over the last 30 days; the chart shows the busiest rules."""
    period = period_for(store=request.store, key=request.GET.get("period"))
    results = rule_results(store=request.store, start=period.start, end=period.end)
    busiest = sorted((r for r in results.rows if r.answered), key=lambda r: -r.answered)[:RULE_CHART_MAX]
    series = [
        ("Answered", [r.answered for r in busiest]),
        ("Escalated after", [r.escalated_after for r in busiest]),
        ("Recovered", [r.recovered for r in busiest]),
    ]
    return {
        "results": results,
        "results_period": period,
        "results_chart": (
            charts.grouped_bars(stages=[r.rule for r in busiest], series=series) if busiest else None
        ),
    }


@store_page()
def rules_try(request: HttpRequest) -> HttpResponse:
    """The htmx half of "try a reply": what the router would do, without sending or saving anything."""
    return render(request, "dashboard/_rule_try.html", _try(request))


def _form_error(form: KeywordRuleForm, exc: ApplicationError) -> None:
    field = exc.extra.get("field")
    form.add_error(field if field in form.fields else None, exc.message)


@store_page()
def rule_edit(request: HttpRequest, rule_id: int | None = None) -> HttpResponse:
    store = request.store
    rule = get_for_store_or_404(KeywordRule.objects, store=store, pk=rule_id) if rule_id else None
    lexicon = lexicon_for_rule(rule) if rule else None
    initial = (
        {
            "name": rule.name,
            "keywords": ", ".join(rule.keywords),
            "reply": rule.reply,
            "priority": rule.priority,
            "active": rule.is_active,
            **{f"reply_{lang}": text for lang, text in (rule.replies or {}).items()},
            **{f"lexicon_{lang}": ", ".join(words) for lang, words in lexicon["words"].items()},
        }
        if rule
        else None
    )
    form = KeywordRuleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.rule_data(builtin=builtin_lexicon(form.cleaned_data["keywords"]))
        try:
            if rule is None:
                rule = keyword_rule_create(store=store, **data)
            else:
                keyword_rule_update(store=store, rule=rule, **data)
        except ApplicationError as exc:
            _form_error(form, exc)
        else:
            messages.success(request, f"Rule “{rule.name}” saved.")
            return redirect("dashboard:rules", store_id=store.id)
    return render(
        request,
        "dashboard/rule_edit.html",
        {"form": form, "rule": rule, "lexicon": lexicon},
        status=400 if form.is_bound else 200,
    )


@require_POST
@store_page()
def rule_toggle(request: HttpRequest, rule_id: int) -> HttpResponse:
    rule = get_for_store_or_404(KeywordRule.objects, store=request.store, pk=rule_id)
    keyword_rule_update(store=request.store, rule=rule, active=not rule.is_active)
    messages.success(request, f"Rule “{rule.name}” is {'on' if rule.is_active else 'off'}.")
    return redirect("dashboard:rules", store_id=request.store.id)


@require_POST
@store_page()
def rule_delete(request: HttpRequest, rule_id: int) -> HttpResponse:
    rule = get_for_store_or_404(KeywordRule.objects, store=request.store, pk=rule_id)
    keyword_rule_delete(store=request.store, rule=rule)
    messages.success(request, f"Rule “{rule.name}” deleted.")
    return redirect("dashboard:rules", store_id=request.store.id)
