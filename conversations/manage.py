"""`/m/<code>`: the shopper's own page to stop, pause or resume texts (FCC 2024: revocation by any
reasonable means). No login, no JavaScript; plain forms with Django's CSRF token; every action is a consent
event like a text would make."""

from datetime import timedelta

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from stores.manage_links import customer_for_manage_code
from stores.models import SmsStatus
from stores.services import consent_record, customer_resume, customer_snooze

PAUSE = timedelta(days=7)
ACTIONS = ("stop", "pause", "resume")
WORDS = {
    "stop": "Stop texts from {store}",
    "pause": "Pause texts from {store} for a week",
    "resume": "Resume cart reminders from {store} (a few per cart at most; msg & data rates may apply)",
}
DONE = {
    "stop": "Done: you will get no more texts from {store}.",
    "pause": "Done: no cart reminders from {store} until {until:%b %-d}, and you stay subscribed.",
    "resume": "Done: cart reminders from {store} are back on.",
}


def _client_ip(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


@require_http_methods(["GET", "POST"])
def manage_texts(request: HttpRequest, code: str) -> HttpResponse:
    customer = customer_for_manage_code(code)
    if customer is None or customer.redacted_at:
        raise Http404
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action not in ACTIONS:
            return _page(request, customer, error="Choose one of the buttons below.", status=400)
        _apply(request, customer, action)
        return redirect(f"{reverse('conversations:manage-texts', kwargs={'code': code})}?done={action}")
    done = request.GET.get("done", "")
    return _page(request, customer, done=done if done in ACTIONS else "")


def _apply(request: HttpRequest, customer, action: str) -> None:
    store, now = customer.store, timezone.now()
    evidence = {"page": "manage texts", "action": action}
    common = {
        "store": store,
        "customer": customer,
        "source": "manage_page",
        "occurred_at": now,
        "text_shown": WORDS[action].format(store=store.name),
        "ip_address": _client_ip(request),
        "user_agent": request.headers.get("User-Agent", "")[:500],
        "evidence": evidence,
    }
    if action == "stop":
        # The consent service's hook cancels the pending texts, with this reason.
        consent_record(kind="revoked", reason="the shopper opted out on the manage-texts page", **common)
    elif action == "pause":
        customer_snooze(until=now + PAUSE, **common)
    else:
        common.pop("customer")
        customer_resume(customer=customer, **common)
        if customer.sms_status != SmsStatus.SUBSCRIBED:
            consent_record(kind="granted", customer=customer, **common)


def _page(request, customer, *, done: str = "", error: str = "", status: int = 200) -> HttpResponse:
    customer.refresh_from_db(fields=["sms_status", "snoozed_until"])
    paused = customer.snoozed_until is not None and customer.snoozed_until > timezone.now()
    return render(
        request,
        "manage/texts.html",
        {
            "store": customer.store,
            "subscribed": customer.sms_status == SmsStatus.SUBSCRIBED,
            "paused_until": customer.snoozed_until if paused else None,
            "done": DONE[done].format(store=customer.store.name, until=customer.snoozed_until)
            if done
            else "",
            "error": error,
            "words": {key: text.format(store=customer.store.name) for key, text in WORDS.items()},
        },
        status=status,
    )
