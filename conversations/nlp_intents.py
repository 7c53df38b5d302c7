"""What a reply means before any merchant rule sees it: opt-out, opt-in, help, "a person please", anger, "ok".

The opt-out reading follows the FCC's 2024 rule (revocation "by any reasonable means"): the carrier keywords
count when they are the point of a sentence ("STOP", "stop please", "Stop. Already bought it"), plain-language
requests count as phrases ("stop texting me", "remove me from your list", "no me escribas más"), and a keyword
inside an ordinary sentence does not ("I can't stop thinking about that jacket").
"""

import re
from collections.abc import Set
from dataclasses import dataclass
from functools import cache

from rapidfuzz.distance import OSA
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from .lexicon import COLOURS
from .nlp import Text, fold
from .nlp_courtesy import is_acknowledgement as is_acknowledgement
from .nlp_lexicon import order_number_in
from .nlp_payment import payment_trouble

OPT_OUT = "opt_out"
OPT_IN = "opt_in"
HELP = "help"


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Carrier opt-out keywords (Twilio's defaults, CTIA, and the words carriers honour in our other languages:
# ARRET in France, STOPP in Germany, AFMELDEN in the Netherlands). These also opt out inside a longer message
# when they make a clause of their own ("Stop!! I already ordered", "ARRÊT svp").
STRONG_OPT_OUT_BY_LANGUAGE = {
    "en": {"stop", "stopall", "unsubscribe", "optout", "revoke", "unsuscribe", "unsub"},
    "fr": {"arret", "desabonner", "desabonnement", "desinscription", "desinscrire"},
    "de": {"stopp", "abmelden", "abbestellen", "austragen"},
    "it": {"disiscrivimi", "disiscrivere", "cancellami", "disdici"},
    "pt": {"descadastrar", "descadastre", "descadastro"},
    "nl": {"afmelden", "uitschrijven", "uitschrijving"},
}
# Common words too: only the whole message opts out ("cancel" yes, "cancel, I'll buy in store" no).
WEAK_OPT_OUT_BY_LANGUAGE = {
    "en": {"cancel", "end", "quit"},
    "es": {"baja", "parar", "alto", "cancelar", "detener", "basta"},
    "fr": {"arrete", "arreter", "arretez", "stoppez", "fin", "annuler"},
    "de": {"ende", "aufhoren", "beenden", "kundigen"},
    "it": {"basta", "annulla", "cancella", "fermati", "smettila"},
    "pt": {"parar", "pare", "parem", "cancelar", "sair", "chega"},
    "nl": {"stoppen", "opzeggen", "uitzetten"},
}
STRONG_OPT_OUT = set().union(*STRONG_OPT_OUT_BY_LANGUAGE.values())
WEAK_OPT_OUT = set().union(*WEAK_OPT_OUT_BY_LANGUAGE.values())
OPT_IN_BY_LANGUAGE = {
    "en": {"start", "unstop"},
    "fr": {"demarrer"},
    "de": {"anmelden"},
    "pt": {"iniciar"},
    "nl": {"aanmelden"},
}
OPT_IN_WORDS = set().union(*OPT_IN_BY_LANGUAGE.values())
HELP_BY_LANGUAGE = {
    "en": {"help", "info"},
    "es": {"ayuda"},
    "fr": {"aide"},
    "de": {"hilfe"},
    "it": {"aiuto"},
    "pt": {"ajuda"},
    "nl": {"hulp"},
}
HELP_WORDS = set().union(*HELP_BY_LANGUAGE.values())
RESERVED_WORDS = STRONG_OPT_OUT | WEAK_OPT_OUT | OPT_IN_WORDS | HELP_WORDS

# Words that travel with a keyword without changing what it asks: "STOP please", "ARRET svp", "STOPP bitte".
_FILLER = _wordset(
    "please pls plz plez now ok okay thanks thank thx ty you just all it this these that them texts "
    "text texting messages message msgs msg sms me my number already i said seriously asap right "
    "immediately again no nope not interested sorry por favor ya gracias mensajes yes hi hello hey "
    "lol wrong from list for to out opt the sending "
    "svp stp merci oui non tout tous maintenant bonjour moi s il vous plait "
    "bitte danke jetzt sofort ja nein hallo alles alle mir von vom "
    "per favore grazie ora adesso si ciao tutto tutti messaggi "
    "obrigado obrigada agora sim nao oi ola tudo todos mensagens "
    "alsjeblieft aub dank bedankt nu ja nee hoi hallo alles berichten graag maar even nou ermee daarmee "
    "porfa plis xfa pf pfv favor subito mal endlich"
)
_FILLER_OPT_IN = {"please", "pls", "now", "again", "ok", "okay", "thanks", "yes", "me", "texts", "back", "hi"}
_FILLER_HELP = _wordset(
    "please pls me i need hi hello por favor svp s il vous plait bitte per favore alsjeblieft aub "
    "j ai besoin d ich brauche preciso de ho bisogno di ik heb nodig"
)
_NEGATIONS = _wordset(
    "dont not never didnt doesnt wont cant nunca ne pas nicht kein nie non mai nao niet nooit"
)
_KEYWORD_LANGUAGE = {
    word: language
    for table in (WEAK_OPT_OUT_BY_LANGUAGE, STRONG_OPT_OUT_BY_LANGUAGE, OPT_IN_BY_LANGUAGE, HELP_BY_LANGUAGE)
    for language, words in table.items()
    for word in words
}
# "basta" and "parar", "cancelar" are words of two languages: the keyword does not decide the language.
_SHARED_KEYWORDS = {"basta", "parar", "cancelar"}

# Plain-language revocations, matched on folded text (no accents, no apostrophes, lower case).
_VERB = (
    r"(?:text|txt|message|msg|messag|contact|email|mail|spam|bother|call|send|writ|escrib|mand|envi|molest)"
)
_REVOCATION_PATTERNS = [
    r"\bstop(?:p?ing)? (?:\w+ )?(?:texting|txting|texing|messaging|msging|contacting|spamming|bothering|"
    r"sending|emailing|calling|with the (?:texts|messages))\b",
    r"\bstop (?:the|these|those|your|all|all the|all these|all of these|ur) (?:\w+ )?"
    r"(?:texts|messages|msgs|sms|spam|notifications|reminders)\b",
    r"\b(?:dont|do not|never|pls dont|please dont|quit) (?:ever )?" + _VERB + r"\w* (?:me|us|this number)\b",
    r"\b(?:remove|delete|erase|unlist) (?:me|my (?:number|phone|info|contact)|this number)"
    r"(?! from (?:the|my) (?:cart|order|bag))\b",
    r"\b(?:take|drop|get|cross) (?:me|my number|this number) (?:off|out of)\b",
    r"\b(?:lose|delete|forget) my (?:number|phone number|info)\b",
    r"\b(?:unsubscribe|unsuscribe|unsub|opt me out|opt out|optout|stopall)\b",
    r"\b(?:no|dont send|i dont want|i do not want|i dont need) (?:any )?(?:more|further) "
    r"(?:texts|messages|msgs|sms)\b",
    r"\b(?:i )?(?:dont|do not|no longer) (?:want|need|wish to (?:get|receive)|like) (?:your |these |those |"
    r"any "
    r"|ur |the |any more |all these |all the )?(?:texts|messages|msgs|sms|reminders|notifications)\b"
    r"(?! (?:about|on|regarding|for) )",
    # "I want to be removed", "ik wil afgemeld worden", "möchte abgemeldet werden", "voglio essere rimosso"
    r"\b(?:want|like|wish) to be (?:removed|unsubscribed|taken off)\b",
    r"\bleave me alone\b",
    r"\b(?:i )?(?:want|want to have) nothing (?:more )?to do with (?:you|your store|this store)\b",
    r"\bwrong (?:number|person)\b",
    r"\bhow did (?:you|u|ya|yall|you guys) (?:even )?get (?:my|this) (?:number|phone number|contact|info)\b",
    # Polite refusals of more contact; "I'd rather not pay for shipping" names no texts and is no refusal.
    r"\b(?:rather|prefer) not (?:to )?(?:get|receive|have) (?:these|those|them|(?:any ?more|further|your|ur|"
    r"these|those|any) (?:texts|messages|msgs|sms|reminders|notifications))\b",
    r"\b(?:dont|do not|rather not|prefer not to|no longer) (?:want to |wish to |like to )?be (?:contacted|"
    r"texted|messaged|bothered|disturbed)(?=$| anymore| any more| again| by (?:you|your store|this store)|"
    r" thanks| thank you| please| pls)",
    # "stop writing to me in English" asks for another language, not for silence.
    r"\bstop (?:writing|texting|messaging) (?:to )?(?:me|us)\b(?! in )",
    r"\b(?:delete|erase|remove|wipe) (?:all )?my (?:data|details|personal (?:data|details|information)|"
    r"information)\b(?! (?:from|in|on) (?:the|my) (?:cart|order|bag|checkout))",
    # "cancel my subscription" opts out: CANCEL is a carrier keyword and, in a text thread, the shopper's
    # subscription is to these texts (CTIA reviewers read it so). A shopper who meant a product subscription
    # loses reminders only, and the confirmation says how to come back (START); a missed revocation is a
    # violation. "cancel my order" names an order and is not an opt-out.
    r"\bcancel(?:ling)? (?:my |the |this |your |ur )?(?:registration|subscription|sign ?up|texts? "
    r"subscription|"
    r"sms subscription)\b",
    r"\b(?:im|i am) (?:so |really )?done with (?:these|the|your|ur|all these|all the|all your) "
    r"(?:texts|messages|msgs|sms|reminders)\b",
    r"^(?:\w+ )?enough (?:of )?(?:the |your |these |ur )?(?:texts|messages|msgs|sms)\b(?! about)",
]
_REVOCATION_PATTERNS_ES = [
    r"\bno me (?:escribas|escriban|mandes|manden|envies|envien|contacten|contactes|molesten|molestes)\b",
    r"\b(?:dar|darme|denme|dame|deme) de baja\b",
    r"\bno (?:quiero|deseo) (?:recibir )?(?:mas )?(?:mensajes|textos|sms|promociones|ofertas|publicidad|"
    r"notificaciones|recordatorios|nada mas|nada)\b(?! (?:de|del|sobre|con) )",
    r"\bno mas (?:mensajes|textos|sms)\b",
    r"\bya no (?:me )?(?:escriban|escribas|manden|mandes|envien|envies)\b",
    r"\b(?:borr|elimin|quit|sac|saqu)(?:a|e|en|ar|ame|eme|enme|arme) "
    r"(?:mi numero|de (?:la|su|tu|esta|vuestra|sus|vuestros|tus) (?:lista|listas|base de datos|contactos|"
    r"registros|difusion))\b",
    # "sáquenme de esto", but not "sácame de dudas" (tell me).
    r"\b(?:sac|saqu|quit|borr)(?:ame|eme|enme|arme) de (?:esto|aqui|aca|ahi|todo esto|todo eso|ahi)\b",
    # "no quiero saber nada (más) de ustedes"; "no quiero saber nada del envío" asks something else.
    r"\bno (?:quiero|queremos) saber (?:mas )?nada (?:mas )?de (?:ustedes|uds|usted|ud|ti|vos|vosotros|"
    r"esto|esta tienda|su tienda|tu tienda|sus mensajes|tus mensajes)\b",
    r"\bno (?:quiero|queremos) saber (?:mas )?nada(?: mas)?$",
    # "baja" the opt-out, not "baja el precio" (lowers), "temporada baja", "talla baja".
    r"(?<!temporada )(?<!talla )(?<!calidad )(?<!mas )(?<!muy )(?<!presion )\bbaja\b"
    r"(?! (?:de |el |la |los |las |un |una )?(?:precio|precios|costo|costos|coste|talla|tallas|temporada|"
    r"calidad|"
    r"stock|poco|un poco|mas|hasta|al|en)\b)",
    r"\bnumero equivocado\b",
    r"\b(?:dejen|deja|dejame|dejenme) (?:de (?:escribir|mandar|enviar)\w*|en paz)\b",
    # "no quiero que me vuelvan a escribir", but not "no quiero que me escriban el nombre mal".
    r"\bno (?:quiero|deseo|queremos) que (?:me|nos) (?:vuelvan|vuelvas|vuelva) a (?:escribir|mandar|enviar|"
    r"contactar|molestar|llamar)\b",
    r"\bno (?:quiero|deseo|queremos) que (?:me|nos) (?:sigan|sigas|siga) (?:escribiendo|mandando|enviando|"
    r"contactando|molestando)\b",
    r"\bno (?:me |nos )?(?:escriban|escribas|manden|mandes|envien|envies|contacten|contactes)(?: nada)? "
    r"mas\b",
    r"\bno (?:quiero|deseo) (?:que me (?:escriban|contacten|molesten|escribas|contactes|manden|envien)|"
    r"(?:volver a )?ser (?:contactad|molestad)[oa]s?)(?: mas| nunca mas)?"
    r"(?: (?:por|a) (?:aqui|aca|este medio|este numero|sms|mensaje|whatsapp|aca))?"
    r"(?: gracias| por favor| porfa| porfavor)?$",
    r"\b(?:paren|pare|parale|dejen|deja|deje|dejad) (?:ya )?de (?:escribir|mandar|enviar|molestar|contactar|"
    r"spamear)(?:me|nos)?\b(?! (?:el|la|los|las|un|una) (?:pedido|paquete|producto|articulo))",
    r"\bcancel(?:ar|a|en|o) (?:la |mi )?(?:suscripcion|subscripcion|inscripcion)\b",
    # "elimínenme", "bórrenme ya", but "elimíname el gorro del carrito" is about the cart.
    r"\b(?:eliminenme|eliminame|elimineme|borrenme|borrame|borreme|quitenme|quitame|saquenme|sacame)"
    r"(?: (?:por favor|porfa|ya|ahora|gracias|de (?:la|su|tu|sus|vuestra|esta) (?:lista|listas|base de "
    r"datos)))*$",
    r"\b(?:paren|para|pare|parale|basta|dejen|deja) (?:ya )?(?:con|de) "
    r"(?:los |tus |sus |estos |esos |tantos )?(?:mensajes|mensajitos|textos|sms)\b",
    r"\b(?:borr|elimin)(?:en|a|e|ar) (?:todos )?mis datos\b",
    r"\b(?:cancel|borr|elimin)(?:en|a|e|ar) mi (?:registro|suscripcion|inscripcion)\b",
]
_MESSAGES_FR = r"(?:messages?|sms|textos?|texto|notifications?|rappels?|relances?|pubs?)"
_REVOCATION_PATTERNS_FR = [
    r"\b(?:ne )?(?:m|me|nous) (?:envoyez|envoie|envoies|envoyer|ecrivez|ecris|ecrire|contactez|contacte|"
    r"spammez|harcelez|relancez) (?:\w+ )?plus\b",
    r"\barret(?:ez|e|er)? (?:de |d )?(?:m |me |nous )?(?:envoyer|ecrire|contacter|spammer"
    r"|harceler|relancer)\b",
    r"\barret(?:ez|e|er)? (?:les|vos|ces|tes|avec les|avec vos) " + _MESSAGES_FR + r"\b",
    r"\b(?:je )?(?:ne )?(?:veux|souhaite|desire) (?:plus|pas|aucun|aucune) (?:\w+ ){0,2}"
    + _MESSAGES_FR
    + r"\b",
    r"\bplus (?:de |d )?" + _MESSAGES_FR + r"\b",
    r"\b(?:stop|assez|marre) (?:a |aux |de |des |avec )?(?:vos |ces |les )?" + _MESSAGES_FR + r"\b",
    r"\bdes(?:abonn|inscri)\w*\b",
    r"\b(?:retirez|supprimez|enlevez|effacez|rayez|sortez|oubliez|oublie) (?:moi|mon numero|mon num)\b",
    r"\blaissez moi tranquille|\bfoutez moi la paix|\blachez moi\b",
    r"\bannul\w* (?:mon |l |mon |cet |l )?(?:abonnement|inscription)(?: (?:aux|des) (?:sms|messages))?\b",
    r"\bne (?:veux|voulons) plus (?:entendre parler|rien savoir) de vous\b",
    r"\b(?:mauvais|faux) numero\b",
    r"\b(?:veux|souhaite|desire|voudrais|souhaiterais) (?:plus|pas|plus jamais) (?:etre|qu on me) "
    r"(?:re)?(?:contacte|derange|sollicite|relance|ecrive|harcele)e?s?\b"
    r"(?! par (?:le|la|les|un|une) (?:livreur|livreuse|transporteur|facteur|coursier))",
    r"\b(?:supprimez|effacez|supprime|efface|supprimer|effacer) (?:toutes )?mes (?:donnees|coordonnees|infos|"
    r"informations)\b",
    r"\bne plus (?:m|me|nous) (?:envoyer|ecrire|contacter|relancer|spammer|harceler)\b"
    r"(?! (?:le|la|les|mon|ma|mes|ce|cette|au) (?:colis|commande|paquet|article|produit|facture))",
]
_MESSAGES_DE = r"(?:sms|nachrichten|nachricht|mitteilungen|textnachrichten|texte|werbung|erinnerungen)"
_REVOCATION_PATTERNS_DE = [
    r"\bkeine (?:\w+ )?" + _MESSAGES_DE + r" mehr\b",
    r"\b" + _MESSAGES_DE + r" (?:bitte )?(?:abbestellen|abmelden|stoppen|beenden)\b",
    r"\b(?:schreib|schreibt|schreiben sie|schick|schickt|kontaktiert|meldet euch|melden sie sich) "
    r"(?:mir|mich|uns|bei mir) (?:\w+ )?(?:nie wieder|nie mehr|nimmer)\b",
    r"\b(?:abgemeldet|ausgetragen|entfernt|geloscht) (?:werden|zu werden)\b",
    r"\b(?:abo|abonnement|anmeldung) (?:\w+ )?(?:kundigen|beenden|loschen|stornieren)\b",
    r"\b(?:schreib|schreiben|schick|schicken|sende|senden) (?:sie )?(?:mir|uns) (?:\w+ )?(?:nicht|nie|keine) "
    r"(?:\w+ )?mehr\b",
    r"\b(?:schreib|schreibt|schreiben|schick|schicken|sende|senden|kontaktier\w*) (?:sie )?(?:mir|mich|uns) "
    r"nicht mehr\b",
    r"\b(?:hor|hort|horen|horen sie) (?:bitte )?auf(?: damit)?,? (?:mir|mich) (?:\w+"
    r" ){0,2}(?:schreiben|schicken|"
    r"senden|kontaktieren|zu schreiben|zu schicken|zu kontaktieren|anzuschreiben|zuzuspammen|zu nerven|"
    r"zu belastigen|zu simsen)\b",
    r"\b(?:hor|hort|horen|horen sie) (?:bitte )?(?:endlich )?auf (?:mir |mich )?(?:zu )?(?:schreiben|simsen|"
    r"spammen|nerven|kontaktieren|texten)\b",
    r"\b(?:stopp|stoppt|stoppen sie|stop) (?:die|diese|eure|ihre|deine|alle|mit den|mit diesen) (?:\w+ )?"
    + _MESSAGES_DE
    + r"\b",
    r"^(?:\w+ ){0,2}nicht mehr (?:schreiben|anschreiben|schicken|senden|kontaktieren|simsen|smsen|belastigen|"
    r"nerven)\b(?! (?:an|nach|zu) )",
    r"\b(?:nehmt|nimm|nehmen sie|streicht|streich|loscht|losch|entfernt|tragt) (?:mich|meine nummer) "
    r"(?:bitte )?"
    r"(?:aus|von) (?:dem|der|eurem|eurer|ihrem|ihrer|deinem|deiner|diesem|dieser) (?:\w+ )?(?:verteiler|"
    r"liste|"
    r"kartei|newsletter|datenbank|system|sms liste|smsliste)\b",
    r"\baufhoren (?:mir|mich) (?:zu )?(?:schreiben|schicken|kontaktieren)\b",
    r"\b(?:melden|tragen|nehmen|streichen|loschen|entfernen) sie (?:mich|meine nummer)(?: \w+)?"
    r"(?: (?:ab|aus))?\b",
    r"\b(?:losch|losche|loscht|entfern|entferne|entfernt|streich|streicht) "
    r"(?:mich|meine nummer|meine daten)\b",
    # "ich melde mich ab morgen wieder" is "from tomorrow", not a sign-off.
    r"\b(?:melde|meldet|trag|tragt|nimm|nehmt) (?:mich|meine nummer) (?:\w+ ){0,3}(?:ab|aus|raus)\b"
    r"(?! (?:morgen|ubermorgen|heute|jetzt|sofort|montag|dienstag|mittwoch|donnerstag|freitag|samstag|"
    r"sonntag|nachster|nachste|nachsten|dem|der|\d))",
    r"\bmich (?:bitte )?(?:abmelden|austragen|entfernen|loschen)\b",
    r"\b(?:will|mochte|mochten|wollen) (?:nichts|nix) mehr (?:\w+ )?(?:bekommen|erhalten|kriegen|horen|"
    r"zugeschickt bekommen)\b",
    r"\bmeine nummer (?:bitte )?(?:loschen|entfernen|streichen)\b",
    r"\blass(?:en sie| mich| uns)? (?:mich )?in ruhe\b",
    # "lasst mich endlich in frieden"; "lasst mich wissen" asks to be told.
    r"\blass(?:t|en sie|en)? (?:mich|uns) (?:\w+ ){0,2}in (?:ruhe|frieden)\b",
    r"\b(?:will|mochte|mochten|wollen) (?:\w+ )?nicht mehr (?:kontaktiert|angeschrieben|belastigt|gestort|"
    r"angerufen|angesimst) werden\b",
    r"\b(?:loschen|entfernen) sie (?:bitte )?(?:alle )?meine daten\b",
    r"^(?:\w+ )?genug (?:mit )?(?:den |euren |ihren |diesen |deinen )?"
    + _MESSAGES_DE
    + r"\b(?! (?:uber|zu|zur|zum))",
    r"\b(?:will|mochte) (?:nichts|nix) mehr von (?:euch|ihnen|dir) (?:horen|wissen)\b",
    r"\bfalsche nummer\b",
    r"\b(?:aus|von) (?:dem|eurem|ihrem|deinem|der|eurer|ihrer|dieser|diesem) (?:sms )?"
    r"(?:verteiler|liste|mailingliste|newsletter|sms liste)\b (?:\w+ )?(?:nehmen|streichen|loschen|entfernen|"
    r"austragen|raus)\b",
    r"\bwill (?:keine|nichts mehr|kein) (?:\w+ )?" + _MESSAGES_DE + r"\b",
]
_MESSAGES_IT = r"(?:messaggi|messaggio|sms|notifiche|promemoria|whatsapp)"
_REVOCATION_PATTERNS_IT = [
    r"\bnon (?:mi |ci )?(?:scrivetemi|scrivermi|scrivete|scrivere|mandatemi|mandate|mandarmi"
    r"|inviatemi|"
    r"inviate|inviarmi|contattatemi|contattate|contattarmi|scrivimi|mandarmi|mandami|cercatemi)"
    r" (?:\w+ )?piu\b",
    r"\bnon (?:voglio|desidero) (?:piu )?(?:ricevere )?(?:piu )?(?:altri )?" + _MESSAGES_IT + r"\b",
    r"\bbasta (?:con )?(?:i |questi |coi |con i |con questi |vostri |tuoi )?" + _MESSAGES_IT + r"\b",
    r"\b(?:smettete|smettila|smetti|smettetela) (?:di )?(?:scrivermi|mandarmi|contattarmi|inviarmi|"
    r"scrivere|mandare)\b",
    r"\b(?:cancellatemi|cancellami|toglietemi|toglimi|rimuovetemi|rimuovimi|disiscrivetemi|disiscrivimi)\b",
    r"\bdisiscri\w*\b",
    r"\bnon (?:scrivetemi|mandatemi|contattatemi|inviatemi|cercatemi|scrivermi|mandarmi|contattarmi)\b"
    r"(?! (?:in|su|via|al|alla|a|prima|dopo|le|la|il) )",
    r"\bannull\w* (?:la |l |mia |l mia )?(?:iscrizione|sottoscrizione|registrazione)\b",
    r"\bessere (?:cancellat|rimoss|tolt)[oa] dalla (?:lista|vostra lista|mailing list)\b",
    r"\b(?:smettete|smettila|smetti|smettetela|finitela|piantatela|basta) (?:con|coi|col) (?:questi |i |"
    r"tutti "
    r"questi |sti |st |vostri |tuoi )?" + _MESSAGES_IT + r"\b",
    r"\b(?:cancellate|togliete|rimuovete|eliminate) (?:il )?(?:mio numero|me)\b",
    r"\bniente piu " + _MESSAGES_IT + r"\b",
    r"\blasciatemi (?:in pace|stare)\b",
    r"\bnon (?:voglio|vogliamo) (?:piu )?sapere (?:piu )?(?:niente|nulla) (?:piu )?di voi\b",
    r"\bnumero sbagliato\b",
    r"\bnon (?:voglio|desidero|vogliamo) (?:piu )?essere (?:piu )?(?:ri)?(?:disturbat|contattat|cercat|"
    r"scocciat)[oaie]\b(?! (?:dal|dalla|dai|da un|da una) (?:corriere|fattorino|postino|corrieri))",
    r"\b(?:cancellate|eliminate|rimuovete|cancella|elimina|cancellare|eliminare) (?:tutti )?i miei dati\b",
    r"\blasciami (?:in pace|stare)\b",
]
_MESSAGES_PT = (
    r"(?:mensagens|mensagem|sms|msgs|torpedos|notificacoes|lembretes|promocoes|ofertas|propaganda|"
    r"propagandas|"
    r"publicidade)"
)
_REVOCATION_PATTERNS_PT = [
    r"\b(?:parem|pare|parar|para|deixem|deixe|deixa) de (?:me |nos )?(?:mandar|enviar|escrever|mandarem|"
    r"enviarem|incomodar|encher)\b",
    r"\bnao (?:me |nos )?(?:mandem|mande|envie|enviem|escrevam|escreva|manda|envia|contatem|contate) "
    r"(?:\w+ )?mais\b",
    r"\bnao (?:me |nos )?(?:mandem|mande|envie|enviem|manda|envia) (?:mais )?" + _MESSAGES_PT + r"\b",
    r"\bnao (?:quero|desejo) (?:mais )?(?:receber )?(?:mais )?(?:nenhuma )?" + _MESSAGES_PT + r"\b",
    r"\bchega (?:de|dessas?|destas?|desses|das|com (?:essas|estas|as)) (?:\w+ )?" + _MESSAGES_PT + r"\b",
    r"\bnao (?:quero|desejo) (?:mais )?receber (?:mais )?nada\b(?! (?:de|sobre|do|da) )",
    r"\bsem mais " + _MESSAGES_PT + r"\b",
    r"\b(?:me )?(?:tire|tirem|tira|remova|removam|remove|exclua|excluam|apague|apaguem) (?:o )?(?:meu "
    r"(?:numero|contato|cadastro)|da (?:lista|sua lista))\b",
    r"\bme (?:tire|tirem|tira|remova|removam|exclua|excluam|descadastr\w+)\b",
    r"\bdescadastr\w*\b",
    r"\b(?:quero )?sair da (?:lista|sua lista|lista de (?:mensagens|sms))\b",
    r"\bme (?:deixa|deixe|deixem) em paz\b",
    r"\bnao (?:quero|queremos) (?:mais )?saber (?:mais )?(?:nada )?(?:mais )?de "
    r"(?:voces|vcs|vc|voce|vossa loja)\b",
    r"\bnumero errado\b",
    # "cancela meu cadastro", but "cancela o pedido?" is about an order, not about the texts.
    r"\b(?:cancel|exclu|apag|delet|remov)\w* (?:o |a )?(?:(?:meu|minha) )?(?:cadastro|inscricao|"
    r"assinatura)\b",
    r"\b(?:apag|exclu|remov|delet)\w* (?:os |todos os )?meus dados\b",
    r"\bnao (?:quero|desejo) (?:mais )?ser (?:mais )?(?:incomodad|contatad|contactad|perturbad)[oa]s?\b"
    r"(?! pelo (?:entregador|motoboy|correio|carteiro))",
]
_MESSAGES_NL = (
    r"(?:berichten|berichtjes|bericht|sms|smsjes|smsje|smsen|sms jes|appjes|meldingen|herinneringen|reclame|"
    r"nieuwsbrief)"
)
_REVOCATION_PATTERNS_NL = [
    r"\b(?:stuur|stuurt|sturen|app|stuur je|stuurt u) (?:me|mij|ons) (?:niks|niets) meer\b",
    r"\b(?:haal|haalt|verwijder|verwijderen) (?:me|mij|mijn nummer|mijn gegevens) (?:\w+ )?(?:weg|eruit)\b",
    r"\b(?:stuur|stuurt|sturen|app|stuur je|stuurt u) (?:me|mij|ons) (?:geen|niet) (?:\w+ )?(?:meer|"
    + _MESSAGES_NL
    + r")\b",
    r"\bgeen (?:\w+ )?" + _MESSAGES_NL + r" meer\b",
    r"\b(?:stop|stoppen|hou op|houd op|kappen) (?:met|nu met) (?:het |die |de |deze |al die |jullie )?(?:"
    + _MESSAGES_NL
    + r"|sturen|appen|smsen|sms en|mailen|spammen|berichten sturen)\b",
    r"\b(?:meld|schrijf) (?:me|mij) (?:\w+ )?(?:af|uit)\b",
    r"\b(?:verwijder|verwijderen|wis|schrap) (?:me|mij|mijn nummer|mijn gegevens)\b",
    r"\bik wil (?:geen|niks|niets) (?:meer )?(?:\w+ )?" + _MESSAGES_NL + r"\b",
    r"\bik wil (?:niks|niets) meer (?:ontvangen|krijgen|van jullie)\b(?! (?:over|van de|van het) )",
    r"\b(?:wil|wil graag|zou graag) (?:\w+ )?(?:afgemeld|uitgeschreven|verwijderd) (?:worden|te worden)\b",
    r"\b(?:abonnement|inschrijving) (?:\w+ )?(?:opzeggen|stopzetten|beeindigen)\b",
    r"\blaat (?:me|mij) (?:met rust|gerust)\b",
    r"\bik wil (?:niks|niets) meer met jullie te maken hebben\b",
    r"\b(?:verkeerd|verkeerde) nummer\b",
    r"\b(?:haal|haalt|zet|verwijder|schrap) (?:me|mij|mijn nummer) (?:\w+ )?(?:van|uit) "
    r"(?:de|jullie|uw|je|die|deze|het) (?:\w+ )?(?:lijst|verzendlijst|mailinglijst|bestand|systeem)\b",
    r"\bmijn (?:nummer|telefoonnummer|gegevens) (?:\w+ )?(?:verwijderen|wissen|schrappen)\b",
    # The request itself, not "kunnen jullie het pakket niet meer sturen naar mijn oude adres".
    r"^(?:\w+ ){0,2}niet meer (?:sturen|sms en|smsen|appen|mailen|bellen|contacteren|berichten sturen|"
    r"lastigvallen)\b(?! naar)",
    r"\b(?:stuur|sms|app|bel|mail) (?:me |mij |ons )?niet meer\b",
    r"\b(?:ik wil|wil) (?:me |mij )?(?:afmelden|uitschrijven)\b",
    # "genoeg berichten gehad"; "genoeg voorraad?" asks about stock.
    r"^(?:\w+ ){0,2}genoeg (?:van )?(?:je |jullie |die |de |deze |uw )?" + _MESSAGES_NL + r"\b(?! over)",
    r"\bwil (?:\w+ )?(?:niet meer|niet langer) (?:benaderd|gecontacteerd|lastiggevallen|gestoord|gebeld|"
    r"gesmst|geappt|gemaild) worden\b",
]
# "para com essas mensagens", "stoppt die Nachrichten", "kappen met die reclame": a stop word, a few small
# words, then the texts themselves (or their ads); a stop word before anything else is not a revocation, and
# words that also mean "for" (Spanish and Portuguese "para") or "no" ("keine Nachricht bekommen": none came)
# are not stop words here.
_STOP_THE_TEXTS = {
    "en": ("stop|quit|enough|no more|enough with|done with", "the these those your ur all with of any", ""),
    "es": (
        "paren|pare|para con|basta|no mas|stop",
        "con de los las tus sus estos esos tantos ya",
        "publicidad|spam|promos",
    ),
    "fr": ("arretez|arrete|stop|assez|marre|plus", "de des les vos ces tes avec d", "publicites|spam|promos"),
    "de": (
        "stoppt|stopp|stop|schluss|genug|hort auf mit|horen sie auf mit",
        "mit den die diese eure ihre deine dem",
        "spam|newsletter|werbe sms",
    ),
    "it": (
        "basta|smettete|smettila|smettetela|stop|finitela|niente piu",
        "con i coi questi vostri tuoi sti di",
        "pubblicita|spam",
    ),
    "pt": (
        "para com|parem|pare|chega de|chega dessas|chega desses|chega com|stop|sem mais",
        "com essas esses as os suas seus",
        "propaganda|propagandas|spam",
    ),
    "nl": (
        "stop|stoppen|kappen|hou op|houd op|genoeg",
        "met die de deze jullie je uw al",
        "reclame|spam|nieuwsbrief",
    ),
}
_MESSAGES_ALL = {
    "es": r"(?:mensajes|mensajitos|textos|sms|promociones|notificaciones|recordatorios)",
    "en": r"(?:texts|messages|msgs|sms|spam|reminders|notifications|promos|ads|marketing)",
    "fr": _MESSAGES_FR,
    "de": _MESSAGES_DE,
    "it": _MESSAGES_IT,
    "pt": _MESSAGES_PT,
    "nl": _MESSAGES_NL,
}


# "genoeg berichten over de levering, wanneer komt het?": texts about the order, wanted, just late.
_ABOUT = (
    r"(?:about|regarding|on|over|sobre|sur|concernant|uber|zu|zur|zum|wegen|su|sul|sulla|riguardo|do|da|del)"
)


def _stop_the_texts(language: str) -> str:
    stop, small, extra = _STOP_THE_TEXTS[language]
    texts = _MESSAGES_ALL[language] + (f"|(?:{extra})" if extra else "")
    return rf"\b(?:{stop})(?: (?:{'|'.join(small.split())})){{0,3}} (?:{texts})\b(?! {_ABOUT}\b)"


# "Please remove my number from your list", in any order and register: a word that takes something away
# (its stem: "eliminaseis", "levateme", "retirassem" all start with one) near the shopper's own number or
# contact details. "remove the red one from my cart" names no number and stays a cart question.
_REMOVE_MY_NUMBER = {
    "en": (
        "remove|delete|erase|wipe|unlist",
        r"my (?:phone )?(?:number|no|contact details|contact|details)|this number|me off (?:the|your) list",
    ),
    "es": (
        "elimin|borr|quit|saqu|sac|retir|dar de baja|den de baja|dad de baja",
        r"mi (?:numero|telefono|movil|celular|contacto)|mis datos|este numero",
    ),
    "fr": (
        "retir|supprim|effac|enlev|ray",
        r"mon (?:numero|contact|tel|telephone|portable)|mes (?:coordonnees|donnees)|ce numero",
    ),
    "de": (
        "losch|entfern|austrag|tragt mich aus|tragen sie mich aus|streich",
        r"(?:meine |die |diese |meine handy|meine telefon)?nummer|meine (?:daten|kontaktdaten)",
    ),
    "it": (
        "rimuov|rimoss|togli|tolt|cancell|elimin|lev",
        r"(?:il )?mio (?:numero|contatto|cellulare)|sto numero|questo numero|i miei (?:dati|contatti)",
    ),
    "pt": (
        "retir|remov|apag|exclu|tir",
        r"(?:o )?meu (?:numero|contacto|contato|telefone|celular|telemovel)|os meus dados|meus dados|"
        r"este numero|esse numero",
    ),
    "nl": (
        "verwijder|wis|gewist|schrap|haal",
        r"mijn (?:nummer|telefoonnummer|gegevens|06)|dit nummer",
    ),
}
_REMOVE_WINDOW = 6  # words between the taking-away word and the number, either order
# "mi número de pedido", "il mio numero d'ordine": an order's number, not the shopper's.
_ORDER_NUMBER_AFTER = (
    r"(?! (?:de |d |di |der |van |of |do |du )?(?:pedido|orden|ordine|commande|bestellung|bestelling|"
    r"encomenda|order|tracking|seguimiento|suivi|sendung|spedizione|rastreio|zending|colis|paket))"
)


def _remove_my_number(language: str) -> str:
    take, number = _REMOVE_MY_NUMBER[language]
    gap = rf"(?: \w+){{0,{_REMOVE_WINDOW}}}"
    mine = rf"(?:{number})\b{_ORDER_NUMBER_AFTER}"
    return rf"\b(?:{take})\w*{gap} {mine}|\b{mine}{gap} (?:{take})\w*\b"


_REVOCATION = {
    language: re.compile("|".join(f"(?:{p})" for p in patterns))
    for language, patterns in (
        ("en", [*_REVOCATION_PATTERNS, _stop_the_texts("en"), _remove_my_number("en")]),
        ("es", [*_REVOCATION_PATTERNS_ES, _stop_the_texts("es"), _remove_my_number("es")]),
        ("fr", [*_REVOCATION_PATTERNS_FR, _stop_the_texts("fr"), _remove_my_number("fr")]),
        ("de", [*_REVOCATION_PATTERNS_DE, _stop_the_texts("de"), _remove_my_number("de")]),
        ("it", [*_REVOCATION_PATTERNS_IT, _stop_the_texts("it"), _remove_my_number("it")]),
        ("pt", [*_REVOCATION_PATTERNS_PT, _stop_the_texts("pt"), _remove_my_number("pt")]),
        ("nl", [*_REVOCATION_PATTERNS_NL, _stop_the_texts("nl"), _remove_my_number("nl")]),
    )
}
# A person doing the opposite of revoking: "don't unsubscribe me", "I don't want to unsubscribe".
_NEGATED_REVOCATION = re.compile(
    r"\b(?:dont|do not|not|never|didnt|ne|pas|nicht|non|nao|niet)(?: \w+){0,3} "
    r"(?:unsubscribe|unsub|opt out|desabonner|abmelden|disiscrivere|descadastrar|afmelden|uitschrijven)\b"
)

_HUMAN_PATTERNS = [
    r"\b(?:talk|speak|chat|text|connect)(?:ing)? (?:to|with|w) (?:a |an |the |some |your |ur )?"
    r"(?:real |live |actual |human |store )?(?:person|people|human|someone|somebody|agent|rep|representative|"
    r"manager|staff|team|owner|employee|associate|support|customer service|you guys|operator|live agent)\b",
    r"\b(?:real|live|actual) (?:person|human|people|agent|rep)\b",
    r"\bhuman being\b",
    r"\b(?:are you|r u|is this|am i talking to|talking to) (?:a |an )?"
    r"(?:bot|robot|machine|ai|automated|real)\b",
    r"\b(?:is this|this is) (?:a |an )?(?:bot|robot|automated|auto reply|autoreply)\b",
    r"\b(?:customer (?:service|support|care)|support team)\b",
    r"\b(?:call me|give me a (?:call|ring|bell|buzz)|can someone call|phone me|ring me|call me back|"
    r"a call back|a callback)\b"
    r"(?! (?:a |an )?(?:cab|taxi|uber|crazy|old fashioned|picky|obsessed|weird|silly|a fan))",
    r"\bneed (?:a |to talk to a |to speak to a )?(?:human|person|someone)\b",
    r"\b(?:someone|somebody|anyone|anybody)(?: \w+){0,4}? (?:help|call|contact|text|ring|phone|reach out "
    r"to) me\b",
    r"^(?:an? |un |une |um |uma |een |ein |einen |una )?(?:agent|human|representative|rep|operator|person|"
    r"manager|humain|humano|humana|mensch|menschen|umano|mens|persona|personne|pessoa|agente|conseiller|"
    r"operatore|operador|atendente|medewerker|mitarbeiter|asesor)(?: please| pls| now| svp| stp| bitte| por "
    r"favor|"
    r"| per favore| aub| porfa| pf| graag| ya| agora| subito| jetzt| nu)*$",
    r"\b(?:is|isnt) (?:there )?(?:anyone|anybody|someone|somebody) (?:\w+ )?(?:there|here|reading|listening|"
    r"home|real|working)\b",
    # Spanish
    r"\bhablar con (?:alguien|una persona|un agente|un humano|un asesor|un representante|una persona real)\b",
    r"\bpersona real\b",
    r"\b(?:eres|es|sos) (?:un )?(?:bot|robot|maquina)\b",
    r"\b(?:atencion al cliente|servicio al cliente|llamame|llamenme|llameme)\b",
    r"\bme (?:pueden|puede|podrian|podria|podes|podeis|podriais|podrias|puedes) (?:llamar|marcar)\b"
    r"|\b(?:pueden|puede|podrian|podeis|puedes) llamarme\b",
    r"^(?:asesor|agente|humano|persona)$",
    # French, German, Italian, Portuguese, Dutch
    r"\bparler (?:a|avec) (?:quelqu ?un|une personne|un humain|un conseiller|une conseillere|un agent|"
    r"un vendeur|le service client|un vrai)\b",
    r"\b(?:vraie personne|vrai humain|service client|conseiller svp)\b",
    r"\b(?:appelez|rappelez|appelle|rappelle) moi\b|\bm (?:appeler|rappeler)\b"
    r"|\bme (?:rappeler|telephoner)\b",
    r"\b(?:vous etes|tu es|c est|est ce) (?:un )?(?:bot|robot)\b",
    r"\b(?:mit|einen|einem) (?:einem |einer )?(?:menschen|mitarbeiter|mitarbeiterin|berater|echten person|"
    r"kundenservice|kundendienst)\b(?: (?:sprechen|reden))?",
    r"\b(?:echter mensch|echte person|kundenservice|kundendienst)\b",
    r"\b(?:bist du|sind sie|ist das) (?:ein )?(?:bot|roboter)\b",
    r"\bmich (?:\w+ ){0,3}(?:anrufen|zuruckrufen|anruft|zuruckruft)\b"
    r"|\b(?:ruf|ruft|rufen sie) mich (?:\w+ ){0,2}(?:an|zuruck)\b|\bruckruf\b",
    r"\b(?:parlare|parlo|sentire) con (?:qualcuno|una persona|un operatore|un umano|un addetto|"
    r"il servizio clienti|un commesso|una commessa|un responsabile)\b",
    r"\b(?:persona vera|persona reale|operatore umano|servizio clienti|assistenza clienti)\b",
    r"\b(?:sei|e) (?:un )?(?:bot|robot)\b",
    r"\b(?:talking to|hablando con|parle a|parle avec|spreche (?:ich )?mit|parlando con|falando com|praat "
    r"ik met|"
    r"spreek ik met) (?:a |an |un |una |une |einem |einer |um |uma |een )?(?:robot|robo|roboter|machine|"
    r"maquina|"
    r"macchina|computer|ia|ai|ki)\b",
    r"\b(?:chiamatemi|richiamatemi|chiamami|richiamami|chiamarmi|richiamarmi|telefonarmi|telefonatemi|"
    r"telefonami)\b"
    r"|\bmi (?:potete|puoi|puo|potreste) (?:chiamare|richiamare)\b",
    r"\bfalar com (?:alguem|uma pessoa|um atendente|um humano|um vendedor|o atendimento)\b",
    r"\b(?:pessoa real|atendente humano|atendimento ao cliente)\b",
    r"\b(?:voce e|vc e|e) (?:um )?(?:bot|robo)\b",
    r"\bme (?:liga|ligue|liguem|ligar|telefona|telefonem)\b|\b(?:ligar|ligarem) (?:pra|para) mim\b",
    r"\b(?:spreken|praten) met (?:iemand|een mens|een medewerker|een persoon|de klantenservice)\b",
    r"\b(?:met )?(?:iemand|een mens|een medewerker|een echt persoon|een echte persoon|een persoon|"
    r"een echt mens|de klantenservice|een collega) (?:\w+ )?(?:spreken|praten|bellen)\b",
    r"\b(?:echt persoon|echte persoon|echt mens|klantenservice)\b",
    r"\b(?:ben je|is dit) (?:een )?(?:bot|robot)\b",
    r"\b(?:bel|bellen) (?:me|mij)\b(?! niet)|\b(?:me|mij) (?:\w+ )?(?:bellen|terugbellen|opbellen|belt|"
    r"terugbelt)\b"
    r"|\bterugbellen\b",
]
# Who a shopper may ask for, per language, and the words that ask for one ("get me a human", "pásame con el
# encargado", "passez-moi un conseiller", "ich will den chef sprechen", "quero falar com o gerente").
_PERSON_WORDS = {
    "en": "human humans person someone somebody anyone agent manager boss supervisor rep representative "
    "operator staff owner",
    "es": "persona humano humana alguien agente asesor asesora encargado encargada gerente supervisor jefe "
    "operador operadora responsable",
    "fr": "quelqu quelquun humain personne conseiller conseillere responsable manager gerant operateur "
    "vendeur vendeuse patron",
    "de": "mensch menschen mitarbeiter mitarbeiterin jemand jemanden jemandem chef chefin ansprechpartner "
    "ansprechpartnerin berater beraterin vorgesetzten verantwortlichen",
    "it": "persona qualcuno operatore operatrice umano responsabile addetto addetta commesso titolare",
    "pt": "pessoa alguem atendente humano humana gerente responsavel operador dono supervisor",
    "nl": "iemand mens medewerker medewerkster manager persoon leidinggevende eigenaar",
}
_ASK_FOR_PERSON = {
    "en": r"get me|put me through to|connect me (?:to|with)|transfer me to|let me (?:speak|talk) to|"
    r"i (?:want|need|would like|d like)|can i (?:get|have)|is there|put|get|may i (?:speak to|talk to|have)",
    "es": r"pasame con|pasenme con|paseme con|me comunican con|comunicarme con|comuniqueme con|"
    r"(?:quiero|necesito|prefiero) (?:hablar con )?|hay|(?:puedo )?hablar con|me pasas con|me pasan con",
    "fr": r"passez moi|passe moi|mettez moi en relation avec|(?:je )?(?:veux|voudrais|souhaite) parler (?:a|"
    r"au|avec)|"
    r"y a t il|il y a|(?:je )?(?:veux|voudrais|souhaite|aimerais)|(?:puis je|je peux|est ce que je peux) "
    r"parler (?:a|au|avec)",
    "de": r"verbinden sie mich mit|verbindet mich mit|(?:ich )?(?:will|mochte|hatte gern|brauche) |"
    r"kann ich|darf ich|gibt es",
    "it": r"passatemi|passami|mettetemi in contatto con|(?:voglio|vorrei|ho bisogno di) (?:parlare con )?|"
    r"c e|posso parlare con|posso avere",
    "pt": r"(?:quero|preciso|gostaria de) (?:falar com )?|me passa (?:pra|para)|tem|posso falar com|"
    r"da pra falar com",
    "nl": r"(?:ik wil|wil|ik zou graag|kan ik|mag ik) (?:met )?|is er",
}
# The small words between the asking and the person: "get me A REAL human", "quero falar COM O gerente".
_PERSON_GAP = (
    "a an the to with some real actual live your ur speak talk from con un una el la al hablar algun alguna "
    "real de a au une le avec parler vrai vraie mit einem einer einen den dem die der echten echter echtem "
    "mal "
    "da il lo parlare essere com um o falar algum met een het echt echte"
)
_PERSON = (
    r"\b(?:"
    + "|".join(f"(?:{ask})" for ask in _ASK_FOR_PERSON.values())
    + r") ?(?:(?:"
    + "|".join(sorted(set(_PERSON_GAP.split())))
    + r") ){0,3}(?:"
    + "|".join(sorted(set(" ".join(_PERSON_WORDS.values()).split())))
    # "is there someone WHO can sign for it", "hay alguien QUE lo reciba": not a request for a person.
    + r")\b(?! (?:que|qui|die|der|che|who|that|to receive|to sign|om))"
)
# "need a call asap", "quisiera una llamada", "ich hätte gern einen Anruf", "queria uma ligação": a request
# word and a call, in the same language ("my mom WILL CALL you" is neither).
_CALL_REQUESTS = {
    "en": ("need|want|like|request|get|can i get|could i get", "a an", "call|callback|call back|phone call"),
    "es": ("quiero|quisiera|necesito|pido|gustaria", "una", "llamada"),
    "fr": ("veux|voudrais|souhaite|aimerais|demande", "un", "appel|coup de fil"),
    "de": ("brauche|will|mochte|hatte gern|hatte gerne|bitte um", "einen", "anruf|ruckruf"),
    "it": ("voglio|vorrei|chiedo|ho bisogno di", "una", "chiamata|telefonata"),
    "pt": ("quero|queria|preciso|gostaria de", "uma", "ligacao|telefonema"),
    "nl": ("wil|zou graag|graag", "een", "telefoontje|belletje"),
}
_CALL_REQUEST = "|".join(
    rf"\b(?:{ask}) (?:\w+ )?(?:(?:{'|'.join(articles.split())}) )?(?:{call})\b"
    for ask, articles, call in _CALL_REQUESTS.values()
)
_HUMAN_PATTERNS_MORE = [
    _CALL_REQUEST,
    _PERSON,
    r"\b(?:bot|chatbot)\b",
    r"\b(?:are you|r u|sind sie|bist du|seid ihr|sei|siete|sao|sao voces|e|es|eres|son|ben je|zijn jullie|"
    r"vous etes|t es|c est) (?:un |une |uma |um |een |ein |a |an )?(?:robot|robo|roboter|machine|maquina)\b",
    r"\b(?:que|qu on|quon) (?:alguien |alguem |qualcuno |quelqu un )?(?:me |mi )?(?:llame|llamen|m appelle|"
    r"me rappelle|chiami|me ligue|me liguem)\b",
    r"\bmi (?:chiamate|chiami|chiamereste|richiamate|richiami|chiamasse|richiamasse)\b",
    # "qu'un conseiller me rappelle", "dat iemand me belt", "che mi chiami qualcuno": someone calls me back.
    r"\b(?:que|qu|che|dass|dat|wenn) (?:\w+ ){0,3}(?:me|mi|mich|mij) (?:\w+ )?(?:llame|llamen|appelle|"
    r"rappelle|appellent|rappellent|chiami|richiami|ligue|liguem|retorne|retornem|anruft|zuruckruft|belt|"
    r"terugbelt)\b",
    r"\bme (?:retornar|retorne|retornem|retorna)\b",
    # "iemand aan de lijn", "someone on the phone", "alguien por teléfono": a person, by phone.
    r"\b(?:someone|somebody|alguien|alguem|quelqu un|jemand|jemanden|qualcuno|iemand|una persona|"
    r"une personne|uma pessoa|een mens|a person) (?:\w+ ){0,3}(?:aan de (?:lijn|telefoon)|"
    r"on the (?:phone|line)|by phone|"
    r"over the phone|por telefono|au telephone|par telephone|am telefon|al telefono|per telefono|"
    r"por telefone|pelo telefone|telefonisch)\b",
    r"\b(?:mit|met|with|con|com|avec) (?:jemandem|jemand|iemand|someone|somebody|alguien|alguem|qualcuno|"
    r"quelqu un|einem menschen|een mens|a person|una persona|une personne|uma pessoa) (?:\w+ )?"
    r"(?:telefonieren|telefoneren|bellen|telefonare|telefonar|telefonear|on the phone|by phone)\b",
    r"\b(?:telefonisch|telefonicamente|telephoniquement|by phone|on the phone|al telefono|au telephone|"
    r"por telefono|por telefone) (?:\w+ ){0,2}(?:met|mit|with|con|com|avec) (?:iemand|jemandem|someone|"
    r"somebody|alguien|alguem|qualcuno|quelqu un)\b",
    r"\b(?:ligar|liguem|ligue|liga|retornem|retorne|retorna) (?:pra|para) mim\b|\bretorn\w* a ligacao\b",
    r"\b(?:telefoontje|een belletje)\b",
    # "j'aimerais être rappelé", "möchte zurückgerufen werden", "que me devuelvan la llamada"
    r"\b(?:etre|me faire) rappelee?\b|\bzuruckgerufen werden\b|\bessere richiamat[oa]\b"
    r"|\bque me devuelvan la llamada\b|\bteruggebeld (?:worden|te worden)\b|\bwant (?:to be )?called back\b",
    r"\b(?:connect|put|transfer|get) me (?:through )?(?:to|with) (?:\w+ )?(?:support|customer service|sales|"
    r"the team|your team)\b",
    r"\b(?:atendimento|atencion|attention|assistenza|servizio|service|suporte|support|servicio|contato|"
    r"contacto|contatto|contact) (?:\w+ )?(?:humano|humana|umano|umana|human|humain|menschlich\w*|"
    r"menselijk)\b",
    r"\b(?:hablar|parler|sprechen|parlare|sentire|falar|spreken|praten|talk|speak)(?: \w+){0,3} (?:por|par|"
    r"am|"
    r"al|per|by|over the|pelo|on the|au) (?:telefono|telephone|telefon|phone|telefone|telefoon)\b",
]
_HUMAN = re.compile("|".join(f"(?:{p})" for p in _HUMAN_PATTERNS + _HUMAN_PATTERNS_MORE))

_ANGER_WORDS = _wordset(
    "wtf ridiculous scam scammer scammers useless terrible worst furious pissed annoying annoyed "
    "stupid unacceptable disgusting horrible awful bs bullshit fuck fucking fck fk ffs damn dammit "
    "hate angry fraud liar liars rip ripoff joke pathetic incompetent sucks crap shit garbage idiots "
    "estafa estafadores harto harta molesto molesta pesimo pesima basura ridiculo enojado enojada "
    "mierda fraude verguenza inaceptable horrible "
    "arnaque arnaqueurs escroquerie escrocs honteux inadmissible inacceptable merde putain nul nuls "
    "betrug betruger abzocke unverschamt frechheit scheisse unmoglich katastrophe "
    "truffa truffatori vergogna schifo vergognoso inaccettabile pessimo ridicolo "
    "golpe golpistas absurdo vergonha pessimo horrivel ridiculo porcaria lixo "
    "oplichterij bedrog oplichting oplichters belachelijk schandalig waardeloos bagger kut kwaad "
    "outrageous disgraceful appalling infuriating shameful scandalous sauerei saftladen zumutung "
    "unverschamtheit skandal skandalos scandaloso scandalosa scandalo "
    "enerve enervee enervant stinksauer pessimi pessime pessimos pessimas pessima pessimo pessimes "
    "inutiles inutil desastre irrespetuosos furioso furiosa indignante indignado indignada "
    "furieux furieuse scandaleux scandaleuse scandale lamentable minable escroquerie voleurs "
    "wutend sauer schlechtester schlechteste schlechtesten frech dreist abzocker verarsche "
    "vergognatevi vergognosi furiosa ridicoli assurdo ladri arrabbiato arrabbiata arrabbiatissimo "
    "arrabbiatissima incazzato incazzata indecente "
    "palhacada revoltado revoltada irritado irritada ladroes safados descaso "
    "boos woedend waardeloze slechtste puinhoop oplichters schande"
)
_ANGER_PHRASES = re.compile(
    r"\b(?:rip ?off|fed up|sick of|what the hell|are you kidding|this is a joke|j en ai marre|ras le bol|"
    r"ich habe die nase voll|das ist ein witz|sono stufo|sono stufa|estou farto|estou farta|ik ben het zat|"
    r"thanks for nothing|(?:estou|to|fiquei|tou) (?:muito |mt |bem )?(?:brava|bravo|irritad[oa]|chatead[oa])|"
    r"slechte (?:service|klantenservice|winkel|ervaring)|(?:bin|sind) (?:echt |total |so )?sauer|"
    r"(?:im|i am) (?:so )?done with (?:this|you|your|ur)|you guys are a joke|"
    r"(?:un|que|menudo) chiste|falta de respeto|(?:que|muy|pesimo|mal) (?:mal )?servicio|me tienen (?:harto|"
    r"harta)|"
    r"n importe quoi|quelle blague|(?:c est )?une blague|foutez de (?:moi|nous)|en colere|service nul|"
    r"(?:ein|so ein|was fur ein) (?:witz|mist)|was soll (?:der|das)|"
    r"(?:uma|que) piada|puta da vida|puto da vida|"
    r"(?:een|wat een) grap|te gek voor woorden|wat een (?:bagger|puinhoop|service)|"
    r"(?:che|una) vergogna|che schifo)\b"
)


@dataclass(frozen=True)
class Compliance:
    kind: str  # OPT_OUT | OPT_IN | HELP
    language: str  # the language of the words that triggered it, "" when they do not tell (STOP, basta)
    reason: str


def _only(words: tuple[str, ...], keywords: Set[str], filler: Set[str]) -> str | None:
    """The keyword when the words are one of the keywords plus filler only, else None."""
    hits = [w for w in words if w in keywords]
    if not hits or any(w not in keywords and w not in filler for w in words):
        return None
    position = words.index(hits[0])
    if position and words[position - 1] in _NEGATIONS:
        return None
    return hits[0]


def _near_opt_out_word(words: tuple[str, ...]) -> str | None:
    """A one-word message that is a slip of STOP or UNSUBSCRIBE ("Stopp", "stpo", "unsubscibe")."""
    if len(words) != 1:
        return None
    word = words[0]
    if word in {"stopp", "stoop", "stpo", "sotp", "stahp", "stopit", "stopppp", "stoppp", "sstop"}:
        return word
    if len(word) >= 8 and OSA.distance(word, "unsubscribe", score_cutoff=2) <= 2:
        return word
    return None


def compliance_intent(text: Text) -> Compliance | None:
    """Opt-out first (it wins over everything), then opt-in and help, each only as a message's point."""
    clauses = text.clauses
    whole = text.words
    for clause in clauses:
        keyword = _only(clause, STRONG_OPT_OUT, _FILLER)
        if keyword:
            return Compliance(OPT_OUT, _keyword_language(keyword), f'opt-out keyword "{keyword.upper()}"')
    keyword = _only(whole, STRONG_OPT_OUT | WEAK_OPT_OUT, _FILLER) or _near_opt_out_word(whole)
    if keyword:
        return Compliance(OPT_OUT, _keyword_language(keyword), f'opt-out keyword "{keyword.upper()}"')
    folded = " ".join(whole)
    if not _NEGATED_REVOCATION.search(folded):
        for language, pattern in _REVOCATION.items():
            match = pattern.search(folded)
            if match:
                return Compliance(OPT_OUT, language, f'plain-language opt-out "{match[0]}"')
    keyword = _only(whole, OPT_IN_WORDS, _FILLER_OPT_IN)
    if keyword:
        return Compliance(OPT_IN, _keyword_language(keyword), f'opt-in keyword "{keyword.upper()}"')
    keyword = _only(whole, HELP_WORDS, _FILLER_HELP)
    if keyword:
        return Compliance(HELP, _keyword_language(keyword), f'help keyword "{keyword.upper()}"')
    return None


def _keyword_language(keyword: str) -> str:
    """The language a compliance word belongs to; "" for the international STOP/START/HELP and shared words.

    The reply's language then comes from the shopper (their text, their locale), not from the keyword.
    """
    if keyword in _SHARED_KEYWORDS or keyword in {"stop", "start", "help", "info"}:
        return ""
    return _KEYWORD_LANGUAGE.get(keyword, "")


def asks_for_person(text: Text) -> str | None:
    match = _HUMAN.search(" ".join(text.words))
    return f'asked for a person ("{match[0]}")' if match else None


@cache
def _sentiment() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


# The tone reader knows English only: German and Dutch "die" (the, that) is not its verb.
_NOT_ENGLISH_TONE = re.compile(r"\bdie\b", re.IGNORECASE)


def _tone(text: Text) -> float:
    return _sentiment().polarity_scores(_NOT_ENGLISH_TONE.sub(" ", text.raw))["compound"]


def anger(text: Text) -> str | None:
    """Plainly upset (anger words, a very negative tone): a person should answer, not a rule."""
    words = [w for w in text.words if w in _ANGER_WORDS]
    if words:
        return f'frustrated ("{words[0]}")'
    if _ANGER_PHRASES.search(" ".join(text.words)):
        return "frustrated (angry phrase)"
    compound = _tone(text)
    if compound <= -0.6:
        return f"frustrated (tone {compound:+.2f})"
    return None


def shouting(text: Text) -> str | None:
    """All caps or "!!!" without a friendly tone: worth a person when no rule knows the answer."""
    compound = _tone(text)
    letters = text.letters
    caps = (
        len(letters) >= 12 and len(text.words) >= 3 and sum(c.isupper() for c in letters) / len(letters) > 0.8
    )
    if caps and compound < 0.3:
        return "frustrated (all caps)"
    if re.search(r"[!?]*![!?]*![!?]*!|[?!]{4,}", text.raw) and compound < 0.05:
        return 'frustrated ("!!!")'
    return None


def shadows_compliance(keyword: str) -> bool:
    """A rule keyword that a compliance word would answer first, or that could swallow one."""
    folded = fold(keyword).strip()
    words = set(re.findall(r"[^\W_]+", folded))
    return bool(words & RESERVED_WORDS) or compliance_intent(Text(keyword)) is not None


# Questions no canned text can answer honestly: they need a person who can look at the order or the payment.
_PAYMENT_FAILURE = re.compile(
    r"\b(?:card|payment|paypal|klarna|apple pay|transaction)\w* (?:\w+ ){0,3}(?:declined|failed|failing|"
    r"rejected|refused|didnt go through|doesnt go through|not going through|wont go through|keeps failing)\b"
    r"|\b(?:declined|rejected) (?:my )?(?:card|payment)\b|\bcharged (?:me )?twice\b|\bdouble charged\b"
    r"|\b(?:tarjeta|pago) (?:\w+ ){0,2}(?:rechazad[ao]|declinad[ao]|no pasa|fallo|no funciona)\b"
    r"|\bme (?:cobraron|cobran) dos veces\b|\brechaz\w+ (?:mi |la )?(?:tarjeta|pago)\b"
    r"|\b(?:carte|paiement) (?:\w+ ){0,3}(?:refusee?|rejetee?|ne passe pas|echoue|bloquee?)\b"
    r"|\bdebite deux fois\b"
    r"|\b(?:karte|zahlung|kreditkarte|paypal) (?:\w+ ){0,3}(?:abgelehnt|fehlgeschlagen|geht nicht"
    r"|klappt nicht|"
    r"funktioniert nicht)\b|\bdoppelt"
    r" abgebucht\b"
    r"|\b(?:carta|pagamento) (?:\w+ ){0,3}(?:rifiutat[ao]|non passa|non va|non funziona|fallito"
    r"|respint[ao])\b"
    r"|\baddebitato due volte\b"
    r"|\b(?:pagamento|ordine|carta) (?:\w+ ){0,2}(?:non (?:e |sono )?(?:andat[oa]|riuscit[oa])"
    r"|non va) a buon fine\b"
    r"|\b(?:cartao|pagamento|pix|boleto) (?:\w+ ){0,3}(?:recusad[ao]|nao passa|nao foi|falhou|nao"
    r" funciona)\b"
    r"|\bcobrad[ao] duas vezes\b"
    r"|\b(?:kaart|betaling|creditcard|ideal) (?:\w+ ){0,3}"
    r"(?:geweigerd|mislukt|lukt niet|werkt niet|gaat niet)\b"
    r"|\btwee keer afgeschreven\b"
    # "I can't pay", "it won't let me pay", "the boleto didn't generate": the shopper is stuck at checkout.
    r"|\b(?:cant|cannot|can not|unable to|couldnt|could not|wont let me|doesnt let me|dont let me) "
    r"(?:\w+ )?(?:pay|check ?out|complete (?:my |the )?(?:order|purchase|payment))\b"
    r"|\b(?:checkout|payment page|pay button) (?:\w+ ){0,2}(?:isnt working|not working|doesnt work"
    r"|wont load|broken|keeps crashing)\b"
    r"|\bno (?:me )?(?:deja|dejo|puedo|pude|consigo|logro) (?:\w+ )?(?:pagar|finalizar (?:la )?compra"
    r"|completar (?:el |la )?(?:pago|compra))\b|\bno se puede pagar\b"
    r"|\b(?:peux|peut|arrive|parviens|reussis) pas (?:a )?(?:payer|regler|valider (?:ma |la )?commande"
    r"|finaliser)\b|\bimpossible de (?:payer|regler|valider (?:ma |la )?commande|finaliser)\b"
    r"|\b(?:kann|konnen|konnte) (?:\w+ ){0,2}nicht (?:be)?zahlen\b|\b(?:be)?zahlen (?:geht|klappt"
    r"|funktioniert) (?:\w+ )?nicht\b|\blasst mich nicht (?:be)?zahlen\b"
    r"|\bnon (?:riesco|posso|riusciamo) (?:a )?pagare\b|\bnon mi (?:fa|lascia) pagare\b"
    r"|\bnao (?:consigo|consegui|posso|me deixa|deixa) (?:\w+ )?(?:pagar|finalizar (?:a )?compra)\b"
    r"|\b(?:boleto|pix|codigo pix|qr code) (?:\w+ )?nao (?:gerou|gera|foi gerado|carrega|aparece|abre)\b"
    r"|\bnao (?:gerou|gera) (?:o )?(?:boleto|pix)\b"
    r"|\b(?:kan|kunnen|kon) (?:\w+ ){0,2}niet (?:betalen|afrekenen)\b|\b(?:betalen|afrekenen) "
    r"(?:lukt|gaat|werkt) (?:\w+ )?niet\b"
)
# A specific size, a colour or an order number: a policy text cannot say whether "the blue one in M" exists.
_SPECIFIC_SIZE = re.compile(r"\b(?:xxs|xs|s|m|l|xl|xxl|xxxl|\d{1,2}(?:[.,]5)?)\b")
_SIZE_WORD = _wordset("size talla taille grosse taglia tamanho maat")


def uncovered_question(text: Text, *, kind: str) -> str | None:
    """ "payment": a failed or double payment. "specific": a colour, a size or an order number named."""
    folded = " ".join(text.words)
    if kind == "payment":
        match = _PAYMENT_FAILURE.search(folded)
        trouble = match[0] if match else payment_trouble(text.words)
        return f'a payment problem ("{trouble}")' if trouble else None
    colour = next((w for w in text.words if w in COLOURS), None)
    if colour:
        return f'asks about a colour ("{colour}")'
    for index, word in enumerate(text.words):
        if index and text.words[index - 1] in _SIZE_WORD and _SPECIFIC_SIZE.fullmatch(word):
            return f'asks about one size ("{text.words[index - 1]} {word}")'
    if order_number_in(text):
        return "asks about one order"
    return None
