"""The phone simulator's pages, beside the inbox: they read and write through `conversations.simulator`."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages as flash
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from cartrecovery.errors import ApplicationError
from stores.access import EVERYONE, StoreRequest, store_page
from stores.models import Store
from stores.phones import TEST_NUMBER_RANGE

from . import simulator
from .views import _page_context, _stamp, in_store_time

# One of each route: a keyword rule, the fallback, a hand-off, the compliance keywords.
SIMULATOR_SAMPLE_TEXTS = ("Do you ship to Canada?", "hmm not sure", "Can I talk to someone?", "HELP", "STOP")


def _simulator_store(request: StoreRequest):
    if not simulator.phone_simulator_available(request.store):
        raise Http404
    return request.store


def _screen_context(request: StoreRequest, number: str) -> dict:
    store = _simulator_store(request)
    screen = simulator.phone_screen(store=store, number=number)
    stamp = _stamp(
        screen.e164,
        [(m.id, m.status) for m in screen.messages],
        [(p.nudge_id, p.why) for p in screen.pending],
    )
    poll = reverse("inbox:simulator_screen", kwargs={"store_id": store.id})
    return {
        "screen": screen,
        "screen_poll_url": poll + "?" + urlencode({"number": screen.e164 or number, "v": stamp}),
        "screen_stamp": stamp,
    }


@require_GET
@store_page(roles=EVERYONE)
@in_store_time
def phone_simulator(request: StoreRequest) -> HttpResponse:
    store = request.store
    if not simulator.phone_simulator_available(store):
        context = _page_context(request, simulator_on=False, simulator_allowed=settings.PHONE_SIMULATOR)
        return render(request, "inbox/phone.html", context)
    number = request.GET.get("number", "").strip()
    context = _page_context(
        request,
        **_screen_context(request, number),
        number=number,
        test_numbers=simulator.phone_test_numbers(store=store),
        suggested_number=simulator.simulator_number_suggested(store=store),
        sample_texts=SIMULATOR_SAMPLE_TEXTS,
        simulator_on=True,
        test_number_range=TEST_NUMBER_RANGE,
    )
    return render(request, "inbox/phone.html", context)


@require_GET
@store_page(roles=EVERYONE)
@in_store_time
def phone_screen(request: StoreRequest) -> HttpResponse:
    store = _simulator_store(request)
    context = _screen_context(request, request.GET.get("number", "").strip())
    if context["screen_stamp"] == request.GET.get("v"):
        return HttpResponse(status=204)
    return render(request, "inbox/_phone_screen.html", {**context, "store": store})


@require_POST
@store_page(roles=EVERYONE)
@in_store_time
def phone_send(request: StoreRequest) -> HttpResponse:
    """The shopper texts the store: the same entry point a Twilio webhook reaches."""
    store = _simulator_store(request)
    number = request.POST.get("number", "").strip()
    body = request.POST.get("body", "").strip()
    try:
        simulator.phone_simulator_text(store=store, from_number=number, body=body)
    except ApplicationError as exc:
        flash.error(request, exc.message)
    return _back_to_phone(store, number)


@require_POST
@store_page(roles=EVERYONE)
@in_store_time
def phone_cart_leave(request: StoreRequest) -> HttpResponse:
    """The test shopper leaves a cart; the first text arrives at the scheduler's next tick."""
    store = _simulator_store(request)
    number = request.POST.get("number", "").strip()
    try:
        simulator.phone_simulator_cart_leave(store=store, number=number)
    except ApplicationError as exc:
        flash.error(request, exc.message)
    else:
        flash.success(
            request,
            f"Cart left: an {simulator.SIMULATOR_CART_ITEM['title']}. Its first text is due now; the phone "
            "shows when it goes out and, if the shopper's quiet hours hold it, until when and why.",
        )
    return _back_to_phone(store, number)


def _back_to_phone(store: Store, number: str) -> HttpResponse:
    url = reverse("inbox:simulator", kwargs={"store_id": store.id})
    return redirect(url + "?" + urlencode({"number": number}))
