"""Which of our seven languages a shopper's reply is written in, and which language to answer in.

The statistical reading is lingua's (lingua-language-detector: models shipped inside the wheel, nothing
downloaded), restricted to our seven languages and in its low-accuracy mode: the high-accuracy models cost
~190 MB per process, the low-accuracy ones ~15 MB, and the worker must stay under 150 MB. Short texts
are where the low-accuracy mode is weakest ("ok", "stop", "do you ship to Canada?"), so lingua's scores are
weighed with words that only one of our languages uses ("vous", "bitte", "grazie"…), and a text too short
to tell takes the shopper's locale, then the store's language.
"""

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

from .nlp import Text

LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl")
LANGUAGE_NAMES = {
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "de": "German",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
}

# Words (folded: no accents, lower case) that mark one language among the seven: function words, greetings,
# SMS slang. A word two of our languages share ("de", "la", "no", "per") is left out on purpose.
_MARKERS = {
    "en": "the you your do does is are what how when where can could would will my i im it its have has "
    "dont thanks thank pls please any ship shipping there this that with for and u ur wanna gonna",
    "es": "el los las usted ustedes tienen tiene hacen cuanto cuando donde puedo quiero gracias hola "
    "envio envios mi pedido esta estan hay tengo necesito talla tallas tambien pero muy mas si porque "
    "que ya bueno vale oye es cual porfa estoy soy gusta mismo algun alguna ningun cuantos cuantas aun "
    "tallan",
    "fr": "le les vous je tu est sont avez etes quand combien pourquoi bonjour merci svp stp mon ma mes "
    "livraison commande taille une des du au aux ne pas plus avec pour cest quel quelle rembourser oui "
    "nous votre vos jai fais suis quoi trop rien moi toi peux veux faut toujours encore deja aussi",
    "de": "der die das und ist sind ich du sie wir mein meine nicht bitte danke hallo wie wann wo was "
    "versand lieferung bestellung grosse haben gibt kann konnen mit auf fur zu noch schon ja nein "
    "warum ihr euch keine mehr habt gibts wieviel welche mir mich dich auch aber oder schon",
    "it": "il gli lo sono sei siete io voi grazie ciao buongiorno quando quanto quanti dove perche "
    "spedizione spedite ordine taglia della delle questo questa anche ancora avete posso vorrei mio mia "
    "non piu sconto reso bene che cosa come hai ho ci dei degli nel nella sul sulla dal dalla gia "
    "qualcuno vorrei potete potrei molto troppo tutto tutti niente nulla qualche",
    "pt": "voce voces vcs vc obrigado obrigada ola oi quando quanto onde porque frete entrega pedido "
    "tamanho meu minha nao mais tem tenho posso quero fazem enviam isso esse essa tambem muito ainda "
    "pra pro sim uma qual quais algum alguma fica ficar ficou estou agora aqui entao vai vou sao mesmo",
    "nl": "het een ik jij je u wij mijn niet wel bedankt dank hoi hallo wanneer hoeveel waar waarom "
    "verzending verzendkosten bestelling maat hebben heb jullie kan kunnen met voor naar nog ook geen "
    "meer graag alsjeblieft aub dit dat deze die zijn ben hij zij wat hoe welke ook nou even maar "
    "wordt worden kunt zou ze ie dan zo heel erg gewoon normaal zit",
}


def _marker_words() -> dict[str, frozenset[str]]:
    """The function words above, and the lexicon's one-word terms that only one language uses."""
    from .lexicon import LEXICON

    own: dict[str, set[str]] = {language: set(words.split()) for language, words in _MARKERS.items()}
    for table in LEXICON.values():
        for language, terms in table.items():
            own[language].update(t for t in terms if " " not in t)
    shared = {w for a in LANGUAGES for b in LANGUAGES if a < b for w in own[a] & own[b]}
    return {language: frozenset(own[language] - shared) for language in LANGUAGES}


MARKER_WORDS = _marker_words()
MARKER_WEIGHT = 1.0
# Below this, lingua's best guess is a coin toss: the shopper's locale decides instead.
MIN_CONFIDENCE = 0.5
MIN_LETTERS = 4
# One long word ("Versandkosten?") can tell the language on its own when lingua is this sure of it.
SURE_ENOUGH_ALONE = 0.9

_detector = None
_detector_lock = threading.Lock()


def _lingua_detector():
    """Built once per process, on first use: the web process never pays for it, a worker pays once."""
    global _detector
    if _detector is None:
        with _detector_lock:
            if _detector is None:
                from lingua import Language, LanguageDetectorBuilder

                ours = [Language.from_iso_code_639_1(_iso(code)) for code in LANGUAGES]
                _detector = LanguageDetectorBuilder.from_languages(*ours).with_low_accuracy_mode().build()
    return _detector


def _iso(code: str):
    from lingua import IsoCode639_1

    return getattr(IsoCode639_1, code.upper())


@dataclass(frozen=True)
class Detection:
    language: str
    source: str  # "text" | "customer locale" | "store language"
    confidence: float  # how sure the text reading was (0 when a fallback decided)

    @property
    def reason(self) -> str:
        name = LANGUAGE_NAMES.get(self.language, self.language)
        if self.source == "text":
            return f"{name} (from the text, {self.confidence:.0%} sure)"
        return f"{name} (the text does not tell: {self.source})"


def language_base(locale: str | None) -> str:
    """ "fr-CA" -> "fr", "pt_BR" -> "pt"; "" when there is none."""
    return re.split(r"[-_]", (locale or "").strip().lower())[0]


def language_scores(text: Text) -> dict[str, float]:
    """A score per language from the text alone: lingua's confidence plus marker words, summing to ~1."""
    letters = len(text.letters)
    if letters < MIN_LETTERS:
        return {}
    scores = dict(_lingua_scores(text.folded if text.raw.isupper() else text.raw))
    hits = {language: sum(w in MARKER_WORDS[language] for w in text.words) for language in LANGUAGES}
    for language, count in hits.items():
        scores[language] = scores.get(language, 0.0) + MARKER_WEIGHT * count
    total = sum(scores.values()) or 1.0
    return {language: value / total for language, value in scores.items()}


@lru_cache(maxsize=2048)
def _lingua_scores(raw: str) -> tuple[tuple[str, float], ...]:
    values = _lingua_detector().compute_language_confidence_values(raw)
    return tuple((value.language.iso_code_639_1.name.lower(), value.value) for value in values)


def language_detect(
    text: Text, *, locales: tuple[str | None, ...] = (), store_language: str = "en"
) -> Detection:
    """The reply's language when the text tells it, else the first known locale, else the store's."""
    scores = language_scores(text)
    if scores:
        best = max(scores, key=lambda language: scores[language])
        markers = sum(w in MARKER_WORDS[best] for w in text.words)
        wordy = sum(not w.isdigit() for w in text.words) >= 3
        if scores[best] >= MIN_CONFIDENCE and (markers or wordy or scores[best] >= SURE_ENOUGH_ALONE):
            return Detection(best, "text", scores[best])
    for locale in locales:
        if language_base(locale) in LANGUAGES:
            return Detection(language_base(locale), "customer locale", 0.0)
    store = language_base(store_language)
    return Detection(store if store in LANGUAGES else "en", "store language", 0.0)
