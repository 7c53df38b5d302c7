import pytest

from conversations.sms.segments import segment_info
from flows import defaults
from flows.models import Flow, IncentiveKind
from flows.services import flow_seed_default
from stores.demo import demo_seed
from stores.models import Store


@pytest.mark.django_db
def test_seed_demo_gives_the_demo_store_the_default_flow_once():
    # when
    demo_seed()
    demo_seed()

    # then
    store = Store.objects.get(is_demo=True)
    flow = Flow.objects.for_store(store).get(is_active=True)
    steps = list(flow.steps.all())
    assert [s.delay_minutes for s in steps] == [45, 24 * 60]
    assert steps[0].incentive_kind == IncentiveKind.NONE
    assert steps[1].incentive_kind == IncentiveKind.FIXED_CODE
    assert steps[1].discount_code == "COMEBACK10"
    assert set(steps[0].templates) == set(defaults.LANGUAGES)


@pytest.mark.django_db
def test_seeding_keeps_a_flow_the_merchant_already_has(store):
    # given
    mine = Flow.objects.create(store=store, name="Mine")

    # when
    seeded = flow_seed_default(store=store)

    # then
    assert seeded == mine
    assert Flow.objects.for_store(store).count() == 1


@pytest.mark.parametrize("language", defaults.LANGUAGES)
def test_default_templates_are_personal_short_gsm7_questions(language):
    for templates in (defaults.FIRST_STEP_TEMPLATES, defaults.SECOND_STEP_TEMPLATES):
        template = templates[language]
        for placeholder in ("{first_name}", "{product}", "{link}", "{store}"):
            assert placeholder in template
        assert "?" in template
        assert segment_info(template).encoding == "GSM-7"
    assert "{discount_code}" in defaults.SECOND_STEP_TEMPLATES[language]
    for words in (defaults.PRODUCT_FALLBACK, defaults.MORE_ITEMS, defaults.OPT_OUT_LINE):
        assert segment_info(words[language]).encoding == "GSM-7"
