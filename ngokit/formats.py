"""Money, dates, numbers and names written for the documents' language (Babel/CLDR)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, get_month_names
from babel.numbers import format_currency, format_decimal, get_currency_name

from ngokit.countries import country_name as _country_name
from ngokit.i18n import PSEUDO_LOCALE


def babel_locale(language: str) -> str:
    """Return the Babel locale for a kit language (the pseudo-locale formats as English)."""
    if language == PSEUDO_LOCALE:
        return "en"
    try:
        return str(Locale.parse(language.replace("-", "_")))
    except (UnknownLocaleError, ValueError):
        return "en"


def is_right_to_left(language: str) -> bool:
    """Return True for a language written right to left (Arabic, Persian, Hebrew, Urdu...)."""
    return Locale.parse(babel_locale(language)).character_order == "right-to-left"


def format_money(amount: Any, currency: str, language: str) -> str:
    """Return an amount with its currency, e.g. ``KES 50,000`` or ``50 000 F CFA``."""
    value = Decimal(str(amount))
    locale = Locale.parse(babel_locale(language))
    pattern = locale.currency_formats["standard"].pattern.split(";")[0]
    if value == value.to_integral_value():  # whole amounts read better without ".00"
        pattern = re.sub(r"\.0+", "", pattern)
    text = format_currency(value, currency, format=pattern, locale=locale, currency_digits=False)
    # CLDR's currency spacing: a symbol made of letters ("KES") is not glued to the digits.
    return re.sub(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])", "\u00a0", text)


def format_number(value: Any, language: str) -> str:
    """Return a number with the language's separators, e.g. ``1,000`` or ``1 000``."""
    return format_decimal(value, locale=babel_locale(language))


def format_long_date(value: date, language: str) -> str:
    """Return a date in words, e.g. ``14 March 2025`` (``en`` uses the day-first form)."""
    locale = babel_locale(language)
    return format_date(value, "d MMMM y" if locale == "en" else "long", locale=locale)


def month_name(month: int, language: str) -> str:
    """Return the name of a month (1-12) in the language."""
    return str(get_month_names("wide", locale=babel_locale(language))[month])


def country_name(code: str, language: str) -> str:
    """Return a country's name in the language."""
    return _country_name(code, babel_locale(language))


def currency_name(code: str, language: str) -> str:
    """Return a currency's name in the language, e.g. ``Kenyan shilling``."""
    return get_currency_name(code, locale=babel_locale(language))
