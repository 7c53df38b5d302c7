"""What a reply means before any merchant rule sees it: opt-out, opt-in, help, "a person please", anger, "ok".

The opt-out reading follows the FCC's 2024 rule (revocation "by any reasonable means"): the carrier keywords
count when they are the point of a sentence ("STOP", "stop please", "Stop. Already bought it"), plain-language
requests count as phrases ("stop texting me", "remove me from your list", "no me escribas más"), and a keyword
inside an ordinary sentence does not ("I can't stop thinking about that jacket").
"""

import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz.distance import OSA
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from .nlp import Text, fold

OPT_OUT = "opt_out"
OPT_IN = "opt_in"
HELP = "help"


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Carrier opt-out keywords (Twilio's defaults, CTIA). These also opt out inside a longer message when they
# make a clause of their own ("Stop!! I already ordered").
STRONG_OPT_OUT = {"stop", "stopall", "unsubscribe", "optout", "revoke", "unsuscribe", "unsub"}
# Common words too: only the whole message opts out ("cancel" yes, "cancel, I'll buy in store" no).
WEAK_OPT_OUT = {"cancel", "end", "quit", "baja", "parar", "alto", "cancelar", "detener", "basta"}
OPT_IN_WORDS = {"start", "unstop"}
HELP_WORDS = {"help", "info", "ayuda"}
RESERVED_WORDS = STRONG_OPT_OUT | WEAK_OPT_OUT | OPT_IN_WORDS | HELP_WORDS

# Words that travel with a keyword without changing what it asks: "STOP please", "stop all texts now".
_FILLER = _wordset(
    "please pls plz plez now ok okay thanks thank thx ty you just all it this these that them texts "
    "text texting messages message msgs msg sms me my number already i said seriously asap right "
    "immediately again no nope not interested sorry por favor ya gracias mensajes yes hi hello hey "
    "lol wrong from list for to out opt the sending"
)
_FILLER_OPT_IN = {"please", "pls", "now", "again", "ok", "okay", "thanks", "yes", "me", "texts", "back", "hi"}
_FILLER_HELP = {"please", "pls", "me", "i", "need", "hi", "hello", "por", "favor"}
_NEGATIONS = {"dont", "not", "never", "didnt", "doesnt", "wont", "cant", "nunca"}

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
    r"\bi dont want (?:your|these|any|ur) (?:texts|messages|msgs|sms)\b",
    r"\bleave me alone\b",
    r"\bwrong (?:number|person)\b",
    r"\bhow did you get (?:my|this) number\b",
]
_REVOCATION_PATTERNS_ES = [
    r"\bno me (?:escribas|escriban|mandes|manden|envies|envien|contacten|contactes|molesten|molestes)\b",
    r"\b(?:dar|darme|denme|dame|deme) de baja\b",
    r"\bno (?:quiero|deseo) (?:recibir )?(?:mas )?(?:mensajes|textos|sms)\b",
    r"\bno mas (?:mensajes|textos|sms)\b",
    r"\bya no (?:me )?(?:escriban|escribas|manden|mandes|envien|envies)\b",
    r"\b(?:borra|borren|eliminen|elimina|quiten|quitame|sacame|saquenme) "
    r"(?:mi numero|de (?:la|su|tu) lista)\b",
    r"\bbaja\b(?! (?:de )?precio)",
    r"\bnumero equivocado\b",
]
_REVOCATION = {
    "en": re.compile("|".join(f"(?:{p})" for p in _REVOCATION_PATTERNS)),
    "es": re.compile("|".join(f"(?:{p})" for p in _REVOCATION_PATTERNS_ES)),
}
# A person doing the opposite of revoking: "don't unsubscribe me", "I don't want to unsubscribe".
_NEGATED_REVOCATION = re.compile(
    r"\b(?:dont|do not|not|never|didnt)(?: \w+){0,3} (?:unsubscribe|unsub|opt out)\b"
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
    r"\b(?:call me|give me a call|can someone call|phone me)\b",
    r"\bneed (?:a |to talk to a |to speak to a )?(?:human|person|someone)\b",
    r"\bsomeone (?:help|call|contact|text) me\b",
    r"^(?:an? )?(?:agent|human|representative|rep|operator|person|manager)(?: please| pls| now)*$",
    # Spanish
    r"\bhablar con (?:alguien|una persona|un agente|un humano|un asesor|un representante|una persona real)\b",
    r"\bpersona real\b",
    r"\b(?:eres|es|sos) (?:un )?(?:bot|robot|maquina)\b",
    r"\b(?:atencion al cliente|servicio al cliente|llamame|llamenme)\b",
    r"^(?:asesor|agente|humano|persona)$",
]
_HUMAN = re.compile("|".join(f"(?:{p})" for p in _HUMAN_PATTERNS))

