"""Every page at 1280 and 390 px with long, hostile and multilingual data: nothing scrolls sideways, no
control is cut off, the phone's top bar keeps its height, one <main> per page."""

import pytest
from django.urls import reverse
from django.utils import timezone

from conversations.models import Message
from flows.models import Step
from flows.services import flow_seed_default, step_variants_update
from stores.models import Role
from stores.services import api_token_create
from tests.browser import DESKTOP, MOBILE, horizontal_overflow, login, screenshot
from tests.conversations.factories import CannedResponseFactory, MessageFactory, ThreadFactory
from tests.stores.factories import (
    CartFactory,
    CartItemFactory,
    CustomerFactory,
    MembershipFactory,
    UserFactory,
)
from tests.web.factories import KeywordRuleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG_EMAIL = "x" * 64 + "@" + "very-long-subdomain-" * 8 + "example.com"
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'
LONG_WORD = "Wolfeschlegelsteinhausenbergerdorff" * 4
URL_RUN = "https://example.com/" + "x" * 240

# Controls that reach past the viewport's edges, outside the boxes that scroll sideways on purpose.
SCROLLERS = ".table-wrap, .chart-scroll, .ib-tabs, details:not([open])"
CLIPPED_CONTROLS = """(scrollers) => [
    ...document.querySelectorAll('button, a.btn, input:not([type=hidden]), select, textarea')]
  .filter(el => el.offsetParent !== null && !el.closest(scrollers))
  .filter(el => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && (r.left < -1 || r.right > innerWidth + 1);
  })
  .map(el => el.outerHTML.slice(0, 100))"""
# Status pills and switches whose word breaks over two lines ("Activ / e" in the thread's cart panel, the
# rules list's "On" beside a long rule name).
WRAPPED_PILLS = """() => [...document.querySelectorAll('.badge, .ib-status, .ib-consent, .switch')]
  .filter(el => el.offsetParent !== null)
  .filter(el => el.getBoundingClientRect().height > parseFloat(getComputedStyle(el).fontSize) * 2.2)
  .map(el => el.textContent.trim())"""


def _hostile_store(store, owner):
    owner.first_name = LONG_WORD[:150]
    owner.save()
    flow = flow_seed_default(store=store)
    # Variants on a step put the "A/B test running" badge in its header on the flow page.
    step_variants_update(
        store=store,
        step=flow.steps.get(position=1),
        variants=[{"key": k, "weight": 1, "templates": {"en": f"{k} {LONG_WORD} {{link}}"}} for k in "AB"],
    )
    long_user = UserFactory(username=LONG_EMAIL[:150], email=LONG_EMAIL)
    MembershipFactory(store=store, role=Role.AGENT, user=long_user)
    KeywordRuleFactory(store=store, name=LONG_WORD[:100], reply=HOSTILE + " " + URL_RUN)
    CannedResponseFactory(store=store, title=LONG_WORD[:120], body=URL_RUN)
    customer = CustomerFactory(
        store=store, first_name=LONG_WORD[:150], last_name=HOSTILE, email=LONG_EMAIL, locale="ja"
    )
    cart = CartFactory(store=store, customer=customer, checkout_url=URL_RUN, total="12345678.90")
    CartItemFactory(cart=cart, title=LONG_WORD + " 日本語の長い商品名" * 5, variant=HOSTILE)
    thread = ThreadFactory(
        store=store, customer=customer, human_inbound_count=1, last_message_at=timezone.now()
    )
    MessageFactory(thread=thread, body=LONG_WORD + " " + URL_RUN + " " + HOSTILE)
    MessageFactory(thread=thread, body="")
    MessageFactory(
        thread=thread, direction=Message.Direction.OUT, status=Message.Status.SENT, body="مرحبا " * 60
    )
    return thread


