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


# Regional and spoken forms, read as the standard words every reader knows (folded): Roman and Neapolitan
# "nun me mannate cchiù", Bavarian and Austrian "schreibts ma nimma", "lassts mi", Swiss "nöd meh", Flemish
# "berichte", Brazilian "naum", Cape Verdean "ka kre", Spanish "vosotros" commands. One pass: a form that
# contains another ("nun me") has its own entry, longest first. Only forms that are no other language's word.
STANDARD_FORMS = {
    "nun": "non",
    "nun me": "non mi",
    "nun ce": "non ci",
    "non me": "non mi",
    "non ce": "non ci",
    "cchiu": "piu",
    "mannate": "mandate",
    "mannateme": "mandatemi",
    "nimmer": "nicht mehr",
    "nimma": "nicht mehr",
    "nimmermehr": "nie mehr",
    "koane": "keine",
    "schreibts": "schreibt",
    "schickts": "schickt",
    "lassts": "lasst",
    "horts": "hort",
    "tragts": "tragt",
    "schreibt ma": "schreibt mir",
    "schreibts ma": "schreibt mir",
    "schickt ma": "schickt mir",
    "schickts ma": "schickt mir",
    "lasst mi": "lasst mich",
    "lassts mi": "lasst mich",
    "tragt mi": "tragt mich",
    "tragts mi": "tragt mich",
    "nod": "nicht",
    "nud": "nicht",
    "meh": "mehr",
    "schriibe": "schreiben",
    "schriibed": "schreibt",
    "nachrichte": "nachrichten",
    "austrage": "austragen",
    "uf": "auf",
    "zuug": "zeug",
    "isch": "ist",
    "keene": "keine",
    "koine": "keine",
    "dene": "den",
    "sjrap": "schrap",
    "nich": "nicht",
    "berichte": "berichten",
    "ontvange": "ontvangen",
    "krijge": "krijgen",
    "naum": "nao",
    "ka kre mas": "nao quero mais",
    "ka kre": "nao quero",
    "dadme": "denme",
    "dadnos": "dennos",
    "envieis": "envien",
    "mandeis": "manden",
    "escribais": "escriban",
    # Swiss, Swabian, Bavarian, Austrian and Berlin German: the shop's words as they are said there
    "bstellig": "bestellung",
    "bstellung": "bestellung",
    "bschtellung": "bestellung",
    "bstellt": "bestellt",
    "bschtellt": "bestellt",
    "bstell": "bestelle",
    "bstelle": "bestelle",
    "bstells": "bestelle es",
    "bsto": "bestelle",
    "kommt des": "kommt das",
    "kimmt des": "kommt das",
    "chunnt des": "kommt das",
    "isch des": "ist das",
    "is des": "ist das",
    "gibts des": "gibt es das",
    "gald": "geld",
    "groossi": "grosse",
    "packli": "packchen",
    "packle": "packchen",
    "packerl": "packchen",
    "packl": "paket",
    "zoit": "bezahlt",
    "chunnt": "kommt",
    "chunt": "kommt",
    "kimmt": "kommt",
    "kummt": "kommt",
    "mantig": "montag",
    "mondig": "montag",
    "zischtig": "dienstag",
    "dunschtig": "donnerstag",
    "friitig": "freitag",
    "samschtig": "samstag",
    "samstig": "samstag",
    "samschdag": "samstag",
    "heit": "heute",
    "liefered": "liefert",
    "lifered": "liefert",
    "zrugg": "zuruck",
    "zruck": "zuruck",
    "zruggschicke": "zuruckschicken",
    "zruckschicke": "zuruckschicken",
    "zruckschicka": "zuruckschicken",
    "zruckschicken": "zuruckschicken",
    "zruckgeben": "zuruckgeben",
    "kriag": "kriege",
    "gits": "gibt es",
    "chli": "klein",
    "kloa": "klein",
    "kloan": "klein",
    "passn": "passen",
    "schue": "schuhe",
    "schuah": "schuhe",
    "hosn": "hose",
    "jackn": "jacke",
    "jagge": "jacke",
    "charte": "karte",
    "kartn": "karte",
    "oiwei": "immer",
    "allweil": "immer",
    "abglehnt": "abgelehnt",
    "abjelehnt": "abgelehnt",
    "abbucht": "abgebucht",
    "abbuecht": "abgebucht",
    "abbuacht": "abgebucht",
    "zwoimol": "zweimal",
    "zwoamoi": "zweimal",
    "zwoamal": "zweimal",
    "zweimol": "zweimal",
    "opper": "jemand",
    "opperem": "jemandem",
    "oana": "einer",
    "oaner": "einer",
    "oiner": "einer",
    "kann mi": "kann mich",
    "chan mi": "kann mich",
    "aalute": "anrufen",
    "alute": "anrufen",
    "arufe": "anrufen",
    "oruafa": "anrufen",
    "orufn": "anrufen",
    "anrufa": "anrufen",
    "telefoniere": "telefonieren",
    "gaht": "geht",
    "goht": "geht",
    "jeht": "geht",
    "guet": "gut",
    "jut": "gut",
    "dange": "danke",
    "bassd": "passt",
    "passt scho": "alles gut",
    "bassd scho": "alles gut",
    "passt schon": "alles gut",
    "passt eh": "alles gut",
    "jo passt": "ja gut",
    "scho": "schon",
    "ned": "nicht",
    "nid": "nicht",
    "koa": "kein",
    "koan": "keinen",
    "ick": "ich",
    "det": "das",
    "nischt": "nichts",
    "nuscht": "nichts",
    "ooch": "auch",
    # Andalusian and Caribbean Spanish: a dropped "d" or "s" ("me han cobrao do vece", "ya ha salío")
    "cobrao": "cobrado",
    "pagao": "pagado",
    "mandao": "mandado",
    "enviao": "enviado",
    "llegao": "llegado",
    "pedio": "pedido",
    "ehta": "esta",
    "ehto": "esto",
    "uste": "usted",
    "do vece": "dos veces",
    "vece": "veces",
    "graciah": "gracias",
    # Northern English and Scots "me" for "my", "ah'll"; Quebec "j'vas"; Roman and Neapolitan "ce penso"
    "wheres me": "wheres my",
    "ma number": "my number",
    "dinnae": "dont",
    "nae mair": "no more",
    "mair": "more",
    "where is me": "where is my",
    "ahll": "ill",
    "j vas": "je vais",
    "jvas": "je vais",
    "ce penso": "ci penso",
    "il mi numero": "il mio numero",
    "nehmts": "nehmt",
    "assaje": "assai",
    # SMS shorthand that is not a skeleton: "qro", "msjs", "tirm", Dutch "gn" (geen) and "mr" (meer) by a noun
    "qro": "quiero",
    "n qro": "nao quero",
    "msjs": "mensajes",
    "msj": "mensaje",
    "tirm": "tirem",
    "gn berichten": "geen berichten",
    "gn sms": "geen sms",
    "berichten mr": "berichten meer",
    "sms mr": "sms meer",
    "kn sms": "keine sms",
    "kn nachrichten": "keine nachrichten",
    "kn interesse": "kein interesse",
    # French without its apostrophe: "arrêtez de menvoyer", "ne mecrivez plus"
    "menvoyer": "m envoyer",
    "menvoyez": "m envoyez",
    "menvoie": "m envoie",
    "menvoient": "m envoient",
    "mecrire": "m ecrire",
    "mecrivez": "m ecrivez",
    "mappeler": "m appeler",
    "mappelez": "m appelez",
    # Flemish "ge" for "u" ("levert ge naar ...", "hebt ge nog ...")
    "levert ge": "levert u",
    "hebt ge": "hebt u",
    "hedde": "hebt u",
    "kunt ge": "kunt u",
    "zijt ge": "bent u",
}
_REGIONAL = re.compile(r"\b(?:" + "|".join(sorted(STANDARD_FORMS, key=len, reverse=True)) + r")\b")