_ANGER_WORDS = _wordset(
    "wtf ridiculous scam scammer scammers useless terrible worst furious pissed annoying annoyed "
    "stupid unacceptable disgusting horrible awful bs bullshit fuck fucking fck fk ffs damn dammit "
    "hate angry fraud liar liars rip ripoff joke pathetic incompetent sucks crap shit garbage idiots "
    "estafa estafadores harto harta molesto molesta pesimo pesima basura ridiculo enojado enojada "
    "mierda fraude verguenza inaceptable horrible"
)
_ANGER_PHRASES = re.compile(r"\b(?:rip ?off|fed up|sick of|what the hell|are you kidding|this is a joke)\b")

_ACK_WORDS = _wordset(
    "ok okay k kk thanks thank you thx ty tysm cool great perfect awesome nice got it sounds good no "
    "nope nah not now interested maybe later will do sure yep alright gracias vale bueno listo "
    "perfecto so much lol haha im good all set fine ill think about np appreciate thanku many a lot "
    "oh ah yay gotcha noted bien muchas"
)


@dataclass(frozen=True)
class Compliance:
    kind: str  # OPT_OUT | OPT_IN | HELP
    language: str  # "en" | "es": the language of the words that triggered it
    reason: str


def _only(words: tuple[str, ...], keywords: set[str], filler: set[str]) -> str | None:
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
            return Compliance(OPT_OUT, "en", f'opt-out keyword "{keyword.upper()}"')
    keyword = _only(whole, STRONG_OPT_OUT | WEAK_OPT_OUT, _FILLER) or _near_opt_out_word(whole)
    if keyword:
        language = "es" if keyword in {"baja", "parar", "alto", "cancelar", "detener", "basta"} else "en"
        return Compliance(OPT_OUT, language, f'opt-out keyword "{keyword.upper()}"')
    folded = " ".join(whole)
    if not _NEGATED_REVOCATION.search(folded):
        for language, pattern in _REVOCATION.items():
            match = pattern.search(folded)
            if match:
                return Compliance(OPT_OUT, language, f'plain-language opt-out "{match[0]}"')
    keyword = _only(whole, OPT_IN_WORDS, _FILLER_OPT_IN)
    if keyword:
        return Compliance(OPT_IN, "en", f'opt-in keyword "{keyword.upper()}"')
    keyword = _only(whole, HELP_WORDS, _FILLER_HELP)
    if keyword:
        return Compliance(HELP, "es" if keyword == "ayuda" else "en", f'help keyword "{keyword.upper()}"')
    return None


def asks_for_person(text: Text) -> str | None:
    match = _HUMAN.search(" ".join(text.words))
    return f'asked for a person ("{match[0]}")' if match else None


@cache
def _sentiment() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def _tone(text: Text) -> float:
    return _sentiment().polarity_scores(text.raw)["compound"]


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


def is_acknowledgement(text: Text) -> bool:
    """ "ok thanks 👍", "no thanks", "got it!" — nothing to answer and nothing for a human to do."""
    if not text.words:
        # Only emoji or punctuation: a thumbs-up or a heart.
        return bool(text.raw.strip()) and "?" not in text.raw
    return len(text.words) <= 6 and all(w in _ACK_WORDS for w in text.words) and "?" not in text.raw


def shadows_compliance(keyword: str) -> bool:
    """A rule keyword that a compliance word would answer first, or that could swallow one."""
    folded = fold(keyword).strip()
    words = set(re.findall(r"[^\W_]+", folded))
    return bool(words & RESERVED_WORDS) or compliance_intent(Text(keyword)) is not None
