"""Compliance words in a reply: opt-out, opt-in and help, in the seven languages we text in.

The opt-out reading follows the FCC's 2024 rule (revocation "by any reasonable means"): the carrier keywords
count when they are the point of a sentence ("STOP", "stop please", "Stop. Already bought it"), plain-language
requests count as phrases ("stop texting me", "remove me from your list", "no me escribas más"), and a keyword
inside an ordinary sentence does not ("I can't stop thinking about that jacket").
"""

import re
from collections.abc import Set
from dataclasses import dataclass
from functools import cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .languages import MARKER_WORDS
from .nlp import Text, fold, words, wordset
from .nlp_payment import names_a_subscription
from .snooze import NO_TEXTS, NOT_NOW, SEND_ME, WRITE_AGAIN_LATER, texts_refused_for_a_time_left_out

OPT_OUT = "opt_out"
OPT_IN = "opt_in"
HELP = "help"


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
    "es": {"baja", "parar", "paren", "alto", "cancelar", "detener", "basta"},
    "fr": {"arrete", "arreter", "arretez", "stoppez", "fin", "annuler"},
    "de": {"ende", "aufhoren", "beenden", "kundigen"},
    "it": {
        "basta",
        "annulla",
        "cancella",
        "fermati",
        "smettila",
        "smettete",
        "smettetela",
        "piantatela",
        "finitela",
    },
    "pt": {"parar", "pare", "parem", "cancelar", "sair", "chega"},
    "nl": {"stoppen", "opzeggen", "uitzetten"},
}
# Short imperatives of more than one word that mean "stop" the same way, only as the whole message ("hör auf",
# "para com isso"; "ich hör auf zu warten" is the shopper): read as the weak keyword they stand for.
_WEAK_OPT_OUT_PHRASES = {
    "hor auf": "aufhoren",
    "hoer auf": "aufhoren",
    "hort auf": "aufhoren",
    "hoert auf": "aufhoren",
    "horen sie auf": "aufhoren",
    "para com isso": "parar",
    "para com isto": "parar",
    "pare com isso": "pare",
    "pare com isto": "pare",
    "parem com isso": "parem",
    "parem com isto": "parem",
}
_WEAK_OPT_OUT_PHRASE_RE = re.compile(r"\b(?:" + "|".join(_WEAK_OPT_OUT_PHRASES) + r")\b")


def _phrases_as_keywords(said: tuple[str, ...]) -> tuple[str, ...]:
    joined = " ".join(said)
    if not _WEAK_OPT_OUT_PHRASE_RE.search(joined):
        return said
    return tuple(_WEAK_OPT_OUT_PHRASE_RE.sub(lambda found: _WEAK_OPT_OUT_PHRASES[found[0]], joined).split())


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
_FILLER = wordset(
    "please pls plz plez now ok okay thanks thank thx ty you just all it this these that them texts "
    "text texting messages message msgs msg sms me my number already i said seriously asap right rn srsly "
    "immediately again no nope not interested sorry por favor ya gracias mensajes yes hi hello hey "
    "lol wrong from list for to out opt the sending "
    "svp stp merci oui non tout tous maintenant bonjour moi s il vous plait "
    "bitte danke jetzt sofort ja nein hallo alles alle mir von vom "
    "per favore grazie ora adesso si ciao tutto tutti messaggi "
    "obrigado obrigada agora sim nao oi ola tudo todos mensagens "
    "alsjeblieft aub dank bedankt nu ja nee hoi hallo alles berichten graag maar even nou ermee daarmee "
    "porfa plis xfa pf pfv favor subito mal endlich cosi grz obg obgd vlw a u b "
    "interesa interessa interesse interessiert interesseert "
    "so donc entonces pues also quindi dunque dus entao "
    # who is addressed, kindly or not: "STOP fada", "STOPP Leute", "BASTA cretini"
    "bro dude mate guys folks idiot idiots morons wey guey tio tia quillo pisha pendejos idiota idiotas "
    "cabrones mec fada gars connards abrutis leute alter jungs idioten ragazzi raga idioti cretini mano "
    "galera cara jongens mensen gast"
)
# Exasperation around a keyword says how fed up the shopper is, not what they ask: "ok but seriously STOP",
# "vale pero en serio BAJA", "bon sérieusement STOP", "jetzt echt STOPP", "dai basta davvero STOP", "ta bom
# mas sério PARAR", "nu echt STOP". Left out before the keyword reading (a message that is only these,
# filler and a keyword is the keyword; without them VADER read "ok but seriously STOP" as anger); phrases,
# not single words, where a word alone means something else ("más alto" is taller, "en fin" is Spanish
# "anyway", "mais" is Portuguese "more").
_EXASPERATION = (
    # en
    "honestly|omg|oh my god|oh my gosh|ffs|for gods sake|for fucks sake|jeez|geez|jesus|god|come on|cmon|"
    "for real|this time|once and for all|i mean it|whatever|fine|but|really|literally|bruh|smh|wtf|man|"
    # es
    "en serio|de verdad|neta|bueno|vale|pero|venga|hombre|por dios|dios mio|dios|ay|jolin|joder|"
    "ya esta|de una vez(?: por todas)?|ahora si|mira|"
    # fr
    "serieux|serieusement|bon|bref|non mais|mais (?:serieux|serieusement|franchement|vraiment)|franchement|"
    "vraiment|sans deconner|pitie|oh|ah|bah|ben|putain|punaise|allez|c est bon|une bonne fois pour toutes|"
    # de
    "echt(?: waar)?|ernsthaft|wirklich|mann|oh mann|mensch|boah|ehrlich|aber|jetzt aber|menno|"  # and nl
    "ein fur alle mal|endgultig|"
    # it
    "dai|ma dai|davvero|sul serio|seriamente|ma|veramente|insomma|uffa|allora|eh|santo cielo|per carita|"
    "accidenti|cavolo|una volta per tutte|cioe|"
    # pt
    "serio|a serio|serio mesmo|mesmo|mas serio|ta bom|tudo bem|poxa|po|pqp|putz|gente|ja deu|de vez|"
    "pelo amor de deus|"
    # nl
    "serieus|zeg|jeetje|kom op|in godsnaam|ach|godverdomme|verdorie|"
    # sighs and groans, a letter held down
    "u+g+h+|a+r+g+h+|p+f+|u+f+|a+f+e*|h+m+"
)
_EXASPERATED = re.compile(rf"\b(?:{_EXASPERATION})\b")


