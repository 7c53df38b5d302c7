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

SNOOZE_PHRASES: dict[str, list[str]] = {
    "en": [
        r"\bnot (?:right )?now\b",
        r"\bmaybe later\b",
        r"\b(?:text|message|msg|contact|remind|ask) me (?:again )?(?:later|next week|next month|tomorrow|"
        r"in (?:\w+ ){1,3}?(?:days?|weeks?|months?))\b",
        r"\b(?:snooze|pause)(?: (?:texts|messages|reminders|it|this))?"
        r"(?: for (?:a|an|\w+) (?:days?|weeks?))?$",
        r"\b(?:busy|away|travell?ing) (?:right now|now|this week|until next week)\b",
        r"\b(?:check|circle|get) back (?:with me )?(?:later|next week|in (?:\w+ ){1,3}?(?:days?|weeks?))\b",
        r"\b(?:give me|need) (?:a|some) (?:few days|week|couple (?:of )?(?:days|weeks)|time)\b",
    ],
    "fr": [
        r"\bpas (?:maintenant|tout de suite|pour (?:le moment|l instant))\b",
        r"\bpeut etre plus tard\b|\bplus tard peut etre\b",
        r"\b(?:recontactez|ecrivez|reecrivez|relancez|contactez)[ -]?moi "
        r"(?:la semaine prochaine|le mois prochain|demain|dans (?:un|une|\w+) (?:jours?|semaines?|mois))\b",
        r"\b(?:mettre en )?pause\b",
    ],
    "de": [
        r"\b(?:jetzt|gerade|im moment) nicht\b",
        r"\bnicht (?:jetzt|gerade|im moment)\b",
        r"\bvielleicht (?:spater|nachher)\b|\bspater vielleicht\b",
        r"\b(?:schreib|schreibt|schreiben sie|melde dich|meldet euch|melden sie sich)(?: mir)? "
        r"(?:bei mir )?(?:in (?:einer|einem|\w+) (?:tagen?|wochen?|monat(?:en)?)|nachste woche|morgen)\b",
        r"\bpause\b",
    ],
    "es": [
        r"\bahora no\b",
        r"\b(?:quizas|quiza|tal vez|a lo mejor) mas (?:tarde|adelante)\b|\bmas (?:tarde|adelante) quizas?\b",
        r"\b(?:escribeme|escribanme|recuerdame|recuerdamelo|contactame|avisame) (?:mas tarde|la"
        r" proxima semana|"
        r"manana|en (?:\w+ ){1,2}?(?:dias?|semanas?|mes(?:es)?))\b",
        r"\bpausa\b",
    ],
    "it": [
        r"\b(?:non|no) (?:ora|adesso|per ora)\b",
        r"\b(?:magari|forse) piu tardi\b|\bpiu tardi (?:magari|forse)\b",
        r"\b(?:scrivimi|scrivetemi|ricordamelo|ricontattami|contattami) (?:piu tardi|la prossima settimana|"
        r"domani|tra (?:\w+ ){1,2}?(?:giorni|giorno|settimane|settimana|mesi|mese))\b",
        r"\bpausa\b",
    ],
    "pt": [
        r"\bagora nao\b",
        r"\b(?:talvez|quem sabe) mais tarde\b|\bmais tarde talvez\b",
        r"\b(?:me )?(?:escreve|escreva|manda mensagem|lembra|lembre|chama) "
        r"(?:mais tarde|depois|semana que vem|amanha|daqui a (?:\w+ ){1,2}?(?:dias?|semanas?|mes(?:es)?))\b",
        r"\bpausa\b",
    ],
    "nl": [
        r"\bniet nu\b",
        r"\b(?:later|straks) (?:misschien|pas)\b|\bmisschien later\b",
        r"\b(?:stuur|app|herinner|bericht) (?:me|mij) (?:later|volgende week|morgen|over (?:\w+ ){1,2}?"
        r"(?:dagen|dag|weken|week|maanden|maand))\b",
        r"\bpauze\b",
    ],
}

