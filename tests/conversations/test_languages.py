"""Replies in seven languages: what the router reads, in which language it answers, and from which facts."""

import pytest

from conversations.languages import language_detect
from conversations.models import Message
from conversations.nlp import Text, fold
from conversations.nlp_compliance import OPT_OUT, compliance_intent
from conversations.router import Step, reply_suggest, reply_try
from conversations.rules import keyword_rule_create
from conversations.services import inbound_receive
from conversations.snooze import DATE_FORMATS, FIXED_DURATIONS, SNOOZE_CONFIRMATION, SNOOZE_PHRASES
from stores.models import SmsStatus
from tests.conversations.factories import CannedResponseFactory, MessageFactory, ThreadFactory
from tests.flows.factories import FlowFactory
from tests.stores.factories import CartFactory, CartItemFactory, CustomerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def shipping_rule(store):
    return keyword_rule_create(
        store=store, name="Shipping", keywords=["shipping", "delivery"], reply="{shipping_policy}"
    )


def _try(store, text, **customer_fields):
    customer = CustomerFactory(store=store, **customer_fields) if customer_fields else None
    return reply_try(store=store, text=text, customer=customer)


@pytest.mark.parametrize(
    ("text", "language", "words"),
    [
        ("ARRET", "fr", "désabonné"),
        ("ne m'envoyez plus de messages", "fr", "désabonné"),
        ("bitte keine SMS mehr", "de", "abgemeldet"),
        ("non scrivetemi più", "it", "disiscritto"),
        ("parem de me mandar mensagens", "pt", "descadastrado"),
        ("stuur me geen berichten meer", "nl", "afgemeld"),
        ("BAJA", "es", "dado de baja"),
    ],
)
def test_an_opt_out_in_any_language_is_confirmed_in_that_language(store, text, language, words):
    decision = _try(store, text)

    assert decision.compliance == OPT_OUT
    assert decision.language == language
    assert words in decision.reply


def test_a_bare_stop_is_confirmed_in_the_shoppers_locale_then_the_stores_language(store):
    german = _try(store, "STOP", locale="de-AT")
    store.default_language = "it"
    italian = _try(store, "STOP")

    assert (german.language, italian.language) == ("de", "it")
    assert "abgemeldet" in german.reply
    assert "disiscritto" in italian.reply


@pytest.mark.parametrize(
    "text",
    [
        "je ne peux pas arrêter de penser à cette tente",
        "ich kann nicht aufhören an die Jacke zu denken",
        "non riesco a smettere di pensare a quella giacca",
        "não consigo parar de pensar nessa jaqueta",
        "ik kan niet stoppen met denken aan die jas",
        "Lieferung bis Ende der Woche?",
        "basta che arrivi entro venerdì",
        "kunnen jullie het pakket niet meer sturen naar mijn oude adres?",
        "ich melde mich ab morgen wieder",
        "ich melde mich morgen wegen der Größe",
        "ne plus m'envoyer le colis à l'ancienne adresse svp",
        "para de chover e eu compro",
    ],
)
def test_a_compliance_word_inside_an_ordinary_sentence_is_not_an_opt_out(text):
    assert compliance_intent(Text(text)) is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("frais de livraison ?", "fr"),
        ("Versandkosten?", "de"),
        ("spedizione?", "it"),
        ("envio para Portugal?", "pt"),
        ("verzendkosten?", "nl"),
    ],
)
def test_an_english_rule_matches_the_same_question_in_other_languages(store, shipping_rule, text, language):
    store.ships_to = ["PT"]

    decision = _try(store, text)

    assert decision.step == Step.RULE
    assert decision.rule == shipping_rule
    assert (decision.language, decision.intent) == (language, "shipping")
    assert "built-in lexicon" in decision.reason or "keyword" in decision.reason


def test_false_friends_do_not_match_in_their_language(store):
    keyword_rule_create(store=store, name="Discount", keywords=["discount", "sale"], reply="At checkout.")
    keyword_rule_create(store=store, name="Shipping", keywords=["shipping"], reply="Free.")

    dirty = _try(store, "le pull est sale sur la photo ?")
    sent = _try(store, "te envío el número de pedido mañana")
    shipping = _try(store, "¿cuánto cuesta el envío?")
    english_sale = _try(store, "when does the sale end?")
    postcode = _try(store, "mijn postcode klopt niet")

    assert dirty.step == Step.FALLBACK
    assert sent.step == Step.FALLBACK
    assert (shipping.step, shipping.rule.name) == (Step.RULE, "Shipping")
    assert (english_sale.step, english_sale.rule.name) == (Step.RULE, "Discount")
    assert postcode.step == Step.FALLBACK


