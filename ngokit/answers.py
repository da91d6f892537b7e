"""Answers: one validation for every source (answers file, wizard, spreadsheet row).

:func:`validate_answers` walks the questionnaire in order, skips questions whose ``when`` is
false, fills defaults, coerces what people and spreadsheets type (``"yes"``, ``5000.0``,
``"July"``) and collects *every* problem before raising one :class:`AnswersError`.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from ngokit import countries
from ngokit.errors import AnswersError, Problem
from ngokit.i18n import _
from ngokit.questionnaire import Question, Questionnaire
from ngokit.yamltext import load_yaml

META_KEY = "generated_by"
"""Key of the block that ``answers.yaml`` in a built kit carries: ngokit and kit versions."""

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_YES = frozenset({"yes", "y", "true", "1", "on", "oui", "si", "sí", "ja"})
_NO = frozenset({"no", "n", "false", "0", "off", "non", "nein"})


@lru_cache(maxsize=1)
def _month_numbers() -> dict[str, int]:
    """Return month names and abbreviations in English (CLDR) → 1-12."""
    from babel.dates import get_month_names

    numbers = {}
    for width in ("wide", "abbreviated"):
        numbers.update({str(name).casefold(): int(n) for n, name in get_month_names(width, locale="en").items()})
    return numbers


@dataclass(frozen=True)
class Answers:
    """A valid, complete, read-only set of answers: question name → normalised value."""

    values: Mapping[str, Any]
    questionnaire: Questionnaire = field(repr=False, compare=False)

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    def get(self, name: str, default: Any = None) -> Any:
        """Return an answer, or ``default`` when the question did not apply."""
        return self.values.get(name, default)

    def as_dict(self) -> dict[str, Any]:
        """Return the answers as plain YAML-ready data (dates as ISO strings, money as numbers)."""
        return plain_values(self.values)


def plain_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """Return answers as plain YAML-ready data: dates as ISO strings, money as numbers."""
    return {k: _plain(v) for k, v in values.items()}


class _Invalid(Exception):
    """Raised by a coercer; the message says what is wrong with the value."""


def validate_answers(
    raw: Mapping[str, Any],
    questionnaire: Questionnaire,
    *,
    languages: tuple[str, ...] = ("en",),
    source: str = "answers",
    today: date | None = None,
    country_facts: Callable[[str, tuple[str, ...]], Mapping[str, Any]] | None = None,
) -> Answers:
    """Return valid :class:`Answers` or raise :class:`AnswersError` listing every problem.

    Args:
        raw: question name → value as typed or read from a file.
        questionnaire: the kit's questions.
        languages: the document languages the kit has text for.
        source: how to name the answers in messages (a file name, "row 7").
        today: the date used for "today" defaults (for reproducible tests).
        country_facts: country code, languages → ``country_*`` names that defaults may use
            (``country_currency``...); :func:`countries.country_facts` when not given.
    """
    problems = _unknown_keys(raw, questionnaire)
    facts_of = country_facts or countries.country_facts
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {"today": today or date.today()}
    context = _Context(languages=languages)
    for question in questionnaire:
        scope = {**extra, **values}
        if not question.applies(scope):
            continue
        try:
            value = _answer(question, raw, scope, context)
        except _Invalid as exc:
            problems.append(Problem(question.name, str(exc)))
            continue
        if value is not None:
            values[question.name] = value
        if question.type == "country" and value is not None:
            extra.update(facts_of(value, languages))
    if problems:
        raise AnswersError(problems, source)
    return Answers(MappingProxyType(values), questionnaire)


def check_value(question: Question, value: Any, values: Mapping[str, Any],
                languages: tuple[str, ...] = ("en",)) -> Any:  # fmt: skip
    """Return one answer normalised, or raise ValueError with the message a person reads.

    The wizard validates as the person types with this, so its messages are the same as the
    answers file's.
    """
    try:
        return _coerce(question, value, {"today": date.today(), **values}, _Context(languages))
    except _Invalid as exc:
        raise ValueError(str(exc)) from None


def load_answers(path: Path) -> dict[str, Any]:
    """Return the raw answers in a YAML or JSON file (validate them with validate_answers)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise AnswersError([Problem("", _("file not found"))], str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise AnswersError([Problem("", _("cannot read the file: {0}").format(exc))], str(path)) from None
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else load_yaml(text)
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        raise AnswersError([Problem("", _syntax_message(exc))], str(path)) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        message = _("the file must hold question names and answers (name: value), one per line")
        raise AnswersError([Problem("", message)], str(path))
    return data


def dump_answers(answers: Answers, meta: Mapping[str, str]) -> str:
    """Return answers as YAML that ``ngokit build`` reads back to the same kit."""
    data = {**answers.as_dict(), META_KEY: dict(meta)}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


@dataclass(frozen=True)
class _Context:
    languages: tuple[str, ...]


def _answer(question: Question, raw: Mapping[str, Any], values: Mapping[str, Any],
            context: _Context) -> Any:  # fmt: skip
    value = raw.get(question.name)
    if _is_blank(value):
        value = question.default_for(values)
        if _is_blank(value):
            if question.required:
                raise _Invalid(_("an answer is required"))
            return None
    return _coerce(question, value, values, context)


def _coerce(question: Question, value: Any, values: Mapping[str, Any], context: _Context) -> Any:
    result = _COERCERS[question.type](question, value, context)
    _check_bounds(question, result, values)
    return result


def _is_blank(value: Any) -> bool:
    """Return True for no answer; an empty list is an answer ("none of these")."""
    return value is None or (isinstance(value, str) and not value.strip())


def _unknown_keys(raw: Mapping[str, Any], questionnaire: Questionnaire) -> list[Problem]:
    problems = []
    for key in raw:
        if key == META_KEY or key in questionnaire.names:
            continue
        close = difflib.get_close_matches(str(key), questionnaire.names, n=1)
        hint = _(" (did you mean {0}?)").format(close[0]) if close else ""
        problems.append(Problem(str(key), _("not a question of this kit") + hint))
    return problems


def _check_bounds(question: Question, value: Any, values: Mapping[str, Any]) -> None:
    if not isinstance(value, (int, Decimal)) or isinstance(value, bool):
        return
    low, high = question.bound("min", values), question.bound("max", values)
    if low is not None and value < low:
        raise _Invalid(_("must be at least {0} (got {1})").format(low, value))
    if high is not None and value > high:
        raise _Invalid(_("must be at most {0} (got {1})").format(high, value))


def _text(question: Question, value: Any, context: _Context) -> str:
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise _Invalid(_("must be text"))
    bad = _XML_ILLEGAL.search(str(value))
    if bad:
        raise _Invalid(
            _("contains a control character (code {0}) at position {1} that a Word file "
              "cannot hold; retype the text").format(hex(ord(bad.group())), bad.start() + 1)
        )  # fmt: skip
    text = " ".join(str(value).split())
    if len(text) > question.max_length:
        raise _Invalid(_("is too long: at most {0} characters").format(question.max_length))
    return text


def _integer(question: Question, value: Any, context: _Context) -> int:
    number = _number(value)
    if number != number.to_integral_value():
        raise _Invalid(_("must be a whole number (got {0})").format(value))
    return int(number)


def _money(question: Question, value: Any, context: _Context) -> Decimal:
    number = _number(value)
    if number < 0:
        raise _Invalid(_("must not be negative"))
    return number.normalize() if number != number.to_integral_value() else Decimal(int(number))


def _number(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise _Invalid(_("must be a number (got {0})").format(value))
    try:
        text = str(value).strip().replace(" ", "").replace("\u00a0", "").replace("_", "")
        number = Decimal(text)
    except InvalidOperation:
        raise _Invalid(_("must be a number (got {0!r})").format(value)) from None
    if not number.is_finite():
        raise _Invalid(_("must be a number (got {0!r})").format(value))
    return number


def _yesno(question: Question, value: Any, context: _Context) -> bool:
    if isinstance(value, bool):
        return value
    word = str(value).strip().casefold()
    if word.endswith(".0"):
        word = word[:-2]
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise _Invalid(_("must be yes or no (got {0!r})").format(value))


def _choice(question: Question, value: Any, context: _Context) -> str:
    text = str(value).strip()
    for choice in question.choices:
        if text.casefold() in (choice.value.casefold(), choice.label.casefold()):
            return choice.value
    allowed = ", ".join(question.choice_values)
    raise _Invalid(_("{0!r} is not one of the choices: {1}").format(text, allowed))


def _multichoice(question: Question, value: Any, context: _Context) -> tuple[str, ...]:
    items = value if isinstance(value, (list, tuple)) else str(value).split(",")
    chosen = [_choice(question, item, context) for item in items if str(item).strip()]
    if not chosen and question.required:
        raise _Invalid(_("choose at least one of: {0}").format(", ".join(question.choice_values)))
    return tuple(v for v in question.choice_values if v in chosen)


def _country(question: Question, value: Any, context: _Context) -> str:
    code = countries.find_country(str(value))
    if code is None:
        raise _Invalid(_("{0!r} is not a country; use its two-letter ISO code, e.g. KE for "
                         "Kenya").format(value))  # fmt: skip
    return code


def _language(question: Question, value: Any, context: _Context) -> str:
    text = str(value).strip().replace("_", "-")
    for language in context.languages:
        if text.casefold() == language.casefold():
            return language
    raise _Invalid(_("the kit has no text in {0!r} yet; available: {1}").format(
        text, ", ".join(context.languages)))  # fmt: skip


def _currency(question: Question, value: Any, context: _Context) -> str:
    code = str(value).strip().upper()
    if not countries.is_currency(code):
        raise _Invalid(_("{0!r} is not an ISO 4217 currency code, e.g. KES, USD, EUR").format(value))
    return code


def _month(question: Question, value: Any, context: _Context) -> int:
    word = str(value).strip().casefold()
    if word in _month_numbers():
        return _month_numbers()[word]
    try:
        month = _integer(question, value, context)
    except _Invalid:
        month = 0
    if not 1 <= month <= 12:
        raise _Invalid(_("must be a month: 1 to 12 or a name such as July (got {0!r})").format(value))
    return month


def _date(question: Question, value: Any, context: _Context) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise _Invalid(_("must be a date written YYYY-MM-DD (got {0!r})").format(value)) from None


_COERCERS: dict[str, Callable[[Question, Any, _Context], Any]] = {
    "text": _text, "integer": _integer, "money": _money, "yesno": _yesno, "choice": _choice,
    "multichoice": _multichoice, "country": _country, "language": _language,
    "currency": _currency, "month": _month, "date": _date,
}  # fmt: skip


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def _syntax_message(exc: Exception) -> str:
    mark = getattr(exc, "problem_mark", None)
    if mark is not None:
        where = _("line {0}, column {1}").format(mark.line + 1, mark.column + 1)
        return _("the file is not valid YAML ({0}: {1})").format(where, getattr(exc, "problem", exc))
    if isinstance(exc, json.JSONDecodeError):
        return _("the file is not valid JSON (line {0}, column {1}: {2})").format(exc.lineno, exc.colno, exc.msg)
    return _("the file is not valid YAML: {0}").format(exc)
