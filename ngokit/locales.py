"""What CLDR knows, through Babel: the only module that imports Babel.

Countries (codes, names in many languages, currencies, official languages), the words of a
language (month, currency and language names), and how a language writes amounts, numbers
and dates; also the compiling of translators' ``.po`` catalogues. Every ISO 3166-1 country
works from Babel alone; a kit's curated country packs add sourced facts on top (see
:mod:`ngokit.kit.packs`). Babel is imported on first use, so the wizard's first question
does not wait for it.
"""

from __future__ import annotations

import difflib
import io
import re
import unicodedata
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

PSEUDO_LOCALE = "en-XA"
"""A developer locale: English with accents and brackets, proving every string is translated
(see :mod:`ngokit.i18n`); it formats numbers and dates as English."""

# CLDR territory codes that are not countries: regions, unions, reserved and pseudo codes.
_NOT_COUNTRIES = frozenset({"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN",
                            "XA", "XB", "ZZ"})  # fmt: skip
# Languages whose country names are also recognised, whatever the wizard's language.
_OTHER_LANGUAGES = ("fr", "es", "pt", "ru", "de", "it", "nl", "id", "sw", "ar", "uk", "tr", "th", "vi")


# -- languages ---------------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _locale(language: str) -> Any:
    """Return Babel's Locale for a kit or interface language; English when Babel has none."""
    from babel import Locale, UnknownLocaleError

    if language == PSEUDO_LOCALE:
        return Locale.parse("en")
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def babel_locale(language: str) -> str:
    """Return the Babel locale identifier for a language, e.g. ``pt-BR`` → ``pt_BR``."""
    return str(_locale(language))


def is_right_to_left(language: str) -> bool:
    """Return True for a language written right to left (Arabic, Persian, Hebrew, Urdu...)."""
    return bool(_locale(language).character_order == "right-to-left")


def language_name(code: str, in_language: str) -> str:
    """Return a language's name in another language, e.g. ``("fr", "en") → "French"``."""
    return str(_locale(code).get_display_name(babel_locale(in_language)) or code)


@lru_cache(maxsize=16)
def month_names(language: str) -> dict[int, str]:
    """Return the months' names in a language, 1 to 12."""
    return {int(n): str(name) for n, name in _locale(language).months["format"]["wide"].items()}


def month_name(month: int, language: str) -> str:
    """Return the name of a month (1-12) in the language."""
    return month_names(language)[int(month)]


@lru_cache(maxsize=1)
def _english_months() -> dict[str, int]:
    english = _locale("en").months["format"]
    return {str(name).casefold(): int(n) for width in ("wide", "abbreviated") for n, name in english[width].items()}


def month_number(word: str) -> int | None:
    """Return 1-12 for an English month's name or abbreviation ("July", "jul"), else None."""
    return _english_months().get(word.strip().casefold())


def currency_name(code: str, language: str) -> str:
    """Return a currency's name in the language, e.g. ``Kenyan shilling``."""
    from babel.numbers import get_currency_name

    return str(get_currency_name(code, locale=babel_locale(language)))


# -- writing numbers, amounts and dates -----------------------------------------------------------


def format_money(amount: Decimal | int | str, currency: str, language: str) -> str:
    """Return an amount with its currency, e.g. ``KES 50,000`` or ``50 000 F CFA``."""
    from babel.numbers import format_currency

    value = Decimal(str(amount))
    locale = _locale(language)
    pattern = locale.currency_formats["standard"].pattern.split(";")[0]
    if value == value.to_integral_value():  # whole amounts read better without ".00"
        pattern = re.sub(r"\.0+", "", pattern)
    text = format_currency(value, currency, format=pattern, locale=locale, currency_digits=False)
    # CLDR's currency spacing: a symbol made of letters ("KES") is not glued to the digits.
    return re.sub(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])", "\u00a0", text)


def format_number(value: Decimal | int | str, language: str) -> str:
    """Return a number with the language's separators, e.g. ``1,000`` or ``1 000``."""
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale=_locale(language)))


def format_long_date(value: date, language: str) -> str:
    """Return a date in words, e.g. ``14 March 2025`` (``en`` uses the day-first form)."""
    from babel.dates import format_date

    locale = _locale(language)
    return str(format_date(value, "d MMMM y" if str(locale) == "en" else "long", locale=locale))


# -- countries ---------------------------------------------------------------------------------------


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
    for lang in (language, "en", *_OTHER_LANGUAGES):
        found = _names_index(lang).get(key)
        if found:
            return found
    close = difflib.get_close_matches(key, _names_index("en"), n=2, cutoff=0.85)
    return _names_index("en")[close[0]] if len(close) == 1 else None


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


# -- catalogues ------------------------------------------------------------------------------------


def compile_catalogue(po: Path) -> io.BytesIO:
    """Return a translator's ``.po`` catalogue compiled to a ``.mo`` stream, in memory."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return buffer
