""" "Not now", "text me next week": a pause of cart texts in the shopper's words, not an opt-out.

The phrases, durations and replies are data per language: a language is added by adding its entries to the
tables below (`SNOOZE_PHRASES`, `NUMBER_WORDS`, `UNIT_DAYS`, `FIXED_DURATIONS`, `SNOOZE_CONFIRMATION`).
Phrases are regular expressions over folded text (lower case, no accents or apostrophes: "später" is
"spater"). A snooze is read only after the opt-out reading found nothing: opt-out always wins. "Later" or
"next week" alone ("ok, plus tard", "kauf ich nächste Woche", "I'll order it later") is the shopper's own
plan in every language, an acknowledgement; "maybe later", "not now" and "text me next week" ask for a pause.
"""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from .nlp import Text
from .nlp_payment import names_a_subscription

DEFAULT_SNOOZE_DAYS = 7
MAX_SNOOZE_DAYS = 30
# Longer messages are conversations that happen to contain "later"; a snooze is the point of a short one.
MAX_SNOOZE_WORDS = 12

# "Not now" in each language: a pause in a short message, and, as a clause of its own, never part of an
# opt-out ("not now, text me in March" denies nothing after it; nlp_compliance reads the same table).
NOT_NOW: dict[str, str] = {
    "en": r"not (?:right )?now",
    "fr": r"pas (?:maintenant|tout de suite|pour (?:le moment|l instant))",
    "de": r"(?:jetzt|gerade|grad|im moment) nicht|nicht (?:jetzt|gerade|im moment)",
    "es": r"(?:ahora|ahorita) no",
    "it": r"(?:ora|adesso|mo) no|(?:non|no) (?:ora|adesso|per ora)",
    "pt": r"agora nao",
    "nl": r"nu (?:even )?niet|niet nu",
}

# A month named as the time to write again ("text me in March", "stuur maar in maart weer wat").
_MONTHS: dict[str, str] = {
    "en": "january|february|march|april|may|june|july|august|september|october|november|december",
    "fr": "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre",
    "de": "januar|jaenner|janner|februar|feber|marz|april|mai|juni|juli|august|september|oktober|november|"
    "dezember",
    "es": "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|"
    "diciembre",
    "it": "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre",
    "pt": "janeiro|fevereiro|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro",
    "nl": "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december",
}

# A weekday named as the time to write again ("text me again next Friday", "recontactez-moi lundi prochain").
_WEEKDAYS: dict[str, str] = {
    "en": "monday|tuesday|wednesday|thursday|friday|saturday|sunday",
    "fr": "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche",
    "de": "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag",
    "es": "lunes|martes|miercoles|jueves|viernes|sabado|domingo",
    "it": "lunedi|martedi|mercoledi|giovedi|venerdi|sabato|domenica",
    # "até segunda ordem" is "until further notice", no Monday
    "pt": "segunda(?! ordem)|terca|quarta|quinta|sexta|sabado|domingo",
    "nl": "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag",
}
# The weekday alone counts too, as said in a hurry ("remind me monday", "herinner me maandag", "me lembra
# segunda"): it follows a "write to me" verb, never on its own.
_NEXT_WEEKDAY: dict[str, str] = {
    "en": rf"(?:(?:next|on|this) )?(?:{_WEEKDAYS['en']})",
    "fr": rf"(?:{_WEEKDAYS['fr']})(?: prochain)?",
    "de": rf"(?:(?:nachsten|am|kommenden|diesen) )?(?:{_WEEKDAYS['de']})",
    "es": rf"(?:el )?(?:(?:{_WEEKDAYS['es']})(?: que viene)?|proximo (?:{_WEEKDAYS['es']}))",
    "it": rf"(?:{_WEEKDAYS['it']})(?: prossimo)?|la prossima(?: settimana)?",
    "pt": rf"(?:na |no )?(?:(?:proxima|proximo) )?(?:{_WEEKDAYS['pt']})(?: feira)?(?: que vem)?",
    "nl": rf"(?:(?:volgende|op|aanstaande) )?(?:{_WEEKDAYS['nl']})",
}

