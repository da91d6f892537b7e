"""The questionnaire: every question a kit asks, declared once in ``questions.yaml``.

The wizard, answers-file validation, the batch spreadsheet and ``ngokit questions`` all read
the :class:`Questionnaire` built here; none of them holds question text or logic of its own.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

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
    also: tuple[str, ...] = ()  # other words people type for it, e.g. "2/3" for two thirds


@dataclass(frozen=True)
class Expression:
    """A small Jinja expression over earlier answers, e.g. ``legal_status == 'registered'``."""

    source: str

    def evaluate(self, values: Mapping[str, Any]) -> Any:
        """Return the expression's value given the answers so far (missing names are None)."""
        return _compiled(self.source)(**values)

    def compile(self) -> None:
        """Compile the expression now (raises jinja2's TemplateSyntaxError when it is not valid)."""
        _compiled(self.source)


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
    quick: bool = False  # asked on the quick path (the others take their presets)
    quick_default: Any = None  # the preset on the quick path, when it differs from the default

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
class Check:
    """A rule across answers, declared beside the questions: the fields it reads, the rule
    (an expression that must be true) and the message a person reads when it is not."""

    fields: tuple[str, ...]
    rule: Expression
    message: str

    def holds(self, values: Mapping[str, Any]) -> bool:
        """Return True when the rule holds, or when one of its fields has no answer to check."""
        if any(values.get(name) is None for name in self.fields):
            return True
        return bool(self.rule.evaluate(values))


@dataclass(frozen=True)
class Questionnaire:
    """Every question of a kit, in the order they are asked, and the checks across answers."""

    sections: tuple[Section, ...]
    checks: tuple[Check, ...] = ()

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