def _pages(store, thread) -> dict[str, str]:
    step = Step.objects.filter(store=store).first()
    sid = {"store_id": store.id}
    return {
        "overview": reverse("dashboard:home", kwargs=sid),
        "setup": reverse("dashboard:setup", kwargs=sid),
        "flow": reverse("dashboard:flow", kwargs=sid),
        "flow-step": reverse("dashboard:flow_step", kwargs={**sid, "step_id": step.id}),
        "rules": reverse("dashboard:rules", kwargs=sid),
        "rule-new": reverse("dashboard:rules_new", kwargs=sid),
        "settings": reverse("dashboard:settings", kwargs=sid),
        "consent": reverse("dashboard:consent", kwargs=sid),
        "team": reverse("dashboard:team", kwargs=sid),
        "billing": reverse("billing:page", kwargs=sid),
        "onboarding": reverse("dashboard:onboarding"),
        "inbox": reverse("inbox:list", kwargs=sid),
        "thread": reverse("inbox:list_thread", kwargs={**sid, "thread_id": thread.id}),
        "canned": reverse("inbox:list_canned", kwargs=sid),
        "simulator": reverse("inbox:simulator", kwargs=sid) + "?number=%2B14155550142",
        "password": reverse("password_change"),
    }


def _problems(page) -> list[str]:
    problems = []
    overflow = horizontal_overflow(page)
    if overflow > 0:
        problems.append(f"scrolls sideways by {overflow} px")
    clipped = page.evaluate(CLIPPED_CONTROLS, SCROLLERS)
    if clipped:
        problems.append(f"clipped controls: {clipped}")
    wrapped = page.evaluate(WRAPPED_PILLS)
    if wrapped:
        problems.append(f"status pills broken over two lines: {wrapped}")
    mains = page.locator("main").count()
    if mains != 1:
        problems.append(f"{mains} <main> elements")
    if page.viewport_size["width"] < 900:
        height = page.evaluate("document.querySelector('.topbar')?.getBoundingClientRect().height || 0")
        if not 40 <= height <= 64:
            problems.append(f"top bar is {height} px tall")
    return problems


def test_no_page_scrolls_sideways_or_clips_a_control_at_either_width(page, live_server, store, owner):
    thread = _hostile_store(store, owner)
    page.set_default_navigation_timeout(60_000)
    login(page, live_server, owner)
    failures = {}
    for name, path in _pages(store, thread).items():
        for viewport in (DESKTOP, MOBILE):
            page.set_viewport_size(viewport)
            page.goto(live_server.url + path)
            problems = _problems(page)
            if problems:
                failures[f"{name} @ {viewport['width']}"] = problems
        screenshot(page, f"sweep-{name}", mobile=False)

    assert failures == {}


def test_the_overview_chart_opens_on_the_latest_days_on_a_phone(page, live_server, store, owner):
    page.set_default_navigation_timeout(60_000)
    login(page, live_server, owner)
    page.set_viewport_size(MOBILE)

    page.goto(live_server.url + reverse("dashboard:home", kwargs={"store_id": store.id}))

    box = page.locator(".chart-scroll")
    scrollable = box.evaluate("el => el.scrollWidth - el.clientWidth")
    assert scrollable > 0
    assert box.evaluate("el => el.scrollLeft") >= scrollable - 1