# "Write to me" in each language, as asked of the shop.
_WRITE_TO_ME: dict[str, str] = {
    "en": r"(?:(?:text|message|msg|contact|remind|ask|write to|write|get back to|try|hit|talk to|speak to) me"
    r"(?: up)?(?: again| back)?|send (?:me )?(?:texts|messages|msgs|reminders|something|(?:a |another )?"
    r"(?:text|message|msg|reminder))|(?<!ill )(?<!i will )get in touch(?: with me)?(?: again)?"
    r"|(?:(?:please|pls|could you|can you|would you|kindly) ){1,3}write(?: to me)? again)",
    # "écris-moi", "recontacte-moi": said to one person as to many
    "fr": r"(?:(?:recontactez|recontacte|ecrivez|ecris|reecrivez|reecris|relancez|relance|contactez|contacte"
    r"|renvoyez|rappelez|rappelle|envoyez|envoie)[ -]?(?:moi|nous)"
    r"(?: (?:un message|un sms|un mail|quelque chose))?"
    r"|(?:redonnez|donnez)[ -]?moi des nouvelles"
    # asked politely in the infinitive: "pourriez-vous m'écrire de nouveau", "me recontacter"
    r"|(?:m|me) (?:ecrire|reecrire|recontacter|relancer)|m envoyer un (?:message|sms|mail))",
    "de": r"(?:(?:schreib|schreibt|schreiben sie|melde dich|meld dich|meldet euch|melden sie sich)"
    r"(?: mir| uns)?"
    r"(?: bei mir)?"
    r"(?: doch)?|(?:erinnert|erinnere|erinner|erinnern sie) (?:mich|uns)(?: bitte)?)",
    # Spain's vosotros ("escribidme", "avisadme") and the River Plate's voseo ("escribime", "recordame")
    "es": r"(?:escribeme|escribanme|escribenos|escribidme|escribime|(?:vuelvan|vuelve|volved|volver) a "
    r"(?:escribirme|contactarme)|avisadme|contactadme|recordame|"
    r"me (?:vuelva|vuelvan|volviera|volvieran) a (?:escribir|contactar)|escribirme|contactarme|"
    r"recuerdame|recuerdamelo|recuerdenme|recuerdenmelo|recordadme|contactame|contactenme|avisame|hablame|"
    r"hablenme|(?:mandame|mandenme|mandadme) (?:un |algun )?(?:mensaje|msj|recordatorio|algo))",
    "it": r"(?:me lo (?:ricordate|ricordi)|scrivimi|scrivetemi|riscrivimi|riscrivetemi|ricordamelo|ricordami|"
    r"ricordatemi|ricordatemelo|scrivermi|riscrivermi|ricontattarmi|"
    r"ricontattami|ricontattatemi|contattami|risentiamoci|ci risentiamo|sentiamoci|fatevi sentire|"
    r"fatti sentire|(?:mandami|mandatemi) (?:un messaggio|un promemoria|qualcosa))",
    "pt": r"(?:(?:me )?(?:escreve|escreva|escrevam|escrever|(?:manda|mande|mandem) (?:mensagem|msg|algo|"
    r"alguma coisa|um lembrete)|lembra|lembre|lembrem|"
    r"chama|me chamem)(?: me)?|(?:fala|fale|falem) comigo"
    r"|(?:(?<!vou )(?<!vamos )(?<!irei )entrar|entrem|entre) em contato(?: comigo)?)",
    # "ik app volgende week wel" is the shopper's own plan
    "nl": r"(?<!ik )(?<!we )(?<!wij )(?:(?:stuur|app|herinner|bericht)(?: (?:me|mij|ons))?"
    r"|(?:mail|sms|whatsapp) (?:me|mij|ons))(?: maar)?",
}
# "Let's talk (again)" with a time ("talk next week", "hablamos la semana que viene", "on se reparle après les
# fêtes", "wir hören uns nächste Woche"): the talk is the shop's next text, a pause. Agreed to first ("ok,
# ci sentiamo a fine mese", "vale, hablamos el lunes") it is a goodbye, the shopper's own plan
# (`_AGREED_FIRST`; nlp_courtesy.PLANS reads it as an acknowledgement).
_TALK_AGAIN: dict[str, str] = {
    "en": r"(?:talk|speak|chat)(?: (?:to you|again))?",
    "fr": r"on (?:se|en) (?:re)?parle|on se (?:recontacte|reecrit)",
    "de": r"(?:wir )?(?:horen|hoeren|sprechen|schreiben) uns",
    "es": r"(?:nos )?hablamos|volvemos a hablar",
    "it": r"ci (?:ri)?sentiamo|ne riparliamo|ci (?:ri)?aggiorniamo",
    "pt": r"(?:a gente )?se fala|(?:nos )?falamos",
    "nl": r"(?:we )?(?:spreken|horen) (?:we )?elkaar|spreek je",
}
_AGREED = (
    "ok",
    "okay",
    "oke",
    "oki",
    "okey",
    "vale",
    "dale",
    "daccord",
    "d accord",
    "va bene",
    "alles klar",
    "passt",
    "beleza",
    "ta bom",
    "combinado",
    "prima",
    "goed",
    "top",
    "sure",
    "fine",
)
_AGREED_FIRST = "".join(rf"(?<!\b{word} )" for word in _AGREED)
# Holidays named as the time ("after the holidays", "después de Reyes", "nach Weihnachten", "dopo le feste",
# "depois do Natal", "na de feestdagen"): as long a pause as there is.
_AFTER_THE_HOLIDAYS: dict[str, str] = {
    "en": r"after (?:the )?(?:christmas|xmas|new years?|easter|thanksgiving|holidays|hols|festive season)",
    "fr": r"apres (?:les fetes|noel|le nouvel an|nouvel an|paques|le jour de l an)",
    "de": r"nach (?:weihnachten|neujahr|silvester|ostern|pfingsten|fasching|karneval"
    r"|den (?:feier|fest)tagen)",
    "es": r"despues de (?:(?:los )?reyes|navidad(?:es)?|(?:las )?fiestas|ano nuevo|semana santa|pascua)",
    "it": r"dopo (?:natale|capodanno|pasqua|l epifania|la befana|le (?:feste|festivita)|ferragosto)",
    "pt": r"depois d[eo] (?:natal|ano novo|carnaval|reveillon)|depois da pascoa|depois das festas",
    "nl": r"na (?:de )?(?:kerst|kerstmis|nieuwjaar|oud en nieuw|pasen|carnaval|feestdagen)",
}
# A time named for it ("next week", "in two weeks", "in March", "after the 15th").
_NAMED_TIME: dict[str, str] = {
    "en": r"next week|next month|tomorrow|in (?:\w+ ){1,3}?(?:days?|weeks?|months?|fortnight)|after that"
    r"|afterwards"
    rf"|in (?:{_MONTHS['en']})|after (?:the|my) \w+|after (?:payday|pay day)"
    r"|(?:at )?(?:the )?end of (?:the |this )?month"
    r"|(?:at )?(?:the )?(?:start|beginning) of (?:the )?next month"
    r"|(?:when|after|once) (?:im|i am|were|we are|i get|we get) back",
    "fr": r"(?:la )?semaine prochaine|le mois prochain|demain"
    rf"|dans (?:un|une|quelques|\w+) (?:jours?|semaines?|mois)|en (?:{_MONTHS['fr']})"
    r"|apres (?:le|la|les|l|mon|ma|mes) \w+|(?:a la )?fin du mois|en fin de mois"
    r"|(?:au )?debut (?:du )?mois prochain"
    r"|quand je (?:rentre|reviens|serai rentre|serai revenu)",
    "de": r"in (?:einer|einem|ein paar|\w+) (?:tagen?|wochen?|monat(?:en)?)|nachste woche|nachsten monat"
    r"|morgen"
    rf"|im (?:{_MONTHS['de']})|(?:danach|spater|nachher) wieder"
    r"|nach (?:dem|den|der|meinem|meiner|meinen) \w+|(?:am |zum )?(?:ende (?:des|dem|vom) monats?|monatsende)"
    r"|(?:am |zum )?anfang (?:des )?(?:nachsten|kommenden) monats|anfang nachsten monat"
    r"|wenn ich (?:zuruck|wieder da) bin",
    "es": r"la proxima semana|la semana (?:que|q) viene|la otra semana|el mes (?:que|q) viene|el proximo mes"
    r"|manana"
    rf"|en (?:\w+ ){{1,3}}?(?:dias?|semanas?|mes(?:es)?)|en (?:{_MONTHS['es']})"
    r"|despues (?:de (?:la|las|los|el|mi|mis)|del) \w+|(?:a |al )?(?:final|fin|finales) de(?:l)? mes"
    r"|(?:a )?(?:principios|comienzos|inicios) del (?:mes que viene|proximo mes)"
    r"|a la vuelta|cuando (?:vuelva|regrese|este de vuelta)",
    "it": r"(?:la )?prossima settimana|(?:la )?settimana (?:prossima|prox)|il mese prossimo|il prossimo mese"
    r"|domani"
    rf"|tra (?:\w+ ){{1,3}}?(?:giorni|giorno|settimane|settimana|mesi|mese)|a (?:{_MONTHS['it']})"
    r"|dopo (?:il|lo|la|le|i|gli|l|mio|mia|miei|mie) \w+|(?:a |alla )?fine (?:del )?mese"
    r"|(?:all |a |ad )?inizio (?:del )?(?:mese prossimo|prossimo mese)"
    r"|quando (?:torno|rientro|sono tornat[oa])",
    # Portugal's "para a semana" is next week
    "pt": r"(?:na )?semana (?:que|q) vem|na proxima semana|(?:no )?mes (?:que|q) vem|no proximo mes|amanha"
    r"|(?:para a|pra) semana"
    rf"|daqui(?: a)? (?:\w+ ){{1,2}}?(?:dias?|semanas?|mes(?:es)?)|em (?:{_MONTHS['pt']})"
    r"|depois d(?:o|a|os|as) \w+|(?:no )?(?:fim|final) do mes|quando (?:eu )?(?:voltar|chegar)"
    r"|(?:no )?(?:inicio|comeco) do (?:mes que vem|proximo mes)",
    "nl": r"volgende week|volgende maand|morgen|over (?:\w+ ){1,2}?(?:dagen|dag|weken|week|maanden|maand)"
    rf"|na (?:de|het|mijn|ons|onze) \w+|in (?:{_MONTHS['nl']})"
    r"|(?:aan het )?eind(?:e)? (?:van )?(?:de|deze) maand|daarna (?:weer|maar|nog eens|opnieuw)"
    r"|(?:aan het )?begin (?:van )?(?:de )?volgende maand"
    r"|als ik (?:weer )?terug ben",
}
_LATER: dict[str, str] = {
    "en": "later",
    "fr": "plus tard|apres",
    "de": "spater|danach|nachher",
    "es": "mas tarde|mas adelante|despues",
    "it": "piu tardi|piu avanti|dopo",
    "pt": "mais tarde|mais (?:pra|para a|para) frente|mais adiante|depois",
    "nl": "later",
}
# German and Dutch put the verb last: "bitte Ende des Monats nochmal erinnern", "kunt u me eind van de maand
# herinneren?", "bitte am Montag nochmal melden", "zou u mij eind van de maand opnieuw willen schrijven",
# "laat volgende week maar wat horen". WHEN stands for the time. "melden" is asked of the shop only after
# "sich/euch/bitte" or alone ("ich werde mich am Montag melden" is the shopper's own plan, no pause).
_REMIND_LAST: dict[str, str] = {
    "de": r"(?:WHEN) (?:nochmal |noch mal |wieder |erneut )?erinnern"
    r"|(?:^|\b(?:sich|euch|ihr|bitte)(?: (?:bitte|doch|dann|gerne|vielleicht|erst)){0,2} )(?:WHEN)"
    r" (?:(?:bitte|nochmal|noch mal|wieder|erneut|doch) ){0,2}melden"
    r"|(?:WHEN) (?:nochmal|noch mal|wieder|erneut) schreiben",
    "nl": r"(?:WHEN) (?:\w+ )?herinneren"
    r"|(?:WHEN) (?:(?:maar|even|weer|nog|opnieuw|eens|willen) ){0,3}(?:schrijven|mailen|appen|contacteren)"
    r"|(?:WHEN) (?:(?:maar|even|weer|nog|opnieuw) ){0,2}contact (?:met (?:mij|me|ons) )?(?:op)?nemen"
    r"|(?<!ik )(?<!we )(?<!wij )laat (?:(?:me|mij|ons|maar|even|dan) ){0,2}(?:WHEN)"
    r" (?:(?:maar|even|weer|nog|dan) ){0,2}(?:iets|wat)(?: van (?:je|jullie|u))? horen",
}


