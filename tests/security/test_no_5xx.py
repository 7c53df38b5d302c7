"""No input reaches a 5xx, on pages and forms as on the API and webhooks (issue 11, item 5).

The named cases first (each was a 500 once), then a property sweep over every page of the dashboard, the
billing pages and the inbox: each query parameter a view reads and each field of each form the page shows,
filled with hostile text, as the store's owner and as its agent.
"""

import copy
import inspect
import json
import os
import re
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.db import transaction
from django.urls import get_resolver, resolve, reverse
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from billing.models import Invoice, InvoiceLine
from conversations.models import CannedResponse, Message
from flows.services import flow_seed_default
from stores.models import Cart, Membership, Role, WebhookEvent
from stores.signing import shopify_hmac
from stores.team import invitation_create
from tests.conversations.factories import CannedResponseFactory, MessageFactory, ThreadFactory
from tests.fixtures import load
from tests.stores.factories import CustomerFactory, MembershipFactory, StoreFactory
from tests.stores.test_generic_webhooks import CART_UPDATED
from tests.web.factories import KeywordRuleFactory

pytestmark = pytest.mark.django_db

NUL = "\x00"


@pytest.fixture
def thread(store):
    thread = ThreadFactory(store=store, customer=CustomerFactory(store=store), status="escalated")
    MessageFactory(thread=thread, body="Can I talk to a person?")
    return thread


@pytest.fixture
def agent(store):
    return MembershipFactory(store=store, role=Role.AGENT).user


def _refused_cleanly(response) -> None:
    assert 400 <= response.status_code < 500, (response.status_code, response.content[:300])


# --- the shopper's link -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/r/%00", "/r/abc%00def", "/r/" + "%00" * 40, "/r/%C0%80"])
def test_a_nul_byte_in_a_short_link_is_not_a_server_error(client, path):
    response = client.get(path)

    _refused_cleanly(response)


# --- the inbox ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["owner", "agent"])
@pytest.mark.parametrize("param", ["q", "tab", "cursor"])
def test_a_nul_byte_in_inbox_search_is_not_a_server_error(client, store, owner, agent, role, param):
    client.force_login(owner if role == "owner" else agent)

    for name in ("inbox:list", "inbox:list_poll"):
        response = client.get(reverse(name, kwargs={"store_id": store.id}), {param: f"ja{NUL}mie"})

        assert response.status_code < 500, (name, response.status_code)


def test_a_reply_with_a_nul_byte_is_refused_and_sends_nothing(client, store, agent, thread, sms_outbox):
    client.force_login(agent)
    url = reverse("inbox:reply", kwargs={"store_id": store.id, "thread_id": thread.id})

    response = client.post(url, {"body": f"Hello{NUL} there"})

    _refused_cleanly(response)
    assert not Message.objects.filter(thread=thread, direction="out").exists()
    assert sms_outbox == []


def test_a_canned_response_with_a_nul_byte_is_refused(client, store, owner):
    client.force_login(owner)
    canned = CannedResponseFactory(store=store, title="Shipping", body="Ships in a day.")
    edit = reverse("inbox:canned_edit", kwargs={"store_id": store.id, "canned_id": canned.id})

    created = client.post(
        reverse("inbox:list_canned", kwargs={"store_id": store.id}), {"title": "a", "body": NUL}
    )
    edited = client.post(edit, {"title": f"Ship{NUL}", "body": "b"})

    _refused_cleanly(created)
    _refused_cleanly(edited)
    canned.refresh_from_db()
    assert (canned.title, canned.body) == ("Shipping", "Ships in a day.")
    assert CannedResponse.objects.count() == 1


# --- a signed shop webhook with a URL urllib cannot split ---------------------------------------------


