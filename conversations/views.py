"""The agent inbox: pages that read through selectors and write through services."""

import hashlib
from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages as flash
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.views.decorators.http import require_GET, require_POST

from cartrecovery.errors import ApplicationError
from stores.access import EVERYONE, MANAGERS, store_page, stores_for
from stores.tenancy import get_for_store_or_404

from . import selectors, services
from .models import CannedResponse, Thread
from .router import reply_suggest
from .simulator import phone_simulator_available
from .sms.segments import TWILIO_MAX_BODY_CHARS, segment_info


def in_store_time(view):
    """Times on the page in the store's zone, for this request only (activate() would outlive it)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        with timezone.override(request.store.timezone):
            return view(request, *args, **kwargs)

    return wrapper


@login_required
def inbox_home(request: HttpRequest) -> HttpResponse:
    stores = stores_for(user=request.user)
    if not stores:
        return redirect("home")
    return redirect("inbox:list", store_id=stores[0].id)


# The thread list.


def _list_params(request: HttpRequest) -> dict:
    tab = request.GET.get("tab", selectors.InboxTab.DEFAULT)
    if tab not in selectors.InboxTab.LABELS:
        tab = selectors.InboxTab.DEFAULT
    return {
        "tab": tab,
        "query": request.GET.get("q", "").strip()[:100],
        "cursor": request.GET.get("cursor", ""),
    }


def _list_context(request: HttpRequest, params: dict) -> dict:
    page = selectors.inbox_page(store=request.store, user=request.user, **params)
    selectors.threads_with_shopper_clock(store=request.store, threads=page.threads)
    base = reverse("inbox:list", kwargs={"store_id": request.store.id})
    tabs = [
        {
            "key": key,
            "label": label,
            "count": page.counts.get(key, ""),
            "url": base + "?" + urlencode({"tab": key, **({"q": page.query} if page.query else {})}),
            "active": key == page.tab,
        }
        for key, label in selectors.InboxTab.LABELS.items()
    ]
    stamp = _stamp(
        page.counts,
        timezone.now().strftime("%H:%M"),  # the shoppers' local clocks move on
        [
            (t.id, t.status, t.assignee_id, t.my_unread, t.last_message_at, t.preview_body)
            for t in page.threads
        ],
    )
    poll_query = urlencode({"tab": page.tab, "q": page.query, "cursor": params["cursor"], "v": stamp})
    return {
        "page": page,
        "tabs": tabs,
        "list_base": base,
        "list_stamp": stamp,
        "list_poll_url": reverse("inbox:list_poll", kwargs={"store_id": request.store.id}) + "?" + poll_query,
        "next_url": base + "?" + urlencode({"tab": page.tab, "q": page.query, "cursor": page.next_cursor})
        if page.next_cursor
        else "",
        "first_url": base + "?" + urlencode({"tab": page.tab, "q": page.query}) if params["cursor"] else "",
        "simulator_url": reverse("inbox:simulator", kwargs={"store_id": request.store.id})
        if phone_simulator_available(request.store)
        else "",
    }


def _stamp(*parts) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def _page_context(request: HttpRequest, **extra) -> dict:
    return {"store": request.store, "membership": request.membership, **extra}


@require_GET
@store_page(roles=EVERYONE)
@in_store_time
def inbox_list(request: HttpRequest) -> HttpResponse:
    params = _list_params(request)
    context = _page_context(request, **_list_context(request, params), current_thread=None)
    return render(request, "inbox/list.html", context)


@require_GET
@store_page(roles=EVERYONE)
@in_store_time
def inbox_list_poll(request: HttpRequest) -> HttpResponse:
    """The live list: 204 (htmx swaps nothing) unless a thread on screen or a folder count changed."""
    params = _list_params(request)
    context = _list_context(request, params)
    if context["list_stamp"] == request.GET.get("v"):
        return HttpResponse(status=204)
    current = request.GET.get("current", "")
    context.update(store=request.store, current_thread_id=int(current) if current.isdigit() else None)
    return render(request, "inbox/_thread_list.html", context)


# One thread.


def _thread_or_404(request: HttpRequest, thread_id: int) -> Thread:
    try:
        return selectors.inbox_thread(store=request.store, thread_id=thread_id)
    except Thread.DoesNotExist as exc:
        raise Http404 from exc


def _conversation_context(request: HttpRequest, thread: Thread, messages: list | None = None) -> dict:
    messages = selectors.thread_messages(store=request.store, thread=thread) if messages is None else messages
    stamp, blocked = _conversation_stamp(thread, messages)
    poll_url = reverse("inbox:thread_poll", kwargs={"store_id": request.store.id, "thread_id": thread.id})
    return {
        "thread": thread,
        "thread_messages": messages,
        "teammates": selectors.store_teammates(store=request.store),
        "conversation_stamp": stamp,
        "conversation_poll_url": f"{poll_url}?v={stamp}&b={blocked}",
        "reply_blocked": blocked,
        "shopper_zone": selectors.shopper_zone(store=request.store, customer=thread.customer),
    }


def _conversation_stamp(thread: Thread, messages: list) -> tuple[str, int]:
    """What the open conversation shows, hashed: a new or re-statused message, a new owner, a STOP."""
    stamp = _stamp(
        thread.status,
        thread.assignee_id,
        thread.customer.sms_status,
        [(m.id, m.status, m.error_code) for m in messages],
    )
    return stamp, int(bool(selectors.thread_reply_block_reason(thread=thread)))


def _composer_context(request: HttpRequest, thread: Thread, *, draft: str = "", error: str = "") -> dict:
    return {
        "thread": thread,
        "draft": draft,
        "composer_error": error,
        "block_reason": selectors.thread_reply_block_reason(thread=thread),
        "canned": selectors.canned_responses_for_thread(store=request.store, thread=thread),
        "suggestion": reply_suggest(store=request.store, thread=thread),
        "inserts": selectors.composer_inserts(store=request.store, thread=thread),
        "can_edit_canned": request.membership.role in MANAGERS,
        "segments": segment_info(draft),
        "max_chars": TWILIO_MAX_BODY_CHARS,
    }


def _thread_page(
    request: HttpRequest, thread: Thread, *, draft: str = "", error: str = "", status: int = 200
):
    services.thread_mark_read(store=request.store, thread=thread, user=request.user)
    params = {**_list_params(request), "cursor": ""}
    context = _page_context(request, **_list_context(request, params))
    context.update(_conversation_context(request, thread))
    context.update(_composer_context(request, thread, draft=draft, error=error))
    context.update(
        cart=selectors.thread_cart_context(store=request.store, thread=thread),
        consent=selectors.customer_latest_consent(store=request.store, customer=thread.customer),
        pending=selectors.texts_pending_for(store=request.store, customer=thread.customer),
        notes=selectors.thread_notes(store=request.store, thread=thread),
        snooze_min=timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        snoozed=bool(thread.snoozed_until and thread.snoozed_until > timezone.now()),
        current_thread=thread,
        current_thread_id=thread.id,
    )
    return render(request, "inbox/thread.html", context, status=status)


@require_GET
@store_page(roles=EVERYONE)
@in_store_time
def thread_detail(request: HttpRequest, thread_id: int) -> HttpResponse:
    return _thread_page(request, _thread_or_404(request, thread_id))


@require_GET
@store_page(roles=EVERYONE)
@in_store_time
def thread_poll(request: HttpRequest, thread_id: int) -> HttpResponse:
    """The open conversation, live: 204 until a message arrives or changes status, or the thread moves."""
    thread = _thread_or_404(request, thread_id)
    messages = selectors.thread_messages(store=request.store, thread=thread)
    if _conversation_stamp(thread, messages)[0] == request.GET.get("v"):
        return HttpResponse(status=204)
    context = _conversation_context(request, thread, messages)
    # The agent is looking at it: what just arrived is read.
    services.thread_mark_read(store=request.store, thread=thread, user=request.user)
    response = render(request, "inbox/_conversation.html", {**context, "store": request.store})
    if str(context["reply_blocked"]) != request.GET.get("b"):
        # A STOP (or a START) arrived while the page was open: the reply box must say so now.
        composer = _composer_fragment(request, thread, oob=True).content
        response.content = response.content + composer
    return response


@require_POST
@store_page(roles=EVERYONE)
@in_store_time
def thread_reply(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread = _thread_or_404(request, thread_id)
    body = request.POST.get("body", "")
    try:
        services.thread_agent_reply(store=request.store, thread=thread, user=request.user, body=body)
    except ApplicationError as exc:
        if request.htmx:
            response = _composer_fragment(request, thread, draft=body, error=exc.message)
            response["HX-Retarget"], response["HX-Reswap"] = "#composer", "outerHTML"
            return response
        return _thread_page(request, thread, draft=body, error=exc.message, status=422)
    if not request.htmx:
        return redirect("inbox:list_thread", store_id=request.store.id, thread_id=thread.id)
    thread = _thread_or_404(request, thread_id)
    conversation = render_to_string(
        "inbox/_conversation.html",
        {**_conversation_context(request, thread), "store": request.store},
        request=request,
    )
    composer = _composer_fragment(request, thread, oob=True).content.decode()
    return HttpResponse(conversation + composer)


def _composer_fragment(
    request, thread, *, draft: str = "", error: str = "", oob: bool = False
) -> HttpResponse:
    context = {
        **_composer_context(request, thread, draft=draft, error=error),
        "store": request.store,
        "oob": oob,
    }
    return render(request, "inbox/_composer.html", context)


@require_POST
@store_page(roles=EVERYONE)
@in_store_time
def thread_assign(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread = _thread_or_404(request, thread_id)
    assignee_id = request.POST.get("assignee", "")
    assignee = get_user_model().objects.filter(pk=assignee_id).first() if assignee_id.isdigit() else None
    try:
        if assignee is None:
            raise ApplicationError("Pick a teammate to assign.")
        services.thread_assign(store=request.store, thread=thread, assignee=assignee)
    except ApplicationError as exc:
        flash.error(request, exc.message)
    else:
        who = "you" if assignee == request.user else (assignee.get_full_name() or assignee.username)
        flash.success(request, f"Assigned to {who}. The bot stays quiet on this thread.")
    return redirect("inbox:list_thread", store_id=request.store.id, thread_id=thread.id)


@require_POST
@store_page(roles=EVERYONE)
@in_store_time
def thread_resolve(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread = _thread_or_404(request, thread_id)
    services.thread_resolve(store=request.store, thread=thread)
    flash.success(request, "Resolved. If the shopper texts again, the bot answers and escalates if needed.")
    return redirect("inbox:list_thread", store_id=request.store.id, thread_id=thread.id)


@require_POST
@store_page(roles=EVERYONE)
@in_store_time
def thread_note_add(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread = _thread_or_404(request, thread_id)
    try:
        services.thread_note_add(
            store=request.store, thread=thread, user=request.user, body=request.POST.get("body", "")
        )
    except ApplicationError as exc:
        flash.error(request, exc.message)
    else:
        flash.success(request, "Note saved. Only your team sees it; the shopper never does.")
    return redirect("inbox:list_thread", store_id=request.store.id, thread_id=thread.id)


@require_POST
@store_page(roles=EVERYONE)
@in_store_time
def thread_snooze(request: HttpRequest, thread_id: int) -> HttpResponse:
    """Snooze until a local time in the store's zone (the form's datetime-local), or wake it ("")."""
    thread = _thread_or_404(request, thread_id)
    raw = request.POST.get("until", "").strip()
    until = parse_datetime(raw) if raw else None
    try:
        if raw and until is None:
            raise ApplicationError("That is not a date and time.")
        if until is not None and timezone.is_naive(until):
            until = timezone.make_aware(until)
        services.thread_snooze(store=request.store, thread=thread, until=until)
    except ApplicationError as exc:
        flash.error(request, exc.message)
    else:
        flash.success(
            request,
            f"Snoozed until {timezone.localtime(until):%b %-d, %H:%M %Z}. A text from the shopper wakes it."
            if until
            else "Awake again: back in its folder.",
        )
    return redirect("inbox:list_thread", store_id=request.store.id, thread_id=thread.id)


@require_POST
@store_page(roles=EVERYONE)
@in_store_time
def thread_hand_back(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread = _thread_or_404(request, thread_id)
    services.thread_hand_back(store=request.store, thread=thread)
    flash.success(request, "Handed back to the bot: keyword rules and the fallback answer again.")
    return redirect("inbox:list_thread", store_id=request.store.id, thread_id=thread.id)


@require_POST
@store_page(roles=EVERYONE)
@in_store_time
def segment_counter(request: HttpRequest) -> HttpResponse:
    """The reply box's counter, computed by the same function that bills the text."""
    body = request.POST.get("body", "")
    return render(
        request,
        "inbox/_segments.html",
        {"segments": segment_info(body), "max_chars": TWILIO_MAX_BODY_CHARS, "length": len(body)},
    )


