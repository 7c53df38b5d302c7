"""Matching the commerce lexicon (conversations/lexicon.py) against a shopper's reply.

Each language's words are compared through that language's own Snowball stemmer, so an Italian plural
never has to meet an English stemmer. Pure functions, no database.
"""

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import snowballstemmer
from rapidfuzz.distance import OSA

from .countries import countries_named
from .languages import LANGUAGES
from .lexicon import (
    A_CODE,
    AS_WRITTEN,
    CAPACITY_UNITS,
    CONTEXT_WORDS,
    DEVICE_COVERS,
    FALSE_FRIENDS,
    INTENTS,
    LEXICON,
    NATIONALITIES,
    POSSESSIVES,
    SIZE_LABELS,
    SIZE_NOUNS,
    SIZE_QUALIFIERS,
    UNITS,
    is_colour,
)
from .nlp import NOT_TYPOS, Text, words, wordset

_SNOWBALL = {
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "de": "german",
    "it": "italian",
    "pt": "portuguese",
    "nl": "dutch",
}
TYPO_MIN_LETTERS = 7
# A stem this long is the same word in another language far more often than a coincidence ("restituirlo"
# in a text too short to tell its language); shorter ones stay exact outside the text's language.
CROSS_LANGUAGE_STEM_LETTERS = 6
# German and Dutch glue words together: "versandkostenfrei", "actiecode". A lexicon word this long found at
# the start or end of a longer word, with at least COMPOUND_REST letters left over, is that word.
COMPOUND_LANGUAGES = ("de", "nl")
COMPOUND_MIN_LETTERS = 5
COMPOUND_REST = 3
# "habt ihr * noch": German and Dutch put "noch"/"nog" after the object ("habt ihr die Jacke noch in Blau?").
# A "*" in a lexicon phrase stands for up to GAP_WORDS words of the message that name a thing, so they open
# with an article, a demonstrative or a count: "habt ihr die Jacke noch" is stock, "habt ihr heute noch offen"
# is not.
GAP = "*"
GAP_WORDS = 3
_COUNT_DIGITS = 3
GAP_OPENERS = frozenset(
    words(
        "the this that these those it them a an any some "
        "una "
        "el la los las lo ese esa esos esas este esta estos estas eso "
        "le les l ce cette ces cet un une "
        "der die das den dem des diese dieser dieses diesen es sie ihn ein eine einen "
        "il gli i quel quella quelli quelle quei questo questa questi queste uno "
        "o a os as esse essa esses essas este esta isso ele ela um uma "
        "de het deze dit dat ze hem een ie hij "
        # spoken German articles: "habt ihr nen Laden in Zürich?"
        "nen ne "
        # a count names things too: "passen zwei Leute * ins Zelt"
        "2 3 4 5 6 two three four five six dos tres cuatro cinco deux trois quatre cinq zwei drei vier funf "
        "due tre quattro cinque dois duas quatro twee drie"
    )
)


def _opens_a_gap(word: str) -> bool:
    """A gap's first word: an article, a demonstrative or a count, also in digits ("kommen 20 Shirts an")."""
    return word in GAP_OPENERS or (word.isdigit() and len(word) <= _COUNT_DIGITS)


# Slots: "{size}" stands for one size as shoppers write it (M, XL, 38), "{colour}" for a colour word,
# "{number}" for an order number (3+ digits): "between * {size}", "hay en {colour}", "pedido {number}";
# "{measure}" for a product's measure written as one word ("200x200", "100ml", "625wh") or a shade code
# ("2n", "3w"; not a video resolution: "4k", "720p"), "{unit}" for a unit after a number ("50 ml", "500
# Wh"), "{capacity}" for a unit of capacity or power only; "{code}" for a discount code as shoppers copy it
# (letters and digits: "WELCOME10"); "{nationality}" for a country's adjective ("spanish", "inglesa",
# "englisches").
SLOTS = {
    "{size}": "\x00size",
    "{colour}": "\x00colour",
    "{number}": "\x00number",
    "{measure}": "\x00measure",
    "{unit}": "\x00unit",
    "{capacity}": "\x00capacity",
    "{code}": "\x00code",
    "{nationality}": "\x00nationality",
}
_SLOT_TOKENS = frozenset(SLOTS.values())
_SIZE_NUMBER_DIGITS = 3


def is_size(word: str) -> bool:
    """ "M", "xl", "38", "9", "128": a size label or a size number (never a year or an order number)."""
    return word in SIZE_LABELS or (word.isdigit() and len(word) <= _SIZE_NUMBER_DIGITS and word[0] != "0")


_MEASURE = re.compile(
    rf"\d+(?:x\d+){{1,2}}|\d+(?:[.,]\d+)?(?:{'|'.join(sorted(UNITS, key=len, reverse=True))})"
    r"|\d{1,3}(?!st|nd|rd|th|am|pm|h\b|x\b|s\b|k\b|p\b)[a-z]{1,2}"
)


def _fits_slot(slot: str, word: str) -> bool:
    if slot == SLOTS["{size}"]:
        return is_size(word)
    if slot == SLOTS["{colour}"]:
        return is_colour(word)
    if slot == SLOTS["{measure}"]:
        return bool(_MEASURE.fullmatch(word))
    if slot == SLOTS["{unit}"]:
        return word in UNITS
    if slot == SLOTS["{capacity}"]:
        return word in CAPACITY_UNITS
    if slot == SLOTS["{nationality}"]:
        return word in NATIONALITIES
    if slot == SLOTS["{code}"]:
        return bool(_A_CODE.fullmatch(word)) and not _MEASURE.fullmatch(word)
    return word.isdigit() and len(word) >= 3


@cache
def _stemmer(language: str):
    return snowballstemmer.stemmer(_SNOWBALL[language])


@lru_cache(maxsize=20_000)
def stem(word: str, language: str) -> str:
    return _stemmer(language).stemWord(word)


def _stems(phrase_words: tuple[str, ...], language: str) -> tuple[str, ...]:
    return tuple(w if w == GAP or w in _SLOT_TOKENS else stem(w, language) for w in phrase_words)


@lru_cache(maxsize=20_000)
def _term_words(term: str) -> tuple[str, ...]:
    """A lexicon phrase's folded words, its gaps ("*") and slots ("{size}") kept in place."""
    return tuple(
        w
        for token in term.split()
        for w in ((GAP,) if token == GAP else (SLOTS[token],) if token in SLOTS else words(token))
    )


# "#4471", "#AB-20931", "nº PT-30117", "Nr. 88123", "DE-77310": a number after "#" or "nº", or two or three
# letters, a hyphen and four digits or more (a discount code is letters and a couple of digits: "SNOW15").
_ORDER_NUMBER = re.compile(
    r"(?:#|\bn[º°]|\bno\.|\bnr\.?)\s?(?:[a-z]{1,4}-?)?\d{3,}\b|\b[a-z]{2,3}-\d{4,}\b", re.IGNORECASE
)


def order_number_in(text: Text) -> str:
    """ "#4471", "DE-77310": an order number written the way order confirmations print it ("" when there is
    none)."""
    found = _ORDER_NUMBER.search(text.raw)
    return found[0] if found else ""


