"""What CLDR knows, through Babel: the only package that imports Babel.

Countries (codes, names in many languages, currencies, official languages) in
``countries``; the words of a language and how it writes and reads amounts, numbers and
dates, and translators' catalogues, in ``languages``. Every ISO 3166-1 country works from
Babel alone; a kit's curated country packs add sourced facts on top (see
:mod:`ngokit.kit.packs`). Babel is imported on first use, so the wizard's first question
does not wait for it.
"""

from ngokit.locales.countries import (
    countries_named,
    country_codes,
    country_facts,
    country_name,
    country_near,
    currencies_of,
    find_country,
    is_currency,
    languages_of,
)
from ngokit.locales.languages import (
    PSEUDO_LOCALE,
    babel_locale,
    compile_catalogue,
    currency_digits,
    currency_name,
    currency_symbols,
    decimal_symbol,
    format_long_date,
    format_money,
    format_number,
    is_right_to_left,
    language_name,
    month_name,
    month_names,
    month_number,
    network_locale,
    parse_short_date,
)

__all__ = [
    "PSEUDO_LOCALE",
    "babel_locale",
    "compile_catalogue",
    "countries_named",
    "country_codes",
    "country_facts",
    "country_name",
    "country_near",
    "currencies_of",
    "currency_digits",
    "currency_name",
    "currency_symbols",
    "decimal_symbol",
    "find_country",
    "format_long_date",
    "format_money",
    "format_number",
    "is_currency",
    "is_right_to_left",
    "language_name",
    "languages_of",
    "month_name",
    "month_names",
    "month_number",
    "network_locale",
    "parse_short_date",
]
