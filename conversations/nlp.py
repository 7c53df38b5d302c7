"""Text as shoppers type it, reduced to comparable words (accents, case, emoji, inflections, typos).

Pure functions, no database: the router, the keyword-rule matcher and rule validation all share them.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

import snowballstemmer
from rapidfuzz.distance import OSA

from . import regional
from .regional import STANDARD_FORMS

# "don't" and "dont" must be the same word; curly quotes arrive from phones' smart punctuation.
_APOSTROPHES = re.compile(r"['’‘`´]")
# French and Italian elisions are two words: "m'envoyez" is "m envoyez", "l'ordine" is "l ordine".
_ELISION = re.compile(r"\b(l|d|j|m|t|s|n|c|qu|dell|all|nell|sull|dall|un|quest|quell)['’](?=[^\W\d_])", re.I)
_WORD = re.compile(r"[^\W_]+")
STEM_LANGUAGES = ("english", "spanish")


def fold(text: str) -> str:
    """Lower case without accents or apostrophes: "Envío" -> "envio", "Don’t" -> "dont"."""
    decomposed = unicodedata.normalize("NFKD", _ELISION.sub(r"\1 ", text or ""))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _APOSTROPHES.sub("", stripped).casefold()


def wordset(text: str) -> frozenset[str]:
    """A table of words written as one string: `wordset("if se si als")`."""
    return frozenset(text.split())


def words(text: str) -> list[str]:
    """The words of a text, folded; emoji, punctuation and symbols fall away."""
    return _WORD.findall(fold(text))


@cache
def _stemmer(language: str):
    return snowballstemmer.stemmer(language)


# Bounded: shoppers' words (names, typos, codes) never stop coming, and a worker lives for months.
@lru_cache(maxsize=10_000)
def stems(word: str) -> frozenset[str]:
    """The word's stem in every supported language, so "envios" meets "envio" and "sizes" meets "size"."""
    return frozenset(_stemmer(language).stemWord(word) for language in STEM_LANGUAGES) | {word}


# Real words one letter from a shop word: never read as its typo ("shopping" is not "shipping").
# "a medias" (half done) is not "medidas" (measurements); Spanish "taller" (a garage) is not "talla",
# Italian "scontrino" (a receipt) not "scontino".
NOT_TYPOS = frozenset(
    {
        "shopping",
        "shopped",
        "shopper",
        "shoppers",
        "stopping",
        "chipping",
        "whipping",
        "medias",
        "taller",
        "scontrino",
    }
)


def typo_budget(word: str) -> int:
    """How many edits still read as a typo of this keyword: none for short words ("free" vs "tree")."""
    if len(word) >= 9:
        return 2
    if len(word) >= 6:
        return 1
    return 0


def words_match(said: str, keyword: str) -> bool:
    """One word of a message against one keyword word: same stem, or a small typo of a longer word."""
    if said == keyword or stems(said) & stems(keyword):
        return True
    budget = typo_budget(keyword)
    if said in NOT_TYPOS or not budget or said[:1] != keyword[:1] or abs(len(said) - len(keyword)) > budget:
        return False
    # OSA counts a swap of two neighbours ("retrun") as one edit, as people make them.
    return OSA.distance(said, keyword, score_cutoff=budget) <= budget


@dataclass(frozen=True)
class Phrase:
    """A keyword as the matcher uses it: its words, or the symbols when it has none (an emoji keyword)."""

    raw: str

    @cached_property
    def words(self) -> tuple[str, ...]:
        return tuple(words(self.raw))

    @cached_property
    def symbols(self) -> str:
        return "".join(ch for ch in self.raw if not ch.isspace())

    @property
    def is_empty(self) -> bool:
        return not self.words and not self.symbols

    def found_in(self, message: "Text") -> bool:
        if not self.words:
            return bool(self.symbols) and self.symbols in message.raw
        return phrase_position(message.words, self.words) is not None


def phrase_position(message_words: tuple[str, ...], phrase_words: tuple[str, ...]) -> int | None:
    """Where the phrase's words occur consecutively in the message (each word matched loosely), or None."""
    size = len(phrase_words)
    for start in range(len(message_words) - size + 1):
        if all(words_match(message_words[start + i], phrase_words[i]) for i in range(size)):
            return start
    return None


