import pytest
from django.urls import reverse

from conversations.models import KeywordRule
from tests.web.factories import KeywordRuleFactory

pytestmark = pytest.mark.django_db


def _url(name, store, **kwargs):
    return reverse(name, kwargs={"store_id": store.id, **kwargs})


def _rule_post(**overrides):
    data = {
        "name": "Shipping",
        "keywords": "shipping, delivery,  when will it arrive ",
        "reply": "Free shipping over $75, {first_name}.",
        "priority": "10",
        "active": "on",
    }
    return {**data, **overrides}


def test_rules_are_listed_in_priority_order(owner_client, store):
    KeywordRuleFactory(store=store, name="Returns", priority=50)
    KeywordRuleFactory(store=store, name="Discounts", priority=5)

    response = owner_client.get(_url("dashboard:rules", store))

    assert [r.name for r in response.context["rules"]] == ["Discounts", "Returns"]


def test_creating_a_rule_splits_the_keywords(owner_client, store):
    response = owner_client.post(_url("dashboard:rules_new", store), _rule_post())

    rule = KeywordRule.objects.for_store(store).get()
    assert response.status_code == 302
    assert rule.keywords == ["shipping", "delivery", "when will it arrive"]
    assert rule.priority == 10


def test_a_compliance_keyword_is_refused_inline(owner_client, store):
    response = owner_client.post(_url("dashboard:rules_new", store), _rule_post(keywords="stop, shipping"))

    assert response.status_code == 400
    assert "compliance keyword" in response.content.decode()
    assert not KeywordRule.objects.for_store(store).exists()


def test_editing_switching_and_deleting_a_rule(owner_client, store):
    rule = KeywordRuleFactory(store=store)

    owner_client.post(_url("dashboard:rules_edit", store, rule_id=rule.id), _rule_post(name="Delivery"))
    rule.refresh_from_db()
    assert rule.name == "Delivery"

    owner_client.post(_url("dashboard:rules_toggle", store, rule_id=rule.id))
    rule.refresh_from_db()
    assert rule.is_active is False

    owner_client.post(_url("dashboard:rules_delete", store, rule_id=rule.id))
    assert not KeywordRule.objects.filter(pk=rule.pk).exists()


def test_try_a_reply_shows_the_matching_rule_and_its_reply(owner_client, store):
    KeywordRuleFactory(store=store, name="Shipping", keywords=["shipping"], reply="Ships in 2 days.")

    response = owner_client.get(_url("dashboard:rules_try", store), {"text": "how much is shipping?"})

    html = response.content.decode()
    assert response.context["decision"].step == "rule"
    assert "Keyword rule: Shipping" in html
    assert "Ships in 2 days." in html


def test_try_a_reply_answers_stop_with_the_compliance_step(owner_client, store):
    response = owner_client.get(_url("dashboard:rules_try", store), {"text": "STOP"})

    assert response.context["decision"].step == "compliance"


def test_try_a_reply_escapes_the_text(owner_client, store):
    response = owner_client.get(_url("dashboard:rules_try", store), {"text": "<img src=x onerror=alert(1)>"})

    assert "<img src=x" not in response.content.decode()


def test_other_stores_rule_is_404_everywhere(owner_client, store, other_store):
    foreign = KeywordRuleFactory(store=other_store)

    codes = [
        owner_client.get(_url("dashboard:rules_edit", store, rule_id=foreign.id)).status_code,
        owner_client.post(_url("dashboard:rules_edit", store, rule_id=foreign.id), _rule_post()).status_code,
        owner_client.post(_url("dashboard:rules_toggle", store, rule_id=foreign.id)).status_code,
        owner_client.post(_url("dashboard:rules_delete", store, rule_id=foreign.id)).status_code,
    ]

    assert codes == [404, 404, 404, 404]
    foreign.refresh_from_db()
    assert foreign.is_active is True


def test_agent_cannot_manage_rules(agent_client, store):
    assert agent_client.get(_url("dashboard:rules", store)).status_code == 403
