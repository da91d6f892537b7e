"""Languages in CLDR, through Babel: the locale of a language, the words of a language
(month, currency and language names), how it writes amounts, numbers and dates and reads
them back, and the compiling of translators' ``.po`` catalogues."""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

PSEUDO_LOCALE = "en-XA"
"""A developer locale: English with accents and brackets, proving every string is translated
(see :mod:`ngokit.i18n`); it formats numbers and dates as English."""


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


def network_locale(language: str | None, country: str | None) -> str:
    """Return the locale that reads what a network types: its documents' language as written
    in its country (``en_KE``: day first, "1,000.50"), or the language alone when CLDR has no
    such pair."""
    base = babel_locale(language or "en")
    if country and "_" not in base:
        from babel import Locale, UnknownLocaleError

        try:
            return str(Locale.parse(f"{base}_{country}"))
        except (UnknownLocaleError, ValueError):
            return base
    return base


def decimal_symbol(locale: str) -> str:
    """Return the character that marks decimals in a locale ("." or ",")."""
    from babel.numbers import get_decimal_symbol

    return str(get_decimal_symbol(_locale(locale)))


def currency_symbols(currency: str, locale: str) -> set[str]:
    """Return the signs a currency is written with in a locale, e.g. {"Ksh"} or {"₴"}."""
    from babel.numbers import get_currency_symbol

    found = {str(get_currency_symbol(currency, locale=_locale(where))) for where in (locale, "en")}
    return {sign for sign in found if sign != currency}


def currency_digits(currency: str) -> int:
    """Return how many decimals amounts in a currency have (2 for KES, 0 for JPY)."""
    from babel.numbers import get_currency_precision

    return int(get_currency_precision(currency))


def parse_short_date(text: str, locale: str) -> date:
    """Return the date in a text written in a locale's short form, e.g. "15/01/2027" in en_KE.

    Raises:
        ValueError: when the text is not a date.
    """
    from babel.dates import ParseError, parse_date

    try:
        return parse_date(text, locale=_locale(locale), format="short")  # type: ignore[no-any-return]
    except (ParseError, IndexError) as exc:
        raise ValueError(str(exc)) from None


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