# Said between "write to me" and the time: the object, "please", "only", "again" ("remind me about it next
# week", "schreibt mir bitte erst nächsten Monat wieder", "stuur me iets na de krokusvakantie").
_BETWEEN_WRITE_AND_TIME: dict[str, str] = {
    "en": r"again|please|pls|plz|only|just|(?:about|abt|of) (?:this|it|that)",
    "fr": r"svp|stp|plutot|seulement|ca|cela|de nouveau|a nouveau",
    "de": r"bitte|erst|doch|lieber|nochmal|wieder",
    "es": r"por favor|porfa|mejor|de nuevo|otra vez|nuevamente",
    "it": r"per favore|pure|magari|di nuovo|ancora|nuovamente",
    "pt": r"por favor|pf|sff|disto|disso|isso|de novo|novamente|outra vez",
    "nl": r"er|iets|wat|pas|maar|even|aub|graag|nog|weer",
}


def _when(language: str) -> str:
    return f"{_NAMED_TIME[language]}|{_NEXT_WEEKDAY[language]}|{_AFTER_THE_HOLIDAYS[language]}"


# "Text me again next week", "escríbanme el mes que viene", "stuur na de 15e maar weer een berichtje": being
# written to again at a named time, asked in so many words, is a pause in a message of any length ("Not now
# please, Mum is in hospital this week. Could you text me again next week?"); "text me later" only in a
# short one.
WRITE_AGAIN_LATER: dict[str, str] = {
    language: rf"\b(?:{write}|{_AGREED_FIRST}(?:{_TALK_AGAIN[language]}))"
    rf"(?: (?:{_BETWEEN_WRITE_AND_TIME[language]})){{0,3}}"
    rf" (?:{_when(language)})\b"
    + (
        rf"|\b(?:{_REMIND_LAST[language].replace('WHEN', _when(language))})\b"
        if language in _REMIND_LAST
        else ""
    )
    for language, write in _WRITE_TO_ME.items()
}

