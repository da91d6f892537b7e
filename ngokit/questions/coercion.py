"""Coercion: what people and spreadsheets type turned into the typed value a question wants,
or a message saying what is wrong.

Text is read as people mean it (``ngokit.questions.interpret``): amounts with separators and
a currency, percentages, fractions, local dates, choices by their label or with a typing
slip, country names in many languages. When the reading is worth showing ("UAH 5 000" →
UAH 5,000), it is noted, so that the wizard, ``ngokit check`` and the batch pre-flight can
say what they understood.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from ngokit import locales
from ngokit.i18n import _
from ngokit.questions import interpret
from ngokit.questions.interpret import Unreadable
from ngokit.questions.questionnaire import Question

# Characters a Word file cannot hold, and the C1 controls and DEL, which it can but which no
# one types (they are terminal commands, or the trace of a wrong encoding).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_YES = frozenset({"yes", "y", "true", "1", "on", "oui", "si", "sí", "ja"})
_NO = frozenset({"no", "n", "false", "0", "off", "non", "nein"})

MAX_DIGITS = 15
"""The largest number an answer may hold has this many digits before the point (a trillion
in any currency is far beyond a network's budget; more is a typing slip or an attack)."""
FIRST_DAY, LAST_DAY = date(1980, 1, 1), date(2107, 12, 31)
"""The dates a kit can carry: a zip file (and so a Word file) cannot record others."""


class Invalid(Exception):
    """Raised by a coercer; the message says what is wrong with the value."""


@dataclass(frozen=True)
class Interpretation:
    """How an answer was read, when that is worth showing: ``'UAH 5 000' → UAH 5,000``."""

    question: str
    typed: str
    understood: str

    def __str__(self) -> str:
        return f"{self.question}: {self.typed!r} → {self.understood}"


@dataclass
class Context:
    """What reading answers needs besides a question: the kit's languages, and where the
    readings worth showing are noted."""

    languages: tuple[str, ...]
    notes: list[Interpretation] = field(default_factory=list)


@dataclass(frozen=True)
class _Reader:
    """One answer being read: its question, the earlier answers and the context."""

    question: Question
    values: Mapping[str, Any]
    context: Context

    @property
    def locale(self) -> str:
        return locales.network_locale(self.values.get("language"), self.values.get("country"))

    @property
    def currency(self) -> str | None:
        return self.values.get("currency")

    def note(self, typed: Any, understood: str) -> None:
        self.context.notes.append(Interpretation(self.question.name, str(typed), understood))


def coerce(question: Question, value: Any, values: Mapping[str, Any], context: Context) -> Any:
    """Return the value typed for a question, normalised, or raise Invalid with the message."""
    _check_shape(question, value)
    try:
        result = _COERCERS[question.type](_Reader(question, values, context), value)
    except Unreadable as exc:
        raise Invalid(str(exc)) from None
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


def _text(reader: _Reader, value: Any) -> str:
    if not isinstance(value, (str, int, float, Decimal, date)) or isinstance(value, bool):
        raise Invalid(_("must be text"))
    bad = _XML_ILLEGAL.search(str(value))
    if bad:
        raise Invalid(
            _("contains a control character (code {0}) at position {1}; retype the text "
              "without it").format(hex(ord(bad.group())), bad.start() + 1)
        )  # fmt: skip
    text = " ".join(str(value).split())
    if len(text) > reader.question.max_length:
        raise Invalid(_("is too long: at most {0} characters").format(reader.question.max_length))
    return text


def _integer(reader: _Reader, value: Any) -> int:
    number = _number(value, lambda text: interpret.read_whole_number(text, reader.locale), reader)
    if number != number.to_integral_value():
        raise Invalid(_("must be a whole number (got {0})").format(value))
    return int(number)


def _money(reader: _Reader, value: Any) -> Decimal:
    number = _number(value, lambda text: interpret.read_amount(text, reader.locale, reader.currency), reader)
    if number < 0:
        raise Invalid(_("must not be negative"))
    return number.normalize() if number != number.to_integral_value() else Decimal(int(number))


def _number(value: Any, read: Callable[[str], interpret.Reading], reader: _Reader) -> Decimal:
    if isinstance(value, bool):
        raise Invalid(_("must be a number (got {0})").format(value))
    if isinstance(value, (int, float, Decimal)):
        number = Decimal(str(value))
    else:
        text = str(value).strip()
        if len(text) > 60:
            raise Invalid(_("must be a number, written in at most 60 characters"))
        reading = read(text)
        number = Decimal(str(reading.value))
        if reading.worth_showing and number.is_finite():
            reader.note(text, _shown_number(reader, number))
    if not number.is_finite():
        raise Invalid(_("must be a number (got {0!r})").format(value))
    if number and number.adjusted() >= MAX_DIGITS:
        raise Invalid(_("is too large: at most {0} digits").format(MAX_DIGITS))
    if number and number.adjusted() < -MAX_DIGITS:
        raise Invalid(_("is too small to be an amount (got {0})").format(value))
    return number


def _shown_number(reader: _Reader, number: Decimal) -> str:
    language = reader.values.get("language") or "en"
    if reader.question.type == "money" and reader.currency and number.adjusted() < MAX_DIGITS:
        return locales.format_money(number, reader.currency, language)
    return locales.format_number(number, language) if number.adjusted() < MAX_DIGITS else str(number)


def _yesno(reader: _Reader, value: Any) -> bool:
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


def _choice(reader: _Reader, value: Any) -> str:
    choices = [(c.value, c.label, c.also) for c in reader.question.choices]
    reading = interpret.match_choice(str(value), choices)
    if reading.worth_showing:
        label = next(c.label for c in reader.question.choices if c.value == reading.value)
        reader.note(value, f"{label} ({reading.value})")
    return str(reading.value)


def _multichoice(reader: _Reader, value: Any) -> tuple[str, ...]:
    items = value if isinstance(value, (list, tuple)) else str(value).split(",")
    chosen = [_choice(reader, item) for item in items if str(item).strip()]
    if not chosen and reader.question.required:
        raise Invalid(_("choose at least one of: {0}").format(", ".join(reader.question.choice_values)))
    return tuple(v for v in reader.question.choice_values if v in chosen)


def _country(reader: _Reader, value: Any) -> str:
    text = str(value).strip()
    code = locales.find_country(text)
    if code is None:
        raise Invalid(_country_problem(text))
    if text.upper() != code:
        reader.note(text, f"{locales.country_name(code)} ({code})")
    return code


def _country_problem(text: str) -> str:
    candidates = locales.countries_named(text)
    if len(candidates) > 1:
        named = _(" or ").join(f"{locales.country_name(c)} ({c})" for c in candidates)
        return _("{0!r} could be {1}: type the two-letter code of the one you mean").format(text, named)
    near = locales.country_near(text)
    hint = _(" (did you mean {0}?)").format(locales.country_name(near)) if near else ""
    return _("{0!r} is not a country; use its two-letter ISO code, e.g. KE for Kenya").format(text) + hint


def _language(reader: _Reader, value: Any) -> str:
    text = str(value).strip().replace("_", "-")
    for language in reader.context.languages:
        if text.casefold() == language.casefold():
            return language
    raise Invalid(_("the kit has no text in {0!r} yet; available: {1}").format(
        text, ", ".join(reader.context.languages)))  # fmt: skip


def _currency(reader: _Reader, value: Any) -> str:
    code = str(value).strip().upper()
    if not locales.is_currency(code):
        raise Invalid(_("{0!r} is not an ISO 4217 currency code, e.g. KES, USD, EUR").format(value))
    return code


def _month(reader: _Reader, value: Any) -> int:
    named = locales.month_number(str(value))
    if named is not None:
        return named
    try:
        month = _integer(reader, value)
    except Invalid:
        month = 0
    if not 1 <= month <= 12:
        raise Invalid(_("must be a month: 1 to 12 or a name such as July (got {0!r})").format(value))
    return month


def _date(reader: _Reader, value: Any) -> date:
    day = _calendar_date(reader, value)
    if not FIRST_DAY <= day <= LAST_DAY:
        raise Invalid(_("must be a date between {0} and {1} (got {2})").format(FIRST_DAY.year, LAST_DAY.year, day))
    return day


def _calendar_date(reader: _Reader, value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    reading = interpret.read_date(str(value), reader.locale)
    day = reading.value
    assert isinstance(day, date)
    if reading.worth_showing:
        reader.note(value, locales.format_long_date(day, reader.values.get("language") or "en"))
    return day


_COERCERS: dict[str, Callable[[_Reader, Any], Any]] = {
    "text": _text, "integer": _integer, "money": _money, "yesno": _yesno, "choice": _choice,
    "multichoice": _multichoice, "country": _country, "language": _language,
    "currency": _currency, "month": _month, "date": _date,
}  # fmt: skip