# Punctuation dictated to a phone and typed out as words ("ok thanks comma I'll think about it period").
# Each mark as it is spoken in our languages, folded. A mark of several words is punctuation wherever it is,
# and so is a one-word question or exclamation mark; a comma word too, except between numbers ("1 Komma
# 80"); a full stop word only where a sentence ends (the text's last word, or before a typed mark) and not
# after a word that makes it a noun ("a las 10 en punto", "the return period"; "point relais" is never last).
SPOKEN_MARKS: dict[str, str] = {
    "?": "question mark, signo de interrogacion, punto de interrogacion, point d interrogation, "
    "fragezeichen, punto interrogativo, punto di domanda, ponto de interrogacao, vraagteken",
    "!": "exclamation mark, exclamation point, signo de exclamacion, point d exclamation, ausrufezeichen, "
    "punto esclamativo, ponto de exclamacao, uitroepteken",
    ",": "comma, coma, virgule, komma, virgola, virgula",
    ".": "period, full stop, punto, point, punkt, ponto, punt, punto final, point final, ponto final",
}
_SPOKEN_STOPS = frozenset({"period", "punto", "point", "punkt", "ponto", "punt"})
# Words after which a full stop word is a noun ("en punto", "trial period", "op dit punt", "on point").
SPOKEN_STOP_NOT_AFTER = wordset(
    "the a an this that my your on to return returns trial grace refund warranty guarantee waiting notice "
    "cooling exchange time free sale offer good "
    "en a al el un una ese este esta del de y "
    "le la l un au du ce cet de a "
    "ein einen einem der den dem die das am zum im auf in um "
    "il lo un al del nel sul quel questo questa di che "
    "o ao no um do num esse este neste nesse de "
    "het een dat dit op"
)
_NOT_AFTER_COMMA = wordset("se lo la le que me te un una el en")
_RAW_WORD = re.compile(r"[^\W_]+")


@cache
def _spoken_marks() -> dict[tuple[str, ...], str]:
    return {
        tuple(spoken.split()): mark for mark, table in SPOKEN_MARKS.items() for spoken in table.split(", ")
    }


@cache
def _spoken_first_words() -> frozenset[str]:
    return frozenset(spoken[0] for spoken in _spoken_marks())


def undictated(raw: str) -> str:
    """The text with punctuation spoken as words put back as marks: "gracias punto" -> "gracias."."""
    if _spoken_first_words().isdisjoint(words(raw)):
        return raw  # most texts: no mark spoken, nothing to look for word by word
    tokens = list(_RAW_WORD.finditer(raw))
    folded = [fold(token[0]) for token in tokens]
    marks = _spoken_marks()
    longest = max(len(spoken) for spoken in marks)
    pieces, last, index = [], 0, 0
    while index < len(tokens):
        for size in range(min(longest, len(tokens) - index), 0, -1):
            spoken = tuple(folded[index : index + size])
            mark = marks.get(spoken)
            if mark and _is_dictated(raw, tokens, folded, index, size, mark):
                pieces += [raw[last : tokens[index].start()].rstrip(), mark, " "]
                last = tokens[index + size - 1].end()
                index += size
                break
        else:
            index += 1
    return "".join(pieces) + raw[last:] if pieces else raw


def _is_dictated(raw, tokens, folded, index: int, size: int, mark: str) -> bool:
    if size > 1 or index == 0 or mark in "?!":
        return index > 0
    before, after = folded[index - 1], folded[index + 1] if index + 1 < len(folded) else ""
    if mark == ",":
        return not (before.isdigit() or after.isdigit() or before in _NOT_AFTER_COMMA)
    if folded[index] not in _SPOKEN_STOPS or before in SPOKEN_STOP_NOT_AFTER or before.isdigit():
        return False
    rest = raw[tokens[index].end() :].lstrip(" ")
    return index + 1 == len(tokens) or rest[:1] in tuple(".,!?;:\n")


# The tables are in conversations/regional.py: a form containing another has its own entry, so one pass
# reads them all; shorthand is read as the one listed word with its skeleton.
_REGIONAL = re.compile(r"\b(?:" + "|".join(sorted(STANDARD_FORMS, key=len, reverse=True)) + r")\b")
_SHORTHAND_WORDS = wordset(regional.SHORTHAND_WORDS)
_OWN_SHORTHAND = wordset(regional.OWN_SHORTHAND)
_VOWELS = frozenset("aeiou")


def _skeleton(word: str) -> str:
    return word[0] + "".join(ch for ch in word[1:] if ch not in _VOWELS)


@cache
def _shorthands() -> dict[str, str]:
    by_skeleton: dict[str, set[str]] = {}
    for word in _SHORTHAND_WORDS:
        by_skeleton.setdefault(_skeleton(word), set()).add(word)
    return {
        skeleton: next(iter(meant))
        for skeleton, meant in by_skeleton.items()
        if len(meant) == 1 and len(skeleton) >= 3 and skeleton not in _SHORTHAND_WORDS | _OWN_SHORTHAND
    }


_NO_VOWELS = re.compile(r"\b[a-z][b-df-hj-np-tv-z]{2,}\b")