# Said in a short message, these ask for a pause; in a long one they are a conversation that happens to say
# "later" (MAX_SNOOZE_WORDS).
_SHORT_PHRASES: dict[str, list[str]] = {
    "en": [
        r"\bmaybe later\b",
        r"\b(?:snooze|pause)(?: (?:texts|messages|reminders|it|this))?"
        r"(?: for (?:a|an|\w+) (?:days?|weeks?))?$",
        r"\b(?:busy|swamped|away|travell?ing) (?:right now|rn|now|this week|until next week)\b",
        r"\b(?:check|circle|get) back (?:with me )?(?:later|next week|in (?:\w+ ){1,3}?(?:days?|weeks?))\b",
        r"\b(?:give me|need) (?:a|some) (?:few days|week|couple (?:of )?(?:days|weeks)|time)\b",
    ],
    "fr": [r"\bpeut etre plus tard\b|\bplus tard peut etre\b", r"\b(?:mettre en )?pause\b"],
    "de": [r"\bvielleicht (?:spater|nachher)\b|\bspater vielleicht\b", r"\bpause\b"],
    "es": [
        r"\b(?:quizas|quiza|tal vez|a lo mejor) mas (?:tarde|adelante)\b|\bmas (?:tarde|adelante) quizas?\b",
        r"\bpausa\b",
    ],
    "it": [r"\b(?:magari|forse) piu tardi\b|\bpiu tardi (?:magari|forse)\b", r"\bpausa\b"],
    "pt": [r"\b(?:talvez|quem sabe) mais tarde\b|\bmais tarde talvez\b", r"\bpausa\b"],
    "nl": [r"\b(?:later|straks) (?:misschien|pas)\b|\bmisschien later\b", r"\bpauze\b"],
}
_PLEASE = "please|pls|svp|bitte|por favor|per favore|aub"

