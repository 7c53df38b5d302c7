"""The pre-written flow every store starts with, and the words the renderer fills in, per language.

Every text here stays inside GSM-7 (no ç, á, ó, ú, ê, curly quotes or dashes) so a nudge costs one or two
segments, not three: a single UCS-2 character halves what fits in a segment.
"""

from decimal import Decimal

LANGUAGES = ("en", "es", "fr", "de", "it", "nl", "pt")

FIRST_STEP_DELAY_MINUTES = 45
SECOND_STEP_DELAY_MINUTES = 24 * 60
DEFAULT_DISCOUNT_CODE = "COMEBACK10"
DEFAULT_DISCOUNT_PERCENT = Decimal(10)

FIRST_STEP_TEMPLATES = {
    "en": "Hi {first_name}, it's {store}. You left {product} in your cart. "
    "Any questions before you decide? {link}",
    "es": "Hola {first_name}, somos {store}. Dejaste {product} en tu carrito. ¿Tienes alguna duda? {link}",
    "fr": "Bonjour {first_name}, ici {store}. Vous avez laissé {product} dans votre panier. "
    "Une question avant de vous décider ? {link}",
    "de": "Hallo {first_name}, hier ist {store}. Du hast {product} im Warenkorb gelassen. "
    "Hast du noch Fragen? {link}",
    "it": "Ciao {first_name}, siamo {store}. Hai lasciato {product} nel carrello. "
    "Hai qualche domanda? {link}",
    "nl": "Hoi {first_name}, met {store}. Je hebt {product} in je winkelwagen laten staan. "
    "Heb je nog vragen? {link}",
    "pt": "Oi {first_name}, aqui é a {store}. Deixou {product} no seu carrinho. "
    "Posso ajudar em alguma coisa? {link}",
}

# The offer is a sentence of its own: when it is withheld (one offer per person, "only when needed") the
# placeholder engine drops that sentence and the rest of the text still reads well.
SECOND_STEP_TEMPLATES = {
    "en": "Hi {first_name}, {store} again. You still have {product} in your cart. "
    "Code {discount_code} takes 10% off until {code_expires}. {link} What's holding you back?",
    "es": "Hola {first_name}, {store} otra vez. Sigues teniendo {product} en tu carrito. "
    "Con {discount_code} tienes un 10% de descuento hasta el {code_expires}. {link} ¿Te ayudo con algo?",
    "fr": "Bonjour {first_name}, encore {store}. Vous avez toujours {product} dans votre panier. "
    "-10% avec le code {discount_code} jusqu'au {code_expires}. {link} Qu'est-ce qui vous fait hésiter ?",
    "de": "Hallo {first_name}, nochmal {store}. Du hast noch {product} im Warenkorb. "
    "Mit dem Code {discount_code} sparst du 10% bis zum {code_expires}. {link} Was hält dich zurück?",
    "it": "Ciao {first_name}, di nuovo {store}. Hai ancora {product} nel carrello. "
    "Con il codice {discount_code} hai il 10% di sconto fino al {code_expires}. {link} Posso aiutarti?",
    "nl": "Hoi {first_name}, nog een keer {store}. Je hebt {product} nog in je winkelwagen. "
    "Met code {discount_code} krijg je 10% korting tot {code_expires}. {link} Kan ik ergens mee helpen?",
    "pt": "Oi {first_name}, de novo a {store}. Ainda tem {product} no seu carrinho. "
    "Use o cupom {discount_code} e ganhe 10% de desconto até {code_expires}. {link} Posso ajudar?",
}

# What {product} says when the cart has no item titles.
PRODUCT_FALLBACK = {
    "en": "a few items",
    "es": "algunos productos",
    "fr": "quelques articles",
    "de": "ein paar Artikel",
    "it": "qualche articolo",
    "nl": "een paar artikelen",
    "pt": "alguns produtos",
}

# "{product} + 2 more" when the cart holds more than one line.
MORE_ITEMS = {
    "en": "+ {n} more",
    "es": "+ {n} otros",
    "fr": "+ {n} autres",
    "de": "+ {n} weitere",
    "it": "+ altri {n}",
    "nl": "+ {n} andere",
    "pt": "+ {n} outros",
}

# What {price_drop} says when an item of the cart costs less now than when it was left (flows.stock).
PRICE_DROP = {
    "en": "{product} is now {now} (was {was}).",
    "es": "{product} ahora cuesta {now} (antes {was}).",
    "fr": "{product} est maintenant à {now} (au lieu de {was}).",
    "de": "{product} kostet jetzt {now} (statt {was}).",
    "it": "{product} ora costa {now} (prima {was}).",
    "nl": "{product} kost nu {now} (was {was}).",
    "pt": "{product} agora custa {now} (antes {was}).",
}

# Every automated cart text says how to stop (carriers, CTIA; CASL in Canada, for follow-ups too).
OPT_OUT_LINE = {
    "en": "Reply STOP to opt out.",
    "es": "Responde STOP para darte de baja.",
    "fr": "Répondez STOP pour vous désabonner.",
    "de": "Antworte STOP zum Abmelden.",
    "it": "Rispondi STOP per non ricevere altri messaggi.",
    "nl": "Antwoord STOP om je af te melden.",
    "pt": "Responda STOP para sair.",
}

# CTIA Messaging Principles: the first text after each new consent also says that rates may apply and how
# to get help.
DISCLOSURE_LINE = {
    "en": "Msg & data rates may apply. Reply HELP for help.",
    "es": "Pueden aplicarse tarifas de datos. Responde HELP para ayuda.",
    "fr": "Frais d'envoi possibles. Répondez HELP pour de l'aide.",
    "de": "Es können Gebühren anfallen. Antworte HELP für Hilfe.",
    "it": "Possono essere applicati costi. Rispondi HELP per aiuto.",
    "nl": "Er kunnen kosten gelden. Antwoord HELP voor hulp.",
    "pt": "Podem ser cobradas tarifas. Responda HELP para ajuda.",
}

# Sent on each new consent when the store prefers a separate confirmation to a longer first cart text.
CONSENT_CONFIRMATION = {
    "en": "{store}: You're subscribed to cart reminders by text (a few per cart at most).",
    "es": "{store}: Te has suscrito a recordatorios de carrito por SMS (pocos por carrito).",
    "fr": "{store}: Vous recevrez des rappels de panier par SMS (quelques-uns par panier au plus).",
    "de": "{store}: Du bekommst Warenkorb-Erinnerungen per SMS (höchstens wenige pro Warenkorb).",
    "it": "{store}: Sei iscritto ai promemoria del carrello via SMS (al massimo pochi per carrello).",
    "nl": "{store}: Je ontvangt winkelwagenherinneringen per sms (hooguit een paar per winkelwagen).",
    "pt": "{store}: Vai receber lembretes de carrinho por SMS (poucos por carrinho).",
}

FREE_SHIPPING_TEXT = {
    "en": "free shipping",
    "es": "envio gratis",
    "fr": "livraison offerte",
    "de": "kostenloser Versand",
    "it": "spedizione gratuita",
    "nl": "gratis verzending",
    "pt": "frete gratis",
}