# Words shoppers write without their vowels ("pls dnt txt ths nmbr agn", "kn sms mhr", "wr is mn bstllng"):
# a word of consonants only after its first letter is read as the one word here with that skeleton. Only
# words of three letters or more, and never a skeleton two of these words share ("wht": what or white).
SHORTHAND_WORDS = wordset(
    "text texts texting message messages number numbers again stop stopping send sending interested please "
    "dont want more remove delete list phone this never contact anymore ship shipping delivery "
    "deliver order ordered tracking track return returns policy refund stock sold size discount code when "
    "where much cancel "
    "quiero mensajes mandar manden envien numero lista borrar borren sacar sacame nunca envio pedido talla "
    "descuento devolucion favor "
    "arretez arreter envoyer envoyez numero liste jamais merci livraison commande taille retour "
    "remboursement "
    "keine mehr nachrichten nummer schicken senden bitte aufhoren interesse nervt bestellung bestellt "
    "lieferung versand paket rucksendung grosse rabatt "
    "messaggi mandare mandate scrivere smettete basta spedizione ordine taglia sconto ancora "
    "quero mensagens mandem enviar mais encomenda tamanho troca desconto tirem "
    "berichten ontvangen sturen stuur lijst afmelden betaald levering verzending maat korting"
)
_VOWELS = frozenset("aeiou")
# Shorthand with a meaning of its own: French "stp" is "s'il te plaît", not "stop".
_OWN_SHORTHAND = wordset("stp svp pls plz thx txt msg sms pfv grz tks bjs bss cmt pcq")


def _skeleton(word: str) -> str:
    return word[0] + "".join(ch for ch in word[1:] if ch not in _VOWELS)


@cache
def _shorthands() -> dict[str, str]:
    by_skeleton: dict[str, set[str]] = {}
    for word in SHORTHAND_WORDS:
        by_skeleton.setdefault(_skeleton(word), set()).add(word)
    return {
        skeleton: next(iter(meant))
        for skeleton, meant in by_skeleton.items()
        if len(meant) == 1 and len(skeleton) >= 3 and skeleton not in SHORTHAND_WORDS | _OWN_SHORTHAND
    }


_NO_VOWELS = re.compile(r"\b[a-z][b-df-hj-np-tv-z]{2,}\b")


def standardized(folded: str) -> str:
    """A folded text with regional forms and shorthand in standard words: "nun me mannate" -> "non mi
    mandate", "dnt txt agn" -> "dont text again"."""
    unabbreviated = _NO_VOWELS.sub(lambda word: _shorthands().get(word[0], word[0]), folded)
    return _REGIONAL.sub(lambda form: STANDARD_FORMS[form[0]], unabbreviated)


@dataclass(frozen=True)
class Text:
    """A message prepared once for every check the router makes on it: punctuation dictated as words
    ("thanks period") is read as the mark (`undictated`), regional forms as standard words
    (`standardized`)."""

    raw: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "raw", undictated(self.raw))

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