# "Next week again" said first, as a fragment: "volgende week graag opnieuw, nu te druk", "nächste Woche
# nochmal bitte" (German and Dutch; "next week again" in English is as often the shopper's own week).
_AGAIN_AFTER_TIME: dict[str, str] = {"de": r"nochmal|noch mal|erneut", "nl": r"opnieuw|nog eens|nog een keer"}


def _fragment(language: str) -> str:
    """ "Later please, next week", "más adelante, la semana q viene": the whole message a later time."""
    between, when = _BETWEEN_WRITE_AND_TIME[language], _when(language)
    fragment = rf"^(?:{_LATER[language]})(?: (?:{between})){{0,2}} (?:{when})(?: (?:{between}))?$"
    if language in _AGAIN_AFTER_TIME:
        fragment += rf"|^(?:{when})(?: (?:{between}|{_PLEASE})){{0,2}} (?:{_AGAIN_AFTER_TIME[language]})\b"
    return fragment


SNOOZE_PHRASES: dict[str, list[str]] = {
    language: [
        rf"\b(?:{NOT_NOW[language]})\b",
        rf"\b{_WRITE_TO_ME[language]} (?:{_LATER[language]})\b",
        _fragment(language),
        *phrases,
    ]
    for language, phrases in _SHORT_PHRASES.items()
}

NUMBER_WORDS: dict[str, dict[str, int]] = {
    "en": {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "couple": 2, "couple of": 2, "few": 3},
    "fr": {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "quinze": 15, "quelques": 3},
    "de": {"ein": 1, "eine": 1, "einer": 1, "einem": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4},
    "es": {"un": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "unos": 3, "unas": 3, "par de": 2},
    "it": {"un": 1, "una": 1, "due": 2, "tre": 3, "quattro": 4, "qualche": 3, "paio di": 2},
    "pt": {"um": 1, "uma": 1, "dois": 2, "duas": 2, "tres": 3, "quatro": 4, "uns": 3, "umas": 3, "par de": 2},
    "nl": {"een": 1, "twee": 2, "drie": 3, "vier": 4, "paar": 3},
}
UNIT_DAYS: dict[str, dict[str, int]] = {
    "en": {"day": 1, "days": 1, "week": 7, "weeks": 7, "fortnight": 14, "month": 30, "months": 30},
    "fr": {"jour": 1, "jours": 1, "semaine": 7, "semaines": 7, "mois": 30},
    "de": {"tag": 1, "tage": 1, "tagen": 1, "woche": 7, "wochen": 7, "monat": 30, "monaten": 30},
    "es": {"dia": 1, "dias": 1, "semana": 7, "semanas": 7, "mes": 30, "meses": 30},
    "it": {"giorno": 1, "giorni": 1, "settimana": 7, "settimane": 7, "mese": 30, "mesi": 30},
    "pt": {"dia": 1, "dias": 1, "semana": 7, "semanas": 7, "mes": 30, "meses": 30},
    "nl": {
        "dag": 1,
        "dagen": 1,
        "dagje": 1,
        "week": 7,
        "weken": 7,
        "weekje": 7,
        "maand": 30,
        "maanden": 30,
        "maandje": 30,
    },
}
# "next month" also in "at the start of next month", "Anfang nächsten Monats", "principios del mes que viene".
FIXED_DURATIONS: dict[str, dict[str, int]] = {
    "en": {"tomorrow": 1, "next week": 7, "next month": 30},
    "fr": {"demain": 1, "semaine prochaine": 7, "mois prochain": 30},
    "de": {"morgen": 1, "nachste woche": 7, "nachsten monats?": 30},
    "es": {
        "manana": 1,
        "la proxima semana": 7,
        "la semana (?:que|q) viene": 7,
        "la otra semana": 7,
        "proximo mes": 30,
        "mes (?:que|q) viene": 30,
    },
    "it": {
        "domani": 1,
        "la prossima settimana": 7,
        "la settimana prossima": 7,
        "settimana prox": 7,
        "prossimo mese": 30,
        "mese prossimo": 30,
    },
    "pt": {
        "amanha": 1,
        "semana (?:que|q) vem": 7,
        "proxima semana": 7,
        "(?:para a|pra) semana": 7,
        "mes (?:que|q) vem": 30,
        "proximo mes": 30,
    },
    "nl": {"morgen": 1, "volgende week": 7, "volgende maand": 30},
}