# "paid 5 days ago and nothing yet", "vor 5 Tagen überwiesen", "ho fatto il bonifico 6 giorni fa": money sent
# some days or weeks ago asks where the order is. Past forms only ("if I pay today" is a delivery question).
PAID = (
    "paid, payed, ordered, transferred, pague, pagamos, transferi, transferencia, pedi, compre, paye, "
    "commande, vire, virement, bezahlt, uberwiesen, bestellt, pagato, ordinato, bonifico, paguei, comprei, "
    "encomendei, "
    "betaald, besteld, overgemaakt"
)
_SOME = (
    r"(?:\d+|a|one|two|three|a few|un|una|uno|dos|tres|une|deux|trois|einer|einem|zwei|drei|due|tre|um|uma|"
    r"dois|duas|een|twee|drie)"
)
_UNIT = r"(?:days?|weeks?|dias|semanas?|jours|semaines?|tagen|wochen|giorni|settimane?|dagen|weken|week)"
_AGO = rf"(?:(?:hace|il y a|vor|ha|faz) {_SOME} {_UNIT}|{_SOME} {_UNIT} (?:ago|fa|geleden))"
_PAID_WORD = rf"(?:{'|'.join(PAID.split(', '))})"
_PAID_AGO = re.compile(rf"\b{_PAID_WORD}\b(?: \w+){{0,4}}? {_AGO}\b|\b{_AGO}(?: \w+){{0,3}}? {_PAID_WORD}\b")


# "I typed the wrong house number", "puse mal el número de la casa", "falsche PLZ angegeben": a mistake in
# the address of an order placed, for a person to correct ("can you change it" is no exchange of goods).
ADDRESS_WORDS = (
    "address, postcode, post code, zip, zip code, postal code, house number, flat number, direccion, codigo "
    "postal, numero de la casa, numero de casa, adresse, code postal, numero de rue, hausnummer, plz, "
    "postleitzahl, anschrift, indirizzo, numero civico, endereco, morada, cep, numero da porta, adres, "
    "huisnummer, postcode"
)
MISTAKE_WORDS = (
    "wrong, incorrect, typo, mistake, mal, equivocado, equivocada, equivoque, erroneo, erronea, mauvais, "
    "mauvaise, trompe, erreur, faux, fausse, falsch, falsche, falscher, falsches, vertippt, sbagliato, "
    "sbagliata, errato, errata, errado, errada, enganei, verkeerd, verkeerde, fout, foute"
)
_ADDRESS = "|".join(sorted(ADDRESS_WORDS.split(", "), key=len, reverse=True))
_MISTAKE = "|".join(MISTAKE_WORDS.split(", "))
_ADDRESS_FIX = re.compile(
    rf"\b(?:{_MISTAKE})\b(?: \w+){{0,3}}? (?:{_ADDRESS})\b"
    rf"|\b(?:{_ADDRESS})\b(?: \w+){{0,3}}? (?:{_MISTAKE})\b"
)


def _said(text: Text, pattern: re.Pattern) -> str:
    """What the pattern finds in the text's words, "" when it finds nothing."""
    found = pattern.search(" ".join(text.words))
    return found[0] if found else ""


def address_fix_in(text: Text) -> str:
    """ "wrong postcode": a mistake in an order's address ("" when there is none)."""
    return _said(text, _ADDRESS_FIX)


def paid_while_ago(text: Text) -> str:
    """ "paid 5 days ago": money or an order sent some time ago ("" when there is none)."""
    return _said(text, _PAID_AGO)


# "10% off", "-20 %": a share off a price (1 to 99: "100% cotton" is a material, not a discount).
_PERCENT_OFF = re.compile(r"(?<![\d.,])-?[1-9]\d? ?%")
# What else a percentage measures: a slope ("a 30% slope", "una pendiente del 30%"), a material, moisture,
# a battery's charge. Named a few words before or after it, the percentage is no discount.
SLOPES = frozenset(
    words(
        "slope slopes incline gradient pendiente inclinacion cuesta pente inclinaison steigung gefalle hang "
        "pendenza pendio inclinazione salita inclinacao declive rampa ladeira helling hellingen"
    )
)
MEASURED_BY_PERCENT = SLOPES | frozenset(
    words(
        "wool lana laine wolle katoen cotton algodon coton baumwolle cotone algodao polyester "
        "humidity humedad humidite feuchtigkeit luftfeuchtigkeit umidita umidade vochtigheid "
        "battery bateria batterie batteria accu akku"
    )
)
_MEASURED_NEAR = 4


def percent_off_in(text: Text) -> str:
    """ "10%": a percentage, read as asking about a discount ("" when there is none)."""
    found = _PERCENT_OFF.search(text.raw)
    if not found:
        return ""
    before = words(text.raw[: found.start()])[-_MEASURED_NEAR:]
    after = words(text.raw[found.end() :])[:_MEASURED_NEAR]
    return "" if not MEASURED_BY_PERCENT.isdisjoint(before + after) else found[0]


# German and Dutch put the verb last: "könnt ihr es nach Italien schicken?", "kan het naar Spanje gestuurd
# worden". A destination ("nach", "naar", "zum Festivalgelände") and a sending verb a few words on ask about
# shipping there.
_DESTINATION = re.compile(
    r"\b(?:nach|naar|zum|zur)(?: \w+){1,4} (?:schicken|senden|versenden|verschicken|liefern|sturen|versturen|"
    r"opsturen|verzenden|leveren|bezorgen|gestuurd|verstuurd|geleverd|geschickt|geliefert)\b"
)


# "gas bottle to Switzerland?", "¿la barbacoa a Andorra?", "Grill nach Österreich?", "bombola in Svizzera?": a
# bare question of a thing and a country after "to" asks whether it ships there. Short, the country last;
# not where a thing is made or a shop stands ("made in China?", "a shop in Spain?").
_TO_A_COUNTRY = wordset("to a al en au aux nach in pra pro para naar")
_IN_A_SYSTEM = wordset("in en")
_COUNTRY_ARTICLES = wordset("the el la le l die den der o os a as de het")
_NOT_A_SENDING = wordset(
    "made shop shops store stores based located warehouse office company brand hecho fabricado tienda "
    "tiendas fabrique magasin magasins boutique hergestellt laden geschaft fatto prodotto negozio negozi "
    "feito fabricado loja lojas gemaakt winkel winkels"
)
_FRAGMENT_WORDS = 6


def _to_a_country(text: Text) -> str:
    said = text.words
    if "?" not in text.raw or len(said) > _FRAGMENT_WORDS or not _NOT_A_SENDING.isdisjoint(said):
        return ""
    for index in range(len(said) - 2, 0, -1):
        if said[index] not in _TO_A_COUNTRY:
            continue
        if said[index] in _IN_A_SYSTEM and (is_size(said[index - 1]) or _MEASURE.fullmatch(said[index - 1])):
            return ""  # "welke maat is 90B in UK?", "size 10 in US?": a size in a country's system
        tail = said[index + 1 :]
        tail = tail[1:] if tail[0] in _COUNTRY_ARTICLES and len(tail) > 1 else tail
        if len(tail) <= 3 and countries_named(tail) and not countries_named(said[:index]):
            return " ".join(said[index:])
        return ""
    return ""


def destination_in(text: Text) -> str:
    """ "nach Italien schicken", "gas bottle to Switzerland?": a destination and a sending verb after it, or
    a bare thing to a country ("" when there is none)."""
    return _said(text, _DESTINATION) or _to_a_country(text)


# "sono alto 1,88, ci sto?", "je fais 1m85, assez long ?", "I'm 6'2, long enough?": the shopper's height in a
# question asks whether the thing fits their body. A metre and two digits ("1,99" alone is a price), a
# height in centimetres, or feet and inches.
# A child's height needs its unit: "1m35", "1,35 m" ("ça fait 1,35" is a price).
_METRIC_HEIGHT = re.compile(
    r"\b(?:1 [4-9]\d(?: ?m)?|1m[0-9]\d|1 [0-3]\d ?m|1[0-9]\d ?cm|1[0-9]\d ?centimetr\w*)\b"
)
# The shopper's own height or a child's: "je fais", "ma fille fait", "meu filho tem", "mijn zoon is".
_HEIGHT_VERB = re.compile(
    r"\b(?:im|i am|is|alto|alta|mido|mide|mesure|mesuro|fais|fait|bin|ist|tenho|tem|meco|ben|sono|soy|sou|"
    r"measure|measures)\b"
)
_FEET_HEIGHT = re.compile(r"\b[4-7] ?(?:'|ft|foot|feet) ?\d{0,2}\b")
# Feet after an article or "my" measure a thing ("a bag for a 7'2", "my 6'8 board") unless a person follows.
_OF_A_THING = re.compile(r"\b(?:a|an|the|my|your|for)\s*$")
_A_PERSON = re.compile(
    r"\W*(?:tall )?(?:guy|man|woman|person|lad|girl|boy|bloke|dude|son|daughter|kid|teen|husband|wife|"
    r"partner|boyfriend|girlfriend|dad|mum|mom|brother|sister|adult|rider)\b"
)


