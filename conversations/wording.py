"""The router's own answers in the seven languages we text in: fallback, holding, the STOP / START / HELP
confirmations, "do you ship to …?" and the agent's note when a language has no text.

A store words them per language in flows (`Flow.replies`), and conversations reads that wording through
`hooks.REPLY_WORDING_PROVIDERS`; these are what a language without the store's own text gets.
"""

FALLBACK_REPLY = {
    "en": "I'm not sure I follow, so I've passed this to our team. Someone will text you back shortly.",
    "es": "No estoy seguro de entenderte, así que se lo he pasado a nuestro equipo. Te escribirán pronto.",
    "fr": "Je ne suis pas sûr de comprendre, j'ai transmis votre message à notre équipe. "
    "Quelqu'un vous répond très vite.",
    "de": "Ich bin nicht sicher, ob ich das richtig verstehe, deshalb habe ich es an unser Team "
    "weitergegeben. Jemand meldet sich gleich bei dir.",
    "it": "Non sono sicuro di aver capito, quindi ho passato il messaggio al nostro team. "
    "Qualcuno ti risponderà a breve.",
    "pt": "Não sei se entendi, por isso passei sua mensagem para a nossa equipe. Alguém vai"
    " responder em breve.",
    "nl": "Ik weet niet zeker of ik het goed begrijp, dus ik heb het doorgegeven aan ons team. "
    "Iemand stuurt je zo een bericht.",
}
HOLDING_REPLY = {
    "en": "Thanks! A teammate from {store} will text you shortly.",
    "es": "¡Gracias! Alguien del equipo de {store} te escribirá en breve.",
    "fr": "Merci ! Quelqu'un de l'équipe {store} vous répond très vite.",
    "de": "Danke! Jemand aus dem Team von {store} meldet sich gleich bei dir.",
    "it": "Grazie! Una persona del team di {store} ti scriverà a breve.",
    "pt": "Obrigado! Alguém da equipe da {store} vai responder em breve.",
    "nl": "Bedankt! Iemand van het team van {store} stuurt je zo een bericht.",
}
OPT_OUT_CONFIRMATION = {
    "en": "{store}: You're unsubscribed and will get no more texts from us. Reply START to resubscribe.",
    "es": "{store}: Te has dado de baja y no recibirás más mensajes. Responde START para volver.",
    "fr": "{store} : vous êtes désabonné(e) et ne recevrez plus de SMS. Répondez START pour vous réabonner.",
    "de": "{store}: Du bist abgemeldet und bekommst keine SMS mehr von uns. Antworte START, um dich wieder "
    "anzumelden.",
    "it": "{store}: sei stato disiscritto e non riceverai più messaggi. Rispondi START per"
    " iscriverti di nuovo.",
    "pt": "{store}: você foi descadastrado e não receberá mais mensagens. Responda START para voltar.",
    "nl": "{store}: je bent afgemeld en krijgt geen berichten meer van ons. Antwoord START om je weer aan te "
    "melden.",
}
OPT_IN_CONFIRMATION = {
    "en": "{store}: You're subscribed again to cart reminders (at most a few per cart). Msg & data rates may "
    "apply. Reply HELP for help, STOP to opt"
    " out.",
    "es": "{store}: Vuelves a recibir recordatorios de carrito (pocos por carrito). Pueden"
    " aplicarse tarifas. "
    "Responde AYUDA para ayuda, STOP para darte de baja.",
    "fr": "{store} : vous recevez à nouveau les rappels de panier (quelques-uns au plus). Des frais peuvent "
    "s'appliquer. AIDE pour de l'aide, STOP pour vous désabonner.",
    "de": "{store}: Du bekommst wieder Warenkorb-Erinnerungen (höchstens ein paar). Es können"
    " Gebühren "
    "anfallen. HILFE für Hilfe, STOP zum"
    " Abmelden.",
    "it": "{store}: riceverai di nuovo i promemoria del carrello (al massimo pochi). Possono essere "
    "applicati costi. AIUTO per assistenza, STOP per disiscriverti.",
    "pt": "{store}: você voltou a receber lembretes do carrinho (no máximo alguns). Podem ser cobradas "
    "tarifas. AJUDA para ajuda, STOP para sair.",
    "nl": "{store}: je krijgt weer herinneringen voor je winkelwagen (hooguit een paar). Er kunnen kosten "
    "gelden. HULP voor hulp, STOP om je af te melden.",
}
# HELP when the store's own help text is not in the shopper's language ({contact}: email / phone or site).
HELP_REPLY = {
    "en": "{store}: cart reminders by text. Help: {contact}. Msg & data rates may apply. "
    "Reply STOP to opt out.",
    "es": "{store}: recordatorios de carrito por SMS. Ayuda: {contact}. Pueden aplicarse tarifas. Responde "
    "STOP para darte de baja.",
    "fr": "{store} : rappels de panier par SMS. Aide : {contact}. Des frais peuvent s'appliquer. Répondez "
    "STOP pour vous désabonner.",
    "de": "{store}: Warenkorb-Erinnerungen per SMS. Hilfe: {contact}. Es können Gebühren anfallen. Antworte "
    "STOP zum Abmelden.",
    "it": "{store}: promemoria del carrello via SMS. Aiuto: {contact}. Possono essere applicati costi. "
    "Rispondi STOP per disiscriverti.",
    "pt": "{store}: lembretes do carrinho por SMS. Ajuda: {contact}. Podem ser cobradas tarifas. Responda "
    "STOP para sair.",
    "nl": "{store}: herinneringen voor je winkelwagen per sms. Hulp: {contact}. Er kunnen kosten gelden. "
    "Antwoord STOP om je af te melden.",
}
# "Do you ship to Canada?" answered from the store's `ships_to`.
SHIPS_TO_YES = {
    "en": "Yes, we ship to {country}! Your cart is saved here: {link}",
    "es": "¡Sí, hacemos envíos a {country}! Tu carrito te espera aquí: {link}",
    "fr": "Oui, nous livrons en/au {country} ! Votre panier vous attend ici : {link}",
    "de": "Ja, wir liefern nach {country}! Dein Warenkorb wartet hier: {link}",
    "it": "Sì, spediamo in {country}! Il tuo carrello ti aspetta qui: {link}",
    "pt": "Sim, enviamos para {country}! Seu carrinho está aqui: {link}",
    "nl": "Ja, we verzenden naar {country}! Je winkelwagen staat hier klaar: {link}",
}
SHIPS_TO_NO = {
    "en": "Sorry, we don't ship to {country} at the moment. We ship to: {ships_to}.",
    "es": "Lo sentimos, por ahora no hacemos envíos a {country}. Enviamos a: {ships_to}.",
    "fr": "Désolé, nous ne livrons pas en/au {country} pour le moment. Nous livrons : {ships_to}.",
    "de": "Leider liefern wir derzeit nicht nach {country}. Wir liefern nach: {ships_to}.",
    "it": "Purtroppo al momento non spediamo in {country}. Spediamo in: {ships_to}.",
    "pt": "Desculpe, no momento não enviamos para {country}. Enviamos para: {ships_to}.",
    "nl": "Helaas verzenden we op dit moment niet naar {country}. We verzenden naar: {ships_to}.",
}
# The note an agent sees when the bot had no text in the shopper's language.
NO_TEXT_IN_LANGUAGE_NOTE = (
    "No {language} text for {what}: answered in {fallback}. Consider a reply in {language}."
)
# The manage-texts page (FCC 2024: revocation by any reasonable means, not only by text), after HELP and
# opt-out confirmations.
MANAGE_LINK = {
    "en": "Manage texts: {url}",
    "es": "Gestiona tus mensajes: {url}",
    "fr": "Gérer vos SMS : {url}",
    "de": "SMS verwalten: {url}",
    "it": "Gestisci i messaggi: {url}",
    "pt": "Gerenciar mensagens: {url}",
    "nl": "Berichten beheren: {url}",
}