@pytest.mark.parametrize("url", ["https://[::1/", "https://[/x", "http://]/", "https://[fe80::1%25en0/"])
def test_a_malformed_checkout_url_in_a_signed_webhook_is_never_a_server_error(store, post_generic, url):
    payload = copy.deepcopy(CART_UPDATED)
    payload["cart"]["checkout_url"] = url

    response = post_generic(store, payload)

    assert response.status_code in (200, 400), (response.status_code, response.content[:300])
    assert not WebhookEvent.objects.filter(status=WebhookEvent.Status.FAILED).exists()
    for cart in Cart.objects.filter(store=store):
        assert cart.checkout_url != url


@pytest.mark.parametrize("url", ["https://[::1/", "https://[/x"])
def test_a_malformed_item_url_in_a_signed_webhook_is_never_a_server_error(store, post_generic, url):
    payload = copy.deepcopy(CART_UPDATED)
    payload["cart"]["items"][0]["url"] = url
    payload["cart"]["items"][0]["image"] = url

    response = post_generic(store, payload)

    assert response.status_code in (200, 400), (response.status_code, response.content[:300])
    assert not WebhookEvent.objects.filter(status=WebhookEvent.Status.FAILED).exists()


def test_a_malformed_checkout_url_in_a_signed_shopify_webhook_is_never_a_server_error(
    client, store, django_capture_on_commit_callbacks
):
    payload = copy.deepcopy(load("shopify_checkouts_update.json"))
    payload["abandoned_checkout_url"] = "https://[::1/"
    body = json.dumps(payload).encode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/webhooks/shopify/{store.id}/",
            data=body,
            content_type="application/json",
            HTTP_X_SHOPIFY_TOPIC="checkouts/update",
            HTTP_X_SHOPIFY_HMAC_SHA256=shopify_hmac(secret=store.webhook_secret, body=body),
            HTTP_X_SHOPIFY_SHOP_DOMAIN=store.shop_domain,
            HTTP_X_SHOPIFY_WEBHOOK_ID="malformed-url-1",
        )

    assert response.status_code in (200, 400), (response.status_code, response.content[:300])
    assert not WebhookEvent.objects.filter(status=WebhookEvent.Status.FAILED).exists()


# --- analytics at the edges of the calendar -------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        {"to": "9999-12-31"},
        {"from": "9999-12-01", "to": "9999-12-31"},
        {"from": "0001-01-01", "to": "0001-01-02"},
        {"to": "0001-01-01"},
        {"from": "0001-01-01"},
    ],
)
def test_analytics_at_the_end_of_the_calendar_is_a_400_not_a_500(api_client, store, query):
    response = api_client.get(reverse("billing:analytics", kwargs={"store_id": store.id}), query)

    assert response.status_code == 400, (response.status_code, response.content[:300])
    assert "detail" in json.loads(response.content) or "errors" in json.loads(response.content)


# --- the sweep: every page, every query parameter, every form field -----------------------------------

PAGE_NAMESPACES = ("dashboard", "inbox", "billing")
_READS = re.compile(
    r"request\.(GET|POST)(?:\.get\(|\[)\s*[\"']([\w-]+)[\"']|[\"']([\w-]+)[\"'] in request\.(GET)"
)


def _page_patterns() -> list[tuple[str, list[str]]]:
    """(url name, path kwargs) of every page route in the page namespaces; the JSON API is not a page."""
    found = []
    resolver = get_resolver()
    for namespace in PAGE_NAMESPACES:
        for name, entry in resolver.namespace_dict[namespace][1].reverse_dict.items():
            if not isinstance(name, str):
                continue
            ((_, params),), pattern, *_ = entry
            if "api/" in pattern:
                continue
            found.append((f"{namespace}:{name}", sorted(params)))
    return sorted(set((name, tuple(params)) for name, params in found))


PAGES = _page_patterns()


def _view_reads(url_name: str, kwargs: dict) -> dict[str, set[str]]:
    """The query and form parameters its views module reads (`request.GET.get("q")` and the like): the
    view's helpers read some of them, and a name the view ignores costs the sweep nothing."""
    view = inspect.unwrap(resolve(reverse(url_name, kwargs=kwargs)).func)
    reads = {"GET": set(), "POST": set()}
    for match in _READS.finditer(inspect.getsource(inspect.getmodule(view))):
        method, name = (match[1], match[2]) if match[1] else (match[4], match[3])
        reads[method].add(name)
    return reads


