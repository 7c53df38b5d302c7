"""The gaps the blind fourth set showed, closed in general: other phrasings and the other languages.

None of these sentences is in a corpus; each family is tried in several languages, with traps beside it.
"""

import pytest

from conversations.router import Step, reply_try
from tests.conversations.test_routing_languages import _label, english_rules_store  # noqa: F401
from tests.stores.factories import CartFactory, CartItemFactory


@pytest.fixture
def route_text(english_rules_store):  # noqa: F811
    cart = CartFactory(store=english_rules_store)
    CartItemFactory(cart=cart)

    def route_text(text: str) -> str:
        return _label(reply_try(store=english_rules_store, text=text, customer=cart.customer))

    return route_text


STILL_AVAILABLE = [
    "do you still have the grey one?",
    "any left in black?",
    "¿todavía tienen la chaqueta?",
    "aún hay en azul?",
    "il en reste en bleu ?",
    "vous avez toujours la veste grise ?",
    "ist die jacke noch zu haben?",
    "ce l'avete ancora in blu?",
    "vcs ainda têm o preto?",
    "is deze nog verkrijgbaar in blauw?",
    # "still" after the thing asked about
    "habt ihr die Jacke noch in Blau?",
    "hebben jullie deze nog in het zwart?",
    "tem o preto ainda?",
    "¿tienen el negro todavía?",
    "avete la giacca ancora in blu?",
]
# "Still" about something other than a thing for sale.
STILL_BUT_NOT_STOCK = ["habt ihr heute noch geöffnet?", "hebben jullie morgen nog open?"]
CALL_ME = [
    "could someone ring me",
    "can you call me back tomorrow",
    "¿me pueden llamar?",
    "vous pouvez m'appeler svp",
    "ruft mich bitte zurück",
    "mi potete chiamare?",
    "alguém pode me ligar?",
    "kunnen jullie me bellen?",
]
CANNOT_PAY = [
    "I can't pay with my card",
    "checkout isn't working",
    "no puedo pagar con paypal",
    "je n'arrive pas à payer",
    "ich kann nicht bezahlen",
    "non riesco a pagare con la carta",
    "não consigo pagar no pix",
    "o pix não gera",
    "betalen lukt niet",
]
WHEN_DOES_IT_COME = [
    ("will I get it by friday?", "rule:Shipping"),
    ("¿lo tengo para el sábado?", "rule:Shipping"),
    ("je l'aurai avant samedi ?", "rule:Shipping"),
    ("bis wann ist es da?", "rule:Shipping"),
    ("kommt das rechtzeitig zu weihnachten?", "rule:Shipping"),
    ("per quando lo ricevo?", "rule:Shipping"),
    ("chega até sexta?", "rule:Shipping"),
    ("is het op tijd voor zaterdag?", "rule:Shipping"),
]
SIZING_AND_ITS_FALSE_FRIEND = [
    ("essa calça veste grande?", "rule:Sizing"),
    ("questi jeans vestono piccolo?", "rule:Sizing"),
    ("il vestito rosso è bellissimo", "fallback"),
    ("ho visto dei vestiti stupendi sul sito", "fallback"),
]
SLANG_THANKS = ["thx a lot 👍", "mrc bcp", "vlw, obg", "dankjwl 👍", "grz mille", "tks!!"]
# Opt-outs, and the same words that are not one.
NOTHING_MORE_TO_DO_WITH_YOU = [
    "sáquenme de aquí",
    "sácame de esto ya",
    "no quiero saber nada más de ustedes",
    "no quiero saber nada más",
    "I want nothing to do with you anymore",
    "je ne veux plus entendre parler de vous",
    "ich will nichts mehr von euch hören",
    "non voglio più sapere niente di voi",
    "não quero mais saber de vocês",
    "ik wil niks meer met jullie te maken hebben",
]
NOT_AN_OPT_OUT = [
    "sácame de dudas, ¿hacen envíos a Chile?",
    "no quiero saber nada del envío, solo el precio",
    "no quiero saber nada más del tema de tallas, solo si hay descuento",
    "je ne veux plus entendre parler de cette taille, la M va",
    "não quero saber de frete, só o preço",
    "call me when it's back, please",
]


