"""Answers: one validation for every source (answers file, wizard, spreadsheet row).

:func:`validate_answers` walks the questionnaire in order, skips questions whose ``when`` is
false, fills defaults, coerces what people and spreadsheets type (``"yes"``, ``5000.0``,
``"July"``) and collects *every* problem before raising one :class:`AnswersError`.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from ngokit import countries
from ngokit.coercion import Context, Invalid, coerce
from ngokit.errors import AnswersError, Problem
from ngokit.i18n import _
from ngokit.questionnaire import Question, Questionnaire
from ngokit.yamltext import load_yaml

META_KEY = "generated_by"
"""Key of the block that ``answers.yaml`` in a built kit carries: ngokit and kit versions."""


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
    context = Context(languages=languages)
    for question in questionnaire:
        scope = {**extra, **values}
        if not question.applies(scope):
            continue
        try:
            value = _answer(question, raw, scope, context)
        except Invalid as exc:
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
        return coerce(question, value, {"today": date.today(), **values}, Context(languages))
    except Invalid as exc:
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


def _answer(question: Question, raw: Mapping[str, Any], values: Mapping[str, Any],
            context: Context) -> Any:  # fmt: skip
    value = raw.get(question.name)
    if _is_blank(value):
        value = question.default_for(values)
        if _is_blank(value):
            if question.required:
                raise Invalid(_("an answer is required"))
            return None
    return coerce(question, value, values, context)


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