_FIELD_TAGS = ("input", "select", "textarea", "button")


class _Forms(HTMLParser):
    """Every <form> of a page (action, method, fields with their values) and every hx-get / hx-post."""

    def __init__(self, page_url: str) -> None:
        super().__init__()
        self.page_url = page_url
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for hx, method in (("hx-get", "GET"), ("hx-post", "POST")):
            if attrs.get(hx):
                fields = {attrs["name"]: attrs.get("value") or ""} if attrs.get("name") else {}
                self.forms.append({"action": attrs[hx], "method": method, "fields": fields})
        if tag == "form":
            self._form = {
                "action": attrs.get("action") or self.page_url,
                "method": (attrs.get("method") or "GET").upper(),
                "fields": {},
            }
            self.forms.append(self._form)
        elif (
            self._form is not None and tag in ("input", "select", "textarea", "button") and attrs.get("name")
        ):
            value = attrs.get("value") or ""
            if tag == "input" and attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                value = self._form["fields"].get(attrs["name"], value)
            self._form["fields"].setdefault(attrs["name"], value)
            if tag == "textarea":
                self._textarea = attrs["name"]
        elif self._form is not None and tag == "option" and "selected" in attrs:
            self._form["fields"][self._last_select] = attrs.get("value") or ""
        if tag == "select" and attrs.get("name"):
            self._last_select = attrs["name"]

    def handle_data(self, data):
        if self._form is not None and self._textarea:
            self._form["fields"][self._textarea] = data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            self._textarea = None


def _path_of(url: str, page_url: str) -> str:
    return urlsplit(urljoin(page_url, url)).path


@pytest.fixture
def surface(store, owner, agent, client):
    """Real objects behind every id in the page URLs, and each page's fields: read by its view, or
    offered by a form (on any page) that posts to it."""
    flow = flow_seed_default(store=store)
    thread = ThreadFactory(store=store, customer=CustomerFactory(store=store), status="escalated")
    MessageFactory(thread=thread, body="Can I talk to a person?")
    invoice = Invoice.objects.create(
        store=store,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 1, 31),
        currency="USD",
        status=Invoice.Status.ISSUED,
        total=Decimal("5.00"),
    )
    InvoiceLine.objects.create(invoice=invoice, position=0, kind="fee", description="Order #1", amount="5.00")
    ids = {
        "store_id": store.id,
        "step_id": flow.steps.first().id,
        "rule_id": KeywordRuleFactory(store=store).id,
        "thread_id": thread.id,
        "canned_id": CannedResponseFactory(store=store).id,
        "invoice_id": invoice.id,
        "membership_id": MembershipFactory(store=store, role=Role.AGENT).id,
        "invitation_id": invitation_create(
            store=store,
            actor=Membership.objects.get(store=store, user=owner),
            email="invitee@example.com",
            role=Role.AGENT,
        )[0].id,
    }
    client.force_login(owner)
    fields: dict[str, dict[str, dict]] = {}
    urls = {}
    for url_name, params in PAGES:
        url = reverse(url_name, kwargs={p: ids[p] for p in params})
        urls[url_name] = url
        reads = _view_reads(url_name, {p: ids[p] for p in params})
        entry = fields.setdefault(url, {"GET": {}, "POST": {}})
        for method, names in reads.items():
            entry[method].update(dict.fromkeys(names, ""))
    for url in list(urls.values()):
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        parser = _Forms(url)
        parser.feed(response.content.decode())
        for form in parser.forms:
            target = fields.get(_path_of(form["action"], url))
            if target is not None:
                target[form["method"]].update(form["fields"])
    client.logout()
    return {"urls": urls, "fields": fields, "other_store": StoreFactory()}


