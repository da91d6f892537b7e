"""Answers: one validation for every source (answers file, wizard, spreadsheet row).

:func:`validate_answers` walks the questionnaire in order, skips questions whose ``when`` is
false, fills defaults, coerces what people and spreadsheets type (``"yes"``, ``5000.0``,
``"July"``) and collects *every* problem before raising one :class:`AnswersError`.
"""

from __future__ import annotations

import difflib
import json
import stat
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ngokit import locales
from ngokit.errors import AnswersError, Problem
from ngokit.i18n import _
from ngokit.questions.coercion import Context, Interpretation, Invalid, coerce
from ngokit.questions.questionnaire import Question, Questionnaire
from ngokit.yamltext import YAMLError, dump_yaml, load_yaml

META_KEY = "generated_by"
"""Key of the block that ``answers.yaml`` in a built kit carries: ngokit and kit versions."""
MAX_FILE_BYTES = 1024 * 1024
"""The largest answers file read: a few hundred answers take a few kilobytes."""


def utc_today() -> date:
    """Return today's date in UTC: the same kit date wherever, and in whatever time zone, it is built."""
    return datetime.now(timezone.utc).date()


ENGINE_QUESTIONS = {
    "network_name": "text", "country": "country", "language": "language", "currency": "currency",
    "kit_date": "date", "adopted_on": "date",
}  # fmt: skip
"""The questions ngokit itself reads, with their types: every kit must ask them (the engine
names the kit folder, dates and labels the documents, and writes amounts with these)."""


@dataclass(frozen=True)
class Answers:
    """A valid, complete, read-only set of answers: question name → normalised value.

    The answers the engine reads are typed properties; a kit's own answers are read by name.
    """

    values: Mapping[str, Any]
    notes: tuple[Interpretation, ...] = field(default=(), compare=False)
    """How answers were read where that is worth showing ('UAH 5 000' → UAH 5,000)."""

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    @property
    def network_name(self) -> str:
        """Return the network's full name."""
        return str(self.values["network_name"])

    @property
    def country(self) -> str:
        """Return the ISO 3166-1 code of the network's country."""
        return str(self.values["country"])

    @property
    def language(self) -> str:
        """Return the documents' language, e.g. ``en`` or ``pt-BR``."""
        return str(self.values["language"])

    @property
    def currency(self) -> str:
        """Return the ISO 4217 code of the currency amounts are written in."""
        return str(self.values["currency"])

    @property
    def kit_date(self) -> date:
        """Return the date the documents carry (and their files are stamped with)."""
        return self.values["kit_date"]  # type: ignore[no-any-return]

    @property
    def adopted_on(self) -> date | None:
        """Return the date the documents were adopted, or None for a draft."""
        return self.values.get("adopted_on")

    def get(self, name: str, default: Any = None) -> Any:
        """Return an answer, or ``default`` when the question did not apply."""
        return self.values.get(name, default)

    def as_dict(self) -> dict[str, Any]:
        """Return the answers as plain YAML-ready data (dates as ISO strings, money as Decimal)."""
        return plain_values(self.values)


