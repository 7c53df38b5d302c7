"""The starter rules a new store gets answer every shopper in their own language from the first day."""

import pytest

from conversations.languages import LANGUAGES
from conversations.models import KeywordRule
from conversations.placeholders import placeholders_check
from conversations.router import Step, reply_try
from conversations.rules import DEFAULT_RULES, keyword_rules_seed_default
from stores.onboarding import store_create
from tests.stores.factories import CartFactory, CartItemFactory, CustomerFactory, UserFactory

pytestmark = pytest.mark.django_db

QUESTIONS = {
    "en": ("how much is shipping?", "cart is saved"),
    "es": ("cuanto cuesta el envio?", "carrito está guardado"),
    "fr": ("frais de livraison ?", "panier est enregistré"),
    "de": ("was kostet der versand?", "Warenkorb ist hier gespeichert"),
    "it": ("quanto costa la spedizione?", "carrello è salvato"),
    "pt": ("quanto é o frete?", "carrinho está salvo"),
    "nl": ("wat zijn de verzendkosten?", "winkelwagen staat hier klaar"),
}


def test_every_default_rule_ships_a_valid_reply_in_all_seven_languages():
    for rule in DEFAULT_RULES:
        assert set(rule["replies"]) == set(LANGUAGES), rule["name"]
        for language, text in rule["replies"].items():
            placeholders_check(text, field=f"{rule['name']} {language}")  # raises on an unknown {name}
    # each language's text is its own, not the English one copied
    for rule in DEFAULT_RULES:
        others = [text for language, text in rule["replies"].items() if language != "en"]
        assert rule["replies"]["en"] not in others, rule["name"]


def test_a_new_store_answers_a_shipping_question_in_the_shoppers_language_without_a_note():
    # given a store made the way the sign-up makes one (its creation hooks seed the rules)
    store = store_create(owner=UserFactory(), name="Rule Shop", platform="custom")
    cart = CartFactory(store=store)
    CartItemFactory(cart=cart)
    assert KeywordRule.objects.for_store(store).count() == len(DEFAULT_RULES)

    for language, (question, words) in QUESTIONS.items():
        # when a shopper with that locale asks
        shopper = CustomerFactory(store=store, locale=language)
        decision = reply_try(store=store, text=question, customer=shopper)

        # then the Shipping rule answers in that language and the agent gets no "no text" note
        assert (decision.step, decision.rule.name) == (Step.RULE, "Shipping"), (language, decision.reason)
        assert decision.language == language
        assert words in decision.reply, (language, decision.reply)
        assert decision.note == ""


def test_the_seeded_reply_is_in_the_stores_own_language():
    store = store_create(owner=UserFactory(), name="Boutique", platform="custom")
    KeywordRule.objects.for_store(store).delete()
    store.default_language = "fr"
    store.save(update_fields=["default_language"])

    rules = keyword_rules_seed_default(store=store)

    by_name = {rule.name: rule for rule in rules}
    assert by_name["Discount"].reply.startswith("Bonjour {first_name}")
    assert by_name["Discount"].replies["de"].startswith("Hallo {first_name}")
