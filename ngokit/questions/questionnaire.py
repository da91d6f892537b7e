"""The questionnaire: every question a kit asks, declared once in ``questions.yaml``.

The wizard, answers-file validation, the batch spreadsheet and ``ngokit questions`` all read
the :class:`Questionnaire` built here; none of them holds question text or logic of its own.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ngokit.errors import KitError
from ngokit.yamltext import YAMLError, load_yaml

QUESTION_TYPES = frozenset(
    {
        "text", "integer", "money", "yesno", "choice", "multichoice",
        "country", "language", "currency", "month", "date",
    }
)  # fmt: skip


@lru_cache(maxsize=1)
def _environment() -> Any:
    """Return the sandboxed Jinja environment for expressions (imported on first use: the
    wizard's first question should not wait for Jinja)."""
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment()


@lru_cache(maxsize=256)
def _compiled(source: str) -> Any:
    return _environment().compile_expression(source, undefined_to_none=True)


@dataclass(frozen=True)
class Choice:
    """One allowed value of a choice question, with the words a person reads."""

    value: str
    label: str
    help: str = ""


@dataclass(frozen=True)
class Expression:
    """A small Jinja expression over earlier answers, e.g. ``legal_status == 'registered'``."""

    source: str

    def evaluate(self, values: Mapping[str, Any]) -> Any:
        """Return the expression's value given the answers so far (missing names are None)."""
        return _compiled(self.source)(**values)


@dataclass(frozen=True)
class Question:
    """One question: what it asks, what it accepts, and when it applies."""

    name: str
    type: str
    prompt: str
    help: str
    section: str
    choices: tuple[Choice, ...] = ()
    default: Any = None
    default_from: Expression | None = None
    when: Expression | None = None
    min: int | Expression | None = None
    max: int | Expression | None = None
    max_length: int = 200
    required: bool = True
    example: Any = None
    suggestions_from: Expression | None = None

    def suggestions(self, values: Mapping[str, Any]) -> tuple[str, ...]:
        """Return answers to offer (the wizard lists them; any other text is still allowed)."""
        found = self.suggestions_from.evaluate(values) if self.suggestions_from else None
        return tuple(str(s) for s in found or ())

    @property
    def choice_values(self) -> tuple[str, ...]:
        """Return the allowed values of a choice or multichoice question."""
        return tuple(c.value for c in self.choices)

    def applies(self, values: Mapping[str, Any]) -> bool:
        """Return True when the question's ``when`` condition holds for these answers."""
        return self.when is None or bool(self.when.evaluate(values))

    def default_for(self, values: Mapping[str, Any]) -> Any:
        """Return the default answer given the answers so far, or None when there is none."""
        if self.default_from is not None:
            found = self.default_from.evaluate(values)
            if found is not None:
                return found
        return self.default

    def bound(self, which: str, values: Mapping[str, Any]) -> Any:
        """Return the ``min`` or ``max`` bound, evaluated against earlier answers."""
        limit = getattr(self, which)
        return limit.evaluate(values) if isinstance(limit, Expression) else limit


@dataclass(frozen=True)
class Section:
    """A group of questions the wizard shows together, e.g. "Members"."""

    id: str
    title: str
    questions: tuple[Question, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Questionnaire:
    """Every question of a kit, in the order they are asked."""

    sections: tuple[Section, ...]

    def __iter__(self) -> Iterator[Question]:
        for section in self.sections:
            yield from section.questions

    def __getitem__(self, name: str) -> Question:
        for question in self:
            if question.name == name:
                return question
        raise KeyError(name)

    @property
    def names(self) -> tuple[str, ...]:
        """Return every question name, in order."""
        return tuple(q.name for q in self)


def load_questionnaire(path: Path) -> Questionnaire:
    """Return the questionnaire declared in a ``questions.yaml`` file."""
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, YAMLError) as exc:
        raise KitError(f"cannot read the questionnaire {path}: {exc}") from exc
    try:
        sections = tuple(_section(s) for s in data["sections"])
    except (KeyError, TypeError, ValueError) as exc:
        raise KitError(f"{path} is not a valid questionnaire: {exc}") from exc
    _check_unique(sections, path)
    return Questionnaire(sections)


def _section(data: Mapping[str, Any]) -> Section:
    questions = tuple(_question(q, data["id"]) for q in data["questions"])
    return Section(id=data["id"], title=data["title"], questions=questions)


def _question(data: Mapping[str, Any], section: str) -> Question:
    if data["type"] not in QUESTION_TYPES:
        raise ValueError(f"question {data['name']!r} has unknown type {data['type']!r}")
    return Question(
        name=data["name"],
        type=data["type"],
        prompt=data["prompt"].strip(),
        help=data["help"].strip(),
        section=section,
        choices=tuple(_choice(c) for c in data.get("choices", ())),
        default=data.get("default"),
        default_from=_expression(data.get("default_from")),
        when=_expression(data.get("when")),
        min=_bound(data.get("min")),
        max=_bound(data.get("max")),
        max_length=data.get("max_length", 200),
        required=data.get("required", True),
        example=data.get("example"),
        suggestions_from=_expression(data.get("suggestions_from")),
    )


def _choice(data: Mapping[str, Any]) -> Choice:
    return Choice(value=str(data["value"]), label=data["label"], help=data.get("help", ""))


def _expression(source: str | None) -> Expression | None:
    """Return an expression; its syntax is checked when first used (and by the test suite)."""
    return None if source is None else Expression(source)


def check_expressions(questionnaire: Questionnaire) -> list[str]:
    """Return the syntax errors of every expression in a questionnaire (empty when all compile)."""
    from jinja2 import TemplateSyntaxError

    errors = []
    for question in questionnaire:
        for expression in (question.when, question.default_from, question.min, question.max, question.suggestions_from):
            if isinstance(expression, Expression):
                try:
                    _compiled(expression.source)
                except TemplateSyntaxError as exc:
                    errors.append(f"{question.name}: {expression.source!r}: {exc}")
    return errors


def _bound(value: int | str | None) -> int | Expression | None:
    return _expression(value) if isinstance(value, str) else value


def _check_unique(sections: tuple[Section, ...], path: Path) -> None:
    seen: set[str] = set()
    for question in (q for s in sections for q in s.questions):
        if question.name in seen:
            raise KitError(f"{path}: question {question.name!r} is declared twice")
        seen.add(question.name)
