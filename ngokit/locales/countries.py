"""Countries in CLDR, through Babel: codes, names in many languages, currencies and official
languages, and finding a country from what a person types ("Kenia", "Ivory Coast", "ke")."""

from __future__ import annotations

import difflib
import unicodedata
from datetime import date
from functools import lru_cache
from typing import Any

from ngokit.locales.languages import _locale

# CLDR territory codes that are not countries: regions, unions, reserved and pseudo codes.
_NOT_COUNTRIES = frozenset({"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN",
                            "XA", "XB", "ZZ"})  # fmt: skip
# Languages whose country names are also recognised, whatever the wizard's language.
_OTHER_LANGUAGES = ("fr", "es", "pt", "ru", "de", "it", "nl", "id", "sw", "ar", "uk", "tr", "th", "vi")


@lru_cache(maxsize=1)
def country_codes() -> tuple[str, ...]:
    """Return the ISO 3166-1 alpha-2 codes of every country Babel knows, sorted."""
    names = _locale("en").territories
    return tuple(sorted(c for c in names if len(c) == 2 and c.isalpha() and c not in _NOT_COUNTRIES))


def country_name(code: str, language: str = "en") -> str:
    """Return the country's name in a language, e.g. ``country_name("KE", "es") == "Kenia"``."""
    return str(_locale(language).territories.get(code) or _locale("en").territories[code])


def find_country(text: str, language: str = "en") -> str | None:
    """Return the ISO code for a code or a country's name, e.g. "Kenia", "Ivory Coast", "ke".

    Names are matched in the given language, then English, then other common languages,
    without regard to accents or case; a near miss of one English name ("Keyna") is accepted.
    """
    key = _fold(text)
    if len(key) == 2 and key.upper() in country_codes():
        return key.upper()
    if key in _AMBIGUOUS:
        return None
    for lang in (language, "en", *_OTHER_LANGUAGES):
        found = _names_index(lang).get(key)
        if found:
            return found
    close = difflib.get_close_matches(key, _names_index("en"), n=2, cutoff=0.85)
    return _names_index("en")[close[0]] if len(close) == 1 else None


def countries_named(text: str) -> tuple[str, ...]:
    """Return the countries a name could mean when it could mean several ("Congo": CG, CD)."""
    return _AMBIGUOUS.get(_fold(text), ())


def country_near(text: str) -> str | None:
    """Return the country whose English name is closest to a misspelt one, if any is close."""
    close = difflib.get_close_matches(_fold(text), _names_index("en"), n=1, cutoff=0.6)
    return _names_index("en")[close[0]] if close else None


def currencies_of(code: str, on: date | None = None) -> tuple[str, ...]:
    """Return the currencies that are legal tender in a country on a day (the first is usual)."""
    from babel.numbers import get_territory_currencies

    day = on or date.today()
    return tuple(get_territory_currencies(code, start_date=day, end_date=day, tender=True))


def is_currency(code: str) -> bool:
    """Return True for an ISO 4217 currency code that CLDR knows."""
    return code in _currency_codes()


def languages_of(code: str) -> tuple[str, ...]:
    """Return the country's official languages, most used first (CLDR)."""
    from babel.languages import get_official_languages

    return tuple(get_official_languages(code, de_facto=True))


def country_facts(code: str, languages: tuple[str, ...] = ("en",)) -> dict[str, Any]:
    """Return the ``country_*`` values that question defaults may use, from CLDR alone."""
    currencies = currencies_of(code)
    spoken = [lang for lang in languages_of(code) if lang in languages]
    return {
        "country_currency": currencies[0] if currencies else None,
        "country_currencies": list(currencies),
        "country_language": spoken[0] if spoken else None,
        "country_financial_year_start": None,
        "country_legal_forms": [],
    }


@lru_cache(maxsize=1)
def _currency_codes() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


@lru_cache(maxsize=16)
def _names_index(language: str) -> dict[str, str]:
    names = _locale(language).territories
    index = {_fold(names[c]): c for c in country_codes() if c in names}
    index.update(_ALIASES)
    return index


def _fold(text: str) -> str:
    """Return text folded for matching: no accents, no case, plain apostrophes, single spaces."""
    text = text.replace("\u2019", "'").replace("&", "and")
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode() or text
    return " ".join(plain.casefold().replace(".", "").split())


# Names that more than one country goes by: asked back, never guessed.
_AMBIGUOUS = {
    "congo": ("CG", "CD"), "the congo": ("CG", "CD"), "korea": ("KR", "KP"),
    "virgin islands": ("VG", "VI"),
}  # fmt: skip

# Common names that CLDR spells otherwise (CLDR has "Côte d’Ivoire", "Czechia", ...).
_ALIASES = {
    "ivory coast": "CI", "dr congo": "CD", "drc": "CD", "democratic republic of the congo": "CD",
    "congo kinshasa": "CD", "congo brazzaville": "CG", "republic of the congo": "CG",
    "czech republic": "CZ", "swaziland": "SZ", "burma": "MM", "east timor": "TL",
    "uk": "GB", "great britain": "GB", "england": "GB", "usa": "US", "united states of america": "US",
    "russian federation": "RU", "viet nam": "VN", "lao pdr": "LA", "laos": "LA",
    "republic of korea": "KR", "south korea": "KR", "north korea": "KP", "macedonia": "MK",
    "turkey": "TR", "cape verde": "CV", "palestine": "PS", "holland": "NL", "kirghizia": "KG",
}  # fmt: skip
