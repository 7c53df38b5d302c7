"""Shopper-facing pages of the flows app: the short link in a text."""

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .links import click_record, short_link_lookup, short_link_resolve
from .previews import user_agent_is_link_preview


def _store_url(store) -> str:
    if store is None:
        return ""
    if store.website_url:
        return store.website_url
    return f"https://{store.shop_domain}" if store.shop_domain else ""


@require_safe
@never_cache
def short_link_redirect(request: HttpRequest, code: str) -> HttpResponse:
    """302 to the checkout (discount applied), counting a shopper's click (not a link preview's); a kind
    404 when unknown or expired."""
    link = short_link_resolve(code=code)
    if link is None:
        known = short_link_lookup(code=code)
        store = known.store if known else None
        context = {"store_url": _store_url(store), "store_name": store.name if store else ""}
        return render(request, "flows/link_not_found.html", context, status=404)
    user_agent = request.headers.get("User-Agent", "")
    # HEAD requests and preview fetchers are not the shopper: they still follow, but count no click.
    if request.method == "GET" and not user_agent_is_link_preview(user_agent):
        click_record(link=link, user_agent=user_agent, ip_address=request.META.get("REMOTE_ADDR"))
    return HttpResponseRedirect(link.target_url)