def standardized(folded: str) -> str:
    """A folded text with regional forms and shorthand in standard words: "nun me mannate" -> "non mi
    mandate", "dnt txt agn" -> "dont text again"."""
    unabbreviated = _NO_VOWELS.sub(lambda word: _shorthands().get(word[0], word[0]), folded)
    return _REGIONAL.sub(lambda form: STANDARD_FORMS[form[0]], unabbreviated)


# A closing formula and the signature under it say nothing to answer: "... Kind regards, Margaret", "Saludos
# cordiales, Sr. Ramírez", "Mit besten Grüßen, Ihre Annemarie", "Cordiali saluti, Sig.ra Bianchi", "Com os
# melhores cumprimentos, Aurélio", "Met vriendelijke groet, Jan de Vries", or a title and a name alone ("Ihr
# Walter", "Uw Piet", "Dona Lurdes"). Dropped after a mark or a line break, when something comes before it,
# so every reading (rules, person, acknowledgement) sees the message without it. A name alone, without a
# formula or a title, stays (it may be a place or a thing).
_GREETING = r"gr(?:ü|ue|u)(?:ß|ss)(?:en|e)?"
_CLOSING_FORMULAS = (
    r"(?:(?:kind|best|warm|warmest|kindest|many) )?regards|best wishes|yours (?:sincerely|truly|faithfully)"
    r"|sincerely|saludos(?: cordiales)?|un (?:cordial |afectuoso )?saludo|atentamente|cordialmente"
    r"|(?:bien |tr[èe]s )?cordialement|bien [àa] vous|(?:sinc[èe]res |meilleures |bien )?salutations"
    rf"|(?:mit )?(?:freundlichen|besten|herzlichen|lieben|vielen|sch[öo]nen) {_GREETING}"
    rf"|(?:viele|liebe|beste|herzliche|freundliche|sch[öo]ne) {_GREETING}|{_GREETING}|mfg"
    r"|(?:cordiali|distinti|cari|tanti) saluti|un (?:caro |cordiale )?saluto|saluti"
    r"|(?:com os )?(?:melhores )?cumprimentos|atenciosamente|(?:um )?abra[çc]os?"
    r"|(?:met )?(?:vriendelijke|hartelijke|beste) groet(?:en)?|groet(?:en|jes)?|mvg"
)
_TITLES = (
    r"ihr|ihre|euer|eure|uw|sr|sra|srta|don|dona|doña|dña|sig|sig\.ra|sig\.na|sigra|mme|mlle|mr|mrs|ms|miss|dr"
    r"|herr|frau|mevr|mevrouw|dhr|signora|signor|senhor|senhora"
)
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:[-'’][^\W\d_]+)?"
_PARTICLE = r"(?:de|da|do|dos|das|del|di|van|von|der|den|le|la|du|ter|ten)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD}){{0,2}}(?:\s+x{{1,3}})?"
_SIGNATURE = rf"(?:(?i:{_TITLES})\.?\s+)?{_NAME}"
_CLOSING = re.compile(
    rf"(?:(?<=[^\w\s])|(?<=\n))\s*(?:(?i:{_CLOSING_FORMULAS})(?:[\s,.:;!–—-]+{_SIGNATURE})?"
    rf"|(?i:{_TITLES})\.?\s+{_NAME})\s*[.!]*\s*$"
)


def unsigned(raw: str) -> str:
    """The message without its closing formula and signature: "Danke. Mit freundlichen Grüßen, Horst" ->
    "Danke."."""
    found = _CLOSING.search(raw)
    if found is None or not _RAW_WORD.search(raw[: found.start()]):
        return raw
    return raw[: found.start()].rstrip()


@dataclass(frozen=True)
class Text:
    """A message prepared once for every check the router makes on it: punctuation dictated as words
    ("thanks period") is read as the mark (`undictated`), regional forms as standard words
    (`standardized`), a closing formula and signature dropped (`unsigned`)."""

    raw: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "raw", unsigned(undictated(self.raw)))

    @cached_property
    def folded(self) -> str:
        return standardized(fold(self.raw))

    @cached_property
    def words(self) -> tuple[str, ...]:
        return tuple(_WORD.findall(self.folded))

    @cached_property
    def clauses(self) -> list[tuple[str, ...]]:
        """Sentences and comma-separated parts: "Stop. I bought it already" has the clause "stop"."""
        parts = re.split(r"[.!?;,:\n()\-–—]+", self.folded)
        return [tuple(_WORD.findall(part)) for part in parts if _WORD.search(part)]

    @cached_property
    def letters(self) -> str:
        return "".join(ch for ch in self.raw if ch.isalpha())
