"""The interview: which question comes next, what the answers are, what a change undoes.

The wizard's logic without its screen: the wizard (questionary) only shows questions and
reads keys; this module decides. Answers go through the same checks as answers files.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from ngokit.questions.answers import answer_question, utc_today
from ngokit.questions.questionnaire import Question, Section

if TYPE_CHECKING:  # the interview asks a kit's questions; kits stand on questions, not the reverse
    from ngokit.kit import Kit

_BLANK = None  # an optional question the person left empty


@dataclass
class Interview:
    """The answers given so far and the rules to move on: next question, change, review."""

    kit: Kit
    values: dict[str, Any] = field(default_factory=dict)
    today: date = field(default_factory=utc_today)
    _facts_for: str | None = field(default=None, init=False, repr=False)
    _facts: Mapping[str, Any] = field(default_factory=dict, init=False, repr=False)

    @property
    def languages(self) -> tuple[str, ...]:
        """Return the documents' languages the kit offers."""
        return self.kit.languages

    def scope(self) -> dict[str, Any]:
        """Return what `when`, defaults and bounds see: answers so far, today, country facts."""
        extra: dict[str, Any] = {"today": self.today, **self._country_facts(self.values.get("country"))}
        return {**extra, **{k: v for k, v in self.values.items() if v is not _BLANK}}

    def _country_facts(self, country: str | None) -> Mapping[str, Any]:
        """Return the country's facts, looked up once per country (the scope is asked for at
        every question and at every key the person types)."""
        if not country:
            return {}
        if self._facts_for != country:
            self._facts_for, self._facts = country, self.kit.country_facts(country, self.languages)
        return self._facts

    def next_question(self) -> Question | None:
        """Return the first question that applies and has no valid answer yet, or None."""
        for question in self.kit.questionnaire:
            scope = self.scope()
            if not question.applies(scope):
                continue
            if question.name not in self.values:
                return question
            if not self._still_valid(question, scope):
                del self.values[question.name]
                return question
        return None

    def default(self, question: Question) -> Any:
        """Return the value to offer: the current answer, else the question's default."""
        if self.values.get(question.name) is not None:
            return self.values[question.name]
        return question.default_for(self.scope())

    def check(self, question: Question, value: Any) -> Any:
        """Return the answer to a question (a blank takes the default), or raise ValueError
        with the message to show: the same rule as for answers files."""
        return answer_question(question, value, self.scope(), self.languages)

    def answer(self, question: Question, value: Any) -> None:
        """Record an answer (already checked) and forget answers to questions that no longer apply."""
        self.values[question.name] = value
        self._prune()

    def asked(self) -> Iterator[tuple[Section, Question, Any]]:
        """Yield every question that applies with its answer, in order, for the review."""
        scope = self.scope()
        for section in self.kit.questionnaire.sections:
            for question in section.questions:
                if question.applies(scope) and question.name in self.values:
                    yield section, question, self.values[question.name]

    def raw(self) -> dict[str, Any]:
        """Return the answers to save or validate (blank optional answers left out)."""
        return {k: v for k, v in self.values.items() if v is not _BLANK}

    def _still_valid(self, question: Question, scope: Mapping[str, Any]) -> bool:
        try:
            self.values[question.name] = answer_question(question, self.values[question.name], scope, self.languages)
        except ValueError:
            return False
        return True

    def _prune(self) -> None:
        scope = self.scope()
        for question in self.kit.questionnaire:
            if question.name in self.values and not question.applies(scope):
                del self.values[question.name]
                scope = self.scope()