def test_a_country_question_is_answered_from_ships_to(store, shipping_rule):
    store.ships_to = ["US", "MX"]

    canada = _try(store, "do you ship to Canada?")
    mexico = _try(store, "¿Hacen envíos a México?")

    assert canada.step == Step.RULE
    assert "don't ship to Canada" in canada.reply
    assert "United States" in canada.reply
    assert "does not ship to Canada" in canada.reason
    assert mexico.step == Step.RULE
    assert mexico.reply.startswith("¡Sí, hacemos envíos a México!")


def test_a_country_question_without_ships_to_goes_to_a_person(store, shipping_rule):
    store.shipping_policy = "Free shipping in the US over $50."

    decision = _try(store, "do you ship to Canada?")

    assert decision.step == Step.ESCALATION
    assert decision.escalate
    assert "Free shipping" not in decision.reply
    assert "has not said where it ships" in decision.reason


def test_questions_the_facts_do_not_cover_go_to_a_person(store, shipping_rule):
    keyword_rule_create(store=store, name="Payment", keywords=["card", "payment"], reply="We take all cards.")
    store.shipping_policy = "Ships in 2 days."

    declined = _try(store, "ma carte est refusée, pourquoi ?")
    colour = _try(store, "shipping for the red one?")

    assert declined.step == Step.ESCALATION
    assert "payment problem" in declined.reason
    assert colour.step == Step.ESCALATION
    assert "colour" in colour.reason
    assert "Ships in 2 days" not in colour.reply


def test_store_facts_fill_their_placeholders_in_the_shoppers_language(store):
    store.ships_to = ["FR", "BE"]
    store.free_shipping_over = 50
    store.currency = "EUR"
    store.return_days = 30
    keyword_rule_create(
        store=store,
        name="Shipping",
        keywords=["shipping"],
        reply="We ship to {ships_to}, free over {free_shipping_over}; {return_days} days to return.",
        replies={
            "fr": "Livraison : {ships_to}, offerte dès {free_shipping_over}, retours {return_days} jours."
        },
    )

    english = _try(store, "shipping?")
    french = _try(store, "combien coûte la livraison ?")

    assert english.reply == "We ship to France, Belgium, free over €50.00; 30 days to return."
    assert french.reply == "Livraison : France, Belgique, offerte dès 50,00 €, retours 30 jours."


def test_fallback_and_holding_replies_are_in_the_shoppers_language(store):
    FlowFactory(store=store, replies={"holding": {"de": "Moment, {store} meldet sich."}})

    italian = _try(store, "il tessuto è morbido o ruvido?")
    german = _try(store, "ich möchte mit einem Menschen sprechen")

    assert italian.step == Step.FALLBACK
    assert italian.reply.startswith("Non sono sicuro di aver capito")
    assert german.step == Step.ESCALATION
    assert german.reply == f"Moment, {store.name} meldet sich."


def test_without_a_text_in_the_shoppers_language_the_store_language_answers_and_the_agent_is_told(
    store, shipping_rule
):
    store.shipping_policy = "Free over $50."
    store.save()
    CustomerFactory(store=store, phone="+4915112345678", sms_status=SmsStatus.SUBSCRIBED)

    result = inbound_receive(store=store, from_phone="+4915112345678", body="Was kostet der Versand?")

    inbound = Message.objects.get(direction="in")
    assert result.decision.reply == "Free over $50."
    assert (inbound.language, inbound.route) == ("de", "rule")
    assert inbound.note.startswith('No German text for rule "Shipping": answered in English')


def test_a_rule_reply_written_in_the_shoppers_language_is_used(store):
    keyword_rule_create(
        store=store,
        name="Shipping",
        keywords=["shipping"],
        reply="Free.",
        replies={"nl": "Gratis verzending."},
    )

    decision = _try(store, "wat zijn de verzendkosten?")

    assert (decision.reply, decision.note) == ("Gratis verzending.", "")