# What people and scripts put in a field: nothing, NUL, the calendar's ends, huge numbers, markup,
# template syntax, other tenants' ids, URLs urllib cannot split, and any text at all.
HOSTILE = st.sampled_from(
    [
        "",
        " ",
        NUL,
        f"a{NUL}b",
        "9999-12-31",
        "0001-01-01",
        "2026-02-30",
        "-1",
        "0",
        "99999999999999999999999",
        "1e999",
        "NaN",
        "+14155552671",
        "https://[::1/",
        "javascript:alert(1)",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "{{ store.webhook_secret }}",
        "{first_name}{link}{",
        "\r\nSet-Cookie: x=1",
        "x" * 5000,
        "🙂" * 200,
        "\u202e\ufeff\u200b",
        "00000000-0000-0000-0000-000000000000",
        "owner",
        "admin",
        "remove",
        "delete",
    ]
) | st.text(max_size=60)


@st.composite
def _filled(draw, defaults: dict[str, str]) -> dict[str, str]:
    """The form as the page offers it, with some fields (at least one) replaced by hostile values."""
    names = sorted(defaults) or ["q"]
    chosen = draw(st.lists(st.sampled_from(names), min_size=1, max_size=len(names), unique=True))
    extra = draw(st.dictionaries(st.text(min_size=1, max_size=8), HOSTILE, max_size=2))
    return {**defaults, **{name: draw(HOSTILE) for name in chosen}, **extra}


SWEEP = hypothesis_settings(
    max_examples=int(os.environ.get("SWEEP_EXAMPLES", "3")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def test_the_sweep_reaches_every_page_and_form(surface):
    """The sweep below must not thin out silently: every page is found, and forms are found on them."""
    assert len(PAGES) >= 40
    fields = surface["fields"]
    assert {"q", "tab", "cursor"} <= set(fields[surface["urls"]["inbox:list"]]["GET"])
    assert "body" in fields[surface["urls"]["inbox:reply"]]["POST"]
    assert {"title", "body"} <= set(fields[surface["urls"]["inbox:list_canned"]]["POST"])
    posted_forms = [url for url, entry in fields.items() if entry["POST"]]
    assert len(posted_forms) >= 25


# Tried on every field of every form at once, before the random examples.
EVERY_FIELD = (f"a{NUL}b", "9999-12-31", "https://[::1/", "-1")


def _hostile_requests_to(client, url: str, method: str, defaults: dict) -> None:
    everywhere = [{**defaults, **dict.fromkeys(defaults or ["q"], value)} for value in EVERY_FIELD]

    @SWEEP
    @given(data=_filled(defaults))
    @example(data=everywhere[0])
    @example(data=everywhere[1])
    @example(data=everywhere[2])
    @example(data=everywhere[3])
    def sends(data):
        # The test client raises what a server would answer with a 500; both fail here. The savepoint
        # keeps one failed statement from poisoning the examples after it.
        with transaction.atomic():
            response = client.get(url, data) if method == "GET" else client.post(url, data)
        assert response.status_code < 500, (response.status_code, data)

    sends()


@pytest.mark.parametrize("role", ["owner", "agent"])
def test_no_page_answers_hostile_input_with_a_5xx(client, surface, owner, agent, role):
    # given a signed-in member of the store
    client.force_login(owner if role == "owner" else agent)
    failures = []

    # when every page the role can reach gets hostile query strings and every form hostile fields
    for url_name, _ in PAGES:
        url = surface["urls"][url_name]
        for method in ("GET", "POST"):
            plain = client.get(url) if method == "GET" else client.post(url)
            assert plain.status_code < 500, (method, url_name, plain.status_code)
            if plain.status_code in (403, 404, 405):
                continue  # refused before any input is read: nothing more to learn from hostile input
            try:
                _hostile_requests_to(client, url, method, surface["fields"][url][method])
            except Exception as exc:
                failures.append(f"{method} {url_name}: {exc!r}"[:600])

    # then none of them was a server error
    assert not failures, "\n".join(failures)