NUMBER_WORDS: dict[str, dict[str, int]] = {
    "en": {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "couple": 2, "few": 3},
    "fr": {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4},
    "de": {"ein": 1, "eine": 1, "einer": 1, "einem": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4},
    "es": {"un": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "unos": 3, "unas": 3},
    "it": {"un": 1, "una": 1, "due": 2, "tre": 3, "quattro": 4, "qualche": 3},
    "pt": {"um": 1, "uma": 1, "dois": 2, "duas": 2, "tres": 3, "quatro": 4, "uns": 3, "umas": 3},
    "nl": {"een": 1, "twee": 2, "drie": 3, "vier": 4, "paar": 3},
}
UNIT_DAYS: dict[str, dict[str, int]] = {
    "en": {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30},
    "fr": {"jour": 1, "jours": 1, "semaine": 7, "semaines": 7, "mois": 30},
    "de": {"tag": 1, "tage": 1, "tagen": 1, "woche": 7, "wochen": 7, "monat": 30, "monaten": 30},
    "es": {"dia": 1, "dias": 1, "semana": 7, "semanas": 7, "mes": 30, "meses": 30},
    "it": {"giorno": 1, "giorni": 1, "settimana": 7, "settimane": 7, "mese": 30, "mesi": 30},
    "pt": {"dia": 1, "dias": 1, "semana": 7, "semanas": 7, "mes": 30, "meses": 30},
    "nl": {"dag": 1, "dagen": 1, "week": 7, "weken": 7, "maand": 30, "maanden": 30},
}
FIXED_DURATIONS: dict[str, dict[str, int]] = {
    "en": {"tomorrow": 1, "next week": 7, "next month": 30},
    "fr": {"demain": 1, "la semaine prochaine": 7, "le mois prochain": 30},
    "de": {"morgen": 1, "nachste woche": 7, "nachsten monat": 30},
    "es": {"manana": 1, "la proxima semana": 7, "la semana que viene": 7, "el proximo mes": 30},
    "it": {"domani": 1, "la prossima settimana": 7, "il prossimo mese": 30},
    "pt": {"amanha": 1, "semana que vem": 7, "proxima semana": 7, "mes que vem": 30},
    "nl": {"morgen": 1, "volgende week": 7, "volgende maand": 30},
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
    "en": r"\b(?:pause|snooze|hold) (?:the |these |your |all |ur )?(?:texts|messages|reminders|sms)\b",
    "fr": r"\bmettre (?:les |vos |ces )?(?:messages|sms|textos|rappels) en pause\b"
    r"|\b(?:suspendre|pauser) (?:les |vos |ces )?(?:messages|sms|rappels)\b",
    "de": r"\b(?:sms|nachrichten|erinnerungen)(?: \w+){0,4} (?:pausieren|aussetzen)\b",
    "es": r"\b(?:pausar|pausen|pausa|suspender|suspendan) (?:los |sus |estos )?"
    r"(?:mensajes|sms|recordatorios)\b",
    "it": r"\b(?:mettere|mettete) in pausa (?:i |questi |gli )?(?:messaggi|sms|promemoria)\b"
    r"|\b(?:sospendere|sospendete) (?:i |questi |gli )?(?:messaggi|sms)\b",
    "pt": r"\b(?:pausar|pausem|pause|suspender|suspendam) (?:as |os |essas |esses )?"
    r"(?:mensagens|sms|lembretes)\b",
    "nl": r"\b(?:berichten|sms|smsjes|herinneringen)(?: \w+){0,4} (?:pauzeren|stilzetten)\b",
}


@dataclass(frozen=True)
class Snooze:
    days: int
    language: str
    reason: str


@cache
def _pause_the_texts() -> dict[str, re.Pattern]:
    return {language: re.compile(pattern) for language, pattern in PAUSE_THE_TEXTS.items()}


@cache
def _patterns() -> dict[str, re.Pattern]:
    return {
        language: re.compile("|".join(f"(?:{p})" for p in phrases))
        for language, phrases in SNOOZE_PHRASES.items()
    }


def snooze_intent(text: Text) -> Snooze | None:
    """A request to pause cart texts, and for how many days (7 unless a time is named; at most 30)."""
    if not text.words or names_a_subscription(text.words):
        # "pause my coffee subscription for a month": the standing order is paused, not the texts.
        return None
    folded = " ".join(text.words)
    for language, pattern in _pause_the_texts().items():
        match = pattern.search(folded)
        if match:
            days = snooze_days(folded, language=language)
            return Snooze(
                days=days, language=language, reason=f'asked for a pause "{match[0]}" ({days} days)'
            )
    if len(text.words) > MAX_SNOOZE_WORDS:
        return None
    for language, pattern in _patterns().items():
        match = pattern.search(folded)
        if match and "?" in text.raw and _is_a_time(match[0], language):
            # "chega na Bahia semana que vem?": the time of a question, not a pause.
            continue
        if match:
            days = snooze_days(folded, language=language)
            return Snooze(
                days=days, language=language, reason=f'asked for a pause "{match[0]}" ({days} days)'
            )
    return None


# "Next week" alone (no "text me", "not now"): in a question it dates something else.
def _is_a_time(said: str, language: str) -> bool:
    return said in FIXED_DURATIONS.get(language, {})


def snooze_days(folded: str, *, language: str) -> int:
    """The time the shopper named ("in 2 weeks", "dans trois jours", "morgen"), else a week; at most 30."""
    units = UNIT_DAYS.get(language, {})
    numbers = NUMBER_WORDS.get(language, {})
    if units:
        match = re.search(rf"\b(\d{{1,3}}|{'|'.join(map(re.escape, numbers))}) ({'|'.join(units)})\b", folded)
        if match:
            count = int(match[1]) if match[1].isdigit() else numbers[match[1]]
            return max(1, min(MAX_SNOOZE_DAYS, count * units[match[2]]))
    for phrase, days in FIXED_DURATIONS.get(language, {}).items():
        if re.search(rf"\b{phrase}\b", folded):
            return days
    return DEFAULT_SNOOZE_DAYS


def snooze_until(*, now: datetime, days: int) -> datetime:
    return now + timedelta(days=max(1, min(MAX_SNOOZE_DAYS, days)))


def snooze_confirmation(*, store_name: str, language: str, until: datetime, zone) -> str:
    language = language if language in SNOOZE_CONFIRMATION else "en"
    local = until.astimezone(zone)
    return SNOOZE_CONFIRMATION[language].format(
        store=store_name, until=local.strftime(DATE_FORMATS[language])
    )