# "no messages for a month please", "don't send me anything until Monday", "schickt mir bis Montag nichts":
# the texts refused for a time, which is a pause in a message of any length. Without the time ("until I say
# so", "hasta nuevo aviso", "até segunda ordem") it is an opt-out: nlp_compliance leaves out only these.
SEND_ME: dict[str, str] = {
    "en": r"(?:dont|do not) (?:send|text|message|msg|contact) (?:me|us)",
    "fr": r"ne (?:m|nous) (?:envoyez|envoie|ecrivez)",
    "de": r"(?:schickt|schick|schicken sie|sendet|schreibt) (?:mir|uns)(?: bitte)?",
    "es": r"no (?:me|nos) (?:manden|mandes|envien|envies|escriban|escribas)",
    "it": r"non (?:mi )?(?:mandate|mandatemi|scrivetemi|inviate|inviatemi|mandare)",
    "pt": r"nao (?:me )?(?:mandem|mande|manda|enviem|envie)",
    "nl": r"(?:stuur|app|sms) (?:me|mij|ons)(?: maar)?",
}
# What is not to be sent, optional where the verb is already denied ("don't text me until Monday").
_NOTHING: dict[str, str] = {
    "en": r"(?: (?:anything(?: else)?|nothing|any \w+))?",
    "fr": r" (?:plus )?(?:rien|pas)",
    "de": r" (?:nichts|keine \w+)",
    "es": r"(?: (?:nada|mensajes))?",
    "it": r"(?: (?:niente|nulla|messaggi))?",
    "pt": r"(?: (?:nada|mensagens?))?",
    "nl": r" (?:niks|niets|geen \w+)",
}
NO_TEXTS: dict[str, str] = {
    "en": r"no (?:more )?(?:texts|messages|msgs|reminders|sms)",
    "fr": r"(?:pas|plus) de (?:messages|sms|textos)",
    "de": r"keine (?:nachrichten|sms|erinnerungen)",
    "es": r"(?:nada de|sin|ningun) (?:mensajes|mensaje|sms)",
    "it": r"(?:niente|nessun|zero) (?:messaggi|messaggio|sms)",
    "pt": r"(?:sem|nada de|nenhuma) (?:mensagens|mensagem|sms)",
    "nl": r"geen (?:berichten|sms|smsjes)",
}
_UNTIL: dict[str, str] = {
    "en": "until|till|til|untill|before",
    "fr": "jusqua|jusqu a|jusque|avant(?: le)?",
    "de": "bis(?: zum| zur)?|vor(?: dem)?",
    "es": "hasta(?: el)?|antes del?",
    "it": "fino a(?:l|lla)?|fino|prima di|prima del",
    "pt": "ate(?: o| a| dia)?|antes de|antes do",
    "nl": "tot(?: de)?|voor",
}
_FOR: dict[str, str] = {
    "en": "for",
    "fr": "pendant",
    "de": "fur",
    "es": "durante|por",
    "it": "per",
    "pt": "por",
}
_DAY_OF_MONTH = r"\d{1,2}(?:st|nd|rd|th|e|ste|de|ten)?"


def _duration(language: str) -> str:
    number = "|".join(NUMBER_WORDS[language])
    return rf"(?:\d{{1,3}}|{number}) (?:{'|'.join(UNIT_DAYS[language])})"