@pytest.mark.django_db
@pytest.mark.parametrize("text", STILL_AVAILABLE)
def test_still_available_in_any_language_is_a_stock_question(route_text, text):
    assert route_text(text) == "rule:Availability"


@pytest.mark.django_db
@pytest.mark.parametrize("text", STILL_BUT_NOT_STOCK)
def test_still_about_opening_hours_is_not_a_stock_question(route_text, text):
    assert route_text(text) == Step.FALLBACK


@pytest.mark.django_db
@pytest.mark.parametrize("text", CALL_ME)
def test_asking_for_a_call_in_any_language_goes_to_a_person(route_text, text):
    assert route_text(text) == Step.ESCALATION


@pytest.mark.django_db
@pytest.mark.parametrize("text", CANNOT_PAY)
def test_not_being_able_to_pay_in_any_language_goes_to_a_person(route_text, text):
    assert route_text(text) == Step.ESCALATION


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text", ["can I pay with paypal?", "je vais me payer ce sac", "puedo pagar con pix?"]
)
def test_a_question_about_paying_is_not_a_payment_problem(route_text, text):
    assert route_text(text) != Step.ESCALATION


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "want"), WHEN_DOES_IT_COME + SIZING_AND_ITS_FALSE_FRIEND)
def test_delivery_time_and_fit_questions_without_the_obvious_word(route_text, text, want):
    assert route_text(text) == want


@pytest.mark.django_db
@pytest.mark.parametrize("text", SLANG_THANKS)
def test_thanks_in_sms_shorthand_needs_no_answer(route_text, text):
    assert route_text(text) == Step.ACKNOWLEDGEMENT


@pytest.mark.django_db
@pytest.mark.parametrize("text", NOTHING_MORE_TO_DO_WITH_YOU)
def test_wanting_nothing_more_to_do_with_the_store_is_an_opt_out(route_text, text):
    assert route_text(text) == "opt_out"


@pytest.mark.django_db
@pytest.mark.parametrize("text", NOT_AN_OPT_OUT)
def test_the_same_words_about_something_else_are_not_an_opt_out(route_text, text):
    assert route_text(text) != "opt_out"


# Issue #16: polite and indirect refusals of more texts, in general (none of set 5's sentences is here).
POLITE_OPT_OUTS = [
    "I'd rather not receive any more texts",
    "I don't want to be contacted anymore",
    "stop writing to me",
    "please delete my data",
    "enough messages already",
    "no quiero que me sigan escribiendo",
    "basta de mensajes",
    "cancelen mi registro",
    "je ne veux plus être contactée",
    "supprimez mes données svp",
    "lass mich in frieden",
    "ich möchte nicht mehr kontaktiert werden",
    "löschen sie meine daten",
    "non voglio più essere contattata",
    "cancellate i miei dati",
    "não quero mais ser incomodado",
    "apaguem meus dados",
    "ik wil niet meer benaderd worden",
    "genoeg sms'jes",
]
# The same words about an order, a size, a delivery or stock: not a refusal of texts.
POLITE_OPT_OUT_TRAPS = [
    "I'd rather not pay for shipping",
    "I'd rather not get the blue one",
    "I don't want to be charged twice",
    "stop writing to me in English please, I speak Spanish",
    "can you delete my data from the cart? the address is wrong",
    "no quiero que me escriban el nombre mal",
    "ya no me interesa el rojo, tienen azul?",
    "je ne souhaite plus la taille M, plutôt L",
    "je ne souhaite plus être livré le samedi",
    "lasst mich wissen wann es da ist",
    "ich möchte nicht mehr warten, wann kommt es?",
    "non voglio essere disturbato dal corriere di sera? consegna al mattino?",
    "non voglio più aspettare, quando arriva?",
    "cancela o pedido?",
    "não quero mais o tamanho P, troca pro M?",
    "genoeg voorraad?",
    "genoeg berichten over de levering gehad, wanneer komt het?",
]