def height_in(text: Text) -> str:
    """ "1 88" after "sono alto", "6'2": a body height in a question ("" when there is none)."""
    if "?" not in text.raw:
        return ""
    joined = " ".join(text.words)
    metric = _METRIC_HEIGHT.search(joined)
    if metric and _HEIGHT_VERB.search(joined[: metric.start()]):
        return metric[0]
    raw = text.raw.casefold()
    feet = _FEET_HEIGHT.search(raw)
    if feet and _OF_A_THING.search(raw[: feet.start()]) and not _A_PERSON.match(raw[feet.end() :]):
        return ""  # "a bag for a 7'2", "my 6'8 board": the length of a thing
    return feet[0] if feet else ""


# "is 75B the same as 34B?", "la 3C italiana è una 75C?", "welke maat is 90B in UK?": a bra size (a band and a
# cup: UK/US 28-48, EU/FR 60-125, Italian 1-8) beside another or beside a country's system asks how sizes
# convert, a fit question; one alone ("do you have the 75B in black?") is only the size asked about.
_BRA_SIZE = re.compile(r"\b(?:[1-8]|[234][02468]|(?:6|7|8|9|10|11|12)[05])(?:aa|dd|ddd|ff|gg|[a-h])\b")
_SIZE_SYSTEMS = NATIONALITIES | wordset("usa europa europe")


def bra_size_in(text: Text) -> str:
    """ "75b 34b": bra sizes to convert ("" when there are none)."""
    sizes = _BRA_SIZE.findall(" ".join(text.words))
    if len(sizes) >= 2 or (sizes and not _SIZE_SYSTEMS.isdisjoint(text.words)):
        return " ".join(sizes)
    return ""


# "do you have mastectomy bras with pockets?", "habt ihr Prothesen-BHs?", "tem moletom no GG?": a having verb
# opening a short question, then a thing named without an article, asks whether the shop has it: a stock
# question when nothing else is asked. Not a shop, a way to pay, a service or a person ("do you have stores
# in Utrecht?", "tem como trocar?"); with an article the thing is often a property ("tienen la garantía?").
_HAVE_OPENING = re.compile(
    r"^(?:(?:hi|hello|hey|hola|bonjour|salut|hallo|hoi|ciao|oi|ola) )?(?:do you have|do u have|do ya have|"
    r"have you got|have u got|got any|you got|tienen|teneis|tenes|vous avez|avez vous|habt ihr|haben sie|"
    r"hast du|avete|voces tem|vcs tem|vc tem|voce tem|tem|hebben jullie|heb je|heeft u)"
    r"(?: any| some| ancora| noch| nog| ainda| todavia| aun| encore)?"
    r"(?: des| du| dei| delle| degli| algun| alguna| algunos| algunas)? "
    r"(\w+)(?: (\w+))?"
)
_HAVE_WORDS = 8
NOT_A_PRODUCT = wordset(
    "store stores shop shops showroom outlet outlets website site app whatsapp instagram phone number email "
    "address hours time idea news update updates info information problem questions question someone anyone "
    "tienda tiendas local locales web telefono numero horario horarios tiempo idea alguien algo como que q "
    "forma manera modo problema boutique boutiques magasin magasins site horaires numero quelqu laden "
    "geschaft geschafte filiale filialen telefonnummer nummer zeit jemand idee negozio negozi sito orari "
    "numero tempo qualcuno loja lojas telefone horario alguem jeito winkel winkels vestiging vestigingen "
    "telefoonnummer nummer tijd iemand idee eu paypal klarna card cards cash pix boleto ideal bizum tarjeta "
    "carte karte carta cartao kaart "
    # opening days ("habt ihr sonntags offen?"; the opening words are `_OPENING_HOURS`), a warranty: the
    # shop's service, not a product
    "sonntags samstags feiertags heute morgen warranty guarantee garantia garantie garanzia"
)
# "habt ihr heute noch geöffnet?", "hebben jullie morgen nog open?": opening hours, not stock.
_OPENING_HOURS = wordset(
    "open opens opened opening offen geoffnet oeffnet offnet abierto abiertos abren abris ouvert ouverts "
    "ouvrez aperto aperti aprite aberto abertos abrem geopend"
)
# "do you have my address?", "tienen mi número?": what the shop holds of the shopper's is no stock question.
_POSSESSIVES = wordset(
    "my our mi mis nuestro nuestra mon ma mes notre nos mein meine meinen meiner unser unsere mio mia miei "
    "mie meu minha meus minhas nosso nossa mijn ons onze"
)


def product_asked_in(text: Text) -> str:
    """ "habt ihr prothesen": a thing the shop may have, asked for bare ("" when there is none)."""
    if len(text.words) > _HAVE_WORDS or ("?" not in text.raw and len(text.words) > _HAVE_WORDS - 2):
        return ""
    found = _HAVE_OPENING.match(" ".join(text.words))
    if not found or not _OPENING_HOURS.isdisjoint(text.words):
        return ""
    thing = found[1]
    if (
        thing in GAP_OPENERS
        or thing in NOT_A_PRODUCT
        or thing in _POSSESSIVES
        or thing in _services()
        or (thing.isdigit() and found[2] not in UNITS)
    ):
        return ""
    return found[0][: found.end(1)]


# "225/45 R17", "205/55r16": a tyre size asks whether it fits a car.
_TYRE_SIZE = re.compile(r"\b\d{3}/\d{2} ?z?r ?\d{2}\b", re.IGNORECASE)


def tyre_size_in(text: Text) -> str:
    """ "225/45 R17": a tyre size ("" when there is none)."""
    found = _TYRE_SIZE.search(text.raw)
    return found[0] if found else ""


# "a 3/4 guitar for a 7 year old", "una guitarra clásica 4/4", "soprano or concert ukulele?": an instrument's
# size as its makers name it, a fraction beside the instrument or a choice between two ukulele sizes.
_FRACTION = r"(?:1 8|1 4|1 2|3 4|7 8|4 4)"
_INSTRUMENT = (
    r"\w*(?:guitar|gitar|gitaar|chitarr|violin|violon|violao|viool|geige|cello|chelo|ukulel|ukelel)\w*"
)
_UKULELE_SIZE = (
    r"(?:soprano|sopran|sopraan|concert|concierto|concerto|konzert|tenor|tenore|bariton|baritone)\w*"
)
_INSTRUMENT_SIZE = re.compile(
    rf"\b{_FRACTION}(?: \w+){{0,2}} {_INSTRUMENT}|\b{_INSTRUMENT}(?: \w+){{0,2}} {_FRACTION}\b"
    rf"|\b{_UKULELE_SIZE}(?: \w+)? (?:or|o|ou|oder|of) (?:\w+ )?{_UKULELE_SIZE}"
)


def instrument_size_in(text: Text) -> str:
    """ "4 4 classical guitar", "soprano uke or the concert": an instrument's size ("" when there is none)."""
    found = _INSTRUMENT_SIZE.search(" ".join(text.words))
    return found[0] if found else ""


def is_context_word(term: str, intent: str) -> bool:
    """A word that says what a question is about only when nothing more specific is asked ("arrive" in
    "refund if it arrives broken", "size" in "do you still have it in size 9"); every phrase with a slot."""
    return term in CONTEXT_WORDS.get(intent, frozenset()) or any(slot in term for slot in SLOTS)


