"""The merchant sees each step's and each rule's results where they edit them, with a small chart."""

from datetime import timedelta

import pytest
from django.utils import timezone

from billing.attribution import order_attribute
from conversations.models import Message, Thread
from flows.models import Nudge
from flows.services import flow_seed_default
from stores.models import Cart
from tests.analytics.test_results_api import _rule_answer
from tests.billing.factories import click_add, order_for, reply_add, texted_cart
from tests.browser import MOBILE, csp_violations, horizontal_overflow, login, screenshot
from tests.conversations.factories import KeywordRuleFactory
from tests.stores.factories import CartFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _texts(store, step, *, variant: str, n: int, at):
    sent = []
    for _ in range(n):
        cart, text = texted_cart(store=store, at=at, step=step)
        Nudge.objects.filter(pk=text.nudge_id).update(variant=variant)
        sent.append((cart, text))
    return sent


def _recover_at(cart, text, *, at, total: str):
    click_add(cart=cart, at=at + timedelta(minutes=5), message=text)
    order_attribute(
        store=cart.store, order=order_for(cart=cart, placed_at=at + timedelta(hours=1), total=total)
    )


def test_the_step_editor_shows_the_steps_numbers_per_variant_and_a_chart(page, live_server, store, owner):
    # given yesterday's texts of step 1: 4 of variant A (one recovered, $120) and 2 of B (one clicked)
    step = flow_seed_default(store=store).steps.get(position=1)
    at = timezone.now() - timedelta(days=1)
    a = _texts(store, step, variant="A", n=4, at=at)
    b = _texts(store, step, variant="B", n=2, at=at)
    _recover_at(*a[0], at=at, total="120.00")
    Cart.objects.filter(pk=a[0][0].pk).update(recovered_at=at + timedelta(hours=1))
    click_add(cart=b[0][0], at=at + timedelta(minutes=3), message=b[0][1])
    # and two carts held out of the step, neither recovered
    for _ in range(2):
        Nudge.objects.create(
            store=store,
            cart=CartFactory(store=store),
            step=step,
            state=Nudge.State.SKIPPED,
            due_at=at,
            holdout=True,
        )
    login(page, live_server, owner)

    # when the merchant opens the step
    page.goto(f"{live_server.url}/dashboard/{store.id}/flow/steps/{step.id}/")

    # then the table has a row per variant with its numbers, money as people read it
    table = page.get_by_test_id("step-results")
    rows = table.locator("tbody tr")
    assert rows.count() == 2
    first, second = (rows.nth(i).locator("td").all_inner_texts() for i in (0, 1))
    assert first[:8] == ["A", "4", "1", "0", "1", "$120.00", "$30.00", "$0.03"]
    assert second[:8] == ["B", "2", "1", "0", "0", "$0.00", "$0.00", "—"]
    assert first[8].endswith("%")
    # and a chart with a bar per variant for each stage, the values written beside them
    chart = page.get_by_test_id("step-chart")
    assert chart.locator("rect").count() == 8
    labels = chart.locator("text.axis-label").all_text_contents()
    assert labels == ["Texted", "Clicked", "Replied", "Recovered"]
    # and the step's lift against the held-out carts, in words: 1 of 6 texted recovered vs 0 of 2 held out
    lift = page.get_by_test_id("step-lift").inner_text()
    assert "by +16.7 points" in lift
    assert "6 texted, 2 held out" in lift
    assert "Not yet distinguishable from chance." in lift
    screenshot(page, "analytics-step-editor")
    page.set_viewport_size(MOBILE)
    assert horizontal_overflow(page) == 0
    assert table.is_visible()
    assert csp_violations(page) == []


def test_a_step_that_never_texted_says_so(page, live_server, store, owner):
    step = flow_seed_default(store=store).steps.get(position=2)
    login(page, live_server, owner)

    page.goto(f"{live_server.url}/dashboard/{store.id}/flow/steps/{step.id}/")

    assert "has not texted anyone in the last 30 days" in page.locator("#results").inner_text()


def test_the_rules_page_shows_what_each_rule_led_to(page, live_server, store, owner):
    # given a rule that answered a shopper who was then escalated and bought ($80)
    step = flow_seed_default(store=store).steps.get(position=1)
    at = timezone.now() - timedelta(days=2)
    rule = KeywordRuleFactory(store=store, name="Shipping questions " + "x" * 60)
    KeywordRuleFactory(store=store, name="Returns")
    ((cart, text),) = _texts(store, step, variant="", n=1, at=at)
    reply_add(cart=cart, at=at + timedelta(minutes=1))
    _rule_answer(cart, rule, at=at + timedelta(minutes=2))
    Thread.objects.filter(store=store, customer=cart.customer).update(escalated_at=at + timedelta(minutes=9))
    _recover_at(cart, text, at=at + timedelta(minutes=1), total="80.00")
    login(page, live_server, owner)

    page.goto(f"{live_server.url}/dashboard/{store.id}/rules/")

    table = page.get_by_test_id("rule-results")
    row = table.locator("tbody tr").filter(has_text="Shipping questions")
    assert [c.strip() for c in row.locator("td").all_inner_texts()][1:5] == ["1", "1", "1", "$80.00"]
    assert page.get_by_test_id("rule-chart").locator("rect").count() == 3
    screenshot(page, "analytics-rules")
    page.set_viewport_size(MOBILE)
    assert horizontal_overflow(page) == 0
    assert Message.objects.filter(rule=rule).count() == 1
    assert csp_violations(page) == []
