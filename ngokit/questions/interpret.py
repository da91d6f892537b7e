"""What people type, read as they mean it: the one interpretation behind the wizard, answers
files and spreadsheet rows.

Amounts come with thousands separators and a currency before or after ("20,000",
"UAH 5 000", "1.000.000", "50.000 €"); shares as percentages or fractions ("50%", "2/3");
dates in the local short form ("15/01/2027"); choices by their label, with other words or a
typing slip ("planning to register", "fiscaly hosted"). When the reading is not the only
possible one (is "1.000" one thousand or one?), the network's locale decides, and the reader
says what it understood, so that a person can see it.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from ngokit import locales
from ngokit.i18n import _

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007'’]")  # spaces, no-break spaces and apostrophes group digits
_CURRENCY_WORD = re.compile(r"^([A-Za-z]{3})\b\.?|\b([A-Za-z]{3})\.?$")
_NUMBER = re.compile(r"^[+-]?[\d.,]+$")


class Unreadable(ValueError):
    """What was typed cannot be read as the question's kind of answer; the message says why."""


@dataclass(frozen=True)
class Reading:
    """A value read from what was typed, and whether the reading should be shown back."""

    value: object
    worth_showing: bool = False


def read_amount(typed: str, locale: str, currency: str | None = None) -> Reading:
    """Return the amount in a text such as ``"UAH 5 000"`` or ``"50.000 €"`` (a currency
    code or symbol may come before or after; a code other than the network's is refused)."""
    text = typed.strip()
    bare = _strip_symbols(text, locales.currency_symbols(currency, locale) if currency else set())
    match = _CURRENCY_WORD.search(bare)
    if match:
        code = (match.group(1) or match.group(2)).upper()
        if not locales.is_currency(code):
            raise Unreadable(_("must be an amount (got {0!r})").format(typed))
        if currency and code != currency:
            raise Unreadable(_("the amount is in {0}, but the network's accounts are in {1}").format(code, currency))
        bare = _CURRENCY_WORD.sub("", bare).strip()
    reading = read_number(bare, locale, locales.currency_digits(currency) if currency else 2)
    return Reading(reading.value, reading.worth_showing or bare != text)


def read_number(typed: str, locale: str, decimals: int | None = None) -> Reading:
    """Return the number in a text with the separators people use ("1 000", "1.000.000", "1,5").

    A single separator before exactly three digits ("1.000", "20,000") groups thousands when
    the answer cannot have three decimals (a whole number, an amount in a currency of two
    decimals), and is read as the locale reads it otherwise.

    Args:
        typed: what was typed.
        locale: the network's locale (see :func:`ngokit.locales.network_locale`).
        decimals: how many decimals the answer can have, when that is known.
    """
    text = _SPACES.sub("", typed.strip().rstrip("%").strip())
    if not _NUMBER.match(text):
        return _scientific(typed)
    decimal_mark, grouped = _decimal_mark(text, locale, decimals)
    digits = text if decimal_mark is None else text.replace(decimal_mark, "\0")
    digits = digits.replace(".", "").replace(",", "").replace("\0", ".")
    try:
        value = Decimal(digits)
    except InvalidOperation:
        raise Unreadable(_("must be a number (got {0!r})").format(typed)) from None
    return Reading(value, grouped or typed.strip() != digits)


def _scientific(typed: str) -> Reading:
    """Return a number written as a spreadsheet may write it ("1E+05"), or raise Unreadable."""
    try:
        value = Decimal(typed.strip())
    except InvalidOperation:
        raise Unreadable(_("must be a number (got {0!r})").format(typed)) from None
    return Reading(value, worth_showing=True)


def _decimal_mark(text: str, locale: str, decimals: int | None) -> tuple[str | None, bool]:
    """Return which of "." and "," marks decimals in a number (None: none does), and whether
    the text used separators at all."""
    marks = [c for c in text if c in ".,"]
    if not marks:
        return None, False
    last = marks[-1]
    if len(set(marks)) == 2:  # both: the last one marks the decimals, the other groups
        return last, True
    if len(marks) > 1:  # one kind, several times: it groups thousands
        return None, True
    after = len(text) - text.rindex(last) - 1
    if after != 3:  # "1,5", "20,00", "1.2345": a decimal mark
        return last, True
    if decimals is not None and decimals < 3:  # "1.000" of a currency with cents: one thousand
        return None, True
    return (last if locales.decimal_symbol(locale) == last else None), True  # the locale decides


def read_whole_number(typed: str, locale: str) -> Reading:
    """Return a whole number or percentage from "25", "1 000", "25%" or "25 %"."""
    return read_number(typed, locale, decimals=0)


def read_date(typed: str, locale: str) -> Reading:
    """Return a date written YYYY-MM-DD, or in the locale's short form ("15/01/2027")."""
    text = typed.strip()
    try:
        return Reading(date.fromisoformat(text[:10]))
    except ValueError:
        pass
    try:
        return Reading(locales.parse_short_date(text, locale), worth_showing=True)
    except ValueError:
        raise Unreadable(_("must be a date written YYYY-MM-DD (got {0!r})").format(typed)) from None


def match_choice(typed: str, choices: Iterable[tuple[str, str, tuple[str, ...]]]) -> Reading:
    """Return the value of the choice a text names: its value or label, words that stand for
    it (``also``), a label given with other words, or a close typing slip.

    Args:
        typed: what was typed.
        choices: (value, label, other words) of each choice.
    """
    key = _fold(typed)
    options = list(choices)
    for value, label, also in options:
        if key in {_fold(value), _fold(label), *(_fold(a) for a in also)}:
            return Reading(value, worth_showing=key not in (_fold(value), _fold(label)))
    within = [value for value, label, _also in options if key and (key in _fold(label) or _fold(value) in key)]
    if len(within) == 1:
        return Reading(within[0], worth_showing=True)
    names = {_fold(v): v for v, _label, _also in options} | {_fold(lab): v for v, lab, _also in options}
    close = difflib.get_close_matches(key, names, n=1, cutoff=0.8)
    if close:
        return Reading(names[close[0]], worth_showing=True)
    raise Unreadable(_no_choice(typed, options, names))


def _no_choice(typed: str, options: list[tuple[str, str, tuple[str, ...]]], names: dict[str, str]) -> str:
    allowed = ", ".join(value for value, _label, _also in options)
    near = difflib.get_close_matches(_fold(typed), names, n=1, cutoff=0.5)
    hint = _(" (did you mean {0!r}?)").format(names[near[0]]) if near else ""
    return _("{0!r} is not one of the choices: {1}").format(typed.strip(), allowed) + hint


def _fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode() or str(text)
    return " ".join(re.sub(r"[_\-/,.;:()]+", " ", plain.casefold()).split())


def _strip_symbols(text: str, signs: set[str]) -> str:
    """Return text without a currency sign before or after it: any currency symbol (€, ₴, $...)
    or one of the network currency's local signs (Ksh, R, Rp)."""
    for sign in sorted(signs, key=len, reverse=True):
        if text.casefold().startswith(sign.casefold()):
            text = text[len(sign) :]
        elif text.casefold().endswith(sign.casefold()):
            text = text[: -len(sign)]
    text = text.strip()
    while text and unicodedata.category(text[0]) == "Sc":
        text = text[1:].strip()
    while text and unicodedata.category(text[-1]) == "Sc":
        text = text[:-1].strip()
    return text
