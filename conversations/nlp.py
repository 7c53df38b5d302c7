"""Text as shoppers type it, reduced to comparable words (accents, case, emoji, inflections, typos).

Pure functions, no database: the router, the keyword-rule matcher and rule validation all share them.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

import snowballstemmer
from rapidfuzz.distance import OSA

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
# "a medias" (half done) is not "medidas" (measurements).
NOT_TYPOS = frozenset(
    {"shopping", "shopped", "shopper", "shoppers", "stopping", "chipping", "whipping", "medias"}
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


@dataclass(frozen=True)
class Text:
    """A message prepared once for every check the router makes on it."""

    raw: str

    @cached_property
    def folded(self) -> str:
        return fold(self.raw)

    @cached_property
    def words(self) -> tuple[str, ...]:
        return tuple(words(self.raw))

    @cached_property
    def clauses(self) -> list[tuple[str, ...]]:
        """Sentences and comma-separated parts: "Stop. I bought it already" has the clause "stop"."""
        parts = re.split(r"[.!?;,:\n()\-–—]+", self.folded)
        return [tuple(_WORD.findall(part)) for part in parts if _WORD.search(part)]

    @cached_property
    def letters(self) -> str:
        return "".join(ch for ch in self.raw if ch.isalpha())