def _for_a_time(language: str) -> str:
    duration = rf"{_duration(language)}(?: lang)?"
    time = rf"(?:the )?{_DAY_OF_MONTH}|{_WEEKDAYS[language]}|{_MONTHS[language]}|{_when(language)}"
    until = rf"(?:{_UNTIL[language]}) (?:{time})"
    if language in _FOR:
        return rf"(?:(?:{_FOR[language]}) )?{duration}|{until}"
    return rf"{duration}|{until}"


def _sent_nothing_for_a_time(language: str) -> str:
    send_me, nothing, no_texts = SEND_ME[language], _NOTHING[language], NO_TEXTS[language]
    limit = _for_a_time(language)
    return (
        rf"\b(?:{send_me}{nothing}|{no_texts})(?: (?:{_PLEASE}))? (?:{limit})\b"
        # "schickt mir bis Montag nichts", "stuur me tot maandag niks"
        rf"|\b{send_me} (?:{limit}){nothing}\b"
        # "einen Monat lang keine Nachrichten", "een maand geen berichten": the time first, right before
        rf"|\b(?:{limit}) (?:{no_texts})\b"
    )


SENT_NOTHING_FOR_A_TIME: dict[str, str] = {
    language: _sent_nothing_for_a_time(language) for language in SEND_ME
}


# One confirmation, which also says how to stop for good (FCC 2024: revocation by any reasonable means).
SNOOZE_CONFIRMATION: dict[str, str] = {
    "en": "{store}: Got it, no cart reminders until {until}. Reply STOP to stop texts for good.",
    "fr": "{store}: C'est noté, pas de rappel de panier avant le {until}. Répondez STOP pour ne plus "
    "recevoir de SMS.",
    "de": "{store}: Alles klar, bis {until} keine Warenkorb-Erinnerungen. Antworte STOP, um keine SMS mehr "
    "zu bekommen.",
    "es": "{store}: Entendido, no te enviaremos recordatorios hasta el {until}. Responde STOP para no "
    "recibir más mensajes.",
    "it": "{store}: Ok, nessun promemoria del carrello fino al {until}. Rispondi STOP per non ricevere più "
    "messaggi.",
    "pt": "{store}: Combinado, nada de lembretes do carrinho até {until}. Responda STOP para não receber "
    "mais mensagens.",
    "nl": "{store}: Prima, geen herinneringen tot {until}. Antwoord STOP om geen berichten meer te krijgen.",
}
DATE_FORMATS: dict[str, str] = {
    "en": "%b %-d",
    "fr": "%d/%m",
    "de": "%d.%m.",
    "es": "%d/%m",
    "it": "%d/%m",
    "pt": "%d/%m",
    "nl": "%d-%m",
}


# "Could you pause the texts for a couple of weeks? Off to Cornwall!": the texts themselves paused, in so many
# words, is the point of a message of any length.
PAUSE_THE_TEXTS: dict[str, str] = {
    "en": r"\b(?:pause|snooze|hold(?: off)?(?: on)?) (?:the |these |your |all |ur )?"
    r"(?:texts|messages|reminders|sms)\b",
    "fr": r"\b(?:mettre|mettez) (?:les |vos |ces )?(?:messages|sms|textos|rappels) en pause\b"
    r"|\b(?:suspendre|pauser) (?:les |vos |ces )?(?:messages|sms|rappels)\b",
    "de": r"\b(?:sms|nachrichten|erinnerungen)(?: \w+){0,4} (?:pausieren|aussetzen)\b",
    "es": r"\b(?:pausar|pausen|pausa|pausad|suspender|suspendan|suspended) (?:los |sus |estos )?"
    r"(?:mensajes|sms|recordatorios)\b",
    "it": r"\b(?:mettere|mettete) in pausa (?:i |questi |gli )?(?:messaggi|sms|promemoria)\b"
    r"|\b(?:sospendere|sospendete) (?:i |questi |gli )?(?:messaggi|sms)\b",
    "pt": r"\b(?:pausar|pausem|pause|suspender|suspendam) (?:as |os |essas |esses )?"
    r"(?:mensagens|sms|lembretes)\b",
    "nl": r"\b(?:berichten|berichtjes|sms|smsjes|herinneringen)(?: \w+){0,4} (?:pauzeren|stilzetten)\b",
}


# "bitte 2 Wochen pausieren", "pause for two weeks", "pausa di due settimane": "pause" with a time and no
# noun pauses what the shop sends (a subscription named is left out before: `names_a_subscription`).
_PAUSE_VERB_FIRST: dict[str, str] = {
    "en": r"(?:pause|snooze)(?: (?:it|this|everything|for))?",
    "fr": r"(?:une )?pause (?:de|d)",
    "de": r"pausieren (?:fur|fuer)",
    "es": r"(?:una )?pausa de",
    "it": r"(?:una )?pausa di",
    "pt": r"(?:uma )?pausa de",
    "nl": r"(?:even )?pauzeren(?: voor)?",
}
_PAUSE_VERB_LAST: dict[str, str] = {"de": "pausieren", "nl": "pauzeren"}


