from datetime import UTC, datetime
from decimal import Decimal

import pytest
import time_machine

from conversations.sms.prices import segment_price_for_phone
from flows import defaults
from flows.models import IncentiveKind
from flows.rendering import (
    RenderContext,
    language_pick,
    money_format,
    product_phrase,
    render_step,
    render_template,
    template_preview,
)
from flows.services import flow_seed_default
from tests.stores.factories import CartFactory, CartItemFactory, CustomerFactory

LINK = "https://cartrecovery.test/r/abcdefgh123"


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("Hi {first_name}, it's {store}.", "Hi, it's Summit."),
        ("Hey {first_name}! {link}", "Hey! " + LINK),
        ("{first_name}, your cart is waiting.", "your cart is waiting."),
        ("Use {discount_code} now: {link}", "Use now: " + LINK),
    ],
)
def test_a_missing_value_never_leaves_a_gap(template, expected):
    text = render_template(template, context=RenderContext(store="Summit", link=LINK))

    assert text == expected


def test_an_unknown_placeholder_saved_before_the_check_never_reaches_the_shopper_raw():
    text = render_template("Hi {fist_name}, your cart", context=RenderContext(first_name="Jamie"))

    assert text == "Hi, your cart"


@pytest.mark.parametrize(
    ("titles", "language", "expected"),
    [
        (["Alpine Down Jacket"], "en", "Alpine Down Jacket"),
        (["Alpine Down Jacket", "Socks", "Hat"], "en", "Alpine Down Jacket + 2 more"),
        (["Alpine Down Jacket", "Socks"], "de", "Alpine Down Jacket + 1 weitere"),
        ([], "fr", "quelques articles"),
        (["The Extremely Long Ultralight Waterproof Expedition Down Parka"], "en",
         "The Extremely Long Ultralight..."),
    ],
)  # fmt: skip
def test_the_product_is_the_top_item_by_name(titles, language, expected):
    assert product_phrase(titles, language=language) == expected


def test_the_language_is_the_shoppers_then_the_stores_then_english():
    templates = {"en": "x", "fr": "x", "es": "x"}

    assert language_pick(templates=templates, locales=("fr-CA", ""), store_language="es") == "fr"
    assert language_pick(templates=templates, locales=("ja", "pt_BR"), store_language="es") == "es"
    assert language_pick(templates=templates, locales=("",), store_language="ja") == "en"
    assert language_pick(templates={"nl": "x"}, locales=("",), store_language="ja") == "nl"


@pytest.mark.parametrize(
    ("amount", "currency", "language", "expected"),
    [
        ("1234.5", "USD", "en", "$1,234.50"),
        ("79", "GBP", "en", "£79.00"),
        ("1234.5", "EUR", "fr", "1 234,50 €"),
        ("79", "CHF", "de", "79,00 CHF"),
    ],
)
def test_cart_totals_read_naturally(amount, currency, language, expected):
    assert money_format(Decimal(amount), currency=currency, language=language) == expected


@pytest.mark.django_db
def test_a_first_text_says_who_is_texting_and_every_text_how_to_stop(store):
    # given a French shopper, the store's name in no template
    step = flow_seed_default(store=store).steps.get(position=1)
    step.templates = {"fr": "Coucou {first_name}, {product} vous attend : {link}"}
    customer = CustomerFactory(store=store, first_name="", locale="fr")
    cart = CartFactory(store=store, customer=customer, first_name="")
    CartItemFactory(cart=cart, title="Veste")

    # when
    first = render_step(store=store, step=step, cart=cart, link_url=LINK, first_text=True)
    later = render_step(store=store, step=step, cart=cart, link_url=LINK, first_text=False)

    # then
    assert (
        first.body == f"{store.name}: Coucou, Veste vous attend : {LINK} Répondez STOP pour vous désabonner."
    )
    assert later.body == f"Coucou, Veste vous attend : {LINK} Répondez STOP pour vous désabonner."
    assert first.language == "fr"
    assert first.info.encoding == "GSM-7"


@pytest.mark.django_db
def test_the_default_second_step_carries_the_code_and_the_most_valuable_item(store):
    step = flow_seed_default(store=store).steps.get(position=2)
    cart = CartFactory(store=store, customer=CustomerFactory(store=store, first_name="jamie"))
    CartItemFactory(cart=cart, title="Socks", price="9.00", position=0)
    CartItemFactory(cart=cart, title="Alpine Down Jacket", price="189.00", position=1)

    with time_machine.travel(datetime(2026, 12, 3, 16, 0, tzinfo=UTC), tick=False):
        text = render_step(store=store, step=step, cart=cart, link_url=LINK, discount_code="COMEBACK10")

    assert text.body == (
        f"Hi Jamie, {store.name} again. You still have Alpine Down Jacket + 1 more in your cart. Code "
        f"COMEBACK10 takes 10% off until December 10. {LINK} What's holding you back? Reply STOP to opt out."
    )


@pytest.mark.django_db
@pytest.mark.parametrize("language", defaults.LANGUAGES)
def test_every_default_first_text_fits_two_segments_in_the_worst_case(store, language):
    preview = template_preview(
        store=store, template=defaults.FIRST_STEP_TEMPLATES[language], language=language, delay_minutes=45
    )

    assert preview.worst_case.encoding == "GSM-7"
    assert preview.worst_case.segments - preview.consent_disclosure["extra_segments"] <= 2
    assert preview.worst_case.segments >= preview.info.segments
    _, us_price = segment_price_for_phone("+12125550100")
    assert preview.estimated_cost == (us_price * preview.worst_case.segments).quantize(Decimal("0.0001"))
    assert [w for w in preview.warnings if "STOP" not in w] == []


@pytest.mark.django_db
def test_the_preview_warns_about_what_costs_or_breaks(store):
    # when
    preview = template_preview(
        store=store,
        template="Hi {first_name} 👋 come back {discount_code}",
        position=1,
        delay_minutes=90,
        incentive_kind=IncentiveKind.NONE,
    )
    second = template_preview(store=store, template="Hi {link}", position=2, delay_minutes=1440)
    second_in_france = template_preview(store=store, template="Hi {link}", position=2, country="FR")

    # then
    assert preview.info.encoding == "UCS-2"
    warnings = " | ".join(preview.warnings)
    assert "👋: not in the GSM-7 alphabet" in warnings
    assert "No {link}" in warnings
    assert "Reply STOP to opt out." in warnings
    assert "30–60 minutes" in warnings
    assert "{discount_code} is used but this step offers no incentive" in warnings
    assert preview.text.endswith("Reply STOP to opt out.")
    assert any("US and Canadian numbers" in w for w in second.warnings)
    assert not any("US and Canadian numbers" in w for w in second_in_france.warnings)
