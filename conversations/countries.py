"""Countries named in a reply ("do you ship to Canada?", "¿Hacen envíos a México?") and named back.

Names come from CLDR through Babel, in our seven languages, plus the short forms people text ("USA", "UK",
"EEUU"). Names that are also ordinary words or US states (Georgia, Jersey, Chad, Turkey…) are left out:
a wrong "no, we don't ship there" is worse than a hand-off.
"""

from functools import cache

from .languages import LANGUAGES
from .nlp import words

_AMBIGUOUS = {
    "GE",  # Georgia, the US state
    "JE",  # Jersey
    "TD",  # Chad
    "JO",  # Jordan
    "TR",  # Turkey
    "IM",  # Man
    "GN",  # Guinea
    "TG",  # Togo
    "ML",  # Mali (French "mal")
    "OM",  # Oman
    "NE",  # Niger
    "CU",  # Cuba
    "IN",  # India ("in")
    "IS",  # German "Island" is Iceland, English "island" is not
}
_ALIASES = {
    "US": ("usa", "the us", "the states", "america", "eeuu", "ee uu", "estados unidos", "eua"),
    "GB": (
        "uk",
        "england",
        "britain",
        "great britain",
        "scotland",
        "wales",
        "inglaterra",
        "angleterre",
        "england",
        "inghilterra",
        "engeland",
        "reino unido",
    ),
    "NL": ("holland", "holanda", "hollande", "olanda", "nederland"),
    "CH": ("switzerland", "suisse", "schweiz", "svizzera", "suiza", "suica", "zwitserland"),
    # not German "Island" (English "island"): the other languages' names only
    "IS": ("iceland", "islandia", "islande", "islanda", "ijsland"),
    "DE": ("alemania", "allemagne", "deutschland", "germania", "alemanha", "duitsland"),
}


@cache
def _names() -> dict[tuple[str, ...], str]:
    """Folded name words -> ISO code, every language at once."""
    from babel import Locale

    table: dict[tuple[str, ...], str] = {}
    for language in LANGUAGES:
        for code, name in Locale(language).territories.items():
            if len(code) != 2 or not code.isalpha() or code in _AMBIGUOUS:
                continue
            key = tuple(words(name))
            if key:
                table.setdefault(key, code)
    for code, aliases in _ALIASES.items():
        for alias in aliases:
            table[tuple(words(alias))] = code
    return table


def countries_named(message_words: tuple[str, ...]) -> list[str]:
    """ISO codes of the countries a message names, longest names first ("estados unidos" before "unidos")."""
    names = _names()
    found: list[str] = []
    index = 0
    while index < len(message_words):
        for size in (3, 2, 1):
            key = message_words[index : index + size]
            if len(key) == size and key in names:
                if names[key] not in found:
                    found.append(names[key])
                index += size
                break
        else:
            index += 1
    return found


def country_name(code: str, language: str) -> str:
    from babel import Locale

    return Locale(language if language in LANGUAGES else "en").territories.get(code.upper(), code.upper())


def country_valid(code: str) -> bool:
    return isinstance(code, str) and len(code) == 2 and code.upper() in _all_codes()


@cache
def _all_codes() -> frozenset[str]:
    from babel import Locale

    return frozenset(
        c for c in Locale("en").territories if isinstance(c, str) and len(c) == 2 and c.isalpha()
    )