@dataclass(frozen=True)
class LexiconHit:
    intent: str
    language: str
    term: str  # the lexicon word or phrase as written in the lexicon
    said: str  # what the shopper wrote
    at: int = -1  # where in the message, when the phrase has no gap


@cache
def _compiled(intent: str, language: str, terms: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((term, _stems(_term_words(term), language)) for term in terms if words(term))


def lexicon_terms(intent: str, language: str) -> tuple[str, ...]:
    return LEXICON.get(intent, {}).get(language, ())


@lru_cache(maxsize=4096)
def rule_intents(keywords: tuple[str, ...]) -> tuple[str, ...]:
    """The intents a rule is about: those with a lexicon word (any language) equal to one of its keywords."""
    found = []
    for intent in INTENTS:
        if any(_keyword_is_term(keyword, intent) for keyword in keywords):
            found.append(intent)
    return tuple(found)


def _keyword_is_term(keyword: str, intent: str) -> bool:
    keyword_words = tuple(words(keyword))
    if not keyword_words:
        return False
    for language in LANGUAGES:
        stems = _stems(keyword_words, language)
        if any(
            (keyword_words == _term_words(term)) if term in AS_WRITTEN else stems == term_stems
            for term, term_stems in _compiled(intent, language, lexicon_terms(intent, language))
        ):
            return True
    return False


_A_CODE = re.compile(r"(?=\w*\d)(?=\w*[a-z])\w{4,}")


def false_friend_positions(message_words: tuple[str, ...], language: str) -> frozenset[int]:
    """Which words of the message mean something else in its language ("sale" in French is dirty), unless
    they are part of one of that language's own lexicon phrases ("ya salio" asks about an order). A word
    spoiled by what follows it is spoiled inside a phrase too ("quando voltar pra casa" is the shopper)."""
    table = FALSE_FRIENDS.get(language, {})
    if not table:
        return frozenset()
    spoiled = set()
    for index, word in enumerate(message_words):
        entry = table.get(word)
        if entry is None:
            continue
        kind, neighbours = entry
        if kind != "before" and _in_own_phrase(message_words, index, language):
            continue
        around = set(message_words[max(0, index - 2) : index] + message_words[index + 1 : index + 3])
        before = message_words[index - 1] if index else ""
        rescued = around & neighbours or (A_CODE in neighbours and any(map(_A_CODE.fullmatch, around)))
        followed = set(message_words[index + 1 : index + 3]) & neighbours
        if (
            (kind == "unless" and not rescued)
            or (kind == "after" and before in neighbours)
            or (kind == "before" and followed)
        ):
            spoiled.add(index)
    return frozenset(spoiled)


@cache
def _own_phrases(word: str, language: str) -> tuple[tuple[str, ...], ...]:
    """The language's lexicon phrases of plain words that contain this word."""
    phrases = (
        tuple(term.split())
        for intent in INTENTS
        for term in lexicon_terms(intent, language)
        if " " in term and _PLAIN_WORDS.fullmatch(term)
    )
    return tuple(phrase for phrase in phrases if word in phrase)


_PLAIN_WORDS = re.compile(r"[a-z ]+")


def _in_own_phrase(message_words: tuple[str, ...], index: int, language: str) -> bool:
    word = message_words[index]
    for phrase in _own_phrases(word, language):
        start = index - phrase.index(word)
        if start >= 0 and message_words[start : start + len(phrase)] == phrase:
            return True
    return False


# "cancelled my order at another shop", "meine Bestellung bei einem anderen Shop", "ma commande chez un autre
# site": an order with someone else is no order-status question to us; the few words before say what it was.
_ANOTHER_SHOP = re.compile(
    r"(?:^|(?<= ))(?:\w+ "
    r"){0,3}(?:at|with|from|in|on|bei|in|auf|chez|sur|dans|en|su|da|in|em|na|no|numa|noutra|"
    r"bij|op) (?:another|a different|einem anderen|einer anderen|un autre|une autre|otra|otro|un altro|"
    r"un altra|outra|outro|een andere|een ander)(?= (?:shop|store|site|website|seller|retailer|laden|"
    r"geschaft|onlineshop|haendler|handler|magasin|boutique|vendeur|tienda|web|pagina|negozio|sito|"
    r"venditore|loja|vendedor|winkel|webshop|winkels)\b)"
)


def _span_positions(
    pattern: re.Pattern, message_words: tuple[str, ...], *, group: int = 0, words_after: int = 0
) -> frozenset[int]:
    """The positions of the words a pattern's matches (or one group of them) cover in the joined words, and
    of `words_after` more words after each (a lookahead's word)."""
    joined = " ".join(message_words)
    positions: set[int] = set()
    for found in pattern.finditer(joined):
        first = joined[: found.start(group)].count(" ")
        positions.update(range(first, first + found.group(group).count(" ") + 1 + words_after))
    return frozenset(positions)


def _another_shop_positions(message_words: tuple[str, ...]) -> frozenset[int]:
    # the shop word itself is the lookahead's
    return _span_positions(_ANOTHER_SHOP, message_words, words_after=1)


# "how long does the cooler keep ice", "combien de temps pour monter la tente", "wie lange braucht die
# Solardusche zum Aufheizen": a duration the product itself takes or lasts, not a delivery time. The duration
# words (a shipping context word) are blanked when a product's doing follows within a few words.
DURATIONS = (
    "how long, how fast, how quickly, how soon, how many hours, how many days, how many minutes, cuanto "
    "tiempo, cuantos dias, cuantas horas, cuanto tarda, cuanto dura, combien de temps, combien de jours, "
    "combien d heures, en combien de temps, wie lange, wie schnell, wie viele stunden, wie viele tage, "
    "quanto tempo, quanti giorni, quante ore, quanto dura, quantos dias, quantas horas, quanto tempo demora, "
    "hoe lang, hoe snel, hoeveel uur, hoeveel dagen, quanto ci mette, ci mette, combien de temps met, "
    "quanto tempo leva"
)
PRODUCT_DOINGS = {
    "en": "keep, keeps, last, lasts, stay, stays, hold, holds, heat, heats, warm, warms, cool, cools, "
    "charge, charges, dry, dries, pitch, set up, put up, assemble, inflate, deflate, boil, boils, burn, "
    "burns, run, runs, freeze, melt, melts, cook, cooks",
    "es": "dura, duran, aguanta, aguantan, mantiene, mantienen, conserva, calentar, calienta, enfriar, "
    "enfria, cargar, carga, secar, seca, montar, monta, armar, inflar, hervir, hierve, derrite, cocina",
    "fr": "garde, gardent, tient, tiennent, dure, durent, conserve, chauffer, chauffe, refroidir, charger, "
    "charge, secher, seche, monter, gonfler, installer, bouillir, fondre",
    "de": "halt, halten, heizt, aufheizen, aufwarmen, warm, kuhlt, kuhl, laden, aufladen, trocknet, "
    "trocknen, aufbauen, aufgebaut, aufstellen, aufpumpen, kocht, kochen, schmilzt",
    "it": "dura, durano, mantiene, tiene, montare, monta, scaldare, scalda, riscaldare, caricare, carica, "
    "ricaricare, asciugare, asciuga, gonfiare, raffreddare, bollire, si scioglie",
    # the product's own times, said as nouns: "how long is the warranty", "wie lange ist die Garantie"
    "times": "warranty, guarantee, garantia, garantie, garanzia, assembly, montaje, montage, montaggio, "
    "montagem, aufbau, montering",
    "pt": "dura, duram, mantem, conserva, aguenta, esquentar, esquenta, aquecer, aquece, carregar, carrega, "
    "secar, seca, montar, monta, armar, inflar, ferver, derrete",
    "nl": "houdt, blijft, opwarmen, warm, koelt, opladen, laadt, drogen, droogt, opzetten, op te zetten, "
    "opbouwen, opblazen, koken, kookt, smelt",
}


@cache
def _product_duration() -> re.Pattern:
    durations = "|".join(sorted(DURATIONS.split(", "), key=len, reverse=True))
    doings = "|".join(
        sorted({d for table in PRODUCT_DOINGS.values() for d in table.split(", ")}, key=len, reverse=True)
    )
    # a doing with its ending or pronoun: "montarse", "scaldarsi", "charged"
    return re.compile(rf"(?:^|(?<= ))({durations})(?: \w+){{0,5}}? (?:{doings})\w{{0,3}}\b")


def _product_duration_positions(message_words: tuple[str, ...]) -> frozenset[int]:
    return _span_positions(_product_duration(), message_words, group=1) | _span_positions(
        _TWO_PERIODS, message_words
    )


# "is the warranty 1 or 2 years?", "la garantía es de 1 o 2 años?": two numbers of a period are a length of
# time, never a pair of sizes.
_TWO_PERIODS = re.compile(
    r"(?:^|(?<= ))\d+ (?:or|o|ou|oder|of) \d+ (?:years?|yrs?|months?|anos?|anni|anno|ans?|annees?|jahre?n?|"
    r"jaar|jaren|meses|mes|mois|monate?n?|mesi|mese|maanden|maand|weeks?|semanas?|semaines?|wochen?|"
    r"settimane?|weken|days?|dias?|jours?|tage?n?|giorni|dagen)\b"
)


# "compatible avec un Mac", "compatível com a Alexa", "compatible avec Campagnolo 12v": which device or part a
# product works with is no fit question (no rule answers it); "compatibile con un binario da 3,50 m" is one,
# a length follows (volts, watts, gigabytes or speeds are the device's).
COMPATIBLE = (
    "compatible",
    "compatibles",
    "compatibile",
    "compatibili",
    "compativel",
    "compativeis",
    "kompatibel",
)
_LENGTH_UNITS = frozenset(UNITS - CAPACITY_UNITS - frozenset(words("kg g gr oz kilo kilos")))
_A_MEASURE = re.compile(
    rf"\b\d+(?:[.,]\d+)?(?: \d+)? ?(?:{'|'.join(sorted(_LENGTH_UNITS, key=len, reverse=True))})\b|\b\d+x\d+"
)


def _device_compatibility_positions(message_words: tuple[str, ...]) -> frozenset[int]:
    if _A_MEASURE.search(" ".join(message_words)) or not DEVICE_COVERS.isdisjoint(message_words):
        return frozenset()
    found = [at for at, word in enumerate(message_words) if word in COMPATIBLE]
    return frozenset(found) | frozenset(at + 1 for at in found)  # and its "with"


# "is it delivered assembled?", "arrive-t-il monté ?", "wird es aufgebaut geliefert?": how the product comes,
# not when or where. The few words before an "assembled" and the one after it are blanked.
ASSEMBLED = frozenset(
    words(
        "assembled preassembled pre assembled montado montada montados montadas monte montee montes montees "
        "aufgebaut montiert vormontiert montato montata montati montate gemonteerd elkaar"
    )
)
_ASSEMBLED_BEFORE = 3
# "oder kommt es fertig?", "komt het kant en klaar": ready-made only after the product coming ("ist meine
# Bestellung fertig?" asks about an order).
READY = frozenset(words("fertig klaar"))
_COMES = frozenset(words("es er sie das kommt komt het hij"))


def _assembled_positions(message_words: tuple[str, ...]) -> frozenset[int]:
    return frozenset(
        near
        for at, word in enumerate(message_words)
        if word in ASSEMBLED or (word in READY and at and message_words[at - 1] in _COMES)
        for near in range(max(0, at - _ASSEMBLED_BEFORE), at + 2)
    )


# "va bene su una pendenza?", "serve para indução?", "geschikt voor inductie": what the product works on (a
# slope, a hob) is no fit question. The few words before such a word are blanked.
WORKS_ON = SLOPES | frozenset(
    words(
        "induction induccion induction induktion induzione inducao inductie ceramic vitroceramica "
        "vitroceramique ceran vetroceramica vitroceramico keramisch"
    )
)
_WORKS_ON_BEFORE = 4
# "will a 24 cm pan fit my small induction ring?": a hob named by its size asks whether the product fits it.
_SMALL_OR_BIG = wordset(
    "small big large little smallest pequena pequeno grande petit petite grand grande klein kleine kleinen "
    "gross grosse grossen piccolo piccola grande groot grote kleinste"
)


def _works_on_positions(message_words: tuple[str, ...]) -> frozenset[int]:
    return frozenset(
        near
        for at, word in enumerate(message_words)
        if word in WORKS_ON and (not at or message_words[at - 1] not in _SMALL_OR_BIG)
        for near in range(max(0, at - _WORKS_ON_BEFORE), at + 1)
    )


# "voor een aquarium van 120 liter", "for a 60 litre tank", "para un acuario de 200 litros": the measure of
# what the product is for, not a variant of it.
_FOR_A_THING_MEASURED = re.compile(
    r"(?:^|(?<= ))(?:voor|for|para|pour|fur|per) (?:een|a|an|un|una|une|ein|einen|eine|um|uma|mijn|my|mi|"
    r"mon|ma|mein|meinen|meine|il|mio|mia|meu|minha)(?: \w+){1,2}? (?:van|of|de|di|von|mit|da|do|com|met|"
    r"with|avec|con) \d+(?:[.,]\d+)? (?:l|liter|liters|litre|litres|litros|litri|m2|m3)\b"
)


def _thing_measured_positions(message_words: tuple[str, ...]) -> frozenset[int]:
    return (
        _span_positions(_FOR_A_THING_MEASURED, message_words)
        | _span_positions(_ENOUGH_FOR_A_CAPACITY, message_words)
        | _span_positions(_ENOUGH_POWER, message_words)
    )


# "is the heater enough for a 120 litre tank?", "reicht der Heizstab für 120 Liter?", "basta per una vasca da
# 120 litri": enough for a capacity or a power is what the product can do, not whether it fits a body; from
# the "enough" to the measure is blanked ("big enough for 40 l" stays a size: the adjective says so).
_ENOUGH = (
    "enough|reicht|reichen|reichen die|suffit|suffira|suffisant|suffisante|basta|bastano|bastera|alcanza|"
    "alcanzara|chega|da para|da pra|genoeg|voldoende"
)
_SIZE_BEFORE_ENOUGH = "".join(
    rf"(?<!{adjective} )" for adjective in ("big", "large", "long", "wide", "tall", "deep", "roomy")
)
_ENOUGH_FOR_A_CAPACITY = re.compile(
    rf"(?:^|(?<= )){_SIZE_BEFORE_ENOUGH}(?:{_ENOUGH})(?: \w+){{0,4}}? (?:for|fur|pour|per|para|pra|voor)"
    r"(?: \w+){0,3}? \d+(?:[.,]\d+)? ?(?:l|liter|liters|litre|litres|litros|litri|w|watt|watts|m2|m3|qm)\b"
)


# "reicht das 20W Netzteil fürs iPad?", "is 30W enough": the power asked right after the "enough" is what a
# charger can do, not a size.
_ENOUGH_POWER = re.compile(
    rf"(?:^|(?<= ))(?:{_ENOUGH})(?: \w+){{0,2}}? \d+(?:[.,]\d+)? ?(?:w|watt|watts|wh|mah|v|volt|volts)\b"
)


# "how many letters fit inside the ring?", "cuántas letras caben en el grabado", "hoeveel letters passen er
# in": the room an engraving or a print has for text is no fit of the product to a body; the count and the few
# words after it are blanked.
_COUNT_OF_LETTERS = re.compile(
    r"(?:^|(?<= ))(?:how many|cuantas|cuantos|combien de|wie viele|wieviele|quante|quanti|quantas|quantos|"
    r"hoeveel) (?:letters|characters|words|letras|caracteres|palabras|lettres|mots|buchstaben|zeichen|"
    r"worter|lettere|caratteri|parole|palavras|tekens|woorden)(?: \w+){0,5}"
)


def _letters_room_positions(message_words: tuple[str, ...]) -> frozenset[int]:
    return _span_positions(_COUNT_OF_LETTERS, message_words)


# "fate anche il montaggio?", "do u do fitting too", "hacen arreglos de costura?": a service the shop may
# offer (fitting, installation, alterations) is no stock or fit question; the asking and the service are
# blanked.
SERVICES = (
    "fitting, installation, installing, assembly, alterations, alteration, tailoring, repairs, repair, "
    "hemming, montaje, instalacion, arreglos, arreglo, ajustes, reparaciones, montage, installation, "
    "retouches, retouche, reparations, einbau, installation, anderungen, anderung, reparaturen, montaggio, "
    "installazione, modifiche, orli, orlo, riparazioni, montagem, instalacao, ajustes, bainha, bainhas, "
    "consertos, reparos, installatie, montage, reparaties, vermaken"
)
# the services as one alternation, longest first: a service asked about, and one done at the delivery
_SERVICE_NAMES = "|".join(sorted(set(SERVICES.split(", ")), key=len, reverse=True))
_SERVICE = re.compile(
    r"\b(?:do (?:you|u|yall|ya) (?:also |even )?do|fate anche|fate|hacen|haceis|hacen tambien|faites vous|"
    r"vous faites|macht ihr|machen sie|fazem|voces fazem|vcs fazem|doen jullie)(?: \w+){0,2}? (?:"
    + _SERVICE_NAMES
    + r")\b"
)


@cache
def _services() -> frozenset[str]:
    return frozenset(words(SERVICES))


def _service_positions(message_words: tuple[str, ...]) -> frozenset[int]:
    return _span_positions(_SERVICE, message_words)


# "do you mount the TV on the wall when you deliver?", "montiert ihr den Fernseher bei der Lieferung?", "nemen
# jullie de oude wasmachine mee bij levering?": a service done at the delivery (mounting, installing,
# assembling, taking the old one away) is asked, not the shipping; the delivery words beside it are its
# circumstance and are blanked (the service itself is no rule's topic: fallback, a person answers).
_SERVICE_DONE = re.compile(
    r"(?:^|(?<= ))(?:"
    + _SERVICE_NAMES
    + r"|mount|mounting|install|installing|assemble|assembling|set it up|take (?:\w+ ){0,3}away|"
    r"haul (?:\w+ ){0,3}away|instalais|instalan|instalar|instalarla|instalarlo|montan|montar|montais|"
    r"se llevan|llevarse|retiran|retirar|installez|installer|montez|monter|reprenez|reprendre|emportez|"
    r"installation murale|montiert|montieren|montiere|aufbauen|baut (?:\w+ ){0,6}auf|aufhangen|anbringen|"
    r"mitnehmen|nehmt (?:\w+ ){0,7}mit|nehmen sie (?:\w+ ){0,7}mit|entsorgen|montate|montare|installate|"
    r"installare|portate via|ritirate|ritirare|instalam|montam|levam|levar|recolhem|recolher|ophangen|"
    r"hangen (?:\w+ ){0,3}op|monteren|installeren|in elkaar zetten|zetten (?:\w+ ){0,3}in elkaar|meenemen|"
    r"nemen (?:\w+ ){0,4}mee|a muro|on the wall|en la pared|au mur|an der wand|an die wand|na parede|"
    r"aan de muur)\b"
)
_AT_DELIVERY = re.compile(
    r"(?:^|(?<= ))(?:(?:when|once) (?:you|u|he|she|they|the driver) (?:deliver|delivers|come|comes)|"
    r"(?:at|on|with) (?:the )?delivery|when delivering|(?:a|en|lors de) la livraison|livreur|"
    r"(?:bei|mit) (?:der )?lieferung|(?:en|con) la entrega|al entregar(?:la|lo)?|al traer(?:la|lo)?|"
    r"(?:alla|con la|durante la) consegna|(?:na|com a) entrega|ao entregar|(?:bij|tijdens) (?:de )?levering|"
    r"bij (?:het )?bezorgen|bij (?:de )?bezorging)\b"
)


def _service_at_delivery_positions(message_words: tuple[str, ...]) -> frozenset[int]:
    if not _SERVICE_DONE.search(" ".join(message_words)):
        return frozenset()
    return _span_positions(_AT_DELIVERY, message_words)


# "can I pay in 3 with Klarna?", "posso pagare in 3 rate?", "in 3 termijnen betalen": a number of
# instalments is no size asked in stock ("in {size}").
_INSTALMENTS = re.compile(
    r"(?:^|(?<= ))(?:(?:pay|paying|payment|split it) in \d{1,2}|(?:in|en|em) \d{1,2} ?(?:x|fois|rate|raten|"
    r"termijnen|cuotas|plazos|parcelas|vezes|instalments|installments|payments|monthly payments))\b"
)


def _instalment_positions(message_words: tuple[str, ...]) -> frozenset[int]:
    return _span_positions(_INSTALMENTS, message_words)


# "di solito porto la 42", "porto il 44": the Italian "I wear" before a size, whatever language the
# detector heard, is not the German "Porto" (postage).
_WEAR = frozenset(words("porto"))
_WORN_ARTICLES = frozenset(words("il la lo una un a o"))


def _worn_size_positions(message_words: tuple[str, ...]) -> frozenset[int]:
    return frozenset(
        at
        for at, word in enumerate(message_words[:-2])
        if word in _WEAR and message_words[at + 1] in _WORN_ARTICLES and is_size(message_words[at + 2])
    )


# "is the thermometer ok for a 2 month old?", "convient à un bébé de 2 mois", "para um bebé de 2 meses": a
# baby's age in months asks whether the product is safe for an infant, not a fit; the age and the "suits a"
# before it are blanked so "ok for a {size}" and "convient a un" do not read it as a size (a child's age in
# years still does).
_SUITS_A = (
    r"(?:convient a|convient pour|serve para|serve pra|sirve para|vale para|va bene per|adatto a|adatta a|"
    r"geeignet fur|geschikt voor|ok for|suitable for|safe for) "
    r"(?:un|une|um|uma|a|an|una|een|ein|einen|einem) "
)
_INFANT_AGE = re.compile(
    rf"(?:^|(?<= ))(?:{_SUITS_A})?"
    r"(?:\d{1,2} (?:months?|mos?|maanden|monate|monaten|meses|mesi|mois) (?:old|oud|oude|alt|"
    r"alte|alten)|(?:baby|babys|bebe|bebes|bebe|neonato|neonata|neonati|nourrisson|saugling|neugeborenes|"
    r"newborn|recien nacido|recem nascido)(?: (?:de|di|van|von|of))? \d{1,2} (?:months?|maanden|monate|"
    r"monaten|meses|mesi|mois))\b"
)


def _infant_age_positions(message_words: tuple[str, ...]) -> frozenset[int]:
    return _span_positions(_INFANT_AGE, message_words) | _span_positions(_SMALL_PET, message_words)


# "la cage convient à un hamster nain ?", "la gabbia va bene per un criceto?": whether a cage or a run suits a
# small animal is its safety or its kind, not a size of body; the "suits a" is blanked.
_SMALL_PET = re.compile(
    rf"(?:^|(?<= )){_SUITS_A}(?:\w+ )?(?:hamster\w*|criceto|criceti|gerbil\w*|rabbit\w*|conejo\w*|lapin\w*|"
    r"kaninchen|conigli\w*|coelho\w*|konijn\w*|guinea pig\w*|cobaya\w*|cochon d inde|meerschweinchen|"
    r"porcellin\w*|porquinho\w*|cavia\w*|chinchilla\w*|degu\w*|ferret\w*|furet\w*|frettchen|furett\w*|"
    r"budgie\w*|perruche\w*|wellensittich\w*|cocorit\w*|periquito\w*|parkiet\w*|rat|rats|ratte|"
    r"raton|souris|maus|topolino|rato|muis)\b"
)


# "qué grosor tiene la esterilla?", "quanta autonomia ha la batteria": a property of the product asked with a
# question word a few words before, not whether the shop has it ("¿tienen la esterilla?"). The having verb
# before an article is blanked.
HAVING = frozenset(words("tienen teneis tiene avete tem teem"))
PROPERTY_QUESTION_WORDS = frozenset(
    words(
        "que q cual cuales cuanto cuanta cuantos cuantas quale quali quanto quanta quanti quante qual "
        "quais quantos quantas"
    )
)
_PROPERTY_ASKED_BEFORE = 4


def _property_asked_positions(message_words: tuple[str, ...]) -> frozenset[int]:
    return frozenset(
        at
        for at, word in enumerate(message_words[:-1])
        if word in HAVING
        and message_words[at + 1] in GAP_OPENERS
        and not PROPERTY_QUESTION_WORDS.isdisjoint(message_words[max(0, at - _PROPERTY_ASKED_BEFORE) : at])
    )


# "l'ampli marche en 110V ?", "funciona em 220 volts?": the mains a device works on, not a variant in stock.
_WORKS_ON_A_VOLTAGE = re.compile(
    r"(?:^|(?<= ))(?:work|works|run|runs|marche|fonctionne|funciona|funcionan|funcionam|funktioniert|lauft|"
    r"laufen|geht|funziona|funzionano|werkt|werken)(?: \w+){0,2}? \d+ ?(?:v|volt|volts|vac)\b"
)


def _voltage_positions(message_words: tuple[str, ...]) -> frozenset[int]:
    return _span_positions(_WORKS_ON_A_VOLTAGE, message_words)


# "can I send the logo as .ai?", "je peux envoyer mon logo en PDF ?": a file the shopper sends is no
# shipment; "I don't know if this message arrives", "não sei se esta mensagem chega", "je ne sais pas comment
# on envoie ces textos": the message arriving or sent is no parcel. A sending verb a few words from a file,
# or a sending or arriving verb next to a message, is blanked (what the message says, "delivered", is not).
FILES = frozenset(
    words(
        "logo logos file files pdf pdfs png jpg jpeg svg eps psd tiff tif vector artwork mockup archivo "
        "archivos fichier fichiers datei dateien ficheiro ficheiros arquivo arquivos bestand bestanden "
        "vectorial vettoriale vetorial vectoriel"
    )
)
MESSAGES = frozenset(
    words(
        "message messages msg texts sms textos mensaje mensajes mensagem mensagens messaggio messaggi "
        "nachricht nachrichten bericht berichten berichtje berichtjes whatsapp"
    )
)
_FILE_REACH = 3
_MESSAGE_REACH = 2
_SENDING = re.compile(
    r"(?:send\w*|sent|envo\w*|envi\w*|mand\w*|schick\w*|verschick\w*|versend\w*|senden|sende|stuur\w*|"
    r"sturen|opsturen|verstuur\w*|invi\w*)"
)
_ARRIVING = re.compile(
    r"(?:arriv\w*|lleg\w*|cheg\w*|aankom\w*|aan|ankomm\w*|ankommt|an|kommt|komt|get|gets|got|"
    r"receiv\w*|recib\w*|recev\w*|receb\w*|ricev\w*|ontvang\w*|erhalt\w*|bekomm\w*)"
)


def _sent_not_shipped_positions(message_words: tuple[str, ...]) -> frozenset[int]:
    spoiled: set[int] = set()
    verbs: tuple[re.Pattern[str], ...]
    for at, word in enumerate(message_words):
        if word in FILES:
            reach, verbs = _FILE_REACH, (_SENDING,)
        elif word in MESSAGES:
            reach, verbs = _MESSAGE_REACH, (_SENDING, _ARRIVING)
        else:
            continue
        for near in range(max(0, at - reach), min(len(message_words), at + reach + 1)):
            if any(verb.fullmatch(message_words[near]) for verb in verbs):
                spoiled.add(near)
    return frozenset(spoiled)


# "komt de parmaham echt uit Italië?", "kommt der Schinken aus Italien?": where a product comes from, not a
# release ("komt de nieuwe kleur uit?"); the "from" before a country is blanked.
FROM_A_PLACE = wordset("uit aus")


def _origin_positions(message_words: tuple[str, ...]) -> frozenset[int]:
    return frozenset(
        at
        for at, word in enumerate(message_words)
        if word in FROM_A_PLACE and countries_named(message_words[at + 1 : at + 4])
    )


# "whats my gift card balance", "cuánto saldo me queda en la tarjeta regalo", "le solde de ma carte cadeau",
# "Guthaben auf meinem Gutschein": what is left on a gift card is no discount, size or return (a person
# answers); the words from the balance to the card are blanked.
_BALANCE = r"(?:balance|saldo|solde|guthaben|restguthaben|credito|tegoed)"
_GIFT_CARD = (
    r"(?:gift ?cards?|gift ?vouchers?|tarjetas? (?:de )?regalo|cartes? cadeaux?|gutscheine?s?|"
    r"geschenkkarten?|carta regalo|buono regalo|vale presente|cartao presente|cartao de presente|cadeaubon|"
    r"cadeaukaart)"
)
_GIFT_CARD_BALANCE = re.compile(
    rf"(?:^|(?<= )){_BALANCE}(?: \w+){{0,5}}? {_GIFT_CARD}\b"
    rf"|(?:^|(?<= )){_GIFT_CARD}(?: \w+){{0,3}}? {_BALANCE}\b"
)


def _gift_card_balance_positions(message_words: tuple[str, ...]) -> frozenset[int]:
    return _span_positions(_GIFT_CARD_BALANCE, message_words)


def masked_words(text: Text, language: str) -> tuple[str, ...]:
    """The message's words with its false friends, an order with another shop, a duration the product
    takes, a device it works with, how it comes (assembled), what it works on (a slope, a hob) and the
    measure of what it is for, a service asked about, a baby's age in months and a file or message sent
    blanked out, for every matcher that runs after."""
    spoiled = (
        false_friend_positions(text.words, language)
        | _another_shop_positions(text.words)
        | _product_duration_positions(text.words)
        | _device_compatibility_positions(text.words)
        | _assembled_positions(text.words)
        | _works_on_positions(text.words)
        | _voltage_positions(text.words)
        | _property_asked_positions(text.words)
        | _thing_measured_positions(text.words)
        | _service_positions(text.words)
        | _service_at_delivery_positions(text.words)
        | _instalment_positions(text.words)
        | _worn_size_positions(text.words)
        | _infant_age_positions(text.words)
        | _letters_room_positions(text.words)
        | _sent_not_shipped_positions(text.words)
        | _origin_positions(text.words)
        | _gift_card_balance_positions(text.words)
    )
    return tuple("" if i in spoiled else w for i, w in enumerate(text.words))


def lexicon_find(
    message_words: tuple[str, ...],
    *,
    intents: tuple[str, ...],
    language: str,
    overrides: dict[str, list[str]] | None = None,
    context: bool | None = None,
) -> LexiconHit | None:
    """The first lexicon word of these intents found in the message, in any language (typos: its own).
    `context`: True looks only at context words, False only at the others, None at all of them."""
    overrides = overrides or {}
    for intent in intents:
        for term_language in LANGUAGES:
            terms = (
                tuple(overrides[term_language])
                if term_language in overrides
                else lexicon_terms(intent, term_language)
            )
            if context is not None:
                terms = _of_kind(terms, intent, context=context)
            hit = _find_terms(
                message_words, terms, intent, term_language, loose=term_language in (language, "en")
            )
            if (
                hit
                and not _owned_elsewhere(hit, intent)
                and (context is not False or not said_is_context(hit.said, hit.intent, message_words, hit.at))
            ):
                return hit
    return None


@lru_cache(maxsize=4096)
def _of_kind(terms: tuple[str, ...], intent: str, *, context: bool) -> tuple[str, ...]:
    return tuple(term for term in terms if is_context_word(term, intent) == context)


def said_is_context(said: str, intent: str, message_words: tuple[str, ...], at: int) -> bool:
    """What the shopper wrote (at `at` in the message) is a context word, whatever term or keyword it
    matched ("sizing" found as "size"), or a size noun naming a size ("size 9", "my size")."""
    if said in CONTEXT_WORDS.get(intent, frozenset()):
        return True
    return at >= 0 and _names_a_size(message_words, at)


def names_a_size(said: str, message_words: tuple[str, ...]) -> bool:
    """The shopper's word is a size noun that names a size somewhere in the message ("talla 40")."""
    return said in SIZE_NOUNS and any(
        word == said and _names_a_size(message_words, at) for at, word in enumerate(message_words)
    )


def _names_a_size(message_words: tuple[str, ...], at: int) -> bool:
    if message_words[at] not in SIZE_NOUNS:
        return False
    after = message_words[at + 1] if at + 1 < len(message_words) else ""
    before = message_words[at - 1] if at > 0 else ""
    # "tamaño de viaje", "travel size", "king size": a variant of the product, not the shopper's size
    variant = not SIZE_QUALIFIERS.isdisjoint(message_words[max(0, at - 1) : at + 3])
    return is_size(after) or before in POSSESSIVES or variant


@cache
def _exact_owners() -> dict[str, frozenset[str]]:
    """Each one-word lexicon term (any language) and the intents it is written under."""
    owners: dict[str, set[str]] = {}
    for intent, table in LEXICON.items():
        for terms in table.values():
            for term in terms:
                if " " not in term:
                    owners.setdefault(term, set()).add(intent)
    return {term: frozenset(intents) for term, intents in owners.items()}


def _owned_elsewhere(hit: LexiconHit, intent: str) -> bool:
    """A word written as-is under another intent is that intent's, not a stem or typo of this one:
    Dutch "leverbaar" (in stock) shares its stem with "geleverd" (delivered) but is a stock word."""
    if " " in hit.said or hit.said == hit.term:
        return False
    owners = _exact_owners().get(hit.said, frozenset())
    return bool(owners) and intent not in owners


@dataclass(frozen=True)
class _Term:
    """A lexicon term made ready for one language and one way of comparing (loose or exact)."""

    term: str
    words: tuple[str, ...]
    wanted: tuple[str, ...]  # stems, or plain words, with gaps and slots in place
    by_stem: bool
    gapped: bool
    slotted: bool


@lru_cache(maxsize=4096)
def _prepared(intent: str, language: str, terms: tuple[str, ...], *, loose: bool) -> tuple[_Term, ...]:
    prepared = []
    for term, term_stems in _compiled(intent, language, terms):
        term_words = _term_words(term)
        by_stem = term not in AS_WRITTEN and (
            loose or all(len(s) >= CROSS_LANGUAGE_STEM_LETTERS for s in term_stems if s != GAP)
        )
        wanted = term_stems if by_stem else tuple(_plain(w) for w in term_words)
        slotted = any(w in _SLOT_TOKENS for w in wanted)
        prepared.append(_Term(term, term_words, wanted, by_stem, GAP in wanted, slotted))
    return tuple(prepared)


def _find_terms(message_words, terms, intent, language, *, loose: bool) -> LexiconHit | None:
    """Loose (stems, a typo) for the text's own language and English; exact words for the others, where a
    shared stem is more often a coincidence ("sold" and French "solde") than the same word."""
    stemmed = _stems(message_words, language)
    plain = tuple(_plain(w) for w in message_words)
    present = frozenset(stemmed) | frozenset(plain)
    # Whole words first: "versandkosten" is the word said, not "versand" inside it.
    for prepared in _prepared(intent, language, tuple(terms), loose=loose):
        wanted = prepared.wanted
        said = stemmed if prepared.by_stem else plain
        if prepared.gapped:
            found = _gapped_find(said, message_words, wanted)
            if found:
                return LexiconHit(intent, language, prepared.term, found)
            continue
        size = len(wanted)
        typo = loose and size == 1 and prepared.by_stem
        if not typo and not prepared.slotted and wanted[0] not in present:
            continue
        for start in range(len(message_words) - size + 1):
            window = message_words[start : start + size]
            if "" in window:
                continue
            fits = (
                _window_fits(said[start : start + size], window, wanted)
                if prepared.slotted
                else said[start : start + size] == wanted
            )
            if fits or (typo and _typo_of(window[0], prepared.words[0])):
                return LexiconHit(intent, language, prepared.term, " ".join(window), start)
    if language in COMPOUND_LANGUAGES:
        for term, _ in _compiled(intent, language, tuple(terms)):
            for word in message_words:
                if word and " " not in term and term not in AS_WRITTEN and _compound_of(word, term):
                    return LexiconHit(intent, language, term, word)
    return None


def _window_fits(said: tuple[str, ...], window: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    return all(
        _fits_slot(want, word) if want in _SLOT_TOKENS else have == want
        for have, word, want in zip(said, window, wanted, strict=True)
    )


def _gapped_find(said: tuple[str, ...], message_words: tuple[str, ...], wanted: tuple[str, ...]) -> str:
    """What the shopper wrote for a phrase with gaps ("habt ihr die jacke noch"), or ""."""
    for start in range(len(said)):
        end = _gapped_end(said, message_words, wanted, start)
        if end is not None:
            return " ".join(message_words[start:end])
    return ""


def _gapped_end(said, message_words, wanted, at: int) -> int | None:
    if not wanted:
        return at
    if wanted[0] == GAP:
        if at < len(message_words) and not _opens_a_gap(message_words[at]):
            return _gapped_end(said, message_words, wanted[1:], at)
        # a colour or a measure names the thing further and takes no room: "have [the sage green blazer] in a
        # size 10", "gibts [die 45 cm Kette] wieder"
        free = _names_further(message_words[at : at + GAP_WORDS + 4])
        for skip in range(GAP_WORDS + free + 1):
            end = _gapped_end(said, message_words, wanted[1:], at + skip)
            if end is not None:
                return end
        return None
    if at >= len(said) or not message_words[at]:
        return None
    if not (_fits_slot(wanted[0], message_words[at]) if wanted[0] in _SLOT_TOKENS else said[at] == wanted[0]):
        return None
    return _gapped_end(said, message_words, wanted[1:], at + 1)


def _names_further(gap: tuple[str, ...]) -> int:
    """How many of a gap's words are colours, numbers or product codes ("12-53s", "29x2.2") and units after
    a number ("45 cm")."""
    return sum(
        is_colour(word)
        or any(letter.isdigit() for letter in word)
        or (word in UNITS and at > 0 and gap[at - 1][-1:].isdigit())
        for at, word in enumerate(gap)
    )


def _compound_of(said: str, term: str) -> bool:
    if len(term) < COMPOUND_MIN_LETTERS or len(said) < len(term) + COMPOUND_REST:
        return False
    return said.startswith(term) or said.endswith(term)


def _plain(word: str) -> str:
    """A word without its plural "s": exact matching that still takes "envios" for "envio"."""
    return word[:-1] if len(word) > 4 and word.endswith("s") else word


def _typo_of(said: str, term: str) -> bool:
    if said in NOT_TYPOS:
        return False
    if len(term) < TYPO_MIN_LETTERS or said[:1] != term[:1] or abs(len(said) - len(term)) > 1:
        return False
    return OSA.distance(said, term, score_cutoff=1) <= 1