def test_a_rules_own_word_list_replaces_the_built_in_one_for_its_language(store):
    keyword_rule_create(
        store=store, name="Shipping", keywords=["shipping"], reply="Free.", lexicon={"fr": ["colis"]}
    )

    livraison = _try(store, "frais de livraison pour la France ?")
    colis = _try(store, "mon colis arrive quand ?")
    german = _try(store, "Versandkosten?")

    assert livraison.step == Step.FALLBACK
    assert colis.step == Step.RULE
    assert german.step == Step.RULE


def test_the_language_falls_back_to_the_locale_then_the_store():
    short = Text("ok")

    assert language_detect(short, locales=("pt-BR",), store_language="fr").language == "pt"
    assert language_detect(short, locales=("",), store_language="fr").language == "fr"
    assert language_detect(short, locales=("xx",), store_language="zz").language == "en"
    assert language_detect(Text("Wo ist meine Bestellung?"), locales=("fr",)).language == "de"


def test_the_inbox_suggests_the_rules_answer_or_a_canned_reply_in_the_shoppers_language(store):
    keyword_rule_create(
        store=store, name="Shipping", keywords=["shipping"], reply="Free.", replies={"es": "Envío gratis."}
    )
    CannedResponseFactory(store=store, title="Talla", body="Hola {first_name}, la talla M es la más vendida.")
    shipping = ThreadFactory(store=store, customer__first_name="Lucía")
    MessageFactory(thread=shipping, body="¿cuánto cuesta el envío?")
    sizing = ThreadFactory(store=store, customer__first_name="Lucía")
    MessageFactory(thread=sizing, body="¿la chaqueta es impermeable? gracias")

    rule_suggestion = reply_suggest(store=store, thread=shipping)
    canned_suggestion = reply_suggest(store=store, thread=sizing)

    assert (rule_suggestion.language_name, rule_suggestion.reply) == ("Spanish", "Envío gratis.")
    assert rule_suggestion.source == 'rule "Shipping"'
    assert canned_suggestion.reply == "Hola Lucía, la talla M es la más vendida."


def test_snooze_phrases_of_the_four_other_languages_are_read_and_an_opt_out_still_wins():
    import re

    examples = {
        "es": "ahora no, escribeme la proxima semana",
        "it": "non ora, scrivimi tra due settimane",
        "pt": "agora nao, me lembra semana que vem",
        "nl": "niet nu, stuur me volgende week",
    }
    for language, text in examples.items():
        pattern = re.compile("|".join(SNOOZE_PHRASES[language]))
        assert pattern.search(" ".join(Text(text).words)), language
        assert compliance_intent(Text(text)) is None
        assert set(FIXED_DURATIONS[language])
        assert "STOP" in SNOOZE_CONFIRMATION[language]
        assert DATE_FORMATS[language]
    assert compliance_intent(Text("ahora no, y no me escriban más")).kind == OPT_OUT
    assert fold("Ne m'écrivez plus") == "ne m ecrivez plus"


def test_the_try_api_and_page_explain_language_intent_and_word(
    client, owner, api_client, store, shipping_rule
):
    cart = CartFactory(store=store)
    CartItemFactory(cart=cart)
    client.force_login(owner)

    api = api_client.post(
        f"/api/v1/stores/{store.id}/keyword-rules/try/", {"text": "Versandkosten?"}, format="json"
    ).json()
    page = client.get(f"/dashboard/{store.id}/rules/try/", {"text": "Versandkosten?"}).content.decode()

    assert (api["language"], api["intent"], api["matched"]) == ("de", "shipping", "versandkosten")
    assert api["reason"] == 'shipping word "versandkosten" (de, built-in lexicon) of rule "Shipping"'
    assert "German (from the text" in page
    assert "versandkosten" in page


def test_help_is_answered_in_the_shoppers_language_with_the_stores_contact(store):
    store.contact_email = "hilfe@shop.example"
    store.help_text = "Shop: help@shop.example. Reply STOP to opt out."

    german = _try(store, "HILFE")
    english = _try(store, "HELP")
    store.contact_email = ""
    store.website_url = ""
    bare = _try(store, "AIUTO")

    assert german.reply.startswith(
        f"{store.name}: Warenkorb-Erinnerungen per SMS. Hilfe: hilfe@shop.example."
    )
    assert english.reply == "Shop: help@shop.example. Reply STOP to opt out."
    assert bare.reply == (
        f"{store.name}: promemoria del carrello via SMS. Possono essere applicati costi. Rispondi STOP per "
        "disiscriverti."
    )