def _calmed(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words without the exasperation around them."""
    said = " ".join(words)
    calm = _EXASPERATED.sub(" ", said)
    return words if calm == said else tuple(calm.split())


# "Stopp mal, geht das …", "stop even, heb je …": German and Dutch for "wait a moment" before a question,
# unless it is the whole message (Dutch "stop maar" is "do stop").
_WAIT_A_MOMENT = wordset("mal even")
_FILLER_OPT_IN = {"please", "pls", "now", "again", "ok", "okay", "thanks", "yes", "me", "texts", "back", "hi"}
_FILLER_HELP = wordset(
    "please pls me i need hi hello por favor svp s il vous plait bitte per favore alsjeblieft aub "
    "j ai besoin d ich brauche preciso de ho bisogno di ik heb nodig"
)
_NEGATIONS = wordset(
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
_MESSAGES_EN = (
    r"(?:texts|txts|messages|msgs|msg|sms|spam|reminders|notifications|notifs|promos|ads|marketing)"
)
_CONTACT_EN = r"(?:text|txt|message|msg|contact|write|reach out|remind|email|bother|spam|hit me up)"
# "genoeg berichten over de levering, wanneer komt het?": texts about the order, wanted, just late ("keine
# weiteren Nachrichten zu schicken" is the infinitive, "ces messages sur mon portable" where they land).
_ABOUT = (
    r"(?:about|regarding|on(?! (?:my|this) (?:phone|cell|mobile|number|telephone|mobile phone))|over|sobre|"
    r"sur(?! (?:mon|ce) (?:portable|telephone|tel|numero|mobile))|concernant|uber|"
    r"zu(?! (?:schicken|senden|schreiben|simsen)\b)|zur|zum|wegen|su|sul|sulla|riguardo|do|da|del|"
    # what a text carried: "die SMS mit der Sendungsnummer kam schon"
    r"mit (?:der|dem|den)|with (?:the|your|my)|avec (?:le|la|les|mon|ma)|con (?:el|il|lo)|com o|"
    r"met (?:de|het))"
)
_MY_PHONE = (
    r"(?:phone|cell|cellphone|mobile|inbox|celular|movil|telefono|telephone|portable|cellulare|telefone|"
    r"handy|telefoon|gsm)"
)
# "the reminders on the watch", "die Erinnerungen am Laufband", "les notifications de la montre": a device's
# or an app's own alerts, not our texts. The phone they land on, the shop that sends them, the texts
# themselves and a time of day ("in the evening") are not something else.
_THE_SHOP = r"(?:store|shop|tienda|boutique|magasin|laden|negozio|loja|winkel)"
_ON_SOMETHING_ELSE = (
    r"(?:(?:am|im|vom|beim|sul|sulla|nel|nella|dell|della|dello|dal|dalla|du|au|aux)|"
    r"(?:on|in|of|op|van|an|auf|von|en|de|sur|dans|su|di|em) (?:the|my|de|het|mijn|la|le|l|el|il|lo|der|"
    r"dem|den|die|das|o|a|mon|ma|mi|mio|mia|meu|minha|mein|meinem|meiner|meine|this|that))"
    rf" (?!(?:{_MY_PHONE}|{_THE_SHOP}|sms|text\w*|"
    r"messag\w*|mensag\w*|mensaj\w*|berichten|nachrichten|promo\w*|morning|evening|night|weekend|day|week|"
    r"manana|tarde|noche|semana|matin|soir|nuit|semaine|morgen|abend|nacht|woche|wochenende|mattina|sera|"
    r"notte|settimana|manha|noite|ochtend|avond|week)\b)\w+"
)
_REVOCATION_PATTERNS = [
    # "I never signed up for these texts / for this / for anything with you" ("… for an account" is not ours)
    r"\bnever (?:ever )?(?:signed up|subscribed|opted in|agreed) (?:for|to) (?:any of )?"
    r"(?:(?:these|this|your|ur|the) (?:\w+ )?"
    + _MESSAGES_EN
    + r"|anything (?:with|from) (?:you|u|ya|your (?:shop|store))|this|these)\b"
    r"(?! (?:account|site|website|card|program|email|emails|newsletter)\b)",
    # "she doesn't want your texts anymore" (the phone's owner, said for them); "this is a business line, no
    # marketing texts here"
    r"\b(?:she|he|they) (?:doesnt|does not|dont|do not) want (?:(?:any more|your|ur|these|the|any) )*"
    + _MESSAGES_EN
    + r"\b",
    r"\bno (?:more )?(?:marketing |promotional |sales |advertising )?"
    + _MESSAGES_EN
    + r"(?: \w+)? (?:here|to this (?:number|phone|line|cell))\b",
    # "never contact me again", "don't ever contact us any more"; "they never contacted me again" is past.
    r"\bnever (?:ever )?contact (?:me|us)\b|\b(?:dont|do not) (?:ever )?contact (?:me|us) (?:\w+ )?"
    r"(?:again|any ?more)\b",
    # Polite and conditional pleas: "would you mind not texting me", "it'd be great if you stopped messaging
    # me", "kindly refrain from texting me"; "the zipper stopped working" names no contact.
    r"\b(?<!dont )(?<!never )(?:stop|stopped|quit|refrain from|cease|mind not|keep from|"
    r"no need to keep) (?:\w+ )?"
    r"(?:texting|txting|messaging|msging|contacting|writing|reaching out|reminding|emailing|spamming|bugging|"
    r"hitting (?:me )?up)\b(?!(?: to)?(?: me| us)? in )",
    r"\b(?<!why )(?:not|dont|didnt|never|no need to|dont need to|do not) (?:\w+ )?"
    + _CONTACT_EN
    + r"(?: (?:to )?(?:me|us))?(?: \w+)? (?:again|anymore|any more)\b"
    r"(?! (?:about|with|when|if|for|on|regarding)\b)",
    r"\bno need to (?:keep )?"
    + _CONTACT_EN
    + r"\w* (?:me|us)\b(?! (?:back|when|if|the|a|before|after|about)\b)",
    r"\b(?:want|get me|let me) out (?:of|from) (?:this|the|your|ur) (?:list|thing|texts|messages)\b",
    r"\b(?:cease|stop|end|discontinue|halt)(?: all| any)? "
    r"(?:communications?|contact|correspondence|outreach)\b",
    r"\b(?:to not|not to|never to) be (?:contacted|texted|messaged|bothered)\b",
    r"^(?:\w+ )?no more of (?:this|these|that|it)\b(?! (?:in|colou?r|size|left|available|stock)\b)",
    # "why do you keep texting me?": still written to after saying no
    r"\bwhy (?:do|are|r|does|would|will) (?:you|u|ya|yall|you guys|they) (?:\w+ )?(?:keep|still|continue to) "
    r"(?:on )?(?:texting|messaging|writing|contacting|spamming|bugging)\b|\b(?:you|u|ya) (?:\w+ )?keep "
    r"(?:on )?(?:texting|messaging|spamming|contacting)\b",
    # Unsubscribed already and still texted (an unsubscription from something else is set aside first).
    r"\bi (?:\w+ )?(?:unsubscribed|unsubbed|opted out)\b",
    r"\b(?:"
    + _MESSAGES_EN[3:-1]
    + r"|these|this)\b(?: \w+){0,4} (?:cut it out|knock it off|give it a rest)\b",
    r"\bstop(?:p?ing)? (?:\w+ )?(?:texting|txting|texing|messaging|msging|contacting|spamming|bothering|"
    r"sending|emailing|calling|with the (?:texts|messages))\b",
    # a slipped "stop" ("stp", "stip": autocorrect on a train) only right before sending or texting the
    # shopper, and not an item ("stp sending me the wrong size")
    r"\b(?:stp|stip|stpo|sotp|stoo) (?:sending|texting|txting|messaging|msging) (?:me|us)\b"
    r"(?! (?:the|a|an|my|that|this|wrong)\b(?! (?:texts|messages|msgs)\b))",
    r"\bstop (?:the|these|those|your|all|all the|all these|all of these|ur) (?:\w+ )?"
    r"(?:texts|messages|msgs|sms|spam|notifications|reminders)\b(?! " + _ON_SOMETHING_ELSE + ")",
    # "they never contacted me again" tells what happened, it asks nothing.
    r"\b(?:dont|do not|never|pls dont|please dont|quit) (?:ever )?"
    + _VERB
    # "quit sending me the wrong size" complains about an item.
    + r"\w*(?<!ed) (?:me|us|this number)\b(?! (?:the |a |an )?wrong\b)",
    r"\b(?:remove|delete|erase|unlist) (?:me|my (?:number|phone|info|contact)|this number)"
    r"(?! from (?:the|my) (?:cart|order|bag))\b",
    r"\b(?:take|drop|get|cross) (?:me|my number|this number) (?:off|out of)\b",
    # "this number was my son's, please take it off your list", "take my mum's number off your texts": the
    # number, not an item ("off my list").
    r"\b(?:take|get|drop|cross) (?:\w+ ){0,4}(?:off|out of) (?:your|ur|this) (?:\w+ )?"
    r"(?:list|system|database|records|contacts|texts|text messages|messages|sms)\b",
    # "I'd kindly ask you not to send me any more texts", "don't send your promos to it anymore"
    r"\b(?:not|dont|do not|never) (?:to )?send (?:me |us |this number )?(?:any ?more |more |further |again )?"
    r"(?:\w+ )?" + _MESSAGES_EN + r"\b(?! (?:about|with|for|when|if)\b)"
    r"|\b(?:dont|do not|never) send (?:\w+ )?"
    + _MESSAGES_EN
    + r" (?:to (?:it|me|us|this (?:phone|number|cell)) )?"
    r"(?:again|any ?more)\b",
    r"\b(?:lose|delete|forget|bin|ditch|scrap) my (?:number|phone number|info)\b",
    # "I'd be grateful if you no longer texted this number", "if you stopped messaging me"
    r"\bif (?:you|u) (?:would |could )?(?:no longer|stopped|ceased|did not|didnt|never again) "
    r"(?:text|messag|contact|writ|sen[dt]|bother)\w*(?: \w+)? (?:me|us|this number|my number|this phone)\b",
    r"\b(?:unsubscribe|unsuscribe|unsub|opt me out|opt out|optout|stopall)\b",
    r"\b(?:no|dont send|i dont want|i do not want|i dont need) (?:any )?(?:more|further) "
    r"(?:texts|messages|msgs|sms)\b",
    r"\b(?:i )?(?:dont|do not|no longer) (?:want|need|wish to (?:get|receive)|like) "
    r"(?:(?:any more|more|any) of )?"
    r"(?:text )?(?:your |these |those |"
    r"any "
    r"|ur |the |any more |all these |all the )?(?:text )?"
    r"(?:texts|messages|msgs|sms|reminders|notifications)\b"
    # "texts about my order" are wanted; "reminders about my cart" are these texts.
    # "… these messages on my telephone" is where they land
    r"(?! (?:about|regarding|for|on(?! (?:my|this) (?:phone|cell|mobile|telephone|number)\b)) "
    r"(?!(?:my |the |this |your |ur )?(?:cart|basket|bag)\b))",
    # "I want to be removed", "ik wil afgemeld worden", "möchte abgemeldet werden", "voglio essere rimosso"
    r"\b(?:want|like|wish) to be (?:removed|unsubscribed|taken off)\b",
    # learners: "I not want more this texts", "please you stop to send me"
    r"\bi (?:not|no) want (?:(?:more|any|this|these|your) ){0,3}" + _MESSAGES_EN + r"\b",
    r"\bstop to (?:send|write|text|message|contact)(?:ing)? (?:me|us)\b",
    r"\bleave me alone\b",
    r"\b(?:i )?(?:want|want to have) nothing (?:more )?to do with (?:you|your store|this store)\b",
    r"\bhow did (?:you|u|ya|yall|you guys) (?:even )?get (?:my|this) (?:number|phone number|contact|info)\b",
    # Polite refusals of more contact; "I'd rather not pay for shipping" names no texts and is no refusal.
    r"\b(?:rather|prefer) not (?:to )?(?:get|receive|have) (?:these|those|them|(?:any ?more|further|your|ur|"
    r"these|those|any) (?:texts|messages|msgs|sms|reminders|notifications))\b",
    r"\b(?:dont|do not|rather not|prefer not to|no longer) (?:want to |wish to |like to )?be (?:contacted|"
    r"texted|messaged|bothered|disturbed)(?=$| anymore| any more| again| by (?:you|your store|this store)|"
    r" thanks| thank you| please| pls)",
    # "stop writing to me in English" asks for another language, not for silence.
    r"\b(?:stop|stp) (?:writing|texting|messaging) (?:to )?(?:me|us)\b(?! in )",
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
    rf"^(?:\w+ )?enough (?:of )?(?:the |your |these |ur )?(?:texts|messages|msgs|sms)\b(?! {_ABOUT}\b)",
]
_MESSAGES_ES = (
    r"(?:mensajes|mensaje|mensajitos|mensajito|msjs?|textos|sms|whatsapps?|wasaps?|promociones|notificaciones|"
    r"recordatorios|avisos|alertas|publicidad)"
)
# "textear" (Latin America): "dejen de textearme", "no me textees más"
_CONTACT_ES = r"(?:escrib|mand|envi|contact|molest|spame|llegar|texte)"
# "no me envíen el rosa" names an item: not the texts.
_AN_ITEM_ES = (
    r"\b(?! (?:el|la|los|las|un|una|otro|otra|ese|esa|este|esta|al|hasta|antes|lo)\b(?! (?:\w+ )?"
    + _MESSAGES_ES
    + r"))"
)
# "... de ustedes" is from the shop, not about something else.
_NOT_FROM_YOU_ES = (
    r"(?! (?:de|del|sobre|con) "
    r"(?!(?:ustedes|uds|usted|ud|vosotros|ti|vos|(?:su|tu|esta|vuestra|la) tienda)\b))"
)
_REVOCATION_PATTERNS_ES = [
    # "quiero cancelar la recepción de estos mensajes" ("cancelar el envío exprés" is a delivery)
    r"\bcancel\w* (?:la |el )?(?:recepcion|envio) (?:de |del )?(?:(?:los|sus|estos|esos|tus) )?"
    + _MESSAGES_ES
    + r"\b",
    # "quiero desuscribirme", "¿me desuscribo cómo?"; "me desuscribí del gimnasio" is a story (read as absent)
    r"\b(?:desuscrib|desinscrib)\w*\b",
    # learners' infinitive: "no mandar más mensajes a mí por favor"
    r"\bno (?:me )?(?:mandar|enviar|escribir) (?:mas|nunca) (?:\w+ )?" + _MESSAGES_ES + r"\b",
    # "que dejaran de enviarme estos mensajes", "q dejen d mandarme msjs", "absténganse de escribirme"; a
    # clitic or a plain "escribir" is needed: "¿dejaron de enviar a Chile?" asks about shipping.
    # "no pares de mandarme ofertas" (don't stop) wants them; "no paran de escribirme" complains.
    # Spanish puts the clitic after the verb ("de mandarme"); "de me mandar" is Portuguese.
    # "ya dejo de molestar" is the shopper's own promise.
    r"\b(?!(?<=no )(?:pares|paren|pare|dejes|dejen|deje)\b)(?!(?:dejo|paro|evito|dejare|parare)\b)"
    r"(?:dej|par|absten|evit)\w* (?:de|d) (?:"
    + _CONTACT_ES
    + r"\w*(?:me|nos)\b|(?:escrib|molest|spame|contact|texte)\w*|(?:mand|envi)\w* (?:\w+ )?"
    + _MESSAGES_ES
    + r")"
    + _AN_ITEM_ES,
    # "no me escriban más", "que no me contactaran más"; "ya no envían más a Chile?" (no one named) ships, and
    # "no me mandaron más info" (past) complains about an order.
    r"\bno (?:(?:me|nos) "
    + _CONTACT_ES
    + r"|(?:escrib|contact|molest|texte))(?!\w*(?:aron|ieron|aste|iste|o)\b)\w*"
    r"(?: \w+)? mas\b(?! (?:de|que) )",
    r"\b(?:dej|par)\w* (?:de|d) recibir (?:\w+ ){0,2}" + _MESSAGES_ES + r"\b",
    r"\b(?:no hace falta|no es necesario|no hay necesidad de|no necesito) (?:que |q )?"
    r"(?:(?:me|nos) (?:sigan |sigas )?"
    + _CONTACT_ES
    + r"\w*|(?:sigan |sigas )?(?:escrib|contact|record)\w*|"
    + _CONTACT_ES
    + r"\w*(?:me|nos)\b)"
    + _AN_ITEM_ES,
    # "(preferiría que) no volviera a contactarme": the subjunctive too
    r"\bno (?:me |nos |le |les )?(?:vuelv\w*|volv\w*) a (?:escribir|mandar|enviar|contactar|"
    r"molestar)\w*" + _AN_ITEM_ES,
    r"\b(?:no|ni) me (?:escribas|escriban|mandes|manden|envies|envien|contacten|contactes|molesten|"
    r"molestes|textees|texteen)\b" + _AN_ITEM_ES,
    r"\b(?:dar|darme|denme|dame|deme|dennos|danos) de (?:baja|vaja)\b",
    # "sáquenlo de la lista" (it: the number); "quita la chaqueta de la lista" names an item.
    r"\b(?:elimin|borr|quit|saqu|sac|retir)\w*(?:lo|la|me|nos)(?: \w+)? de la lista\b(?! de )",
    # "¿por qué me siguen escribiendo?": still written to after saying no
    r"\b(?:por ?que )?(?:me |nos )?(?:siguen|sigues|continuan|continuas) (?:\w+ )?(?:escribiendo|mandando "
    r"(?:\w+ )?" + _MESSAGES_ES + r"|molestando|contactando)\b",
    r"^(?:ya )?no mas(?: por favor| porfa| gracias| plis| please)*$",
    r"\b(?:quiero |quisiera )?salir(?:me)? de (?:la|esta|su|sus|vuestra|tu) (?:\w+ )?listas?\b(?! de espera)",
    # "no quiero más msjs de su tienda"; "ya no quiere recibir sus mensajes" (the owner, said for them)
    r"\bno (?:quiero|kiero|qiero|deseo|quiere|queremos) (?:recibir )?(?:mas )?"
    r"(?:(?:sus|tus|estos|esos|vuestros) )?"
    r"(?:" + _MESSAGES_ES[3:-1] + r"|ofertas|nada mas|nada)\b" + _NOT_FROM_YOU_ES,
    # "no enviéis promociones aquí", "no manden más publicidad": the texts named
    # Andalusian "no me mandei ma' mensaje"
    r"\bno (?:me |nos )?(?:envien|manden|envies|mandes|mandei|enviei)(?: mas)? (?:\w+ )?"
    + _MESSAGES_ES
    + r"\b",
    r"\bno mas (?:mensajes|textos|sms)\b",
    r"\bya no (?:me )?(?:escriban|escribas|manden|mandes|envien|envies|texteen|textees)\b",
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
    r"\b(?<!temporada )(?<!talla )(?<!calidad )(?<!mas )(?<!muy )(?<!presion )baja\b"
    r"(?! (?:de |el |la |los |las |un |una )?(?:precio|precios|costo|costos|coste|talla|tallas|temporada|"
    r"calidad|"
    r"stock|poco|un poco|mas|hasta|al|en)\b)"
    # "dimos de baja a dos niños del campamento" took someone else off something
    r"(?! a (?!(?:este|mi|mis) (?:numero|telefono|movil|celular|datos)\b)\w)"
    # "di de baja mi cuenta vieja": an account of theirs, elsewhere
    r"(?! (?:mi|la|una|el|su) (?:cuenta|cuentas|tarjeta|linea|membresia|plan)\b)",
    r"\b(?:dejen|deja|dejame|dejenme) (?:de (?:escribir|mandar|enviar|textear)\w*|en paz)\b",
    # "no quiero que me vuelvan a escribir", but not "no quiero que me escriban el nombre mal".
    r"\bno (?:quiero|deseo|queremos) que (?:me|nos) (?:vuelvan|vuelvas|vuelva) a (?:escribir|mandar|enviar|"
    r"contactar|molestar|llamar)\b",
    r"\bno (?:quiero|deseo|queremos) que (?:me|nos) (?:sigan|sigas|siga) (?:escribiendo|mandando|enviando|"
    r"contactando|molestando|llegando)\b",
    r"\bno (?:me |m |nos |le |les )?(?:escriban|escribas|manden|mandes|envien|envies|contacten|contactes)"
    r"(?: nada)? mas\b" + _AN_ITEM_ES,
    r"\bno (?:quiero|kiero|qiero|deseo) (?:(?:que|q) me "
    r"(?:escriban|contacten|molesten|escribas|contactes|manden|envien)|"
    r"(?:volver a )?ser (?:contactad|molestad)[oa]s?)(?: mas| nunca mas)?"
    r"(?: (?:por|a) (?:aqui|aca|este medio|este numero|sms|mensaje|whatsapp|aca))?"
    r"(?: gracias| por favor| porfa| porfavor)?$",
    r"\b(?:paren|pare|parale|dejen|deja|deje|dejad|dejaran|dejasen|dejarais) (?:ya )?de (?:escribir|mandar|"
    r"enviar|molestar|contactar|textear|"
    r"spamear)(?:me|nos)?\b(?! (?:el|la|los|las|un|una) (?:pedido|paquete|producto|articulo))",
    r"\bcancel(?:ar|a|en|o) (?:la |mi )?(?:suscripcion|subscripcion|inscripcion)\b",
    # "elimínenme", "bórrenme ya", but "elimíname el gorro del carrito" is about the cart.
    # "me quitan de la lista por favor": the request put as a statement
    r"\bme (?:quitan|quiten|sacan|saquen|borran|borren|eliminan|eliminen|retiran|retiren) de (?:la|su|sus|tu|"
    r"esta|vuestra) (?:\w+ )?listas?\b(?! de (?:espera|deseos|compras|regalos))",
    r"\b(?:eliminenme|eliminame|elimineme|borrenme|borrame|borreme|quitenme|quitame|saquenme|sacame)"
    r"(?: (?:por favor|porfa|ya|ahora|gracias|de (?:la|su|tu|sus|vuestra|esta) (?:lista|listas|base de "
    r"datos)))*(?:$| ya\b| de (?!dudas|una duda|la duda))",
    r"\b(?:paren|para|pare|parale|basta|dejen|deja) (?:ya )?(?:con|de) "
    r"(?:los |tus |sus |estos |esos |tantos )?(?:mensajes|mensajitos|textos|sms)\b",
    r"\b(?:borr|elimin)(?:en|a|e|ar) (?:todos )?mis datos\b",
    r"\b(?:cancel|borr|elimin)(?:en|a|e|ar) mi (?:registro|suscripcion|inscripcion)\b",
]
_MESSAGES_FR = (
    r"(?:messages?|msgs?|sms|textos?|texto|notifications?|notifs?|rappels?|relances?|pubs?|publicites?)"
)
_CONTACT_FR = r"(?:ecrire|relancer|envoyer|contacter|texter|solliciter|spammer|harceler|deranger)"
# "ne m'envoyez pas le rose", "pas besoin de m'envoyer la facture": an item, not the texts.
_AN_ITEM_FR = (
    r"\b(?! (?:le|la|les|l|un|une|mon|ma|mes|ce|cette|au|du|de|des|d)\b"
    r"(?! (?:\w+ )?" + _MESSAGES_FR + r"| (?:votre|ta) part\b| vous\b| chez vous\b"
    # "arrêtez de texter ce numéro": the number texted is the shopper's phone, not an item
    r"|(?<=\bce) (?:numero|portable|telephone|tel|cell|mobile)\b))"
)
# "plus de SMS que ma banque" compares: "plus" is not "no more" when a "que" follows
_NOT_COMPARED = r"(?!(?: \w+){1,3} qu(?:e)?\b)"
_REVOCATION_PATTERNS_FR = [
    # "pas besoin de me relancer", "inutile de m'écrire", "g pas besoin de vos msg"
    r"\b(?:pas besoin|plus besoin|pas la peine|plus la peine|inutile|nul besoin|aucun besoin)(?: de| d)? (?:"
    r"(?:qu on |que vous )?(?:m|me|nous) (?:ecri|relanc|envoi|envoy|contact|text|sollicit|spamm|harcel|"
    r"derang)\w*" + _AN_ITEM_FR + r"|(?:vos|ces|tes|de|d) " + _MESSAGES_FR + r"\b)",
    r"\b(?:arret|cess|stopp)(?:ez|e|er|es)? (?:de |d )?(?:m |me |nous )?" + _CONTACT_FR + r"\b" + _AN_ITEM_FR,
    r"\bne plus (?:etre|qu on me) (?:re)?(?:contacte|derange|sollicite|relance|ecrive|harcele)e?s?\b"
    r"(?! par (?:le|la|les|un|une) (?:livreur|livreuse|transporteur|facteur|coursier))",
    # "vous pouvez me rayer de votre liste"
    r"\b(?:me|m) (?:retir|supprim|enlev|ray|effac|sort)\w* (?:de|du|des|d) "
    r"(?:votre|vos|la|ta|cette|ce|leur|l) (?:\w+ )?(?:liste|fichiers?|base|repertoire|newsletter|envois)\b",
    r"\b(?:ne |de |d )?plus (?:m|me|nous) " + _CONTACT_FR + r"\b" + _AN_ITEM_FR,
    r"\bpourquoi (?:vous |tu )?(?:continuez|continues) (?:a |de )?(?:m |me )?(?:ecrire|envoyer|relancer|"
    r"contacter|texter)\b|\bpourquoi (?:vous |tu )?(?:m ecrivez|me relancez|me contactez|me textez|m ecris) "
    r"(?:encore|toujours|sans arret|tout le temps)\b",
    # "jveux plus recevoir vos trucs", "je ne veux plus rien recevoir de votre part"
    r"\b(?:je |j )?(?:ne |n )?j?(?:veux|voudrais|souhaite|desire|veut|veulent|voulons) (?:plus|plu|pus?|pas) "
    r"(?:rien |les |en )?recevoir\b" + _AN_ITEM_FR,
    r"\b(?:ne )?(?:m|me|nous|lui|leur) (?:envoyez|envoie|envoies|envoyer|ecrivez|ecris|ecrire|"
    r"(?:re)?contactez|(?:re)?contacte|spammez|harcelez|relancez) (?:\w+ )?(?:plus|jamais)\b",
    r"\barret(?:ez|e|er)? (?:de |d )?(?:m |me |nous |lui |leur )(?:envoyer|ecrire|contacter|spammer"
    r"|harceler|relancer)\b",
    # with no "me", what is sent may be an item: "arrêtez d'envoyer le colis à cette adresse"
    r"\barret(?:ez|e|er)? (?:de |d )?(?:envoyer|ecrire|contacter|spammer|harceler|relancer)\b" + _AN_ITEM_FR,
    r"\barret(?:ez|e|er)? (?:les|vos|ces|tes|avec les|avec vos) " + _MESSAGES_FR + r"\b",
    # "je veu plus" as typed
    r"\b(?:je )?(?:ne )?j?(?:veux|veu|souhaite|desire|veut|veulent) (?:plus|plu|pus?|pas|aucun|aucune) "
    r"(?:\w+ ){0,2}" + _MESSAGES_FR + r"\b",
    r"\bplus" + _NOT_COMPARED + r" (?:de |d )?" + _MESSAGES_FR + r"\b",
    # "je souhaiterais ne plus recevoir vos messages", "afin de ne plus recevoir de sms"
    r"\bne plus (?:recevoir|avoir) (?:de |d |vos |ces |les |des |aucun |aucune )?(?:\w+ )?"
    + _MESSAGES_FR
    + r"\b",
    r"\b(?:stop|assez|marre) (?:a |aux |de |des |avec )?(?:vos |ces |les )?" + _MESSAGES_FR + r"\b",
    r"\bdes(?:abonn|inscri)\w*\b",
    r"\b(?:retirez|supprimez|enlevez|effacez|rayez|sortez|oubliez|oublie|virez) (?:moi|mon numero|mon num)\b",
    # someone else's phone: "retirez-la de vos envois", "virez-le de la liste"
    r"\b(?:retirez|supprimez|enlevez|effacez|rayez|sortez|virez) (?:le|la|les) (?:de|des|d) (?:vos|votre|la|"
    r"cette|ces) (?:\w+ )?(?:listes?|envois|fichiers?|base)\b",
    r"\blaissez moi tranquille|\bfoutez moi la paix|\blachez moi\b",
    # "annulez mon abonnement"; "j'ai annulé mon abonnement à la box beauté" names something else
    r"\bannul\w* (?:mon |l |mon |cet |l )?(?:abonnement|inscription)(?: (?:aux|des) (?:sms|messages))?\b"
    r"(?! (?:a|au|aux|de|d|du|des|chez|pour|sur) (?!(?:sms|messages|textos|vos|ces)\b)\w)",
    r"\bne (?:veux|voulons) plus (?:entendre parler|rien savoir) de vous\b",
    r"\bne plus (?:(?:m|me|nous|lui|leur) )?(?:envoyer|ecrire|adresser) (?:de |d |des )?(?:\w+ )?"
    + _MESSAGES_FR
    + r"\b",
    # "merci de ne plus écrire" (to a phone whose owner died); "ne plus envoyer à l'ancienne adresse" ships
    r"\b(?:merci|priere|svp|veuillez|please) de ne plus (?:ecrire|envoyer|contacter|texter|relancer)\b"
    r"(?! (?:a|au|aux|chez|par)\b)" + _AN_ITEM_FR,
    # "supprimez-le et n'envoyez plus rien"; "n'envoyez plus rien à cette adresse" is about parcels
    r"\b(?:n|ne) (?:m |me |nous |lui |leur )?(?:envoyez|ecrivez|envoie|ecris|textez) plus rien\b"
    r"(?! (?:a|au|aux|chez|par)\b)",
    # Quebec "pu" for "ne plus": "textez-moi pu", "envoyez-moi pus rien"
    r"\b(?:envoyez|envoie|ecrivez|ecris|textez|texte|contactez|relancez)(?: moi| nous| lui| leur)? pus?\b",
    r"\b(?:veux|souhaite|desire|voudrais|souhaiterais) (?:plus|pas|plus jamais) (?:etre|qu on me) "
    r"(?:re)?(?:contacte|derange|sollicite|relance|ecrive|harcele)e?s?\b"
    r"(?! par (?:le|la|les|un|une) (?:livreur|livreuse|transporteur|facteur|coursier))",
    r"\b(?:supprimez|effacez|supprime|efface|supprimer|effacer) (?:toutes )?mes (?:donnees|coordonnees|infos|"
    r"informations)\b",
    r"\bne plus (?:m|me|nous) (?:envoyer|ecrire|contacter|relancer|spammer|harceler)\b"
    r"(?! (?:le|la|les|mon|ma|mes|ce|cette|au) (?:colis|commande|paquet|article|produit|facture))",
]
_MESSAGES_DE = (
    r"(?:sms|nachrichten|nachricht|mitteilungen|kurzmitteilungen|textnachrichten|texte|werbung|erinnerungen|"
    r"werbenachrichten|werbenachricht|werbemitteilungen)"
)
_CONTACT_DE = r"(?:schreib|schick|send|kontaktier|anschreib|simsen|smsen|texten|zuschick|nerv|spamm)"
_REVOCATION_PATTERNS_DE = [
    # "kann man diese Nachrichten irgendwie canceln?": asking whether the texts can be turned off
    r"\b(?:kann man|kann ich|konnt ihr|konnen sie)\b(?: \w+){0,4} " + _MESSAGES_DE + r"(?: \w+){0,2} "
    r"(?:canceln|abbestellen|abstellen|deaktivieren|ausschalten|loswerden)\b",
    # "bitte keine SMS (mehr) senden": none to be sent ("mer" as typed for "mehr")
    r"\bkeine? (?:\w+ )?" + _MESSAGES_DE + r" (?:mehr |mer )?(?:senden|schicken|zuschicken|schreiben)\b"
    r"(?! (?:an|fur|uber|wenn|zu)\b)",
    # "nehmt meine Nummer raus", "nehmen Sie die Nummer bitte raus"; "ich nehme die Nummer 42" is a size
    r"\bnehm(?:t|en sie) (?:\w+ )?(?:meine|mei|die|diese|unsere) (?:handy|telefon|mobil)?nummer "
    r"(?:\w+ )?raus\b",
    # "bitte hört auf, mir ständig Nachrichten zu senden", "hören Sie auf, mich anzuschreiben"
    r"\b(?:hort|horen sie|hor) auf (?:mir|mich|uns) (?:\w+ ){0,4}"
    r"(?:zu (?:schreiben|schicken|senden|kontaktieren|"
    r"simsen|texten)|anzuschreiben|zuzuschicken)\b",
    # "wäre nett, wenn ihr mir nichts mehr schickt", "ihr braucht nicht mehr schreiben", "bitte nix mehr
    # schicken"; "schickt es nicht mehr an die alte Adresse" is about a parcel.
    r"\b(?:mir|mich|uns|bitte|ihr \w+|sie \w+) (?:\w+ )?(?:nichts|nix|nicht|nie|keine \w+) mehr (?:zu )?"
    + _CONTACT_DE
    + r"\w*\b(?! (?:an|nach|zu|zur|zum) )",
    r"\b(?:will|mochte|mag|brauche|brauch) (?:\w+ ){0,2}"
    + _MESSAGES_DE
    + r" (?:\w+ )?(?:nicht mehr|nimmer|nie mehr|nicht)\b(?: (?:bekommen|erhalten|kriegen|haben|lesen|"
    r"sehen)\b)?",
    # "hört mal auf mich vollzuspammen", "hört's auf, mir dauernd zu schreiben"; "ich hör auf" is the shopper.
    r"\b(?<!ich )hor(?:t|ts|en|en sie|e)? (?:\w+ ){0,2}auf(?: damit)? (?:(?:mir|mich|uns) (?:\w+ ){0,2})?"
    r"(?:zu |mich zu )?(?:schreiben|simsen|spammen|nerven|kontaktieren|texten|schicken|vollzuspammen|"
    r"zuzuspammen|anzuschreiben|zuzuschicken)\b",
    r"\b(?:stellt|stell|stellen sie|stellen) (?:\w+ ){0,2}" + _MESSAGES_DE + r" (?:\w+ )?(?:ab|ein)\b",
    r"\b(?:das|dieses) (?:schreiben|simsen|texten|spammen|nerven|anschreiben) (?:sein |bleiben )?"
    r"(?:lasst|lassen|unterlasst|unterlassen)\b|\blass(?:t|en sie)? (?:das|dieses) (?:schreiben|simsen|"
    r"texten|spammen|anschreiben)\b",
    r"\b(?:hab|habe|hatte) mich (?:schon |doch |bereits |langst )*(?:abgemeldet|ausgetragen)\b",
    r"\b(?:warum )?(?:schreibt|schickt|simst|kontaktiert|nervt|spammt) ihr (?:mir|mich) (?:\w+ )?"
    r"(?:immer noch|"
    r"dauernd|standig|andauernd|schon wieder|immer wieder)\b",
    # "keine SMS mehr bekommen" says none came
    r"\bkeine (?:\w+ )?" + _MESSAGES_DE + r" mehr\b(?! (?:bekommen|erhalten|gekriegt|gesehen|angekommen)\b)",
    r"\b" + _MESSAGES_DE + r" (?:bitte )?(?:abbestellen|abmelden|stoppen|beenden)\b",
    r"\b(?:schreib|schreibt|schreiben sie|schick|schickt|kontaktiert|kontaktieren sie|meldet euch|"
    r"melden sie sich) "
    r"(?:mir|mich|uns|bei mir) (?:\w+ )?(?:nie wieder|nie mehr|nimmer)\b",
    r"\b(?:abgemeldet|ausgetragen|entfernt|geloscht) (?:werden|zu werden)\b",
    r"\b(?:abo|abonnement|anmeldung) (?:\w+ )?(?:kundigen|beenden|loschen|stornieren)\b",
    r"\b(?:schreib|schreiben|schick|schicken|sende|senden) (?:sie )?(?:mir|uns) (?:\w+ )?(?:nicht|nie|keine) "
    r"(?:\w+ )?mehr\b",
    r"\b(?:schreib|schreibt|schreiben|schick|schickt|schicken|sende|sendet|senden|kontaktier\w*) (?:sie )?"
    r"(?:mir|mich|uns|ihm|ihr|ihnen) (?:\w+ )?nicht mehr\b",
    r"\b(?:hor|hort|horen|horen sie) (?:bitte )?auf(?: damit)?,? (?:mir|mich) (?:\w+"
    r" ){0,2}(?:schreiben|schicken|"
    r"senden|kontaktieren|zu schreiben|zu schicken|zu kontaktieren|anzuschreiben|zuzuspammen|zu nerven|"
    r"zu belastigen|zu simsen)\b",
    r"\b(?:hor|hort|horen|horen sie) (?:bitte )?(?:endlich )?auf (?:mir |mich )?(?:zu )?(?:schreiben|simsen|"
    r"spammen|nerven|kontaktieren|texten)\b",
    r"\b(?:stopp|stoppt|stoppen sie|stop) (?:die|diese|eure|ihre|deine|alle|mit den|mit diesen) (?:\w+ )?"
    + _MESSAGES_DE
    + r"\b",
    r"^(?:\w+ ){0,2}nicht (?:mehr )?(?:her|hier)?(?:schreiben|anschreiben|schicken|senden|kontaktieren|"
    r"simsen|smsen|belastigen|nerven)\b(?! (?:an|nach|zu) )",
    # Bavarian "schreibts do nimma her", "schreibts ned do her": not here (any more), this phone meant
    r"\b(?:schreibt|schickt|simst|schreib|schick|schreiben sie|schicken sie) (?:(?:mir|mich|uns) )?"
    r"(?:(?:do|da|hier) )?(?:nicht|nie|nichts) (?:mehr )?(?:(?:do|da|hier) )?(?:her|hierher)\b",
    # "bitte löschen und nix mehr schicken": the number deleted, nothing more sent
    r"\b(?:loschen|loscht|entfernen|entfernt|austragen|streichen) und (?:nichts|nix) mehr (?:zu )?"
    r"(?:schicken|senden|schreiben)\b",
    # Swiss "bitte schicked nüt meh" (read "schickt nichts mehr"): the verb first
    r"\b(?:schickt|schreibt|sendet|schicken sie|schreiben sie|senden sie) (?:(?:mir|uns) )?(?:bitte )?"
    r"(?:nichts|nix) mehr\b(?! (?:an|nach|zu|zur|zum|uber)\b)",
    r"\b(?:nehmt|nimm|nehmen sie|streicht|streich|loscht|losch|entfernt|tragt) (?:mich|meine nummer) "
    r"(?:bitte )?"
    r"(?:aus|von) (?:dem|der|eurem|eurer|ihrem|ihrer|deinem|deiner|diesem|dieser) (?:\w+ )?(?:verteiler|"
    r"liste|"
    r"kartei|newsletter|datenbank|system|sms liste|smsliste)\b",
    r"\baufhoren (?:mir|mich|uns) (?:\w+ ){0,3}(?:zu )?(?:schreiben|schicken|senden|kontaktieren)\b",
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
    r"\blass(?:t|en sie|en)? (?:mich|uns) (?:\w+ ){0,3}in (?:ruhe|ruh|frieden)\b",
    r"\b(?:will|mochte|mochten|wollen) (?:\w+ )?nicht (?:mehr|weiter|langer) (?:kontaktiert|angeschrieben|"
    r"belastigt|gestort|"
    r"angerufen|angesimst) werden\b",
    r"\b(?:loschen|entfernen) sie (?:bitte )?(?:alle )?meine daten\b",
    r"^(?:\w+ )?genug (?:mit )?(?:den |euren |ihren |diesen |deinen )?"
    + _MESSAGES_DE
    + r"\b(?! (?:uber|zu|zur|zum))",
    r"\b(?:will|mochte) (?:nichts|nix) mehr von (?:euch|ihnen|dir) (?:horen|wissen)\b",
    r"\b(?:aus|von) (?:dem|eurem|ihrem|deinem|der|eurer|ihrer|dieser|diesem) (?:sms )?"
    r"(?:verteiler|liste|mailingliste|newsletter|sms liste)\b (?:\w+ )?(?:nehmen|streichen|loschen|entfernen|"
    r"austragen|raus)\b",
    r"\bwill (?:keine|nichts mehr|kein) (?:\w+ )?" + _MESSAGES_DE + r"\b",
    # learners and Swiss German: "ich möchte nicht mehr diese SMS bekommen", "will die Nachrichten nicht mehr"
    r"\b(?:will|mochte|mochten|wollen) (?:nicht mehr|nie mehr|keine) (?:\w+ ){0,2}" + _MESSAGES_DE + r"\b",
    r"\b(?:will|mochte|mochten|wollen) (?:\w+ ){0,2}" + _MESSAGES_DE + r" nicht mehr\b",
    r"\baufhoren mit (?:dem |den )?(?:schreiben|schicken|senden|simsen|spammen)\b",
    r"\b(?:abmelden|austragen) (?:sie )?mich\b",
    r"\b(?:will|mochte|mochten|wollen) (?:mich )?(?:abmelden|austragen)\b(?! (?:beim|bei dem|vom|von dem) )",
    r"\bhor(?:t|en sie)? (?:bitte )?mit (?:dem|den|eurem|ihrem|diesem) (?:\w+ )?(?:zeug|quatsch|mist|spam|"
    + _MESSAGES_DE[3:-1]
    + r") (?:\w+ )?auf\b",
]
_MESSAGES_IT = r"(?:messaggi|messaggio|msgs?|sms|notifiche|promemoria|whatsapp|comunicazioni)"
_CONTACT_IT = r"(?:scriv|mand|invi|contatt|cerc|disturb)"
_AN_ITEM_IT = r"\b(?! (?:il|la|lo|i|le|gli|un|una|l|quello|quella)\b(?! (?:\w+ )?" + _MESSAGES_IT + r"))"
_REVOCATION_PATTERNS_IT = [
    # the shopper taken off a list, formally too: "mi tolga dalla lista", "ci tolgano pure dal loro elenco"
    r"\b(?:mi|ci) (?:tolga|tolgano|togliete|togli|cancelli|cancellino|cancellate|rimuova|rimuovano|rimuovete|"
    r"levi|levino|levate|elimini|eliminino|eliminate) (?:pure |subito )?(?:dalla|dalle|dai|dal|da) (?:\w+ )?"
    r"(?:lista|liste|elenco|elenchi|rubrica|archivio|contatti)\b(?! (?:dei desideri|della spesa|nozze))",
    # "potreste smettere di scrivermi", "finitela di scrivermi", "evitate di scrivermi ancora"
    r"\b(?:smett|finit|piant|evit)\w* (?:di |de |a )?(?:(?:scriver|mandar|inviar|contattar|cercar|"
    r"disturbar)\w*"
    r"(?:mi|ci)\b|(?:mi |ci )"
    + _CONTACT_IT
    + r"\w*|(?:scocciar|rompere|importunar|disturbar)\w*)"
    + _AN_ITEM_IT,
    r"\bperche (?:continuate|continui) a (?:scriver|mandar|contattar|cercar)\w*|\bperche mi (?:scrivete|"
    r"contattate|cercate) ancora\b",
    # "non c'è bisogno che mi scriviate ancora", "non serve che mi scriviate"
    r"\b(?:non c e bisogno|non ce bisogno|non serve|non occorre|non e necessario|inutile) (?:che |di )?"
    r"(?:(?:mi|ci) "
    + _CONTACT_IT
    + r"\w*|(?:scriver|mandar|inviar|contattar|cercar)\w*(?:mi|ci)\b)"
    + _AN_ITEM_IT,
    # "sarebbe gentile se non mi mandaste più messaggi"; "non mi mandate ancora il codice?" awaits one.
    r"\b(?:non|nn) (?:(?:mi|ci) "
    + _CONTACT_IT
    + r"\w*|(?:scriv|contatt|cerc|disturb)\w*|"
    + _CONTACT_IT
    + r"\w*(?:mi|ci)\b) (?:\w+ )?(?:piu\b(?! (?:di|del|della|che|in|a|al|nel|per|verso) )"
    + _AN_ITEM_IT
    + r"|ancora$)",
    # "di non mandare più comunicazioni commerciali": the texts named, no one needed
    r"\b(?:non|nn) (?:inviar|mandar|invia|manda|spedir)\w* (?:piu )?(?:\w+ )?" + _MESSAGES_IT + r"\b",
    # Venetian and other northern "no me scrivè più", "no ce mandè più"
    r"\bno (?:me|mi|ce|ci) (?:scriv|mand|invi|contatt)\w* (?:\w+ )?piu\b" + _AN_ITEM_IT,
    r"\b(?:non|nn) (?:farmi|farci) piu (?:scrivere|contattare|cercare|disturbare|mandare)\b",
    r"\b(?:non|nn) (?:\w+ )?(?:ricevere (?:piu|altri)|piu ricevere) (?:\w+ ){0,2}(?:"
    + _MESSAGES_IT[3:-1]
    + r"|niente|nulla)\b(?! (?:su|sul|sulla|riguardo|del|dell|della) )",
    r"\bnon (?:mi |ci )?(?:scrivetemi|scrivermi|scrivete|scrivere|mandatemi|mandate|mandarmi"
    r"|inviatemi|"
    r"inviate|inviarmi|contattatemi|contattate|contattarmi|scrivimi|mandarmi|mandami|cercatemi)"
    r" (?:\w+ )?piu\b(?! (?:in|a|al|nel|per|verso) )" + _AN_ITEM_IT,
    # "non vuole più i vostri messaggi" (the phone's owner, said for them)
    r"\b(?:non|nn) (?:voglio|desidero|vuole|vogliamo) (?:piu )?(?:ricevere )?"
    r"(?:(?:piu|altri|i|questi|sti|vostri|tuoi) ){0,3}" + _MESSAGES_IT + r"\b",
    r"\bbasta (?:con )?(?:i |questi |coi |con i |con questi |vostri |tuoi )?" + _MESSAGES_IT + r"\b",
    r"\b(?:smettete|smettila|smetti|smettetela) (?:di )?(?:scrivermi|mandarmi|contattarmi|inviarmi|"
    r"scrivere|mandare|scriverle|scrivergli|mandarle|mandargli|contattarla|contattarlo)\b",
    r"\b(?:cancellatemi|cancellami|toglietemi|toglimi|rimuovetemi|rimuovimi|disiscrivetemi|disiscrivimi)\b",
    # "toglietelo dalla lista" (it: the number); "togli la tenda dalla lista" names an item.
    r"\b(?:rimuov|togli|cancell|elimin|lev)\w*(?:lo|la|mi|ci)(?: \w+)? dalla lista\b(?! (?:dei|della|di) )",
    r"\bdisiscri\w*\b",
    r"\b(?:non|nn) (?:scrivetemi|mandatemi|(?:ri)?contattatemi|inviatemi|cercatemi|scrivermi|mandarmi|"
    r"mandategli|mandatele|scrivetegli|scrivetele|"
    r"(?:ri)?contattarmi)\b"
    r"(?! (?:in|su|via|al|alla|a|prima|dopo|le|la|il) )",
    r"\bannull\w* (?:la |l |mia |l mia )?(?:iscrizione|sottoscrizione|registrazione)\b",
    r"\bessere (?:cancellat|rimoss|tolt)[oaie] (?:dalla|dalle|dai|dagli|da) "
    r"(?:vostr[aei] |questi |queste |sti )?"
    r"(?:lista|liste|mailing list|elenco|" + _MESSAGES_IT[3:-1] + r")\b",
    # "voglio cancellarmi da queste notifiche", "come faccio a togliermi da questi messaggi"
    r"\b(?:cancellarmi|togliermi|rimuovermi|disiscrivermi|cancellarci|toglierci) "
    r"(?:da|dai|dalle|dagli|dalla) "
    r"(?:\w+ )?(?:lista|liste|elenco|" + _MESSAGES_IT[3:-1] + r")\b",
    r"\b(?:smettete|smettila|smetti|smettetela|finitela|piantatela|basta) (?:con|coi|col) (?:questi |i |"
    r"tutti "
    r"questi |sti |st |vostri |tuoi )?" + _MESSAGES_IT + r"\b",
    r"\b(?:cancellate|togliete|rimuovete|eliminate) (?:il )?(?:mio numero|me)\b",
    r"\bniente piu " + _MESSAGES_IT + r"\b",
    r"\blasciatemi (?:in pace|stare)\b",
    r"\bnon (?:voglio|vogliamo) (?:piu )?sapere (?:piu )?(?:niente|nulla) (?:piu )?di voi\b",
    r"\b(?:non (?:voglio|desidero|vogliamo)|(?:chiedo )?di non) (?:piu )?essere (?:piu )?(?:ri)?(?:disturbat|"
    r"contattat|cercat|"
    r"scocciat)[oaie]\b(?! (?:dal|dalla|dai|da un|da una) (?:corriere|fattorino|postino|corrieri))",
    r"\b(?:cancellate|eliminate|rimuovete|cancella|elimina|cancellare|eliminare|cancellazione|eliminazione) "
    r"(?:tutti )?(?:i|dei) miei dati\b",
    r"\blasciami (?:in pace|stare)\b",
]
_MESSAGES_PT = (
    r"(?:mensagens|mensagem|sms|msgs?|torpedos|notificacoes|lembretes|promocoes|ofertas|propaganda|"
    r"propagandas|"
    r"publicidade)"
)
_CONTACT_PT = r"(?:mand|envi|escrev|contat|contact|incomod|ench)"
_AN_ITEM_PT = r"\b(?! (?:o|a|os|as|um|uma|meu|minha|esse|essa|pro|pra)\b(?! (?:\w+ )?" + _MESSAGES_PT + r"))"
_REVOCATION_PATTERNS_PT = [
    # "quero cancelar o recebimento dessas mensagens" ("cancelar o envio do pedido" is a delivery)
    r"\b(?:cancel|suspend|interromp)\w* (?:o )?(?:recebimento|envio) (?:de |d[oa]s? |dess[ae]s |dest[ae]s )?"
    + _MESSAGES_PT
    + r"\b",
    # "cancelei a assinatura e ainda recebo mensagens": told, and the texts still come
    r"\b(?:cancelei|descadastrei|sai)\b(?: \w+){0,5} (?:e|mas) (?:\w+ ){0,2}(?:receb|cheg)\w*(?: \w+){0,2} "
    + _MESSAGES_PT
    + r"\b",
    # learners' infinitive: "não mandar mais sms pra mim"
    r"\b(?:nao|n) (?:me )?(?:mandar|enviar|escrever) (?:mais|nunca) (?:\w+ )?" + _MESSAGES_PT + r"\b",
    # "seria ótimo se parassem de me escrever", "vc pode parar d mandar msg", "quero parar de receber essas
    # mensagens"; "pararam de mandar o rastreio?" asks about an order.
    r"\b(?!(?:(?<=nao )|(?<=no ))(?:pare|parem|pares|deixe|deixem)\b)(?:par|deix)\w* (?:de|d) (?:me |nos )?"
    + _CONTACT_PT
    + r"\w*\b"
    + _AN_ITEM_PT,
    r"\b(?:par|deix)\w* (?:de|d) receber (?:\w+ ){0,2}" + _MESSAGES_PT + r"\b",
    r"\bpor ?que (?:voces |vcs |vc |voce )?(?:continuam|continua|ficam|fica) (?:me )?(?:mandando|enviando|"
    r"escrevendo|incomodando)\b" + _AN_ITEM_PT,
    r"\b(?:nao|n) precisa(?:m)? (?:mais (?:me |nos )?"
    + _CONTACT_PT
    + r"\w*|(?:me |nos )"
    + _CONTACT_PT
    + r"\w* (?:mais|nada)|(?:me |nos )(?:escrever|contatar))\b",
    # "não me mandaram mais nada" (past: nothing came) complains about an order.
    r"\b(?:nao|n) (?:(?:me|nos) "
    + _CONTACT_PT
    + r"|(?:escrev|contat|incomod))(?!\w*(?:aram|eram|iram|ou|eu|iu)\b)"
    r"\w* (?:\w+ )?mais\b(?! (?:de|do|da|que|cedo|tarde|para|pra|pro) )",
    r"\b(?:parem|pare|parar|para|deixem|deixe|deixa) de (?:me |nos )?(?:mandar|enviar|escrever|mandarem|"
    r"enviarem|incomodar|encher)\b",
    r"\b(?:nao|n) (?:me |nos |lhe |lhes )?(?:mandem|mande|envie|enviem|escrevam|escreva|manda|envia|contatem|"
    r"contate) (?:\w+ )?mais\b",
    # "pedimos para não enviarem mais sms" (the personal infinitive)
    r"\b(?:para|pra|pa) (?:nao|n) (?:me |nos |lhe |lhes )?(?:mandarem|enviarem|escreverem|contatarem|"
    r"contactarem) (?:\w+ )?mais\b",
    r"\b(?:nao|n) (?:me |nos |lhe |lhes )?volte(?:m|s)? a (?:enviar|mandar|escrever|contactar|contatar|"
    r"incomodar)\b",
    r"\bnao (?:me |nos )?(?:mandem|mande|envie|enviem|manda|envia) (?:mais )?" + _MESSAGES_PT + r"\b",
    r"\b(?:nao|n|nem) (?:quero|qero|kero|desejo|quer|queremos) (?:mais )?(?:receber )?(?:mais )?"
    r"(?:(?:nenhuma|essas|esses|estas|estes|suas|seus|as|os|vossas) )?" + _MESSAGES_PT + r"\b",
    r"\bchega (?:de|dessas?|destas?|desses|das|com (?:essas|estas|as)) (?:\w+ )?" + _MESSAGES_PT + r"\b",
    # Brazilian slang, the texts sent away: "sai fora com essas msg", "vaza com essas mensagens"
    r"\b(?:(?:sai|saia|saiam|cai|caiam) fora|vaza|vazem|vaze|some|sumam|suma|chispa)(?: daqui)? com "
    r"(?:(?:essas?|esses|estas?|estes|suas?|seus|tuas?|teus|as|os|vossas?) )?(?:\w+ )?"
    + _MESSAGES_PT
    + r"\b",
    r"\bnao (?:quero|desejo) (?:mais )?receber (?:mais )?nada\b"
    r"(?! (?:de|sobre|do|da) (?!(?:voces|vcs|vc|voce|vossa|vos)\b))",
    r"\bsem mais " + _MESSAGES_PT + r"\b",
    r"\b(?:me )?(?:tire|tirem|tira|remova|removam|remove|exclua|excluam|apague|apaguem)(?: me| nos)? "
    r"(?:o )?(?:meu "
    r"(?:numero|contato|cadastro)|da (?:lista|sua lista))\b",
    # "me tira daqui"; "o site me tira da página", "me tira error" take nothing away from our list
    r"\bme (?:tire|tirem|tira)\b(?= (?:daqui|dai|dali|disso|dessa|desta|dessas|destas|desse|deste|fora|"
    r"da lista|da sua lista|por favor|pfv|pf|(?:do|da|dos|das) (?:\w+ )?(?:banco|base|cadastro|sistema|lista|"
    r"listas|contatos|envios|mensagens|sms))\b|$)"
    r"|\bme (?:remova|removam|exclua|excluam|descadastr\w+)\b",
    r"\bdescadastr\w*\b",
    r"\b(?:quero )?sair (?:da|dessa|desta|das|de sua) (?:sua )?(?:lista|listas|lista de (?:mensagens|sms))\b",
    r"\bme (?:deixa|deixe|deixem) em paz\b",
    r"\bnao (?:quero|queremos) (?:mais )?saber (?:mais )?(?:nada )?(?:mais )?de "
    r"(?:voces|vcs|vc|voce|vossa loja)\b",
    r"\bnunca mais (?:me |nos )?(?:mandem|mande|enviem|envie|escrevam|contatem|liguem)\b",
    # "não entrem mais em contato comigo"; "ninguém entrou mais em contato" (past) says nobody did.
    r"\b(?:nao|n) (?:me |nos )?(?:entrem|entre|entra) mais em conta(?:c)?to\b"
    r"|\bnunca mais (?:me |nos )?(?:entrem|entre) em conta(?:c)?to\b",
    # "cancela meu cadastro", but "cancela o pedido?" is about an order, not about the texts.
    r"\b(?:cancel|exclu|apag|delet|remov)(?!(?:ei|uei|ou|aram|eram|iram)\b)\w* (?:o |a )?(?:(?:meu|minha) )?"
    # "inscrição" as typed: "incriçao", "inscrisao"
    r"(?:cadastro|ins?cri[cs]ao|subscricao|"
    r"assinatura)\b",
    r"\b(?:apag|exclu|remov|delet)\w* (?:os |todos os )?meus dados\b",
    r"\bnao (?:quero|desejo) (?:mais )?ser (?:mais )?(?:incomodad|contatad|contactad|perturbad)[oa]s?\b"
    r"(?! pelo (?:entregador|motoboy|correio|carteiro))",
]
_TEXTS_NL = (
    "berichten|berichtjes|bericht|sms|smsjes|smsje|smskes|smske|smsen|sms jes|appjes|meldingen|herinneringen|"
    r"\w*reclame"
)
# "geen nieuwsbrief meer" asks for silence too; but the newsletter is the shop's email, so leaving it long ago
# is a story about it, not about these texts (_ANY_TEXTS, below, leaves it out).
_MESSAGES_NL = rf"(?:{_TEXTS_NL}|nieuwsbrief)"
_REVOCATION_PATTERNS_NL = [
    # "stoppen jullie met mij te sms'en", "hou op met me te appen"
    r"\b(?:stop|stopt|stoppen|hou op|houd op|ophouden)(?: \w+){0,3} met (?:mij|me|ons) (?:te )?"
    r"(?:smsen|sms en|sms|"
    r"appen|whatsappen|berichten|spammen|mailen)\b",
    # "haal het van de lijst" (het: the number); "haal de tent van de lijst" names an item.
    r"\b(?:haal|haalt|verwijder|verwijdert|schrap|schrapt) (?:het|hem|mij|me|ons|dit nummer) (?:\w+ )?"
    r"van de lijst\b",
    # "zou fijn zijn als jullie me niks meer sturen", "jullie hoeven me niet meer te sms'en"
    # Flemish "ge moogt mij nie meer sms'en"
    r"\b(?:me|mij|ons|haar|hem) (?:\w+ )?(?:niks|niets|niet?|geen \w+) meer (?:te )?(?:sturen|smsen|sms en|"
    r"appen|mailen|bellen|benaderen|contacteren|lastigvallen|storen|spammen)\b(?! naar)",
    r"\bstuur (?:me |mij |ons )?(?:maar |verder |gewoon )?(?:niks|niets|nix)(?: meer)?\b"
    r"(?! (?:naar|op|voor|zonder|mee) )",
    r"\b(?:ik )?wil (?:hier |daar |er )?(?:niks|niets) meer (?:van )?(?:\w+ )?(?:ontvangen|krijgen)\b",
    r"\bhou(?:d|dt)?(?: nou| eens| nu| toch| ff)* op (?:met )?(?:me |mij |ons )?(?:te )?(?:appen|smsen|"
    r"sms en|sturen|mailen|spammen|bellen)\b",
    r"\b(?:stuur|stuurt|sturen|app|stuur je|stuurt u) (?:me|mij|ons|haar|hem) (?:niks|niets) meer\b",
    r"\b(?:hoe(?:f|ft|ven)|wil|wilt|willen) (?:\w+ ){0,2}" + _MESSAGES_NL + r" niet meer\b",
    r"\b(?:liever|graag) geen (?:\w+ )?" + _MESSAGES_NL + r"\b",
    r"\b(?:graag|gelieve|liefst|aub) (?:niks|niets) meer (?:te )?(?:sturen|smsen|sms en|appen|mailen)\b"
    r"(?! naar)",
    # "die sms'kes ... ik wil er geen meer": none of the texts named before
    r"\b" + _MESSAGES_NL + r"\b(?: \w+){0,12} (?:ik )?wil er (?:\w+ )?geen (?:\w+ )?meer\b",
    r"\bgeen (?:\w+ )?" + _MESSAGES_NL + r" meer (?:ontvangen|krijgen) (?:\w+ )?"
    r"(?:aub|a u b|graag|alsjeblieft|alstublieft|svp|pls|please)\b",
    r"\b(?:me|mij|haar|hem|ons|dit nummer|het nummer|mijn nummer) te (?:schrappen|verwijderen|wissen)\b",
    # verb last: "kunt u mij uit de verzendlijst halen?"
    r"\b(?:me|mij|ons|haar|hem|mijn nummer) (?:\w+ )?(?:van|uit) (?:de|jullie|uw|je|die|deze|het) (?:\w+ )?"
    r"(?:lijst|lijsten|verzendlijst|mailinglijst|bestand|klantenbestand|systeem|database) (?:\w+ )?"
    r"(?:halen|verwijderen|schrappen|wissen|afhalen)\b",
    # "wil geen sms meer ontvangen" asks; "ik ontvang geen sms meer" says none come
    r"\b(?:wil|willen|wilt|liever|graag|hoef|hoeven) (?:\w+ ){0,3}geen (?:\w+ )?"
    + _MESSAGES_NL
    + r" meer (?:ontvangen|krijgen)\b",
    r"\b(?:graag|verzoek|gelieve|wil|wilt|kunt|kun|kan) (?:\w+ ){0,2}(?:af te melden|uit te schrijven)\b",
    r"\b(?:haal|haalt|verwijder|verwijderen) (?:me|mij|haar|hem|mijn nummer|mijn gegevens|dit nummer) "
    r"(?:\w+ )?(?:weg|eruit|eraf|ervanaf)\b",
    # "stuur me geen foto's meer van de tent" names something else than the texts
    r"\b(?:stuur|stuurt|sturen|app|stuur je|stuurt u) (?:me|mij|ons) (?:geen|niet) (?:meer|(?:\w+ )?"
    + _MESSAGES_NL
    + r"|(?:reclame|spam|onzin|rommel|troep)(?: meer)?)\b",
    # "geen sms meer gekregen", "ik krijg geen berichten meer over de levering" say none came
    r"\bgeen(?<!krijg geen)(?<!kreeg geen)(?<!ontvang geen)(?<!krijgen geen) (?:\w+ )?"
    + _MESSAGES_NL
    + r" meer\b(?! (?:gekregen|ontvangen|gehad|binnen)\b)",
    r"\b(?:stop|stoppen|hou op|houd op|kappen) (?:met|nu met) (?:het |die |de |deze |al die |jullie )?(?:"
    + _MESSAGES_NL
    + r"|sturen|appen|smsen|sms en|mailen|spammen|berichten sturen)\b",
    r"\b(?:meld|schrijf) (?:me|mij) (?:\w+ )?(?:af|uit)\b",
    r"\b(?:verwijder|verwijderen|wis|schrap) (?:me|mij|mijn nummer|mijn gegevens)\b",
    r"\bik wil (?:geen|niks|niets) (?:meer )?(?:\w+ )?" + _MESSAGES_NL + r"\b",
    r"\bik wil (?:niks|niets) meer (?:ontvangen|krijgen|van jullie)\b(?! (?:over|van de|van het) )",
    r"\b(?:wil|wil graag|zou graag) (?:\w+ )?(?:afgemeld|uitgeschreven|verwijderd) (?:worden|te worden)\b",
    r"\b(?:ik wil|wil) (?:graag )?(?:van|uit) (?:jullie|uw|je) (?:\w+ )?(?:lijst|lijsten|bestand) "
    r"(?:af|uit)\b",
    r"\b(?:abonnement|inschrijving) (?:\w+ )?(?:opzeggen|stopzetten|beeindigen)\b",
    r"\blaat (?:me|mij) (?:met rust|gerust)\b",
    r"\bik wil (?:niks|niets) meer met jullie te maken hebben\b",
    # "neem nooit meer contact met me op"; "niemand heeft meer contact opgenomen" says nobody did.
    r"\b(?:neem|neemt|nemen) (?:\w+ ){0,2}(?:(?:nooit|geen|niet) meer contact|geen contact meer)\b",
    r"\b(?:haal|haalt|zet|verwijder|schrap) (?:me|mij|mich|mijn nummer) (?:\w+ )?(?:van|uit) "
    r"(?:de|jullie|uw|je|die|deze|het) (?:\w+ )?(?:lijst|lijsten|verzendlijst|mailinglijst|bestand|"
    r"systeem)\b",
    r"\bmijn (?:nummer|telefoonnummer|gegevens) (?:\w+ )?(?:verwijderen|wissen|schrappen)\b",
    # The request itself ("nie meer sturen": Flemish "nie"), not "kunnen jullie het pakket niet meer sturen
    # naar mijn oude adres".
    r"^(?:\w+ ){0,2}niet? meer (?:sturen|sms en|smsen|appen|mailen|bellen|contacteren|berichten sturen|"
    r"lastigvallen)\b(?! naar)",
    r"\b(?:stuur|sms|app|bel|mail) (?:me |mij |ons )?niet meer\b",
    # "sms'en mag niet meer", "sturen hoeft echt nie meer" (not "… naar het oude adres")
    r"^(?:\w+ )?(?:smsen|sms en|sturen|appen|mailen|berichten sturen|contacteren) (?:mag|moet|hoeft) "
    r"(?:\w+ )?niet? meer\b(?! naar)",
    r"\b(?:ik wil|wil) (?:me |mij )?(?:afmelden|uitschrijven)\b",
    r"\b(?:mij|me|ons) (?:\w+ )?(?:uitschrijven|afmelden)\b",
    # "genoeg berichten gehad"; "genoeg voorraad?" asks about stock.
    r"^(?:\w+ ){0,2}genoeg (?:van )?(?:je |jullie |die |de |deze |uw )?" + _MESSAGES_NL + r"\b(?! over)",
    r"\b(?:heb|had|ben) (?:me |mij )?(?:al |toch |allang |al lang )?(?:afgemeld|uitgeschreven)\b",
    r"\bwaarom (?:blijven|blijft) (?:jullie|je|u) (?:me |mij )?(?:\w+ )?(?:sturen|smsen|sms en|appen|mailen|"
    r"berichten|spammen)\b|\bwaarom (?:sturen|appen|smsen|mailen) jullie (?:me|mij) (?:nog steeds|steeds|"
    r"elke dag|telkens)\b",
    r"\bwil (?:\w+ )?(?:niet meer|niet langer) (?:benaderd|gecontacteerd|lastiggevallen|gestoord|gebeld|"
    r"gesmst|ge smst|geappt|gemaild) worden\b",
]
# "para com essas mensagens", "stoppt die Nachrichten", "kappen met die reclame": a stop word, a few small
# words, then the texts themselves (or their ads); a stop word before anything else is not a revocation, and
# words that also mean "for" (Spanish and Portuguese "para") or "no" ("keine Nachricht bekommen": none came)
# are not stop words here.
_STOP_THE_TEXTS = {
    "en": (
        "stop|stopped|stahp|quit|cancel|cease|enough|enuff|no more|done with|im over|im so over|so over|"
        "f off with|fuck off with|piss off with|"
        # British "pack it in with the texts", "pack in the texts"; "pack it in a gift box" names no texts
        "pack it in|pack in|knock it off|give it a rest|"
        "sick of|tired of|fed up with",
        "the these those your ur all with w of any please pls sending me text",
        "",
    ),
    "es": (
        "paren|pare|para con|basta|no mas|stop|alto|ya esta bien|ya estuvo|suficiente|harto|harta|me canse|"
        "cansado|cansada|joder con|jodan con|cancelar|cancelen|cancela|cancele",
        "con de d los las el tus sus estos esos tantos tanto tanta ya",
        "publicidad|spam|promos",
    ),
    "fr": (
        "arretez|arrete|stop|assez|marre|plus" + _NOT_COMPARED + "|ca suffit|suffit|ras le bol|cessez|cesser",
        "de des les vos ces tes avec d aux l envoi tout tous",
        "publicites|spam|promos",
    ),
    "de": (
        "stoppt|stopp|stop|schluss|genug|hort (?:\\w+ )?auf mit|horen sie (?:\\w+ )?auf mit|reichts|"
        "es reicht|kein bock mehr|lasst mich in ruhe mit|lass mich in ruhe mit|lassen sie mich in ruhe mit|"
        "nase voll|keine lust mehr|"
        "keinen bock mehr|lasst das|lass das|lassen sie das|unterlassen sie|unterlasst|bitte keine weiteren|"
        "keine weiteren",
        "mit den die diese eure ihre deine dem jetzt mal endlich von euren auf bitte weitere de",
        # the texting as a noun: "hörts auf mit dem Geschreibe"
        "spam|newsletter|werbe sms|geschreibe|gesimse|schreiberei|simserei",
    ),
    "it": (
        "basta|smettete|smettila|smettetela|smetteste|smettere|stop|finitela|piantatela|niente piu|stufato|"
        "stufo|stufa|rompete|piene le scatole|pieno le scatole|pieni",
        "con i coi co questi vostri tuoi sti di cn ai piu dei inviare mandare inviarmi mandarmi",
        "pubblicita|spam",
    ),
    "pt": (
        "para com|parem|pare|chega de|chega dessas|chega desses|chega com|stop|sem mais|ja deu|saco cheio|"
        "cansei|to cansado|to cansada|cheio|cheia|cancelar|cancela|cancelem|cancele",
        "com essas esses as os o suas seus de dessas desses estas estes",
        "propaganda|propagandas|spam",
    ),
    "nl": (
        r"stop|stoppen|kap|kappe|kappen|hou(?:d)?(?: nou| eens| nu| toch)* op|ophouden|genoeg|klaar|"
        r"bespaar me|beu|zat|spuugzat|geen verdere",
        "met die de deze jullie je uw al nou eens ff even toch alsjeblieft aub graag nu dat van "
        "eeuwige eindeloze constante continue voortdurende vervelende irritante stomme domme",
        # the texting as a noun: "dat ge-sms" (folded "ge sms"), "dat geapp", "al dat gemail"
        r"reclame|spam|gespam|nieuwsbrief|ge ?sms(?:en)?|ge ?app|ge ?whatsapp|ge ?mail|gebel|gebericht",
    ),
}
_MESSAGES_ALL = {
    "es": _MESSAGES_ES,
    "en": _MESSAGES_EN,
    "fr": _MESSAGES_FR,
    "de": _MESSAGES_DE,
    "it": _MESSAGES_IT,
    "pt": _MESSAGES_PT,
    "nl": _MESSAGES_NL,
}


# "ben die berichten spuugzat", "eure SMS satt": the texts, then being fed up with them.
_FED_UP_AFTER = {
    "en": "",
    "es": "",
    "fr": "",
    "de": "satt|leid",
    "it": "",
    "pt": "",
    "nl": "beu|zat|spuugzat|moe",
}


def _stop_the_texts(language: str) -> str:
    stop, small, extra = _STOP_THE_TEXTS[language]
    texts = _MESSAGES_ALL[language] + (f"|(?:{extra})" if extra else "")
    before = rf"\b(?:{stop})(?: (?:{'|'.join(small.split())})){{0,4}} (?:{texts})\b(?! {_ABOUT}\b)"
    after = _FED_UP_AFTER[language]
    return before + (rf"|\b(?:{texts}) (?:\w+ )?(?:{after})\b" if after else "")


# "Please remove my number from your list", in any order and register: a word that takes something away
# (its stem: "eliminaseis", "levateme", "retirassem" all start with one) near the shopper's own number or
# contact details. "remove the red one from my cart" names no number and stays a cart question.
_REMOVE_MY_NUMBER = {
    "en": (
        "remove|delete|erase|wipe|unlist|take out|take off",
        r"my (?:phone )?(?:number|no|contact details|contact|details)|this number|"
        r"(?:her|his) (?:phone )?number|me off (?:the|your) list|"
        r"(?:from|off|out of) (?:your|ur) (?:\w+ )?(?:list|system|database|records|contacts|texts|"
        r"text messages|"
        r"messages|sms)",
    ),
    "es": (
        "elimin|borr|quit|saqu|sac|retir|dar de baja|den de baja|dad de baja",
        r"mi (?:numero|telefono|movil|celular|contacto)|mis datos|este numero|"
        r"de (?:su|sus|tu|tus|vuestra|vuestras) (?:lista|listas|base de datos|sistema|contactos)|"
        r"de (?:los|sus|tus) (?:envios|mensajes|sms)",
    ),
    "fr": (
        "retir|supprim|effac|enlev|ray",
        r"(?:mon|son|leur) (?:numero|num|contact|tel|telephone|portable|06|07)|mes (?:coordonnees|donnees)|"
        r"ce numero|"
        r"de (?:votre|vos|ta|tes) (?:liste|listes|fichier|fichiers|base|contacts)",
    ),
    "de": (
        "losch|entfern|austrag|tragt mich aus|tragen sie mich aus|streich",
        r"(?:meine |die |diese |meine handy|meine telefon)?nummer|"
        r"(?:meine |meiner )?(?:telefon|handy|mobil|ruf)nummer|"
        r"meine (?:daten|kontaktdaten)|"
        r"(?:aus|von) (?:ihrem|ihrer|eurem|eurer|deinem|deiner|dem|der) (?:verteiler|liste|system|datenbank|"
        r"kartei|kontakten)",
    ),
    "it": (
        "rimuov|rimoss|togli|tolg|tolt|cancell|elimin|lev",
        r"(?:il )?mio (?:numero|contatto|cellulare)|sto numero|questo numero|il numero|"
        r"(?:questo|sto) (?:telefono|cellulare)|"
        r"i miei (?:dati|contatti)|"
        r"(?:dalla|dalle) (?:vostra|vostre|sua|tua) (?:lista|liste|rubrica)|"
        r"dai vostri (?:elenchi|contatti|archivi)|dal vostro (?:elenco|archivio|sistema)",
    ),
    "pt": (
        "retir|remov|apag|exclu|tir",
        r"(?:o )?meu (?:numero|contacto|contato|telefone|celular|telemovel)|o numero|os meus dados|"
        r"meus dados|este numero|esse numero|"
        r"(?:da|das) (?:vossa|vossas|sua|suas) (?:lista|listas|base)|"
        r"(?:da|das) (?:lista|listas) de (?:voces|vcs)",
    ),
    "nl": (
        "verwijder|wis|gewist|schrap|haal",
        r"mijn (?:nummer|telefoonnummer|gegevens|06)|dit nummer|(?:haar|zijn) nummer|"
        r"(?:uit|van) (?:uw|jullie|je|het) (?:bestand|klantenbestand|lijst|systeem|database|verzendlijst)",
    ),
}
_REMOVE_WINDOW = 6  # words between the taking-away word and the number, either order
# "mi número de pedido", "il mio numero d'ordine": an order's number, not the shopper's.
_AN_ORDER = (
    r"(?:pedido|orden|ordine|commande|bestellung|bestelling|encomenda|order|tracking|seguimiento|suivi|"
    r"sendung|spedizione|rastreio|zending|colis|paket)"
)
_ORDER_NUMBER_AFTER = rf"(?! (?:de |d |di |der |van |of |do |du )?{_AN_ORDER})"


# "don't message this cell again"; "this phone case" is a product.
_THIS_PHONE = {
    "en": r"|this (?:phone|cell|cellphone|mobile)(?! (?:case|holder|mount|charger|pouch|bag|cover))"
}
_MY_NUMBER = {
    language: re.compile(rf"\b(?:{number}{_THIS_PHONE.get(language, '')})\b{_ORDER_NUMBER_AFTER}")
    for language, (_take, number) in _REMOVE_MY_NUMBER.items()
}


def _remove_my_number(language: str) -> str:
    take, number = _REMOVE_MY_NUMBER[language]
    gap = rf"(?: \w+){{0,{_REMOVE_WINDOW}}}"
    mine = rf"(?:{number})\b{_ORDER_NUMBER_AFTER}"
    return rf"\b(?:{take})\w*{gap} {mine}|\b{mine}{gap} (?:{take})\w*\b"


# "Who gave you my number?", "woher habt ihr meine Nummer?": asking where our list got them is a revocation.
# The shopper's own number (the number words of _REMOVE_MY_NUMBER), never "your number".
_WHO_HAS_MY_NUMBER = {
    "en": ("who|where", r"gave|given|got|found|sold|shared|passed|obtained|bought|did (?:you|u|ya|yall) get"),
    "es": (
        "quien|quienes|donde",
        "dio|dieron|dado|paso|pasaron|saco|sacaron|consigui|obtuvi|tienen|vendi",
    ),
    "fr": ("qui|ki|ou|comment", "donne|file|passe|eu|trouve|obtenu|recupere|vendu|avez"),
    "de": ("woher|wer|wo|von wem", "habt|hast|haben|hat|gegeben|bekommen|gekriegt|verkauft"),
    "it": ("chi|dove|come", "dato|dati|passato|preso|avuto|trovato|venduto|avete"),
    "pt": (
        "quem|onde",
        "passou|passaram|deu|deram|consegui|pegou|pegaram|arrumou|arrumaram|vendeu|tiraram|tirou",
    ),
    "nl": ("wie|waar|hoe", "gegeven|gekregen|gevonden|verkocht|komen|vandaan"),
}


def _who_has_my_number(language: str) -> str:
    asking, getting = _WHO_HAS_MY_NUMBER[language]
    number = _REMOVE_MY_NUMBER[language][1]
    mine = rf"(?:{number})\b{_ORDER_NUMBER_AFTER}"
    return (
        rf"\b(?:{asking})\b(?: \w+){{0,3}} (?:{getting})\w*(?: \w+){{0,3}} {mine}"
        rf"|\b(?:{asking})\b(?: \w+){{0,3}} {mine}(?: \w+)? (?:{getting})\w*"
    )


# "I never gave you my number", "non vi ho mai dato il mio numero": our list has it without their say.
_NEVER_GAVE = {
    "en": ("never|didnt ever|did not ever", "gave|give|given|shared|share"),
    "es": ("nunca|jamas", "di|dado|pase|pasado|compart"),
    "fr": ("jamais", "donne|communique|file"),
    "de": ("nie|niemals", "gegeben|mitgeteilt|gesagt"),
    "it": ("mai", "dato|dati|comunicato|lasciato"),
    "pt": ("nunca|jamais", "dei|passei|informei|dado|passado"),
    "nl": ("nooit", "gegeven|doorgegeven|verstrekt"),
}


def _never_gave_my_number(language: str) -> str:
    never, gave = _NEVER_GAVE[language]
    number = _REMOVE_MY_NUMBER[language][1]
    mine = rf"(?:{number})\b{_ORDER_NUMBER_AFTER}"
    # "… my number for the delivery": given for something, which asks nothing of our list
    purpose = r"(?! (?:for|para|pour|fur|per|voor|at|al|bij|in|en|na|no|a) )"
    return (
        rf"\b(?:{never})\b(?: \w+){{0,2}} (?:{gave})\w*(?: \w+){{0,2}} {mine}{purpose}"
        rf"|\b(?:{never})\b(?: \w+){{0,2}} {mine}(?: \w+)? (?:{gave})\w*{purpose}"
    )


# "I'm going to block you", "vi blocco", "ik blokkeer jullie": the shopper will cut us off, so we stop first
# ("voy a bloquear la tarjeta" blocks a card).
_BLOCK_YOU = {
    "en": r"\b(?:ill|i will|im going to|im gonna|gonna|going to|i am going to) block (?:you|u|ya|this number|"
    r"your number)\b|\bblocking (?:you|this number)\b",
    "es": r"\b(?:los|las|les|te|lo) (?:voy a bloquear|bloqueo|bloqueare)\b|\bvoy a bloquear(?:los|les|te)\b",
    "fr": r"\bje (?:vais )?vous bloquer?\b|\bje vous bloque\b",
    "de": r"\bich (?:werde )?(?:blockiere|blockier) (?:euch|sie|die nummer|diese nummer)\b"
    r"|\bich werde (?:euch|sie) blockieren\b",
    "it": r"\bvi (?:blocco|blocchero)\b|\bti blocco\b",
    "pt": r"\bvou (?:te )?bloquear(?: (?:voces|vcs|vc|esse numero|este numero))?\b"
    r"(?! (?:o|a|meu|minha|os|as) )",
    "nl": r"\bik (?:ga )?(?:blokkeer|blokkeren) (?:jullie|je|u|dit nummer)\b|\bik blokkeer jullie\b",
}


# "I already told you last week to stop", "ik heb al gezegd dat jullie moeten stoppen": a request made before.
_ASKED_BEFORE = {
    "en": r"\b(?:already|i) (?:\w+ ){0,2}(?:said|told you|asked you)(?: \w+){0,4} (?:to )?stop\b",
    "es": r"\bya (?:les |te |os )?(?:dije|pedi)(?: \w+){0,3} (?:que )?(?:paren|pararan|dejen|dejaran)\b",
    "fr": r"\bdeja (?:dit|demande)(?: \w+){0,3} (?:d |de )?(?:arreter|cesser)\b",
    "de": r"\b(?:schon|bereits) (?:gesagt|gebeten)(?: \w+){0,4} (?:aufhoren|aufzuhoren|stoppen)\b",
    "it": r"\bgia (?:detto|chiesto)(?: \w+){0,3} (?:di )?(?:smettere|smettila|smetterla)\b",
    "pt": r"\bja (?:disse|pedi)(?: \w+){0,3} (?:pra |para )?(?:parar|pararem)\b",
    "nl": r"\bal (?:gezegd|gevraagd)(?: \w+){0,4} (?:stoppen|ophouden)\b",
}


# "I think you have the wrong number", "creo que se equivocaron de número", "acho que é engano", "Sie haben
# sich in der Nummer geirrt": the texts reach someone who is not the shopper, an opt-out by the product's
# convention. Said of the sender, not of a number the shopper gave ("I gave the wrong number for the
# delivery", "ik heb een verkeerd nummer opgegeven bij de bestelling": _OWN_WRONG_NUMBER, in the same
# clause), nor of a shoe size ("recebi o número errado do sapato").
_WRONG_NUMBER = {
    "en": r"\bwrong (?:number|person)\b",
    "es": r"(?<!llego el )(?<!recibi el )(?<!mandaron el )(?<!enviaron el )\bnumero equivocado\b"
    r"(?! de (?:los |las |la |el )?(?:zapatos?|zapatillas?|botas?|sandalias?|tenis)\b)"
    # "se equivocaron de número", "os habéis equivocado de número" ("me equivoqué de número" is mine)
    r"|\b(?:se|os|te|le|les) (?:\w+ ){0,2}(?:equivoca\w*|confundi\w*) (?:de|con el) numero\b",
    "fr": r"\b(?:vous|tu) (?:vous |t |te )?(?:\w+ ){0,2}tromp\w* (?:de|d) numero\b"
    r"|\b(?:mauvais|faux) numero\b|\berreur de numero\b",
    "de": r"\bfalsche nummer\b|\bfalsch verbunden\b"
    r"|\b(?:sich|euch|dich) (?:\w+ ){0,3}(?:in|mit|bei) der nummer (?:\w+ )?(?:geirrt|vertan|vertippt)\b"
    r"|\b(?:sich|euch|dich) (?:\w+ ){0,2}verwahlt\b",
    # "mi avete mandato il numero sbagliato": a shoe size that came
    "it": r"(?<!mandato il )(?<!arrivato il )(?<!inviato il )(?<!ricevuto il )(?<!spedito il )"
    r"\bnumero sbagliato\b(?! (?:di|delle|della|dello) (?:scarpe?|stivali|sandali|taglia)\b)"
    r"|\b(?:avete|abbiate|ha|hai|abbia|avra|avrete) (?:\w+ )?sbagliato (?:il )?numero\b"
    r"(?! (?:civico|di scarpe|di taglia|d ordine|di ordine|dell ordine)\b)",
    "pt": r"(?<!recebi o )(?<!chegou o )(?<!veio o )(?<!mandaram o )(?<!enviaram o )\bnumero errado\b"
    r"(?! d[oa]s? (?:sapatos?|tenis|botas?|sandalias?|chinelos?|calcados?)\b)"
    # "vocês erraram o número", "acho que é engano" ("foi engano meu" owns a mistake)
    r"|\b(?:erraram|errou) (?:o )?numero\b"
    r"|^(?:(?:desculpe|desculpa|olha|oi|ola|moco|senhor|senhora|aqui) )?"
    r"(?:acho que |acho q |creio que |deve ser |so pode ser )?(?:e|eh) (?:um )?engano(?: de numero)?$",
    "nl": r"\b(?:verkeerd|verkeerde) nummer\b",
}
_WRONG_NUMBER_RE = {language: re.compile(said) for language, said in _WRONG_NUMBER.items()}
# The shopper's own slip (a number they gave, entered or typed), a number on an order or a delivery, a
# courier's wrong number, or a wrong number of things sent ("you sent the wrong number of items", a shoe
# size).
_OWN_WRONG_NUMBER = re.compile(
    r"\b(?:courier|driver|delivery guy|repartidor|mensajero|livreur|transporteur|kurier|fahrer|paketbote|"
    r"bote|corriere|fattorino|entregador|motoboy|carteiro|bezorger|koerier|postbode|"
    r"sent|shipped|delivered|received|mandaron|enviaron|llego|recibi|envoye|envoyee|recu|livre|geschickt|"
    r"geliefert|mandato|inviato|spedito|arrivato|ricevuto|mandaram|enviaram|chegou|veio|recebi|gestuurd|"
    r"geleverd|size|talla|taille|pointure|grosse|taglia|tamanho|maat)\b"
    r"|\b(?:wrong number|numero(?: \w+)?|nummer) (?:of|de|di|do|da|van|der|d) "
    r"(?!(?:telefono|telefone|telephone|tel|telefoon|telefon)\b)\w+"
    r"|\b(?:i (?:\w+ )?(?:gave|put|entered|typed|used|wrote|provided|added)|puse|escribi|ingrese|meti|anote|"
    r"me equivoque|(?:j ai|j avais) (?:\w+ )?(?:donne|mis|saisi|entre|tape|ecrit|indique|renseigne)|"
    r"je me suis trompee?|angegeben|eingegeben|eingetragen|hinterlegt|vertippt habe|"
    r"(?:ho|avevo) (?:\w+ )?(?:dato|messo|inserito|scritto|sbagliato)|coloquei|pus|digitei|escrevi|informei|"
    r"errei|opgegeven|ingevuld|ingegeven|ingetypt|doorgegeven)\b"
    r"|\b(?:for|on|in|at|bei|auf|voor|bij|op|pour|sur|dans|per|nel|nell|sull|para|en|no|na)"
    r" (?:\w+ )?(?:order|delivery|checkout|bestellung|lieferung|bestelling|levering|commande|livraison|"
    r"ordine|consegna|pedido|entrega|encomenda|tracking|suivi|seguimiento|sendung|spedizione|rastreio|zending|label|"
    r"etiqueta|etiquette|etikett|etichetta|factura|invoice|facture|rechnung|fattura|fatura|factuur)\b"
)


def _wrong_number(clauses: list[tuple[str, ...]]) -> str | None:
    """The language of a "wrong number" said to the sender, if a clause says one."""
    for clause in clauses:
        said = " ".join(clause)
        for language, wrong in _WRONG_NUMBER_RE.items():
            if wrong.search(said) and not _OWN_WRONG_NUMBER.search(said):
                return language
    return None


# "I no longer wish to receive them", "je ne souhaite plus les recevoir", "non desidero riceverne altri":
# formal, the texts as a pronoun only; "I no longer wish to receive the blue one" names an item, and "… them
# at home" a delivery.
_NOT_A_PLACE = (
    r"(?! (?:in|at|by|to|until|till|before|after|en|a|al|por|hasta|antes|au|par|avant|zu|nach|bis|vor|per|"
    r"fino|prima|em|ate|no|na|pelo|pela|thuis|naar|voor|tot|op)\b)"
)
# "… receive them, cancel the order": the items of an order, not the texts
_NO_ORDER_AFTER = (
    r"(?!.*\b(?:order|refund|parcel|package|bestellung|storn\w*|paket|pedido|reembolso|paquete|commande|"
    r"rembours\w*|colis|ordine|rimborso|pacco|encomenda|pacote|bestelling|terugbetal\w*|pakket)\b)"
)
_THE_TEXTS_AS_A_PRONOUN = {
    # "I no longer want to get them" buys them: "get" only after a formal wish
    "en": r"\bno longer (?:(?:wish|care|desire) to (?:receive|get)|want to receive) "
    r"(?:them\b|(?:these|those|any)"
    r"(?= (?:any ?more|any longer|thank|thanks|please|pls|kind|best|regards|sincerely|many|cheers)\b|$))"
    r"|\b(?:do not|dont|would rather not) (?:(?:wish|desire|care) to (?:receive|get)|want to receive) "
    r"(?:them|these|those|any) (?:any ?more|any longer|again)\b",
    "es": r"\bya no (?:deseo|quiero|kiero|queremos|deseamos) (?:seguir )?recibir(?:los|las)\b"
    r"|\bno (?:deseo|quiero|kiero|queremos|deseamos) (?:seguir )?recibir(?:los|las) (?:mas|nunca)\b"
    r"|\bno (?:deseo|quiero|queremos|deseamos) recibir (?:mas|ninguno|ninguna)"
    r"(?=$| (?:gracias|por favor|porfa|saludos)\b)",
    "fr": r"\bne (?:souhaite|desire|veux|voudrais|souhaitons|desirons) plus (?:les|en) recevoir\b",
    "de": r"\b(?:mochte|mochten|will|wollen|wunsche|wunschen|mag) (?:ich |wir )?(?:sie|diese|die|solche) "
    r"(?:nicht|nie) (?:mehr|langer) (?:zu )?(?:erhalten|bekommen|empfangen)\b"
    r"|\b(?:mochte|mochten|wunsche|wunschen|will|wollen) (?:ich |wir )?keine weiteren(?: mehr)? (?:zu )?"
    r"(?:erhalten|bekommen|empfangen)\b",
    "it": r"\b(?:non|nn) (?:desidero|voglio|vorrei|desideriamo|vogliamo) (?:piu ricever(?:li|le|ne)|"
    r"ricever(?:li|le) (?:piu|altri|altre|ancora)|riceverne)\b",
    "pt": r"\bnao (?:desejo|quero|queremos|desejamos) (?:mais recebe (?:las|los)|recebe (?:las|los) mais)\b"
    r"|\bnao (?:desejo|quero|queremos|desejamos) (?:mais )?receber (?:elas|eles)? ?mais"
    r"(?=$| (?:obrigad[oa]|obg|grat[oa]|por favor|pf)\b)",
    "nl": r"\b(?:wens|wil|wensen|willen|wenst)(?: ik| wij| we)? (?:ze|deze|die|dat|(?:deze|die|de|jullie|uw) "
    rf"(?:\w+ )?{_MESSAGES_NL}) (?:niet|geen) (?:langer|meer) (?:te )?(?:ontvangen|krijgen)\b",
}


# Asking HOW to unsubscribe, or how to stop (block, turn off) our texts, asks for it: "how do I unsubscribe?",
# "wie stelle ich diese Nachrichten ab?", "hoe meld ik me af?". "How do I stop the order?" names no texts.
# Per language: how one asks; what asks to unsubscribe whatever follows; the verbs that stop or turn off
# something, which must name the texts ("how do I turn off the light" does not); and the phrases that say
# something stops arriving, which need not name it ("como hago pa que dejen de llegar?") unless it is a
# delivery ("que dejen de llegar tarde los pedidos").
_HOW_TO_STOP = {
    "en": (
        "how|hw|what do i (?:have to |need to )?do to",
        r"unsubscribe|unsub|opt out|optout|get (?:me )?off (?:this|the|your|ur) (?:\w+ )?list|"
        r"(?:turn|switch|shut) (?:(?:these|those|the|your|ur|all(?: the| these| your)?) )?(?:\w+ )?"
        + _MESSAGES_EN
        + r" off|"
        r"(?:stop|quit) (?:getting|receiving) (?:these|them|this|those|all these)\b",
        "stop|end|block|turn off|switch off|shut off|disabl|deactivat|mute|silenc|cancel|get rid of|make",
        r"stop (?:coming|arriving|showing up)|(?:not|no longer|never) (?:come|arrive|show up)",
    ),
    "es": (
        "como|que (?:hago|tengo que hacer|debo hacer)",
        r"(?:me |nos )?(?:doy|dar|darme|darse|damos) de baja|desuscrib|desinscrib|(?:para )?ya no recibir|"
        r"salir de (?:la|esta|su) lista|dejar de recibir|(?:para )?no recibir mas (?:\w+ )?"
        + _MESSAGES_ES
        + "|"
        r"(?:para|pa) (?:que|q|k) (?:ya )?no (?:me |nos )?(?:manden|envien|escriban|sigan)|"
        r"(?:para|pa) (?:que|q|k) (?:ya )?(?:dejen|deje) (?:de|d) (?:mandar|enviar|escribir)\w*",
        "cancel|par|deten|bloque|quit|desactiv|apag|evit",
        r"(?:dej|par)\w* (?:de|d) llegar\w*|no (?:me |nos )?llegu\w*(?: mas)?|no (?:me |nos )?lleg\w* mas",
    ),
    "fr": (
        "comment|qu est ce que (?:je dois|il faut) faire pour|que (?:dois je|faut il) faire pour",
        r"desabonn|desinscri|(?:ne )?plus (?:rien )?recevoir",
        "arret|stopp|bloqu|annul|desactiv|coupe|etei",
        r"(?:arret|cess)\w* (?:d|de) (?:m |me )?arriver|(?:n )?(?:m |me )?arrive\w* plus|"
        r"plus (?:m |me )?arriver",
    ),
    "de": (
        "wie|was muss ich (?:tun|machen)",
        r"abmeld|abbestell|austrag|melde ich mich|(?:komm|komme) ich (?:\w+ ){0,3}raus",
        r"stopp|stell|blockier|beend|deaktivier|abstell|werd|abbestell|bestell|schalt|weg(?!\w)|cancel|"
        r"aufhor",
        r"(?:nicht|nie) mehr (?:an)?kommen|aufhoren (?:zu )?(?:kommen|ankommen)",
    ),
    "it": (
        "come|che (?:devo|dobbiamo) fare|cosa (?:devo|posso) fare",
        r"disiscriv|cancellarmi|togliermi|non ricevere piu|uscire dalla lista",
        "blocc|ferm|smett|disattiv|annull|elimin|togl|speg",
        r"(?:non|nn) (?:far(?:li|le|mi|ci)? )?arriv\w* piu|smett\w* (?:di|de) arriv\w*",
    ),
    "pt": (
        "como|o que (?:eu )?(?:faco|tenho que fazer|devo fazer)|que (?:eu )?faco",
        r"descadastr|desinscrev|sair (?:da|dessa|desta|de) lista|(?:parar|paro|deixar|deixo) de receber|"
        r"nao receber mais|nao (?:\w+ )?mais receber",
        "cancel|par|bloque|desativ|deslig|tir",
        r"(?:par|deix)\w* (?:de|d) (?:me |nos )?cheg\w*|(?:nao|n) (?:me |nos )?cheg\w* mais",
    ),
    "nl": (
        "hoe|wat moet ik doen",
        r"afmeld|uitschrijv|meld (?:ik|je) (?:me|mij|mezelf) af|schrijf (?:ik|je) (?:me|mij) uit|"
        r"kom (?:ik|je) (?:\w+ ){0,3}af",
        r"stop|blokkeer|zet|krijg|schakel|niet meer|uitzet|afzet|uitschakel|ophoud|"
        r"(?:uit|af|stop) te (?:zetten|schakelen)",
        r"(?:niet|nooit) meer (?:binnen)?komen|(?:stoppen|ophouden) met (?:binnen)?komen",
    ),
}
# "how do I turn them off?", "¿cómo los desactivo?", "come li disattivo?": the texts as a pronoun, turned off
# or stopped. Only as the whole question: "the amp's light keeps blinking, how do I turn it off?" names
# what "it" is.
_TURN_THEM_OFF = {
    "en": r"(?:turn|switch|shut) (?:them|these|this|it|those) off|"
    r"(?:turn|switch|shut) off (?:these|this|them|those)|"
    r"(?:stop|block|end|disable|deactivate|mute|silence) (?:these|them|those|all these|all of these|it all)|"
    r"(?:get|make) (?:them|these|those) (?:to )?stop",
    "es": r"(?:los|las|lo) (?:desactiv|apag|bloque|quit|par|deten|cancel)\w*|"
    r"(?:desactiv|apag|bloque|deten|cancel)ar(?:los|las|lo)",
    "fr": r"(?:les|la|le) (?:desactiv|arret|coupe|bloqu|stopp)\w*",
    "de": r"(?:stell|schalt)\w* (?:ich |man )?(?:die|das|sie|es|diese) (?:ab|aus)|"
    r"(?:die|das|sie|es|diese) (?:abstellen|ausschalten|deaktivieren|abbestellen|stoppen|loswerden)",
    "it": r"(?:li|le|lo) (?:disattiv|blocc|ferm|togl|speg)\w*|(?:disattiv|blocc|ferm|togl|speg)\w*(?:li|le)|"
    r"far(?:li|le) smettere",
    "pt": r"(?:desativ|deslig|bloque|cancel)\w* (?:isso|isto|elas|eles)|(?:as|os) (?:desativ|deslig|bloque|"
    r"cancel)\w*|faz(?:er|e)? (?:elas|eles|isso) parar\w*",
    "nl": r"(?:zet|schakel) (?:ik|je|jij|u|we) (?:ze|dit|dat|die|het) (?:uit|af|stop)|"
    r"(?:ze|dit|dat|die|het) (?:uitzetten|afzetten|stopzetten|uitschakelen|stoppen|blokkeren)",
}
# Said before and after such a question without naming anything: "ok, how do I stop these? thanks".
_BARE_BEFORE = (
    r"(?:ok|okay|k|hi|hey|hello|so|um|got it|thanks|thank you|cool|well|pls|please|hola|oye|ola|oi|salut|"
    r"bonjour|hallo|ciao|hoi|oke|si|sim|oui|ja|yes|bitte|por favor|per favore|svp|aub|alsjeblieft|merci)"
)
_BARE_AFTER = (
    r"(?:please|pls|plz|thanks|thx|porfa|por favor|svp|stp|bitte|per favore|pf|pfv|aub|graag|now|anymore|"
    r"any more|again|already|ya|then|they|coming|from coming|mas|plus|mehr|piu|mais|meer|merci|gracias|"
    r"grazie|obrigado|obrigada|obg|danke|bedankt|dank je|dankjewel)"
)
# What the arriving is said of when it is a delivery ("los pedidos", "late", "en retard") or something else
# that comes and is not our texts: emails, a catalogue, the site's pop-ups.
_ARRIVING_BUT_NOT_OURS = (
    r"e ?mails?|mails|newsletters?|catalog\w*|popups?|pop ups?|correos?|courriels?|riviste|revistas?|"
    r"parcels?|packages?|orders?|deliver\w*|shipments?|boxes|late|damaged|broken|pedidos?|paquetes?|envios?|"
    r"entregas?|tarde|rot[oa]s|colis|commandes?|livraisons?|retard|abime\w*|pakete?|paket|bestellung\w*|"
    r"lieferung\w*|sendung\w*|spat|verspatet|kaputt|pacchi|pacco|ordini|ordine|spedizion\w*|consegn\w*|"
    r"ritardo|tardi|encomendas?|atrasad\w*|quebrad\w*|pakket\w*|pakje\w*|bestelling\w*|levering\w*|laat|"
    r"kapot"
)


def _how_to_stop(language: str) -> str:
    how, unsubscribe, stop, no_longer_arriving = _HOW_TO_STOP[language]
    texts = _MESSAGES_ALL[language]
    return (
        rf"\b(?:{how})\b(?: \w+){{0,4}} (?:{unsubscribe})"
        rf"|\b(?:{how})\b(?: \w+){{0,3}} (?:{stop})\w*(?: \w+){{0,3}} {texts}\b"
        rf"(?! {_ABOUT}\b(?! (?:\w+ )?{_THE_SHOP}\b)| {_ON_SOMETHING_ELSE})"
        # the verb last: "wie kann ich diese Nachrichten abstellen?", "hoe kan ik deze berichten stoppen?"
        rf"|\b(?:{how})\b(?: \w+){{0,8}} {texts}(?! {_ON_SOMETHING_ELSE})(?: \w+){{0,3}} (?:{stop})\w*"
        rf"|\b(?:{how})\b(?!.*\b(?:{_ARRIVING_BUT_NOT_OURS})\b)(?: \w+){{0,6}} (?:{no_longer_arriving})\b"
        # the whole message: nothing before it but a greeting (no "^": clauses are not tried on their own)
        rf"|(?<!\w )(?:{_BARE_BEFORE} )*(?:{how}) (?:\w+ ){{0,3}}(?:{_TURN_THEM_OFF[language]})"
        rf"(?: {_BARE_AFTER})*$"
    )


# "ne m'envoyez rien", "não me mandem nada", "no messages please": in answer to a reminder, the whole message
# refuses every text; "until further notice" sets no time (a time makes it a pause: snooze.py). Only as the
# whole message: "ne m'envoyez rien par la poste" or "no messages about the sale, just the order" ask less.
_NOTHING_AT_ALL = {
    "en": "nothing|anything|anything else",
    "fr": "rien|plus rien",
    "de": "nichts|nix|nichts mehr",
    "es": "nada",
    "it": "niente|nulla",
    "pt": "nada",
    "nl": "niks|niets",
}
_UNTIL_FURTHER_NOTICE = {
    "en": "until further notice|until i say so|until i ask|until i tell you",
    "fr": "jusqu ?a nouvel ordre|tant que je ne (?:vous )?(?:le )?demande pas|tant que je (?:ne )?(?:vous )?"
    "(?:le )?dis pas",
    "de": "bis auf weiteres|bis ich mich melde|bis ich es sage",
    "es": "hasta nuevo aviso|hasta que (?:yo )?(?:les |os )?(?:diga|avise|pida)",
    "it": "fino a nuovo avviso|fino a quando non (?:ve )?lo chiedo|finche non (?:ve )?lo chiedo",
    "pt": "ate segunda ordem|ate (?:eu )?(?:pedir|avisar|dizer)|ate nova ordem",
    "nl": "tot nader order|tot ik het vraag|tot ik het zeg",
}


def _send_me_nothing(language: str) -> str:
    refused = rf"(?:{SEND_ME[language]}) (?:{_NOTHING_AT_ALL[language]})|{NO_TEXTS[language]}"
    if language == "en":  # the English verb is denied in SEND_ME ("don't send me"), never "send me nothing"
        refused += "|send (?:me|us) nothing"
    return (
        rf"(?<!\w )(?:{_BARE_BEFORE} )*(?:{refused})(?: {_BARE_AFTER})*"
        rf"(?: (?:{_UNTIL_FURTHER_NOTICE[language]}))?(?: {_BARE_AFTER})*$"
    )


# Withholding consent to our use of the number or to the texts ("no autorizo que me contacten", "ich
# widerspreche der Nutzung meiner Nummer") revokes it; "no autorizo ese cargo" disputes a payment.
_NO_CONSENT = {
    "en": r"(?:dont|do not|never) (?:authori[sz]e|consent to|agree to)|(?:no|without my) consent|i object to|"
    r"i revoke|(?:revoke|withdraw|revoking|withdrawing) (?:my |all )?consent|never authori[sz]ed|"
    r"(?:didnt|did not) authori[sz]e",
    "es": r"no (?:autorizo|consiento|doy (?:mi )?(?:consentimiento|permiso|autorizacion))|sin mi "
    r"(?:consentimiento|permiso)|revoco|retiro (?:mi )?consentimiento|(?:nunca|no|jamas) (?:les )?autorice",
    "fr": r"(?:n )?autorise pas|(?:ne )?consens pas|sans mon (?:accord|consentement)|je refuse|"
    r"je retire mon (?:consentement|accord)",
    "de": r"widersprech\w*|widerspreche|widerrufe|keine (?:einwilligung|zustimmung|erlaubnis)|"
    r"ohne (?:meine )?"
    r"(?:einwilligung|zustimmung)|nicht (?:eingewilligt|zugestimmt)",
    "it": r"non (?:autorizzo|acconsento|do (?:il )?(?:consenso|permesso))|senza (?:il )?mio consenso|revoco",
    "pt": r"nao (?:autorizo|consinto|dou (?:meu )?(?:consentimento|permissao))|sem (?:meu )?consentimento|"
    r"revogo|(?:retiro|retirar) (?:o )?(?:meu )?consentimento",
    "nl": r"geen toestemming|niet akkoord met|zonder (?:mijn )?toestemming|"
    r"trek(?:ken)? (?:\w+ ){0,2}toestemming",
}


# "my data" in any of our languages, as a privacy request names it.
_MY_DATA = r"(?:daten|datos|donnees|dati|dados|gegevens|data|personal data|personal information)"
# "Please delete my data under the GDPR", "Löschung meiner Daten nach DSGVO": a data-protection request to
# erase or object names the law and what to do; it ends the texts too. "avg delivery time" names no erasure.
_PRIVACY_LAW = re.compile(r"\b(?:gdpr|dsgvo|rgpd|lgpd|avg|ccpa)\b")
_ERASE_OR_OBJECT = re.compile(
    r"\b(?:delet|eras|remov|loschung|losch|cancellazion|cancell|supresion|suprim|suppression|supprim|"
    r"effacement|effac|eliminacion|elimin|exclusao|exclu|apag|verwijder|wis|widersprech|widerspruch|"
    r"opposizione|oppos|object)\w*"
)


def _privacy_request(folded: str) -> bool:
    return bool(_PRIVACY_LAW.search(folded) and _ERASE_OR_OBJECT.search(folded))


def _no_consent(language: str) -> str:
    number = _REMOVE_MY_NUMBER[language][1]
    texts = _MESSAGES_ALL[language]
    ours = rf"(?:{number}|{texts}|contact\w*|contat\w*|kontakt\w*|comunica\w*|communica\w*|{_MY_DATA})"
    return rf"\b(?:{_NO_CONSENT[language]})(?: \w+){{0,8}} {ours}\b"


# "Please don't write to this number any more" (a parent, a new owner): a word that negates, one that says
# "more" where the language needs it, and a contact verb, all within a few words of the shopper's number.
# Read by words, not by one pattern: the three come in any order ("schreiben Sie diese Nummer nicht mehr an").
# verbs only: "geen sms meer gekregen" (none came) names the noun
_CONTACT_NL = r"(?:smsen|smst|appen|appt|stuur|sturen|mail|bel|contacteer|benader|schrijf)"
_NO_MORE_TO_MY_NUMBER = {
    "en": (wordset("dont never stop quit longer"), frozenset(), rf"(?:{_CONTACT_EN}|use|using)"),
    "es": (wordset("no nunca dejen dejad deje"), wordset("mas"), _CONTACT_ES),
    # "n'écrivez plus à ce numéro": the imperative too
    "fr": (
        wordset("ne n arretez cessez jamais"),
        wordset("plus"),
        rf"(?:{_CONTACT_FR}|utiliser|ecrivez|envoyez|relancez|contactez|textez|sollicitez|spammez)",
    ),
    "de": (wordset("nicht nie keine keinen"), wordset("mehr wieder"), _CONTACT_DE),
    "it": (wordset("non nn smettete smettetela mai"), wordset("piu"), _CONTACT_IT),
    "pt": (wordset("nao n parem nunca"), wordset("mais"), _CONTACT_PT),
    "nl": (wordset("niet geen nooit"), wordset("meer langer"), _CONTACT_NL),
}
# words either side of the number, elisions aside ("ce numéro est une ligne pro, merci de ne plus l'utiliser")
_NEAR_MY_NUMBER = 9
# "no me han mandado más info a mi número" complains that nothing came: a past form asks nothing of us.
_PAST_FORM = re.compile(r"\w*(?:ed|ado|ada|ido|ida|aron|ieron|aram|eram|iram|ato|ata|ito|ita|uto|uta)$")


def _no_more_to_my_number(folded: str) -> str | None:
    """The language of a request not to contact the shopper's number any more, if the text makes one."""
    for language, (negations, more, contact) in _NO_MORE_TO_MY_NUMBER.items():
        number = _MY_NUMBER[language].search(folded)
        if not number:
            continue
        # elided letters aside, but not an elided negation ("n écrivez plus")
        before = [w for w in folded[: number.start()].split() if len(w) > 1 or w in negations]
        after = [w for w in folded[number.end() :].split() if len(w) > 1 or w in negations]
        near = before[-_NEAR_MY_NUMBER:] + after[:_NEAR_MY_NUMBER]
        said = set(near)
        contacting = [w for w in near if re.match(contact, w) and not _PAST_FORM.match(w)]
        if said & negations and (not more or said & more) and contacting:
            return language
    return None


# "This number was my mother's", "il ne l'utilise plus", "die Nummer gehört jetzt mir": a phone number
# that is no longer the shopper's is, like "wrong number", an opt-out for it. Said of a phone number, never
# of a product ("mi hijo ya no lo usa") nor of an order's number; "c'est le numéro de ma femme" asks nothing.
_A_PHONE_NUMBER = {
    "en": "number|phone|cell|cellphone|mobile",
    "es": "numero|telefono|celular|movil|cel",
    "fr": "numero|num|portable|tel|telephone|mobile",
    "de": "nummer|handynummer|telefonnummer|mobilnummer|handy|telefon",
    "it": "numero|cellulare|telefono|cell",
    "pt": "numero|celular|telefone|telemovel|tel|cel",
    "nl": "nummer|telefoonnummer|telefoon|mobiel|gsm",
}
# "el número viejo de mi pedido está mal": the old number of an order is no one's phone.
_OF_NO_ORDER = rf"(?! (?:\w+ )?{_AN_ORDER})"
_NO_LONGER_THEIRS = {
    "en": rf"old number of{_OF_NO_ORDER}|"
    r"(?:has|got) (?:a )?new (?:phone|number|cell)|"
    r"was (?:my |his |her |their )?\w+s|used to (?:be|belong)|belonged to|"
    r"(?:doesnt|does not|dont|do not|no longer|never) (?:use|uses|have|has|own)(?: \w+){0,3} "
    r"(?:any ?more|any longer)|"
    r"no longer (?:uses|has|belongs|hers|his|theirs)|(?:isnt|is not|not) (?:\w+s|his|hers|theirs|(?:\w+ )?"
    r"(?:number|phone)) any ?more|(?:is )?now mine|is mine now",
    "es": rf"numero viejo de{_OF_NO_ORDER}|"
    r"tiene (?:un )?(?:numero|celular|telefono|movil) nuevo|"
    r"era (?:de|del)|ya no (?:lo |la )?(?:usa|utiliza|tiene)|no (?:lo |la )?(?:usa|utiliza) mas|"
    r"ya no es (?:de|del|su)|ahora es mio|es mio ahora|pertenecia a",
    "fr": rf"ancien numero d{_OF_NO_ORDER}|"
    r"a (?:un )?nouveau (?:numero|telephone|portable)|"
    r"etait (?:a|celui|le numero|de)|(?:ne )?l (?:utilise|a) plus|n (?:utilise|a) plus|"
    r"(?:n )?est plus (?:a|le sien|le numero|celui)|ce n est plus|appartenait a|est a moi maintenant|"
    r"c est le mien maintenant",
    "de": r"gehorte|gehort (?:jetzt|nun) (?:mir|meinem|meiner|meinen)|war (?:von|die von|das von)|"
    rf"alte nummer von{_OF_NO_ORDER}|"
    r"(?:hat|haben) (?:jetzt )?(?:eine |ein )?neue(?:s)? (?:nummer|handy|telefon)|"
    r"(?:nutzt|benutzt|verwendet|hat) (?:\w+ ){0,2}nicht mehr|"
    r"nicht mehr (?:die|das|seine|ihre|von|mein|meine|meins|mir)|"
    r"nicht (?:mein|meine) (?:\w+ )?nicht mehr|gehort (?:\w+ )?nicht mehr",
    "it": rf"vecchio numero di{_OF_NO_ORDER}|"
    r"ha (?:un )?(?:nuovo numero|nuovo cellulare|numero nuovo|cellulare nuovo)|"
    r"era (?:di|del|della|dello)|non (?:lo |la )?(?:usa|utilizza|ha) piu|"
    r"non e piu (?:di|del|della|suo|sua)|(?:adesso|ora) e mio|e mio (?:adesso|ora)|apparteneva",
    "pt": rf"numero antigo d{_OF_NO_ORDER}|"
    r"tem (?:um )?(?:numero|celular|telefone) novo|"
    r"era (?:do|da|de)|nao (?:o |a )?(?:usa|utiliza|tem) mais|"
    r"(?:ja )?nao e mais (?:do|da|de|dele|dela)|ja nao e (?:do|da|de)|agora e meu|e meu agora|pertencia",
    "nl": rf"oude nummer van{_OF_NO_ORDER}|"
    r"heeft (?:een )?(?:nieuwe|nieuw) (?:telefoon|nummer|gsm)|"
    r"was van|is (?:niet )?meer van|(?:gebruikt|heeft) (?:\w+ ){0,3}niet meer|"
    r"niet meer (?:het nummer|van)|(?:is )?nu van mij",
}
_OWNER_WINDOW = 8  # words between the number and what is said of it, either order
# "the tracking number was my sister's address": an order's or a parcel's number, not the shopper's.
_NOT_AN_ORDER = r"(?<!order )(?<!tracking )"

_NUMBER_OF_A_PHONE = {
    language: re.compile(rf"{_NOT_AN_ORDER}\b(?:{words})\b{_ORDER_NUMBER_AFTER}")
    for language, words in _A_PHONE_NUMBER.items()
}
_NO_LONGER_THEIRS_RE = {
    language: re.compile(rf"\b(?:{said})\b") for language, said in _NO_LONGER_THEIRS.items()
}


def _no_longer_theirs(folded: str) -> str | None:
    """The language of a statement that the texted number is no longer the shopper's, if there is one."""
    for language, said in _NO_LONGER_THEIRS_RE.items():
        for match in said.finditer(folded):
            before = " ".join(folded[: match.start()].split()[-_OWNER_WINDOW:])
            after = " ".join(folded[match.end() :].split()[:_OWNER_WINDOW])
            if _NUMBER_OF_A_PHONE[language].search(f"{before} {match[0]} {after}"):
                return language
    return None


# "This is my grandma's number", "dit nummer is van mijn opa", "c'est le numéro de ma grand-mère": the texted
# phone said to be someone else's. Alone it asks nothing ("… can you deliver to her?"); beside a bare stop
# word in a clause of its own ("stoppen a.u.b.", "arrêtez svp", "basta per favore") or "remove it" it is the
# request, as for the unwanted texts below. A word after the possessive that names an order is not a person.
_NOT_A_PERSON = (
    r"(?!(?:order|pedido|orden|ordine|commande|bestellung|bestelling|encomenda|tracking|telefono|telefone|"
    r"telephone|cellulare|celular|handy|telefoon|numero|nummer|number|phone)\b)\w+"
)
# "this number is now my son's", "ce numéro est maintenant celui de mon fils", "questo numero ora è di mio
# figlio": the time said between
_NOW = r"(?:(?:now|ahora|ya|maintenant|desormais|jetzt|nun|ora|adesso|agora|nu) )?"
_SOMEONE_ELSES_NUMBER = re.compile(
    # "its my late fathers old phone", "this used to be my mums number"
    rf"\b(?:this|it|its|thats)(?: \w+){{0,3}} (?:my|his|her|our) (?:late )?{_NOT_A_PERSON}s (?:old )?"
    r"(?:number|phone|cell|mobile)\b"
    rf"|\bthis (?:number|phone) {_NOW}(?:is|was|belongs to|belonged to) {_NOW}(?:my|his|her|our) "
    rf"{_NOT_A_PERSON}"
    rf"|\b(?:dit|het|dat) is (?:het|de) (?:nummer|telefoonnummer|telefoon|gsm|mobiel) van "
    rf"(?:mijn|m n|mn|onze|ons) {_NOT_A_PERSON}"
    rf"|\b(?:dit|het|dat) (?:nummer|telefoonnummer|gsm|mobiel) is {_NOW}van (?:mijn|m n|mn|onze|ons) "
    rf"{_NOT_A_PERSON}"
    rf"|\b(?:c est|ceci est|c etait) (?:le|l ancien|le vieux|le vieil) (?:numero|portable|telephone|tel|num) "
    r"(?:de|d) "
    rf"(?:ma|mon|notre) {_NOT_A_PERSON}"
    rf"|\bce (?:numero|portable) (?:(?:est|etait) {_NOW}(?:celui )?(?:de|d)|appartient {_NOW}a) "
    rf"(?:ma|mon|notre) {_NOT_A_PERSON}"
    rf"|\b(?:questo e|e|era) (?:il )?(?:vecchio )?(?:numero|cellulare|telefono) (?:di|della|del|dello) "
    rf"(?:mia |mio |nostra |nostro )?{_NOT_A_PERSON}"
    rf"|\bquesto (?:numero|cellulare|telefono) {_NOW}(?:e|era) {_NOW}(?:di|della|del|dello) (?:mia |mio )?"
    rf"{_NOT_A_PERSON}"
    rf"|\b(?:este es|es|era) (?:el )?(?:numero|telefono|celular|movil) de (?:mi|nuestra|nuestro) "
    rf"{_NOT_A_PERSON}"
    rf"|\beste (?:numero|telefono|celular|movil) {_NOW}(?:es|era) {_NOW}de (?:mi|nuestra|nuestro) "
    rf"{_NOT_A_PERSON}"
    rf"|\b(?:esse e|este e|e|era) (?:o )?(?:numero|celular|telefone) (?:da|do|de) (?:minha|meu) "
    rf"{_NOT_A_PERSON}"
    rf"|\b(?:esse|este) (?:numero|celular|telefone) {_NOW}(?:e|era) {_NOW}(?:da|do|de) (?:minha|meu) "
    rf"{_NOT_A_PERSON}"
    rf"|\b(?:das ist|des is|dies ist|das war) (?:die|das) (?:nummer|handy|telefon|handynummer) (?:von )?"
    rf"(?:meiner|meinem|meines|unserer|unserem) {_NOT_A_PERSON}"
    rf"|\b(?:die|diese|das|dieses) (?:nummer|handy|telefon) (?:ist|gehort|war) (?:von )?(?:meiner|meinem|"
    rf"unserer|unserem) {_NOT_A_PERSON}"
)
# "remove it please", "verwijder het aub", "supprimez-le svp": a clause of its own that takes "it" away.
_REMOVE_IT = re.compile(
    r"^(?:(?:please|pls|plz|just|so|kindly|can you|could you|graag|svp|bitte|por favor|per favore) )*"
    r"(?:remove|delete|erase|take off|take out|verwijder|wis|schrap|supprimez le|effacez le|retirez le|"
    r"borrenlo|eliminenlo|quitenlo|borralo|eliminalo|toglietelo|cancellatelo|rimuovetelo|eliminatelo|"
    r"removam|apaguem|loscht sie|loschen sie sie|entfernt sie|loschen|entfernen)"
    r"(?: (?:it|het|hem|him|her|please|pls|plz|thanks|thx|asap|now|off|aub|a u b|graag|svp|merci|bitte|danke|"
    r"por favor|porfa|per favore|grazie|obrigad[oa]))*"
    # the number or our list named: no "it" that could be the lamp just ordered
    r"( (?:the number|that number|this number|the no|o numero|die nummer|het nummer|le numero|il numero|"
    r"el numero|from (?:your|ur|the) (?:list|system|texts)))?"
    r"(?: (?:please|pls|plz|thanks|thx|asap|now|aub|graag|svp|merci|bitte|danke|por favor|per favore|"
    r"grazie))*$"
)


# Stop words that also cancel an order: not read after "this is my wife's number, she ordered it".
_CANCEL = wordset("cancel annuler cancelar annulla cancella kundigen opzeggen")


_REVOCATION_PATTERNS_BY_LANGUAGE = {
    language: [
        *patterns,
        _stop_the_texts(language),
        _remove_my_number(language),
        _who_has_my_number(language),
        _how_to_stop(language),
        _send_me_nothing(language),
        _no_consent(language),
        _never_gave_my_number(language),
        _BLOCK_YOU[language],
        _ASKED_BEFORE[language],
        f"(?:{_THE_TEXTS_AS_A_PRONOUN[language]}){_NOT_A_PLACE}{_NO_ORDER_AFTER}",
    ]
    for language, patterns in (
        ("en", _REVOCATION_PATTERNS),
        ("es", _REVOCATION_PATTERNS_ES),
        ("fr", _REVOCATION_PATTERNS_FR),
        ("de", _REVOCATION_PATTERNS_DE),
        ("it", _REVOCATION_PATTERNS_IT),
        ("pt", _REVOCATION_PATTERNS_PT),
        ("nl", _REVOCATION_PATTERNS_NL),
    )
}
# Kept apart from the patterns that must start a sentence: one "^" among the alternatives stops re from
# skipping to the first letters the others can start with, and costs every reply.
_REVOCATION = {
    language: re.compile("|".join(f"(?:{p})" for p in patterns if not p.startswith("^")))
    for language, patterns in _REVOCATION_PATTERNS_BY_LANGUAGE.items()
}
# The patterns that must start a sentence ("genoeg berichten gehad"), tried on the message and on each later
# clause ("geen interesse meer, niet meer sturen aub").
_REVOCATION_AT_START = {
    language: re.compile("|".join(f"(?:{p})" for p in patterns if p.startswith("^")))
    for language, patterns in _REVOCATION_PATTERNS_BY_LANGUAGE.items()
    if any(p.startswith("^") for p in patterns)
}
# A first-person PAST (or supposed: "if I unsubscribe from the newsletter…") unsubscription from
# something else ("je me suis désabonnée de Netflix", "me di de baja del gym") tells a story, it asks nothing
# of us: that span is read as if absent. From OUR texts ("I
# unsubscribed from your texts and they keep coming") it stays a revocation.
_ANY_TEXTS = (
    "(?:"
    + "|".join(texts[3:-1] for language, texts in _MESSAGES_ALL.items() if language != "nl")
    + f"|{_TEXTS_NL})"
)
# Ours: these texts, our list, "everything" (which includes them), or you; "your emails", "the gym" are not.
_OURS = (
    r"(?:(?:these|those|this|you|ustedes|vous|voi|voces|vcs|jullie|euch|everything|all|tout|todo|todos|tutto|"
    r"tudo|alles)\b|(?:\w+ ){0,2}(?:list|liste|lista|lijst|verteiler|" + _ANY_TEXTS[3:-1] + r")\b)"
)
_PAST_UNSUBSCRIPTION = re.compile(
    r"\b(?:i (?:\w+ )?(?:unsubscribed|unsubbed|opted out)|"
    # ... or an unsubscription supposed: "if I unsubscribe from the newsletter, do I lose my code?"
    r"(?:if|si|se|wenn|falls|als|wanneer) (?:i|je me|j me|me|ich mich|mi|eu me|ik me|ik mij) "
    r"(?:unsubscribe|doy de baja|desuscribo|borro|desabonne|desinscris|abmelde|austrage|disiscrivo|"
    r"descadastrar|descadastro|desinscrever|afmeld|uitschrijf)|"
    r"me (?:di|dio|he dado|habia dado) de baja|me (?:desuscribi|desinscribi|borre)|"
    r"(?:je )?(?:me suis|m suis|suis) (?:\w+ )?(?:desabonne|desinscrit)e?s?|"
    r"mi sono (?:\w+ )?(?:disiscritt|cancellat)[oaie]|"
    # the participle alone after "already": "déjà désinscrite de la newsletter", "già disiscritto dalla …"
    r"(?:deja|gia|already) (?:(?:desinscrit|desabonne)e?s?|(?:disiscritt|cancellat)[oaie]|unsubscribed|"
    r"unsubbed|opted out)|"
    r"me (?:descadastrei|desinscrevi)|cancelei (?:a |minha |meu |o )?(?:assinatura|inscricao|cadastro)|"
    r"i (?:\w+ )?cancell?ed (?:my|the) (?:subscription|membership)|"
    r"cancele (?:mi |la )?(?:suscripcion|membresia)|"
    r"(?:(?:heb|had) (?:me|mij)|ben|was) (?:\w+ ){0,2}(?:afgemeld|uitgeschreven))"
    rf" (?:from|of|to|at|with|de|del|des|du|d|da|dalla|dal|dai|dallo|do|das|dos|na|no|em|bij|van|voor|al|a|"
    rf"au|aux|alla|allo|ao|aan|zum|zur|vom)\b"
    rf"(?! {_OURS})(?: \w+)?"
    # "di de baja el seguro del coche", "dimos de baja la guardería": something else of theirs, told
    r"|\b(?:di|dimos|dio|dieron|he dado|hemos dado|habia dado) de baja "
    r"(?:el|la|los|las|mis|sus|nuestr[oa]s?) "
    r"(?!(?:numero|telefono|movil|celular|mensajes?|sms|datos)\b)\w+"
)
# "mi hija no deja de textearme sobre ese vestido", "my daughter won't stop texting me about it": someone of
# the shopper's who keeps writing to THEM; that span is read as if absent, like a past unsubscription.
_KEEPS_GOING = (
    r"(?:wont|doesnt|does not|will not|cant|never|just wont) (?:stop|quit)|"
    r"(?:no (?:deja|para)|nunca deja) de|(?:n )?arretez? pas de|hort (?:\w+ )?nicht auf|"
    r"non (?:la )?(?:smette|finisce) di|(?:nao|n) (?:para|deixa) de|"
    r"(?:stopt|houdt) niet (?:op )?(?:met )?|blijft"
)
_SOMEONE_OF_MINE_KEEPS_AT_IT = re.compile(
    rf"\b(?:my|mi|ma|mon|meine|mein|mia|mio|minha|meu|mijn|m n|mn) (?!{_MY_PHONE}\b)(?:\w+ )?\w+ "
    rf"(?:{_KEEPS_GOING})\b"
)
_ANNOYING = (
    r"(?:annoy\w*|nerv(?:en|t|st|ig|ige|iger)?|saoul\w*|soul(?:e|ent|ant)|lourd|relou|chiant\w*|fatigant\w*|"
    r"stufo|stufa|stufi|stufato|stufata|scocci\w*|irritant|vervelend|molest\w*|enchendo|chato|chata|chatos|"
    r"chatas)"
)
# "I never signed up for this", "kein Interesse mehr": said beside a bare ARRETEZ, BASTA, STOPPEN, the common
# keyword is the point of its clause, not a word in passing ("mai iscritto a sta roba, basta").
_UNWANTED = re.compile(
    r"\b(?:never (?:signed up|asked|subscribed|opted in)|not interested any ?more|no longer interested|"
    r"nunca (?:me )?(?:suscribi|inscribi|pedi|registre)|ya no me interesa|"
    r"jamais (?:\w+ )?(?:demande|inscrit|inscrite|abonne|abonnee)|m interesse (?:plus|pu)|plus interesse|"
    r"nie (?:\w+ ){0,2}(?:angemeldet|eingetragen)|kein interesse mehr|"
    r"mai (?:\w+ )?(?:iscritt|registrat)[oa]|(?:non|nn) mi interessa piu|"
    r"nunca (?:me )?(?:cadastrei|inscrevi|pedi)|nao tenho mais interesse|sem interesse|"
    r"nooit (?:\w+ )?(?:aangemeld|ingeschreven)|geen (?:interesse|behoefte) meer)\b"
    # "not interested" on its own, not "not interested in the red one"
    r"|\b(?:not interested|no me interesa|m interesse pas|kein interesse|(?:non|nn) mi interessa|"
    r"nao me interessa|nao tenho interesse|geen interesse)\b"
    r"(?! (?:in|en|dans|an|am|em|no|na|nel|nella|per|para|pour|fur|the|this|that|el|la|le|il|lo|o|a|de|"
    r"der|die|das|het|ce|cette|questo|questa|esse|essa|ese|esa)\b)"
    # one more text, sarcastically: "wow, another text, great", "toll, noch eine SMS", "weer een sms"
    rf"|\b(?:another|otro|otra|encore un|encore une|noch eine|noch ein|un altro|un altra|mais uma|mais um|"
    rf"weer een|nog een) (?:\w+ )?{_ANY_TEXTS}\b(?! (?:about|sobre|sur|uber|zu|su|sobre|over)\b)"
    # "this is harassment", "isso é assédio" ("disculpe la molestia" is a courtesy: only "è molestia")
    r"|\b(?:harassment|harassing|stalking|acoso|acosando|harcelement|belastigung|e molestia|assedio|"
    r"intimidatie)\b"
    # counting them: "three texts today", "vier SMS heute", "drie sms'jes vandaag"
    r"|\b(?:\d+|two|three|four|five|six|dos|tres|cuatro|cinco|seis|deux|trois|quatre|cinq|zwei|drei|vier|"
    r"second|third|fourth|fifth|segundo|tercer|tercero|cuarto|quinto|deuxieme|troisieme|quatrieme|zweite|"
    r"dritte|vierte|secondo|terzo|quarto|segunda|terceira|quarta|tweede|derde|vierde|"
    r"funf|sechs|due|tre|quattro|cinque|sei|duas|quatro|twee|drie|vijf|zes) "
    + _ANY_TEXTS
    + r"(?: \w+){0,4}? (?:today|this week|a day|hoy|esta semana|al dia|aujourd hui|cette semaine|par jour|"
    r"heute|diese woche|am tag|oggi|questa settimana|al giorno|hoje|essa semana|por dia|vandaag|deze week|"
    r"per dag)\b"
    # the phone that keeps going off: "mi celular no para de sonar con sus mensajes"
    rf"|\b(?:my|mi|mon|il mio|mio|meu|mein|mijn) {_MY_PHONE} (?:{_KEEPS_GOING})"
    # annoyed by the texts themselves: "mich nerven eure SMS", "vos sms me saoulent"
    rf"|\b{_ANNOYING}(?: \w+){{0,3}} {_ANY_TEXTS}\b|\b{_ANY_TEXTS}(?: \w+){{0,3}} {_ANNOYING}\b"
)
# "never signed up for this, it's spam": texts they did not ask for, named as such.
_SPAM = re.compile(r"\b(?:spam|spamming|spammen|spammer|spams|spammy)\b")
# A person doing the opposite of revoking: "don't unsubscribe me", "I don't want to unsubscribe".
# Spanish, Italian and Portuguese "no quiero darme de baja", "non voglio disiscrivermi": "no" wanting one, a
# pronoun at most between (a plain "no" may be the answer before an unsubscribe: "no gracias, denme de baja").
_NEGATED_REVOCATION = re.compile(
    r"\b(?:dont|do not|not|never|didnt|ne|pas|nicht|non|nao|niet)(?: \w+){0,3} "
    r"(?:unsubscribe|unsub|opt out|desabonner|abmelden|disiscrivere|descadastrar|afmelden|uitschrijven)\b"
    r"|\b(?:no|nunca) (?:me |nos )?(?:quiero|queremos|quise|deseo|pienso|voy a|vamos a|necesito) "
    r"(?:me |nos )?"
    r"(?:dar(?:me|nos)? de baja|desuscribir(?:me|nos)?|desinscribir(?:me|nos)?)\b"
    r"|\b(?:non|nn|mai) (?:mi |ci )?(?:voglio|vogliamo|vorrei|intendo|devo) (?:mi |ci )?"
    r"(?:disiscriver(?:e|mi|ci)|cancellarmi)\b"
    r"|\b(?:nao|n|nunca) (?:me |nos )?(?:quero|queremos|vou|pretendo|preciso) (?:me |nos )?"
    r"(?:descadastrar(?:me)?|desinscrever(?:me)?|sair da lista)\b"
)

# "cancel my coffee subscription, not the texts", "das Abo kündigen, NICHT die SMS": the texts kept in so many
# words, so whatever else the message cancels is not them (a clause of its own; "not the texts again" is not).
_THE = (
    "the|your|these|los|sus|estos|les|vos|ces|die|eure|diese|gli|i|questi|vostri|as|os|essas|esses|suas|seus|de|"
    "jullie|uw|deze"
)
_NOT_NOW = re.compile(
    r"^(?:(?:but|pero|mais|aber|ma|mas|maar|ok|okay|bitte|por favor) )?"
    rf"(?:{'|'.join(NOT_NOW.values())})"
    r"(?: (?:please|pls|thanks|porfa|por favor|svp|merci|bitte|danke|grazie|obrigad[oa]|aub|bro))?$"
)
# "hoje não, me manda msg semana que vem", "not today, text me next week": a clause that asks to be written to
# again at a named time (snooze.py's WRITE_AGAIN_LATER) is a pause; the "não" before it denies nothing in it.
_WRITE_AGAIN_LATER_FIRST = re.compile(
    r"^(?:(?:but|pero|mais|aber|ma|mas|maar|ok|okay|then|so|entonces|alors|dann|poi|entao|dan|please|pls|"
    r"bitte|por favor|svp|per favore|aub) )*"
    rf"(?:{'|'.join(f'(?:{said})' for said in WRITE_AGAIN_LATER.values())})"
)
# "Kann man das Abo jederzeit kündigen?", "can I cancel the subscription any month?": the terms of a product's
# subscription, asked before buying; nothing is cancelled.
_CANCELLED_ANY_TIME = re.compile(
    r"\b(?:any ?time|any month|whenever|at any time|jederzeit|monatlich|cuando quiera|en cualquier momento|"
    r"a tout moment|quand je veux|quand on veut|in qualsiasi momento|quando voglio|quando vuoi|"
    r"a qualquer momento|quando quiser|elke maand|op elk moment|wanneer ik wil)\b"
)
# "no need to stop the texts, it's my own phone", "pas besoin d'arrêter les sms": stopping them, declined.
_NO_NEED_TO_STOP = re.compile(
    r"\b(?:no need to|dont need to|do not need to|you dont have to|no hace falta(?: que)?|"
    r"no es necesario(?: que)?|pas besoin d(?:e)?|pas la peine d(?:e)?|inutile d(?:e)?|non c e bisogno di|"
    r"non serve|nao precisa(?:m)?(?: de)?|"
    r"kein grund zu|ihr musst nicht|sie mussen nicht|jullie hoeven niet)(?: \w+){0,2}? "
    r"(?:stop\w*|arret\w*|par(?:ar|en|em|e)|smett\w*|cess\w*|deten\w*|aufhor\w*)\b"
)
_TEXTS_SPARED = re.compile(
    # French "pas de sms (merci)" is no texts at all, not "niet de berichten" (the texts spared)
    rf"^(?:but |pero |mais |aber |ma |mas |maar )?(?!pas de )(?:not|no|pas|nicht|non|nao|niet) (?:{_THE}) "
    rf"{_ANY_TEXTS}\b"
    r"(?! (?:any ?more|again|please|pls|mas|plus|mehr|piu|mais|meer)\b)"
    rf"|^(?:{_THE}) {_ANY_TEXTS} (?:no|non|nao|niet|not|pas|nicht)\b"
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


# Unsubscribe words long enough that a slip of one letter ("abmelten", "descadastar", "afmeldne") is still
# that word, and the words for the opposite, which a slip must be nearer to ours than to ("anmelten").
_UNSUBSCRIBE_WORDS = wordset(
    "unsubscribe desuscribir desuscribirme desuscribanme desuscribame desinscribir desinscribirme "
    "desinscribanme desabonner desabonnement desabonnez desinscrire desinscription desinscrivez abmelden "
    "abbestellen abmeldung disiscrivere disiscrivermi disiscrivetemi disiscrivimi disiscrizione descadastrar"
    " descadastre descadastrem descadastro desinscrever afmelden afmelding uitschrijven"
)
_UNSUBSCRIBE_IN_ORDER = sorted(_UNSUBSCRIBE_WORDS)
_SUBSCRIBE_WORDS = wordset(
    "subscribe subscribed suscribir suscribirme inscribir inscribirme abonner abonnement inscrire "
    "inscription anmelden anmeldung bestellen iscrivere iscrivermi iscrizione cadastrar cadastro inscrever "
    "aanmelden aanmelding inschrijven"
)


def _slip_allowed(word: str) -> int:
    return 2 if len(word) >= 11 else 1


_STOP_SLIPS = wordset("stopp stoop stpo sotp stahp stopit stopppp stoppp sstop")
# A letter held down ("bajaaa", "arretttt", "PARAAR"): runs of one letter read as one.
_REPEATED = re.compile(r"(\w)\1+")


def _collapsed(word: str) -> str:
    return _REPEATED.sub(r"\1", word)


@cache
def _collapsed_keywords() -> frozenset[str]:
    """Keywords and slips of four letters or more, with runs of a letter as one ("arret" -> "aret")."""
    keywords = STRONG_OPT_OUT | WEAK_OPT_OUT | _STOP_SLIPS
    return frozenset(_collapsed(keyword) for keyword in keywords if len(keyword) >= 4)


_PLEASE = wordset("please pls plz svp stp bitte porfa pfv aub alsjeblieft")
# What the keyword stops when an object follows "please": "STOP please the second order", "stopp bitte die
# Bestellung".
_AN_OBJECT = wordset(
    "the my this that your le la les l mon ma mes ce cette el los las mi este esta der die das den dem mein "
    "meine diese il lo gli i mio mia questo questa o a os as meu minha este esta het de een mijn deze dit"
)


# "BASTA. Cada día un mensaje nuevo.", "Arrête ! Trois sms aujourd'hui": a common word for "stop" or "enough"
# alone in its sentence, and the texts named as coming again and again.
_ENOUGH = wordset("genug enough assez chega genoeg")
_AGAIN_AND_AGAIN = wordset(
    "again wieder encore ancora weer nuevo nuevos nouveau nuovo novo otra outra cada jeden tous ogni todo "
    "todos elke every each 2 3 4 5 two three deux trois dos tres zwei drei due tre duas drie so tantos tant "
    "tanti tantas viele zoveel semana woche semaine settimana week"
)
_TEXTS_NAMED = re.compile(rf"\b{_ANY_TEXTS}\b")


def _enough_of_the_texts(clauses: list[tuple[str, ...]]) -> str | None:
    for index, clause in enumerate(clauses):
        keyword = _only(clause, WEAK_OPT_OUT | _ENOUGH, _FILLER - _WAIT_A_MOMENT)
        if not keyword:
            continue
        rest = [word for other in clauses[:index] + clauses[index + 1 :] for word in other]
        if _TEXTS_NAMED.search(" ".join(rest)) and _AGAIN_AND_AGAIN.intersection(rest):
            return keyword
    return None


def _keyword_please_remark(clause: tuple[str, ...]) -> str | None:
    """A carrier keyword and "please" opening a message, then a remark rather than an object: "STOP please
    enough of these", "STOP SVP ça fait 3 fois"."""
    if (
        len(clause) > 2
        and clause[0] in STRONG_OPT_OUT
        and clause[1] in _PLEASE
        and clause[2] not in _AN_OBJECT
    ):
        return clause[0]
    return None


def _near_opt_out_word(words: tuple[str, ...]) -> str | None:
    """A message that is a slip of STOP or of an unsubscribe word ("Stopp", "stpo", "unsubcribe me",
    "abmelten") and filler."""
    meant = [word for word in words if word not in _FILLER]
    if len(meant) not in (1, 2):
        return None
    word = "".join(meant)  # "un subscribe"
    if word in _STOP_SLIPS or _collapsed(word) in _collapsed_keywords():
        return word
    return word if _unsubscribe_slipped(word, _slip_allowed) else None


def _unsubscribe_slipped(word: str, allowed) -> str | None:
    """The unsubscribe word this one is a slip of ("abmelten": "abmelden"), if it is nearer to it than to any
    word for the opposite ("anmelten")."""
    if len(word) < 7:
        return None
    # One call over the sorted words (the first of equally near ones wins), cut off past the widest slip.
    nearest = process.extractOne(word, _UNSUBSCRIBE_IN_ORDER, scorer=OSA.distance, score_cutoff=2)
    if nearest is None:
        return None
    target, distance, _ = nearest
    if distance > allowed(target):
        return None
    if any(OSA.distance(word, opposite) <= distance for opposite in _SUBSCRIBE_WORDS):
        return None
    return target


# "nn voglio + ricevere niente", "pas + de sms": a plus sign standing for "more" (not "+33 6…", "2+2", "A+").
_PLUS_FOR_MORE = re.compile(r"(?<![\w+])\+(?=\s*(?:[^\W\d_]|$))")
_MORE = ("piu", "plus", "mas", "mais", "more", "mehr", "meer")


# The reminder's own line pasted back in quotes ('"Reply STOP to opt out" - not stopping, just asking...').
_QUOTED = re.compile(r"[\"“”«»„]([^\"“”«»„]{3,300})[\"“”«»„]")
_OUR_INSTRUCTION = re.compile(
    r"\b(?:reply|text|send|responde|responda|contesta|repondez|reponds|antworte|antworten sie|rispondi|"
    r"risponda|antwoord|beantwoord|stuur) (?:with )?(?:stop|baja|alto|parar|arret|stopp|basta|start|help)\b"
)


def _as_meant(text: Text) -> Text:
    """The text with a quoted reminder line left out."""
    meant = _QUOTED.sub(lambda quote: " " if _OUR_INSTRUCTION.search(fold(quote[1])) else quote[0], text.raw)
    return text if meant == text.raw or not words(meant) else Text(meant)


# Spoken German that conversations/regional.py does not read yet, in the words the German readers know:
# Swiss "nümme", "ufhöre", "ghört", "schicked", "z schriibe", "nüt meh", Bavarian "ned", "ruah", "eire",
# "herschreibn". Forms that are another language's word are read only beside the word that makes them German
# ("mei Handy", "mini Nummer": Dutch "mei" is May, "mini" a size).
_SPOKEN_GERMAN = {
    "ned": "nicht",
    "numme": "nicht mehr",
    "nume": "nicht mehr",
    "nimme": "nicht mehr",
    "nimmi": "nicht mehr",
    "nut mehr": "nichts mehr",
    "nuet mehr": "nichts mehr",
    "ufhore": "aufhoren",
    "ufhoere": "aufhoren",
    "ufhoren": "aufhoren",
    "uufhore": "aufhoren",
    "ghort": "gehort",
    "ghoert": "gehort",
    "schicked": "schickt",
    "sended": "sendet",
    "ruah": "ruhe",
    "ruach": "ruhe",
    "eire": "eure",
    "eiare": "eure",
    "herschreibn": "herschreiben",
    # "hörn se auf", "hör'n Sie auf", Bavarian "hörts auf mi anzuschreiben" (hört ihr, mich)
    "horn se": "horen sie",
    "horn sie": "horen sie",
    "hor n se": "horen sie",
    "hor n sie": "horen sie",
    "horen se": "horen sie",
    "horts": "hort",
    "auf mi": "auf mich",
    "mehr schicke": "mehr schicken",
    # Swiss "kei SMS meh", "us de Liste neh" (Dutch "kei" is "very": only before the texts)
    **{
        f"kei {texts}": f"keine {texts}"
        for texts in ("sms", "nachricht", "nachrichte", "nachrichten", "werbig")
    },
    "us de liste": "aus der liste",
    "us dr liste": "aus der liste",
    "us em verteiler": "aus dem verteiler",
    "neh": "nehmen",
    "zu schicke": "zu schicken",
    "z schicke": "zu schicken",
    "z schicken": "zu schicken",
    "z schreiben": "zu schreiben",
    "z sende": "zu senden",
    "z senden": "zu senden",
    **{
        f"{mine} {phone}": f"mein{'e' if phone.endswith('nummer') else ''} {phone}"
        for mine in ("mei", "mini", "mis")
        for phone in ("handy", "nummer", "handynummer", "telefon", "telefonnummer", "natel", "natelnummer")
    },
}
_SPOKEN_GERMAN_RE = re.compile(r"\b(?:" + "|".join(sorted(_SPOKEN_GERMAN, key=len, reverse=True)) + r")\b")
# Dictation's homophones: German "keine Nachrichten Meer" (the sea for "mehr") after a word that negates, a
# noun between at most ("wir fahren ans Meer" keeps its sea); Spanish "escrivan" for "escriban" (no Spanish
# word starts "escriv").
_SEA_FOR_MORE = re.compile(
    r"\b(nicht|nichts|nix|nie|keine|kein|keinen)((?: (?!(?:ans|am|an|ins|im|zum|vom|das|dem|den|der|ubers|"
    r"aufs)\b)\w+)?) meer\b"
    # Flemish "nie meer sturen aub" is "niet meer": Dutch around it keeps its "meer"
    r"(?! (?:sturen|smsen|sms en|appen|mailen|bellen|contacteren|berichten|lastigvallen|aub|graag)\b)"
)
_B_FOR_V = re.compile(r"\bescriv")
# Spoken English drops the g ("stop textin me"), Roman Italian turns "-armi" into "-amme" ("smettetela de
# scrivemme", "mannamme", nn for nd): the contact verbs only.
_DROPPED_G = re.compile(
    r"\b(text|txt|messag|msg|contact|spamm|writ|email|bugg|bother|call|send|hitt|remind)in\b"
)
_ROMAN_ENCLITIC = re.compile(r"\b(scriv|mand|mann|invi|contatt|cerc|disturb)([aei])mme\b")


def _roman_enclitic(verb: re.Match) -> str:
    stem = "mand" if verb[1] == "mann" else verb[1]
    return f"{stem}{verb[2]}rmi"


def _in_standard_words(text: Text) -> Text:
    """The text with spoken German, English and Roman forms and dictation's homophones read as the standard
    words."""
    folded = _SPOKEN_GERMAN_RE.sub(lambda form: _SPOKEN_GERMAN[form[0]], text.folded)
    if " meer" in folded:
        folded = _SEA_FOR_MORE.sub(r"\1\2 mehr", folded)
    if "escriv" in folded:
        folded = _B_FOR_V.sub("escrib", folded)
    if "in " in folded or folded.endswith("in"):
        folded = _DROPPED_G.sub(r"\1ing", folded)
    if "mme" in folded:
        folded = _ROMAN_ENCLITIC.sub(_roman_enclitic, folded)
    return text if folded == text.folded else Text(folded)


def _unslipped(text: Text) -> Text:
    """The text with a slip of an unsubscribe word read as that word, inside a sentence too ("could you
    unsubcribe me please", "desuscribirrme"), unless it is as near a word for the opposite; and slips of the
    words plain opt-out sentences are made of ("bitte kiene SMS schiken")."""
    folded = _LONG_WORD.sub(lambda found: _slip_in_a_sentence(found[0]) or found[0], text.folded)
    return text if folded == text.folded else Text(folded)


_LONG_WORD = re.compile(r"\b\w{5,}\b")


# Words of plain opt-out sentences whose slips are read as them too: the texts ("nachrichtn", "mensagen",
# "berichtn"), whatever their ending; verbs ("schiken", "aretez", "cancelatemi", "bekomen", "ontvange") only
# when the slip is no other form of the verb ("arreter" is read by its own patterns), or the verb cut short;
# five-letter ones only with two letters swapped ("kiene", "nciht"): one letter changed turns "keine" into
# "meine". Real words one letter away are never slips ("massage" is not "message").
_SENTENCE_NOUNS = wordset("nachrichten mensagens mensagem messages message berichten")
_SENTENCE_WORDS = sorted(
    _SENTENCE_NOUNS
    | wordset("schicken schreiben arretez cancellatemi toglietemi recevoir bekommen ontvangen")
)
_NEAR_BUT_OTHER_WORDS = wordset("massage massages passage passages messager berichtet schreiber")
_SWAPPED = {
    word[:i] + word[i + 1] + word[i] + word[i + 2 :]: word
    for word in wordset("keine nicht")
    for i in range(len(word) - 1)
}


def _sentence_slipped(word: str) -> str | None:
    if word in _SWAPPED:
        return _SWAPPED[word]
    if word in _NEAR_BUT_OTHER_WORDS:
        return None
    nearest = process.extractOne(word, _SENTENCE_WORDS, scorer=OSA.distance, score_cutoff=1)
    if not nearest or nearest[1] != 1:
        return None
    target = nearest[0]
    another_form = word[: len(target) - 2] == target[:-2] and word != target[:-1]
    return None if another_form and target not in _SENTENCE_NOUNS else target


def _slip_in_a_sentence(word: str) -> str | None:
    # One letter off only, and never an inflection of the word: "unsubscribed", "désabonnée", "désinscrite"
    # tell a story; a letter held down ("desuscribirrme") is still a slip.
    target = _unsubscribe_slipped(word, lambda _: 1)
    if target is None:
        return _sentence_slipped(word)
    if _collapsed(word) != _collapsed(target) and word[: len(target) - 2] == target[:-2]:
        return None
    return target


def compliance_intent(text: Text) -> Compliance | None:
    """Opt-out first (it wins over everything), then opt-in and help, each only as a message's point."""
    text = _paused_for_a_time_left_out(_in_standard_words(_unslipped(_as_meant(text))))
    found = _compliance(text)
    if found or not _PLUS_FOR_MORE.search(text.raw):
        return found
    for more in _MORE:
        meant = _compliance(Text(_PLUS_FOR_MORE.sub(f" {more} ", text.raw)))
        if meant and meant.kind == OPT_OUT:
            return meant
    return None


def _paused_for_a_time_left_out(text: Text) -> Text:
    """ "no me manden nada hasta el lunes": texts refused until a time are a pause, read by snooze.py; with no
    time ("hasta nuevo aviso") they stay a revocation."""
    folded = texts_refused_for_a_time_left_out(text.folded)
    return text if folded == text.folded else Text(folded)


def _compliance(text: Text) -> Compliance | None:
    clauses = text.clauses
    whole = text.words
    # "echt jetzt? Ende?" asks whether something ended: a keyword asked about is not calmed into a bare one
    calmed = _calmed if not text.raw.rstrip().endswith("?") else tuple
    for clause in clauses:
        keyword = _only(calmed(clause), STRONG_OPT_OUT, _FILLER - _WAIT_A_MOMENT)
        if keyword:
            return Compliance(OPT_OUT, _keyword_language(keyword), f'opt-out keyword "{keyword.upper()}"')
    calm = calmed(whole)
    keyword = (
        _only(_phrases_as_keywords(calm), STRONG_OPT_OUT | WEAK_OPT_OUT, _FILLER)
        or _near_opt_out_word(calm)
        or _keyword_please_remark(clauses[0] if clauses else ())
        or _enough_of_the_texts(clauses)
    )
    if keyword:
        return Compliance(OPT_OUT, _keyword_language(keyword), f'opt-out keyword "{keyword.upper()}"')
    # "not now, text me again in March": the pause's "not" is its own clause and denies nothing after it
    folded = " ".join(
        word
        for clause in clauses
        if not _NOT_NOW.match(" ".join(clause)) and not _WRITE_AGAIN_LATER_FIRST.match(" ".join(clause))
        for word in clause
    )
    # "ik ken u niet. Uitschrijven": a negation in one sentence does not reach the next one's request
    if not any(
        _NEGATED_REVOCATION.search(said) or _TEXTS_SPARED.search(said) or _NO_NEED_TO_STOP.search(said)
        for said in (" ".join(clause) for clause in clauses)
    ) and not _cancel_terms_asked(text):
        revocation = _revocation(folded, clauses, text.raw)
        if revocation:
            return revocation
    keyword = _only(whole, OPT_IN_WORDS, _FILLER_OPT_IN)
    if keyword:
        return Compliance(OPT_IN, _keyword_language(keyword), f'opt-in keyword "{keyword.upper()}"')
    keyword = _only(whole, HELP_WORDS, _FILLER_HELP)
    if keyword:
        return Compliance(HELP, _keyword_language(keyword), f'help keyword "{keyword.upper()}"')
    return None


def _cancel_terms_asked(text: Text) -> bool:
    return (
        "?" in text.raw
        and bool(names_a_subscription(text.words))
        and bool(_CANCELLED_ANY_TIME.search(text.folded))
    )


def _revocation(folded: str, clauses: list[tuple[str, ...]], raw: str) -> Compliance | None:
    """A plain-language revocation in the message, or in a later clause for the patterns that start one."""
    told = _PAST_UNSUBSCRIPTION.sub(" ", folded)
    told = _SOMEONE_OF_MINE_KEEPS_AT_IT.sub(" ", told)
    for patterns, parts in (
        (_REVOCATION, [told]),
        (_REVOCATION_AT_START, [told, *(" ".join(clause) for clause in clauses[1:])]),
    ):
        for part in parts:
            for language, pattern in patterns.items():
                match = pattern.search(part)
                if match:
                    language = _likeliest(language, part, patterns)
                    return Compliance(OPT_OUT, language, f'plain-language opt-out "{match[0]}"')
    to_my_number = _no_more_to_my_number(told)
    if to_my_number:
        return Compliance(OPT_OUT, to_my_number, "plain-language opt-out: no more texts to this number")
    wrong_number = _wrong_number(clauses)
    if wrong_number:
        return Compliance(OPT_OUT, wrong_number, "a wrong number")
    not_theirs = _no_longer_theirs(told)
    if not_theirs:
        return Compliance(OPT_OUT, not_theirs, "the number is no longer the shopper's")
    if _privacy_request(told):
        return Compliance(OPT_OUT, "", "a data-protection request to erase or object")
    if _UNWANTED.search(folded) and _SPAM.search(folded):
        return Compliance(OPT_OUT, "", "texts never asked for, called spam")
    someone_elses = _SOMEONE_ELSES_NUMBER.search(folded) and clauses
    if someone_elses:
        # the last clause with its trailing filler ("stoppen a.u.b." is three clauses)
        end = len(clauses) - 1
        while end > 0 and all(word in _FILLER for word in clauses[end]):
            end -= 1
        closing = tuple(word for clause in clauses[end:] for word in clause)
        remove_it = _REMOVE_IT.match(" ".join(closing))
        if remove_it and (remove_it[1] or _TEXTS_NAMED.search(folded)):
            return Compliance(OPT_OUT, "", 'someone else\'s number, then "remove it"')
        keyword = _only(closing, WEAK_OPT_OUT - _CANCEL, _FILLER)
        if end and keyword and not raw.rstrip().endswith("?"):
            return Compliance(
                OPT_OUT, _keyword_language(keyword), f'someone else\'s number, then "{keyword.upper()}"'
            )
    if _UNWANTED.search(folded):
        # the keyword alone in a clause, or closing the message ("otro mensaje, qué ilusión 🙄 BASTA")
        for keyword in [_only(clause, WEAK_OPT_OUT, _FILLER) for clause in clauses] + [
            _closing_keyword(clauses)
        ]:
            if keyword:
                return Compliance(
                    OPT_OUT, _keyword_language(keyword), f'unwanted texts, then "{keyword.upper()}"'
                )
    return None


# "vos textos me saoulent, c'est fini": after being fed up with the texts, a closing "that's it".
_THAT_IS_IT = re.compile(
    r"\b(?:c est fini|c fini|cest fini|ca suffit|im done|i m done|thats it|se acabo|ya basta|es reicht|"
    r"jetzt reichts|basta cosi|chega|acabou|het is genoeg|klaar nu)$"
)


def _closing_keyword(clauses: list[tuple[str, ...]]) -> str | None:
    last = clauses[-1][-1] if clauses and clauses[-1] else ""
    if last in WEAK_OPT_OUT:
        return last
    closing = _THAT_IS_IT.search(" ".join(clauses[-1])) if clauses else None
    return closing[0] if closing else None


def _likeliest(language: str, part: str, patterns: dict[str, re.Pattern]) -> str:
    """Of the languages whose revocations read these words ("parem de mandar sms" is a Spanish shape too), the
    one with most of its own marker words in them ("pra", "esse"); the first on a tie."""
    readers = [
        language,
        *(other for other, pattern in patterns.items() if other != language and pattern.search(part)),
    ]
    if len(readers) == 1:
        return language
    words = part.split()
    return max(readers, key=lambda reader: sum(word in MARKER_WORDS[reader] for word in words))


def _keyword_language(keyword: str) -> str:
    """The language a compliance word belongs to; "" for the international STOP/START/HELP and shared words.

    The reply's language then comes from the shopper (their text, their locale), not from the keyword.
    """
    if keyword in _SHARED_KEYWORDS or keyword in {"stop", "start", "help", "info"}:
        return ""
    return _KEYWORD_LANGUAGE.get(keyword, "")


def shadows_compliance(keyword: str) -> bool:
    """A rule keyword that a compliance word would answer first, or that could swallow one."""
    folded = fold(keyword).strip()
    words = set(re.findall(r"[^\W_]+", folded))
    return bool(words & RESERVED_WORDS) or compliance_intent(Text(keyword)) is not None