def plain_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """Return answers as plain YAML-ready data: dates as ISO strings, money as exact Decimal."""
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
            (``country_currency``...); :func:`locales.country_facts` when not given.
    """
    problems = _unknown_keys(raw, questionnaire)
    facts_of = country_facts or locales.country_facts
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {"today": today or utc_today()}
    context = Context(languages=languages)
    for question in questionnaire:
        scope = {**extra, **values}
        if not question.applies(scope):
            continue
        try:
            value = _answer(question, raw.get(question.name), scope, context)
        except Invalid as exc:
            problems.append(Problem(question.name, str(exc)))
            continue
        if value is not None:
            values[question.name] = value
        if question.type == "country" and value is not None:
            extra.update(facts_of(value, languages))
    problems += check_across(questionnaire, {**extra, **values}, skip={p.field for p in problems})
    if problems:
        raise AnswersError(problems, source)
    return Answers(MappingProxyType(values), tuple(n for n in context.notes if n.question in values))


def check_across(questionnaire: Questionnaire, values: Mapping[str, Any],
                 skip: Collection[str] = ()) -> list[Problem]:  # fmt: skip
    """Return the problems the questionnaire's checks across answers find (those naming a
    field in ``skip``, which has a problem of its own, are left out)."""
    found = []
    for check in questionnaire.checks:
        if any(name in skip for name in check.fields) or check.holds(values):
            continue
        found.append(Problem(", ".join(check.fields), _(check.message)))
    return found


def answer_question(question: Question, value: Any, scope: Mapping[str, Any],
                    languages: tuple[str, ...] = ("en",), context: Context | None = None) -> Any:  # fmt: skip
    """Return the answer to one question, or raise ValueError with the message a person reads.

    The one rule for answering, the same for answers files, spreadsheet rows and the wizard:
    a blank takes the question's default; a blank without one is an error when the question
    is required, else None; anything else is coerced from what people type and checked
    against its bounds.

    Args:
        question: the question answered.
        value: what was typed or read (None or blank text for no answer).
        scope: the earlier answers and country facts that defaults and bounds may use.
        languages: the documents' languages the kit has text for.
        context: where to note how the answer was read (see :class:`Interpretation`).
    """
    try:
        return _answer(question, value, {"today": utc_today(), **scope}, context or Context(languages))
    except Invalid as exc:
        raise ValueError(str(exc)) from None


def load_answers(path: Path) -> dict[str, Any]:
    """Return the raw answers in a YAML or JSON file (validate them with validate_answers)."""
    return parse_answers(_read_bytes(path), str(path), as_json=path.suffix.lower() == ".json")


def parse_answers(data: bytes, source: str, as_json: bool = False) -> dict[str, Any]:
    """Return the raw answers in the bytes of an answers file (read from disk, or uploaded):
    at most 1 MB of UTF-8 YAML 1.2 (or JSON); raise AnswersError naming ``source`` otherwise."""
    text = _text(data, source)
    try:
        found = json.loads(text) if as_json else load_yaml(text)
    except RecursionError:
        raise AnswersError([Problem("", _("the file is nested too deeply to be answers"))], source) from None
    except (YAMLError, json.JSONDecodeError) as exc:
        raise AnswersError([Problem("", _syntax_message(exc))], source) from None
    if found is None:
        found = {}
    if not isinstance(found, dict):
        message = _("the file must hold question names and answers (name: value), one per line")
        raise AnswersError([Problem("", message)], source)
    return found


def _read_bytes(path: Path) -> bytes:
    """Return the start of an answers file: a regular file, read up to one byte past the limit."""

    def fail(message: str) -> AnswersError:
        return AnswersError([Problem("", message)], str(path))

    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise fail(_("is not a file of answers (it is a folder or a device)"))
        with path.open("rb") as stream:
            return stream.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise fail(_("file not found")) from None
    except OSError as exc:
        raise fail(_("cannot read the file: {0}").format(exc.strerror or exc)) from None


def _text(data: bytes, source: str) -> str:
    """Return an answers file's text: of sensible size, in UTF-8."""
    if len(data) > MAX_FILE_BYTES:
        message = _("the file is larger than {0} KB; an answers file takes a few KB").format(MAX_FILE_BYTES // 1024)
        raise AnswersError([Problem("", message)], source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AnswersError([Problem("", _("the file is not UTF-8 text; save it as UTF-8"))], source) from None


def dump_answers(answers: Answers, meta: Mapping[str, str]) -> str:
    """Return answers as YAML that ``ngokit build`` reads back to the same kit."""
    return dump_yaml({**answers.as_dict(), META_KEY: dict(meta)})


def _answer(question: Question, value: Any, values: Mapping[str, Any], context: Context) -> Any:
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
