"""The interview: which question comes next, what the answers are, what a change undoes.

The wizard's logic without its screen: the terminal wizard (questionary) and the web
interview only show questions and read answers; this module decides. Answers go through
the same rule and checks as answers files.

After the network's name and country comes one choice: the quick path (about a dozen
questions that matter for a small network; the others take safe presets, which the review
shows and lets you change) or the full interview. Back goes to the question asked before.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from ngokit.errors import Problem
from ngokit.i18n import _
from ngokit.questions.answers import META_KEY, answer_question, check_across, utc_today
from ngokit.questions.coercion import Context, Interpretation
from ngokit.questions.questionnaire import Choice, Question, Section

if TYPE_CHECKING:  # the interview asks a kit's questions; kits stand on questions, not the reverse
    from ngokit.kit import Kit

_BLANK = None  # an optional question the person left empty
QUICK, FULL = "quick", "full"
PATH = "interview_path"
"""The name of the one question that is the interview's, not the kit's: quick or full."""


def path_question() -> Question:
    """Return the choice between the quick path and the full interview (in the interface language)."""
    return Question(
        name=PATH, type="choice", section="network",
        prompt=_("How do you want to answer?"),
        help=_("The quick path asks about a dozen questions that matter most for a small network and uses "
               "safe choices for the rest; you see them all in the review and can change any. The full "
               "interview asks every question."),
        choices=(Choice(QUICK, _("Quick start: about a dozen questions")), Choice(FULL, _("The full interview"))),
        default=QUICK,
    )  # fmt: skip


@dataclass
class Interview:
    """The answers given so far and the rules to move on: next question, back, change, review."""

    kit: Kit
    values: dict[str, Any] = field(default_factory=dict)
    today: date = field(default_factory=utc_today)
    path: str | None = None
    history: list[str] = field(default_factory=list)  # questions answered, in the order asked
    presets: set[str] = field(default_factory=set)  # answers the quick path filled in
    last_reading: Interpretation | None = None  # how the last answer was read, when worth saying
    _facts_for: str | None = field(default=None, init=False, repr=False)
    _facts: Mapping[str, Any] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        if self.path is None and any(name not in ("network_name", "network_short_name", "country")
                                     for name in self.values):  # fmt: skip
            self.path = FULL  # resumed answers: carry on with every question

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
        """Return the next question to ask, or None when every question that applies has an
        answer (on the quick path, the others take their presets on the way)."""
        for question in self.kit.questionnaire:
            scope = self.scope()
            if not question.applies(scope):
                continue
            if question.name in self.values and self._still_valid(question, scope):
                continue
            self.values.pop(question.name, None)
            if self.path is None and question.name not in ("network_name", "network_short_name", "country"):
                return path_question()
            if self.path == QUICK and not question.quick and self._preset(question, scope):
                continue
            return question
        return None

    def _preset(self, question: Question, scope: Mapping[str, Any]) -> bool:
        """Fill in a question the quick path does not ask; return False when it has no safe preset."""
        value = question.quick_default if question.quick_default is not None else question.default_for(scope)
        try:
            self.values[question.name] = answer_question(question, value, scope, self.languages)
        except ValueError:
            return False
        self.presets.add(question.name)
        return True

    def default(self, question: Question) -> Any:
        """Return the value to offer: the current answer, else the question's default."""
        if question.name == PATH:
            return self.path or QUICK
        if self.values.get(question.name) is not None:
            return self.values[question.name]
        return question.default_for(self.scope())

    def check(self, question: Question, value: Any) -> Any:
        """Return the answer to a question (a blank takes the default), or raise ValueError
        with the message to show: the same rule as for answers files."""
        if question.name == PATH:
            return QUICK if str(value).strip() in ("", QUICK) else FULL
        context = Context(self.languages)
        answer = answer_question(question, value, self.scope(), self.languages, context)
        self.last_reading = context.notes[-1] if context.notes else None
        return answer

    def answer(self, question: Question, value: Any) -> None:
        """Record an answer (already checked) and forget answers to questions that no longer apply."""
        if question.name == PATH:
            self._choose_path(value)
        else:
            self.values[question.name] = value
            self.presets.discard(question.name)
        if question.name in self.history:
            self.history.remove(question.name)
        self.history.append(question.name)
        self._prune()

    def _choose_path(self, path: str) -> None:
        if path != self.path:  # presets of the other path are no longer choices anyone made
            for name in self.presets:
                self.values.pop(name, None)
            self.presets.clear()
        self.path = path

    def back(self) -> bool:
        """Go back to the question asked before the current one; return False at the first."""
        if not self.history:
            return False
        name = self.history.pop()
        if name == PATH:
            self.path = None
        else:
            self.values.pop(name, None)
        return True

    def asked(self) -> Iterator[tuple[Section, Question, Any]]:
        """Yield every question that applies with its answer, in order, for the review."""
        scope = self.scope()
        for section in self.kit.questionnaire.sections:
            for question in section.questions:
                if question.applies(scope) and question.name in self.values:
                    yield section, question, self.values[question.name]

    def progress(self, question: Question) -> tuple[int, int, Section]:
        """Return where a question is: its section's number, the number of sections, the section."""
        sections = self.kit.questionnaire.sections
        number = next((i for i, s in enumerate(sections, start=1) if s.id == question.section), 1)
        return number, len(sections), sections[number - 1]

    def shown(self, question: Question, value: Any, ui_language: str) -> str:
        """Return an answer as the person reads it: labels, yes/no, amounts with currency."""
        from ngokit import locales

        if value is None:
            return _("(left blank: the documents show a blank to fill)")
        if question.type == "yesno":
            return _("yes") if value else _("no")
        labels = {c.value: _(c.label) for c in question.choices}
        if question.type == "choice":
            return labels.get(value, str(value))
        if question.type == "multichoice":
            return ", ".join(labels.get(v, v) for v in value) or _("none")
        if question.type == "country":
            return f"{locales.country_name(value, ui_language)} ({value})"
        if question.type == "language" and value != locales.PSEUDO_LOCALE:
            return f"{locales.language_name(value, ui_language)} ({value})"
        if question.type == "money":
            return locales.format_money(value, self.values.get("currency") or "USD", ui_language)
        if question.type == "month":
            return locales.month_name(int(value), ui_language)
        return str(value)

    def problems(self) -> list[Problem]:
        """Return what the checks across answers find in the answers so far (for the review)."""
        return check_across(self.kit.questionnaire, self.scope())

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
                self.presets.discard(question.name)
                scope = self.scope()


@dataclass(frozen=True)
class Resumed:
    """Saved answers sorted for resuming: those the kit can use, and what is left out or asked again."""

    answers: dict[str, Any]
    unknown: tuple[str, ...] = ()  # keys that are not questions of the kit: left out
    unreadable: tuple[str, ...] = ()  # answers that do not read as their question's type: asked again


def resumable(saved: Mapping[str, Any], kit: Kit) -> Resumed:
    """Return the saved answers the kit still asks about and can read (bounds that depend on
    other answers are checked later, as the interview goes), and the names of the others."""
    names = kit.questionnaire.names
    known = {str(k): v for k, v in saved.items() if k in names and _readable(kit, str(k), v)}
    unknown = tuple(sorted(str(k) for k in saved if k not in names and k != META_KEY))
    unreadable = tuple(str(k) for k in saved if k in names and k not in known)
    return Resumed(known, unknown, unreadable)


def _readable(kit: Kit, name: str, value: Any) -> bool:
    if value is None:
        return True  # an optional question left blank
    try:
        answer_question(replace(kit.questionnaire[name], min=None, max=None), value, {}, kit.languages)
    except ValueError:
        return False
    return True