@pytest.mark.django_db
@pytest.mark.parametrize("text", POLITE_OPT_OUTS)
def test_a_polite_refusal_of_more_texts_in_any_language_is_an_opt_out(route_text, text):
    assert route_text(text) == "opt_out"


@pytest.mark.django_db
@pytest.mark.parametrize("text", POLITE_OPT_OUT_TRAPS)
def test_the_same_polite_words_about_an_order_are_not_an_opt_out(route_text, text):
    assert route_text(text) != "opt_out"


# Issue #16: very short replies (1 to 5 words, no accents, SMS spelling), in the seven languages:
# a bare damage report (a person must see it), two-word rule questions, a stop-like verb of delight
# (never an opt-out), and "enough doubting, have you got it in X?" (a question, no anger).
# "!x" means anything but x.
# first run on 92bfb54: 63/100 right (the 13 traps beside "im broke", "link broken" and "hör auf" were
# added after the fix)
TERSE_REPLIES = [
    # en
    ("arrived broken", "escalation"),
    ("box came smashed", "escalation"),
    ("mug cracked on arrival", "escalation"),
    ("got it damaged", "escalation"),
    ("came broken, refund?", "rule:Returns"),
    ("promo code not working", "rule:Discount"),
    ("money back?", "rule:Returns"),
    ("tracking no?", "rule:Order status"),
    ("package still not here", "rule:Order status"),
    ("any sale on?", "rule:Discount"),
    ("which size should i get", "rule:Sizing"),
    ("got it in red?", "rule:Availability"),
    ("cant stop staring at them 😍", "ack"),
    ("arrived thanks", "!escalation"),
    ("broken link?", "!escalation"),
    ("stop", "opt_out"),
    ("im broke till friday", "!escalation"),
    ("link broken", "!escalation"),
    ("is it broken?", "!escalation"),
    # es
    ("llego rota", "escalation"),
    ("la caja vino aplastada", "escalation"),
    ("me llego dañado", "escalation"),
    ("vino rota, la devuelvo?", "rule:Returns"),
    ("cupon no funciona", "rule:Discount"),
    ("devolucion?", "rule:Returns"),
    ("numero de seguimiento?", "rule:Order status"),
    ("el pedido aun no llega", "rule:Order status"),
    ("hay ofertas?", "rule:Discount"),
    ("que talla me pido", "rule:Sizing"),
    ("lo tienen en verde?", "rule:Availability"),
    ("no paro de mirarlas 😍", "ack"),
    ("basta de dudas, hay en negro?", "rule:Availability"),
    ("basta ya", "opt_out"),
    ("estoy rota hoy", "!escalation"),
    # fr
    ("arrive casse", "escalation"),
    ("colis recu abime", "escalation"),
    ("la tasse est arrivee cassee", "escalation"),
    ("recu casse, remboursement?", "rule:Returns"),
    ("code promo marche pas", "rule:Discount"),
    ("rembourse?", "rule:Returns"),
    ("numero de suivi?", "rule:Order status"),
    ("colis toujours pas arrive", "rule:Order status"),
    ("des promos?", "rule:Discount"),
    ("je prends quelle taille", "rule:Sizing"),
    ("vous l'avez en noir?", "rule:Availability"),
    ("j'arrete pas de les regarder 😍", "ack"),
    ("assez hesite, vous l'avez en rouge?", "rule:Availability"),
    ("arrete", "opt_out"),
    ("je suis cassee ce soir", "!escalation"),
    # de
    ("kaputt angekommen", "escalation"),
    ("karton war zerdrueckt", "escalation"),
    ("tasse kam zerbrochen", "escalation"),
    ("kaputt angekommen, geld zurueck?", "rule:Returns"),
    ("rabattcode geht nicht", "rule:Discount"),
    ("geld zurueck?", "rule:Returns"),
    ("trackingnummer?", "rule:Order status"),
    ("paket immer noch nicht da", "rule:Order status"),
    ("gibts rabatt?", "rule:Discount"),
    ("welche groesse nehm ich", "rule:Sizing"),
    ("gibts die in schwarz?", "rule:Availability"),
    ("kann nicht aufhoeren sie anzuschauen 😍", "ack"),
    ("genug gezweifelt, habt ihr die in blau?", "rule:Availability"),
    ("hoer auf", "opt_out"),
    ("hör auf", "opt_out"),
    ("ich bin total kaputt", "!escalation"),
    ("ich hör auf zu warten, wann kommt es?", "!opt_out"),
    # it
    ("arrivato rotto", "escalation"),
    ("pacco arrivato distrutto", "escalation"),
    ("la tazza e arrivata rotta", "escalation"),
    ("arrivato rotto, rimborso?", "rule:Returns"),
    ("il codice sconto non va", "rule:Discount"),
    ("reso?", "rule:Returns"),
    ("numero di tracking?", "rule:Order status"),
    ("pacco ancora non arrivato", "rule:Order status"),
    ("ci sono sconti?", "rule:Discount"),
    ("che taglia prendo", "rule:Sizing"),
    ("ce l'avete in rosso?", "rule:Availability"),
    ("non smetto di guardarle 😍", "ack"),
    ("basta dubbi, c'e in nero?", "rule:Availability"),
    ("smettetela", "opt_out"),
    ("sono distrutta oggi", "!escalation"),
    # pt
    ("chegou quebrado", "escalation"),
    ("caixa veio amassada", "escalation"),
    ("a caneca veio trincada", "escalation"),
    ("veio quebrado, quero reembolso", "rule:Returns"),
    ("cupom nao ta funcionando", "rule:Discount"),
    ("devolucao?", "rule:Returns"),
    ("codigo de rastreio?", "rule:Order status"),
    ("encomenda ainda nao chegou", "rule:Order status"),
    ("tem promocao?", "rule:Discount"),
    ("que tamanho eu peco", "rule:Sizing"),
    ("tem em preto?", "rule:Availability"),
    ("nao paro de olhar pra elas 😍", "ack"),
    ("chega de duvida, tem em azul?", "rule:Availability"),
    ("para com isso", "opt_out"),
    ("to quebrado esse mes", "!escalation"),
    ("chega de pensar, compro amanha", "!escalation"),
    # nl
    ("kapot aangekomen", "escalation"),
    ("doos was geplet", "escalation"),
    ("mok kwam gebroken aan", "escalation"),
    ("kapot geleverd, geld terug?", "rule:Returns"),
    ("kortingscode doet het niet", "rule:Discount"),
    ("retourneren?", "rule:Returns"),
    ("track en trace?", "rule:Order status"),
    ("pakket nog steeds niet binnen", "rule:Order status"),
    ("uitverkoop?", "rule:Discount"),
    ("welke maat moet ik", "rule:Sizing"),
    ("hebben jullie hem in rood?", "rule:Availability"),
    ("kan niet stoppen met kijken 😍", "ack"),
    ("genoeg getwijfeld, hebben jullie hem in zwart?", "rule:Availability"),
    ("stop ermee", "opt_out"),
    ("ik ben kapot vandaag", "!escalation"),
    ("site kapot?", "!escalation"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "expected"), TERSE_REPLIES)
def test_a_very_short_reply_in_any_language_finds_its_reading(route_text, text, expected):
    if expected.startswith("!"):
        assert route_text(text) != expected[1:]
    else:
        assert route_text(text) == expected