# Canned responses.


@store_page(roles=EVERYONE)
@in_store_time
def canned_list(request: HttpRequest) -> HttpResponse:
    can_edit = request.membership.role in MANAGERS
    form = {"title": "", "body": ""}
    status = 200
    if request.method == "POST":
        if not can_edit:
            raise Http404
        form = {"title": request.POST.get("title", ""), "body": request.POST.get("body", "")}
        try:
            services.canned_response_create(store=request.store, **form)
        except ApplicationError as exc:
            flash.error(request, exc.message)
            status = 422
        else:
            flash.success(request, f"Saved “{form['title'].strip()}”.")
            return redirect("inbox:list_canned", store_id=request.store.id)
    context = _page_context(
        request,
        canned=selectors.canned_responses_list(store=request.store),
        can_edit=can_edit,
        form=form,
        max_chars=TWILIO_MAX_BODY_CHARS,
    )
    return render(request, "inbox/canned.html", context, status=status)


@require_POST
@store_page(roles=MANAGERS)
@in_store_time
def canned_edit(request: HttpRequest, canned_id: int) -> HttpResponse:
    canned = get_for_store_or_404(CannedResponse.objects, store=request.store, pk=canned_id)
    if request.POST.get("action") == "delete":
        services.canned_response_delete(store=request.store, canned=canned)
        flash.success(request, f"Deleted “{canned.title}”.")
    else:
        try:
            services.canned_response_update(
                store=request.store,
                canned=canned,
                title=request.POST.get("title", ""),
                body=request.POST.get("body", ""),
            )
        except ApplicationError as exc:
            flash.error(request, exc.message)
        else:
            flash.success(request, f"Saved “{canned.title}”.")
    return redirect("inbox:list_canned", store_id=request.store.id)