LONG_STORE_NAMES = [
    "Wolfeschlegelsteinhausenbergerdorff Outdoor & Mountaineering Supplies International",
    "Boutique des Randonneurs Extraordinairement Longue — Équipement de Montagne",
    "Zeer Lange Nederlandse Winkelnaam voor Wandelschoenen en Regenkleding BV",
]
# Rows of tabs and switcher entries, measured: a tab strip is one row (it scrolls sideways instead of
# wrapping), a switcher entry's name and role share their first line, and no entry is taller than its text.
WRAPPED_INTO_EMPTY_SPACE = """() => {
  const problems = [];
  for (const strip of document.querySelectorAll('.tabs, .ib-tabs')) {
    const tops = [...strip.children].filter(c => c.offsetParent !== null)
      .map(c => Math.round(c.getBoundingClientRect().top));
    if (new Set(tops).size > 1) problems.push(`${strip.className}: tabs on ${new Set(tops).size} rows`);
  }
  const sidebar = document.querySelector('.sidebar').getBoundingClientRect();
  for (const link of document.querySelectorAll('.store-menu a')) {
    const box = link.getBoundingClientRect();
    const label = link.textContent.trim().slice(0, 30);
    if (box.right > sidebar.right + 1) problems.push(`switcher: ${label} cut by the sidebar's edge`);
    if (box.height > 72) problems.push(`switcher: ${label} is ${Math.round(box.height)} px tall`);
    const [name, role] = link.children;
    if (!name || !role || role.tagName === 'svg') continue;
    const n = name.getBoundingClientRect(), r = role.getBoundingClientRect();
    if (r.top >= n.bottom - 2) problems.push(`switcher: role under the name, ${label}`);
    const lines = n.height / parseFloat(getComputedStyle(name).lineHeight || 20);
    if (lines > 2.1) problems.push(`switcher: name on ${Math.round(lines)} lines, ${label}`);
    const gap = box.width - n.width - r.width;
    if (gap > 48) problems.push(`switcher: ${Math.round(gap)} px of empty space in ${label}`);
  }
  return problems;
}"""


def test_tabs_and_the_store_switcher_do_not_wrap_into_empty_space(page, live_server, store, owner):
    # given an owner of three stores with long names, and a flow with texts in several languages
    store.name = LONG_STORE_NAMES[0]
    store.save(update_fields=["name"])
    for name in LONG_STORE_NAMES[1:]:
        other = MembershipFactory(user=owner, role=Role.OWNER).store
        other.name = name
        other.save(update_fields=["name"])
    flow_seed_default(store=store)
    step = Step.objects.filter(store=store).first()
    sid = {"store_id": store.id}
    pages = {
        "flow-step": reverse("dashboard:flow_step", kwargs={**sid, "step_id": step.id}),
        "inbox": reverse("inbox:list", kwargs=sid),
        "settings": reverse("dashboard:settings", kwargs=sid),
    }
    page.set_default_navigation_timeout(60_000)
    login(page, live_server, owner)

    # when each page is opened at both widths with the switcher open
    failures = {}
    for name, path in pages.items():
        for viewport in (DESKTOP, MOBILE):
            page.set_viewport_size(viewport)
            page.goto(live_server.url + path)
            if viewport is MOBILE:
                page.locator("[data-nav-toggle]").click()
            page.locator(".store-switcher summary").click()
            problems = page.evaluate(WRAPPED_INTO_EMPTY_SPACE) + _problems(page)
            if problems:
                failures[f"{name} @ {viewport['width']}"] = problems
            screenshot(page, f"tabs-switcher-{name}-{viewport['width']}", mobile=False)

    # then
    assert failures == {}


RULES_IN_FORCE = """() => {
  const wrap = document.querySelector('#law-title').closest('section').querySelector('.table-wrap');
  const broken = [...wrap.querySelectorAll('td[data-label="Where"] strong')]
    .filter(el => el.getClientRects().length > 1)
    .map(el => el.textContent);
  return {hidden: wrap.scrollWidth - wrap.clientWidth, broken};
}"""


@pytest.mark.parametrize("width", [1280, 1024, 390])
def test_the_settings_rules_in_force_fit_their_column_without_breaking_a_place_name(
    page, live_server, store, owner, width
):
    # given the Settings page, whose side column holds the "Rules in force" table
    page.set_viewport_size({"width": width, "height": 800})
    login(page, live_server, owner)

    # when it is opened
    page.goto(live_server.url + reverse("dashboard:settings", kwargs={"store_id": store.id}))

    # then every place and its rules fit the column: nothing hidden past its right edge, and no name such
    # as "Connecticut" split over two lines
    result = page.evaluate(RULES_IN_FORCE)
    screenshot(page, f"settings-rules-in-force-{width}", mobile=False)
    assert result == {"hidden": 0, "broken": []}


