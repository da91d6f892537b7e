"""Coercion: what people and spreadsheets type (``"yes"``, ``5000.0``, ``"July"``, ``"Kenia"``)
turned into the typed value a question wants, or a message saying what is wrong."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from ngokit import locales
from ngokit.i18n import _
from ngokit.questions.questionnaire import Question

# Characters a Word file cannot hold, and the C1 controls and DEL, which it can but which no
# one types (they are terminal commands, or the trace of a wrong encoding).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_YES = frozenset({"yes", "y", "true", "1", "on", "oui", "si", "sí", "ja"})
_NO = frozenset({"no", "n", "false", "0", "off", "non", "nein"})


class Invalid(Exception):
    """Raised by a coercer; the message says what is wrong with the value."""


@dataclass(frozen=True)
class Context:
    languages: tuple[str, ...]


MAX_DIGITS = 15
"""The largest number an answer may hold has this many digits before the point (a trillion
in any currency is far beyond a network's budget; more is a typing slip or an attack)."""
FIRST_DAY, LAST_DAY = date(1980, 1, 1), date(2107, 12, 31)
"""The dates a kit can carry: a zip file (and so a Word file) cannot record others."""


def coerce(question: Question, value: Any, values: Mapping[str, Any], context: Context) -> Any:
    """Return the value typed for a question, normalised, or raise Invalid with the message."""
    _check_shape(question, value)
    result = _COERCERS[question.type](question, value, context)
    _check_bounds(question, result, values)
    return result


def _check_shape(question: Question, value: Any) -> None:
    """Refuse structures where an answer is one value (or, for a multichoice, a flat list)."""
    if isinstance(value, dict):
        raise Invalid(_("must be one answer, not a list of names and values"))
    if isinstance(value, (list, tuple)):
        if question.type != "multichoice":
            raise Invalid(_("must be one answer, not a list"))
        if any(isinstance(item, (list, tuple, dict)) for item in value):
            raise Invalid(_("must be a list of choices, one per line or separated by commas"))
        if len(value) > 100:
            raise Invalid(_("has more than 100 items"))


def _check_bounds(question: Question, value: Any, values: Mapping[str, Any]) -> None:
    if not isinstance(value, (int, Decimal)) or isinstance(value, bool):
        return
    low, high = question.bound("min", values), question.bound("max", values)
    if low is not None and value < low:
        raise Invalid(_("must be at least {0} (got {1})").format(low, value))
    if high is not None and value > high:
        raise Invalid(_("must be at most {0} (got {1})").format(high, value))


def _text(question: Question, value: Any, context: Context) -> str:
    if not isinstance(value, (str, int, float, Decimal, date)) or isinstance(value, bool):
        raise Invalid(_("must be text"))
    bad = _XML_ILLEGAL.search(str(value))
    if bad:
        raise Invalid(
            _("contains a control character (code {0}) at position {1}; retype the text "
              "without it").format(hex(ord(bad.group())), bad.start() + 1)
        )  # fmt: skip
    text = " ".join(str(value).split())
    if len(text) > question.max_length:
        raise Invalid(_("is too long: at most {0} characters").format(question.max_length))
    return text


def _integer(question: Question, value: Any, context: Context) -> int:
    number = _number(value)
    if number != number.to_integral_value():
        raise Invalid(_("must be a whole number (got {0})").format(value))
    return int(number)


def _money(question: Question, value: Any, context: Context) -> Decimal:
    number = _number(value)
    if number < 0:
        raise Invalid(_("must not be negative"))
    return number.normalize() if number != number.to_integral_value() else Decimal(int(number))


def _number(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise Invalid(_("must be a number (got {0})").format(value))
    text = str(value).strip().replace(" ", "").replace("\u00a0", "").replace("_", "")
    if len(text) > 60:
        raise Invalid(_("must be a number, written in at most 60 characters"))
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise Invalid(_("must be a number (got {0!r})").format(value)) from None
    if not number.is_finite():
        raise Invalid(_("must be a number (got {0!r})").format(value))
    if number and number.adjusted() >= MAX_DIGITS:
        raise Invalid(_("is too large: at most {0} digits").format(MAX_DIGITS))
    if number and number.adjusted() < -MAX_DIGITS:
        raise Invalid(_("is too small to be an amount (got {0})").format(value))
    return number


def _yesno(question: Question, value: Any, context: Context) -> bool:
    if isinstance(value, bool):
        return value
    word = str(value).strip().casefold()
    if word.endswith(".0"):
        word = word[:-2]
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise Invalid(_("must be yes or no (got {0!r})").format(value))


def _choice(question: Question, value: Any, context: Context) -> str:
    text = str(value).strip()
    for choice in question.choices:
        if text.casefold() in (choice.value.casefold(), choice.label.casefold()):
            return choice.value
    allowed = ", ".join(question.choice_values)
    raise Invalid(_("{0!r} is not one of the choices: {1}").format(text, allowed))


def _multichoice(question: Question, value: Any, context: Context) -> tuple[str, ...]:
    items = value if isinstance(value, (list, tuple)) else str(value).split(",")
    chosen = [_choice(question, item, context) for item in items if str(item).strip()]
    if not chosen and question.required:
        raise Invalid(_("choose at least one of: {0}").format(", ".join(question.choice_values)))
    return tuple(v for v in question.choice_values if v in chosen)


def _country(question: Question, value: Any, context: Context) -> str:
    code = locales.find_country(str(value))
    if code is None:
        raise Invalid(_("{0!r} is not a country; use its two-letter ISO code, e.g. KE for "
                         "Kenya").format(value))  # fmt: skip
    return code


def _language(question: Question, value: Any, context: Context) -> str:
    text = str(value).strip().replace("_", "-")
    for language in context.languages:
        if text.casefold() == language.casefold():
            return language
    raise Invalid(_("the kit has no text in {0!r} yet; available: {1}").format(
        text, ", ".join(context.languages)))  # fmt: skip


def _currency(question: Question, value: Any, context: Context) -> str:
    code = str(value).strip().upper()
    if not locales.is_currency(code):
        raise Invalid(_("{0!r} is not an ISO 4217 currency code, e.g. KES, USD, EUR").format(value))
    return code


def _month(question: Question, value: Any, context: Context) -> int:
    named = locales.month_number(str(value))
    if named is not None:
        return named
    try:
        month = _integer(question, value, context)
    except Invalid:
        month = 0
    if not 1 <= month <= 12:
        raise Invalid(_("must be a month: 1 to 12 or a name such as July (got {0!r})").format(value))
    return month


def _date(question: Question, value: Any, context: Context) -> date:
    day = _calendar_date(value)
    if not FIRST_DAY <= day <= LAST_DAY:
        raise Invalid(_("must be a date between {0} and {1} (got {2})").format(FIRST_DAY.year, LAST_DAY.year, day))
    return day


def _calendar_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise Invalid(_("must be a date written YYYY-MM-DD (got {0!r})").format(value)) from None


_COERCERS: dict[str, Callable[[Question, Any, Context], Any]] = {
    "text": _text, "integer": _integer, "money": _money, "yesno": _yesno, "choice": _choice,
    "multichoice": _multichoice, "country": _country, "language": _language,
    "currency": _currency, "month": _month, "date": _date,
}  # fmt: skip