def _paused_for_a_time(language: str) -> str:
    paused = rf"\b{_PAUSE_VERB_FIRST[language]} {_duration(language)}\b"
    if language in _PAUSE_VERB_LAST:
        paused += rf"|\b{_duration(language)}(?: lang)? {_PAUSE_VERB_LAST[language]}\b"
    return paused


@dataclass(frozen=True)
class Snooze:
    days: int
    language: str
    reason: str


@cache
def _said_in_any_length() -> dict[str, re.Pattern]:
    return {
        language: re.compile(
            f"{PAUSE_THE_TEXTS[language]}|{_paused_for_a_time(language)}|{WRITE_AGAIN_LATER[language]}"
            f"|{SENT_NOTHING_FOR_A_TIME[language]}"
        )
        for language in PAUSE_THE_TEXTS
    }


@cache
def _texts_asked_later() -> dict[str, re.Pattern]:
    return {
        language: re.compile(f"{PAUSE_THE_TEXTS[language]}|{WRITE_AGAIN_LATER[language]}")
        for language in PAUSE_THE_TEXTS
    }


@cache
def _texts_refused_for_a_time() -> re.Pattern:
    return re.compile("|".join(f"(?:{phrase})" for phrase in SENT_NOTHING_FOR_A_TIME.values()))


def texts_refused_for_a_time_left_out(folded: str) -> str:
    """The folded text without "don't send me anything until Monday": a pause, for nlp_compliance to pass."""
    return _texts_refused_for_a_time().sub(" ", folded)


@cache
def _patterns() -> dict[str, re.Pattern]:
    return {
        language: re.compile("|".join(f"(?:{p})" for p in phrases))
        for language, phrases in SNOOZE_PHRASES.items()
    }


def snooze_intent(text: Text) -> Snooze | None:
    """A request to pause cart texts, and for how many days (7 unless a time is named; at most 30)."""
    if not text.words:
        return None
    folded = " ".join(text.words)
    if names_a_subscription(text.words):
        # "pause my coffee subscription for a month": the standing order is paused, not the texts; but "I
        # cancelled my gym membership, so no rush. Text me again in two weeks" asks for the texts in so
        # many words.
        tables = [_texts_asked_later()]
    else:
        tables = [_said_in_any_length()]
        if len(text.words) <= MAX_SNOOZE_WORDS:
            tables.append(_patterns())
    for table in tables:
        for language, pattern in table.items():
            match = pattern.search(folded)
            if match:
                # the time asked for beats one said beside it ("on part demain, recontactez-moi en janvier")
                days = _days_named(match[0], language=language) or snooze_days(folded, language=language)
                return Snooze(
                    days=days, language=language, reason=f'asked for a pause "{match[0]}" ({days} days)'
                )
    return None


def snooze_days(folded: str, *, language: str) -> int:
    """The time the shopper named ("in 2 weeks", "dans trois jours", "morgen"), else a week; at most 30."""
    return _days_named(folded, language=language) or DEFAULT_SNOOZE_DAYS


def _days_named(said: str, *, language: str) -> int | None:
    units = UNIT_DAYS.get(language, {})
    numbers = NUMBER_WORDS.get(language, {})
    if units:
        match = re.search(rf"\b(\d{{1,3}}|{'|'.join(map(re.escape, numbers))}) ({'|'.join(units)})\b", said)
        if match:
            count = int(match[1]) if match[1].isdigit() else numbers[match[1]]
            return max(1, min(MAX_SNOOZE_DAYS, count * units[match[2]]))
    for phrase, days in FIXED_DURATIONS.get(language, {}).items():
        if re.search(rf"\b{phrase}\b", said):
            return days
    if language in _MONTHS and re.search(rf"\b(?:{_MONTHS[language]})\b", said):
        # "text me in March", "after the holidays": as long a pause as there is
        return MAX_SNOOZE_DAYS
    if language in _AFTER_THE_HOLIDAYS and re.search(rf"\b(?:{_AFTER_THE_HOLIDAYS[language]})\b", said):
        return MAX_SNOOZE_DAYS
    return None


def snooze_until(*, now: datetime, days: int) -> datetime:
    return now + timedelta(days=max(1, min(MAX_SNOOZE_DAYS, days)))


def snooze_confirmation(*, store_name: str, language: str, until: datetime, zone) -> str:
    language = language if language in SNOOZE_CONFIRMATION else "en"
    local = until.astimezone(zone)
    return SNOOZE_CONFIRMATION[language].format(
        store=store_name, until=local.strftime(DATE_FORMATS[language])
    )