SHOPPER_CLOCK_RIGHT_EDGE = (
    "() => document.querySelector('.ib-convo-who .ib-local').getBoundingClientRect().right"
)


def test_the_shoppers_clock_in_a_thread_header_stays_on_a_phone_screen(page, live_server, store, owner):
    # given a thread whose shopper's zone has a long name
    thread = _hostile_store(store, owner)
    page.set_viewport_size(MOBILE)
    login(page, live_server, owner)

    # when the thread is opened on a phone
    page.goto(live_server.url + _pages(store, thread)["thread"])

    # then the "09:23 for the shopper (America/Los_Angeles)" line wraps instead of running off the screen
    screenshot(page, "thread-header-390", mobile=False)
    assert page.evaluate(SHOPPER_CLOCK_RIGHT_EDGE) <= MOBILE["width"]


def test_wide_enough_tables_stay_tables_at_1280(page, live_server, store, owner):
    # given the Keyword rules and Team pages, whose tables sit in a 540 px column at 1280 px
    flow_seed_default(store=store)
    KeywordRuleFactory(store=store)
    sid = {"store_id": store.id}
    login(page, live_server, owner)

    # when each is opened at 1280 px, then its header row shows: one card per row is for narrower boxes
    for name in ("dashboard:rules", "dashboard:team"):
        page.goto(live_server.url + reverse(name, kwargs=sid))
        assert page.locator(".table-cards thead").first.is_visible(), name


CARD_LABELS = """() => [...document.querySelectorAll('.table-cards tbody tr:first-child td:not(.actions)')]
  .map(td => getComputedStyle(td, '::before').content)"""


def test_api_tokens_on_a_phone_say_which_date_is_which(page, live_server, owner):
    # given an owner with a token
    api_token_create(user=owner)
    page.set_viewport_size(MOBILE)
    login(page, live_server, owner)

    # when the API tokens page is opened on a phone, where each token becomes a card
    page.goto(live_server.url + reverse("api_tokens"))

    # then each value carries its label: "Created" and "Expires" are not two bare dates
    assert page.evaluate(CARD_LABELS) == ['"Token"', '"Created"', '"Expires"']


TOTAL_ROW_SHADES = """() => [...document.querySelectorAll('.billing-lines tfoot tr > *')]
  .map(cell => [getComputedStyle(cell).backgroundColor, getComputedStyle(cell).borderBottomWidth])"""


def test_the_billing_total_row_is_shaded_to_its_amount(page, live_server, store, owner):
    # given the Billing page, whose lines end on a TOTAL row
    login(page, live_server, owner)
    page.goto(live_server.url + reverse("billing:page", kwargs={"store_id": store.id}))

    # then the row's shading (and its edge) runs under the amount too, not only under the "Total" label
    screenshot(page, "billing-total-row")
    (label_shade, label_edge), (amount_shade, amount_edge) = page.evaluate(TOTAL_ROW_SHADES)
    assert label_shade == amount_shade != "rgba(0, 0, 0, 0)"
    assert label_edge == amount_edge


GAP_UNDER_TEST_LIMIT = """() => {
  const line = document.querySelector('#test-limit');
  let next = line.nextElementSibling;
  while (next && next.offsetParent === null) next = next.nextElementSibling;
  const label = next.querySelector('label') || next;
  return label.getBoundingClientRect().top - line.getBoundingClientRect().bottom;
}"""


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["1280", "390"])
def test_the_test_texts_left_line_on_setup_keeps_its_distance(page, live_server, store, owner, viewport):
    # given the Setup page's step 3, "Send yourself a test"
    page.set_viewport_size(viewport)
    login(page, live_server, owner)
    page.goto(live_server.url + reverse("dashboard:setup", kwargs={"store_id": store.id}))

    # then "… left this hour." does not sit against the phone field's label below it
    assert page.evaluate(GAP_UNDER_TEST_LIMIT) >= 10
